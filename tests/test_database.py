"""Database backup through the embedded engine: real Firebird 3, real gbak, real files."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import subprocess
import threading
from datetime import datetime, timedelta
from pathlib import Path

import psutil
import pytest

from collector.configs import DEFAULT_FB_PORT
from collector.database import (
    BackupProgress,
    BackupTarget,
    Credentials,
    DatabaseBackupError,
    TargetError,
    age_text,
    backup_database,
    backup_to_file,
    database_facts,
    embedded_target,
    find_program_backups,
    parse_fb_server,
    target_from_installation,
    verify_backup,
)
from collector.database.failures import os_reason
from collector.database.header import read_header
from collector.demo_db import create_demo_database, rows_for_size
from collector.errors import Cancelled
from collector.installation import DatabaseInfo, detect
from collector.sysroot import SystemRoot

TABLES = ("GOODS_GROUPS", "GOODS", "CONTRACTORS", "DOCUMENTS", "DOC_ITEMS", "USERS", "SETTINGS")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def gbak_env() -> dict[str, str]:
    env = dict(os.environ, ISC_USER="SYSDBA")
    env.pop("ISC_PASSWORD", None)
    return env


def restore(fbk: Path, dest: Path) -> Path:
    subprocess.run(["gbak", "-c", str(fbk), str(dest)], env=gbak_env(), check=True,
                   capture_output=True, timeout=300)
    return dest


def table_counts(db: Path) -> dict[str, int]:
    from firebird.driver import connect

    with connect(str(db), user="SYSDBA", password="", charset="UTF8") as con:
        cur = con.cursor()
        counts = {}
        for t in TABLES:
            cur.execute(f"SELECT COUNT(*) FROM {t}")
            counts[t] = cur.fetchone()[0]
        cur.execute("SELECT NAME FROM GOODS WHERE ID = 1")
        counts["first_goods_name"] = cur.fetchone()[0]
        cur.execute("SELECT VAL FROM SETTINGS WHERE NAME = 'ShopName'")
        counts["shop"] = cur.fetchone()[0]
        con.commit()
    return counts


def gbak_children() -> list[psutil.Process]:
    return [p for p in psutil.Process().children(recursive=True)
            if p.is_running() and "gbak" in p.name()]


def leftovers(work: Path) -> list[str]:
    """Files left in the work folder, and files there this process still holds open (on Linux
    an open file can be deleted, so the folder alone would not show an engine still using it)."""
    names = sorted(p.name for p in work.iterdir()) if work.exists() else []
    held = [f.path for f in psutil.Process().open_files() if f.path.startswith(str(work))]
    return names + held


@pytest.fixture(scope="module")
def medium_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 30 MB: big enough for a backup that takes many chunks and several tables."""
    path = tmp_path_factory.mktemp("medium") / "Магазин средний.fdb"
    return create_demo_database(path, **rows_for_size(20))


@pytest.fixture
def medium_copy(medium_db: Path, tmp_path: Path) -> Path:
    dst = tmp_path / "база" / "main.fdb"
    dst.parent.mkdir()
    shutil.copy2(medium_db, dst)
    return dst


@pytest.fixture
def work(tmp_path: Path) -> Path:
    w = tmp_path / "work"
    w.mkdir()
    return w


# --- embedded backup ----------------------------------------------------------------------
@pytest.mark.parametrize("engine", ["gbak", "services"])
def test_embedded_backup_restores_the_same_rows_and_cyrillic_text(demo, tmp_path, work, engine):
    """The demo installation (path with Cyrillic and spaces) backed up, restored, compared."""
    db = demo.database
    reference = tmp_path / "reference.fdb"
    shutil.copy2(db, reference)  # compared through a copy: reading the original would change it
    events: list[BackupProgress] = []
    fbk = tmp_path / "копия" / "main.fbk"
    fbk.parent.mkdir()
    result = backup_to_file(embedded_target(db), fbk, progress=events.append, engine=engine,
                            work_dir=work)

    assert result.engine == engine and result.mode == "embedded"
    assert result.bytes_written == fbk.stat().st_size > 100_000
    assert fbk.read_bytes()[:2] != b"\0\0"
    assert table_counts(restore(fbk, tmp_path / "restored.fdb")) == table_counts(reference)
    assert table_counts(reference)["first_goods_name"] == "Молоко «Простоквашино» 3,2% 930 мл"
    assert events[0].phase == "snapshot" and events[-1].phase == "done"
    assert events[-1].fraction == 1.0
    assert leftovers(work) == []  # the private snapshot is gone
    assert result.facts.page_size == 8192 and result.facts.ods_version == "12.0"
    if engine == "gbak":
        assert result.tables == len(TABLES)
        assert result.records == sum(v for k, v in table_counts(reference).items()
                                     if k in TABLES)
        data = [e for e in events if e.phase == "data"]
        assert data and data[-1].tables_total == len(TABLES)
        assert any(e.table == "DOC_ITEMS" for e in data)


