"""The e-mail draft: parsed back with Python's email package, attachments compared byte for byte;
the mail limit; hand-off to the desktop (xdg-open / file manager) with its fallback."""

from __future__ import annotations

import email
import json
import os
import stat
import subprocess
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from collector.delivery import write_drafts
from collector.delivery.email_draft import encoded_size
from collector.delivery.mailclient import FreedesktopDesktop
from collector.delivery.state import RequestCode, record_request_code
from collector.delivery.tus import DeliveryError
from collector.errors import ExitCode
from tests.tus_server import fixtures
from tests.tus_server.fixtures import cli, cli_env, write_settings
from tests.tus_server.harness import GBS_ID, REQUEST_TXT, make_bundle

clean_env = fixtures.clean_env
SUBJECT = f"Ошибки и технические вопросы · GBS.Market 6.3.0.1693 · {GBS_ID}"


def parse(path: Path) -> EmailMessage:
    msg = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    assert isinstance(msg, EmailMessage)
    return msg


def attachments(msg: EmailMessage) -> dict[str, bytes]:
    return {a.get_filename(): a.get_content() for a in msg.iter_attachments()}


def body(msg: EmailMessage) -> str:
    part = msg.get_body(("plain",))
    assert part is not None
    text = part.get_content()
    assert "\n" not in text.replace("\r\n", "")  # canonical MIME text: CRLF line ends
    return text.replace("\r\n", "\n")


def test_draft_has_subject_body_and_the_archive(clean_env, tmp_path):
    b = make_bundle(tmp_path / "out", payload=300_000)
    result = write_drafts(b.path)
    [draft] = result.drafts
    assert draft.path == b.path.with_name(b.name[:-3] + ".eml")
    raw = draft.path.read_bytes()
    assert b"\r\n" in raw
    msg = parse(draft.path)
    assert msg["X-Unsent"] == "1"
    assert msg["Subject"] == SUBJECT == result.subject
    assert msg["To"] is None  # the desk's address is not set by default
    assert body(msg) == REQUEST_TXT
    assert attachments(msg) == {b.name: b.path.read_bytes()}
    [att] = list(msg.iter_attachments())
    assert att.get_content_type() == "application/x-7z-compressed"
    assert draft.size == len(raw) <= 25 << 20


