"""Consistent placeholders: the same secret becomes the same token in every file of one bundle.

As ``sos clean`` does with its mappings (one map per kind of item, an incrementing number per
new item, the map kept on the machine and never inside the archive), a :class:`TokenMap` hands
out ``***secret-1***``, ``***secret-2***`` … and, with personal data hidden, ``***phone-1***``,
``***email-1***``, ``***card-1***``. It counts replacements per bundle file and per kind for the
manifest. :meth:`TokenMap.save` writes the private map (token → original) into the collector's
user data folder so that the shop owner can answer "what was secret-3".
"""

from __future__ import annotations

import json
import os
import re
import sys
import threading
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

LABELS = ("secret", "phone", "email", "card")
TOKEN_RE = re.compile(r"\*\*\*(?:secret|phone|email|card)-\d+\*\*\*")
MAP_FOLDER = "redaction-maps"
MIN_LITERAL = 4  # shorter secrets ("30", "1") are masked where found by key, not everywhere


def normalize(value: str, label: str) -> str:
    """The form two spellings of one item share: digits of a phone or card, a lower-case
    e-mail."""
    if label == "phone":
        digits = re.sub(r"\D", "", value)
        if len(digits) == 11 and digits[0] == "8":
            digits = "7" + digits[1:]
        return digits
    if label == "card":
        return re.sub(r"\D", "", value)
    if label == "email":
        return value.lower()
    return value


class TokenMap:
    """Tokens of one bundle; safe to use from several threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._tokens: dict[tuple[str, str], str] = {}
        self._originals: dict[str, dict[str, Any]] = {}
        self._next: Counter[str] = Counter()
        self.counts: dict[str, Counter[str]] = {}
        self._literals: list[str] = []
        self._literal_version = 0

    def token(self, value: str, label: str = "secret", *, kind: str = "",
              where: str | None = None) -> str:
        """The placeholder for ``value``; counts one replacement of ``kind`` in ``where``."""
        if TOKEN_RE.fullmatch(value):
            return value
        key = (label, normalize(value, label))
        with self._lock:
            tok = self._tokens.get(key)
            if tok is None:
                self._next[label] += 1
                tok = f"***{label}-{self._next[label]}***"
                self._tokens[key] = tok
                self._originals[tok] = {"value": value, "kind": kind, "files": []}
                if label == "secret" and len(value) >= MIN_LITERAL:
                    self._literals.append(value)
                    self._literal_version += 1
            if where is not None:
                self.counts.setdefault(where, Counter())[kind or label] += 1
                files = self._originals[tok]["files"]
                if where not in files:
                    files.append(where)
        return tok

    def learn(self, value: str, *, kind: str = "config") -> None:
        """Know a secret before it is met (a config's password, to find it in the logs)."""
        if value and value.strip() and not TOKEN_RE.fullmatch(value):
            self.token(value, kind=kind)

    def literals(self) -> tuple[int, list[str]]:
        """Known secret values (long enough to search for everywhere) and a version number
        that changes when one is added."""
        with self._lock:
            return self._literal_version, list(self._literals)

    def __len__(self) -> int:
        return len(self._originals)

    def redactions(self) -> list[dict[str, Any]]:
        """For the manifest: per file, how many replacements of which kind (no values)."""
        with self._lock:
            return [{"path": path, "count": sum(c.values()), "kinds": dict(sorted(c.items()))}
                    for path, c in sorted(self.counts.items()) if c]

    def private_map(self, bundle: str) -> dict[str, Any]:
        with self._lock:
            return {"bundle": bundle,
                    "created_at": datetime.now().astimezone().isoformat(timespec="seconds"),
                    "note": "Что скрыто в архиве поддержки: не отправляйте этот файл.",
                    "tokens": {tok: dict(info) for tok, info in self._originals.items()}}

    def save(self, folder: Path, bundle: str) -> Path:
        """Write the private map as ``<folder>/redaction-maps/<bundle>.json`` readable by this
        user only; never into the bundle or its folder."""
        target = folder / MAP_FOLDER
        target.mkdir(parents=True, exist_ok=True)
        path = target / f"{bundle}.json"
        data = json.dumps(self.private_map(bundle), ensure_ascii=False, indent=2).encode()
        tmp = path.with_name(path.name + ".tmp")
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
        fd = os.open(tmp, flags, 0o600)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            if sys.platform != "win32":
                os.chmod(tmp, 0o600)
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return path
