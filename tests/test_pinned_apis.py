"""The private parts of py7zr and firebird-driver the engine relies on, checked by shape.

`collector.bundle` hands a reader of unknown length to py7zr's own worker and swaps the LZMA2
coder of a folder; `collector.database` builds services-API request buffers with
firebird-driver's internals. Neither is public API, so pyproject.toml pins both to the tested
ranges. When a new release is allowed in, this file says loudly which piece moved, before a
backup or an archive silently breaks.
"""

from __future__ import annotations

import inspect
from importlib.metadata import version

import pytest


def _parts(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in text.split(".")[:2])


def test_versions_are_the_tested_ones() -> None:
    assert (1, 1) <= _parts(version("py7zr")) < (1, 2), version("py7zr")
    assert (2, 1) <= _parts(version("firebird-driver")) < (2, 2), version("firebird-driver")


def test_py7zr_writer_internals_have_the_shape_we_drive() -> None:
    import py7zr
    from py7zr.compressor import (
        AESDecompressor,
        LZMA1Compressor,
        SevenZipCompressor,
        SevenZipDecompressor,
    )
    from py7zr.helpers import ArchiveTimestamp
    from py7zr.py7zr import Worker

    archive = py7zr.SevenZipFile
    for name in ("_make_file_info_from_name", "set_encoded_header_mode", "_writef"):
        assert callable(getattr(archive, name, None)), f"py7zr.SevenZipFile.{name} is gone"
    assert list(inspect.signature(archive._make_file_info_from_name).parameters) == [
        "bio", "size", "arcname"]
    assert "archive" in vars(Worker) and "_after_write" in vars(Worker)
    assert list(inspect.signature(Worker.archive).parameters)[:5] == [
        "self", "fp", "files", "folder", "deref"]
    assert "compress" in vars(SevenZipCompressor)
    assert callable(ArchiveTimestamp.from_datetime)
    assert issubclass(LZMA1Compressor, object) and issubclass(AESDecompressor, object)
    assert "decompress" in vars(SevenZipDecompressor)
    assert py7zr.FILTER_LZMA2 and py7zr.FILTER_CRYPTO_AES256_SHA256


def test_a_py7zr_archive_object_exposes_header_and_worker(tmp_path) -> None:
    import py7zr

    with py7zr.SevenZipFile(tmp_path / "a.7z", "w") as archive:
        folder = archive.header.initialize()
        assert hasattr(folder, "coders") and hasattr(archive.header, "files_info")
        assert isinstance(archive.header.files_info.files, list)
        assert isinstance(archive.header.files_info.emptyfiles, list)
        assert callable(archive.files.append) and hasattr(archive, "worker")
        assert hasattr(archive, "fp")


def test_firebird_driver_services_internals_have_the_shape_we_use() -> None:
    from firebird.driver import SrvBackupFlag, driver_config
    from firebird.driver.core import SPB_ATTACH, Server, XpbKind, a, isc_info_end
    from firebird.driver.types import ServerAction, SPBItem, SrvBackupOption, SrvInfoCode

    assert isinstance(isc_info_end, int)
    assert hasattr(XpbKind, "SPB_START") and hasattr(ServerAction, "BACKUP")
    assert hasattr(SPBItem, "DBNAME") and hasattr(SPBItem, "OPTIONS")
    assert hasattr(SrvBackupOption, "FILE") and hasattr(SrvInfoCode, "TO_EOF")
    assert hasattr(SrvBackupFlag, "NO_GARBAGE_COLLECT")
    assert list(inspect.signature(Server.__init__).parameters)[1:6] == [
        "svc", "spb", "host", "encoding", "encoding_errors"]
    assert {"user", "password", "encoding", "errors"} <= set(
        inspect.signature(SPB_ATTACH.__init__).parameters)
    assert callable(getattr(Server, "_make_request", None))
    assert hasattr(driver_config, "fb_client_library")
    assert callable(a.get_api)


def test_a_services_attachment_has_the_private_members_the_backup_reads() -> None:
    from firebird.driver.core import XpbKind, a

    from collector.database.tools import attach_services

    with attach_services("service_mgr", None) as srv:  # the embedded engine's own manager
        assert hasattr(srv, "_svc") and callable(srv._svc.start) and callable(srv._svc.query)
        for name in ("clear", "get_tag", "read_bytes", "raw"):
            assert hasattr(srv.response, name), name
        with a.get_api().util.get_xpb_builder(XpbKind.SPB_START) as spb:
            for name in ("insert_tag", "insert_string", "insert_int", "get_buffer"):
                assert callable(getattr(spb, name)), name
        assert srv.info.version


@pytest.mark.parametrize("module", ["collector.bundle", "collector.database.backup",
                                    "collector.database.tools"])
def test_the_modules_using_them_import(module: str) -> None:
    __import__(module)