def test_to_comes_from_settings_or_the_command_line(clean_env, tmp_path):
    b = make_bundle(tmp_path / "out", payload=10_000)
    write_settings(clean_env["settings"], support_email="desk@example.org")
    p = subprocess.run(cli("email", str(b.path), "--json"), env=cli_env(), capture_output=True,
                       text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    assert parse(Path(data["drafts"][0]["path"]))["To"] == "desk@example.org"
    p = subprocess.run(cli("email", str(b.path), "--to", "me@example.org", "--out",
                           str(tmp_path / "mail")), env=cli_env(), capture_output=True,
                       text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    path = Path(p.stdout.strip())
    assert path.parent == tmp_path / "mail"
    assert parse(path)["To"] == "me@example.org"
    assert "Черновик письма готов" in p.stderr


def test_volumes_within_the_limit_go_in_one_draft(clean_env, tmp_path):
    b = make_bundle(tmp_path / "out", payload=500_000, volume_size=200_000)
    assert len(b.parts) == 3
    [draft] = write_drafts(b.parts[2], limit_mb=5).drafts
    msg = parse(draft.path)
    assert attachments(msg) == {p.name: p.read_bytes() for p in b.parts}
    assert [a.get_filename() for a in msg.iter_attachments()] == [p.name for p in b.parts]
    assert msg["Subject"] == SUBJECT


def test_volumes_over_the_limit_are_spread_over_drafts_each_within_it(clean_env, tmp_path):
    b = make_bundle(tmp_path / "out", payload=1_000_000, volume_size=300_000)
    assert len(b.parts) == 4
    limit_mb = 1.0
    result = write_drafts(b.path, limit_mb=limit_mb)
    assert len(result.drafts) >= 2
    seen: dict[str, bytes] = {}
    for i, d in enumerate(result.drafts, start=1):
        assert d.path.stat().st_size <= limit_mb * (1 << 20)
        msg = parse(d.path)
        assert msg["X-Unsent"] == "1"
        assert msg["Subject"] == f"{SUBJECT} · {i}/{len(result.drafts)}"
        text = body(msg)
        assert f"Письмо {i} из {len(result.drafts)}" in text
        assert (REQUEST_TXT.strip() in text) == (i == 1)
        for name, data in attachments(msg).items():
            assert name not in seen
            seen[name] = data
    assert seen == {p.name: p.read_bytes() for p in b.parts}
    assert "не помещается в одно письмо" in result.message


def test_single_archive_over_the_limit_is_refused_with_advice(clean_env, tmp_path):
    b = make_bundle(tmp_path / "out", payload=900_000)
    with pytest.raises(DeliveryError) as e:
        write_drafts(b.path, limit_mb=0.5)
    msg = e.value.message
    assert "больше предела почты" in msg and "collector upload" in msg and "--volume-size" in msg
    assert list((tmp_path / "out").glob("*.eml")) == []
    p = subprocess.run(cli("email", str(b.path), "--limit-mb", "0.5"), env=cli_env(),
                       capture_output=True, text=True, timeout=60)
    assert p.returncode == ExitCode.DELIVERY_FAILED
    assert "больше предела почты" in p.stderr
    assert list((tmp_path / "out").glob("*.eml")) == []


def test_archive_over_the_limit_but_uploaded_gets_the_request_code(clean_env, tmp_path):
    b = make_bundle(tmp_path / "out", payload=900_000)
    record_request_code(RequestCode("1A2B-3C4D", "1a2b3c4d" * 4, "https://x/files/1", b.name))
    result = write_drafts(b.path, limit_mb=0.5)
    [draft] = result.drafts
    msg = parse(draft.path)
    assert attachments(msg) == {}
    text = body(msg)
    assert "Код обращения: 1A2B-3C4D" in text and REQUEST_TXT.strip() in text
    assert result.request_code == "1A2B-3C4D" and result.not_attached == [b.name]


def test_encrypted_bundle_body_needs_the_password(clean_env, tmp_path):
    b = make_bundle(tmp_path / "out", payload=50_000, password="секрет")
    result = write_drafts(b.path)
    [draft] = result.drafts
    assert "Текст обращения не прочитан" in result.message and "пароль" in result.message
    msg = parse(draft.path)
    assert "request.txt внутри приложенного архива" in body(msg)
    assert msg["Subject"].endswith("01234567")  # GBS.ID prefix from the file name
    assert attachments(msg) == {b.name: b.path.read_bytes()}
    pw = tmp_path / "pw.txt"
    pw.write_text("секрет\n", encoding="utf-8")
    p = subprocess.run(cli("email", str(b.path), "--password-file", str(pw)), env=cli_env(),
                       capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    msg = parse(Path(p.stdout.strip()))
    assert body(msg) == REQUEST_TXT and msg["Subject"] == SUBJECT
    assert "секрет" not in p.stderr + p.stdout


def test_body_from_a_given_request_file(clean_env, tmp_path):
    b = make_bundle(tmp_path / "out", payload=10_000)
    req = tmp_path / "request.txt"
    req.write_text("Другой текст обращения\n", encoding="utf-8")
    p = subprocess.run(cli("email", str(b.path), "--request", str(req)), env=cli_env(),
                       capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    assert body(parse(Path(p.stdout.strip()))) == "Другой текст обращения\n"


def test_encoded_size_matches_what_the_email_package_writes():
    for n in (0, 1, 57, 58, 1000, 300_001):
        msg = EmailMessage(policy=policy.SMTP)
        msg.set_content("x")
        msg.add_attachment(os.urandom(n), maintype="application", subtype="octet-stream",
                           filename="a.bin")
        [att] = list(msg.iter_attachments())
        written = len(att.get_payload().replace("\n", "\r\n").encode())
        assert encoded_size(n) >= written >= encoded_size(n) - 80


# --- desktop hand-off (Linux side of the Windows-only interface) -------------------------------

def _recorder(folder: Path, name: str, exit_code: int = 0) -> Path:
    """A stand-in for a desktop launcher (xdg-open, dbus-send) that records its arguments: the
    real ones would start programs on the desktop of whoever runs the tests."""
    folder.mkdir(exist_ok=True)
    script = folder / name
    log = folder / f"{name}.log"
    script.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" >> "{log}"\nexit {exit_code}\n')
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return log


def test_open_and_reveal_use_the_desktop_launchers(clean_env, tmp_path, monkeypatch):
    b = make_bundle(tmp_path / "out", payload=10_000)
    bin_dir = tmp_path / "bin"
    opened = _recorder(bin_dir, "xdg-open")
    shown = _recorder(bin_dir, "dbus-send")
    env = cli_env(PATH=f"{bin_dir}{os.pathsep}/usr/bin:/bin")
    p = subprocess.run(cli("email", str(b.path), "--open", "--reveal", "--json"), env=env,
                       capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    eml = data["drafts"][0]["path"]
    assert opened.read_text().splitlines() == [eml]
    args = shown.read_text().splitlines()
    assert "org.freedesktop.FileManager1.ShowItems" in args
    assert f"array:string:{Path(eml).as_uri()}" in args
    assert [h["ok"] for h in data["handoff"]] == [True, True]


def test_reveal_falls_back_to_the_folder_then_to_a_message(clean_env, tmp_path, monkeypatch):
    target = tmp_path / "x.eml"
    target.write_text("x")
    bin_dir = tmp_path / "bin"
    opened = _recorder(bin_dir, "xdg-open")
    _recorder(bin_dir, "dbus-send", exit_code=1)  # no file manager answers on D-Bus
    monkeypatch.setenv("PATH", str(bin_dir))
    h = FreedesktopDesktop().reveal(target)
    assert h.ok and opened.read_text().splitlines() == [str(tmp_path)]
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    h = FreedesktopDesktop().reveal(target)
    assert not h.ok and str(target) in h.message and "Не удалось" in h.message
    h = FreedesktopDesktop().open_file(target)
    assert not h.ok and str(target) in h.message and "вручную" in h.message