def test_embedded_backup_leaves_the_database_file_byte_for_byte_unchanged(medium_copy, tmp_path,
                                                                          work):
    before = sha256(medium_copy)
    mtime = medium_copy.stat().st_mtime_ns
    with open(tmp_path / "out.fbk", "wb") as out:
        result = backup_database(embedded_target(medium_copy), out, work_dir=work)
    assert result.bytes_written > 1_000_000
    assert sha256(medium_copy) == before
    assert medium_copy.stat().st_mtime_ns == mtime
    assert gbak_children() == []
    assert leftovers(work) == []
    # Nothing holds the database: Firebird can take it for exclusive use right away.
    shut = subprocess.run(["gfix", "-shut", "full", "-force", "0", str(medium_copy)],
                          env=gbak_env(), capture_output=True, text=True, timeout=60)
    assert shut.returncode == 0, shut.stderr
    assert read_header(medium_copy).shutdown == "full"


def test_services_engine_also_leaves_the_file_unchanged_and_nothing_attached(medium_copy,
                                                                             tmp_path, work):
    before = sha256(medium_copy)
    with open(tmp_path / "out.fbk", "wb") as out:
        result = backup_database(embedded_target(medium_copy), out, engine="services",
                                 work_dir=work)
    assert result.engine == "services" and result.bytes_written > 1_000_000
    assert sha256(medium_copy) == before
    shut = subprocess.run(["gfix", "-shut", "full", "-force", "0", str(medium_copy)],
                          env=gbak_env(), capture_output=True, text=True, timeout=60)
    assert shut.returncode == 0, shut.stderr
    assert verify_backup(tmp_path / "out.fbk").ok


def test_backup_streams_into_the_writer_while_gbak_runs(medium_copy, work):
    """Chunks reach ``out`` one by one (an archive writer can compress meanwhile)."""

    class Collect:
        def __init__(self) -> None:
            self.writes = 0
            self.size = 0
            self.progress_seen_before_end = False

        def write(self, b: bytes) -> int:
            self.writes += 1
            self.size += len(b)
            return len(b)

    sink = Collect()
    sizes: list[int] = []
    result = backup_database(embedded_target(medium_copy), sink, work_dir=work,  # type: ignore[arg-type]
                             progress=lambda p: sizes.append(p.bytes_written))
    assert sink.size == result.bytes_written
    assert sink.writes > 5
    assert len({s for s in sizes if 0 < s < result.bytes_written}) >= 1


def test_backup_into_a_pipe_as_an_archive_writer_would_read_it(medium_copy, tmp_path, work):
    """``out`` is the write end of a pipe; another thread reads it as 7-Zip's stdin would."""
    rfd, wfd = os.pipe()
    received = tmp_path / "from-pipe.fbk"

    def consume() -> None:
        with open(rfd, "rb") as src, open(received, "wb") as dst:
            shutil.copyfileobj(src, dst, 256 * 1024)

    reader = threading.Thread(target=consume)
    reader.start()
    with open(wfd, "wb") as out:
        result = backup_database(embedded_target(medium_copy), out, work_dir=work)
    reader.join(60)
    assert received.stat().st_size == result.bytes_written
    check = verify_backup(received, expect_records=result.records, work_dir=work)
    assert check.ok, check.message


