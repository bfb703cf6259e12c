"""``detect``: finding GBS.Market, its exact version and data under a system root."""

from __future__ import annotations

import codecs
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from collector.branding import update_hash as feed_hash
from collector.demo import DemoInfo
from collector.demo_exe import write_exe
from collector.installation import detect
from collector.sysroot import SystemRoot
from collector.updates import FeedParams, check_update
from collector.winsys.regfile import REG_SZ, RegValue, format_reg
from tests import market_facts as mf
from tests.conftest import tree_snapshot
from tests.update_feed import UpdateFeed

EXE_DIR = Path("Program Files (x86)/F-Lab/Market 6")
DATA_DIR = Path("ProgramData/F-Lab/GBS.Market/6")


def cli(*args: str, env_root: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "collector", *args], capture_output=True,
                          text=True, timeout=60)


def test_demo_detected_with_exact_version(demo: DemoInfo) -> None:
    det = detect(SystemRoot.from_arg(demo.root))
    inst = det.installation
    assert inst is not None
    assert inst.product == "GBS.Market 6" and not inst.partner
    assert inst.version == "6.6.12.2634" and inst.version_source == "exe"
    assert inst.exe_windows == r"C:\Program Files (x86)\F-Lab\Market 6\Market.exe"
    assert inst.data_path_windows == "C:\\ProgramData\\F-Lab\\GBS.Market\\6\\"  # the program's own
    assert inst.data_path_source == "default"
    assert inst.logs_dir == demo.root / DATA_DIR / "Logs"
    db = inst.database
    assert db is not None and db.exists and db.connection_type == "Local"
    assert (db.server, db.port) == ("localhost", 3060)
    assert db.size_bytes == (demo.root / DATA_DIR / "main.fdb").stat().st_size
    assert db.backup_path_windows == "C:\\Users\\Магазин\\Documents\\GBS.Market6_backups\\"
    assert inst.correct_exit is False
    assert inst.running == []
    assert inst.found_by == ["registry", "autostart", "default_folder"]
    names = [(s.name, s.status) for s in det.sources]
    assert names == [("registry", "found"), ("default_folder", "found"),
                     ("process", "not_found"), ("data_folder", "found")]


def test_cli_json_and_human_output(demo: DemoInfo) -> None:
    res = cli("detect", "--root", str(demo.root), "--json", "--offline")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["installation"]["version"] == "6.6.12.2634"
    assert data["installation"]["database"]["port"] == 3060
    # offline: only the program's own last answer (Updates\info.json)
    assert (data["update"]["state"], data["update"]["source"]) == ("current", "local")
    assert "проверка через интернет отключена" in data["update"]["reason"]
    (demo.root / DATA_DIR / "Updates" / "info.json").unlink()  # a program that never asked
    data = json.loads(cli("detect", "--root", str(demo.root), "--json", "--offline").stdout)
    assert data["update"]["state"] == "unknown" and data["update"]["source"] == ""
    human = cli("detect", "--root", str(demo.root), "--offline")
    assert human.returncode == 0
    assert "Версия:           6.6.12.2634 (из Market.exe)" in human.stderr
    assert "программа закрылась аварийно" in human.stderr
    assert human.stdout == ""


def test_detect_writes_nothing(demo: DemoInfo) -> None:
    before = tree_snapshot(demo.root)
    assert cli("detect", "--root", str(demo.root), "--json", "--offline").returncode == 0
    detect(SystemRoot.from_arg(demo.root))
    assert tree_snapshot(demo.root) == before


def test_no_installation(tmp_path: Path) -> None:
    res = cli("detect", "--root", str(tmp_path))
    assert res.returncode == 3
    assert "GBS.Market на этом компьютере не найдена" in res.stderr
    assert "Traceback" not in res.stderr
    res = cli("detect", "--root", str(tmp_path), "--json")
    assert res.returncode == 3 and json.loads(res.stdout)["found"] is False


def test_missing_root_is_usage_error(tmp_path: Path) -> None:
    res = cli("detect", "--root", str(tmp_path / "нет такой"))
    assert res.returncode == 2
    assert "не найдена" in res.stderr and "Traceback" not in res.stderr


