"""``collector form check|render FORM.json`` on a demo installation."""

from __future__ import annotations

import json

import pytest

from collector.cli import main
from tests.conftest import tree_snapshot


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("GBS_COLLECTOR_DATA_DIR", str(tmp_path / "userdata"))


def write_form(path, **kw):
    form = {"topic": "errors", "problem_date": "2026-11-20",
            "questions": ["Не открывается журнал продаж за 20.11"],
            "previous_request": "", "symptoms": ["sales_journal_error"],
            "contact": {"name": "Ирина", "email": "irina@mail.ru", "phone": "", "telegram": ""},
            "attachments": [], "include_database": True}
    form.update(kw)
    path.write_text(json.dumps(form, ensure_ascii=False), encoding="utf-8")
    return path


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_check_good_form_uses_the_installation(demo, tmp_path, capsys):
    before = tree_snapshot(demo.root)
    form = write_form(tmp_path / "FORM.json")
    code, out, _err = run(capsys, "form", "check", form, "--root", demo.root, "--offline",
                          "--today", "2026-11-20", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["valid"] and data["problems"] == []
    assert data["version"] == demo.version and data["gbs_id"] == demo.gbs_id
    assert data["include_database"] is True
    assert "kb.search" in {a["code"] for a in data["advice"]}
    assert tree_snapshot(demo.root) == before


def test_check_bad_form_lists_everything_and_fails(demo, tmp_path, capsys):
    form = write_form(tmp_path / "FORM.json", topic="", problem_date="",
                      contact={"email": "irina@", "phone": "", "telegram": ""},
                      attachments=[str(tmp_path / "голос.ogg")])
    (tmp_path / "голос.ogg").write_bytes(b"OggS")
    code, _out, err = run(capsys, "form", "check", form, "--root", demo.root, "--offline",
                          "--today", "2026-11-20")
    assert code == 2
    for fragment in ("[topic]", "[contact.email]", "[attachments[0]]", "голосом", "Ошибок: 3"):
        assert fragment in err, fragment


def test_check_unreadable_form(tmp_path, capsys):
    bad = tmp_path / "FORM.json"
    bad.write_text(json.dumps({"topic": 1, "questions": "x", "include_database": "да"}),
                   encoding="utf-8")
    code, out, _err = run(capsys, "form", "check", bad, "--json", "--offline")
    assert code == 2
    assert {p["field"] for p in json.loads(out)["problems"]} == {"topic", "include_database"}


def test_render_prints_request_txt(demo, tmp_path, capsys):
    form = write_form(tmp_path / "FORM.json", previous_request="4512")
    code, out, _err = run(capsys, "form", "render", form, "--root", demo.root, "--offline",
                          "--today", "2026-11-20")
    assert code == 0
    assert out.startswith("Обращение в службу поддержки GBS.Market\n")
    assert f"Версия программы: {demo.version} (GBS.Market 6)" in out
    assert f"GBS.ID: {demo.gbs_id}" in out
    assert "1. Не открывается журнал продаж за 20.11" in out
    assert "Номер предыдущего обращения: 4512" in out
    assert "- журналы работы программы за 20.11.2026" in out
    assert "- резервная копия базы данных" in out


@pytest.mark.parametrize("topic", ["errors", "licensing", "cooperation"])
def test_form_new_writes_a_template_the_rules_refuse_until_filled_in(demo, tmp_path, capsys,
                                                                     topic):
    form = tmp_path / "FORM.json"
    code, _out, err = run(capsys, "form", "new", form, "--topic", topic, "--date", "2026-11-20")
    assert code == 0 and "form check" in err
    data = json.loads(form.read_text(encoding="utf-8"))  # plain JSON, no comments
    assert data["topic"] == topic and data["problem_date"] == "2026-11-20"
    assert set(data) == {"topic", "problem_date", "questions", "previous_request", "symptoms",
                         "contact", "attachments", "include_database"}
    code, out, _err = run(capsys, "form", "check", form, "--root", demo.root, "--offline",
                          "--today", "2026-11-20", "--json")
    codes = {p["code"] for p in json.loads(out)["problems"] if p["severity"] == "error"}
    assert code == 2 and {"questions.template", "contact.missing"} <= codes
    data["questions"] = ["Не открывается журнал продаж за 20.11, пишет «Ошибка SQL»"]
    data["contact"]["email"] = "irina@mail.ru"
    form.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, _err = run(capsys, "form", "check", form, "--root", demo.root, "--offline",
                          "--today", "2026-11-20", "--json")
    remaining = [p for p in json.loads(out)["problems"] if p["severity"] == "error"]
    assert code == 0 and remaining == [], remaining


def test_form_new_does_not_overwrite_without_force(tmp_path, capsys):
    form = tmp_path / "FORM.json"
    form.write_text("{}", encoding="utf-8")
    code, _out, err = run(capsys, "form", "new", form)
    assert code == 2 and "--force" in err and form.read_text() == "{}"
    code, _out, _err = run(capsys, "form", "new", form, "--force")
    assert code == 0 and json.loads(form.read_text(encoding="utf-8"))["topic"] == "errors"
