"""Config files with their secrets replaced by tokens: JSON, INI and XML (.NET ``.config``).

A value is secret when its *key* says so (``Password``, ``ApiKey``, «Пароль»…, see
:mod:`collector.redact.keys`), when its place is one the program keeps secret (GBS_MARKET.md §5),
or when the *value* looks like one (bot tokens, JWTs, long random blobs), whatever the key.
Everything under a secret key is masked, arrays and sections included. Other text values are
scrubbed like log lines (connection strings, URLs with credentials). A half-written JSON file is
redacted line by line instead of being dropped. Every secret found is learnt by the token map,
so the same value is replaced wherever else it recurs in the bundle.
"""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass
from typing import Any

from collector.configs import decode_text
from collector.redact.keys import is_secret_key, is_secret_path, looks_secret
from collector.redact.text import TextScrubber
from collector.redact.tokens import TOKEN_RE

_JSON_PAIR = re.compile(r'"(?P<key>[^"\\]{1,80})"\s*:\s*"(?P<value>(?:[^"\\]|\\.)*)"')
_JSON_CUT = re.compile(r'"(?P<key>[^"\\]{1,80})"\s*:\s*"(?P<value>[^"\r\n]*)$', re.M)
_INI_LINE = re.compile(r"^(?P<lead>[^\S\n]*)(?P<key>[^\s=:;#\[][^=:\n]*?)(?P<sep>[^\S\n]*[=:]"
                       r"[^\S\n]*)(?P<value>[^\r\n]*)(?=\r?$)", re.M)
_XML_ELEMENT = re.compile(r"<(?P<name>[\w:.-]+)(?P<attrs>(?:\s+[\w:.-]+\s*=\s*(?:\"[^\"]*\"|"
                          r"'[^']*'))*)\s*(?P<end>/?)>")
_XML_ATTR = re.compile(r"(?P<name>[\w:.-]+)(?P<eq>\s*=\s*)(?P<q>[\"'])(?P<value>.*?)(?P=q)", re.S)
_XML_TEXT = re.compile(r"<(?P<tag>[\w:.-]+)(?P<attrs>[^>]*)>(?P<text>[^<]+)</(?P=tag)\s*>")
_XML_VALUE_ATTRS = {"value", "connectionstring", "password", "data"}


@dataclass
class RedactedFile:
    data: bytes
    count: int
    parsed: bool  # False: the file was not valid JSON and was redacted line by line
    format: str = "json"  # json | ini | xml | text


def config_format(name: str, text: str) -> str:
    head = text.lstrip("\ufeff \t\r\n\0")[:1]
    suffix = name.lower().rsplit(".", 1)[-1] if "." in name else ""
    if suffix in ("ini", "cfg", "properties") and head != "{":
        return "ini"
    if head in "{[" and head:
        return "json"
    if head == "<" or suffix in ("xml", "config"):
        return "xml"
    if suffix == "conf" or _INI_LINE.search(text):
        return "ini"
    return "text"


def redact_config(raw: bytes, *, keep: frozenset[str] = frozenset(), name: str = "",
                  scrubber: TextScrubber | None = None, where: str | None = None
                  ) -> RedactedFile:
    """A config file with its secrets replaced by tokens of ``scrubber``'s map (a private map
    when none is given). ``keep``: values that must stay (the GBS.ID); ``where``: the file's
    name inside the bundle, under which replacements are counted."""
    scrubber = scrubber or TextScrubber(keep=keep)
    if keep:
        scrubber.keep = scrubber.keep | keep
    where = where or name or "-"
    before = sum(scrubber.tokens.counts.get(where, {}).values())
    bom = raw.startswith(codecs.BOM_UTF8)
    text = decode_text(raw)
    fmt = config_format(name, text)
    parsed = True
    if fmt == "json":
        try:
            data = json.loads(text.strip("\0"))
        except ValueError:
            parsed = False
            out = _json_lines(text, scrubber, where)
        else:
            redacted = _json_value(data, [], scrubber, where)
            out = json.dumps(redacted, ensure_ascii=False, indent=2).replace("\n", "\r\n")
    elif fmt == "xml":
        out = scrubber.scrub(_xml(text, scrubber, where), where, personal=False)
    elif fmt == "ini":
        out = scrubber.scrub(_ini(text, scrubber, where), where, personal=False)
    else:
        out = scrubber.scrub(text, where, personal=False)
    count = sum(scrubber.tokens.counts.get(where, {}).values()) - before
    data_out = (codecs.BOM_UTF8 if bom else b"") + out.encode("utf-8", "surrogatepass")
    return RedactedFile(data_out, count, parsed, fmt)