def test_appconfig_moves_data_to_another_drive(demo: DemoInfo) -> None:
    target = demo.root / "drives" / "D" / "Данные магазина" / "GBS 6"
    shutil.move(str(demo.root / DATA_DIR), target)
    (demo.root / EXE_DIR / "AppConfig.conf").write_text(
        json.dumps({"DataPath": "d:\\данные МАГАЗИНА\\GBS 6\\"}), encoding="utf-8-sig")
    inst = detect(SystemRoot.from_arg(demo.root)).installation
    assert inst is not None
    assert inst.data_path == target
    assert inst.data_path_source == "AppConfig.conf"
    assert inst.data_path_windows == "d:\\данные МАГАЗИНА\\GBS 6\\"  # verbatim, as the program
    assert inst.logs_dir.is_dir()
    assert not any("без «\\»" in p for p in inst.problems)


def test_appconfig_pointing_nowhere_is_still_the_data_folder(demo: DemoInfo) -> None:
    # the program creates a missing DataPath (or stops): it never falls back to the default
    (demo.root / EXE_DIR / "AppConfig.conf").write_text(
        json.dumps({"DataPath": "E:\\GBS\\"}), encoding="utf-8")
    inst = detect(SystemRoot.from_arg(demo.root)).installation
    assert inst is not None
    assert inst.data_path_source == "AppConfig.conf" and inst.data_path_windows == "E:\\GBS\\"
    assert any("E:\\GBS" in p and "её нет" in p for p in inst.problems)


@pytest.mark.parametrize("content", [b"", b'{"Connection": {"Path": "C:\\\\Prog', b"\x00" * 64,
                                     b"[1, 2]"])
def test_corrupt_database_json(demo: DemoInfo, content: bytes) -> None:
    (demo.root / DATA_DIR / "Configs" / "DataBase.json").write_bytes(content)
    res = cli("detect", "--root", str(demo.root), "--json", "--offline")
    assert res.returncode == 0, res.stderr
    inst = json.loads(res.stdout)["installation"]
    assert any("Настройки базы данных не прочитаны" in p for p in inst["problems"])
    assert inst["database"]["path"].endswith("main.fdb")  # fell back to the data folder
    assert inst["database"]["port"] == 3060
    assert inst["correct_exit"] is None


def test_networked_client(demo: DemoInfo) -> None:
    cfg = demo.root / DATA_DIR / "Configs" / "DataBase.json"
    data = json.loads(cfg.read_text(encoding="utf-8-sig"))
    data["Connection"].update(ConnectionType=2, ServerUrl="192.168.1.10", ServerPort=3050,
                              Path="C:\\Data\\main.fdb")
    cfg.write_text(json.dumps(data), encoding="utf-8")
    inst = detect(SystemRoot.from_arg(demo.root)).installation
    assert inst is not None and inst.database is not None
    assert inst.database.networked and inst.database.server == "192.168.1.10"
    assert inst.database.port == 3050
    assert not any("не найден" in p for p in inst.problems)  # a remote file is not "missing"


def test_exe_without_version_resource_uses_log_header(demo: DemoInfo) -> None:
    write_exe(demo.root / EXE_DIR / "Market.exe", version="0.0.0.0", with_version=False)
    (demo.root / "registry.reg").unlink()
    det = detect(SystemRoot.from_arg(demo.root))
    inst = det.installation
    assert inst is not None
    assert inst.version == "6.6.12.2634" and inst.version_source == "log_header"
    assert any("нет сведений о версии" in p for p in inst.problems)
    assert ("log_header", "found") in [(s.name, s.status) for s in det.sources]
    assert ("registry", "error") in [(s.name, s.status) for s in det.sources]


def test_garbage_exe_reported_not_crashing(demo: DemoInfo) -> None:
    (demo.root / EXE_DIR / "Market.exe").write_bytes(b"this is not a program")
    res = cli("detect", "--root", str(demo.root), "--json", "--offline")
    assert res.returncode == 0
    inst = json.loads(res.stdout)["installation"]
    assert any("не является программой Windows" in p for p in inst["problems"])
    assert inst["version"] == "6.6.12.2634"  # the registry's DisplayVersion, then the logs


def _registry_with_install(root: Path, location: str, version: str = "6.6.12.2634") -> None:
    key = (r"HKEY_LOCAL_MACHINE\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion"
           r"\Uninstall\GBS.Market 6_is1")
    (root / "registry.reg").write_bytes(format_reg([(key, [
        ("DisplayName", RegValue(REG_SZ, "GBS.Market 6")),
        ("InstallLocation", RegValue(REG_SZ, location)),
        ("DisplayVersion", RegValue(REG_SZ, version)),
        ("Publisher", RegValue(REG_SZ, "F-Lab")),
    ])]))


