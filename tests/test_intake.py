"""Delivery to the desk's intake (GBS_MARKET.md §11) against a loopback server that implements
its contract exactly (``tests/intake_server.py``): the parts byte for byte, the task number into
the history and a follow-up, retries that never make a second task, big bundles split into one
task, a broken bundle never sent."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import pytest

from collector.bundle import verify_bundle
from collector.delivery import MaybeDelivered, Outbox, Sender, last_request_code, request_history
from collector.delivery.integrity import Tampered
from collector.delivery.outbox import FAILED, SENT, UNCERTAIN
from collector.delivery.tus import DeliveryError, Refused
from collector.errors import ExitCode
from collector.settings import Settings
from tests import netguard
from tests.intake_server import IntakeServer, SilentServer
from tests.tus_server import fixtures
from tests.tus_server.fixtures import cli, cli_env
from tests.tus_server.harness import GBS_ID, REQUEST_TXT, make_bundle

clean_env, tus = fixtures.clean_env, fixtures.tus  # pytest fixtures used by name below

EMAIL = "shop@example.ru"


@pytest.fixture
def intake(tmp_path: Path):
    with IntakeServer(tmp_path / "intake") as server:
        yield server


def settings(intake: IntakeServer | None = None, **kw) -> Settings:
    values = {**netguard.LOOPBACK_SETTINGS, "upload_retries": 4, "upload_retry_delay_s": 0.05,
              "stall_timeout_s": 20.0, "intake_reply_timeout_s": 20.0}
    if intake is not None:
        values["intake_url"] = intake.url
    values.update(kw)
    return Settings(**values)  # type: ignore[arg-type]


def test_request_reaches_the_intake_byte_for_byte_and_its_number_is_kept(
        clean_env, intake, tmp_path):
    text = REQUEST_TXT + "2. Цена <без скидки> & «с НДС»\n"
    b = make_bundle(tmp_path / "out", payload=300_000, request_text=text, email=EMAIL, mode=1)
    waits: list = []
    result = Sender(settings(intake), on_progress=waits.append).send(b.path)

    assert result.request_number == "50001" and result.channel == "intake"
    assert len(intake.posts) == 1 and list(intake.tasks) == [50001]
    post = intake.tasks[50001]
    # the file part is the bundle, named as it is, without a Content-Type
    assert post.file is not None and post.file.filename == b.name
    assert post.file.data() == b.data
    assert "content-type" not in post.file.headers
    # the text parts: the program's shape, the request escaped, line breaks as <br/>
    for part in ("message", "email"):
        assert post.parts[part].headers["content-type"] == "text/plain; charset=utf-8"
    assert post.email == EMAIL
    msg = post.message
    assert msg.startswith("Обращение в поддержку GBS.Market<br/>Тема: ")
    assert "2. Цена &lt;без скидки&gt; &amp; «с НДС»" in msg and "\n" not in msg
    assert f"<br/><br/><b>Электронная почта:</b> {EMAIL}" in msg
    assert "<br/><b>Режим работы программы:</b> Cafe" in msg
    assert f"<br/><b>GBS.ID:</b> {GBS_ID}" in msg
    assert "<br/><b>Версия программы:</b> 6.3.0.1693" in msg
    assert msg.index("Электронная почта") < msg.index("Режим работы") < msg.index("GBS.ID:</b>") \
        < msg.index("Версия программы:</b>")
    # the number: in the outbox, in the history, offered to the next request as its previous one
    entry = Outbox().find(b.path)
    assert entry is not None and entry.status == SENT and entry.request_code == "50001"
    assert request_history()[-1].channel == "intake"
    assert last_request_code() == "50001"
    from collector.request import RequestForm, render_request_text

    follow_up = RequestForm(topic="errors", questions=["Ещё вопрос"],
                            previous_request=last_request_code() or "")
    assert "Номер предыдущего обращения: 50001" in render_request_text(follow_up)
    # progress went up to the whole body and ended "done"
    ups = [p for p in waits if p.phase == "upload"]
    assert ups and ups[-1].sent <= ups[-1].total
    assert waits[-1].phase == "done"
    # sending it again sends nothing
    again = Sender(settings(intake)).send(b.path)
    assert again.already_sent and again.request_number == "50001" and len(intake.posts) == 1


def test_the_line_speed_kept_is_what_crossed_the_line(clean_env, intake, tmp_path):
    """The speed kept for the next preset is measured up to the intake's answer: bytes still
    in the system's send buffers when the last one was handed over have not been sent."""
    from collector.bundle.preset import last_uplink

    rate = 1 << 20
    b = make_bundle(tmp_path / "out", payload=3 << 20)
    intake.fault("slow", rate=rate)
    result = Sender(settings(intake)).send(b.path)
    assert result.request_number == "50001" and intake.posts[0].outcome == "task"
    speed = last_uplink()
    assert speed is not None and 0.7 * rate < speed < 1.2 * rate, speed / rate


