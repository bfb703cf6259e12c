"""The collector's own per-user data folder (drafts, history of sent requests, caches).

``platformdirs.user_data_dir("gbs-support-collector")`` — on Windows
``%LOCALAPPDATA%\\gbs-support-collector``. The environment variable ``GBS_COLLECTOR_DATA_DIR``
moves it elsewhere: tests point it at a temporary folder, a technician at a USB stick. It is never
inside GBS.Market's folders, and never under the system root given by ``--root``: that root stands
for a customer's disk, which the tool only reads.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

import platformdirs

from collector.errors import CollectorError
from collector.i18n import _

APP_NAME = "gbs-support-collector"
DATA_DIR_ENV = "GBS_COLLECTOR_DATA_DIR"


def user_data_dir(*, create: bool = True) -> Path:
    """The folder for the collector's own files, created on demand.

    Raises :class:`CollectorError` (Russian) when it cannot be created, e.g. a read-only profile.
    """
    override = os.environ.get(DATA_DIR_ENV, "").strip()
    if override:
        path = Path(override).expanduser().absolute()
    else:
        # appauthor=False: no "F-Lab\" level on Windows; the tool is not F-Lab's.
        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))
    if create:
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CollectorError(
                _("Не удалось создать папку для данных сборщика {path}: {error}. Проверьте права "
                  "на папку или укажите другую в переменной окружения {env}.",
                  path=path, error=exc.strerror or exc, env=DATA_DIR_ENV)
            ) from exc
    return path


def atomic_write(path: Path, data: bytes, *, durable: bool = False) -> None:
    """Replace ``path`` with ``data`` so that a reader (or a crash) sees the old or the new
    content, never half of it. ``durable`` also flushes to disk before the swap."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            if durable:
                f.flush()
                os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
