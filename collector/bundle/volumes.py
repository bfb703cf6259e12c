"""Files on disk: volumes written as ``.part`` files, volumes read back as one file."""

from __future__ import annotations

import bisect
import contextlib
import io
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from collector.bundle.errors import check_cancel


class VolumeWriter(io.RawIOBase):
    """A seekable write-only file spread over ``<base>.001.part``, ``<base>.002.part`` …

    With ``volume_size=None`` it is the single file ``<base>.part``. py7zr writes sequentially
    except for the 32-byte signature header at offset 0, rewritten at the end, so the first
    volume stays open and the others are opened one at a time.

    That also makes every volume but the first final as soon as writing moves on to the next:
    ``on_final(index, path)`` is called then (index counted from 0, so never 0), which lets a
    finished volume travel to the desk while the next is compressed. A write into a volume
    already reported final raises instead of silently changing it.

    ``first_sizes``: the sizes of the first volumes, before ``volume_size`` applies (7-Zip reads
    volumes of any sizes). Sent as they are made, small first volumes put the archive on the
    line early (volume 1 waits for the end, so the first to travel is volume 2) and make
    volume 1, sent last, quick.
    """

    def __init__(self, base: Path, volume_size: int | None,
                 cancel: threading.Event | None = None,
                 on_final: Callable[[int, Path], None] | None = None,
                 first_sizes: tuple[int, ...] = ()) -> None:
        super().__init__()
        self.base = base
        self.volume_size = volume_size
        self.cancel = cancel
        self.on_final = on_final
        self.first_sizes = first_sizes if volume_size is not None else ()
        self._first_starts = [sum(self.first_sizes[:i]) for i in range(len(self.first_sizes) + 1)]
        self.final_below = 1  # volumes 1 … final_below-1 are final (volume 0 never, until close)
        self.parts: list[Path] = []
        self._files: dict[int, BinaryIO] = {}
        self._pos = 0
        self._open(0)

    def part_path(self, index: int) -> Path:
        if self.volume_size is None:
            return self.base.with_name(self.base.name + ".part")
        return self.base.with_name(f"{self.base.name}.{index + 1:03d}.part")

    def _open(self, index: int) -> BinaryIO:
        f = self._files.get(index)
        if f is not None:
            return f
        if index == len(self.parts):
            path = self.part_path(index)
            f = open(path, "x+b")  # noqa: SIM115 - kept open across calls, closed in close()
            self.parts.append(path)
        else:
            f = open(self.parts[index], "r+b")  # noqa: SIM115
        for other in [i for i in self._files if i not in (0, index)]:
            self._files.pop(other).close()
        self._files[index] = f
        return f

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readable(self) -> bool:
        return False

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        if whence == os.SEEK_SET:
            self._pos = offset
        elif whence == os.SEEK_CUR:
            self._pos += offset
        else:
            self._pos = self.size + offset
        return self._pos

    @property
    def size(self) -> int:
        if not self.parts:
            return 0
        last = len(self.parts) - 1
        f = self._files.get(last)
        tail = f.seek(0, os.SEEK_END) if f is not None else self.parts[last].stat().st_size
        return self._start(last) + tail

    def _start(self, index: int) -> int:
        """Where volume ``index`` begins in the archive."""
        ramp = len(self.first_sizes)
        if index <= ramp:
            return self._first_starts[index]
        return self._first_starts[ramp] + (index - ramp) * (self.volume_size or 0)

    def _locate(self, pos: int) -> tuple[int, int, int]:
        """The volume holding archive offset ``pos``: (index, offset in it, room left in it)."""
        assert self.volume_size is not None
        ramped = self._first_starts[-1]
        if pos < ramped:
            index = bisect.bisect_right(self._first_starts, pos) - 1
            offset = pos - self._first_starts[index]
            return index, offset, self.first_sizes[index] - offset
        index, offset = divmod(pos - ramped, self.volume_size)
        return len(self.first_sizes) + index, offset, self.volume_size - offset

    def write(self, b: Any) -> int:  # type: ignore[override]
        check_cancel(self.cancel)
        view = memoryview(b).cast("B")
        done = 0
        while done < len(view):
            if self.volume_size is None:
                index, offset, room = 0, self._pos, len(view) - done
            else:
                index, offset, room = self._locate(self._pos)
            if 0 < index < self.final_below:
                raise RuntimeError(f"write into volume {index + 1}, already final")
            while len(self.parts) <= index:
                self._open(len(self.parts))
            if self.on_final is not None:
                # Moved past them: they no longer change (and _open closed them, so every byte
                # is in the file for another reader).
                while self.final_below < index:
                    self.on_final(self.final_below, self.parts[self.final_below])
                    self.final_below += 1
            f = self._open(index)
            f.seek(offset)
            n = min(room, len(view) - done)
            f.write(view[done:done + n])
            done += n
            self._pos += n
        return done

    def flush(self) -> None:
        for f in self._files.values():
            f.flush()

    def sync(self) -> None:
        """Flush every volume to the disk (before the rename that publishes them)."""
        self.close_files()
        for path in self.parts:
            with open(path, "r+b") as f:
                os.fsync(f.fileno())

    def close_files(self) -> None:
        files, self._files = self._files, {}
        error: BaseException | None = None
        for f in files.values():
            try:
                f.close()
            except OSError as exc:  # a delayed ENOSPC can surface on close
                error = error or exc
        if error is not None:
            raise error

    def close(self) -> None:
        try:
            self.close_files()
        finally:
            super().close()

    def remove(self) -> None:
        """Delete every volume written so far (after a failure or a cancel)."""
        with contextlib.suppress(OSError):
            self.close_files()
        for path in self.parts:
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)


class JoinedReader(io.RawIOBase):
    """Several volume files read as one seekable file (read-only)."""

    def __init__(self, paths: list[Path], cancel: threading.Event | None = None) -> None:
        super().__init__()
        self.paths = paths
        self.cancel = cancel
        self.sizes = [p.stat().st_size for p in paths]
        self.starts = [sum(self.sizes[:i]) for i in range(len(paths))]
        self.total = sum(self.sizes)
        self._pos = 0
        self._index = -1
        self._file: BinaryIO | None = None

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        base = {os.SEEK_SET: 0, os.SEEK_CUR: self._pos, os.SEEK_END: self.total}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def readinto(self, b: Any) -> int:  # type: ignore[override]
        check_cancel(self.cancel)
        view = memoryview(b).cast("B")
        done = 0
        while done < len(view) and self._pos < self.total:
            index = bisect.bisect_right(self.starts, self._pos) - 1
            while self.sizes[index] == 0:  # an empty volume holds nothing to read
                index += 1
            if index != self._index:
                if self._file is not None:
                    self._file.close()
                self._file = open(self.paths[index], "rb")  # noqa: SIM115
                self._index = index
            assert self._file is not None
            offset = self._pos - self.starts[index]
            self._file.seek(offset)
            want = min(len(view) - done, self.sizes[index] - offset)
            n = self._file.readinto(view[done:done + want])
            if not n:
                break
            done += n
            self._pos += n
        return done

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        super().close()


