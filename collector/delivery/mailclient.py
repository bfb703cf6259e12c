"""Hand a file to the desktop: open an ``.eml`` in the default mail client, show a file in the file
manager. Windows: the shell (``os.startfile``, ``explorer /select``). Elsewhere: ``xdg-open`` and
the freedesktop FileManager1 D-Bus call. Nothing here raises: a :class:`HandOff` says whether it
worked and, if not, what the user can do by hand (Russian).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from collector.i18n import _

WAIT_S = 5.0  # how long to wait for a launcher to report failure


@dataclass
class HandOff:
    ok: bool
    message: str


class Desktop(Protocol):
    def open_file(self, path: Path) -> HandOff: ...

    def reveal(self, path: Path) -> HandOff: ...


class WindowsDesktop:
    def open_file(self, path: Path) -> HandOff:
        try:
            os.startfile(str(path))  # type: ignore[attr-defined]  # Windows only
        except OSError as exc:
            return HandOff(False, _(
                "Не удалось открыть {path} в почтовой программе ({error}). Возможно, почтовая "
                "программа не настроена: откройте файл вручную или приложите архив к письму.",
                path=str(path), error=exc.strerror or type(exc).__name__))
        return HandOff(True, _("Письмо открыто в почтовой программе."))

    def reveal(self, path: Path) -> HandOff:
        try:
            # explorer wants /select,"<path>" as written; a list argument would be re-quoted.
            subprocess.Popen(f'explorer /select,"{path}"')
        except OSError as exc:
            return HandOff(False, _("Не удалось открыть Проводник ({error}). Файл: {path}",
                                    error=type(exc).__name__, path=str(path)))
        return HandOff(True, _("Файл показан в Проводнике."))


def _run(cmd: list[str]) -> bool:
    """Start a launcher; True unless it fails quickly. It is not waited for beyond that."""
    try:
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError:
        return False
    try:
        return proc.wait(WAIT_S) == 0
    except subprocess.TimeoutExpired:
        return True  # still running: some launchers stay with the program they started


class FreedesktopDesktop:
    def open_file(self, path: Path) -> HandOff:
        opener = shutil.which("xdg-open")
        if opener and _run([opener, str(path)]):
            return HandOff(True, _("Письмо открыто в почтовой программе."))
        return HandOff(False, _(
            "Не удалось открыть почтовую программу: откройте файл {path} вручную (двойным "
            "щелчком) или создайте письмо и приложите к нему архив.", path=str(path)))

    def reveal(self, path: Path) -> HandOff:
        uri = path.resolve().as_uri()
        dbus = shutil.which("dbus-send")
        if dbus and _run([dbus, "--session", "--print-reply", "--dest=org.freedesktop.FileManager1",
                          "/org/freedesktop/FileManager1", "org.freedesktop.FileManager1.ShowItems",
                          f"array:string:{uri}", "string:"]):
            return HandOff(True, _("Файл показан в файловом менеджере."))
        opener = shutil.which("xdg-open")
        if opener and _run([opener, str(path.resolve().parent)]):
            return HandOff(True, _("Открыта папка с файлом {name}.", name=path.name))
        return HandOff(False, _("Не удалось открыть файловый менеджер. Файл лежит здесь: {path}",
                                path=str(path.resolve())))


def desktop() -> Desktop:
    return WindowsDesktop() if sys.platform == "win32" else FreedesktopDesktop()


def open_in_mail_client(path: Path) -> HandOff:
    return desktop().open_file(path)


def reveal_in_file_manager(path: Path) -> HandOff:
    return desktop().reveal(path)
