"""The version resource of a Windows executable (what Explorer shows under Properties → Details).

Read with pefile on every platform, so the same code runs on Windows and in the lab.
"""

from __future__ import annotations

import mmap
import re
from dataclasses import dataclass, field
from pathlib import Path

import pefile

from collector.i18n import _

_VERSION_PREFIX = re.compile(r"\d+(?:\.\d+){0,3}")


class VersionReadError(Exception):
    pass


@dataclass
class FileVersion:
    product_version: str | None  # normalised: digits and dots, e.g. "6.6.12.2634"
    product_version_text: str | None  # the string as written, e.g. "6.6.12.2634 (x64)"
    file_version: str | None
    fixed_product_version: str | None  # from VS_FIXEDFILEINFO, always four parts
    fixed_file_version: str | None
    strings: dict[str, str] = field(default_factory=dict)

    @property
    def product_name(self) -> str | None:
        return self.strings.get("ProductName")

    @property
    def company(self) -> str | None:
        return self.strings.get("CompanyName")

    @property
    def version(self) -> str | None:
        """The exact four-part version support asks for.

        The ProductVersion string wins when it holds four numbers (it is what "About" shows);
        otherwise the fixed binary ProductVersion, which is always four parts.
        """
        text = self.product_version
        if text and text.count(".") == 3:
            return text
        return self.fixed_product_version or text or self.fixed_file_version


def close_pe(pe: pefile.PE) -> None:
    """Unmap the file. Not ``pe.close()``: pefile ends it with ``gc.collect()``, and a full
    collection in one of the GUI's worker threads finalises Qt objects off the GUI thread — the
    window crashed that way (a segfault) while finding the installation."""
    data = getattr(pe, "__data__", None)
    if isinstance(data, mmap.mmap):
        data.close()


def read_file_version(path: Path) -> FileVersion | None:
    """``None`` when the file is a PE without a version resource; raises when it is no PE."""
    try:
        pe = pefile.PE(str(path), fast_load=True)
    except pefile.PEFormatError as exc:
        raise VersionReadError(
            _("{name} не является программой Windows ({detail})", name=path.name, detail=exc)
        ) from exc
    except OSError as exc:
        raise VersionReadError(
            _("Не удалось открыть {name}: {error}", name=path.name, error=exc.strerror or exc)
        ) from exc
    try:
        pe.parse_data_directories(
            directories=[pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_RESOURCE"]]
        )
        strings: dict[str, str] = {}
        for info_list in getattr(pe, "FileInfo", None) or []:
            for info in info_list:
                if getattr(info, "Key", b"") != b"StringFileInfo":
                    continue
                for table in info.StringTable:
                    for key, value in table.entries.items():
                        strings.setdefault(_text(key), _text(value).strip("\0 "))
        fixed = getattr(pe, "VS_FIXEDFILEINFO", None)
        fixed_product = fixed_file = None
        if fixed:
            f = fixed[0]
            fixed_product = _four(f.ProductVersionMS, f.ProductVersionLS)
            fixed_file = _four(f.FileVersionMS, f.FileVersionLS)
        if not strings and not fixed:
            return None
        product_text = strings.get("ProductVersion")
        file_text = strings.get("FileVersion")
        return FileVersion(
            product_version=_numeric(product_text),
            product_version_text=product_text,
            file_version=_numeric(file_text),
            fixed_product_version=fixed_product,
            fixed_file_version=fixed_file,
            strings=strings,
        )
    finally:
        close_pe(pe)


def _text(value: bytes | str) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else value


def _four(ms: int, ls: int) -> str:
    return f"{ms >> 16}.{ms & 0xFFFF}.{ls >> 16}.{ls & 0xFFFF}"


def _numeric(text: str | None) -> str | None:
    if not text:
        return None
    # Some toolchains write "6, 6, 12, 2634"; .NET may append "+commit" or " (x64)".
    m = _VERSION_PREFIX.search(text.replace(", ", ".").replace(",", "."))
    return m.group(0) if m else None
