"""The system clipboard without Qt: a real X server (Xvfb) with the real xclip and xsel."""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

from collector import clipboard
from collector.clipboard import ClipboardError
from collector.gbsid import ClipboardIdWatcher, copy_gbs_id

ID = "6:0F3A9C41B2D84E6F8A1C3B5D7E9F2468"
ID2 = "6:A1B2C3D4E5F60718293A4B5C6D7E8F90"
TEXT = "Обращение в поддержку\nGBS.ID: 6:0F3A…\nстрока с «кавычками» и эмодзи 🙂\n"

for tool in ("Xvfb", "xclip", "xsel"):
    assert shutil.which(tool), f"{tool} is installed by scripts/setup.sh"


def start_xvfb() -> tuple[subprocess.Popen, str]:
    """A private X server on a free display number (Xvfb picks it and reports it)."""
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-nolisten", "tcp",
                             "-screen", "0", "320x240x24"], pass_fds=(write_fd,),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    buf = b""
    while not buf.endswith(b"\n"):
        ready, _, _ = select.select([read_fd], [], [], 20)
        if not ready:
            proc.kill()
            raise RuntimeError("Xvfb did not start")
        chunk = os.read(read_fd, 16)
        if not chunk:
            raise RuntimeError("Xvfb exited")
        buf += chunk
    os.close(read_fd)
    return proc, ":" + buf.decode().strip()


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    proc, name = start_xvfb()
    yield name
    stop(proc)


@pytest.fixture
def x11(display, monkeypatch) -> str:
    monkeypatch.setenv("DISPLAY", display)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv(clipboard.BACKEND_ENV, raising=False)
    return display


@pytest.mark.parametrize("tool", ["xclip", "xsel"])
def test_round_trip_through_the_real_x_clipboard(tool, x11, monkeypatch):
    monkeypatch.setenv(clipboard.BACKEND_ENV, tool)
    assert clipboard.backend_name() == tool
    clipboard.copy_text(TEXT)
    assert clipboard.read_text() == TEXT
    clipboard.copy_text("второй текст")
    assert clipboard.read_text() == "второй текст"


def test_what_one_tool_copies_another_program_reads(x11, monkeypatch):
    """The text lands in the X CLIPBOARD selection every program pastes from."""
    monkeypatch.setenv(clipboard.BACKEND_ENV, "xclip")
    clipboard.copy_text(TEXT)
    out = subprocess.run(["xsel", "--clipboard", "--output"], capture_output=True, timeout=10)
    assert out.stdout.decode("utf-8") == TEXT
    subprocess.run(["xsel", "--clipboard", "--input"], input="из xsel".encode(), check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=10)
    for _ in range(100):  # xsel hands the selection to a background child: give it a moment
        if clipboard.read_text() == "из xsel":
            break
        time.sleep(0.02)
    assert clipboard.read_text() == "из xsel"


def test_automatic_choice_prefers_xclip_under_x11(x11):
    assert clipboard.backend_name() == "xclip"


def test_empty_clipboard_reads_as_none(monkeypatch):
    proc, name = start_xvfb()  # a fresh server: nobody owns its clipboard yet
    try:
        monkeypatch.setenv("DISPLAY", name)
        monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
        for tool in ("xclip", "xsel"):
            monkeypatch.setenv(clipboard.BACKEND_ENV, tool)
            assert clipboard.read_text() is None
    finally:
        stop(proc)


def test_copy_gbs_id_puts_the_normalized_id(x11):
    assert copy_gbs_id(f"  {ID.lower()}\n") == ID
    assert clipboard.read_text() == ID


def test_watcher_on_the_real_clipboard(x11):
    clipboard.copy_text("что-то скопированное раньше")
    w = ClipboardIdWatcher()
    assert w.poll() is None
    clipboard.copy_text("0F3A9C41-B2D8-4E6F-8A1C-3B5D7E9F2468")
    assert w.poll() is None and "дефис" in (w.rejection or "")
    clipboard.copy_text(f"{ID.lower()}\r\n")  # as a Windows program might put it
    assert w.poll() == ID
    assert w.poll() is None
    clipboard.copy_text(ID2)
    assert w.poll() == ID2
    assert w.error is None


def test_no_tool_installed_says_what_to_install(x11, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # nothing on PATH
    with pytest.raises(ClipboardError) as exc:
        clipboard.copy_text("x")
    assert "xclip" in exc.value.message and "установите" in exc.value.message
    with pytest.raises(ClipboardError):
        clipboard.read_text()
    assert clipboard.backend_name() is None
    # The watcher turns it into a message instead of an exception in the GUI's timer.
    w = ClipboardIdWatcher(include_current=True)
    assert w.poll() is None and "установите" in (w.error or "")


def test_no_graphical_session(monkeypatch):
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv(clipboard.BACKEND_ENV, raising=False)
    if sys.platform in ("win32", "darwin"):
        pytest.skip("always has a clipboard")
    with pytest.raises(ClipboardError) as exc:
        clipboard.read_text()
    assert "графического" in exc.value.message


def test_display_that_does_not_answer(monkeypatch):
    monkeypatch.setenv("DISPLAY", ":987")  # no server there
    monkeypatch.setenv(clipboard.BACKEND_ENV, "xclip")
    with pytest.raises(ClipboardError) as exc:
        clipboard.read_text()
    assert "дисплей" in exc.value.message
    with pytest.raises(ClipboardError):
        clipboard.copy_text("x")


@pytest.mark.parametrize("value, fragment", [("none", "отключена"), ("klipper", "Неизвестный"),
                                             ("wl-clipboard", "не найдена")])
def test_forced_backend_errors_are_russian(value, fragment, monkeypatch):
    monkeypatch.setenv(clipboard.BACKEND_ENV, value)
    if value == "wl-clipboard" and shutil.which("wl-copy"):
        pytest.skip("wl-clipboard is installed here")
    with pytest.raises(ClipboardError) as exc:
        clipboard.read_text()
    assert fragment in exc.value.message


def test_windows_backend_off_windows_is_a_clear_error(monkeypatch):
    if sys.platform == "win32":
        pytest.skip("this is Windows")
    monkeypatch.setenv(clipboard.BACKEND_ENV, "windows")
    with pytest.raises(ClipboardError) as exc:
        clipboard.copy_text("x")
    assert "Windows" in exc.value.message
