"""Database backup through a real Firebird 3 server that the tests start on loopback.

The server's SYSDBA password is not Firebird's default, as on a PC where the installer changed it:
the default login must fail, the technician's must work.
"""

from __future__ import annotations

import logging
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from collector.database import (
    BackupProgress,
    Credentials,
    DatabaseBackupError,
    TargetError,
    backup_to_file,
    database_facts,
    server_target,
    target_from_installation,
    verify_backup,
)
from collector.demo_db import create_demo_database, rows_for_size
from collector.errors import Cancelled
from collector.installation import detect
from collector.sysroot import SystemRoot
from tests.fbserver import FirebirdServer, free_port

pytestmark = pytest.mark.server

PASSWORD = "Kass1r#Sekret-42"
TECHNICIAN = [Credentials("SYSDBA", PASSWORD)]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FirebirdServer]:
    with FirebirdServer(tmp_path_factory.mktemp("fbserver"), password=PASSWORD) as srv:
        yield srv


@pytest.fixture(scope="module")
def served_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database only the server opens (never the embedded engine while the server runs)."""
    path = tmp_path_factory.mktemp("served") / "Магазин" / "main.fdb"
    return create_demo_database(path, **rows_for_size(20))


def attachments(server: FirebirdServer, db: Path) -> list[tuple]:
    """Other attachments to ``db`` as the server's monitoring tables list them."""
    from firebird.driver import connect

    with connect(f"{server.address}:{db}", user="SYSDBA", password=PASSWORD) as con:
        cur = con.cursor()
        cur.execute("SELECT MON$ATTACHMENT_ID, MON$REMOTE_PROCESS, MON$USER FROM MON$ATTACHMENTS "
                    "WHERE MON$ATTACHMENT_ID <> CURRENT_CONNECTION AND MON$SYSTEM_FLAG = 0")
        rows = cur.fetchall()
        con.commit()
    return rows


