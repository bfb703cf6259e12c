"""Secrets out of what leaves the PC: configs in the bundle, the tool's own log.

Config values are replaced by ``***`` when their *name* says secret (password, token, login, key…)
or their *value* looks like one (bot tokens, JWTs, long base64/hex blobs, credentials in URLs),
whatever the name. A half-written JSON file is redacted line by line instead of being dropped.
Runtime secrets (the database or archive password a technician typed) are registered with
:func:`register_secret` and scrubbed from every log record.
"""

from __future__ import annotations

import codecs
import itertools
import json
import logging
import re
import threading
from dataclasses import dataclass
from typing import Any

from collector.configs import decode_text

MASK = "***"

# Words in a key name (split on camelCase, "_", "-", ".") that make its value a secret.
SECRET_WORDS = {
    "password", "passwd", "pass", "pwd", "secret", "token", "apikey", "login", "credential",
    "credentials", "cookie", "sessionid", "pin", "auth", "authorization", "activation",
    "license", "licence", "signature", "salt", "hash", "certificate", "cert",
}
# Whole key names GBS_MARKET.md §5 lists for redaction that the words above do not catch:
# RemoteControl.Telegram.UsernameTo, RemoteControl.Email, Other.Thumbprint, System.Info_001.
SECRET_NAMES = {"usernameto", "email", "thumbprint", "info001"}
SECRET_PAIRS = {("api", "key"), ("private", "key"), ("access", "key"), ("secret", "key"),
                ("client", "secret"), ("app", "key"), ("license", "key"), ("user", "name"),
                ("smtp", "user"), ("bot", "token"), ("refresh", "token"), ("access", "token")}

_BOT_TOKEN = re.compile(r"\b\d{6,12}:[A-Za-z0-9_-]{30,}\b")
_JWT = re.compile(r"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}")
_BASE64 = re.compile(r"^(?=.*[A-Z])(?=.*[a-z])(?=.*\d)[A-Za-z0-9+/]{20,}={0,2}$")
_HEX = re.compile(r"^[0-9a-fA-F]{32,}$")
_PREFIXED_KEY = re.compile(r"\b(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{8,}\b")
_URL_USERINFO = re.compile(r"(?P<scheme>[a-z][a-z0-9+.-]*://)(?P<userinfo>[^/@\s]+)@", re.I)
_URL_SECRET_PARAM = re.compile(
    r"(?P<name>[?&](?:token|key|api_key|apikey|password|pass|secret|auth|access_token)=)"
    r"(?P<value>[^&#\s\"]+)", re.I)
_JSON_PAIR = re.compile(r'"(?P<key>[^"\\]{1,80})"\s*:\s*"(?P<value>(?:[^"\\]|\\.)*)"')


def _words(key: str) -> list[str]:
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", key)
    spaced = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1 \2", spaced)
    return [w.lower() for w in re.split(r"[\s_\-.:]+", spaced) if w]


def is_secret_key(key: str) -> bool:
    words = _words(key)
    if any(w in SECRET_WORDS for w in words):
        return True
    joined = "".join(words)
    if joined in SECRET_WORDS or joined in SECRET_NAMES:
        return True
    return any(pair in SECRET_PAIRS for pair in itertools.pairwise(words))


def looks_secret(value: str, keep: frozenset[str] = frozenset()) -> bool:
    v = value.strip()
    if not v or v in keep or v.upper() in keep:
        return False
    if _BOT_TOKEN.search(v) or _JWT.search(v) or _PREFIXED_KEY.search(v):
        return True
    if _HEX.match(v):
        return True
    return bool(_BASE64.match(v))


def scrub_text(text: str) -> tuple[str, int]:
    """Credentials embedded in free text: URL user-info, secret query parameters, tokens."""
    count = 0

    def sub(pattern: re.Pattern[str], repl, s: str) -> str:
        nonlocal count
        s, n = pattern.subn(repl, s)
        count += n
        return s

    text = sub(_URL_USERINFO, lambda m: m["scheme"] + MASK + "@", text)
    text = sub(_URL_SECRET_PARAM, lambda m: m["name"] + MASK, text)
    text = sub(_BOT_TOKEN, MASK, text)
    text = sub(_JWT, MASK, text)
    text = sub(_PREFIXED_KEY, MASK, text)
    return text, count


