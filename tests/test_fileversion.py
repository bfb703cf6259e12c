"""The version reader on real PE files: one built by someone else's toolchain, and the demo's."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from collector.demo_exe import write_exe
from collector.winsys.fileversion import VersionReadError, read_file_version
from tests.conftest import TESTDATA


def seven_zip_version_strings(path: Path) -> dict[str, str]:
    """7-Zip's own PE parser, independent of ours, lists the version strings."""
    out = subprocess.run(["7z", "l", "-slt", str(path)], capture_output=True, text=True,
                         check=True).stdout
    block = out.split("Comment = ", 1)[1]
    return dict(re.findall(r"^(\w[\w ]*): (.*)$", block, re.M))


def test_real_third_party_exe() -> None:
    """Pythonwin.exe from pywin32's Windows wheel (MSVC-built, version resource by its .rc)."""
    info = read_file_version(TESTDATA / "Pythonwin.exe")
    assert info is not None
    assert info.version == "3.11.312.0"
    assert info.product_name == "PyWin32"
    assert info.fixed_product_version == "3.11.312.0"
    assert seven_zip_version_strings(TESTDATA / "Pythonwin.exe")["ProductVersion"] == info.version


def test_real_dll_with_three_part_string_uses_fixed_four_parts() -> None:
    """scintilla.dll writes ProductVersion "4.4.6": support wants four parts, the fixed info has
    them."""
    info = read_file_version(TESTDATA / "scintilla.dll")
    assert info is not None
    assert info.product_version_text == "4.4.6"
    assert info.version == "4.4.6.0"
    assert info.company == "Neil Hodgson neilh@scintilla.org"


def test_demo_exe_is_read_identically_by_7zip(tmp_path: Path) -> None:
    exe = tmp_path / "Market.exe"
    write_exe(exe, version="6.6.12.2634")
    info = read_file_version(exe)
    assert info is not None and info.version == "6.6.12.2634"
    strings = seven_zip_version_strings(exe)
    assert strings["ProductVersion"] == "6.6.12.2634"
    assert strings["CompanyName"] == "F-Lab"
    assert strings["ProductName"] == "GBS.Market"
    assert "Type = PE" in subprocess.run(["7z", "l", "-slt", str(exe)], capture_output=True,
                                         text=True).stdout


@pytest.mark.parametrize("text,expected", [
    ("6.6.12.2634 (x64)", "6.6.12.2634"),
    ("6, 3, 0, 1693", "6.3.0.1693"),
    ("6.6.12.2634+8f0c1d2", "6.6.12.2634"),
])
def test_product_version_text_variants(tmp_path: Path, text: str, expected: str) -> None:
    exe = tmp_path / "Market.exe"
    write_exe(exe, version=expected, extra_strings={"ProductVersion": text})
    info = read_file_version(exe)
    assert info is not None
    assert info.product_version_text == text
    assert info.version == expected


def test_exe_without_version_resource(tmp_path: Path) -> None:
    exe = tmp_path / "Market.exe"
    write_exe(exe, version="6.0.0.0", with_version=False)
    assert read_file_version(exe) is None


def test_not_a_pe_file(tmp_path: Path) -> None:
    bogus = tmp_path / "Market.exe"
    bogus.write_bytes(b"MZ" + b"\0" * 10)
    with pytest.raises(VersionReadError) as exc:
        read_file_version(bogus)
    assert "не является программой Windows" in str(exc.value)


def test_truncated_exe_keeps_what_is_still_there(tmp_path: Path) -> None:
    exe = tmp_path / "Market.exe"
    write_exe(exe, version="6.6.12.2634")
    data = exe.read_bytes()
    exe.write_bytes(data[: len(data) - 700])  # the string table is cut off, the fixed part stays
    info = read_file_version(exe)
    assert info is not None
    assert info.strings == {} and info.product_version is None
    assert info.fixed_product_version == "6.6.12.2634"
    exe.write_bytes(data[: len(data) - 1500])  # the whole resource section is gone
    assert read_file_version(exe) is None


def test_reading_an_exe_forces_no_garbage_collection(tmp_path: Path, monkeypatch) -> None:
    """pefile's close() runs gc.collect(); in the GUI's worker threads a full collection
    finalises Qt objects off the GUI thread (the window crashed finding the installation).
    The readers unmap the file themselves and never collect."""
    import gc
    import os

    from collector.market_version import exe_bitness

    exe = tmp_path / "Market.exe"
    write_exe(exe, version="6.6.12.2634")

    def forbidden(*a, **k):
        raise AssertionError("gc.collect() called while reading an exe")

    monkeypatch.setattr(gc, "collect", forbidden)
    assert read_file_version(exe).product_version == "6.6.12.2634"
    assert exe_bitness(exe) in ("x86", "x64")
    fd_dir = Path("/proc/self/fd")
    if fd_dir.is_dir():  # the mapping is closed: the file is not held open
        held = [os.readlink(fd_dir / f) for f in os.listdir(fd_dir)
                if (fd_dir / f).is_symlink()]
        assert str(exe) not in held