def test_cli_prints_the_request_number_and_json(clean_env, intake, tmp_path):
    b = make_bundle(tmp_path / "out", payload=50_000, email=EMAIL)
    p = subprocess.run(cli("upload", str(b.path), "--intake", intake.url, "--json"),
                       env=cli_env(), capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    assert "Номер обращения: 50001" in p.stderr
    data = json.loads(p.stdout)
    assert data["request_number"] == "50001" and data["channel"] == "intake"
    assert intake.tasks[50001].file.data() == b.data  # type: ignore[union-attr]


def test_busy_answers_are_retried_and_make_one_task(clean_env, intake, tmp_path):
    b = make_bundle(tmp_path / "out", payload=100_000)
    intake.fault("status", status=503)
    intake.fault("status", status=500)
    intake.fault("status", status=429, retry_after=0)
    intake.fault("status", status=408)
    progress: list = []
    result = Sender(settings(intake), on_progress=progress.append).send(b.path)
    assert result.request_number == "50001"
    assert [p.outcome for p in intake.posts] == ["fault:503", "fault:500", "fault:429",
                                                 "fault:408", "task"]
    assert len(intake.tasks) == 1
    waits = [p.message for p in progress if p.phase == "wait"]
    assert len(waits) == 4 and all("ответ" in w and "Повтор через" in w for w in waits)


@pytest.mark.parametrize("status", [400, 401, 403, 404, 422])
def test_other_client_errors_are_not_retried(clean_env, intake, tmp_path, status):
    b = make_bundle(tmp_path / "out", payload=20_000)
    intake.fault("status", status=status)
    with pytest.raises(Refused) as e:
        Sender(settings(intake)).send(b.path)
    assert f"ответ {status}" in e.value.message
    assert len(intake.posts) == 1 and not intake.tasks
    assert Outbox().find(b.path).status == FAILED  # type: ignore[union-attr]


def test_no_second_post_after_a_timeout_once_the_body_was_sent(clean_env, intake, tmp_path):
    b = make_bundle(tmp_path / "out", payload=100_000, email=EMAIL)
    intake.fault("hang")
    with pytest.raises(MaybeDelivered) as e:
        Sender(settings(intake, intake_reply_timeout_s=1.0)).send(b.path)
    assert len(intake.posts) == 1 and len(intake.tasks) == 1  # the desk has it
    assert "Возможно, оно уже принято" in e.value.message
    assert "повторять его автоматически сборщик не будет" in e.value.message
    assert e.value.exit_code == ExitCode.DELIVERY_FAILED
    entry = Outbox().find(b.path)
    assert entry is not None and entry.status == UNCERTAIN and entry.uncertain_at
    assert entry not in Outbox().pending()  # never offered for sending by itself
    assert last_request_code() is None  # no number came back
    # A manual repeat goes, and says it may duplicate the attempt of that time.
    intake.release.set()
    p = subprocess.run(cli("upload", str(b.path), "--intake", intake.url), env=cli_env(),
                       capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    assert "могла дойти до поддержки" in p.stderr and "может её продублировать" in p.stderr
    assert len(intake.posts) == 2
    repeat = intake.posts[1].message
    when = time.strftime("%d.%m.%Y", time.localtime())
    assert "<b>Повторная отправка:</b> возможно, дублирует отправку " + when in repeat


@pytest.mark.parametrize("kind", ["non_json", "reset_after_body"])
def test_an_answer_without_a_number_is_never_repeated(clean_env, intake, tmp_path, kind):
    b = make_bundle(tmp_path / "out", payload=60_000)
    intake.fault(kind)
    with pytest.raises(MaybeDelivered):
        Sender(settings(intake)).send(b.path)
    assert len(intake.posts) == 1 and len(intake.tasks) == 1
    assert Outbox().find(b.path).status == UNCERTAIN  # type: ignore[union-attr]


def test_a_gateway_timeout_is_treated_as_maybe_delivered(clean_env, intake, tmp_path):
    b = make_bundle(tmp_path / "out", payload=20_000)
    intake.fault("status", status=504)
    with pytest.raises(MaybeDelivered):
        Sender(settings(intake)).send(b.path)
    assert len(intake.posts) == 1


def test_a_reset_before_the_body_was_whole_is_retried(clean_env, intake, tmp_path):
    # 24 MB cannot sit in loopback socket buffers: the reset comes while the body is on its way.
    b = make_bundle(tmp_path / "out", payload=24 << 20)
    intake.fault("reset", after=64 << 10)
    result = Sender(settings(intake)).send(b.path)
    assert result.request_number == "50001"
    assert [p.outcome for p in intake.posts] == ["fault:reset", "task"]
    assert intake.posts[0].received < intake.posts[0].length
    assert intake.tasks[50001].file.sha256() == _sha(b.data)  # type: ignore[union-attr]


def test_connection_refused_is_said_in_russian_and_kept_for_later(clean_env, tmp_path):
    b = make_bundle(tmp_path / "out", payload=20_000)
    s = settings(intake_url=f"{netguard.NOWHERE}/intake", upload_retries=1)
    with pytest.raises(Exception) as e:
        Sender(s).send(b.path)
    msg = e.value.message  # type: ignore[attr-defined]
    assert "сервер отказал в подключении" in msg
    for english in ("Connection", "Error", "errno", "refused", "Max retries"):
        assert english not in msg
    assert e.value.retry_later  # type: ignore[attr-defined]
    assert Outbox().pending()[0].bundle == b.name


def test_a_server_that_never_answers_fails_within_the_deadline(clean_env, tmp_path):
    """Accepts the connection, never reads, never answers: the deadline without progress ends
    it (the default is 2 minutes; 2 s here), retries included."""
    b = make_bundle(tmp_path / "out", payload=8 << 20)  # more than the socket buffers take
    started = time.monotonic()
    with SilentServer() as silent, pytest.raises(DeliveryError) as e:
        Sender(settings(intake_url=silent.url + "intake", stall_timeout_s=2.0,
                        upload_retries=50, upload_retry_delay_s=0.05)).send(b.path)
    elapsed = time.monotonic() - started
    assert "не отвечает уже" in e.value.message or "не ответил" in e.value.message
    assert elapsed < 30, elapsed  # bounded: not 50 retries of a 60 s timeout
    assert silent.accepted  # it did connect


def test_over_the_limit_becomes_one_task_with_a_small_bundle_and_mail_volumes(
        clean_env, tmp_path):
    b = make_bundle(tmp_path / "out", payload=3 << 20, email=EMAIL, mode=0)
    with IntakeServer(tmp_path / "intake", max_bytes=1 << 20) as intake:
        s = settings(intake, mail_limit_mb=1.5, support_email="desk@example.ru")
        result = Sender(s).send(b.path)
    # the intake answered 413 to the whole bundle, then made one task for the small one
    assert [p.outcome for p in intake.posts] == ["413", "task"]
    assert list(intake.tasks) == [50001] and result.request_number == "50001"
    post = intake.tasks[50001]
    small = tmp_path / "small.7z"
    small.write_bytes(post.file.data())  # type: ignore[union-attr]
    assert post.file.filename.endswith("_no-db.7z")  # type: ignore[union-attr]
    report = verify_bundle(small)
    assert report.ok, report.problems
    names = [e["path"] for e in report.manifest["files"]]  # type: ignore[index]
    assert "request.txt" in names and not any(n.startswith("database/") for n in names)
    assert report.manifest["split"]["left_out"] == ["database/main.fbk"]  # type: ignore[index]
    assert "<b>База данных:</b> не вложена" in post.message and b.name in post.message
    # the whole bundle as e-mail drafts whose subject carries the task number
    assert result.large_part == "mail" and len(result.drafts) >= 2
    import email
    from email import policy

    joined = b""
    for d in result.drafts:
        msg = email.message_from_bytes(Path(d).read_bytes(), policy=policy.default)
        assert msg["Subject"].startswith("Обращение № 50001 · ")
        assert msg["To"] == "desk@example.ru"
        for att in msg.iter_attachments():
            assert not att.get_filename().endswith(".sha256")
            joined += att.get_content()
        assert len(Path(d).read_bytes()) <= 1.5 * (1 << 20)
    assert joined == b.data
    entry = Outbox().find(b.path)
    assert entry is not None and entry.status == SENT and entry.large_part == "mail"
    assert request_history()[-1].code == "50001"


def test_over_the_setting_goes_small_to_the_intake_and_whole_by_tus(clean_env, tus, tmp_path):
    b = make_bundle(tmp_path / "out", payload=2 << 20)
    with IntakeServer(tmp_path / "intake") as intake:
        result = Sender(settings(intake, intake_max_mb=1, upload_url=tus.url)).send(b.path)
    assert [p.outcome for p in intake.posts] == ["task"]  # known too big: no 413 first
    assert result.large_part == "tus" and result.request_number == "50001"
    uid = tus.uploads()[0]
    assert tus.data(uid) == b.data
    assert tus.info(uid)["metadata"]["intake_task"] == "50001"
    assert "сервер загрузки файлов" in intake.tasks[50001].message
    assert last_request_code() == "50001"  # the task number, not the upload code


def test_the_rest_of_a_split_request_goes_later_without_a_second_task(clean_env, tus, tmp_path):
    b = make_bundle(tmp_path / "out", payload=2 << 20)
    with IntakeServer(tmp_path / "intake") as intake:
        s = settings(intake, intake_max_mb=1, upload_url=f"{netguard.NOWHERE}/files/",
                     upload_retries=1)
        with pytest.raises(Exception) as e:
            Sender(s).send(b.path)
        assert "Обращение принято, номер 50001" in e.value.message  # type: ignore[attr-defined]
        entry = Outbox().find(b.path)
        assert entry is not None and entry.large_part == "pending"
        assert entry in Outbox().pending()
        result = Sender(settings(intake, intake_max_mb=1, upload_url=tus.url)).send(b.path)
    assert result.request_number == "50001" and len(intake.posts) == 1
    assert tus.data(tus.uploads()[0]) == b.data


def test_a_changed_bundle_is_never_delivered(clean_env, intake, tmp_path):
    b = make_bundle(tmp_path / "out", payload=3 << 20)
    data = bytearray(b.path.read_bytes())
    data[len(data) // 2] ^= 0x01
    b.path.write_bytes(bytes(data))  # the .sha256 beside it is the writer's
    with pytest.raises(Tampered) as e:
        Sender(settings(intake)).send(b.path)
    assert "не совпадает со своей контрольной суммой" in e.value.message
    assert not intake.tasks  # the body was cut before its last byte
    assert all(p.outcome != "task" for p in intake.posts)
    from collector.delivery import write_drafts

    with pytest.raises(Tampered):
        write_drafts(b.path, limit_mb=25)
    assert not list(b.path.parent.glob("*.eml"))


def test_a_bundle_without_its_checksum_is_checked_against_its_manifest(
        clean_env, intake, tmp_path):
    from collector.bundle import BundleWriter

    with BundleWriter(tmp_path / "out", "GBS-Support_01234567_2026-11-20_20261120-101500") as w:
        w.add_bytes(REQUEST_TXT.encode(), "request.txt")
        w.add_bytes(b"x" * 100_000, "logs/2026-11-20/trace.log")
        res = w.finish({"schema": "gbs-support-bundle/1", "gbs_id": GBS_ID})
    path = res.paths[0]
    res.sha256_path.unlink()
    result = Sender(settings(intake)).send(path)
    assert intake.tasks[int(result.request_number)].file.data() == path.read_bytes()
    # damaged and without a checksum: the manifest check refuses it
    other = tmp_path / "other"
    with BundleWriter(other, "GBS-Support_01234567_2026-11-20_20261120-101501") as w:
        w.add_bytes(b"y" * 100_000, "logs/2026-11-20/trace.log")
        res = w.finish({"schema": "gbs-support-bundle/1", "gbs_id": GBS_ID})
    res.sha256_path.unlink()
    data = bytearray(res.paths[0].read_bytes())
    data[40] ^= 0xFF
    res.paths[0].write_bytes(bytes(data))
    with pytest.raises(Tampered):
        Sender(settings(intake)).send(res.paths[0])
    assert len(intake.tasks) == 1


def _sha(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def test_settings_come_from_file_environment_and_command_line(clean_env, intake, tmp_path,
                                                              monkeypatch):
    from collector.settings import clear_cli_overrides, load_settings, set_cli_override

    fixtures.write_settings(clean_env["settings"], intake_max_mb=7,
                            update_mirrors=["http://127.0.0.1:9/a"])
    assert load_settings().intake_max_mb == 7
    monkeypatch.setenv("GBS_COLLECTOR_INTAKE_MAX_MB", "8")
    monkeypatch.setenv("GBS_COLLECTOR_UPDATE_MIRRORS",
                       '["http://127.0.0.1:9/b", "http://127.0.0.1:9/c"]')
    s = load_settings()
    assert s.intake_max_mb == 8 and s.update_mirrors == ["http://127.0.0.1:9/b",
                                                         "http://127.0.0.1:9/c"]
    try:
        set_cli_override("intake_max_mb=9")
        assert load_settings().intake_max_mb == 9
        with pytest.raises(Exception) as e:
            set_cli_override("no_such_key=1")
        assert "Неизвестная настройка" in e.value.message  # type: ignore[attr-defined]
    finally:
        clear_cli_overrides()
    # the command line: --set before the subcommand, e.g. a lower intake limit that splits
    b = make_bundle(tmp_path / "out", payload=2 << 20)
    p = subprocess.run(cli("--set", "intake_max_mb=1", "upload", str(b.path), "--intake",
                           intake.url, "--json"), env=cli_env(), capture_output=True, text=True,
                       timeout=120)
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["large_part"] == "mail"
    assert intake.tasks[50001].file.filename.endswith("_no-db.7z")  # type: ignore[union-attr]
