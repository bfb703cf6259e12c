"""Demo work never contacts anything outside loopback, even with the shipped settings (the real
desk's intake, the real update mirrors): the update check of a demo reads only the program's own
``Updates\\info.json``, a demo bundle goes only to the demo desk (``collector.demo_desk``) or to
a server on this PC, and the demo desk takes the intake's contract (GBS_MARKET.md §11) for real.

The command-line runs are child processes under the loopback guard (``tests/netguard.py``)
writing into a log of this test's own, proven live first by a lookup it must catch."""

from __future__ import annotations

import hashlib
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from collector.delivery import Outbox, Sender
from collector.delivery.outbox import FAILED
from collector.delivery.send import DemoNotSent
from collector.demo import DATA_DIR, MARKER, demo_gbs_id
from collector.demo_desk import FIRST_TASK, PATH, DemoDesk, running
from collector.errors import ExitCode
from collector.settings import Settings, load_settings
from collector.updates import check_installation
from tests import netguard
from tests.conftest import REPO, DemoInfo
from tests.intake_server import IntakeServer
from tests.tus_server.harness import make_bundle

SHIPPED = json.loads((REPO / "packaging" / "collector_settings.json").read_text("utf-8"))
REAL_INTAKE = SHIPPED["intake_url"]


def shipped_settings() -> Settings:
    """The settings a user gets: the shipped file alone, no test overrides."""
    return Settings(**SHIPPED)


@pytest.fixture
def shipped_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """In this process and for children: the shipped settings only (no ``GBS_COLLECTOR_*``
    override), a private user data folder, and the guard logging into this test's own file."""
    for name in list(os.environ):
        if name.startswith("GBS_COLLECTOR_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("GBS_COLLECTOR_DATA_DIR", str(tmp_path / "userdata"))
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return netguard.guarded_child_env(env, tmp_path / "netguard-children.log")


def contacts(env: dict[str, str]) -> list[str]:
    return netguard.child_log_violations(Path(env[netguard.LOG_ENV]))


def run(env: dict[str, str], *args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], env=env, capture_output=True, text=True,
                          timeout=timeout)


def manifest_of(bundle: Path) -> dict:
    from collector.delivery.bundlefile import find_bundle, read_members

    return json.loads(read_members(find_bundle(bundle), ["manifest.json"])["manifest.json"])


def test_the_demo_keeps_the_programs_last_update_answer(demo_template: DemoInfo) -> None:
    """§9: the feed's info.json as the program saves it, for the version the demo runs."""
    path = demo_template.root / DATA_DIR.replace("\\", "/") / "Updates" / "info.json"
    info = json.loads(path.read_bytes().decode("utf-8"))
    assert set(info) == {"Version", "Md5"} and info["Version"] == demo_template.version
    assert len(info["Md5"]) == 32 and info["Md5"] == info["Md5"].lower()
    assert not (path.parent / "update.zip").exists()  # the latest release: nothing to download


def test_update_check_of_a_demo_asks_no_mirror_of_the_shipped_settings(demo: DemoInfo) -> None:
    from collector.installation import detect
    from collector.sysroot import SystemRoot

    inst = detect(SystemRoot.from_arg(demo.root)).installation
    before = len(netguard.violations)
    st = check_installation(inst, shipped_settings())
    assert netguard.violations[before:] == []  # no lookup of updates.app-pos.ru/.com
    assert (st.state, st.source, st.latest) == ("current", "local", demo.version)
    assert "демонстрационная установка" in st.reason and "не спрашивается" in st.message
    # a real installation (no marker) with the same settings would ask the mirrors
    (demo.root / MARKER).unlink()
    inst = detect(SystemRoot.from_arg(demo.root)).installation
    st = check_installation(inst, shipped_settings())
    found = netguard.violations[before:]
    del netguard.violations[before:]  # caused on purpose and refused by the guard
    assert any("updates.app-pos.ru" in v for v in found)
    assert st.source == "local" and "сервер не ответил" in st.message