def test_install_folder_from_registry_only(demo: DemoInfo) -> None:
    target = demo.root / "drives" / "D" / "Магазин" / "GBS Market"
    shutil.move(str(demo.root / EXE_DIR), target)
    _registry_with_install(demo.root, "D:\\Магазин\\GBS Market\\")
    det = detect(SystemRoot.from_arg(demo.root))
    inst = det.installation
    assert inst is not None
    assert inst.exe == target / "Market.exe"
    assert inst.found_by == ["registry"]
    assert inst.version == "6.6.12.2634" and inst.version_source == "exe"
    assert ("default_folder", "not_found") in [(s.name, s.status) for s in det.sources]


def test_registry_export_in_regedit4_cp1251(demo: DemoInfo) -> None:
    key = (r"HKEY_LOCAL_MACHINE\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion"
           r"\Uninstall\GBS.Market 6_is1")
    target = demo.root / "drives" / "D" / "Касса"
    shutil.move(str(demo.root / EXE_DIR), target)
    (demo.root / "registry.reg").write_bytes(format_reg([(key, [
        ("DisplayName", RegValue(REG_SZ, "GBS.Market 6")),
        ("InstallLocation", RegValue(REG_SZ, "D:\\Касса")),
    ])], version5=False))
    raw = (demo.root / "registry.reg").read_bytes()
    assert raw.startswith(b"REGEDIT4") and "Касса".encode("cp1251") in raw
    inst = detect(SystemRoot.from_arg(demo.root)).installation
    assert inst is not None and inst.exe == target / "Market.exe"


def test_broken_registry_file_is_reported(demo: DemoInfo) -> None:
    (demo.root / "registry.reg").write_bytes(codecs.BOM_UTF16_LE + "мусор".encode("utf-16-le"))
    det = detect(SystemRoot.from_arg(demo.root))
    reg = next(s for s in det.sources if s.name == "registry")
    assert reg.status == "error" and "не похож на экспорт реестра" in reg.detail
    assert det.installation is not None  # the default folder still finds it


def test_version5_alongside_6_prefers_6(demo: DemoInfo) -> None:
    old_exe = demo.root / "Program Files (x86)/F-Lab/Market 5/Market.exe"
    write_exe(old_exe, version="5.4.1.900")
    (demo.root / "ProgramData/F-Lab/GBS.Market/5/Logs").mkdir(parents=True)
    det = detect(SystemRoot.from_arg(demo.root))
    assert det.installation is not None and det.installation.major == 6
    assert [o.major for o in det.others] == [5]
    assert det.others[0].product.startswith("GBS.Market 5")
    human = cli("detect", "--root", str(demo.root), "--offline")
    assert "Также найдена: GBS.Market 5" in human.stderr


def test_only_version5_is_named_as_such(tmp_path: Path) -> None:
    root = tmp_path / "C"
    write_exe(root / "Program Files (x86)/F-Lab/Market 5/Market.exe", version="5.4.1.900")
    (root / "ProgramData/F-Lab/GBS.Market/5/Logs").mkdir(parents=True)
    det = detect(SystemRoot.from_arg(root))
    assert det.installation is not None
    assert det.installation.major == 5 and "GBS.Market 5" in det.installation.product
    assert det.installation.data_path == root / "ProgramData/F-Lab/GBS.Market/5"


def test_partner_build_is_named_and_keeps_the_data_folder(tmp_path: Path) -> None:
    root = tmp_path / "C"
    app = root / "Program Files (x86)/F-Lab/Market 6"
    write_exe(app / "Market.exe", version="6.6.10.2500")
    mf.write_partner(app, mf.HIPOS_UID)
    (root / "ProgramData/F-Lab/GBS.Market/6/Logs").mkdir(parents=True)
    (root / "ProgramData/HiPos/data/Logs").mkdir(parents=True)  # the old guess: not the program's
    inst = detect(SystemRoot.from_arg(root)).installation
    assert inst is not None
    assert inst.partner and inst.name == "HiPos" and inst.branding.build == "partner"
    assert inst.product == "HiPos (партнёрская сборка GBS.Market)"
    assert inst.major == 6 and inst.version == "6.6.10.2500"
    assert inst.data_path == root / "ProgramData/F-Lab/GBS.Market/6"
    assert inst.data_path_source == "default"


