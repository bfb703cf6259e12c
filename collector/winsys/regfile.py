"""Parser for registry exports (``.reg``) as regedit writes them.

Version 5 exports are UTF-16LE with a BOM and CRLF line ends; ``REGEDIT4`` exports are in the
ANSI code page (cp1251 on a Russian Windows). Long binary values are wrapped over lines ending in
``\\``. Value types: ``"…"`` (REG_SZ), ``dword:``, ``hex:`` (binary), ``hex(N):`` (2 expand-sz,
7 multi-sz, b qword, 0 none, 4 dword, 1 sz).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from collector.i18n import _

HEADER_V5 = "Windows Registry Editor Version 5.00"
HEADER_V4 = "REGEDIT4"

HIVES = {
    "HKLM": "HKEY_LOCAL_MACHINE",
    "HKCU": "HKEY_CURRENT_USER",
    "HKCR": "HKEY_CLASSES_ROOT",
    "HKU": "HKEY_USERS",
    "HKCC": "HKEY_CURRENT_CONFIG",
}

REG_NONE, REG_SZ, REG_EXPAND_SZ, REG_BINARY, REG_DWORD = 0, 1, 2, 3, 4
REG_MULTI_SZ, REG_QWORD = 7, 11


class RegFileError(ValueError):
    pass


@dataclass
class RegValue:
    type: int
    data: object  # str, int, list[str] or bytes


@dataclass
class RegKey:
    path: str
    values: dict[str, RegValue] = field(default_factory=dict)  # "" is the default value


def normalize_key(path: str) -> str:
    """Canonical, case-folded key path: full hive name, single backslashes, no trailing one."""
    path = path.strip().strip("\\").replace("/", "\\")
    path = re.sub(r"\\+", r"\\", path)
    hive, _sep, rest = path.partition("\\")
    hive = HIVES.get(hive.upper(), hive.upper())
    return (hive + ("\\" + rest if rest else "")).casefold()


def decode_export(raw: bytes) -> str:
    if raw.startswith(codecs.BOM_UTF16_LE):
        return raw[2:].decode("utf-16-le")
    if raw.startswith(codecs.BOM_UTF16_BE):
        return raw[2:].decode("utf-16-be")
    if raw.startswith(codecs.BOM_UTF8):
        return raw[3:].decode("utf-8")
    if len(raw) >= 4 and raw[1] == 0 and raw[3] == 0:  # UTF-16LE saved without a BOM
        return raw.decode("utf-16-le")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1251")  # REGEDIT4 from a Russian Windows


def parse_reg(raw: bytes) -> dict[str, RegKey]:
    """Keys by :func:`normalize_key`; later sections with the same key merge, as regedit does."""
    text = decode_export(raw)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    first = next((ln.strip() for ln in lines if ln.strip()), "")
    if first not in (HEADER_V5, HEADER_V4):
        raise RegFileError(
            _("Файл не похож на экспорт реестра: нет заголовка «{header}».", header=HEADER_V5)
        )
    ansi = first == HEADER_V4
    keys: dict[str, RegKey] = {}
    current: RegKey | None = None
    pending = ""
    for lineno, line in enumerate(lines, 1):
        if pending:
            line = pending + line.lstrip()
            pending = ""
        stripped = line.strip()
        if not stripped or stripped.startswith(";") or stripped in (HEADER_V5, HEADER_V4):
            continue
        if stripped.startswith("[") and stripped.endswith("]"):
            name = stripped[1:-1]
            if name.startswith("-"):  # a deletion entry removes nothing from an export we read
                current = None
                continue
            norm = normalize_key(name)
            current = keys.setdefault(norm, RegKey(name))
            continue
        if stripped.endswith("\\") and _in_hex_value(stripped):
            pending = stripped[:-1]
            continue
        if current is None:
            continue
        try:
            name, value = _parse_value_line(stripped, ansi)
        except (ValueError, IndexError) as exc:
            raise RegFileError(
                _("Строка {line} экспорта реестра не разобрана: {detail}", line=lineno, detail=exc)
            ) from exc
        if value is None:
            current.values.pop(name.casefold(), None)
        else:
            current.values[name.casefold()] = value
    return keys


def _in_hex_value(line: str) -> bool:
    return bool(re.search(r"=hex(\([0-9a-fA-F]+\))?:", line))


def _parse_value_line(line: str, ansi: bool) -> tuple[str, RegValue | None]:
    if line.startswith("@="):
        name, rest = "", line[2:]
    elif line.startswith('"'):
        name, end = _read_quoted(line, 0)
        if line[end:end + 1] != "=":
            raise ValueError("ожидался знак '='")
        rest = line[end + 1:]
    else:
        raise ValueError(f"непонятная строка: {line[:40]!r}")
    rest = rest.strip()
    if rest == "-":
        return name, None
    if rest.startswith('"'):
        text, _end = _read_quoted(rest, 0)
        return name, RegValue(REG_SZ, text)
    if rest.lower().startswith("dword:"):
        return name, RegValue(REG_DWORD, int(rest[6:], 16))
    m = re.match(r"hex(?:\(([0-9a-fA-F]+)\))?:(.*)$", rest, re.S)
    if not m:
        raise ValueError(f"неизвестный тип значения: {rest[:20]!r}")
    kind = int(m.group(1), 16) if m.group(1) else REG_BINARY
    hex_text = re.sub(r"[\s\\]", "", m.group(2))
    data = bytes(int(b, 16) for b in hex_text.split(",") if b)
    return name, RegValue(kind, _convert(kind, data, ansi))


def _read_quoted(s: str, start: int) -> tuple[str, int]:
    assert s[start] == '"'
    out = []
    i = start + 1
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            out.append(s[i + 1])
            i += 2
            continue
        if c == '"':
            return "".join(out), i + 1
        out.append(c)
        i += 1
    raise ValueError("незакрытая кавычка")


def _convert(kind: int, data: bytes, ansi: bool) -> object:
    def text(b: bytes) -> str:
        return b.decode("cp1251" if ansi else "utf-16-le", errors="replace")

    if kind in (REG_SZ, REG_EXPAND_SZ):
        return text(data).split("\0", 1)[0]
    if kind == REG_MULTI_SZ:
        return [s for s in text(data).split("\0") if s]
    if kind == REG_DWORD and len(data) == 4:
        return int.from_bytes(data, "little")
    if kind == REG_QWORD and len(data) == 8:
        return int.from_bytes(data, "little")
    return data


def format_reg(
    keys: list[tuple[str, list[tuple[str, RegValue]]]], *, version5: bool = True
) -> bytes:
    """Write an export the way regedit does: header, blank line, sections separated by blank
    lines, binary values wrapped before column 80 with two-space continuation indents, CRLF line
    ends; UTF-16LE with a BOM (version 5) or cp1251 (``REGEDIT4``)."""
    out = [HEADER_V5 if version5 else HEADER_V4, ""]
    for key, values in keys:
        out.append(f"[{key}]")
        for name, value in values:
            label = "@" if name == "" else '"' + _escape(name) + '"'
            out.extend(_format_value(label, value, version5))
        out.append("")
    text = "\r\n".join(out) + "\r\n"
    if version5:
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    return text.encode("cp1251")


def _escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace('"', '\\"')


def _format_value(label: str, value: RegValue, version5: bool) -> list[str]:
    if value.type == REG_SZ and isinstance(value.data, str):
        return [f'{label}="{_escape(value.data)}"']
    if value.type == REG_DWORD and isinstance(value.data, int):
        return [f"{label}=dword:{value.data:08x}"]
    enc = "utf-16-le" if version5 else "cp1251"
    if value.type == REG_EXPAND_SZ:
        data = (str(value.data) + "\0").encode(enc)
    elif value.type == REG_MULTI_SZ:
        data = "".join(s + "\0" for s in value.data).encode(enc) + "\0".encode(enc)  # type: ignore[union-attr]
    elif value.type == REG_QWORD:
        data = int(value.data).to_bytes(8, "little")  # type: ignore[call-overload]
    else:
        data = bytes(value.data)  # type: ignore[arg-type]
    prefix = f"{label}=hex:" if value.type == REG_BINARY else f"{label}=hex({value.type:x}):"
    lines: list[str] = []
    line = prefix
    for i, b in enumerate(data):
        piece = f"{b:02x}" + ("," if i < len(data) - 1 else "")
        if len(line) + len(piece) > 79 and i < len(data):
            lines.append(line + "\\")
            line = "  "
        line += piece
    lines.append(line)
    return lines
