"""What ``collector.spec`` puts into the exe and what it leaves out, as plain functions.

Kept out of the spec so the rules can be read, tested and reused by ``scripts/build-exe`` and
``tests/test_packaging.py``. Nothing here imports PyInstaller at module level.

Trimming Qt. PyInstaller's Qt hooks collect every plugin of every plugin type a Qt module may use
and every translation. The GUI is plain widgets, so :func:`trim_binaries` drops plugin types and
plugins it never loads (SQL drivers, QML tooling, Wayland/EGL back-ends, the GTK theme, TLS and
network information, PDF/TIFF/WebP images, the virtual keyboard) and Windows' 20 MB software
OpenGL renderer, then drops every library that only those plugins needed: a library stays iff a
kept binary links to it (checked on the real files, so the rule holds on Windows and Linux
alike). :func:`trim_datas` keeps Qt's own translations for Russian and English only.
"""

from __future__ import annotations

import re
import string
import sys
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

REPO = Path(__file__).resolve().parent.parent
PACKAGING = REPO / "packaging"
EXE_NAME = "GBS-Support-Collector"
SETTINGS_FILE = "collector_settings.json"
ICON_ICO = PACKAGING / "icon.ico"
ICON_PNG = PACKAGING / "icon.png"
VERSION_TEMPLATE = PACKAGING / "version_info.template"
# fbclient.dll and friends for the Windows build (see README, "Building the Windows exe").
FIREBIRD_KIT = PACKAGING / "windows" / "firebird"
FIREBIRD_DEST = "firebird"

# Python packages the app never imports at run time but that analysis may reach through optional
# imports of its dependencies (sizes measured on the Linux build).
EXCLUDES = [
    "tkinter", "_tkinter", "turtle", "turtledemo", "idlelib",  # Tk: not our toolkit
    "pydoc", "pydoc_data", "doctest", "lib2to3", "distutils", "ensurepip", "venv",
    "setuptools", "pkg_resources", "pip", "wheel",  # build tooling
    "pytest", "_pytest", "pytestqt", "py", "pluggy", "iniconfig", "trustme",  # tests
    "IPython", "numpy", "matplotlib", "PyQt5", "PyQt6", "PySide2",
    # requests reaches pyOpenSSL/cryptography (14 MB) only where Python has no ssl module.
    "cryptography", "OpenSSL", "urllib3.contrib.pyopenssl",
    # Brotli (5 MB): optional content-encoding for urllib3/aiohttp, an optional 7z codec for
    # py7zr; the app neither asks servers for it nor writes such archives.
    "brotli", "brotlicffi", "_brotli",
    "PIL.ImageTk", "PIL.ImageQt", "PIL._avif", "PIL.AvifImagePlugin",  # AVIF codecs: ~5 MB
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtQuickControls2",
    "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.Qt3DCore",
    "PySide6.QtMultimedia", "PySide6.QtPdf", "PySide6.QtSql", "PySide6.QtTest",
    "PySide6.QtDesigner", "PySide6.QtHelp", "PySide6.QtUiTools", "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    # Uploads go through requests; Qt's own network stack (and its TLS plugins) is not used.
    "PySide6.QtNetwork", "PySide6.QtDBus",
]

# Plugin type → plugins kept (by base name: no "lib" prefix, no extension); None keeps all of the
# type. Types not listed are dropped whole.
KEEP_PLUGINS: dict[str, set[str] | None] = {
    # qwindows: Windows; qxcb: X11 (the lab); qoffscreen: CI and headless runs; qcocoa: macOS.
    "platforms": {"qwindows", "qxcb", "qoffscreen", "qcocoa"},
    "styles": None,  # qmodernwindowsstyle: the native Windows 10/11 look
    "iconengines": None,  # SVG icons
    "imageformats": {"qico", "qjpeg", "qgif", "qsvg"},  # PNG and BMP are built into QtGui
    "platforminputcontexts": {"composeplatforminputcontextplugin",
                              "ibusplatforminputcontextplugin"},  # Linux input methods
    "xcbglintegrations": {"qxcb-glx-integration"},
}
# Qt libraries never wanted, even if something links them.
DROP_LIBRARIES = re.compile(
    r"^(lib)?(opengl32sw|d3dcompiler_\d+|Qt6(Pdf|Qml|Quick|VirtualKeyboard|Wayland|WlShell|EglFs"
    r"|Designer|Help|Labs|Lottie|Test|UiTools|Sql)\w*)\.(dll|so(\.\d+)*|dylib)$",
    re.IGNORECASE,
)
QT_TRANSLATION = re.compile(r"^(qt|qtbase)_(\w+)\.qm$")
KEEP_LANGUAGES = {"ru", "en"}

TocEntry = tuple[str, str, str]  # PyInstaller's (destination name, source path, type code)


# --- what goes in ------------------------------------------------------------------------------

