"""Plain text to and from the system clipboard, without Qt (the engine never imports it).

Backends, the first that works is used:

* ``windows`` — user32/kernel32 through ctypes, ``CF_UNICODETEXT`` (the format every Windows
  program reads, Cyrillic included); line breaks become CRLF on the way in, LF on the way out.
  ``GetClipboardSequenceNumber`` lets a watcher skip reading when nothing changed.
* ``wl-clipboard`` (``wl-copy``/``wl-paste``) under Wayland, ``xclip`` or ``xsel`` under X11,
  ``pbcopy``/``pbpaste`` on macOS.

``GBS_COLLECTOR_CLIPBOARD`` forces one (``windows``, ``wl-clipboard``, ``xclip``, ``xsel``,
``pbcopy``) or turns the clipboard off (``none``). When nothing works the error says, in Russian,
what to install. The text read is never logged: it may be anybody's password.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from typing import Any

from collector.errors import CollectorError
from collector.i18n import _

BACKEND_ENV = "GBS_COLLECTOR_CLIPBOARD"
TIMEOUT_S = 3.0
VERIFY_S = 1.0  # how long a copy waits to see its text in the clipboard
MAX_READ_CHARS = 1_000_000  # a watcher must not pull a pasted video into memory every poll


class ClipboardError(CollectorError):
    pass


class _Backend:
    name = ""

    def copy(self, text: str) -> None:
        raise NotImplementedError

    def _run(self, cmd: list[str], **kwargs: Any) -> subprocess.CompletedProcess:
        try:
            return subprocess.run(cmd, timeout=TIMEOUT_S, check=False, **kwargs)
        except subprocess.TimeoutExpired as exc:
            raise ClipboardError(_("Буфер обмена не отвечает ({tool}). Попробуйте ещё раз.",
                                   tool=self.name)) from exc
        except OSError as exc:
            raise ClipboardError(_("Не удалось запустить {tool}: {error}", tool=self.name,
                                   error=exc.strerror or exc)) from exc

    def read(self) -> str | None:
        raise NotImplementedError

    def change_token(self) -> Any:
        """Something that changes whenever the clipboard does, or None if unknown."""
        return None


# --- Linux / macOS: command-line tools ------------------------------------------------------------
class _CommandBackend(_Backend):
    def __init__(self, name: str, copy_cmd: Sequence[str], read_cmd: Sequence[str]) -> None:
        self.name = name
        self.copy_cmd = list(copy_cmd)
        self.read_cmd = list(read_cmd)

    def copy(self, text: str) -> None:
        # These tools fork a child that owns the selection until someone else takes it; with
        # captured stdout/stderr the child would hold our pipes and run() would wait for ever.
        proc = self._run(self.copy_cmd, input=text.encode("utf-8"),
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if proc.returncode != 0:
            raise ClipboardError(_("Не удалось скопировать в буфер обмена ({tool}, код {code}). "
                                   "Проверьте, что вы в графическом сеансе.",
                                   tool=self.name, code=proc.returncode))
        # xsel returns before its background child owns the selection: wait until the text is
        # really there, so a paste right after "Скопировано" pastes the new text.
        deadline = time.monotonic() + VERIFY_S
        while time.monotonic() < deadline:
            if self.read() == (text or None):
                return
            time.sleep(0.02)

    def read(self) -> str | None:
        proc = self._run(self.read_cmd, stdin=subprocess.DEVNULL, capture_output=True)
        if proc.returncode != 0:
            err = proc.stderr.decode("utf-8", "replace").lower()
            if "display" in err and ("open" in err or "connect" in err):
                raise ClipboardError(_("Нет доступа к графическому сеансу: {tool} не может "
                                       "открыть дисплей.", tool=self.name))
            return None  # empty clipboard, or nothing offered as text
        text = proc.stdout[: MAX_READ_CHARS * 4].decode("utf-8", "replace")
        return text or None


# --- Windows: user32 through ctypes ---------------------------------------------------------------
CF_UNICODETEXT = 13
GMEM_MOVEABLE = 0x0002
HWND_MESSAGE = -3


class _WindowsBackend(_Backend):
    name = "windows"

    def __init__(self) -> None:
        import ctypes
        from ctypes import wintypes

        self._ct = ctypes
        u = ctypes.WinDLL("user32", use_last_error=True)  # type: ignore[attr-defined]
        k = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
        h, b, uint = wintypes.HANDLE, wintypes.BOOL, wintypes.UINT
        for fn, args, res in (
            (u.OpenClipboard, [wintypes.HWND], b),
            (u.CloseClipboard, [], b),
            (u.EmptyClipboard, [], b),
            (u.GetClipboardData, [uint], h),
            (u.SetClipboardData, [uint, h], h),
            (u.IsClipboardFormatAvailable, [uint], b),
            (u.GetClipboardSequenceNumber, [], wintypes.DWORD),
            (u.CreateWindowExW, [wintypes.DWORD, wintypes.LPCWSTR, wintypes.LPCWSTR,
                                 wintypes.DWORD, ctypes.c_int, ctypes.c_int, ctypes.c_int,
                                 ctypes.c_int, wintypes.HWND, wintypes.HMENU,
                                 wintypes.HINSTANCE, wintypes.LPVOID], wintypes.HWND),
            (u.DestroyWindow, [wintypes.HWND], b),
            (k.GlobalAlloc, [uint, ctypes.c_size_t], h),
            (k.GlobalLock, [h], wintypes.LPVOID),
            (k.GlobalUnlock, [h], b),
            (k.GlobalFree, [h], h),
            (k.GlobalSize, [h], ctypes.c_size_t),
        ):
            fn.argtypes, fn.restype = args, res
        self.u, self.k = u, k

    def _open(self, hwnd: Any) -> None:
        # Another program (a clipboard manager, RDP) may hold the clipboard for a moment.
        for _attempt in range(25):
            if self.u.OpenClipboard(hwnd):
                return
            time.sleep(0.02)
        raise ClipboardError(_("Буфер обмена занят другой программой. Попробуйте ещё раз через "
                               "несколько секунд."))

    def copy(self, text: str) -> None:
        ct = self._ct
        data = text.replace("\r\n", "\n").replace("\n", "\r\n")
        buf = ct.create_unicode_buffer(data)
        size = ct.sizeof(buf)
        # SetClipboardData needs an owner window after EmptyClipboard: a hidden message-only one.
        hwnd = self.u.CreateWindowExW(0, "STATIC", None, 0, 0, 0, 0, 0, HWND_MESSAGE, None, None,
                                      None)
        try:
            self._open(hwnd)
            try:
                handle = self.k.GlobalAlloc(GMEM_MOVEABLE, size)
                if not handle:
                    raise ClipboardError(_("Недостаточно памяти, чтобы скопировать текст."))
                ptr = self.k.GlobalLock(handle)
                ct.memmove(ptr, buf, size)
                self.k.GlobalUnlock(handle)
                self.u.EmptyClipboard()
                if not self.u.SetClipboardData(CF_UNICODETEXT, handle):
                    self.k.GlobalFree(handle)  # ownership passes to the system only on success
                    raise ClipboardError(_("Windows не принял текст в буфер обмена (код {code}).",
                                           code=ct.get_last_error()))
            finally:
                self.u.CloseClipboard()
        finally:
            if hwnd:
                self.u.DestroyWindow(hwnd)

    def read(self) -> str | None:
        if not self.u.IsClipboardFormatAvailable(CF_UNICODETEXT):
            return None
        self._open(None)
        try:
            handle = self.u.GetClipboardData(CF_UNICODETEXT)
            if not handle:
                return None
            ptr = self.k.GlobalLock(handle)
            if not ptr:
                return None
            try:
                chars = min(self.k.GlobalSize(handle) // 2, MAX_READ_CHARS)
                text = self._ct.wstring_at(ptr, chars).split("\0", 1)[0]
            finally:
                self.k.GlobalUnlock(handle)
        finally:
            self.u.CloseClipboard()
        return text.replace("\r\n", "\n") or None

    def change_token(self) -> Any:
        return int(self.u.GetClipboardSequenceNumber())


# --- choosing a backend ---------------------------------------------------------------------------
_windows: _WindowsBackend | None = None


def _command_backends() -> dict[str, _Backend]:
    return {
        "wl-clipboard": _CommandBackend("wl-clipboard", ["wl-copy", "--type", "text/plain"],
                                        ["wl-paste", "--no-newline", "--type", "text"]),
        "xclip": _CommandBackend("xclip", ["xclip", "-selection", "clipboard", "-in"],
                                 ["xclip", "-selection", "clipboard", "-out"]),
        "xsel": _CommandBackend("xsel", ["xsel", "--clipboard", "--input"],
                                ["xsel", "--clipboard", "--output"]),
        "pbcopy": _CommandBackend("pbcopy", ["pbcopy"], ["pbpaste"]),
    }


def _usable(name: str) -> bool:
    tools = {"wl-clipboard": ("wl-copy", "wl-paste"), "xclip": ("xclip",), "xsel": ("xsel",),
             "pbcopy": ("pbcopy", "pbpaste")}[name]
    return all(shutil.which(t) for t in tools)


def get_backend() -> _Backend:
    """The clipboard of this session, or :class:`ClipboardError` saying what to install."""
    forced = os.environ.get(BACKEND_ENV, "").strip().lower()
    commands = _command_backends()
    if forced == "none":
        raise ClipboardError(_("Работа с буфером обмена отключена (переменная {env}=none).",
                               env=BACKEND_ENV))
    if forced == "windows" or (not forced and sys.platform == "win32"):
        global _windows
        try:
            if _windows is None:
                _windows = _WindowsBackend()
            return _windows
        except (OSError, AttributeError) as exc:
            raise ClipboardError(_("Буфер обмена Windows недоступен: {error}", error=exc)) from exc
    if forced:
        if forced not in commands:
            raise ClipboardError(_("Неизвестный способ работы с буфером обмена «{name}» в {env}. "
                                   "Допустимо: windows, wl-clipboard, xclip, xsel, pbcopy, none.",
                                   name=forced, env=BACKEND_ENV))
        if not _usable(forced):
            raise ClipboardError(_("Программа {tool} не найдена: установите её (например, "
                                   "«sudo apt install {package}»).", tool=forced,
                                   package=forced))
        return commands[forced]
    if sys.platform == "darwin" and _usable("pbcopy"):
        return commands["pbcopy"]
    wayland = bool(os.environ.get("WAYLAND_DISPLAY"))
    x11 = bool(os.environ.get("DISPLAY"))
    order = (["wl-clipboard"] if wayland else []) + (["xclip", "xsel"] if x11 else [])
    for name in order:
        if _usable(name):
            return commands[name]
    if not wayland and not x11:
        raise ClipboardError(_("Буфер обмена недоступен: программа запущена без графического "
                               "сеанса (не заданы DISPLAY и WAYLAND_DISPLAY)."))
    raise ClipboardError(_("Для работы с буфером обмена установите xclip, xsel или wl-clipboard "
                           "(например, «sudo apt install xclip»)."))


def copy_text(text: str) -> None:
    """Put ``text`` on the clipboard (raises :class:`ClipboardError` in Russian)."""
    get_backend().copy(text)


def read_text() -> str | None:
    """The clipboard's text, or None when it holds no text."""
    return get_backend().read()


def change_token() -> Any:
    """Changes whenever the clipboard does (Windows); None where unknown — read and compare."""
    try:
        return get_backend().change_token()
    except ClipboardError:
        return None


def backend_name() -> str | None:
    try:
        return get_backend().name
    except ClipboardError:
        return None