def test_default_login_fails_and_the_technicians_works(server, served_db, tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    target = server_target(server.host, server.port, str(served_db))
    seen_in_process_list: list[str] = []

    def progress(p: BackupProgress) -> None:
        if p.phase == "data" and not seen_in_process_list:
            seen_in_process_list.append(" ".join(
                " ".join(proc.info["cmdline"] or []) for proc in
                psutil.process_iter(["cmdline"])))

    fbk = tmp_path / "main.fbk"
    result = backup_to_file(target, fbk, credentials=TECHNICIAN, progress=progress)
    assert result.mode == "server" and result.engine == "gbak"
    assert result.credentials == "technician"  # the defaults were tried first and refused
    assert result.bytes_written == fbk.stat().st_size > 1_000_000
    assert result.facts.server_version.startswith("3.0.")
    assert result.facts.engine == "server" and result.facts.server == server.address.replace(
        "/", ":")
    assert verify_backup(fbk, expect_records=result.records).ok
    # The password reached gbak through its environment, never a command line or a log.
    assert seen_in_process_list and PASSWORD not in seen_in_process_list[0]
    assert PASSWORD not in caplog.text and PASSWORD not in str(result.to_json())


def test_wrong_password_is_explained_in_russian(server, served_db, tmp_path):
    target = server_target(server.host, server.port, str(served_db))
    with pytest.raises(DatabaseBackupError) as err:
        backup_to_file(target, tmp_path / "x.fbk",
                       credentials=[Credentials("SYSDBA", "не тот пароль")])
    assert err.value.reason == "login"
    assert "не принял имя пользователя и пароль" in err.value.message
    assert "стандартный пароль SYSDBA" in err.value.message
    assert "пароль специалиста" in err.value.message
    assert "не тот пароль" not in err.value.message
    assert not (tmp_path / "x.fbk").exists()


def test_a_login_without_backup_rights_is_explained(server, served_db, tmp_path):
    """A technician's login that works but is neither SYSDBA nor the database's owner."""
    from firebird.driver import connect

    with connect(f"{server.address}:{served_db}", user="SYSDBA", password=PASSWORD) as con:
        con.execute_immediate("CREATE OR ALTER USER CLERK PASSWORD 'Clerk-pass1'")
        con.commit()
    target = server_target(server.host, server.port, str(served_db))
    with pytest.raises(DatabaseBackupError) as err:
        backup_to_file(target, tmp_path / "x.fbk",
                       credentials=[Credentials("CLERK", "Clerk-pass1")])
    assert err.value.reason == "no_rights", err.value.detail
    assert "нет права делать копию" in err.value.message
    assert not (tmp_path / "x.fbk").exists() and not (tmp_path / "x.fbk.partial").exists()


def test_server_not_running_is_explained(tmp_path, served_db):
    port = free_port()  # nothing listens there
    target = server_target("127.0.0.1", port, str(served_db))
    with pytest.raises(DatabaseBackupError) as err:
        backup_to_file(target, tmp_path / "x.fbk", credentials=TECHNICIAN)
    assert err.value.reason == "server_down"
    assert f"127.0.0.1:{port}" in err.value.message and "не отвечает" in err.value.message


def test_missing_file_on_the_server_is_explained(server, tmp_path):
    target = server_target(server.host, server.port, str(tmp_path / "нет" / "main.fdb"),
                           display=r"C:\ProgramData\F-Lab\GBS.Market\6\main.fdb")
    with pytest.raises(DatabaseBackupError) as err:
        backup_to_file(target, tmp_path / "x.fbk", credentials=TECHNICIAN)
    assert err.value.reason == "missing"
    assert r"C:\ProgramData\F-Lab\GBS.Market\6\main.fdb" in err.value.message


def test_a_database_held_by_another_engine_is_reported_locked(server, served_db, tmp_path):
    """Another Firebird (here: the embedded engine in this test process) has the file open."""
    from firebird.driver import connect

    private = tmp_path / "main.fdb"
    shutil.copy2(served_db, private)
    with connect(str(private), user="SYSDBA", password=""):
        target = server_target(server.host, server.port, str(private))
        with pytest.raises(DatabaseBackupError) as err:
            backup_to_file(target, tmp_path / "x.fbk", credentials=TECHNICIAN)
    assert err.value.reason == "locked"
    assert "занята другой программой" in err.value.message
    assert not (tmp_path / "x.fbk").exists()


@pytest.mark.parametrize("engine", ["gbak", "services"])
def test_cancel_through_the_server_leaves_no_attachment(server, served_db, tmp_path, engine):
    target = server_target(server.host, server.port, str(served_db))
    cancel = threading.Event()
    during: list[list[tuple]] = []

    def progress(p: BackupProgress) -> None:
        if p.phase == "data" and p.bytes_written > 0 and not cancel.is_set():
            during.append(attachments(server, served_db))
            cancel.set()

    fbk = tmp_path / "main.fbk"
    with pytest.raises(Cancelled):
        backup_to_file(target, fbk, credentials=TECHNICIAN, progress=progress, cancel=cancel,
                       engine=engine)
    assert during and during[0], "the backup's own attachment was visible while it ran"
    assert not fbk.exists() and not (tmp_path / "main.fbk.partial").exists()
    deadline = time.monotonic() + 10
    while (left := attachments(server, served_db)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert left == []


def test_services_engine_through_the_server(server, served_db, tmp_path):
    target = server_target(server.host, server.port, str(served_db))
    fbk = tmp_path / "main.fbk"
    result = backup_to_file(target, fbk, credentials=TECHNICIAN, engine="services")
    assert result.engine == "services" and result.credentials == "technician"
    check = verify_backup(fbk)
    assert check.ok, check.message
    assert attachments(server, served_db) == []


def test_facts_through_the_server(server, served_db):
    target = server_target(server.host, server.port, str(served_db))
    facts = database_facts(target, credentials=TECHNICIAN)
    assert facts.page_size == 8192 and facts.ods_version == "12.0"
    assert facts.server_version.startswith("3.0.")
    assert facts.size_bytes == served_db.stat().st_size
    assert facts.next_transaction and facts.oldest_active <= facts.next_transaction


def test_fb_server_option_under_a_system_root(server, demo, tmp_path):
    """``--fb-server`` under a system root: the server backs up a private copy, so the root's
    main.fdb stays byte for byte as it was (any attachment would write its header)."""
    import hashlib

    root = SystemRoot(demo.root)
    db = detect(root).installation.database
    before = hashlib.sha256(demo.database.read_bytes()).hexdigest(), demo.database.stat()
    target = target_from_installation(db, root, fb_server=server.address)
    assert not target.embedded and target.snapshot
    fbk = tmp_path / "main.fbk"
    result = backup_to_file(target, fbk, credentials=TECHNICIAN, work_dir=tmp_path)
    assert result.mode == "server" and result.tables == 7
    assert verify_backup(fbk, expect_records=result.records).ok
    after = hashlib.sha256(demo.database.read_bytes()).hexdigest(), demo.database.stat()
    assert after[0] == before[0] and after[1].st_mtime_ns == before[1].st_mtime_ns
    assert [p for p in tmp_path.iterdir() if p.name.startswith("gbs-db-")] == []


def test_fb_server_elsewhere_under_a_system_root_is_refused(demo):
    root = SystemRoot(demo.root)
    db = detect(root).installation.database
    with pytest.raises(TargetError, match="на этом компьютере"):
        target_from_installation(db, root, fb_server="10.20.30.40/3060")


def test_a_database_the_server_holds_open_is_backed_up_consistently(server, served_db,
                                                                    tmp_path):
    """The shop's program keeps working during the backup: its open transaction's uncommitted
    rows are not in the copy, rows committed before the backup are."""
    from firebird.driver import connect

    dsn = f"{server.address}:{served_db}"
    with connect(dsn, user="SYSDBA", password=PASSWORD, charset="UTF8") as program:
        cur = program.cursor()
        cur.execute("INSERT INTO SETTINGS (NAME, VAL) VALUES ('Committed', 'да')")
        program.commit()
        cur.execute("INSERT INTO SETTINGS (NAME, VAL) VALUES ('Uncommitted', 'нет')")
        fbk = tmp_path / "live.fbk"
        backup_to_file(server_target(server.host, server.port, str(served_db)), fbk,
                       credentials=TECHNICIAN)
        program.rollback()
    restored = tmp_path / "restored.fdb"
    import subprocess

    subprocess.run(["gbak", "-c", str(fbk), str(restored)], check=True, capture_output=True,
                   env={"ISC_USER": "SYSDBA", "PATH": "/usr/bin:/bin"}, timeout=300)
    with connect(str(restored), user="SYSDBA", password="", charset="UTF8") as con:
        cur = con.cursor()
        cur.execute("SELECT NAME, VAL FROM SETTINGS WHERE NAME IN ('Committed', 'Uncommitted')")
        assert cur.fetchall() == [("Committed", "да")]
        con.commit()
    shutil.rmtree(tmp_path, ignore_errors=True)
