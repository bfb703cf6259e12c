"""Writes a small but genuine Windows PE executable carrying a version resource.

The demo installation needs a ``Market.exe`` whose version Windows (and our reader) can read.
No tool on Linux writes version resources without a Windows toolchain, so this module lays out the
PE by the book (PE/COFF spec, "Resources" and ``VS_VERSIONINFO`` in the Win32 docs): a PE32 GUI
image with a ``.text`` section that just returns, and a ``.rsrc`` section with ``RT_VERSION``.
"""

from __future__ import annotations

import struct
import time
from collections.abc import Mapping
from pathlib import Path

import pefile

FILE_ALIGN = 0x200
SECT_ALIGN = 0x1000
RT_VERSION = 16
LANG_NEUTRAL_UNICODE = (0x0000, 0x04B0)  # what .NET writes: language neutral, code page 1200


def _align(n: int, a: int) -> int:
    return (n + a - 1) // a * a


def _pad4(buf: bytearray) -> None:
    buf.extend(b"\0" * (-len(buf) % 4))


def _block(
    key: str, value: bytes = b"", value_length: int = 0, wtype: int = 0, children=()
) -> bytes:
    out = bytearray(6)
    out += (key + "\0").encode("utf-16-le")
    _pad4(out)
    out += value
    for child in children:
        _pad4(out)
        out += child
    struct.pack_into("<HHH", out, 0, len(out), value_length, wtype)
    return bytes(out)


def _version_numbers(version: str) -> tuple[int, int]:
    parts = [int(p) for p in version.split(".")] + [0, 0, 0, 0]
    a, b, c, d = parts[:4]
    return (a << 16) | b, (c << 16) | d


def version_info_blob(
    file_version: str, product_version: str, strings: Mapping[str, str]
) -> bytes:
    fms, fls = _version_numbers(file_version)
    pms, pls = _version_numbers(product_version)
    fixed = struct.pack(
        "<13I",
        0xFEEF04BD, 0x00010000, fms, fls, pms, pls,
        0x3F, 0, 0x00040004, 0x1, 0, 0, 0,  # mask, flags, VOS_NT_WINDOWS32, VFT_APP
    )
    lang, codepage = LANG_NEUTRAL_UNICODE
    entries = [
        _block(k, (v + "\0").encode("utf-16-le"), len(v) + 1, 1) for k, v in strings.items()
    ]
    table = _block(f"{lang:04x}{codepage:04x}", wtype=1, children=entries)
    string_info = _block("StringFileInfo", wtype=1, children=[table])
    var = _block("Translation", struct.pack("<HH", lang, codepage), 4, 0)
    var_info = _block("VarFileInfo", wtype=1, children=[var])
    return _block("VS_VERSION_INFO", fixed, len(fixed), 0, [string_info, var_info])


def _resource_section(blob: bytes, rva: int) -> bytes:
    """type → name → language → data entry, each directory holding one id entry."""
    def directory(entry_id: int, target: int, is_dir: bool) -> bytes:
        header = struct.pack("<IIHHHH", 0, 0, 0, 0, 0, 1)
        return header + struct.pack("<II", entry_id, target | (0x80000000 if is_dir else 0))

    d_name, d_lang = 24, 48  # the type directory sits at offset 0
    data_entry = 72
    data_off = 88
    out = bytearray()
    out += directory(RT_VERSION, d_name, True)
    out += directory(1, d_lang, True)
    out += directory(0x0000, data_entry, False)
    out += struct.pack("<IIII", rva + data_off, len(blob), 0, 0)
    assert len(out) == data_off
    out += blob
    return bytes(out)


def write_exe(
    path: Path,
    *,
    version: str,
    product_name: str = "GBS.Market",
    company: str = "F-Lab",
    description: str = "GBS.Market",
    original_name: str = "Market.exe",
    product_version_text: str | None = None,
    extra_strings: Mapping[str, str] | None = None,
    with_version: bool = True,
) -> None:
    strings = {
        "Comments": "",
        "CompanyName": company,
        "FileDescription": description,
        "FileVersion": version,
        "InternalName": original_name,
        "LegalCopyright": f"Copyright © {company} {time.gmtime().tm_year}",
        "LegalTrademarks": "",
        "OriginalFilename": original_name,
        "ProductName": product_name,
        "ProductVersion": product_version_text or version,
        "Assembly Version": version,
    }
    strings.update(extra_strings or {})

    code = b"\x31\xc0\xc3"  # xor eax, eax; ret — the demo program does nothing when run
    text_rva = SECT_ALIGN
    text_raw = _align(len(code), FILE_ALIGN)
    sections = [(b".text", text_rva, code, 0x60000020)]  # code | execute | read
    if with_version:
        rsrc_rva = text_rva + _align(len(code), SECT_ALIGN)
        rsrc = _resource_section(version_info_blob(version, version, strings), rsrc_rva)
        sections.append((b".rsrc", rsrc_rva, rsrc, 0x40000040))  # initialised data | read

    headers_size = FILE_ALIGN
    e_lfanew = 0x80
    dos = bytearray(e_lfanew)
    struct.pack_into("<2sH", dos, 0, b"MZ", 0x90)
    struct.pack_into("<I", dos, 0x3C, e_lfanew)
    stub = b"\x0e\x1f\xba\x0e\x00\xb4\x09\xcd\x21\xb8\x01\x4c\xcd\x21"
    stub += b"This program cannot be run in DOS mode.\r\r\n$"
    dos[0x40:0x40 + len(stub)] = stub

    last_rva, last_data = sections[-1][1], sections[-1][2]
    size_of_image = last_rva + _align(len(last_data), SECT_ALIGN)
    init_data = sum(_align(len(d), FILE_ALIGN) for n, _r, d, _c in sections if n != b".text")
    coff = struct.pack("<HHIIIHH", 0x14C, len(sections), int(time.time()), 0, 0, 0xE0, 0x0102)
    data_dirs = [(0, 0)] * 16
    if with_version:
        data_dirs[2] = (sections[1][1], len(sections[1][2]))
    optional = struct.pack(
        "<HBBIIIIIIIIIHHHHHHIIIIHHIIIIII",
        0x10B, 11, 0, text_raw, init_data, 0,
        text_rva, text_rva, sections[-1][1],
        0x400000, SECT_ALIGN, FILE_ALIGN,
        6, 0, 0, 0, 6, 0, 0,
        size_of_image, headers_size, 0,
        2, 0x8540,  # GUI subsystem; dynamic base, NX compatible, no SEH, terminal server aware
        0x100000, 0x1000, 0x100000, 0x1000, 0, 16,
    ) + b"".join(struct.pack("<II", *d) for d in data_dirs)

    section_headers = bytearray()
    raw_ptr = headers_size
    for name, rva, data, flags in sections:
        raw_size = _align(len(data), FILE_ALIGN)
        section_headers += struct.pack(
            "<8sIIIIIIHHI", name, len(data), rva, raw_size, raw_ptr, 0, 0, 0, 0, flags
        )
        raw_ptr += raw_size

    image = bytearray(dos + b"PE\0\0" + coff + optional + section_headers)
    assert len(image) <= headers_size
    image += b"\0" * (headers_size - len(image))
    for _name, _rva, data, _flags in sections:
        image += data + b"\0" * (_align(len(data), FILE_ALIGN) - len(data))

    pe = pefile.PE(data=bytes(image))
    pe.OPTIONAL_HEADER.CheckSum = pe.generate_checksum()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pe.write())
    pe.close()
