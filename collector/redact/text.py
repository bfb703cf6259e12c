"""Secrets in free text (log lines, connection strings, URLs, values inside configs).

:class:`TextScrubber` replaces, in this order: the values already known to be secret (a
config's password wherever it recurs, e.g. inside error.log), credentials in URLs,
``Authorization``/``Bearer`` headers, ``key=value`` / ``"Key": "value"`` / ``-pass value`` pairs
whose key says secret (``Password``, ``ApiKey``, «Пароль»…), bot tokens (``…/bot<token>/…``),
JWTs and prefixed API keys; with personal data hidden also e-mail addresses, phone numbers and
card numbers. Patterns never cross a line break, so text can be scrubbed in pieces cut at line
ends (:mod:`collector.redact.stream`).
"""

from __future__ import annotations

import json
import re
from urllib.parse import quote

import ahocorasick

from collector.redact.keys import is_secret_key
from collector.redact.tokens import TOKEN_RE, TokenMap

_URL_USERINFO = re.compile(
    r"(?P<scheme>\b[a-z][a-z0-9+.-]{1,15}://)(?P<user>[^/@\s:\"'<>]+)(?::(?P<pw>[^/@\s\"'<>]*))?@",
    re.I)
_AUTH = re.compile(r"(?P<scheme>\b(?:bearer|basic|digest|token))[^\S\n]+"
                   r"(?P<value>[A-Za-z0-9._~+/=-]{8,})", re.I)
# Starts at the secret word (fast to search for); the rest of the key name is read back in code.
_KV = re.compile(
    r"(?P<word>pass(?:word|wd|phrase)?|pwd|secret|token|api[_-]?key|private[_-]?key|"
    r"access[_-]?key|licen[cs]e[_-]?key|auth(?:orization)?|credentials?|login|cookie|"
    r"session[_-]?id|pin|thumbprint|парол[а-яё]*|токен[а-яё]*|секрет[а-яё]*|ключ[а-яё]*|"
    r"логин[а-яё]*)(?P<rest>[\w.-]{0,30})(?P<sep>[\"']?[^\S\n]*[:=][^\S\n]*)"
    r"(?P<value>\"(?:[^\"\\\n]|\\.)*\"|'[^'\n]*'|[^\s;,&\"'<>|{}\[\]()]+)", re.I)
_FLAG = re.compile(r"(?<![\w-])(?P<flag>-{1,2}(?:pass(?:word)?|pwd))[^\S\n]+"
                   r"(?P<value>[^\s\"'-][^\s\"']*)", re.I)
_BOT_TOKEN = re.compile(r"(?<!\d)\d{6,12}:[A-Za-z0-9_-]{30,}(?![\w-])")
_JWT = re.compile(r"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}")
_PREFIXED_KEY = re.compile(r"\b(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{8,}\b")

_EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"
                    r"\.[A-Za-z]{2,24}\b")
_PHONE = re.compile(r"(?<![\w+])(?:(?:\+7|8)[^\S\n]?\(?\d{3}\)?[^\S\n-]?\d{3}[^\S\n-]?-?\d{2}"
                    r"[^\S\n-]?-?\d{2}|\+\d{11,14})(?![\w])")
_CARD = re.compile(r"(?<![\w])(?:[2-6]\d{3}(?:[ -]?\d{4}){3}|[2-6]\d{3}(?:[ -]\d{4}){3} \d{3})"
                   r"(?![\w])")

# What a line must contain to be worth the patterns above. A whole piece of log is searched for
# all of them in one pass (Aho-Corasick); lines without any pass through untouched. Short words
# count only at the start of a word ("pin" but not "shipping", "ключ" but not "подключение"),
# or after the words that make compound key names ("apikey").
_HOT_WORDS = ["pass", "pwd", "secret", "token", "auth", "credential", "login", "cookie", "://",
              "bearer", "eyj", "k_live_", "k_test_", "парол", "токен", "секрет", "логин"]
_HOT_WORD_START = ["key", "pin", "bot", "session", "ключ"]
_KEY_PREFIXES = (b"api", b"api_", b"api-", b"private", b"private_", b"access", b"access_",
                 b"license", b"license_", b"secret", b"secret_")
_HOT_PERSONAL = ["@", "+7", "+3", "8 (", "8("]
_HOT_PERSONAL_RE = re.compile(rb"8[0-9]{10}|[2-6][0-9]{3}[ -]?[0-9]{4}[ -]?[0-9]{4}")
_LETTERS = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_CYRILLIC_LEAD = frozenset(b"\xd0\xd1")  # first byte of a two-byte Cyrillic letter