@pytest.mark.parametrize("engine", ["gbak", "services"])
def test_cancel_mid_way_removes_the_partial_file_and_leaves_nothing_open(medium_copy, tmp_path,
                                                                        work, engine):
    before = sha256(medium_copy)
    cancel = threading.Event()
    seen: list[BackupProgress] = []

    def progress(p: BackupProgress) -> None:
        seen.append(p)
        if p.phase == "data" and p.bytes_written > 0:
            cancel.set()

    fbk = tmp_path / "main.fbk"
    with pytest.raises(Cancelled):
        backup_to_file(embedded_target(medium_copy), fbk, progress=progress, cancel=cancel,
                       engine=engine, work_dir=work)
    assert cancel.is_set()
    assert not fbk.exists() and not (tmp_path / "main.fbk.partial").exists()
    assert leftovers(work) == []
    assert gbak_children() == []
    assert sha256(medium_copy) == before
    assert seen[-1].bytes_written < medium_copy.stat().st_size
    shut = subprocess.run(["gfix", "-shut", "full", "-force", "0", str(medium_copy)],
                          env=gbak_env(), capture_output=True, text=True, timeout=60)
    assert shut.returncode == 0, shut.stderr


def test_cancel_during_the_snapshot_copy(medium_copy, tmp_path, work):
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        backup_to_file(embedded_target(medium_copy), tmp_path / "x.fbk", cancel=cancel,
                       work_dir=work)
    assert leftovers(work) == [] and not (tmp_path / "x.fbk").exists()


# --- failures with a reason ------------------------------------------------------------------
def test_missing_file_is_explained(tmp_path, work):
    target = embedded_target(tmp_path / "нет такой" / "main.fdb",
                             display=r"C:\ProgramData\F-Lab\GBS.Market\6\main.fdb")
    with pytest.raises(DatabaseBackupError) as err:
        backup_to_file(target, tmp_path / "x.fbk", work_dir=work)
    assert err.value.reason == "missing"
    assert "не найден" in err.value.message
    assert r"C:\ProgramData\F-Lab\GBS.Market\6\main.fdb" in err.value.message
    assert not (tmp_path / "x.fbk").exists()


def test_a_file_that_is_not_a_database_is_explained(tmp_path, work):
    junk = tmp_path / "main.fdb"
    junk.write_bytes(os.urandom(64 * 1024))
    with pytest.raises(DatabaseBackupError) as err:
        backup_to_file(embedded_target(junk), tmp_path / "x.fbk", work_dir=work)
    assert err.value.reason == "not_database"
    assert "не является базой данных Firebird" in err.value.message


def test_full_disk_while_writing_is_explained(medium_copy, work):
    """/dev/full is the kernel's always-full device: every write fails with ENOSPC."""
    with open("/dev/full", "wb", buffering=0) as out, \
            pytest.raises(DatabaseBackupError) as err:
        backup_database(embedded_target(medium_copy), out, work_dir=work)
    assert err.value.reason == "no_space"
    assert "Не хватает места" in err.value.message
    assert gbak_children() == [] and leftovers(work) == []


def test_an_output_folder_that_does_not_exist_is_explained(medium_copy, tmp_path, work):
    with pytest.raises(DatabaseBackupError) as err:
        backup_to_file(embedded_target(medium_copy), tmp_path / "нет" / "x.fbk", work_dir=work)
    assert err.value.reason == "output"
    assert "не удалось записать" in err.value.message and "x.fbk.partial" in err.value.message


def test_a_file_that_changes_while_it_is_copied_is_refused(medium_copy, tmp_path, work):
    """Under a root nothing should be using the file; if something writes to it (a server on a
    mounted disk), the snapshot would be torn, so the backup stops and says what to do."""

    def progress(p: BackupProgress) -> None:
        if p.phase == "snapshot":
            with open(medium_copy, "r+b") as f:  # what a running server does to its database
                f.seek(0, os.SEEK_END)
                f.write(b"\0" * 8192)

    with pytest.raises(DatabaseBackupError) as err:
        backup_to_file(embedded_target(medium_copy), tmp_path / "x.fbk", progress=progress,
                       work_dir=work)
    assert err.value.reason == "live_file"
    assert "--fb-server" in err.value.message
    assert leftovers(work) == [] and not (tmp_path / "x.fbk").exists()


@pytest.mark.parametrize("code, reason", [
    (errno.ENOSPC, "no_space"), (errno.ENOENT, "missing"), (errno.EACCES, "read_only"),
    (errno.EROFS, "read_only"), (errno.EIO, "output"),
])
def test_operating_system_errors_map_to_reasons(code, reason):
    assert os_reason(OSError(code, os.strerror(code))) == reason