def cli_hidden_imports() -> list[str]:
    """Every subcommand module: ``cli.py`` imports them by name, which analysis cannot follow."""
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from collector.cli import COMMANDS

    missing = [n for n in COMMANDS if not (REPO / "collector" / "commands" / f"{n}.py").is_file()]
    if missing:
        raise SystemExit(f"collector.cli.COMMANDS names modules that do not exist: {missing}")
    return [f"collector.commands.{name}" for name in COMMANDS]


def package_modules() -> list[str]:
    """Every module of our own packages, for whatever they import by name at run time."""
    from PyInstaller.utils.hooks import collect_submodules

    packages = ["collector", "ui"]
    return [m for p in packages for m in collect_submodules(p)]


def compile_translations() -> None:
    """The .qm files are build products, not kept in git: a fresh clone's exe needs them made
    here (the frozen app has no lrelease to make them on first run)."""
    translations = REPO / "ui" / "translations"
    if not translations.is_dir():
        return
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import update_translations
    finally:
        sys.path.pop(0)
    for ts in sorted(translations.glob("*.ts")):
        update_translations.release(ts)


def data_files(platform: str = sys.platform) -> list[tuple[str, str]]:
    """(source, destination folder) pairs, destinations mirroring the source tree so code that
    finds its files relative to ``__file__`` works frozen as well."""
    out: list[tuple[str, str]] = []
    ui = REPO / "ui"
    compile_translations()
    if ui.is_dir():  # translations (ui/translations/*.qm), icons, images the GUI ships
        for path in sorted(ui.rglob("*")):
            if (path.is_file() and path.suffix not in (".py", ".pyc", ".ts")
                    and "__pycache__" not in path.parts):
                out.append((str(path), str(path.parent.relative_to(REPO))))
    for icon in (ICON_PNG, ICON_ICO):
        if icon.is_file():
            out.append((str(icon), "packaging"))
    # The settings the exe was built with; used when no collector_settings.json is beside the exe.
    out.append((str(PACKAGING / SETTINGS_FILE), "."))
    out += firebird_files(platform)
    return out


def firebird_files(platform: str = sys.platform) -> list[tuple[str, str]]:
    """The Firebird client kit placed in ``packaging/windows/firebird/`` (Windows builds only).

    Copied as data into ``<bundle>/firebird/`` with its sub-folders, so fbclient.dll finds its
    own msvcp140/vcruntime140, firebird.msg and plugins beside it; ``rthook_firebird.py`` points
    firebird-driver there. On Linux the system's libfbclient2 is used.
    """
    if not platform.startswith("win") or not FIREBIRD_KIT.is_dir():
        return []
    files = [p for p in sorted(FIREBIRD_KIT.rglob("*")) if p.is_file()]
    if not any(p.name.lower() == "fbclient.dll" for p in files):
        raise SystemExit(f"{FIREBIRD_KIT} has no fbclient.dll: see README, 'Building the Windows "
                         f"exe'")
    return [(str(p), str(PurePosixPath(FIREBIRD_DEST, *p.parent.relative_to(FIREBIRD_KIT).parts)))
            for p in files if p.name.lower() != "readme.txt"]


# --- what stays out ----------------------------------------------------------------------------

def _base(name: str) -> str:
    stem = PurePosixPath(name).name
    stem = re.sub(r"\.(dll|so(\.\d+)*|dylib)$", "", stem, flags=re.IGNORECASE)
    return stem[3:] if stem.startswith("lib") else stem


def plugin_kept(dest: str) -> bool | None:
    """True/False for a Qt plugin (``…/plugins/<type>/<file>``), None for anything else."""
    parts = PurePosixPath(_posix(dest)).parts
    if "plugins" not in parts:
        return None
    i = len(parts) - 1 - parts[::-1].index("plugins")
    if i == 0 or parts[i - 1] not in ("Qt", "PySide6") or len(parts) != i + 3:
        return None
    kind, name = parts[i + 1], _base(parts[i + 2])
    if kind not in KEEP_PLUGINS:
        return False
    allowed = KEEP_PLUGINS[kind]
    return allowed is None or name in allowed


def trim_binaries(
    binaries: Iterable[TocEntry],
    imports_of: Callable[[str], Iterable[str]] | None = None,
) -> tuple[list[TocEntry], list[TocEntry]]:
    """(kept, dropped). ``imports_of(source path)`` → names of the libraries it links to."""
    entries = list(binaries)
    imports_of = imports_of or _linked_names
    by_name: dict[str, list[TocEntry]] = {}
    for e in entries:
        by_name.setdefault(PurePosixPath(_posix(e[0])).name.lower(), []).append(e)
    links = {e: {n.lower() for n in imports_of(e[1])} for e in entries}
    linked = set().union(*links.values()) if links else set()

    def unwanted(e: TocEntry) -> bool:
        return plugin_kept(e[0]) is False or bool(
            DROP_LIBRARIES.match(PurePosixPath(_posix(e[0])).name))

    # Roots: what the program loads itself (extension modules, plugins, ctypes libraries: nothing
    # in the bundle links to them). Everything else is kept only if a kept binary links to it.
    roots = [e for e in entries
             if not unwanted(e)
             and PurePosixPath(_posix(e[0])).name.lower() not in linked]
    kept: set[TocEntry] = set()
    todo = list(roots)
    while todo:
        e = todo.pop()
        if e in kept:
            continue
        kept.add(e)
        for name in links[e]:
            todo += [d for d in by_name.get(name, []) if not unwanted(d)]
    return ([e for e in entries if e in kept], [e for e in entries if e not in kept])