def test_data_folder_without_program(demo: DemoInfo) -> None:
    shutil.rmtree(demo.root / "Program Files (x86)")
    (demo.root / "registry.reg").unlink()
    inst = detect(SystemRoot.from_arg(demo.root)).installation
    assert inst is not None
    assert inst.exe is None and inst.found_by == ["data_folder"]
    assert inst.version == "6.6.12.2634" and inst.version_source == "log_header"


@pytest.fixture
def running_market(demo: DemoInfo) -> Iterator[subprocess.Popen]:
    """A real process named Market.exe whose executable lives under the root."""
    exe = demo.root / "drives" / "E" / "Касса 2" / "Market.exe"
    exe.parent.mkdir(parents=True)
    shutil.copy2(shutil.which("sleep") or "/bin/sleep", exe)
    proc = subprocess.Popen([str(exe), "30"])  # returns once the exec has happened
    yield proc
    proc.kill()
    proc.wait()


def test_running_process_is_a_source(demo: DemoInfo, running_market: subprocess.Popen) -> None:
    det = detect(SystemRoot.from_arg(demo.root))
    everything = [det.installation, *det.others]
    from_process = [i for i in everything if i and "process" in i.found_by]
    assert len(from_process) == 1
    assert [p.pid for p in from_process[0].running] == [running_market.pid]
    assert from_process[0].exe_windows == "E:\\Касса 2\\Market.exe"
    # the running one is preferred even though its exe has no version resource
    assert det.installation is from_process[0]
    process_source = next(s for s in det.sources if s.name == "process")
    assert str(running_market.pid) in process_source.detail


def test_processes_outside_the_root_are_ignored(demo: DemoInfo, tmp_path: Path) -> None:
    exe = tmp_path / "elsewhere" / "Market.exe"
    exe.parent.mkdir()
    shutil.copy2(shutil.which("sleep") or "/bin/sleep", exe)
    proc = subprocess.Popen([str(exe), "30"])  # returns once the exec has happened
    try:
        det = detect(SystemRoot.from_arg(demo.root))
        assert all(not i.running for i in [det.installation, *det.others] if i)
    finally:
        proc.kill()
        proc.wait()


# --- outdated check ------------------------------------------------------------------------------
def _program_settings(demo: DemoInfo, **update_config: object) -> None:
    """Settings.json as the program writes it (Newtonsoft, BOM), with ``Other.UpdateConfig``."""
    path = demo.root / DATA_DIR / "Configs" / "Settings.json"
    data = json.loads(path.read_text("utf-8-sig"))
    data.setdefault("Other", {})["UpdateConfig"] = {"TryUpdateCount": 0, **update_config}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8-sig")


def _local_answer(demo: DemoInfo, version: str, *, zip_too: bool = False) -> None:
    updates = demo.root / DATA_DIR / "Updates"
    updates.mkdir(parents=True, exist_ok=True)
    (updates / "info.json").write_text(json.dumps({"Version": version, "Md5": "a" * 32}))
    if zip_too:
        (updates / "update.zip").write_bytes(b"PK\x05\x06" + b"\0" * 18)


def _forget_local_answer(demo: DemoInfo) -> None:
    """A program that never got an answer from its feed (no Updates\\info.json yet)."""
    (demo.root / DATA_DIR / "Updates" / "info.json").unlink()


def _inst(demo: DemoInfo):
    inst = detect(SystemRoot.from_arg(demo.root)).installation
    assert inst is not None
    return inst


def test_feed_address_is_the_programs() -> None:
    # §9: md5("gbsmarket3364a3b8"), computed there too
    assert feed_hash("gbsmarket") == "61e32832850296b0fb29f95011a343a4"
    mirrors = ["https://updates.app-pos.ru", "https://updates.app-pos.com/"]
    assert FeedParams().urls(mirrors) == [
        "https://updates.app-pos.ru/61e32832850296b0fb29f95011a343a4/updates/release//info.json",
        "https://updates.app-pos.com/61e32832850296b0fb29f95011a343a4/updates/release//info.json"]
    ukraine = FeedParams(channel="beta", country="Ukraine").urls(mirrors)
    assert ukraine == [
        "https://updates.app-pos.com/61e32832850296b0fb29f95011a343a4/updates/beta//info.json"]


