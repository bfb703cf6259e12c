"""System and parser errors told in Russian.

``OSError.strerror`` is the C library's English text on Linux ("No space left on device") and
``json`` reports "Expecting value: line 1 column 1"; neither belongs inside a Russian sentence.
The common cases are mapped here; anything else says its code, and the raw text goes to the
tool's log for support.
"""

from __future__ import annotations

import errno
import json
import logging

from collector.i18n import Text, _

log = logging.getLogger(__name__)

_ERRNO = {
    errno.ENOENT: _("файл или папка не найдены"),
    errno.EACCES: _("нет прав доступа"),
    errno.EPERM: _("операция не разрешена"),
    errno.ENOSPC: _("на диске не осталось места"),
    errno.EROFS: _("диск доступен только для чтения"),
    errno.EISDIR: _("это папка, а не файл"),
    errno.ENOTDIR: _("часть пути — не папка"),
    errno.EEXIST: _("уже существует"),
    errno.EBUSY: _("файл или устройство заняты"),
    errno.ENAMETOOLONG: _("слишком длинное имя файла или пути"),
    errno.EINVAL: _("недопустимое имя или путь"),
    errno.EIO: _("ошибка чтения или записи (диск повреждён или отключён)"),
    errno.EFBIG: _("файл слишком велик для этой файловой системы"),
    errno.ELOOP: _("слишком много символических ссылок в пути"),
    errno.EMFILE: _("открыто слишком много файлов"),
    errno.ENXIO: _("устройство недоступно"),
    errno.ENODEV: _("устройство недоступно"),
    errno.ETXTBSY: _("файл занят другой программой"),
    errno.EXDEV: _("файлы на разных дисках"),
    errno.ENOTEMPTY: _("папка не пуста"),
}
if hasattr(errno, "EDQUOT"):
    _ERRNO[errno.EDQUOT] = _("превышена квота на диске")

_WINERROR = {
    2: _ERRNO[errno.ENOENT], 3: _("путь не найден"), 5: _("нет прав доступа"),
    19: _("диск защищён от записи"), 21: _("устройство не готово (диск или флешка извлечены?)"),
    32: _("файл занят другой программой"), 33: _("часть файла заблокирована другой программой"),
    39: _ERRNO[errno.ENOSPC], 112: _ERRNO[errno.ENOSPC], 123: _("недопустимое имя файла или пути"),
    206: _ERRNO[errno.ENAMETOOLONG], 1392: _("файл или папка повреждены"),
    1224: _("файл открыт другой программой"), 53: _("сетевой путь не найден"),
    67: _("сетевое имя не найдено"), 1326: _("неверное имя пользователя или пароль"),
}

_JSON = [
    ("Expecting value", _("ожидалось значение")),
    ("Expecting property name enclosed in double quotes",
     _("ожидалось имя свойства в двойных кавычках")),
    ("Expecting ',' delimiter", _("ожидалась запятая")),
    ("Expecting ':' delimiter", _("ожидалось двоеточие")),
    ("Unterminated string", _("строка не закрыта кавычкой")),
    ("Extra data", _("лишние данные после конца")),
    ("Invalid control character", _("недопустимый управляющий символ")),
    ("Invalid \\uXXXX escape", _("неверная последовательность \\u")),
    ("Invalid \\escape", _("неверная последовательность с обратной косой чертой")),
    ("Illegal trailing comma", _("лишняя запятая в конце")),
]


def os_error_text(exc: BaseException) -> Text:
    """A short Russian description of ``exc`` for «…: {error}» in a message."""
    if isinstance(exc, OSError):
        text = _WINERROR.get(getattr(exc, "winerror", None) or -1) or _ERRNO.get(exc.errno or -1)
        if text is not None:
            return text
        log.info("system error without a Russian text: %r", exc)
        code = getattr(exc, "winerror", None) or exc.errno
        if code:
            return _("ошибка системы (код {code})", code=code)
    log.info("error without a Russian text: %r", exc)
    return _("ошибка {kind}", kind=type(exc).__name__)


def json_error_text(exc: ValueError) -> Text:
    """«ожидалось значение (строка 3, столбец 5)» for a :class:`json.JSONDecodeError`."""
    if isinstance(exc, json.JSONDecodeError):
        what = next((ru for en, ru in _JSON if exc.msg.startswith(en)), None)
        if what is None:
            log.info("JSON error without a Russian text: %s", exc.msg)
            what = _("ошибка разбора JSON")
        return _("{what} (строка {line}, столбец {col})", what=what, line=exc.lineno,
                 col=exc.colno)
    if isinstance(exc, UnicodeDecodeError):
        return _("в файле есть байты не в кодировке {encoding}", encoding=exc.encoding)
    log.info("parse error without a Russian text: %r", exc)
    return _("ошибка разбора")
