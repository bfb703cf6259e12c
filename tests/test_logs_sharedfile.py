"""Opening files another program holds open: the same reading code on every platform."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from collector.winsys import sharedfile
from collector.winsys.sharedfile import NotARegularFile, long_path, open_shared


def test_reads_a_regular_file_into_the_callers_buffer(tmp_path):
    p = tmp_path / "trace.log"
    p.write_bytes("строка\r\n".encode() * 1000)
    with open_shared(p) as fh:
        buf = bytearray(100)
        assert fh.readinto(buf) == 100
        assert bytes(buf) == p.read_bytes()[:100]
        fh.seek(0)
        assert fh.read() == p.read_bytes()
    assert sharedfile.read_head(p, 6) == "стр".encode()


def test_sees_what_another_process_appends_while_it_keeps_the_file_open(tmp_path):
    p = tmp_path / "trace.log"
    p.write_text("начало\n", encoding="utf-8")
    writer = subprocess.Popen(
        [sys.executable, "-c",
         "import sys\nf = open(sys.argv[1], 'a', encoding='utf-8')\n"
         "for line in sys.stdin:\n    f.write(line); f.flush(); print('ok', flush=True)\n",
         str(p)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        with open_shared(p) as fh:
            assert fh.read() == "начало\n".encode()
            writer.stdin.write("дописано\n")
            writer.stdin.flush()
            assert writer.stdout.readline().strip() == "ok"
            assert fh.read() == "дописано\n".encode()  # same handle, new bytes
    finally:
        writer.stdin.close()
        writer.wait(timeout=30)


@pytest.mark.timeout(30)
def test_refuses_a_fifo_at_once_instead_of_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "egais.log"
    os.mkfifo(fifo)
    with pytest.raises(NotARegularFile):
        open_shared(fifo)


def test_errors_are_plain_oserrors(tmp_path):
    with pytest.raises(FileNotFoundError):
        open_shared(tmp_path / "missing.log")
    with pytest.raises(NotARegularFile):
        open_shared(tmp_path)
    loop = tmp_path / "loop.log"
    loop.symlink_to("loop.log")
    with pytest.raises(OSError) as info:
        open_shared(loop)
    assert info.value.errno == errno.ELOOP
    assert not sharedfile.is_sharing_violation(info.value)


def test_reading_leaves_the_access_time_alone(tmp_path):
    """Even the access time of the program's files stays as it was (O_NOATIME where allowed).
    The control read shows that a plain read does change it on this file system."""
    p = tmp_path / "trace.log"
    p.write_bytes(b"x" * 4096)
    st = p.stat()
    old = st.st_mtime_ns - 10**12  # older than the modification: relatime updates it
    os.utime(p, ns=(old, st.st_mtime_ns))
    with open(p, "rb") as fh:
        fh.read()
    control_changed = p.stat().st_atime_ns != old
    os.utime(p, ns=(old, st.st_mtime_ns))
    with open_shared(p) as fh:
        fh.read()
    assert p.stat().st_uid == os.geteuid()  # the owner may ask for O_NOATIME
    assert p.stat().st_atime_ns == old
    assert control_changed or "noatime" in Path("/proc/mounts").read_text()


def test_long_windows_paths_get_the_extended_prefix():
    short = "C:\\ProgramData\\F-Lab\\GBS.Market\\6\\Logs\\2026-11-20\\trace.log"
    assert long_path(short) == short
    deep = "C:\\Users\\Магазин\\" + "Очень длинная папка\\" * 15 + "trace.log"
    assert long_path(deep) == "\\\\?\\" + deep
    unc = "\\\\server\\share\\" + "папка\\" * 50 + "trace.log"
    assert long_path(unc) == "\\\\?\\UNC\\server\\share\\" + "папка\\" * 50 + "trace.log"
    assert long_path("\\\\?\\" + deep) == "\\\\?\\" + deep