def test_detect_collect_and_upload_of_a_demo_contact_nothing_outside(
        demo: DemoInfo, shipped_env: dict[str, str], tmp_path: Path) -> None:
    det = run(shipped_env, "-m", "collector", "detect", "--root", str(demo.root), "--json")
    assert det.returncode == 0, det.stderr
    data = json.loads(det.stdout)
    assert data["links"]["kb"].startswith("https://gbsmarket.ru/kb6/")  # the shipped settings
    update = data["update"]
    assert (update["state"], update["source"]) == ("current", "local")
    assert "демонстрационная установка" in update["reason"]

    out = tmp_path / "out"
    col = run(shipped_env, "-m", "collector", "collect", "--root", str(demo.root), "--date",
              demo.today.isoformat(), "--out", str(out), "--no-db")
    assert col.returncode == 0, col.stderr
    (bundle,) = out.glob("*.7z")
    manifest = manifest_of(bundle)
    assert manifest["demo"] is True
    assert manifest["gbs_market"]["update"]["source"] == "local"

    # upload: the real desk is refused, whether from the settings or named on the command line
    for extra in ([], ["--intake", REAL_INTAKE]):
        up = run(shipped_env, "-m", "collector", "upload", str(bundle), *extra)
        assert up.returncode == ExitCode.USAGE, up.stderr
        assert "архив демонстрационной установки" in up.stderr
        assert "--intake http://127.0.0.1" in up.stderr and up.stdout == ""
    entry = Outbox().find(bundle)
    assert entry is not None and entry.status == FAILED
    # an intake on this PC is fine: the whole flow, one task
    with IntakeServer(tmp_path / "intake") as intake:
        up = run(shipped_env, "-m", "collector", "upload", str(bundle), "--intake", intake.url)
        assert up.returncode == 0, up.stderr
        assert up.stdout.strip() == "50001" and list(intake.tasks) == [50001]
        assert intake.tasks[50001].file.data() == bundle.read_bytes()
    assert contacts(shipped_env) == []


