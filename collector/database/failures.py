"""Why a backup could not be made, in words a shop owner can act on.

Failures arrive two ways: as Firebird status vectors (firebird-driver exceptions carry
``gds_codes``) and as gbak's English text on stderr. Both are sorted into one ``reason`` code and a
Russian message that says what happened and what to do; the bundle then goes on without the
database and the manifest records the reason.
"""

from __future__ import annotations

import errno

from collector.errors import CollectorError, ExitCode
from collector.i18n import _

# Firebird status codes (iberror.h) that decide the reason.
ISC_IO_ERROR = 335544344
ISC_NO_PRIV = 335544352
ISC_BAD_DB_FORMAT = 335544323
ISC_WRONG_ODS = 335544379
ISC_LOGIN = 335544472
ISC_LOCK_TIMEOUT = 335544510
ISC_SHUTDOWN = 335544528
ISC_NETWORK_ERROR = 335544721
ISC_NET_CONNECT_ERR = 335544722
ISC_IO_OPEN_ERR = 335544734
ISC_CORRUPT = 335544335
ISC_BAD_CHECKSUM = 335544649

REASONS = (
    "networked",  # the database lives on another PC: skipped, not failed
    "server_down",
    "login",
    "missing",
    "not_database",
    "ods",
    "locked",
    "read_only",
    "no_rights",  # the login works but may not back up (not SYSDBA, not the owner)
    "shutdown",
    "no_space",
    "output",  # the writer we stream into failed (pipe closed, disk error)
    "corrupt",
    "no_tool",
    "live_file",  # under a root, the file changed while it was copied
    "unknown",
)

# gbak's English text → reason; the first fragment found wins, so specific ones come first.
_TEXT_RULES = (
    ("user name and password are not defined", "login"),
    ("unable to complete network request", "server_down"),
    ("failed to establish a connection", "server_down"),
    ("connection refused", "server_down"),
    ("no space left on device", "no_space"),
    ("not enough space on the disk", "no_space"),
    ("no such file or directory", "missing"),
    ("cannot find the file", "missing"),
    ("cannot find the path", "missing"),
    ("is not a valid database", "not_database"),
    ("unsupported on-disk structure", "ods"),
    ("read-write access", "read_only"),
    ("no permission for", "no_rights"),
    ("must be either sysdba or owner", "no_rights"),
    ("permission denied", "read_only"),
    ("access is denied", "read_only"),
    ("shutdown", "shutdown"),
    ('during "lock" operation', "locked"),
    ("database already opened", "locked"),
    ("lock time-out", "locked"),
    ("being used by another process", "locked"),
    ("checksum", "corrupt"),
    ("corrupt", "corrupt"),
    ("wrong page type", "corrupt"),
    ("bugcheck", "corrupt"),
)

_IO_REASONS = ("missing", "no_space", "locked", "read_only")

_CODE_RULES = (
    (ISC_LOGIN, "login"),
    (ISC_NETWORK_ERROR, "server_down"),
    (ISC_NET_CONNECT_ERR, "server_down"),
    (ISC_BAD_DB_FORMAT, "not_database"),
    (ISC_WRONG_ODS, "ods"),
    (ISC_SHUTDOWN, "shutdown"),
    (ISC_LOCK_TIMEOUT, "locked"),
    (ISC_CORRUPT, "corrupt"),
    (ISC_BAD_CHECKSUM, "corrupt"),
)


class DatabaseBackupError(CollectorError):
    """The database step could not be done; ``reason`` is one of :data:`REASONS`.

    ``skipped`` tells the pipeline to record the step as *skipped* (nothing went wrong: the
    database simply is not on this PC) rather than *failed*.
    """

    exit_code = ExitCode.STEP_FAILED

    def __init__(self, message: str, *, reason: str, detail: str | None = None) -> None:
        super().__init__(message)
        self.reason = reason if reason in REASONS else "unknown"
        self.detail = detail

    @property
    def skipped(self) -> bool:
        return self.reason == "networked"


def classify(text: str = "", codes: tuple[int, ...] | list[int] = ()) -> str:
    """The reason behind a Firebird error, from its status codes or its text."""
    codes = tuple(codes or ())
    lowered = (text or "").lower()
    if ISC_IO_ERROR in codes or ISC_IO_OPEN_ERR in codes:
        for fragment, reason in _TEXT_RULES:
            if fragment in lowered and reason in _IO_REASONS:
                return reason
        return "locked" if '"lock"' in lowered else "missing" if "open" in lowered else "unknown"
    if ISC_NO_PRIV in codes:
        return "read_only" if "read-write" in lowered else "no_rights"
    for code, reason in _CODE_RULES:
        if code in codes:
            return reason
    for fragment, reason in _TEXT_RULES:
        if fragment in lowered:
            return reason
    return "unknown"