def test_outdated_current_and_newer_from_the_feed_mirrors_in_order(demo: DemoInfo) -> None:
    _forget_local_answer(demo)
    inst = _inst(demo)
    with UpdateFeed({("gbsmarket", "release"): "6.6.13.2650"}) as feed:
        dead = "http://127.0.0.1:9"
        st = check_update(inst.version, FeedParams.of(inst), mirrors=[dead, feed.url], timeout=2)
        assert (st.state, st.latest, st.source) == ("outdated", "6.6.13.2650", "feed")
        assert st.feed_url.startswith(feed.url)
        assert feed.asked == ["/61e32832850296b0fb29f95011a343a4/updates/release//info.json"]
        assert "Доступно обновление 6.6.13.2650" in st.message
        # AutoUpdate is the program's default: it updates itself at its next start
        assert st.update_type == "AutoUpdate" and "запустите снова" in st.message
        st = check_update("6.6.13.2650", FeedParams.of(inst), mirrors=[feed.url])
        assert st.state == "current" and "последняя" in st.message
        assert check_update("6.7.0.1", FeedParams.of(inst), mirrors=[feed.url]).state == "newer"
        feed.body = b"<html>oops</html>"
        st = check_update(inst.version, FeedParams.of(inst), mirrors=[feed.url])
        assert st.state == "unknown" and "нет номера версии" in st.message


def test_channel_update_type_and_vendor_code_name_come_from_the_installation(
        demo: DemoInfo) -> None:
    import base64
    import hashlib

    _program_settings(demo, VersionUpdate=1, UpdateType=1)
    app = demo.root / EXE_DIR
    vendor = json.dumps({"CodeName": "leomarket", "ApplicationName": "LEO.Market"}).encode()
    (app / "vendor.dll").write_bytes(vendor)
    (app / "vendor.hash").write_text(base64.b64encode(
        hashlib.sha256(vendor + b"gbsmarket26092023").digest()).decode())
    # a vendor build moves the data folder; AppConfig.conf keeps it where the demo has it
    (app / "AppConfig.conf").write_text(json.dumps(
        {"DataPath": "C:\\ProgramData\\F-Lab\\GBS.Market\\6\\"}), encoding="utf-8")
    inst = _inst(demo)
    assert inst.branding.build == "vendor"
    params = FeedParams.of(inst)
    assert (params.code_name, params.channel, params.update_type) == ("leomarket", "beta", 1)
    with UpdateFeed({("leomarket", "beta"): "6.6.14.1"}) as feed:
        st = check_update(inst.version, params, mirrors=[feed.url])
    assert feed.asked == [f"/{feed_hash('leomarket')}/updates/beta//info.json"]
    assert st.state == "outdated" and st.channel == "beta"
    assert "Справка → Проверить обновления" in st.message and "запустите снова" not in st.message
    # a vendor.dll whose hash does not match is not the program's vendor: default CodeName
    (app / "vendor.hash").write_text("not-the-hash")
    assert FeedParams.of(_inst(demo)).code_name == "gbsmarket"


def test_offline_the_programs_last_answer_is_used(demo: DemoInfo) -> None:
    _local_answer(demo, "6.6.13.2650", zip_too=True)
    inst = _inst(demo)
    st = check_update(inst.version, FeedParams.of(inst), mirrors=["http://127.0.0.1:9"],
                      timeout=1)
    assert (st.state, st.latest, st.source) == ("outdated", "6.6.13.2650", "local")
    assert st.downloaded and "уже скачано программой" in st.message
    assert "сервер не ответил: 127.0.0.1: сервер отказал в подключении" in st.message
    res = cli("detect", "--root", str(demo.root), "--json", "--offline")
    update = json.loads(res.stdout)["update"]
    assert (update["state"], update["source"], update["local_version"]) == \
        ("outdated", "local", "6.6.13.2650")


def test_could_not_check_says_why_and_is_never_an_error(demo: DemoInfo) -> None:
    _forget_local_answer(demo)
    res = cli("detect", "--root", str(demo.root), "--json",
              "--update-mirror", "http://127.0.0.1:9")
    assert res.returncode == 0
    update = json.loads(res.stdout)["update"]
    assert update["state"] == "unknown"
    assert "сервер отказал в подключении" in update["message"]
    assert "программа ещё не сохраняла ответ" in update["message"]
    for english in ("Error", "Connection", "HTTP"):
        assert english not in update["message"]


def test_cli_reports_outdated(demo: DemoInfo) -> None:
    with UpdateFeed({("gbsmarket", "release"): "6.7.0.3000"}) as feed:
        res = cli("detect", "--root", str(demo.root), "--update-mirror", feed.url)
    assert res.returncode == 0
    assert "Доступно обновление 6.7.0.3000 (установлена 6.6.12.2634)" in res.stderr


