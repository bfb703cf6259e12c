"""Finding the program as it finds itself (GBS_MARKET.md §1, §2, §6, §8), on installations laid
out from the facts: folders, AppConfig.conf, vendor.dll, the registry export, the exe's version
resource, trace.log's start-up line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from collector.database.program_backups import (
    fbk_name_for,
    find_program_backups,
    no_fbk_reason,
)
from collector.database.tools import market_firebird_dirs, market_services
from collector.demo_exe import write_exe
from collector.installation import detect
from collector.market_version import dotnet_version, four_part, shown_version
from collector.sysroot import SystemRoot
from collector.winsys.processes import ProcessInfo
from collector.winsys.regfile import REG_SZ, RegValue, format_reg
from collector.winsys.services import ServiceInfo
from tests import market_facts as mf

DAY = date(2026, 11, 20)
APP = Path("Program Files (x86)/F-Lab/Market 6")
DATA = Path("ProgramData/F-Lab/GBS.Market/6")


def _program(root: Path, *, version: str = mf.VERSION, assembly: str | None = None,
             product_text: str | None = None, app: Path = APP) -> Path:
    exe = root / app / "Market.exe"
    write_exe(exe, version=version, product_version_text=product_text,
              extra_strings={"Assembly Version": assembly or version})
    return exe


def _trace(logs: Path, day: date, *, version: str = mf.VERSION, shown: str | None = None,
           header: str | None = None) -> None:
    site = "SplashScreenViewModel.ApplicationLoad"
    mf.write(logs / day.isoformat() / "trace.log", mf.nlog_file(
        [mf.trace_line(mf.at(day, 8), "DEBUG", site,
                       f"Запуск программы. {shown or version + ' (x64)'}")],
        version=header or version, closed=False))


def test_datapath_without_the_trailing_backslash_is_read_where_the_program_writes(tmp_path):
    root = tmp_path / "C"
    _program(root)
    mf.write_app_config(root / APP, "D:\\GBS")
    d = root / "drives" / "D"
    (d / "GBS").mkdir(parents=True)
    _trace(d / "GBSLogs", DAY)  # the program's Logs: "D:\GBS" + "Logs\"
    mf.write(d / "GBSConfigs" / "DataBase.json", '{"Connection": {"ConnectionType": 1}}')
    (d / "GBS" / "Logs").mkdir()  # what a person would expect, empty
    inst = detect(SystemRoot(root)).installation
    assert inst is not None
    assert (inst.data_path_windows, inst.data_path_source) == ("D:\\GBS", "AppConfig.conf")
    assert inst.logs_dir == d / "GBSLogs" and inst.configs_dir == d / "GBSConfigs"
    assert inst.crpt_logs_dir == d / "GBSCRPT_logs"
    assert inst.database is not None and inst.database.path_windows == "D:\\GBSmain.fdb"
    warning = next(p for p in inst.problems if "без «\\»" in p)
    assert "D:\\GBSLogs\\" in warning and "D:\\GBSConfigs\\" in warning
    assert "GBS.Market" in warning


def test_a_vendor_build_moves_the_data_folder_and_names_itself(tmp_path):
    root = tmp_path / "C"
    _program(root)
    mf.write_vendor(root / APP, {"ApplicationName": "Касса24", "CodeName": "kassa24"})
    (root / "ProgramData" / "Касса24" / "data" / "Logs").mkdir(parents=True)
    (root / DATA / "Logs").mkdir(parents=True)  # the original's folder is not this build's
    mf.write_app_config(root / APP, "E:\\Data")
    inst = detect(SystemRoot(root)).installation
    # AppConfig.conf overrides even a vendor's folder; the messages name the vendor's program
    assert inst.name == "Касса24" and inst.branding.build == "vendor"
    assert any("E:\\Data" in p and "Касса24" in p for p in inst.problems)
    (root / APP / "AppConfig.conf").unlink()
    inst = detect(SystemRoot(root)).installation
    assert inst.data_path_windows == "C:\\ProgramData\\Касса24\\data\\"
    assert inst.data_path_source == "vendor" and inst.logs_dir.is_dir()
    assert inst.to_json()["branding"]["update_hash"] != "61e32832850296b0fb29f95011a343a4"


def test_autostart_value_finds_a_program_outside_the_default_folder(tmp_path):
    root = tmp_path / "C"
    exe = _program(root, app=Path("Касса/Market 6"))
    (root / DATA / "Logs").mkdir(parents=True)
    run = r"HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run"
    key = r"HKEY_CURRENT_USER\Software\F-Lab\GBS.Market\6"
    (root / "registry.reg").write_bytes(format_reg([
        (run, [("AutoRunMarket", RegValue(REG_SZ, "C:\\Касса\\Market 6\\Market.exe"))]),
        (key, [("INFOv02", RegValue(REG_SZ, "q83vAQIDBAUGBwgJCgsMDQ4PEA=="))]),
    ]))
    det = detect(SystemRoot(root))
    assert det.installation is not None and det.installation.exe == exe
    assert "autostart" in det.installation.found_by
    reg = next(s for s in det.sources if s.name == "registry")
    assert "AutoRunMarket" in reg.detail and "INFOv02" in reg.detail


def test_version5_data_is_detected_and_reported_beside_6(tmp_path):
    root = tmp_path / "C"
    _program(root)
    (root / DATA / "Logs").mkdir(parents=True)
    (root / "ProgramData/F-Lab/GBS.Market/5/Logs").mkdir(parents=True)
    det = detect(SystemRoot(root))
    assert det.installation.major == 6
    assert [(o.major, o.data_path_windows) for o in det.others] == [
        (5, "C:\\ProgramData\\F-Lab\\GBS.Market\\5\\")]


def test_correct_exit_means_nothing_while_the_program_runs(tmp_path):
    root = tmp_path / "C"
    exe = _program(root)
    mf.write(root / DATA / "Configs" / "DataBase.json", '{"CorrectExit": false}')
    inst = detect(SystemRoot(root), processes=[]).installation
    assert (inst.correct_exit, inst.correct_exit_raw) == (False, False)
    running = ProcessInfo(4321, "Market.exe", str(exe), 300.0, 1.0, None, None)
    inst = detect(SystemRoot(root), processes=[running]).installation
    assert inst.running and inst.correct_exit is None and inst.correct_exit_raw is False


def test_version_is_the_product_version_cross_checked(tmp_path):
    root = tmp_path / "C"
    _program(root, version="6.6.12.2634", assembly="6.6.12.2600")
    _trace(root / DATA / "Logs", DAY, header="6.6.11.2590")
    inst = detect(SystemRoot(root)).installation
    assert (inst.version, inst.version_source) == ("6.6.12.2634", "exe")
    v = inst.versions
    assert (v.assembly_version, v.header_version) == ("6.6.12.2600", "6.6.11.2590")
    assert sum("отличается" in p for p in inst.problems) == 2
    assert (v.bitness, v.shown, v.shown_source) == ("x64", "6.6.12.2634 (x64)", "trace_log")
    assert inst.version_text == "6.6.12.2634 (x64)"


def test_the_ukraine_date_form_is_shown_beside_the_four_part_version(tmp_path):
    root = tmp_path / "C"
    _program(root)
    mf.write(root / DATA / "Configs" / "Settings.json",
             '{\r\n  "Interface": {\r\n    "Country": "Ukraine"\r\n  }\r\n}')
    _trace(root / DATA / "Logs", DAY, shown="2026.03.15.2634 (x86)")
    inst = detect(SystemRoot(root)).installation
    assert inst.version == "6.6.12.2634"  # request.txt's form
    assert inst.versions.shown == "2026.03.15.2634 (x86)" and inst.versions.bitness == "x86"
    assert "2026.03.15.2634 (x86)" in inst.version_text and "6.6.12.2634" in inst.version_text
    assert shown_version("6.6.12.2634", "x64", ukraine=True,
                         created=__import__("datetime").datetime(2026, 3, 15)) == \
        "2026.03.15.2634 (x64)"


def test_product_version_is_read_as_dotnet_reads_it():
    assert dotnet_version("6.6.12.2634") == "6.6.12.2634" and four_part("6.6") == "6.6.0.0"
    assert dotnet_version("6.6.12.2634 (x64)") is None  # the program then calls itself 6.0
    assert dotnet_version("6") is None


def test_both_firebird_services_and_their_gbak_folders():
    env = {"ProgramW6432": r"C:\Program Files", "ProgramFiles": r"C:\Program Files (x86)",
           "ProgramFiles(x86)": r"C:\Program Files (x86)"}
    dirs = [str(d) for d in market_firebird_dirs(env)]
    assert dirs[0].endswith("FirebirdServer_9b6e7ae5") and dirs[0].startswith(r"C:\Program Files")
    assert any(d.endswith(r"F-Lab\Firebird 3") for d in dirs[1:])
    services = [ServiceInfo("FirebirdServerFirebirdForGBS", "Firebird", "running", "auto", None),
                ServiceInfo("FirebirdServer_9b6e7ae5", "Firebird 3", "stopped", "auto", None),
                ServiceInfo("Spooler", "Print", "running", "auto", None)]
    assert [s.name for s in market_services(services)] == [
        "FirebirdServer_9b6e7ae5", "FirebirdServerFirebirdForGBS"]  # the program's preference


def _program_zip(folder: Path, name: str, fbk: str | None) -> Path:
    """§7: <BackUp.Path>\\<GBS.ID>\\yyyy-MM-dd_HH-mm-ss.zip, <db name>.fbk at the root."""
    import zipfile

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    with zipfile.ZipFile(path, "w") as z:
        if fbk:
            z.writestr(fbk, b"gbak backup")
        z.writestr("Configs/DataBase.json", b"{}")
        z.writestr("Logs/2026-11-19/trace.log", b"")
    return path


def test_the_programs_backup_is_named_after_the_database(tmp_path):
    assert fbk_name_for("D:\\Базы\\MAGAZ.FDB") == "MAGAZ.fbk"
    assert fbk_name_for(None) == "main.fbk"
    folder = tmp_path / "GBS.Market6_backups" / "0F3A9C5E7B214D6A8E1F2C3B4A5D6E7F"
    _program_zip(folder, "2026-11-19_21-59-49.zip", "MAGAZ.fbk")
    _program_zip(folder, "2026-11-20_08-00-03.zip", None)  # gbak failed at this start
    found = find_program_backups(folder.parent, None, db_name="MAGAZ.fbk")
    assert [(b.path.name, b.fbk_name) for b in found] == [
        ("2026-11-20_08-00-03.zip", None), ("2026-11-19_21-59-49.zip", "MAGAZ.fbk")]


def test_why_the_programs_zip_has_no_database():
    assert "сетевой клиент" in no_fbk_reason("NetWork", True, "HiPos")
    assert "HiPos" in no_fbk_reason("NetWork", True, "HiPos")
    assert "CreateDbInBackup" in no_fbk_reason("Local", False)
    assert "gbak" in no_fbk_reason("Local", True) and "backup.log" in no_fbk_reason("Local", None)