def test_an_encrypted_demo_bundle_read_without_its_password_is_still_demo(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GBS_COLLECTOR_DATA_DIR", str(tmp_path / "userdata"))
    # a manifest that cannot be read: the demo's GBS.ID in the file name tells
    b = make_bundle(tmp_path / "out", gbs_id=demo_gbs_id(), password="секрет-1")
    before = len(netguard.violations)
    with pytest.raises(DemoNotSent) as caught:
        Sender(shipped_settings()).send(b.path)
    assert "демонстрационной установки" in caught.value.message
    assert netguard.violations[before:] == []
    # a manifest of before "demo" was recorded: the same
    b = make_bundle(tmp_path / "old", gbs_id=demo_gbs_id(), seed=2)
    with pytest.raises(DemoNotSent):
        Sender(shipped_settings()).send(b.path)
    # "demo": false (a real installation) is not demo, whatever the name
    b = make_bundle(tmp_path / "real", gbs_id=demo_gbs_id(), seed=3,
                    manifest_extra={"demo": False})
    with IntakeServer(tmp_path / "intake") as intake:
        res = Sender(shipped_settings(), intake_url=intake.url).send(b.path)
    assert res.request_number == "50001" and not res.demo_desk


def test_a_demo_bundle_goes_to_the_demo_desk_and_a_real_one_does_not(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GBS_COLLECTOR_DATA_DIR", str(tmp_path / "userdata"))
    demo_bundle = make_bundle(tmp_path / "demo", gbs_id=demo_gbs_id(), payload=300_000,
                              email="shop@example.ru", mode=0, manifest_extra={"demo": True})
    real = make_bundle(tmp_path / "real", seed=5)
    with DemoDesk(tmp_path / "demo-desk") as desk, IntakeServer(tmp_path / "intake") as intake:
        assert running() is desk
        res = Sender(shipped_settings()).send(demo_bundle.path)
        # a real installation's bundle still goes where the settings say
        res_real = Sender(shipped_settings(), intake_url=intake.url).send(real.path)
    assert running() is None
    assert res.request_number == str(FIRST_TASK) and res.demo_desk == str(tmp_path / "demo-desk")
    assert "Ничего не ушло с компьютера" in res.summary()
    task = desk.tasks[FIRST_TASK]
    # the §11 parts as the intake takes them: the file byte for byte (random bytes: CR, LF, NUL)
    assert task.file_name == demo_bundle.name
    assert task.file_sha256 == hashlib.sha256(demo_bundle.data).hexdigest()
    assert task.file_size == len(demo_bundle.data) and task.email == "shop@example.ru"
    assert "<b>GBS.ID:</b> " + demo_gbs_id() in task.message
    assert "<b>Режим работы программы:</b> Shop" in task.message
    kept = tmp_path / "demo-desk" / str(FIRST_TASK)
    assert (kept / "message.html").read_text("utf-8") == task.message
    assert json.loads((kept / "task.json").read_text("utf-8"))["file_sha256"] == \
        task.file_sha256
    assert res_real.request_number == "50001" and not res_real.demo_desk
    assert list(intake.tasks) == [50001] and len(desk.tasks) == 1
    # numbers go on across runs of the demo desk
    other = make_bundle(tmp_path / "demo2", gbs_id=demo_gbs_id(), seed=7,
                        manifest_extra={"demo": True})
    with DemoDesk(tmp_path / "demo-desk"):
        assert Sender(shipped_settings()).send(other.path).request_number == str(FIRST_TASK + 1)


def _post(url: str, files: dict) -> requests.Response:
    return requests.post(url, files=files, timeout=30)


def test_the_demo_desk_refuses_what_the_intake_would(tmp_path: Path) -> None:
    text = (None, "Текст", "text/plain; charset=utf-8")
    data = random.Random(1).randbytes(5000)
    with DemoDesk(tmp_path / "desk") as desk:
        base = desk.url.removesuffix(PATH)
        cases = {
            "no email part": {"message": text, "file": ("a.7z", data)},
            "the file typed": {"message": text, "email": text,
                               "file": ("a.7z", data, "application/octet-stream")},
            "text without charset": {"message": (None, "x", "text/plain"), "email": text},
            "a file without a name": {"message": text, "email": text, "file": (None, data)},
        }
        for why, files in cases.items():
            r = _post(desk.url, files)
            assert r.status_code == 400, why
        assert _post(base + "/elsewhere", {"message": text, "email": text}).status_code == 404
        assert desk.tasks == {} and not any((tmp_path / "desk").glob("9*"))
        ok = _post(desk.url, {"message": text, "email": text, "file": ("a.7z", data)})
        assert ok.status_code == 200 and ok.json() == {"task": FIRST_TASK}
        assert desk.tasks[FIRST_TASK].file_sha256 == hashlib.sha256(data).hexdigest()


def test_the_launcher_starts_the_demo_desk_only_for_a_demo(demo: DemoInfo, tmp_path: Path,
                                                           monkeypatch) -> None:
    from ui.launch import start_demo_desk

    monkeypatch.setenv("GBS_COLLECTOR_DATA_DIR", str(tmp_path / "userdata"))
    desk = start_demo_desk(["--root", str(demo.root)])
    try:
        assert desk is not None and running() is desk
        assert desk.folder == tmp_path / "userdata" / "demo-desk"
    finally:
        desk.close()
    (demo.root / MARKER).unlink()
    assert start_demo_desk(["--root", str(demo.root)]) is None and running() is None


def test_settings_as_loaded_carry_the_shipped_intake(shipped_env: dict[str, str]) -> None:
    """What the fixture above promises: no override left, the real desk underneath."""
    assert load_settings().intake_url == REAL_INTAKE