@dataclass
class RedactedFile:
    data: bytes
    count: int
    parsed: bool  # False: the file was not valid JSON and was redacted line by line


def redact_value(value: Any, keep: frozenset[str], key: str | None = None) -> tuple[Any, int]:
    if isinstance(value, dict):
        total = 0
        out = {}
        for k, v in value.items():
            if is_secret_key(str(k)) and v not in (None, "", [], {}) and not isinstance(v, bool):
                if isinstance(v, (dict, list)):
                    out[k], n = _mask_all(v)
                else:
                    out[k], n = MASK, 1
            else:
                out[k], n = redact_value(v, keep, str(k))
            total += n
        return out, total
    if isinstance(value, list):
        total = 0
        items = []
        for v in value:
            item, n = redact_value(v, keep, key)
            items.append(item)
            total += n
        return items, total
    if isinstance(value, str):
        if looks_secret(value, keep):
            return MASK, 1
        scrubbed, n = scrub_text(value)
        return scrubbed, n
    return value, 0


def _mask_all(value: Any) -> tuple[Any, int]:
    if isinstance(value, dict):
        total = 0
        out = {}
        for k, v in value.items():
            out[k], n = _mask_all(v)
            total += n
        return out, total
    if isinstance(value, list):
        pairs = [_mask_all(v) for v in value]
        return [p[0] for p in pairs], sum(p[1] for p in pairs)
    if value in (None, "") or isinstance(value, bool):
        return value, 0
    return MASK, 1


def redact_config(raw: bytes, *, keep: frozenset[str] = frozenset()) -> RedactedFile:
    """A config file with its secrets masked. ``keep``: values that must stay (the GBS.ID)."""
    bom = raw.startswith(codecs.BOM_UTF8)
    text = decode_text(raw)
    try:
        data = json.loads(text)
    except ValueError:
        return _redact_lines(text, keep, bom)
    redacted, count = redact_value(data, keep)
    out = json.dumps(redacted, ensure_ascii=False, indent=2).replace("\n", "\r\n")
    return RedactedFile((codecs.BOM_UTF8 if bom else b"") + out.encode("utf-8"), count, True)


def _redact_lines(text: str, keep: frozenset[str], bom: bool) -> RedactedFile:
    count = 0

    def pair(m: re.Match[str]) -> str:
        nonlocal count
        value = m["value"]
        if value and (is_secret_key(m["key"]) or looks_secret(value, keep)):
            count += 1
            return f'"{m["key"]}": "{MASK}"'
        scrubbed, n = scrub_text(value)
        count += n
        return f'"{m["key"]}": "{scrubbed}"' if n else m.group(0)

    text = _JSON_PAIR.sub(pair, text)
    # A cut-off line "Password": "abc  (no closing quote) still must not leak.
    def cut(m: re.Match[str]) -> str:
        nonlocal count
        if is_secret_key(m["key"]) or looks_secret(m["value"], keep):
            count += 1
            return f'"{m["key"]}": "{MASK}'
        return m.group(0)

    text = re.sub(r'"(?P<key>[^"\\]{1,80})"\s*:\s*"(?P<value>[^"\r\n]*)$', cut, text, flags=re.M)
    return RedactedFile((codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8"), count, False)


# --- the tool's own log ---------------------------------------------------------------------------
_secrets: set[str] = set()
_lock = threading.Lock()


def register_secret(value: str | None) -> None:
    """A password or token known at run time: scrubbed from every log record from now on."""
    if value and len(value) >= 3:
        with _lock:
            _secrets.add(value)


def scrub(message: str) -> str:
    with _lock:
        known = sorted(_secrets, key=len, reverse=True)
    for s in known:
        message = message.replace(s, MASK)
    return scrub_text(message)[0]


class SecretFilter(logging.Filter):
    """Installed on the collector's log handlers: no record leaves with a secret inside."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            text = record.getMessage()
        except Exception:
            return True
        record.msg = scrub(text)
        record.args = None
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = scrub(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        return True
