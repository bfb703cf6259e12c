"""Send later: the outbox survives restarts, offers waiting bundles, records outcomes, keeps sent
bundles on disk until the user deletes them."""

from __future__ import annotations

import json
import subprocess

import pytest

from collector.delivery import MaybeDelivered, Outbox, Sender
from collector.delivery.state import UploadStore, atomic_write_json
from collector.delivery.tus import DeliveryError, NetworkDown, Refused
from collector.errors import Cancelled
from collector.settings import Settings
from tests import netguard
from tests.intake_server import IntakeServer
from tests.tus_server import fixtures
from tests.tus_server.fixtures import cli, cli_env, write_settings
from tests.tus_server.harness import TusServer, make_bundle

clean_env, tus = fixtures.clean_env, fixtures.tus


def test_entries_survive_a_restart_and_are_offered(clean_env, tmp_path):
    a = make_bundle(tmp_path / "a", payload=10_000, seed=1, stamp="20261120-100000")
    b = make_bundle(tmp_path / "b", payload=20_000, volume_size=8_000, seed=2,
                    stamp="20261120-110000")
    box = Outbox()
    ea = box.add(a.path)
    eb = box.add(b.parts[1])
    assert box.add(a.path).id == ea.id  # the same bundle twice is one entry
    again = Outbox()  # next start of the app
    assert [e.bundle for e in again.pending()] == [a.name, b.name]
    assert again.get(eb.id).paths == [str(p.resolve()) for p in b.parts]
    assert again.get(eb.id).size == sum(p.stat().st_size for p in b.parts)
    assert (clean_env["data"] / "outbox" / f"{ea.id}.json").is_file()


def test_outcomes_are_recorded(clean_env, tmp_path):
    box = Outbox()
    bundles = [make_bundle(tmp_path / str(i), payload=5_000, seed=i, stamp=f"20261120-10000{i}")
               for i in range(5)]
    entries = [box.add(b.path) for b in bundles]
    with IntakeServer(tmp_path / "intake") as intake:
        good = Settings(**{**netguard.LOOPBACK_SETTINGS, "intake_url": intake.url,
                           "upload_retries": 0, "intake_reply_timeout_s": 1.0})
        down = Settings(**{**netguard.LOOPBACK_SETTINGS, "upload_retries": 0})
        with pytest.raises(NetworkDown):
            Sender(down, outbox=box).send(entries[0])
        intake.fault("status", status=400)
        with pytest.raises(Refused):
            Sender(good, outbox=box).send(entries[1])
        cancelled = Sender(good, outbox=box)
        cancelled.cancel()
        with pytest.raises(Cancelled):
            cancelled.send(entries[2])
        intake.fault("hang")
        with pytest.raises(MaybeDelivered):
            Sender(good, outbox=box).send(entries[3])
        Sender(good, outbox=box).send(entries[4])
    status = {e.id: e.status for e in Outbox().entries()}
    assert [status[e.id] for e in entries] == ["waiting", "failed", "waiting", "uncertain",
                                              "sent"]
    assert "сервер отказал в подключении" in Outbox().get(entries[0].id).message
    assert "ответ 400" in Outbox().get(entries[1].id).message
    assert Outbox().get(entries[3].id).uncertain_at
    sent = Outbox().get(entries[4].id)
    assert sent.request_code == "50002" and sent.sent_at and sent.attempts == 1
    assert [e.id for e in Outbox().pending()] == [entries[0].id, entries[2].id]
    assert all(b.path.exists() for b in bundles)  # nothing deleted behind the user's back


def test_missing_file_is_not_offered_and_says_so(clean_env, tmp_path):
    b = make_bundle(tmp_path / "a", payload=5_000)
    box = Outbox()
    entry = box.add(b.path)
    b.path.unlink()
    assert box.pending() == []
    with pytest.raises(DeliveryError) as e:
        Sender(Settings(**netguard.LOOPBACK_SETTINGS), outbox=box).send(entry)
    assert "не найден" in e.value.message and str(b.path.resolve()) in e.value.message
    assert box.get(entry.id).status == "failed"


def test_remove_keeps_or_deletes_files_as_asked(clean_env, tmp_path):
    a = make_bundle(tmp_path / "a", payload=5_000, seed=1, stamp="20261120-100000")
    b = make_bundle(tmp_path / "b", payload=9_000, volume_size=4_000, seed=2,
                    stamp="20261120-110000")
    box = Outbox()
    ea, eb = box.add(a.path), box.add(b.path)
    assert box.remove(ea.id) == []
    assert a.path.exists() and box.get(ea.id) is None
    deleted = box.remove(eb.id, delete_files=True)
    assert sorted(deleted) == sorted([str(p.resolve()) for p in b.parts]
                                     + [str((tmp_path / "b" / f"{b.name}.sha256").resolve())])
    assert not any(p.exists() for p in b.parts)


def test_command_line_lists_sends_and_removes(clean_env, tus: TusServer, tmp_path):
    b = make_bundle(tmp_path / "a", payload=50_000)
    write_settings(clean_env["settings"], intake_url="", upload_url=tus.url)
    p = subprocess.run(cli("upload", str(b.path)), env=cli_env(), capture_output=True, text=True,
                       timeout=60)
    assert p.returncode == 0, p.stderr
    code = p.stdout.strip()
    listed = subprocess.run(cli("upload", "--list"), env=cli_env(), capture_output=True,
                            text=True, timeout=60)
    assert f"отправлен, код {code}" in listed.stderr
    [entry] = json.loads(subprocess.run(cli("upload", "--list", "--json"), env=cli_env(),
                                        capture_output=True, text=True, timeout=60).stdout
                         )["outbox"]
    assert b.path.exists()  # sent, still on disk
    p = subprocess.run(cli("upload", "--remove", entry["id"], "--delete-files"), env=cli_env(),
                       capture_output=True, text=True, timeout=60)
    assert p.returncode == 0 and not b.path.exists()
    assert Outbox().entries() == []
    p = subprocess.run(cli("upload", "--pending"), env=cli_env(), capture_output=True, text=True,
                       timeout=60)
    assert p.returncode == 0 and "пуста" in p.stderr


def test_corrupt_state_files_are_ignored(clean_env, tmp_path):
    box = Outbox()
    box.dir.mkdir(parents=True)
    (box.dir / "broken.json").write_text("{not json")
    atomic_write_json(box.dir / "other.json", {"unexpected": 1})
    assert box.entries() == []
    store = UploadStore()
    store.dir.mkdir(parents=True)
    (store.dir / "x.json").write_text("[]")
    assert store.all() == []