def _case_forms(word: str) -> set[str]:
    return {word, word.capitalize(), word.upper()}


def _automaton(literals: list[bytes], personal: bool) -> ahocorasick.Automaton:
    """Needles as latin-1 text of their UTF-8 bytes: the haystack is a piece of log decoded
    as latin-1 (one character per byte), so positions are byte offsets."""
    auto = ahocorasick.Automaton()
    for group, start in ((_HOT_WORDS, False), (_HOT_WORD_START, True)):
        for word in group:
            for form in _case_forms(word):
                raw = form.encode()
                auto.add_word(raw.decode("latin-1"), (len(raw), start))
    for needle in literals:
        auto.add_word(needle.decode("latin-1"), (len(needle), False))
    if personal:
        for needle in _HOT_PERSONAL:
            auto.add_word(needle, (len(needle), False))
    if not len(auto):
        auto.add_word("\x00\x01\x02", (3, False))
    auto.make_automaton()
    return auto


_NOT_VALUES = {"", "null", "none", "true", "false", "***", "nil", "undefined"}
_AUTH_WORDS = {"bearer", "basic", "digest", "token"}


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


class TextScrubber:
    """Scrubs text for one bundle with one :class:`TokenMap`. ``keep``: values that must stay
    (the GBS.ID). ``personal``: also hide e-mail addresses, phone numbers and card numbers
    where :meth:`scrub` is asked to (the logs)."""

    def __init__(self, tokens: TokenMap | None = None, *, keep: frozenset[str] = frozenset(),
                 personal: bool = False) -> None:
        self.tokens = tokens if tokens is not None else TokenMap()
        self.keep = keep
        self.personal = personal
        self._literal_version = -1
        self._literal_re: re.Pattern[str] | None = None
        self._variants: dict[str, str] = {}
        self._literal_bytes: list[bytes] = []
        self._auto: ahocorasick.Automaton | None = None
        self._auto_key: tuple[int, bool] | None = None

    # --- known values ------------------------------------------------------------------------
    def _literals(self) -> re.Pattern[str] | None:
        version, values = self.tokens.literals()
        if version != self._literal_version:
            variants: dict[str, str] = {}
            for v in values:
                for form in (v, json.dumps(v, ensure_ascii=False)[1:-1],
                             json.dumps(v)[1:-1], quote(v, safe="")):
                    variants.setdefault(form, v)
            self._variants = variants
            self._literal_bytes = sorted({v.encode("utf-8", "surrogatepass") for v in variants})
            ordered = sorted(variants, key=len, reverse=True)
            self._literal_re = re.compile("|".join(map(re.escape, ordered))) if ordered else None
            self._literal_version = version
        return self._literal_re

    # --- big pieces of log --------------------------------------------------------------------
    def scrub_bytes(self, buf: bytes, where: str | None = None, *,
                    personal: bool | None = None) -> bytes:
        """UTF-8 ``buf`` (whole lines) scrubbed; only lines that contain a trigger word or a
        known secret are decoded and searched, the rest is copied as it is."""
        personal = self.personal if personal is None else personal
        starts = self._hot_lines(buf, personal)
        if not starts:
            return buf
        out = []
        prev = 0
        for start in starts:
            if start < prev:
                continue
            end = buf.find(b"\n", start)
            end = len(buf) if end < 0 else end + 1
            out.append(buf[prev:start])
            line = buf[start:end].decode("utf-8", "surrogateescape")
            out.append(self.scrub(line, where, personal=personal).encode("utf-8",
                                                                         "surrogateescape"))
            prev = end
        out.append(buf[prev:])
        return b"".join(out)

    def _hot_lines(self, buf: bytes, personal: bool) -> list[int]:
        self._literals()
        key = (self._literal_version, personal)
        if self._auto_key != key:
            self._auto = _automaton(self._literal_bytes, personal)
            self._auto_key = key
        starts: set[int] = set()
        skip_to = -1
        for end, (length, word_start) in self._auto.iter(buf.decode("latin-1")):
            i = end - length + 1
            if i < skip_to:
                continue  # this line is already marked
            inside_word = i and (buf[i - 1] in _LETTERS or (
                i > 1 and buf[i - 2] in _CYRILLIC_LEAD and buf[i - 1] >= 0x80))
            if word_start and inside_word and \
                    not buf[max(0, i - 8):i].lower().endswith(_KEY_PREFIXES):
                continue
            start = buf.rfind(b"\n", 0, i) + 1
            starts.add(start)
            nl = buf.find(b"\n", i)
            skip_to = len(buf) if nl < 0 else nl + 1
        if personal:
            for m in _HOT_PERSONAL_RE.finditer(buf):
                starts.add(buf.rfind(b"\n", 0, m.start()) + 1)
        return sorted(starts)

    # --- the pass ----------------------------------------------------------------------------
    def scrub(self, text: str, where: str | None = None, *, personal: bool | None = None) -> str:
        tok = self.tokens

        def secret(value: str, kind: str) -> str:
            if value in self.keep or value.upper() in self.keep:
                return value
            return tok.token(value, kind=kind, where=where)

        literal = self._literals()
        if literal is not None:
            text = literal.sub(lambda m: secret(self._variants[m[0]], "recurring"), text)
        if "://" in text:
            text = _URL_USERINFO.sub(lambda m: self._userinfo(m, secret), text)
        text = _AUTH.sub(lambda m: self._auth(m, secret), text)
        text = _KV.sub(lambda m: self._pair(m, secret), text)
        text = _FLAG.sub(lambda m: m["flag"] + " " + self._value(m["value"], secret, "flag"),
                         text)
        if ":" in text:
            text = _BOT_TOKEN.sub(lambda m: secret(m[0], "bot_token"), text)
        if "eyJ" in text:
            text = _JWT.sub(lambda m: secret(m[0], "jwt"), text)
        if "_live_" in text or "_test_" in text:
            text = _PREFIXED_KEY.sub(lambda m: secret(m[0], "api_key"), text)
        if self.personal if personal is None else personal:
            text = self._personal(text, where)
        return text

    def _personal(self, text: str, where: str | None) -> str:
        tok = self.tokens
        if "@" in text:
            text = _EMAIL.sub(lambda m: m[0] if TOKEN_RE.fullmatch(m[0]) else
                              tok.token(m[0], "email", kind="email", where=where), text)
        text = _CARD.sub(lambda m: tok.token(m[0], "card", kind="card", where=where)
                         if luhn_ok(re.sub(r"\D", "", m[0])) else m[0], text)
        return _PHONE.sub(lambda m: tok.token(m[0], "phone", kind="phone", where=where), text)

    @staticmethod
    def _value(value: str, secret, kind: str) -> str:
        inner = value
        quote_char = ""
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            quote_char, inner = value[0], value[1:-1]
        if inner.strip().lower() in _NOT_VALUES or TOKEN_RE.fullmatch(inner) \
                or inner.lower() in _AUTH_WORDS:
            return value
        return f"{quote_char}{secret(inner, kind)}{quote_char}"

    def _pair(self, m: re.Match[str], secret) -> str:
        text, start = m.string, m.start()
        left = start
        while left > 0 and start - left < 40 and (text[left - 1].isalnum()
                                                   or text[left - 1] in "_.-"):
            left -= 1
        name = text[left:start] + m["word"] + m["rest"]
        if not is_secret_key(name.strip("._-")):
            return m[0]
        return m["word"] + m["rest"] + m["sep"] + self._value(m["value"], secret, "key_value")

    @staticmethod
    def _userinfo(m: re.Match[str], secret) -> str:
        if m["pw"] is not None:
            if not m["pw"] or TOKEN_RE.fullmatch(m["pw"]):
                return m[0]
            return f"{m['scheme']}{m['user']}:{secret(m['pw'], 'url')}@"
        if TOKEN_RE.fullmatch(m["user"]):
            return m[0]
        return f"{m['scheme']}{secret(m['user'], 'url')}@"

    @staticmethod
    def _auth(m: re.Match[str], secret) -> str:
        value = m["value"]
        scheme = m["scheme"].lower()
        if TOKEN_RE.fullmatch(value) or value.startswith("***"):
            return m[0]
        if scheme in ("basic", "digest", "token") and not re.search(r"[\d=]", value):
            return m[0]  # "basic settings", "token expired": words, not credentials
        return f"{m['scheme']} {secret(value, 'authorization')}"


def scrub_text(text: str) -> tuple[str, int]:
    """Free text scrubbed with a private token map; returns the text and the number of
    replacements (for the config viewer and one-off uses)."""
    scrubber = TextScrubber()
    out = scrubber.scrub(text, where="-")
    return out, sum(scrubber.tokens.counts.get("-", {}).values())
