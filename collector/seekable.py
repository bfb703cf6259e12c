"""The position half of a read-only seekable stream, for readers that serve bytes from
elsewhere (volume files joined, a log file's planned ranges): py7zr and the check seek and
ask ``tell`` on them like on a file."""

from __future__ import annotations

import io


class SeekablePosition:
    """``readable``/``seekable``/``tell``/``seek`` over ``_pos`` within ``_size`` bytes; the
    class it is mixed into reads from ``_pos``. Seeking past the end is allowed, as on files;
    before the start it stops at 0."""

    _pos: int
    _size: int

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._size}[whence]
        self._pos = max(0, base + offset)
        return self._pos
