"""The program's version as the program itself knows it (GBS_MARKET.md §6).

- The version is the ProductVersion string of Market.exe read as .NET's ``Version`` reads it: two
  to four numbers (the program falls back to ``6.0`` when that fails). Support asks for the
  four-part form ("У меня версия 6.3.0.1693"), and request.txt always writes that.
- Cross-checks: the AssemblyVersion (what NLog writes in the log headers) and the newest
  ``Application ver.:`` header; equal in 6.6.12.2634, not guaranteed.
- What the program *shows* (splash, About): ``6.6.12.2634 (x64)``, ``(x86)`` by the bitness of its
  process; with Country = Ukraine ``<market.exe creation date, yyyy.MM.dd>.<4th part> (x64)``.
  trace.log's ``Запуск программы. <shown version>`` line records it exactly; without one it is
  worked out from the exe.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from collector.i18n import _

_DOTNET_VERSION = re.compile(r"\s*(\d+)\.(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*")
SHOWN = re.compile(r"^(\S+) \((x64|x86)\)")
FALLBACK = "6.0"


def dotnet_version(text: str | None) -> str | None:
    """``text`` as ``new Version(text)`` accepts it (2–4 numbers), normalised; else None."""
    m = _DOTNET_VERSION.fullmatch(text or "")
    if not m:
        return None
    return ".".join(str(int(p)) for p in m.groups() if p is not None)


def four_part(version: str | None) -> str | None:
    """The four-part form support asks for: ``6.6`` → ``6.6.0.0``."""
    v = dotnet_version(version)
    if v is None:
        return None
    parts = v.split(".")
    return ".".join(parts + ["0"] * (4 - len(parts)))


@dataclass
class VersionFacts:
    version: str | None  # four parts, from ProductVersion (or the log header, the registry)
    source: str | None  # exe | log_header | registry
    product_version_text: str | None  # ProductVersion as written in the exe
    assembly_version: str | None
    header_version: str | None  # the newest "Application ver.:" of the logs
    bitness: str | None  # x64 | x86, as the program's last start wrote it or the exe says
    shown: str | None  # what the splash and About show: "6.6.12.2634 (x64)", "2024.03.15.2634 …"
    shown_source: str | None  # trace_log | exe
    problems: list[str] = field(default_factory=list)  # Russian

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["problems"] = [str(p) for p in self.problems]
        return data


def exe_bitness(path: Path) -> str | None:
    """x64 or x86 as a process of this exe runs on 64-bit Windows: a PE32+ image is x64; a .NET
    PE32 is x64 unless its CLR header asks for 32 bits (32BITREQUIRED or 32BITPREFERRED)."""
    import pefile

    from collector.winsys.fileversion import close_pe

    try:
        pe = pefile.PE(str(path), fast_load=True)
    except (pefile.PEFormatError, OSError):
        return None
    try:
        if pe.OPTIONAL_HEADER.Magic == 0x20B:
            return "x64"
        pe.parse_data_directories(
            directories=[pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_COM_DESCRIPTOR"]])
        clr = getattr(pe, "DIRECTORY_ENTRY_COM_DESCRIPTOR", None)
        if clr is None:
            return "x86"
        flags = clr.struct.Flags
        return "x86" if flags & 0x2 or flags & 0x20000 else "x64"
    finally:
        close_pe(pe)


def shown_version(version: str, bitness: str, *, ukraine: bool,
                  created: datetime | None) -> str:
    """What the program shows for ``version`` (ApplicationInfo.AppVersion)."""
    if ukraine and created is not None:
        revision = (four_part(version) or "0.0.0.0").split(".")[3]
        return f"{created:%Y.%m.%d}.{revision} ({bitness})"
    return f"{dotnet_version(version) or FALLBACK} ({bitness})"


def version_facts(*, exe_version: str | None, product_text: str | None,
                  assembly_version: str | None, header_version: str | None,
                  started_line: str | None, exe_bits: str | None, ukraine: bool,
                  exe_created: datetime | None, fallback: tuple[str, str] | None = None,
                  product: str = "GBS.Market") -> VersionFacts:
    """Put the sources together. ``started_line``: what follows ``Запуск программы.`` in the
    newest trace.log; ``fallback``: (version, source) when the exe gave none."""
    problems: list[str] = []
    version, source = (four_part(exe_version), "exe") if exe_version else (None, None)
    if product_text and dotnet_version(product_text) is None:
        problems.append(_("Версия в свойствах {name} записана как «{text}»: {product} такую не "
                          "разбирает и считает себя версией {fallback}.", name="Market.exe",
                          text=product_text, product=product, fallback=FALLBACK))
    if version is None and fallback is not None:
        version, source = four_part(fallback[0]), fallback[1]
    for other, what in ((assembly_version, _("сборки (AssemblyVersion)")),
                        (header_version, _("в заголовке журнала"))):
        if version and other and four_part(other) != version:
            problems.append(_("Версия {what} {other} отличается от версии программы {version}.",
                              what=what, other=other, version=version))
    shown = shown_source = None
    bitness = exe_bits
    if started_line:
        m = SHOWN.match(started_line.split(" | ", 1)[0].strip())
        if m:
            shown, shown_source, bitness = m.group(0), "trace_log", m.group(2)
    if shown is None and version and bitness:
        shown = shown_version(version, bitness, ukraine=ukraine, created=exe_created)
        shown_source = "exe"
    return VersionFacts(version, source, product_text, assembly_version, header_version,
                        bitness, shown, shown_source, problems)