def _linked_names(path: str) -> list[str]:
    from PyInstaller.depend.bindepend import get_imports

    try:
        return [PurePosixPath(_posix(name)).name for name, _full in get_imports(path)]
    except Exception:  # not a binary PyInstaller can read: it links to nothing we ship
        return []


def trim_datas(datas: Iterable[TocEntry]) -> tuple[list[TocEntry], list[TocEntry]]:
    """Qt's own translations: Russian and English only (``qtbase_ru.qm`` translates the standard
    buttons and dialogs; the other catalogs are for modules the app does not ship)."""
    kept, dropped = [], []
    for e in datas:
        path = PurePosixPath(_posix(e[0]))
        if "translations" in path.parts and path.parts[0] == "PySide6" and path.suffix == ".qm":
            m = QT_TRANSLATION.match(path.name)
            keep = bool(m) and m.group(2).split("_")[0] in KEEP_LANGUAGES
            (kept if keep else dropped).append(e)
        elif plugin_kept(e[0]) is False:  # plugin metadata shipped as data (e.g. QML tooling)
            dropped.append(e)
        else:
            kept.append(e)
    return kept, dropped


def drop_dangling_symlinks(
    *tocs: list[TocEntry],
) -> tuple[list[list[TocEntry]], list[TocEntry]]:
    """PyInstaller records links to libraries (``libQt6Gui.so.6`` → ``PySide6/Qt/lib/…``) as
    ``SYMLINK`` entries; those whose target was trimmed go too."""
    present = {_normalise(_posix(e[0])) for toc in tocs for e in toc if e[2] != "SYMLINK"}
    out, dropped = [], []
    for toc in tocs:
        kept = []
        for e in toc:
            if e[2] == "SYMLINK":
                target = _normalise(f"{PurePosixPath(_posix(e[0])).parent}/{_posix(e[1])}")
                if target not in present:
                    dropped.append(e)
                    continue
            kept.append(e)
        out.append(kept)
    return out, dropped


def _posix(name: str) -> str:
    return name.replace("\\", "/")


def _normalise(path: str) -> str:
    parts: list[str] = []
    for p in PurePosixPath(path).parts:
        if p == "..":
            if parts:
                parts.pop()
        elif p != ".":
            parts.append(p)
    return "/".join(parts)


def size_of(entries: Iterable[TocEntry]) -> int:
    return sum(Path(e[1]).stat().st_size for e in entries
               if e[2] != "SYMLINK" and Path(e[1]).is_file())


# --- the Windows version resource --------------------------------------------------------------

VERSION_STRINGS = {
    "CompanyName": "GBS.Market support",
    "FileDescription": "Обращение в поддержку GBS.Market",
    "InternalName": EXE_NAME,
    "LegalCopyright": "GBS Support Collector",
    "OriginalFilename": f"{EXE_NAME}.exe",
    "ProductName": "GBS Support Collector",
}


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """``"0.1.0"`` → ``(0, 1, 0, 0)``; suffixes (``rc1``, ``.dev3``, ``+local``) are left out."""
    m = re.match(r"^(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.(\d+))?", version)
    if not m:
        raise ValueError(f"not a version: {version!r}")
    numbers = tuple(int(x or 0) for x in m.groups())
    if any(n > 0xFFFF for n in numbers):
        raise ValueError(f"version parts must be below 65536: {version!r}")
    return numbers  # type: ignore[return-value]


def version_info_text(version: str | None = None) -> str:
    """PyInstaller's ``VSVersionInfo`` text for ``collector.__version__``, from the template."""
    if version is None:
        if str(REPO) not in sys.path:
            sys.path.insert(0, str(REPO))
        from collector import __version__ as version
    numbers = version_tuple(version)

    def quoted(s: str) -> str:
        return repr(str(s))

    fields = {"filevers": repr(numbers), "prodvers": repr(numbers),
              "file_version": quoted(version), "product_version": quoted(version)}
    fields.update({k: quoted(v) for k, v in VERSION_STRINGS.items()})
    return string.Template(VERSION_TEMPLATE.read_text(encoding="utf-8")).substitute(fields)


def write_version_file(path: Path, version: str | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(version_info_text(version), encoding="utf-8")
    return path


if __name__ == "__main__":  # python packaging/build_support.py OUT.txt
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "build/version_info.txt")
    print(write_version_file(out))
