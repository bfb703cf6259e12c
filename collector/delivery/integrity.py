"""A broken bundle is never delivered: every channel hashes the bytes it sends and refuses before
the last of them leaves when they do not match the bundle's ``.sha256``.

The bundle writer leaves ``<bundle>.sha256`` beside the archive (one line per file). Each channel
reads the file through a :class:`SendHasher`, which checks the digest when it has seen the file's
last byte and *before* that byte is handed on: a mismatch raises :class:`Tampered`, the request is
cut short, and the server never holds a whole (broken) file. Without a ``.sha256`` (copied alone)
the archive is first checked against its own ``manifest.json`` (``collector verify``), and the
digests are taken then.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from collector.bundle import sha256_of_file
from collector.delivery.bundlefile import BundleFiles, sidecar_hashes
from collector.delivery.tus import DeliveryError
from collector.errors import Cancelled
from collector.i18n import _

log = logging.getLogger("collector.delivery")
BLOCK = 1 << 20
HASH_LAG = 8  # blocks read (and, but the last, sent) ahead of the hashing


class Tampered(DeliveryError):
    """The bytes of the bundle are not the ones its checksum (or manifest) records."""


def tampered(name: str) -> Tampered:
    return Tampered(_(
        "Файл {name} не совпадает со своей контрольной суммой (.sha256): архив изменён или "
        "повреждён после сборки. Он не отправлен. Соберите архив заново.", name=name))


class SendHasher:
    """The sha256 of one file as it is sent, in order; :meth:`catch_up` hashes from disk what a
    resumed transfer does not send again."""

    def __init__(self, path: Path, expected: str) -> None:
        self.path = path
        self.size = path.stat().st_size
        self.expected = expected.lower()
        self._h = hashlib.sha256()
        self.pos = 0

    def catch_up(self, offset: int) -> None:
        """Make the digest cover exactly ``[0, offset)`` before bytes from ``offset`` are fed."""
        if offset < self.pos:  # the server kept less than we had fed: start again
            self._h, self.pos = hashlib.sha256(), 0
        if offset == self.pos:
            return
        with open(self.path, "rb") as f:
            f.seek(self.pos)
            left = offset - self.pos
            while left > 0:
                block = f.read(min(BLOCK, left))
                if not block:
                    raise tampered(self.path.name)  # shorter than when the transfer began
                self._h.update(block)
                left -= len(block)
        self.pos = offset
        self._check_end()

    def feed(self, block: bytes | memoryview) -> None:
        """Account for ``block`` before it is sent; raises :class:`Tampered` when this block
        completes the file and the digest is wrong."""
        self._h.update(block)
        self.pos += len(block)
        if self.pos > self.size:
            raise tampered(self.path.name)
        self._check_end()

    def _check_end(self) -> None:
        if self.pos == self.size and self._h.hexdigest() != self.expected:
            log.error("sha256 mismatch for %s: %s, .sha256 says %s", self.path,
                      self._h.hexdigest(), self.expected)
            raise tampered(self.path.name)


def checked_blocks(path: Path, hasher: SendHasher | None, offset: int, length: int,
                   block: int = BLOCK) -> Iterator[bytes]:
    """``length`` bytes of ``path`` from ``offset`` in blocks, checked in by ``hasher`` on a
    helper thread (``hashlib`` releases the GIL) while the caller sends: the reading may run up
    to ``HASH_LAG`` blocks ahead of the hashing, so on a fast line the check costs max(hash,
    send), not their sum, and memory stays bounded. Only the last block waits for the whole
    digest: a file that does not match its ``.sha256`` never arrives complete."""
    if hasher is not None:
        hasher.catch_up(offset)
    left = length
    with open(path, "rb") as f, ThreadPoolExecutor(1, "send-hash") as pool:
        f.seek(offset)
        jobs: deque[Future] = deque()
        held: bytes | None = None  # read, not yet handed on: it may be the last block
        while left > 0:
            data = f.read(min(block, left))
            if not data:
                raise tampered(path.name)  # shorter than when the transfer began
            left -= len(data)
            if hasher is not None:
                jobs.append(pool.submit(hasher.feed, data))
            if held is not None:
                while len(jobs) > HASH_LAG:
                    jobs.popleft().result()
                yield held
            held = data
        while jobs:
            jobs.popleft().result()
        if held is not None:
            yield held


def expected_hashes(files: BundleFiles, password: str | None = None, *,
                    on_bytes: Callable[[int], None] | None = None,
                    cancel: threading.Event | None = None) -> dict[str, str]:
    """``file name → sha256`` every part must have when sent.

    From ``<bundle>.sha256`` when it lists every part. Without it the archive must pass
    ``verify`` against its manifest first (else :class:`Tampered`), and the parts are hashed now.
    """
    known = sidecar_hashes(files)
    if all(p.name in known for p in files.parts):
        return {p.name: known[p.name] for p in files.parts}
    from collector.bundle import verify_bundle

    report = verify_bundle(files.parts[0], password, cancel=cancel)
    if not report.ok:
        raise Tampered(_(
            "Архив {name} не прошёл проверку и не отправлен: {problem} Соберите архив заново.",
            name=files.name, problem=" ".join(str(p) for p in report.problems)))
    out = {}
    for p in files.parts:
        out[p.name] = sha256_of_file(p, cancel, on_bytes=on_bytes)
    return out


def read_verified(path: Path, expected: str, cancel: threading.Event | None = None) -> bytes:
    """The whole file, refused when its bytes do not match ``expected`` (for the e-mail draft,
    which holds the attachment in memory anyway)."""
    hasher = SendHasher(path, expected)
    chunks = []
    with open(path, "rb") as f:
        while block := f.read(BLOCK):
            if cancel is not None and cancel.is_set():
                raise Cancelled()
            hasher.feed(block)
            chunks.append(block)
    if hasher.pos != hasher.size:
        raise tampered(path.name)
    return b"".join(chunks)