def os_reason(exc: OSError) -> str:
    """The reason behind an error of the operating system on the database file or the output."""
    if getattr(exc, "winerror", None) in (32, 33):  # sharing or lock violation: held by a server
        return "locked"
    if exc.errno == errno.ENOSPC:
        return "no_space"
    if exc.errno == errno.ENOENT:
        return "missing"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "read_only"
    reason = classify(str(exc))
    return reason if reason != "unknown" else "output"


def from_exception(exc: BaseException) -> tuple[str, str]:
    """(reason, one-line detail) for a firebird-driver exception."""
    codes = tuple(getattr(exc, "gds_codes", ()) or ())
    text = str(exc)
    return classify(text, codes), " ".join(text.split())


def explain(reason: str, *, path: str, server: str, detail: str | None = None,
            tried: list[str] | None = None) -> str:
    """The Russian message for ``reason`` about the database ``path`` on ``server``."""
    if reason == "networked":
        return _("Программа на этом компьютере работает с базой данных на другом компьютере "
                 "({server}). Копию базы нужно делать там, где она хранится; пакет собран без "
                 "базы данных.", server=server)
    if reason == "server_down":
        return _("Сервер Firebird ({server}) не отвечает: служба базы данных не запущена или "
                 "порт закрыт. Запустите программу (она сама запускает свой сервер) или службу "
                 "Firebird и повторите. Пакет собран без базы данных.", server=server)
    if reason == "login":
        return _("Сервер Firebird ({server}) не принял имя пользователя и пароль (пробовали: "
                 "{tried}). Укажите логин и пароль базы данных — их знает специалист, "
                 "настраивавший программу, — и повторите.", server=server,
                 tried=", ".join(tried or []) or "—")
    if reason == "missing":
        return _("Файл базы данных {path} не найден. Проверьте путь к базе в настройках "
                 "программы (Configs\\DataBase.json).", path=path)
    if reason == "not_database":
        return _("Файл {path} не является базой данных Firebird.", path=path)
    if reason == "ods":
        return _("База {path} создана другой версией Firebird, которую этот сервер не читает "
                 "({detail}). Приложите автоматическую копию базы.", path=path,
                 detail=detail or "ODS")
    if reason == "locked":
        return _("База данных {path} занята другой программой и не открылась (блокировка). "
                 "Закройте программы, работающие с базой, или сделайте копию через сервер "
                 "Firebird, и повторите.", path=path)
    if reason == "read_only":
        return _("Firebird не может открыть файл базы {path}: нет прав на файл или его папку "
                 "(или диск только для чтения). Запустите сборщик от имени администратора или "
                 "проверьте права на папку базы.", path=path)
    if reason == "no_rights":
        return _("У этого пользователя Firebird нет права делать копию базы {path} ({detail}). "
                 "Нужен SYSDBA или владелец базы.", path=path, detail=detail or "")
    if reason == "shutdown":
        return _("База данных {path} переведена в режим обслуживания (shutdown) и закрыта для "
                 "подключений. Верните её в обычный режим и повторите.", path=path)
    if reason == "no_space":
        return _("Не хватает места на диске для копии базы данных ({detail}). Освободите место "
                 "или выберите другую папку и повторите.", detail=detail or "")
    if reason == "output":
        return _("Копию базы данных не удалось записать: {detail}", detail=detail or "")
    if reason == "corrupt":
        return _("Firebird не смог прочитать базу {path}: похоже, она повреждена ({detail}). "
                 "Сообщите об этом в поддержку и приложите автоматическую копию базы.",
                 path=path, detail=detail or "")
    if reason == "no_tool":
        return _("Не найдены программы Firebird для резервного копирования (gbak или клиент "
                 "fbclient): {detail}", detail=detail or "")
    if reason == "live_file":
        return _("Файл базы {path} менялся, пока снималась копия: с ним работает сервер или "
                 "программа. Укажите сервер Firebird (--fb-server адрес/порт) и повторите.",
                 path=path)
    return _("Не удалось сделать копию базы данных {path}: {detail}", path=path,
             detail=detail or "неизвестная ошибка")


def fail(reason: str, *, path: str, server: str, detail: str | None = None,
         tried: list[str] | None = None) -> DatabaseBackupError:
    return DatabaseBackupError(
        explain(reason, path=path, server=server, detail=detail, tried=tried),
        reason=reason, detail=detail)
