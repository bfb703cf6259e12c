"""One 7-Zip AES key per password in a process, not one per 7z folder.

7-Zip derives the AES-256 key from the password by 2^19 rounds of SHA-256 (about 0.2 s here), and
py7zr does it again for every folder it encrypts or decrypts and for the header. The bundle
keeps its small entries in folders of their own (``writer.FOLDER_AFTER``), so an encrypted bundle
would pay it four or five times per write and per read. The key depends only on the password,
the salt and the round count, so it is computed once: py7zr's ``calculate_key`` (looked up by
name in ``py7zr.compressor`` at each use) is wrapped in a small cache. Importing this module
installs it; the cache lives in memory only, like the password itself.
"""

from __future__ import annotations

import functools

import py7zr.compressor

_derive = py7zr.compressor.calculate_key


@functools.lru_cache(maxsize=4)
def calculate_key(password: bytes, cycles: int, salt: bytes, digest: str) -> bytes:
    return _derive(password, cycles, salt, digest)


py7zr.compressor.calculate_key = calculate_key