def test_detect_names_the_gbs_id_and_where_it_came_from(demo: DemoInfo) -> None:
    res = cli("detect", "--root", str(demo.root), "--json", "--offline")
    ids = json.loads(res.stdout)["gbs_ids"]
    assert [c["value"] for c in ids] == [demo.gbs_id]
    # the program's newest start wrote it to trace.log; its backups confirm it
    assert ids[0]["source"] == "trace_log" and ids[0]["confirmed"]
    assert {s["source"] for s in ids[0]["sightings"]} == {"trace_log", "backup_folder"}
    human = cli("detect", "--root", str(demo.root), "--offline")
    assert f"GBS.ID:           {demo.gbs_id}" in human.stderr
    shutil.rmtree(demo.root / "Users")
    shutil.rmtree(demo.root / DATA_DIR / "Logs")
    human = cli("detect", "--root", str(demo.root), "--offline")
    assert "GBS.ID:           не найден" in human.stderr


def test_links_to_the_desk_carry_the_gbs_id_and_a_vendor_build_wins(demo: DemoInfo) -> None:
    import base64
    import hashlib

    from collector.links import desk_links
    from collector.settings import Settings

    s = Settings(support_url="https://gbsmarket.ru/contacts/?gbsId={gbs_id}&utm_campaign="
                             "{version}&utm_source=desktop_app&utm_medium=interface",
                 kb_url="https://gbsmarket.ru/kb6/?gbsId={gbs_id}&utm_campaign={version}")
    inst = _inst(demo)
    links = desk_links(s, inst, demo.gbs_id)
    assert links.source == "settings"
    assert links.support == (f"https://gbsmarket.ru/contacts/?gbsId={demo.gbs_id}"
                             "&utm_campaign=6.6.12.2634&utm_source=desktop_app"
                             "&utm_medium=interface")
    assert links.kb.startswith(f"https://gbsmarket.ru/kb6/?gbsId={demo.gbs_id}&")
    res = cli("detect", "--root", str(demo.root), "--json", "--offline")
    assert json.loads(res.stdout)["links"]["kb"].startswith("http://127.0.0.1:9/kb6/?gbsId=6:")
    app = demo.root / EXE_DIR
    vendor = json.dumps({"CodeName": "partner", "Links": [
        {"Type": "Support", "Value": "https://partner.example/help"},
        {"Type": "KB", "Value": "https://partner.example/kb"}]}).encode()
    (app / "vendor.dll").write_bytes(vendor)
    (app / "vendor.hash").write_text(base64.b64encode(
        hashlib.sha256(vendor + b"gbsmarket26092023").digest()).decode())
    own = desk_links(s, _inst(demo), demo.gbs_id)
    assert (own.source, own.support, own.kb) == ("vendor", "https://partner.example/help",
                                                "https://partner.example/kb")


def test_a_folder_the_user_points_to(demo: DemoInfo) -> None:
    """Not where the program usually is, no registry entry: the wizard lets the user point to
    the program's folder (or its data folder); what is there is found and preferred."""
    apps = demo.root / "drives" / "D" / "Касса" / "Market 6"
    shutil.move(str(demo.root / EXE_DIR), apps)
    data = demo.root / "drives" / "D" / "Касса" / "Данные"
    shutil.move(str(demo.root / DATA_DIR), data)
    (demo.root / "registry.reg").unlink()
    root = SystemRoot.from_arg(demo.root)
    assert detect(root).installation is None  # nowhere the program is usually looked for
    det = detect(root, folders=[data])
    inst = det.installation
    assert inst is not None and inst.data_path == data and inst.exe is None
    assert inst.logs_dir.is_dir() and "user_folder" in inst.found_by
    assert ("user_folder", "found") in [(s.name, s.status) for s in det.sources]
    (apps / "AppConfig.conf").write_text(
        json.dumps({"DataPath": r"d:\Касса\Данные" + "\\"}), encoding="utf-8-sig")
    inst = detect(root, folders=[apps]).installation
    assert inst is not None and inst.exe == apps / "Market.exe"
    assert inst.version == "6.6.12.2634" and inst.data_path == data
    empty = demo.root / "drives" / "D" / "Пусто"
    empty.mkdir()
    det = detect(root, folders=[empty])
    assert det.installation is None
    assert [s.detail for s in det.sources if s.name == "user_folder"] == [
        r"в D:\Пусто нет ни программы, ни её данных"]
