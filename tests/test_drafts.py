"""Drafts: saved on every change, offered back after a restart; sent requests remembered."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from collector.drafts import KEEP_OLD_DRAFTS, DraftStore
from collector.errors import CollectorError
from collector.request import Contact, RequestContext, RequestForm, validate
from collector.userdata import DATA_DIR_ENV, user_data_dir

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "данные сборщика"
    monkeypatch.setenv(DATA_DIR_ENV, str(folder))
    return folder


def typed_form() -> RequestForm:
    return RequestForm(topic="errors", problem_date=date(2026, 11, 20),
                       questions=["Не открывается журнал продаж за 20.11", "Прибыль неверная"],
                       symptoms=["sales_journal_error"],
                       contact=Contact(name="Ирина", email="irina@mail.ru"),
                       attachments=["C:\\Users\\Магазин\\чек.jpg"])


def test_user_data_dir_honours_the_environment(data_dir):
    assert user_data_dir() == data_dir
    assert data_dir.is_dir()
    assert DraftStore().folder == data_dir


def test_user_data_dir_default_is_platformdirs(monkeypatch):
    import platformdirs

    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    expected = Path(platformdirs.user_data_dir("gbs-support-collector", appauthor=False))
    assert user_data_dir(create=False) == expected


def test_user_data_dir_that_cannot_be_created(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv(DATA_DIR_ENV, str(blocker / "sub"))
    with pytest.raises(CollectorError) as exc:
        user_data_dir()
    assert DATA_DIR_ENV in exc.value.message


def test_every_change_saved_unchanged_not_rewritten(data_dir):
    store = DraftStore()
    form = RequestForm()
    assert store.save(form) is False  # nothing typed: nothing to keep
    assert not store.current_path.exists()
    form.topic = "errors"
    assert store.save(form) is True
    first = store.current_path.read_bytes()
    assert store.save(form) is False  # no change: no disk write
    form.questions = ["Н"]
    assert store.save(form) is True
    form.questions = ["Не"]
    assert store.save(form) is True
    assert store.current_path.read_bytes() != first
    doc = json.loads(store.current_path.read_text(encoding="utf-8"))
    assert doc["schema"] == "gbs-collector-draft/1"
    assert doc["form"]["questions"] == ["Не"]
    assert doc["form"]["include_database"] is None  # undecided stays undecided in a draft
    assert [p.name for p in store.drafts_dir.iterdir()] == ["current.json"]  # no temp files


def test_restore_across_a_real_restart(data_dir):
    """One process types and dies without saying goodbye; the next one gets everything back."""
    script = textwrap.dedent("""
        import os
        from datetime import date
        from collector.drafts import DraftStore
        from collector.request import Contact, RequestForm
        store = DraftStore()
        form = RequestForm(topic="errors", problem_date=date(2026, 11, 20))
        for text in ("Не", "Не открывается", "Не открывается журнал продаж за 20.11"):
            form.questions = [text]
            store.save(form, ui={"page": "questions", "include_database_touched": False})
        form.contact = Contact(name="Ирина", telegram="@romashka_shop")
        store.save(form, ui={"page": "contacts"})
        os._exit(9)  # a crash: no cleanup, no atexit
    """)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.run([sys.executable, "-c", script], env=env, cwd=REPO, timeout=120)
    assert proc.returncode == 9
    draft = DraftStore().offer()
    assert draft is not None
    assert draft.form.questions == ["Не открывается журнал продаж за 20.11"]
    assert draft.form.contact == Contact(name="Ирина", telegram="@romashka_shop")
    assert draft.form.problem_date == date(2026, 11, 20)
    assert draft.form.include_database is None
    assert draft.ui == {"page": "contacts"}
    assert "Не открывается журнал продаж" in draft.describe()
    assert abs((datetime.now().astimezone() - draft.saved_at).total_seconds()) < 120


def test_restored_draft_saves_without_rewrite_until_changed(data_dir):
    DraftStore().save(typed_form())
    store = DraftStore()  # next start
    draft = store.offer()
    assert draft is not None and draft.form == typed_form()
    assert store.save(draft.form, draft.ui) is False
    draft.form.questions.append("Третий вопрос про весы")
    assert store.save(draft.form, draft.ui) is True


def test_clearing_the_form_does_not_destroy_the_draft(data_dir):
    store = DraftStore()
    store.save(typed_form())
    assert store.save(RequestForm()) is False
    assert DraftStore().offer().form == typed_form()


def test_declined_draft_is_kept_aside_not_deleted(data_dir):
    store = DraftStore()
    store.save(typed_form())
    kept = store.discard()
    assert kept is not None and kept.parent.name == "old"
    assert json.loads(kept.read_text(encoding="utf-8"))["form"]["questions"][0].startswith("Не")
    assert DraftStore().offer() is None
    assert store.discard() is None  # nothing to discard


def test_old_drafts_are_pruned(data_dir):
    store = DraftStore()
    old = store.drafts_dir / "old"
    old.mkdir(parents=True)
    for i in range(KEEP_OLD_DRAFTS + 5):
        p = old / f"2026010{i:03d}.json"
        p.write_text("{}")
        os.utime(p, (1_700_000_000 + i, 1_700_000_000 + i))
    store.save(typed_form())
    store.discard()
    left = sorted(old.glob("*.json"))
    assert len(left) == KEEP_OLD_DRAFTS
    assert old / "2026010000.json" not in left  # the oldest went first


@pytest.mark.parametrize("content", [b"{\"schema\": \"gbs-collector-draft/1\", \"form\": {",
                                     b"", b"\xff\xfe\x00garbage", b"[]",
                                     b"{\"schema\": \"other\"}",
                                     b"{\"schema\": \"gbs-collector-draft/1\", \"saved_at\": "
                                     b"\"2026-11-20T10:00:00+03:00\", \"form\": {\"topic\": 5}}"])
def test_broken_draft_is_moved_aside_with_a_message(data_dir, content):
    store = DraftStore()
    store.drafts_dir.mkdir(parents=True)
    store.current_path.write_bytes(content)
    assert store.offer() is None
    assert store.problem and "повреждён" in store.problem
    broken = list(store.drafts_dir.glob("broken-*.json"))
    assert len(broken) == 1 and broken[0].read_bytes() == content
    assert not store.current_path.exists()
    assert store.save(typed_form()) is True  # and life goes on
    assert DraftStore().offer().form == typed_form()


def test_save_failure_is_a_russian_error(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    store = DraftStore(blocker)
    with pytest.raises(CollectorError) as exc:
        store.save(typed_form())
    assert "черновик" in exc.value.message and "не закрывайте" in exc.value.message


def test_sent_request_is_remembered_and_warns_against_duplicates(data_dir):
    store = DraftStore()
    form = typed_form()
    store.save(form)
    record = store.mark_sent(form, code="A7F3")
    assert record.topic == "errors" and record.summary.startswith("Не открывается")
    assert DraftStore().offer() is None  # the draft is retired once sent
    assert (store.drafts_dir / "old").is_dir()  # …but not destroyed
    # Next start, the same question again without the previous number:
    recent = DraftStore().recent_sent()
    assert [r.code for r in recent] == ["A7F3"]
    ctx = RequestContext(version="6.6.12.2634", gbs_id="6:" + "A" * 32, today=date.today(),
                         recent_requests=recent, check_files=False)
    again = typed_form()
    again.problem_date = date.today()  # (the question names its day: the same day as chosen)
    again.questions[0] = f"Не открывается журнал продаж за {date.today():%d.%m}"
    problems = validate(again, ctx)
    assert [p.code for p in problems] == ["previous_request.duplicate"]
    assert "A7F3" in problems[0].message
    again.previous_request = "A7F3"
    assert validate(again, ctx) == []


def test_sent_history_window_and_damaged_lines(data_dir):
    store = DraftStore()
    now = datetime.now().astimezone()
    store.mark_sent(typed_form(), "OLD", when=now - timedelta(days=5))
    store.mark_sent(typed_form(), "NEW", when=now - timedelta(hours=1))
    with open(store.sent_path, "a", encoding="utf-8") as f:
        f.write("{not json\n")
    assert [r.code for r in store.recent_sent()] == ["NEW"]
    assert [r.code for r in store.recent_sent(within=timedelta(days=7))] == ["OLD", "NEW"]
