"""Every entry of a bundle goes through the scrubber on its way into the archive.

:class:`RedactingWriter` stands in front of the bundle writer with the same ``add_*`` methods:
configs are redacted by format (:mod:`collector.redact.configs`), logs and other text stream
through :class:`~collector.redact.stream.ScrubbingReader`, images and backups pass unchanged.
Personal data (when asked) is hidden in the logs only: request.txt must keep the contacts the
shop owner gave. On :meth:`finish` the manifest's own texts are scrubbed too and the private
token map is saved on this PC (never into the bundle or its folder).
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

from collector.redact.configs import redact_config
from collector.redact.stream import ScrubbingReader
from collector.redact.text import TextScrubber

log = logging.getLogger(__name__)

CONFIG_SUFFIXES = {".json", ".conf", ".config", ".xml", ".ini", ".cfg", ".txt"}
TEXT_SUFFIXES = {".log", ".txt", ".json", ".csv", ".xml", ".ini", ".conf", ".config", ".cfg",
                 ".reg", ".md", ".html", ".htm"}
VERBATIM = {"gbs_id.txt"}  # the ID alone, as the desk's tools read it
LOG_PREFIXES = ("logs/", "crpt/")
MAX_CONFIG_BYTES = 16 << 20  # a bigger "config" is streamed like a log


def entry_kind(arcname: str) -> str | None:
    """``config`` | ``log`` | ``text`` | ``None`` (passes unchanged)."""
    if arcname in VERBATIM:
        return None
    suffix = PurePosixPath(arcname).suffix.lower()
    if arcname.startswith("config/") and suffix in CONFIG_SUFFIXES:
        return "config"
    if arcname.startswith(LOG_PREFIXES) and suffix in TEXT_SUFFIXES:
        return "log"
    if arcname.startswith(LOG_PREFIXES) and suffix == ".zip":
        return "log_zip"  # the program zips past CRPT logs: their lines hold tokens too
    if suffix in TEXT_SUFFIXES:
        return "text"
    return None


class RedactingWriter:
    def __init__(self, writer: Any, scrubber: TextScrubber, *,
                 map_folder: Path | None = None) -> None:
        self._writer = writer
        self.scrubber = scrubber
        self.map_folder = map_folder
        self.map_path: Path | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._writer, name)

    def _reader(self, source: BinaryIO, arcname: str, kind: str) -> BinaryIO:
        return ScrubbingReader(source, self.scrubber, arcname,
                               personal=None if kind == "log" else False)  # type: ignore[return-value]

    def add_bytes(self, data: bytes, arcname: str) -> Any:
        kind = entry_kind(arcname)
        if kind == "config" and len(data) <= MAX_CONFIG_BYTES:
            data = redact_config(data, name=arcname, scrubber=self.scrubber, where=arcname).data
        elif kind is not None:
            data = self._reader(io.BytesIO(data), arcname, kind).read()
        return self._writer.add_bytes(data, arcname)

    def add_file(self, src: Path, arcname: str) -> Any:
        kind = entry_kind(arcname)
        if kind is None:
            return self._writer.add_file(src, arcname)
        from collector.bundle import SourceError
        from collector.i18n import _
        from collector.oserrors import os_error_text

        try:
            f = open(src, "rb")  # noqa: SIM115 - closed below
            st = os.fstat(f.fileno())
        except OSError as exc:
            raise SourceError(_("Не удалось прочитать файл {path}: {error}",
                                path=src, error=os_error_text(exc))) from exc
        with f:
            if kind == "config" and st.st_size <= MAX_CONFIG_BYTES:
                return self.add_bytes(f.read(), arcname)
            return self._writer.add_fileobj(self._reader(f, arcname, kind), arcname,
                                            mtime=st.st_mtime)

    def add_fileobj(self, fileobj: BinaryIO, arcname: str, *, mtime: float | None = None) -> Any:
        kind = entry_kind(arcname)
        if kind == "log_zip":
            with self._scrubbed_zip(fileobj, arcname) as repacked:
                return self._writer.add_fileobj(repacked, arcname, mtime=mtime)
        if kind is None:
            return self._writer.add_fileobj(fileobj, arcname, mtime=mtime)
        if kind == "config":
            kind = "text"
        return self._writer.add_fileobj(self._reader(fileobj, arcname, kind), arcname,
                                        mtime=mtime)

    @contextlib.contextmanager
    def _scrubbed_zip(self, fileobj: BinaryIO, arcname: str) -> Iterator[BinaryIO]:
        """The same zip with every text member scrubbed (names, dates and order kept); a file
        that is not a readable zip is packed as a log, so nothing passes unscrubbed."""
        with tempfile.SpooledTemporaryFile(max_size=32 << 20) as raw, \
                tempfile.SpooledTemporaryFile(max_size=32 << 20) as out:
            shutil.copyfileobj(fileobj, raw, 1 << 20)
            raw.seek(0)
            try:
                with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w",
                                                                  zipfile.ZIP_DEFLATED) as dst:
                    for info in src.infolist():
                        with src.open(info) as member, dst.open(_copy_info(info), "w") as w:
                            if info.is_dir():
                                continue
                            reader = self._reader(member, f"{arcname}/{info.filename}", "log")
                            shutil.copyfileobj(reader, w, 1 << 20)
            except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError,
                    EOFError):
                raw.seek(0)
                out.seek(0)
                out.truncate()
                shutil.copyfileobj(self._reader(raw, arcname, "log"), out, 1 << 20)
            out.seek(0)
            yield out

    def add_stream(self, arcname: str, producer: Any) -> Any:
        return self._writer.add_stream(arcname, producer)

    def finish(self, manifest: dict[str, Any]) -> Any:
        result = self._writer.finish(self._scrub_value(manifest))
        if self.map_folder is not None and len(self.scrubber.tokens):
            name = Path(result.paths[0]).name.split(".7z")[0]
            try:
                self.map_path = self.scrubber.tokens.save(self.map_folder, name)
            except OSError as exc:
                log.warning("redaction map not saved: %s", exc)
        return result

    def _scrub_value(self, value: Any) -> Any:
        if isinstance(value, dict):
            return {k: self._scrub_value(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self._scrub_value(v) for v in value]
        if isinstance(value, str):
            return self.scrubber.scrub(value, "manifest.json", personal=False)
        return value


def _copy_info(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    copy.compress_type = zipfile.ZIP_DEFLATED
    copy.external_attr = info.external_attr
    copy.comment = info.comment
    return copy
