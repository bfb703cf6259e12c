"""The bundle: one verified ``.7z`` (or volumes ``.7z.001`` …) for the support desk.

:class:`BundleWriter` streams every entry into a solid LZMA2 archive (Deflate for the light
preset of fast lines; py7zr; AES-256 with
encrypted file names when a password is set), hashes each entry on the way, adds
``manifest.json`` last, checks the finished archive by reading it back and only then renames
the ``.part`` files to their real names and writes ``<bundle>.sha256`` beside them. Anything
that goes wrong (full disk, cancel, an exception in the caller) removes every file it made.
:func:`verify_bundle` is the same check for a bundle on disk (``collector verify``).

The modules, along the seams:

- :mod:`.writer`: :class:`BundleWriter`, the entries and the result; the LZMA2 settings;
- :mod:`.streaming`: py7zr fed from readers of unknown length, LZMA2 or Deflate on several
  threads;
- :mod:`.pipe`: the bounded pipe from a producer thread (the database backup) to the archive;
- :mod:`.volumes`: ``.part`` volumes written, volumes read back as one file;
- :mod:`.readback` and :mod:`.verify`: decoding with bounded memory, the checks and reports;
- :mod:`.names`: the bundle's name, names inside it, volume sizes and volume files;
- :mod:`.hashing`: :func:`sha256_of_file`, the one file hash of the project;
- :mod:`.errors`: the errors a person can act on.

Layout and manifest schema: DESIGN.md, "The bundle". The public names below are importable
from ``collector.bundle``; each loads its module (and py7zr) only when first used, so that
commands which never write an archive start without it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "errors": ("BundleError", "DiskFull", "EntryIncomplete", "OutputError", "SourceError",
               "check_cancel", "os_error_text"),
    "names": ("CHUNK", "DEFAULT_VOLUME_SIZE", "INCOMPLETE_SUFFIX", "MANIFEST_NAME",
              "MIN_VOLUME_SIZE", "MiB", "bundle_name", "check_arcname", "find_volumes",
              "parse_size"),
    "hashing": ("sha256_of_file",),
    "pipe": ("ProducerPipe", "run_producer"),
    "volumes": ("JoinedReader", "VolumeWriter"),
    "streaming": ("HashingReader", "ParallelLzma2", "StreamingSevenZipFile"),
    "readback": ("UnsupportedLayout", "hash_entries"),
    "verify": ("STATUS_EXIT", "EntryCheck", "VerifyReport", "verify_bundle", "verify_volumes"),
    "writer": ("DEFAULT_BLOCK_SIZE", "DEFAULT_DICT_SIZE", "DEFAULT_NICE_LEN", "DEFAULT_PRESET",
               "DEFAULT_WORKERS", "BundleResult", "BundleWriter", "FileEntry", "VolumeSink"),
}
_WHERE = {name: module for module, names in _EXPORTS.items() for name in names}
__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:  # for type checkers and editors: the same names, imported eagerly
    from collector.bundle.errors import (  # noqa: F401
        BundleError,
        DiskFull,
        EntryIncomplete,
        OutputError,
        SourceError,
        check_cancel,
        os_error_text,
    )
    from collector.bundle.hashing import sha256_of_file  # noqa: F401
    from collector.bundle.names import (  # noqa: F401
        CHUNK,
        DEFAULT_VOLUME_SIZE,
        INCOMPLETE_SUFFIX,
        MANIFEST_NAME,
        MIN_VOLUME_SIZE,
        MiB,
        bundle_name,
        check_arcname,
        find_volumes,
        parse_size,
    )
    from collector.bundle.pipe import ProducerPipe, run_producer  # noqa: F401
    from collector.bundle.readback import UnsupportedLayout, hash_entries  # noqa: F401
    from collector.bundle.streaming import HashingReader, ParallelLzma2, StreamingSevenZipFile  # noqa: F401
    from collector.bundle.verify import (  # noqa: F401
        STATUS_EXIT,
        EntryCheck,
        VerifyReport,
        verify_bundle,
        verify_volumes,
    )
    from collector.bundle.volumes import JoinedReader, VolumeWriter  # noqa: F401
    from collector.bundle.writer import (  # noqa: F401
        DEFAULT_BLOCK_SIZE,
        DEFAULT_DICT_SIZE,
        DEFAULT_NICE_LEN,
        DEFAULT_PRESET,
        DEFAULT_WORKERS,
        BundleResult,
        BundleWriter,
        FileEntry,
    )
