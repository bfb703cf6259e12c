"""The registry-export reader on the byte format regedit writes."""

from __future__ import annotations

import codecs

import pytest

from collector.winsys.regfile import (
    REG_BINARY,
    REG_DWORD,
    REG_EXPAND_SZ,
    REG_MULTI_SZ,
    REG_QWORD,
    REG_SZ,
    RegFileError,
    RegValue,
    format_reg,
    normalize_key,
    parse_reg,
)

# Typed the way regedit 10 exports (File → Export, "Registration Files (*.reg)"): UTF-16LE with
# BOM, CRLF, binary values wrapped with "\" and a two-space indent, hex(2) as UTF-16LE bytes.
REGEDIT_EXPORT = r"""Windows Registry Editor Version 5.00

[HKEY_LOCAL_MACHINE\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall\{5C4A2F7E-9B1D-4E3A-A6F0-3D2B8C1E6A90}_is1]
"Inno Setup: Setup Version"="6.2.2"
"Inno Setup: App Path"="D:\\Магазин\\GBS Market"
"InstallLocation"="D:\\Магазин\\GBS Market\\"
"DisplayName"="GBS.Market 6"
"DisplayIcon"="D:\\Магазин\\GBS Market\\Market.exe"
"UninstallString"="\"D:\\Магазин\\GBS Market\\unins000.exe\""
"Publisher"="F-Lab"
"DisplayVersion"="6.6.12.2634"
"EstimatedSize"=dword:0003a2f0
"ModifyPath"=hex(2):22,00,25,00,50,00,72,00,6f,00,67,00,72,00,61,00,6d,00,46,\
  00,69,00,6c,00,65,00,73,00,25,00,5c,00,75,00,6e,00,69,00,6e,00,73,00,2e,00,\
  65,00,78,00,65,00,22,00,00,00
"Langs"=hex(7):72,00,75,00,2d,00,52,00,55,00,00,00,65,00,6e,00,2d,00,55,00,53,\
  00,00,00,00,00
"InstallTime"=hex(b):00,e0,0d,38,52,f0,d8,01
@="default value"

[HKEY_CURRENT_USER\Software\F-Lab\GBS.Market\6]
"License"=hex:7e,fc,13,b3,17,9c,1c,ce,6a,66,98,ba,0c,30,f9,43,a2,d1,b3,a9,57,\
  59,a9,cd,c2,0a
"Name with \"quotes\" and \\ slash"="x"
"Removed"=-

[-HKEY_CURRENT_USER\Software\Obsolete]

"""


def _regedit_bytes(text: str) -> bytes:
    return codecs.BOM_UTF16_LE + text.replace("\n", "\r\n").encode("utf-16-le")


UNINSTALL = (r"HKLM\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall"
             r"\{5C4A2F7E-9B1D-4E3A-A6F0-3D2B8C1E6A90}_is1")


def test_parses_regedit_v5_export() -> None:
    keys = parse_reg(_regedit_bytes(REGEDIT_EXPORT))
    values = keys[normalize_key(UNINSTALL)].values
    assert values["installlocation"] == RegValue(REG_SZ, "D:\\Магазин\\GBS Market\\")
    assert values["uninstallstring"].data == '"D:\\Магазин\\GBS Market\\unins000.exe"'
    assert values["estimatedsize"] == RegValue(REG_DWORD, 0x3A2F0)
    assert values["modifypath"] == RegValue(REG_EXPAND_SZ, '"%ProgramFiles%\\unins.exe"')
    assert values["langs"] == RegValue(REG_MULTI_SZ, ["ru-RU", "en-US"])
    assert values["installtime"].type == REG_QWORD
    assert values["installtime"].data == int.from_bytes(bytes.fromhex("00e00d3852f0d801"), "little")
    assert values[""].data == "default value"
    lic = keys[normalize_key(r"HKEY_CURRENT_USER\Software\F-Lab\GBS.Market\6")].values
    assert lic["license"].type == REG_BINARY and len(lic["license"].data) == 26
    assert lic['name with "quotes" and \\ slash'].data == "x"
    assert "removed" not in lic
    assert normalize_key(r"HKEY_CURRENT_USER\Software\Obsolete") not in keys


def test_key_lookup_is_case_insensitive_and_accepts_abbreviations() -> None:
    keys = parse_reg(_regedit_bytes(REGEDIT_EXPORT))
    assert normalize_key(r"hkcu\SOFTWARE\f-lab\gbs.market\6\\") in keys


def test_regedit4_in_cp1251() -> None:
    text = ('REGEDIT4\r\n\r\n[HKEY_CURRENT_USER\\Software\\F-Lab\\GBS.Market\\6]\r\n'
            '"LastUser"="Администратор"\r\n"Path"=hex(2):43,3a,5c,cc,e0,e3,e0,e7,e8,ed,00\r\n')
    keys = parse_reg(text.encode("cp1251"))
    values = keys[normalize_key(r"HKCU\Software\F-Lab\GBS.Market\6")].values
    assert values["lastuser"].data == "Администратор"
    assert values["path"].data == "C:\\Магазин"


def test_utf8_saved_export_without_bom() -> None:
    text = REGEDIT_EXPORT.replace("\n", "\r\n")
    keys = parse_reg(text.encode("utf-8"))
    assert keys[normalize_key(UNINSTALL)].values["displayname"].data == "GBS.Market 6"


def test_writer_round_trip_and_wrapping() -> None:
    blob = bytes(range(200))
    keys = [(r"HKEY_CURRENT_USER\Software\Тест", [
        ("Бинарное", RegValue(REG_BINARY, blob)),
        ("Строка", RegValue(REG_SZ, 'C:\\Путь "в кавычках"')),
        ("Число", RegValue(REG_DWORD, 7)),
        ("Список", RegValue(REG_MULTI_SZ, ["a", "б"])),
        ("Раскрываемая", RegValue(REG_EXPAND_SZ, "%APPDATA%\\x")),
        ("Большое", RegValue(REG_QWORD, 2**40 + 5)),
    ])]
    raw = format_reg(keys)
    assert raw.startswith(codecs.BOM_UTF16_LE)
    text = raw[2:].decode("utf-16-le")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    assert all(len(line) <= 80 for line in text.split("\r\n"))
    parsed = parse_reg(raw)[normalize_key(r"HKCU\Software\Тест")].values
    assert parsed["бинарное"].data == blob
    assert parsed["строка"].data == 'C:\\Путь "в кавычках"'
    assert parsed["число"].data == 7
    assert parsed["список"].data == ["a", "б"]
    assert parsed["раскрываемая"].data == "%APPDATA%\\x"
    assert parsed["большое"].data == 2**40 + 5


@pytest.mark.parametrize("raw", [
    b"",
    b"not a registry file",
    codecs.BOM_UTF16_LE + "[HKEY_CURRENT_USER\\x]\r\n".encode("utf-16-le"),
])
def test_rejects_files_that_are_not_exports(raw: bytes) -> None:
    with pytest.raises(RegFileError) as exc:
        parse_reg(raw)
    assert "не похож на экспорт реестра" in str(exc.value)


def test_broken_value_line_names_the_line() -> None:
    text = 'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\x]\r\n"a"=weird:1\r\n'
    with pytest.raises(RegFileError) as exc:
        parse_reg(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    assert "Строка 4" in str(exc.value)