def test_networked_client_is_skipped_with_the_reason(demo):
    cfg = demo.root / "ProgramData/F-Lab/GBS.Market/6/Configs/DataBase.json"
    data = json.loads(cfg.read_text(encoding="utf-8"))
    data["Connection"].update(ConnectionType=2, ServerUrl="KASSA-1",
                              Path=r"D:\GBS\main.fdb")
    cfg.write_text(json.dumps(data), encoding="utf-8")
    root = SystemRoot(demo.root)
    db = detect(root).installation.database
    target = target_from_installation(db, root)
    assert target.networked
    with open(os.devnull, "wb") as sink, pytest.raises(DatabaseBackupError) as err:
        backup_database(target, sink)
    assert err.value.reason == "networked" and err.value.skipped
    assert "на другом компьютере" in err.value.message and "KASSA-1:3060" in err.value.message
    with pytest.raises(DatabaseBackupError) as err:
        database_facts(target)
    assert err.value.skipped


# --- targets -----------------------------------------------------------------------------
def test_target_under_a_root_uses_the_embedded_engine_or_the_given_server(demo):
    root = SystemRoot(demo.root)
    db = detect(root).installation.database
    target = target_from_installation(db, root)
    assert target.embedded and target.local_file == demo.database
    assert target.display == r"C:\ProgramData\F-Lab\GBS.Market\6\main.fdb"
    assert target.dsn == str(demo.database)
    via = target_from_installation(db, root, fb_server="127.0.0.1/3999")
    assert (via.host, via.port, via.database) == ("127.0.0.1", 3999, str(demo.database))
    assert via.dsn == f"127.0.0.1/3999:{demo.database}"
    assert via.service_manager == "127.0.0.1/3999:service_mgr"


def test_target_on_windows_uses_the_server_from_the_config():
    info = DatabaseInfo(path=Path(r"C:\ProgramData\F-Lab\GBS.Market\6\main.fdb"),
                        path_windows=r"C:\ProgramData\F-Lab\GBS.Market\6\main.fdb", exists=True,
                        size_bytes=1, connection_type="Local", server="localhost",
                        port=DEFAULT_FB_PORT, has_credentials=True, backup_path=None,
                        backup_path_windows=None)
    target = target_from_installation(info, SystemRoot(None))
    assert target.dsn == r"localhost/3060:C:\ProgramData\F-Lab\GBS.Market\6\main.fdb"
    assert target.local_server and not target.embedded


@pytest.mark.parametrize("text, expected", [
    ("localhost/3060", ("localhost", 3060)), ("127.0.0.1:3050", ("127.0.0.1", 3050)),
    ("server", ("server", 3060)), ("[::1]/3061", ("::1", 3061)),
])
def test_parse_fb_server(text, expected):
    assert parse_fb_server(text) == expected


@pytest.mark.parametrize("bad", ["", "host/port", "a b", "host/70000"])
def test_parse_fb_server_rejects_nonsense_in_russian(bad):
    with pytest.raises(TargetError) as err:
        parse_fb_server(bad)
    assert "сервера Firebird" in str(err.value)


def test_credentials_never_show_the_password():
    cred = Credentials("SYSDBA", "s3cr3t-Пароль")
    assert "s3cr3t" not in repr(cred) and "s3cr3t" not in str(cred)
    assert "s3cr3t" not in str(BackupTarget(database="x", display="x"))


# --- facts -----------------------------------------------------------------------------------
def test_facts_from_the_header_match_firebirds_own_statistics(medium_copy):
    before = sha256(medium_copy)
    facts = database_facts(embedded_target(medium_copy))
    assert sha256(medium_copy) == before  # read from the header page, nothing attached
    stat = subprocess.run(["fbstat", "-h", str(medium_copy)], env=gbak_env(), check=True,
                          capture_output=True, text=True, timeout=60).stdout
    fields = {k.strip(): v.strip() for k, v in
              (line.strip().split("\t", 1) for line in stat.splitlines() if "\t" in line.strip())}
    assert str(facts.page_size) == fields["Page size"]
    assert facts.ods_version == fields["ODS version"]
    assert str(facts.next_transaction) == fields["Next transaction"]
    assert str(facts.oldest_active) == fields["Oldest active"]
    assert str(facts.dialect) == fields["Database dialect"]
    assert facts.size_bytes == medium_copy.stat().st_size
    assert facts.server_version and facts.server_version.startswith("3.0.")
    assert facts.engine == "embedded"