def _token(scrubber: TextScrubber, value: str, kind: str, where: str) -> str:
    return scrubber.tokens.token(value, kind=kind, where=where)


# --- JSON --------------------------------------------------------------------------------------
def _json_value(value: Any, path: list[str], scrubber: TextScrubber, where: str) -> Any:
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            here = [*path, str(k)]
            if (is_secret_key(str(k)) or is_secret_path(here)) and not isinstance(v, bool):
                out[k] = _mask_all(v, scrubber, where)
            else:
                out[k] = _json_value(v, here, scrubber, where)
        return out
    if isinstance(value, list):
        return [_json_value(v, path, scrubber, where) for v in value]
    if isinstance(value, str):
        if looks_secret(value, scrubber.keep):
            return _token(scrubber, value, "config_value", where)
        return scrubber.scrub(value, where, personal=False)
    return value


def _mask_all(value: Any, scrubber: TextScrubber, where: str) -> Any:
    if isinstance(value, dict):
        return {k: _mask_all(v, scrubber, where) for k, v in value.items()}
    if isinstance(value, list):
        return [_mask_all(v, scrubber, where) for v in value]
    if value in (None, "") or isinstance(value, bool):
        return value
    text = value if isinstance(value, str) else json.dumps(value)
    if TOKEN_RE.fullmatch(text):
        return text
    return _token(scrubber, text, "config_key", where)


def _json_lines(text: str, scrubber: TextScrubber, where: str) -> str:
    keep = scrubber.keep

    def pair(m: re.Match[str]) -> str:
        value = m["value"]
        if value and not TOKEN_RE.fullmatch(value) and (
                is_secret_key(m["key"]) or looks_secret(value, keep)):
            return f'"{m["key"]}": "{_token(scrubber, value, "config_key", where)}"'
        return m[0]

    def cut(m: re.Match[str]) -> str:  # "Password": "abc  (the crash cut the line)
        value = m["value"]
        if value and (is_secret_key(m["key"]) or looks_secret(value, keep)):
            return f'"{m["key"]}": "{_token(scrubber, value, "config_key", where)}'
        return m[0]

    text = _JSON_PAIR.sub(pair, text)
    text = _JSON_CUT.sub(cut, text)
    return scrubber.scrub(text, where, personal=False)


# --- INI ---------------------------------------------------------------------------------------
def _ini(text: str, scrubber: TextScrubber, where: str) -> str:
    def line(m: re.Match[str]) -> str:
        value = m["value"].strip()
        if not value or not is_secret_key(m["key"].strip()):
            return m[0]
        quote_char = value[0] if len(value) > 1 and value[0] == value[-1] and \
            value[0] in "\"'" else ""
        inner = value[1:-1] if quote_char else value
        if TOKEN_RE.fullmatch(inner):
            return m[0]
        tok = _token(scrubber, inner, "config_key", where)
        return f"{m['lead']}{m['key']}{m['sep']}{quote_char}{tok}{quote_char}"

    return _INI_LINE.sub(line, text)


# --- XML ---------------------------------------------------------------------------------------
def _xml(text: str, scrubber: TextScrubber, where: str) -> str:
    def element(m: re.Match[str]) -> str:
        attrs = {a["name"].lower(): a["value"] for a in _XML_ATTR.finditer(m["attrs"])}
        named_secret = any(is_secret_key(attrs[k]) for k in ("key", "name") if k in attrs)

        def attr(a: re.Match[str]) -> str:
            name, value = a["name"], a["value"]
            secret = is_secret_key(name) or (named_secret and
                                             name.lower() in _XML_VALUE_ATTRS)
            if not value or TOKEN_RE.fullmatch(value) or not (
                    secret or looks_secret(value, scrubber.keep)):
                return a[0]
            tok = _token(scrubber, value, "config_key", where)
            return f"{name}{a['eq']}{a['q']}{tok}{a['q']}"

        tail = m[0][len(m["name"]) + 1 + len(m["attrs"]):]
        return f"<{m['name']}{_XML_ATTR.sub(attr, m['attrs'])}{tail}"

    def text_node(m: re.Match[str]) -> str:
        value = m["text"]
        if not value.strip() or TOKEN_RE.fullmatch(value.strip()) or not (
                is_secret_key(m["tag"].split(":")[-1]) or looks_secret(value, scrubber.keep)):
            return m[0]
        tok = _token(scrubber, value.strip(), "config_key", where)
        return f"<{m['tag']}{m['attrs']}>{tok}</{m['tag']}>"

    text = _XML_ELEMENT.sub(element, text)
    return _XML_TEXT.sub(text_node, text)
