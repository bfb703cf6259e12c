"""The send-time checksum runs beside the sending, and only the last block waits for it."""

from __future__ import annotations

import hashlib
import threading

import pytest

from collector.delivery.integrity import HASH_LAG, SendHasher, Tampered, checked_blocks


class GatedHasher(SendHasher):
    """A hasher whose first feed waits until the test opens the gate."""

    def __init__(self, path, expected):
        super().__init__(path, expected)
        self.gate = threading.Event()
        self.fed = 0

    def feed(self, block):
        assert self.gate.wait(30)
        super().feed(block)
        self.fed += 1


def _file(tmp_path, blocks: int, block: int):
    data = bytes(range(256)) * (blocks * block // 256)
    path = tmp_path / "bundle.7z"
    path.write_bytes(data)
    return path, data


def test_sending_runs_ahead_of_the_hashing_but_not_past_the_last_block(tmp_path):
    block = 4096
    path, data = _file(tmp_path, HASH_LAG + 4, block)
    hasher = GatedHasher(path, hashlib.sha256(data).hexdigest())
    it = checked_blocks(path, hasher, 0, len(data), block=block)
    # no hash has finished, yet the line keeps going (the block read last is held back)
    sent = [next(it) for _ in range(HASH_LAG - 1)]
    assert hasher.fed == 0 and b"".join(sent) == data[:(HASH_LAG - 1) * block]
    hasher.gate.set()
    sent += list(it)
    assert b"".join(sent) == data and hasher.fed == HASH_LAG + 4


def test_a_mismatch_is_raised_before_the_last_block_leaves(tmp_path):
    block = 4096
    path, data = _file(tmp_path, HASH_LAG * 3, block)
    hasher = SendHasher(path, hashlib.sha256(data + b"x").hexdigest())
    sent = []
    with pytest.raises(Tampered):
        for b in checked_blocks(path, hasher, 0, len(data), block=block):
            sent.append(b)
    assert len(sent) == HASH_LAG * 3 - 1 and b"".join(sent) == data[:-block]