# --- verification ------------------------------------------------------------------------------
def test_verify_counts_the_records_the_backup_wrote(medium_copy, tmp_path, work):
    fbk = tmp_path / "main.fbk"
    result = backup_to_file(embedded_target(medium_copy), fbk, work_dir=work)
    check = verify_backup(fbk, expect_records=result.records, work_dir=work)
    assert check.ok, check.message
    assert check.records == result.records and check.tables == len(TABLES)
    assert "Копия проверена" in check.message
    assert leftovers(work) == []
    wrong = verify_backup(fbk, expect_records=result.records + 1, work_dir=work)
    assert wrong.status == "failed" and "записей" in wrong.message


def test_verify_reports_a_damaged_backup(medium_copy, tmp_path, work):
    fbk = tmp_path / "main.fbk"
    backup_to_file(embedded_target(medium_copy), fbk, work_dir=work)
    damaged = tmp_path / "damaged.fbk"
    damaged.write_bytes(fbk.read_bytes()[: fbk.stat().st_size // 2])
    check = verify_backup(damaged, work_dir=work)
    assert check.status == "failed"
    assert check.message.startswith("Копия базы не восстанавливается")
    assert leftovers(work) == []


def test_verify_is_time_boxed(medium_copy, tmp_path, work):
    fbk = tmp_path / "main.fbk"
    backup_to_file(embedded_target(medium_copy), fbk, work_dir=work)
    check = verify_backup(fbk, timeout_s=0.02, work_dir=work)  # a restore takes far longer
    assert check.status == "timeout" and check.seconds < 10
    assert "остановлена" in check.message
    assert leftovers(work) == [] and gbak_children() == []


# --- the program's own backups -------------------------------------------------------------
def test_program_backups_are_found_newest_first_with_their_age(demo, tmp_path):
    root = SystemRoot(demo.root)
    db = detect(root).installation.database
    now = datetime(2026, 11, 20, 10, 0, 0)
    found = find_program_backups(db.backup_path, demo.gbs_id, now=now)
    assert [b.created for b in found] == [datetime(2026, 11, 19, 21, 59, 49),
                                          datetime(2026, 11, 17, 21, 59, 49)]
    assert [b.age_text for b in found] == ["12 часов назад", "2 дня назад"]
    assert found[0].fbk_name == "main.fbk" and found[0].fbk_size > 100_000
    # Without the id every GBS.ID folder is looked at; a foreign zip name is ignored.
    (found[0].path.parent / "notes.zip").write_bytes(b"")
    assert [b.path for b in find_program_backups(db.backup_path, None, now=now)] == \
        [b.path for b in found]
    assert find_program_backups(db.backup_path, "6:" + "0" * 32, now=now) == []
    assert find_program_backups(None, demo.gbs_id) == []
    # The backup inside is a real one: Firebird restores it.
    with found[0].open_fbk() as src, open(tmp_path / "main.fbk", "wb") as dst:
        shutil.copyfileobj(src, dst)
    assert (tmp_path / "main.fbk").stat().st_size == found[0].fbk_size
    assert verify_backup(tmp_path / "main.fbk").ok


@pytest.mark.parametrize("delta, text", [
    (timedelta(seconds=20), "только что"), (timedelta(minutes=1), "1 минуту назад"),
    (timedelta(minutes=3), "3 минуты назад"), (timedelta(minutes=11), "11 минут назад"),
    (timedelta(hours=1), "1 час назад"), (timedelta(hours=22), "22 часа назад"),
    (timedelta(days=1), "1 день назад"), (timedelta(days=3), "3 дня назад"),
    (timedelta(days=5), "5 дней назад"), (timedelta(days=11), "11 дней назад"),
    (timedelta(days=21), "21 день назад"), (timedelta(days=44), "44 дня назад"),
    (timedelta(days=95), "3 месяца назад"), (timedelta(days=800), "2 года назад"),
    (timedelta(days=365 * 5), "5 лет назад"),
])
def test_age_in_russian(delta, text):
    assert age_text(delta.total_seconds()) == text
