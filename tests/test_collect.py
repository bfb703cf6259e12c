"""``collect`` end to end on the demo installation: one verified .7z the desk can open."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil
import pytest

from collector.demo import DemoInfo, build_demo
from collector.demo_db import rows_for_size
from collector.errors import Cancelled
from collector.pipeline import Collection, CollectOptions, ProgressEvent
from collector.sysroot import SystemRoot
from tests.conftest import DEMO_TODAY, tree_snapshot

DATA = Path("ProgramData/F-Lab/GBS.Market/6")
DAY = "2026-11-19"  # a demo day with two errors


@pytest.fixture(autouse=True)
def _private_user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "userdata"
    monkeypatch.setenv("GBS_COLLECTOR_DATA_DIR", str(data))
    return data


def run_cli(*args: str, env: dict | None = None, timeout: float = 180,
            **kw) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "collector", *args], capture_output=True,
                          text=True, timeout=timeout, env={**os.environ, **(env or {})}, **kw)


def extract(archive: Path, dest: Path, password: str | None = None) -> dict[str, bytes]:
    cmd = ["7z", "x", "-y", f"-o{dest}", str(archive)]
    cmd.insert(2, f"-p{password}" if password else "-p")
    subprocess.run(cmd, check=True, capture_output=True)
    return {str(p.relative_to(dest)).replace(os.sep, "/"): p.read_bytes()
            for p in dest.rglob("*") if p.is_file()}


def collect_json(root: Path, out: Path, *extra: str, env: dict | None = None) -> tuple[int, dict]:
    res = run_cli("collect", "--root", str(root), "--date", DAY, "--out", str(out), "--json",
                  *extra, env=env)
    assert "Traceback" not in res.stderr, res.stderr
    return res.returncode, (json.loads(res.stdout) if res.stdout.strip() else {})


def test_full_bundle_on_the_demo(demo: DemoInfo, tmp_path: Path) -> None:
    before = tree_snapshot(demo.root)
    out = tmp_path / "Папка для архива"
    code, result = collect_json(demo.root, out)
    assert code == 0, result
    [archive] = [Path(p) for p in result["bundle"]]
    assert archive.name.startswith(f"GBS-Support_{demo.gbs_id[2:10]}_{DAY}_")
    assert archive.suffix == ".7z"
    assert sorted(p.name for p in out.iterdir()) == [archive.name, archive.name + ".sha256"]
    subprocess.run(["7z", "t", str(archive)], check=True, capture_output=True)
    subprocess.run(["sha256sum", "-c", archive.name + ".sha256"], cwd=out, check=True,
                   capture_output=True)

    files = extract(archive, tmp_path / "x")
    manifest = json.loads(files["manifest.json"])
    assert manifest == result["manifest"]
    assert manifest["schema"] == "gbs-support-bundle/1"
    assert manifest["gbs_market"]["version"] == "6.6.12.2634"
    assert manifest["gbs_id"] == demo.gbs_id
    assert manifest["problem_date"] == DAY
    # cheap, vital steps first, the database last, the request text after all of them
    assert [s["name"] for s in manifest["steps"]] == [
        "installation", "gbs_id", "logs", "configs", "system", "event_log", "attachments",
        "database_header", "firebird_log", "database",
        "request"]
    assert all(s["status"] in ("ok", "skipped") for s in manifest["steps"]), manifest["steps"]
    # every entry but the manifest is listed with its real checksum
    listed = {f["path"]: f for f in manifest["files"]}
    assert set(listed) == set(files) - {"manifest.json"}
    for path, data in files.items():
        if path != "manifest.json":
            assert listed[path]["sha256"] == hashlib.sha256(data).hexdigest(), path
            assert listed[path]["size"] == len(data)

    # logs: the day's folder as the program wrote it, byte for byte
    src_day = demo.root / DATA / "Logs" / DAY
    for f in src_day.iterdir():
        assert files[f"logs/{DAY}/{f.name}"] == f.read_bytes()
    # a past day's CRPT log: the zip the program made of it, as it is
    crpt = demo.root / DATA / "CRPT_logs" / f"{DAY}.zip"
    assert files[f"logs/crpt/{DAY}.zip"] == crpt.read_bytes()
    assert manifest["logs"]["errors"] == demo.error_days[DEMO_TODAY.fromisoformat(DAY)]

    # GBS.ID as text and as a QR code that a real decoder reads back
    assert files["gbs_id.txt"] == demo.gbs_id.encode()
    qr = subprocess.run(["zbarimg", "--raw", "-q", str(tmp_path / "x" / "gbs_id_qr.png")],
                        capture_output=True, text=True, check=True)
    assert qr.stdout.strip() == demo.gbs_id

    # the request text a person reads
    text = files["request.txt"].decode("utf-8")
    assert "6.6.12.2634" in text and demo.gbs_id in text
    assert text.index("Версия") < text.index("GBS.ID") < text.index("Приложено")
    assert "резервная копия базы данных" in text.lower()
    # «Что известно»: when and with what the chosen day's first error appeared, as error.log
    # has it (its first entry: "19.11.2026 10:11:38.9049 | ERROR | <where> | {<JSON>} | ")
    log_text = (src_day / "error.log").read_text("utf-8-sig")
    head = next(line for line in log_text.splitlines() if " | ERROR | " in line)
    body = json.loads(log_text[log_text.index(head) + len(head) - 1:].split("} | ")[0] + "}",
                      strict=False)
    known = next(line for line in text.splitlines() if line.startswith("- Первая ошибка "))
    assert known == (f"- Первая ошибка 19.11.2026 — в {head.split()[1][:8]}: {body['Message']} "
                     f"({body['Exception']['ClassName']}: {body['Exception']['Message']})")

    # the database backup restores with gbak
    restored = tmp_path / "restored.fdb"
    subprocess.run(["gbak", "-c", str(tmp_path / "x" / "database" / "main.fbk"), str(restored)],
                   check=True, capture_output=True)
    iq = subprocess.run(["isql-fb", "-ch", "UTF8", "-q", str(restored)],
                        input="SELECT NAME FROM GOODS WHERE ID = 1;\n", capture_output=True,
                        text=True, check=True)
    assert "Молоко «Простоквашино»" in iq.stdout
    assert manifest["database"]["database"]["page_size"] == 8192

    # configs are there, their secrets are not — anywhere in the bundle
    assert {f"config/{n}" for n in ("DataBase.json", "Settings.json", "Integrations.json",
                                    "Devices.json")} <= set(files)
    assert sum(r["count"] for r in manifest["redactions"]) >= len(demo.secrets)
    everything = b"".join(files.values())
    for secret in demo.secrets:
        for form in {secret, json.dumps(secret)[1:-1]}:
            assert form.encode() not in everything, secret

    system = json.loads(files["system.json"])
    assert system["memory"]["total_mb"] > 0 and system["system_root"] == str(demo.root)

    # the customer's installation is untouched, the database file included
    assert tree_snapshot(demo.root) == before


def test_human_output_and_verify(demo: DemoInfo, tmp_path: Path) -> None:
    res = run_cli("collect", "--root", str(demo.root), "--date", DAY, "--out", str(tmp_path))
    assert res.returncode == 0, res.stderr
    assert "Архив готов:" in res.stderr and res.stdout == ""
    [archive] = tmp_path.glob("*.7z")
    ver = run_cli("verify", str(archive))
    assert ver.returncode == 0, ver.stderr
    assert "Архив в порядке" in ver.stderr


def test_encrypted_bundle_opens_only_with_the_password(demo: DemoInfo, tmp_path: Path) -> None:
    password = "Кассa-2026!"
    code, result = collect_json(demo.root, tmp_path / "out", "--password",
                                env={"GBS_COLLECTOR_PASSWORD": password})
    assert code == 0
    archive = Path(result["bundle"][0])
    subprocess.run(["7z", "t", f"-p{password}", str(archive)], check=True, capture_output=True)
    listing = subprocess.run(["7z", "l", "-p", str(archive)], capture_output=True, text=True)
    assert listing.returncode != 0 and "request.txt" not in listing.stdout
    wrong = subprocess.run(["7z", "t", "-pwrong", str(archive)], capture_output=True)
    assert wrong.returncode != 0
    files = extract(archive, tmp_path / "x", password)
    assert password.encode() not in b"".join(files.values())
    command = json.loads(files["manifest.json"])["command"]
    assert command[:2] == ["collect", "--date"]
    assert command[command.index("--password") + 1] == "***"
    assert password not in json.dumps(command, ensure_ascii=False)
    ver = run_cli("verify", str(archive), "--password", input=password + "\n")
    assert ver.returncode == 0, ver.stderr


def test_volumes_for_email(demo: DemoInfo, tmp_path: Path) -> None:
    noise = tmp_path / "Снимок экрана.png"
    noise.write_bytes(os.urandom(400_000))  # incompressible, so the bundle needs several volumes
    code, result = collect_json(demo.root, tmp_path / "out", "--volume-size", "128K",
                                "--attach", str(noise), "--no-db")
    assert code == 0, result
    volumes = [Path(p) for p in result["bundle"]]
    assert len(volumes) >= 4
    assert [v.name[-3:] for v in volumes] == [f"{i:03d}" for i in range(1, len(volumes) + 1)]
    assert all(v.stat().st_size <= 128 * 1024 for v in volumes)
    subprocess.run(["7z", "t", str(volumes[0])], check=True, capture_output=True)
    files = extract(volumes[0], tmp_path / "x")
    assert files["attachments/Снимок экрана.png"] == noise.read_bytes()
    db_step = next(s for s in result["manifest"]["steps"] if s["name"] == "database")
    assert db_step["status"] == "skipped"


def test_failing_database_still_makes_the_bundle(demo: DemoInfo, tmp_path: Path) -> None:
    fdb = demo.root / DATA / "main.fdb"
    fdb.write_bytes(b"\0" * 8192 + os.urandom(8192))  # not a database any more
    code, result = collect_json(demo.root, tmp_path / "out")
    assert code == 4
    steps = {s["name"]: s for s in result["manifest"]["steps"]}
    assert steps["database"]["status"] == "failed"
    assert steps["database"]["message"]  # a Russian reason, not empty
    assert any("\u0400" <= ch <= "\u04ff" for ch in steps["database"]["message"])
    assert "автоматическая копия" in steps["database"]["message"]  # the fallback is offered
    assert steps["logs"]["status"] == "ok" and steps["request"]["status"] == "ok"
    archive = Path(result["bundle"][0])
    subprocess.run(["7z", "t", str(archive)], check=True, capture_output=True)
    files = extract(archive, tmp_path / "x")
    assert "database/main.fbk" not in files
    text = files["request.txt"].decode()
    attached, missing = text.split("Приложено:\n")[1].split("\nНе удалось приложить:\n")
    assert "резервная копия базы данных" not in attached
    assert missing.startswith("- Резервная копия базы данных: ")
    assert "не является базой данных Firebird" in missing  # the desk reads why


def test_program_backup_fallback_when_asked(demo: DemoInfo, tmp_path: Path) -> None:
    (demo.root / DATA / "main.fdb").unlink()
    code, result = collect_json(demo.root, tmp_path / "out", "--db-fallback")
    assert code == 4
    steps = {s["name"]: s for s in result["manifest"]["steps"]}
    assert "автоматическая копия программы" in steps["database"]["message"]
    names = [f["path"] for f in result["manifest"]["files"]]
    fallback = [n for n in names if n.startswith("database/program_backup_")]
    assert len(fallback) == 1
    extract(Path(result["bundle"][0]), tmp_path / "x")
    subprocess.run(["gbak", "-c", str(tmp_path / "x" / fallback[0]), str(tmp_path / "r.fdb")],
                   check=True, capture_output=True)


def test_no_installation(tmp_path: Path) -> None:
    out = tmp_path / "out"
    res = run_cli("collect", "--root", str(tmp_path), "--date", DAY, "--out", str(out))
    assert res.returncode == 3
    assert "не найдена" in res.stderr
    assert not out.exists() or not any(out.iterdir())


def test_review_exclusions_are_noted(demo: DemoInfo, tmp_path: Path) -> None:
    code, result = collect_json(demo.root, tmp_path / "out", "--no-db",
                                "--exclude", f"logs/{DAY}/trace.log", "--exclude", "config")
    assert code == 0
    names = {f["path"] for f in result["manifest"]["files"]}
    assert f"logs/{DAY}/trace.log" not in names and f"logs/{DAY}/error.log" in names
    assert not any(n.startswith("config/") for n in names)
    assert f"logs/{DAY}/trace.log" in result["manifest"]["excluded"]
    assert "config/DataBase.json" in result["manifest"]["excluded"]


def test_attachment_names_are_made_safe(demo: DemoInfo, tmp_path: Path) -> None:
    odd = tmp_path / "CON.txt"
    odd.write_text("x", encoding="utf-8")
    voice = tmp_path / "голос.ogg"
    voice.write_bytes(b"OggS" + b"\0" * 100)
    code, result = collect_json(demo.root, tmp_path / "out", "--no-db", "--attach", str(odd),
                                "--attach", str(voice))
    assert code == 0
    names = {f["path"] for f in result["manifest"]["files"]}
    assert "attachments/_CON.txt" in names
    assert not any("голос" in n for n in names)
    step = next(s for s in result["manifest"]["steps"] if s["name"] == "attachments")
    assert "Голосовое сообщение" in step["message"]


# --- cancel, time limits -------------------------------------------------------------------------
@pytest.fixture(scope="session")
def big_demo(tmp_path_factory: pytest.TempPathFactory) -> DemoInfo:
    """A demo with a ~40 MB database: its backup takes long enough to be interrupted."""
    return build_demo(tmp_path_factory.mktemp("big") / "C", today=DEMO_TODAY,
                      db_params=rows_for_size(40))


def _leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.rglob("*")) if out.exists() else []


def test_cancel_during_the_database_leaves_nothing(big_demo: DemoInfo, tmp_path: Path) -> None:
    out = tmp_path / "out"
    cancel = threading.Event()
    seen: list[str] = []

    def progress(ev: ProgressEvent) -> None:
        seen.append(ev.step)
        if ev.step == "database" and ev.step_fraction > 0.05:
            cancel.set()

    job = Collection(SystemRoot.from_arg(big_demo.root),
                     CollectOptions(problem_date=DEMO_TODAY, out_dir=out), progress=progress,
                     cancel=cancel)
    with pytest.raises(Cancelled):
        job.run()
    assert "database" in seen
    assert _leftovers(out) == []
    assert job.work_dir is not None and not job.work_dir.exists()


def test_ctrl_c_on_the_command_line(big_demo: DemoInfo, tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "collector", "collect", "--root",
                             str(big_demo.root), "--date", DAY, "--out", str(out)],
                            stderr=subprocess.PIPE, text=True)
    line = ""
    while not line.startswith("  Резервная копия базы данных: "):  # the backup is under way
        line = proc.stderr.readline()
        assert line, "collect ended before the database backup made progress"
    proc.send_signal(signal.SIGINT)
    rest = proc.communicate(timeout=60)[1]
    assert proc.returncode == 130, rest
    assert "Отменено" in rest
    assert _leftovers(out) == []
    children = [p for p in psutil.process_iter(["name", "cmdline"])
                if "gbak" in (p.info["name"] or "") and str(big_demo.root) in
                " ".join(p.info["cmdline"] or [])]
    assert children == []


def test_database_time_limit(big_demo: DemoInfo, tmp_path: Path) -> None:
    code, result = collect_json(big_demo.root, tmp_path / "out", "--time-limit", "database=0.05")
    assert code == 4, result
    steps = {s["name"]: s for s in result["manifest"]["steps"]}
    db = steps["database"]
    assert db["status"] == "failed" and db["timeout_hit"] is True and db["timeout_s"] == 0.05
    assert "превышено время" in db["message"]
    assert steps["logs"]["status"] == "ok"  # cheap vital items are there regardless
    assert "request.txt" in {f["path"] for f in result["manifest"]["files"]}
    subprocess.run(["7z", "t", result["bundle"][0]], check=True, capture_output=True)


def test_bad_time_limit_is_a_usage_error(demo: DemoInfo, tmp_path: Path) -> None:
    res = run_cli("collect", "--root", str(demo.root), "--date", DAY, "--out", str(tmp_path),
                  "--time-limit", "nonsense")
    assert res.returncode == 2 and "ШАГ=СЕКУНДЫ" in res.stderr


# --- secrets --------------------------------------------------------------------------------------
def test_passwords_stay_out_of_argv_logs_and_manifest(big_demo: DemoInfo, tmp_path: Path,
                                                      _private_user_data: Path) -> None:
    archive_pw, db_pw = "Архив-секрет-91", "FbPass-секрет-77"
    out = tmp_path / "out"
    env = {**os.environ, "GBS_COLLECTOR_PASSWORD": archive_pw,
           "GBS_COLLECTOR_DB_PASSWORD": db_pw}
    proc = subprocess.Popen([sys.executable, "-m", "collector", "-v", "collect", "--root",
                             str(big_demo.root), "--date", DAY, "--out", str(out), "--json",
                             "--password", "--db-password", "--db-user", "TECH"],
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)
    listings = []
    while proc.poll() is None:
        for p in psutil.process_iter(["cmdline"]):
            listings.append(" ".join(p.info["cmdline"] or []))
        time.sleep(0.05)
    stdout, stderr = proc.communicate()
    assert proc.returncode == 0, stderr
    result = json.loads(stdout)
    log_text = (_private_user_data / "logs" / "collector.log").read_text(encoding="utf-8")
    assert "step database" in log_text
    files = extract(Path(result["bundle"][0]), tmp_path / "x", archive_pw)
    for secret in (archive_pw, db_pw):
        assert all(secret not in line for line in listings)
        assert secret not in log_text and secret not in stderr and secret not in stdout
        assert secret.encode() not in b"".join(files.values())


def test_two_collections_in_the_same_second_do_not_collide(demo: DemoInfo, tmp_path: Path) -> None:
    out = tmp_path / "out"
    results = []
    for _ in range(2):
        job = Collection(SystemRoot.from_arg(demo.root),
                         CollectOptions(problem_date=DEMO_TODAY, out_dir=out,
                                        include_database=False, check_updates=False))
        results.append(job.run())
    first, second = (r.paths[0] for r in results)
    assert first != second and first.exists() and second.exists()
    assert first.name[:-len("YYYYMMDD-HHMMSS.7z")] == second.name[:-len("YYYYMMDD-HHMMSS.7z")]


def test_no_installation_with_a_form_still_makes_a_bundle(tmp_path: Path) -> None:
    """«The program won't start», «I reinstalled it»: the request still reaches the desk."""
    root = tmp_path / "C"
    (root / "Windows").mkdir(parents=True)  # a PC without GBS.Market
    form = tmp_path / "FORM.json"
    form.write_text(json.dumps({
        "topic": "errors", "problem_date": DAY,
        "questions": ["После переустановки Windows программа не запускается, пишет «нет файла»"],
        "contact": {"email": "shop@mail.ru"}}, ensure_ascii=False), encoding="utf-8")
    code, result = collect_json(root, tmp_path / "out", "--form", str(form))
    assert code == 4, result
    steps = {s["name"]: s for s in result["manifest"]["steps"]}
    assert steps["installation"]["status"] == "failed"
    for name in ("logs", "configs", "database"):
        assert steps[name]["status"] == "skipped", steps[name]
    assert steps["system"]["status"] == "ok" and steps["request"]["status"] == "ok"
    assert result["manifest"]["gbs_market"] is None
    files = extract(Path(result["bundle"][0]), tmp_path / "x")
    assert {"request.txt", "request.json", "system.json", "manifest.json"} <= set(files)
    text = files["request.txt"].decode()
    assert "Версия программы: не определена" in text
    assert "после переустановки windows" in text.lower()
    assert "- Программа и версия: GBS.Market не найдена" in text


def test_no_installation_without_a_form_is_exit_3(tmp_path: Path) -> None:
    root = tmp_path / "C"
    (root / "Windows").mkdir(parents=True)
    res = run_cli("collect", "--root", str(root), "--date", DAY, "--out", str(tmp_path / "out"))
    assert res.returncode == 3, res.stderr
    assert "не найдена" in res.stderr and "--form" in res.stderr
    assert not (tmp_path / "out").exists()
