"""The frozen exe: built from ``collector.spec`` by ``scripts/build-exe`` and run as a user runs it.

PyInstaller builds for the host, so on Linux this is the Linux binary of the same spec, entry
script and trimming rules as the Windows exe: a missing hidden import, data file or library fails
here, not on a shop PC. The build takes a minute; it runs once per session and is kept in
``.cache/packaging/<hash of sources and installed packages>`` so reruns reuse it
(``GBS_PACKAGING_REBUILD=1`` forces a fresh one; a clean checkout always builds).

Sizes and cold-start times are printed at the end of the session (``packaging:`` lines).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import json
import os
import re
import shutil
import statistics
import struct
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import ClassVar

import pytest

from collector import __version__
from collector.branding import update_hash as feed_hash
from collector.cli import COMMANDS
from collector.demo import DEMO_VERSION, DemoInfo
from tests import netguard
from tests.conftest import DEMO_TODAY, REPO, tree_snapshot


def _load(name: str) -> ModuleType:
    """A module of packaging/ (not a package: the spec puts the folder on sys.path)."""
    spec = importlib.util.spec_from_file_location(f"gbs_packaging_{name}",
                                                  REPO / "packaging" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


bs = _load("build_support")
entry = _load("entry")

CACHE = REPO / ".cache" / "packaging"
EXE = bs.EXE_NAME + (".exe" if sys.platform == "win32" else "")
SPEC_NAME = "collector"  # PyInstaller's work folder is named after the spec


# --- the build ---------------------------------------------------------------------------------

@dataclass
class Build:
    exe: Path
    work: Path
    build_seconds: float | None  # None: reused from the cache
    report: dict
    measures: dict = field(default_factory=dict)

    def run(self, *args: object, env: dict[str, str], exe: Path | None = None,
            timeout: float = 300, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(exe or self.exe), *map(str, args)], capture_output=True,
                              text=True, encoding="utf-8", env=env, timeout=timeout, cwd=cwd)


def source_hash() -> str:
    """Everything the build reads: our files, the installed packages, the interpreter."""
    files = [REPO / "collector.spec", REPO / "pyproject.toml", REPO / "scripts" / "build-exe"]
    for folder in ("collector", "ui", "packaging"):
        if (REPO / folder).is_dir():
            files += [p for p in (REPO / folder).rglob("*")
                      if p.is_file() and "__pycache__" not in p.parts]
    h = hashlib.sha256()
    for path in sorted(files):
        h.update(path.relative_to(REPO).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    dists = sorted(f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions())
    h.update("\n".join([sys.version, sys.platform, *dists]).encode())
    return h.hexdigest()[:16]


def _build(target: Path) -> float:
    tmp = target.with_name(f"{target.name}.part-{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    args = ["--distpath", str(tmp / "dist"), "--workpath", str(tmp / "build")]
    if sys.platform == "win32":
        cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "collector.spec", *args]
    else:
        cmd = [str(REPO / "scripts" / "build-exe"), *args]
    started = time.perf_counter()
    proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=1800,
                          env={**os.environ, "PYTHON": sys.executable})
    seconds = time.perf_counter() - started
    (tmp / "build.log").write_text(proc.stdout + proc.stderr, encoding="utf-8")
    if proc.returncode != 0:
        pytest.fail(f"scripts/build-exe failed ({proc.returncode}):\n{proc.stderr[-4000:]}")
    shutil.rmtree(target, ignore_errors=True)
    tmp.rename(target)
    return seconds


def _prune(keep: Path, how_many: int = 2) -> None:
    """Old builds go; the newest few stay for switching branches back and forth."""
    others = sorted((p for p in CACHE.iterdir() if p.is_dir() and p != keep),
                    key=lambda p: p.stat().st_mtime, reverse=True)
    for old in others[how_many - 1:]:
        shutil.rmtree(old, ignore_errors=True)


@pytest.fixture(scope="session")
def build(request: pytest.FixtureRequest) -> Build:
    target = CACHE / source_hash()
    seconds = None
    if os.environ.get("GBS_PACKAGING_REBUILD") or not (target / "dist" / EXE).is_file():
        seconds = _build(target)
        _prune(target)
    work = target / "build" / SPEC_NAME
    result = Build(target / "dist" / EXE, work, seconds,
                   json.loads((work / "trim-report.json").read_text(encoding="utf-8")))
    yield result
    _print_measures(request, result)


def _print_measures(request: pytest.FixtureRequest, b: Build) -> None:
    r = b.report
    lines = [
        f"exe {b.exe.stat().st_size / 2**20:.1f} MiB ({b.exe.name})",
        f"build {b.build_seconds:.0f} s" if b.build_seconds else "build reused from .cache",
        "trimmed {:.1f} MiB of binaries and {:.1f} MiB of data (uncompressed)".format(
            (r["binaries_before"] - r["binaries_after"]) / 2**20,
            (r["datas_before"] - r["datas_after"]) / 2**20),
        *(f"{k}: {v}" for k, v in b.measures.items()),
    ]
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is not None and capture is not None:
        with capture.global_and_fixture_disabled():
            reporter.write_line("")
            for line in lines:
                reporter.write_line(f"packaging: {line}")
    (b.work.parent.parent / "measures.json").write_text(json.dumps(lines, ensure_ascii=False),
                                                        encoding="utf-8")


@pytest.fixture
def user_env(tmp_path: Path) -> dict[str, str]:
    """A user of their own: home, temp folder and data dir under tmp_path; none of our settings."""
    home, temp = tmp_path / "home", tmp_path / "temp"
    home.mkdir()
    temp.mkdir()
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("GBS_COLLECTOR_", "XDG_", "QT_", "LD_LIBRARY_PATH"))}
    env.update(HOME=str(home), USERPROFILE=str(home), TMPDIR=str(temp), TEMP=str(temp),
               TMP=str(temp), NO_PROXY="127.0.0.1,localhost", no_proxy="127.0.0.1,localhost")
    # The exe carries the desk's real addresses: every one of them points at loopback here.
    env.update(netguard.env_overrides())
    return env


def bundle_toc(exe: Path) -> dict[str, tuple]:
    from PyInstaller.archive.readers import CArchiveReader

    return CArchiveReader(str(exe)).toc


# --- the exe runs ------------------------------------------------------------------------------

def test_version_and_cold_start(build: Build, user_env: dict[str, str]) -> None:
    times = []
    for _ in range(3):
        started = time.perf_counter()
        proc = build.run("--version", env=user_env)
        times.append(time.perf_counter() - started)
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.strip() == f"collector {__version__}"
    build.measures["cold start --version"] = (
        f"median {statistics.median(times):.2f} s of {', '.join(f'{t:.2f}' for t in times)}")


def test_help_lists_every_subcommand(build: Build, user_env: dict[str, str]) -> None:
    """``--help`` imports every module of ``COMMANDS``: a missing hidden import fails here."""
    proc = build.run("--help", env=user_env)
    assert proc.returncode == 0, proc.stderr
    assert "КОМАНДА" in proc.stdout
    for name in COMMANDS:
        sub = build.run(name, "--help", env=user_env)
        assert sub.returncode == 0, (name, sub.stderr)
        assert sub.stdout.startswith(f"usage: collector {name}"), (name, sub.stdout)


def test_demo_then_detect_finds_the_exact_version(
    build: Build, user_env: dict[str, str], tmp_path: Path
) -> None:
    root = tmp_path / "Диск C"  # Cyrillic and a space, as on real PCs
    made = build.run("demo", "--root", root, "--today", DEMO_TODAY.isoformat(), "--json",
                     env=user_env)
    assert made.returncode == 0, made.stderr
    info = json.loads(made.stdout)
    assert info["version"] == DEMO_VERSION
    database = Path(info["database"])
    assert database.stat().st_size > 100_000  # a real Firebird database, made by the frozen exe
    before = tree_snapshot(root)

    frozen = build.run("detect", "--root", root, "--json", "--offline", env=user_env)
    assert frozen.returncode == 0, frozen.stderr
    found = json.loads(frozen.stdout)
    assert found["installation"]["version"] == DEMO_VERSION == "6.6.12.2634"
    assert found["installation"]["database"]["exists"] is True

    source = subprocess.run(
        [sys.executable, "-m", "collector", "detect", "--root", str(root), "--json", "--offline"],
        capture_output=True, text=True, encoding="utf-8", env=user_env, cwd=REPO, timeout=300)
    assert source.returncode == 0, source.stderr
    assert found == json.loads(source.stdout)  # the exe sees exactly what the source sees
    assert tree_snapshot(root) == before  # and wrote nothing into the installation

    human = build.run("detect", "--root", root, "--offline", env=user_env)
    assert human.returncode == 0
    assert f"Версия:           {DEMO_VERSION}" in human.stderr


@pytest.mark.skipif("collect" not in COMMANDS,
                    reason="the collect subcommand is not in this build yet (collector.cli)")
def test_collect_on_the_demo_makes_a_bundle_7zip_accepts(
    build: Build, user_env: dict[str, str], demo: DemoInfo, tmp_path: Path
) -> None:
    before = tree_snapshot(demo.root)
    args = ["collect", "--date", DEMO_TODAY.isoformat(), "--root", str(demo.root), "--json"]
    frozen = build.run(*args, "--out", tmp_path / "frozen", env=user_env, timeout=900)
    source = subprocess.run(
        [sys.executable, "-m", "collector", *args, "--out", str(tmp_path / "source")],
        capture_output=True, text=True, encoding="utf-8", env=user_env, cwd=REPO, timeout=900)
    assert frozen.returncode in (0, 4), frozen.stderr
    assert frozen.returncode == source.returncode, (frozen.stderr, source.stderr)
    got, want = json.loads(frozen.stdout), json.loads(source.stdout)

    def steps(d: dict) -> list[tuple[str, str]]:
        return [(s["name"], s["status"]) for s in d["manifest"]["steps"]]

    assert steps(got) == steps(want)  # a step failing only in the exe is a packaging bug
    assert sorted(f["path"] for f in got["manifest"]["files"]) == \
        sorted(f["path"] for f in want["manifest"]["files"])
    first = Path(got["bundle"][0])
    test = subprocess.run(["7z", "t", str(first)], capture_output=True, text=True, timeout=600)
    assert test.returncode == 0, test.stdout + test.stderr
    assert "Everything is Ok" in test.stdout
    if "verify" in COMMANDS:
        checked = build.run("verify", first, env=user_env, timeout=600)
        assert checked.returncode == 0, checked.stderr
    assert tree_snapshot(demo.root) == before


def test_gui_cold_start_to_a_shown_window(
    build: Build, user_env: dict[str, str], demo: DemoInfo
) -> None:
    env = {**user_env, "QT_QPA_PLATFORM": "offscreen", entry.EXIT_AFTER_SHOW_ENV: "1"}
    started = time.perf_counter()
    proc = subprocess.Popen([str(build.exe), "--root", str(demo.root)], env=env, text=True,
                            encoding="utf-8", stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    shown, seen = None, []
    assert proc.stderr is not None
    for line in proc.stderr:
        seen.append(line)
        if line.startswith(entry.SHOWN_MARK):
            shown = json.loads(line[len(entry.SHOWN_MARK):])
            elapsed = time.perf_counter() - started
            break
    proc.wait(timeout=60)
    assert shown is not None, "".join(seen)
    assert proc.returncode == 0
    assert shown["platform"] == "offscreen"
    assert shown["width"] > 0 and shown["height"] > 0
    build.measures["cold start GUI to first paint (offscreen)"] = (
        f"{elapsed:.2f} s ({shown['class']} «{shown['title']}»)")


FEED_PATH = f"/{feed_hash('gbsmarket')}/updates/release//info.json"


class _Latest(BaseHTTPRequestHandler):
    versions: ClassVar[dict[str, str]] = {f"/beside{FEED_PATH}": "6.6.13.1",
                                          f"/env{FEED_PATH}": DEMO_VERSION}
    asked: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.asked.append(self.path)
        body = json.dumps({"Version": self.versions.get(self.path, "")}).encode()
        self.send_response(200 if self.path in self.versions else 404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_settings_file_beside_the_exe(
    build: Build, user_env: dict[str, str], demo_template: DemoInfo, tmp_path: Path
) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Latest)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}"
    env = {k: v for k, v in user_env.items() if k != "GBS_COLLECTOR_UPDATE_MIRRORS"}
    try:
        portable = tmp_path / "Загрузки"
        portable.mkdir()
        exe = Path(shutil.copy2(build.exe, portable / EXE))

        def update(env: dict[str, str], *extra: str) -> dict:
            proc = build.run("detect", "--root", demo_template.root, "--json", *extra, exe=exe,
                             env=env)
            assert proc.returncode == 0, proc.stderr
            return json.loads(proc.stdout)["update"]

        # Alone: the settings built into the exe (packaging/collector_settings.json) name the
        # program's real mirrors; offline, only the program's own last answer counts.
        built_in = json.loads((REPO / "packaging" / bs.SETTINGS_FILE).read_text("utf-8"))
        assert built_in["update_mirrors"] and built_in["intake_url"].startswith("https://")
        offline = update(env, "--offline")
        assert (offline["state"], offline["source"]) == ("current", "local")
        # A file beside the exe is what a deployment edits: it wins over the built-in copy.
        (portable / bs.SETTINGS_FILE).write_text(
            json.dumps({"update_mirrors": [f"{url}/beside"]}), encoding="utf-8")
        beside = update(env)
        assert (beside["state"], beside["latest"]) == ("outdated", "6.6.13.1")
        # GBS_COLLECTOR_SETTINGS still overrides both.
        other = tmp_path / "override.json"
        other.write_text(json.dumps({"update_mirrors": [f"{url}/env"]}), encoding="utf-8")
        overridden = update({**env, "GBS_COLLECTOR_SETTINGS": str(other)})
        assert overridden["state"] == "current"
        assert _Latest.asked[-2:] == [f"/beside{FEED_PATH}", f"/env{FEED_PATH}"]
    finally:
        server.shutdown()
        server.server_close()


def test_exe_leaves_nothing_behind_in_the_users_folders(
    build: Build, user_env: dict[str, str], demo_template: DemoInfo, tmp_path: Path
) -> None:
    """One-file exes unpack into the user's temp folder: it must be empty again afterwards, and
    a detect writes nowhere else (home, the current folder, the installation)."""
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    before = tree_snapshot(demo_template.root)
    for args in (["--version"], ["detect", "--root", demo_template.root, "--offline"]):
        proc = build.run(*args, env=user_env, cwd=cwd)
        assert proc.returncode == 0, proc.stderr
    for folder in (user_env["TMPDIR"], user_env["HOME"], cwd):
        assert list(Path(folder).rglob("*")) == [], folder
    assert tree_snapshot(demo_template.root) == before


# --- what is inside ----------------------------------------------------------------------------

def test_bundle_holds_what_the_app_needs_and_not_what_was_trimmed(build: Build) -> None:
    from PyInstaller.archive.readers import CArchiveReader

    reader = CArchiveReader(str(build.exe))
    names = {n.replace("\\", "/") for n in reader.toc}
    assert bs.SETTINGS_FILE in names
    assert {"packaging/icon.png", "packaging/icon.ico"} <= names
    modules = set(reader.open_embedded_archive("PYZ.pyz").toc)
    assert {f"collector.commands.{n}" for n in COMMANDS} <= modules
    for unwanted in ("cryptography", "brotli", "tkinter", "PySide6.QtNetwork", "PySide6.QtQml"):
        assert not any(m == unwanted or m.startswith(unwanted + ".") for m in modules), unwanted
    assert not any(re.search(r"(^|/)(lib)?fbclient", n) for n in names)  # Linux: the system's
    # made by the build itself from the .ts in git: English works in an exe from a clone
    assert "ui/translations/gbs_collector_en.qm" in names
    for path in sorted((REPO / "ui").rglob("*.qm")):
        assert path.relative_to(REPO).as_posix() in names
    qt_qm = {n.rsplit("/", 1)[1] for n in names if "/translations/" in n
             and n.startswith("PySide6/")}
    assert "qtbase_ru.qm" in qt_qm
    assert qt_qm <= {"qt_ru.qm", "qt_en.qm", "qtbase_ru.qm", "qtbase_en.qm"}
    plugins = {n for n in names if "/plugins/" in n and n.startswith("PySide6/")}
    assert any("/platforms/" in p and "offscreen" in p for p in plugins)
    assert all(bs.plugin_kept(p) for p in plugins), sorted(plugins)
    assert build.report["trimmed"] is True
    build.measures["bundle (uncompressed)"] = (
        f"{sum(v[2] for v in reader.toc.values()) / 2**20:.1f} MiB in {len(names)} entries")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ldd: Linux builds")
def test_every_bundled_library_finds_its_dependencies(build: Build, tmp_path: Path) -> None:
    """Trimming must not take away a library something kept still links to (Qt plugins are
    loaded late, so a run would not notice)."""
    from PyInstaller.archive.readers import CArchiveReader

    reader = CArchiveReader(str(build.exe))
    root = tmp_path / "bundle"
    binaries = []
    for name, (*_, typecode) in reader.toc.items():
        path = root / name
        if typecode == "b":
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(reader.extract(name))
            binaries.append(path)
        elif typecode == "n":
            path.parent.mkdir(parents=True, exist_ok=True)
            path.symlink_to(reader.extract(name).rstrip(b"\0").decode())
    missing = {}
    env = {**os.environ, "LD_LIBRARY_PATH": str(root)}  # as the bootloader sets it
    for path in binaries:
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env).stdout
        lost = re.findall(r"^\s*(\S+) => not found", out, re.M)
        if lost:
            missing[str(path.relative_to(root))] = lost
    assert missing == {}


# --- the parts, without a build ----------------------------------------------------------------

@pytest.mark.parametrize(("argv", "cli"), [
    ([], False),
    (["--root", "D:/копия диска"], False),
    (["скриншот.png"], False),
    (["--version"], True),
    (["--help"], True),
    (["-v", "detect"], True),
    *[([name, "--help"], True) for name in COMMANDS],
])
def test_entry_chooses_command_line_or_gui(argv: list[str], cli: bool) -> None:
    assert entry.is_cli(argv) is cli


def test_version_resource_reads_back_as_windows_would(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The VSVersionInfo text PyInstaller gets, compiled to the binary resource PyInstaller
    writes, put into a PE and read with our own reader of Explorer's "Details" tab."""
    import PyInstaller.compat

    from collector import demo_exe
    from collector.winsys.fileversion import read_file_version

    monkeypatch.setattr(PyInstaller.compat, "win32api", None, raising=False)  # Windows-only API
    from PyInstaller.utils.win32 import versioninfo

    class WindowsStruct:  # PyInstaller packs a native "L": 4 bytes on Windows, 8 on Linux
        @staticmethod
        def pack(fmt: str, *values: int) -> bytes:
            return struct.pack("<" + fmt, *values)

        @staticmethod
        def unpack(fmt: str, data: bytes) -> tuple:
            return struct.unpack("<" + fmt, data)

    monkeypatch.setattr(versioninfo, "struct", WindowsStruct)

    text_file = bs.write_version_file(tmp_path / "version_info.txt", "2.13.4rc1")
    raw = versioninfo.load_version_info_from_text_file(str(text_file)).toRaw()
    monkeypatch.setattr(demo_exe, "version_info_blob", lambda *a, **k: bytes(raw))
    exe = tmp_path / "GBS-Support-Collector.exe"
    demo_exe.write_exe(exe, version="9.9.9.9")
    info = read_file_version(exe)
    assert info is not None
    assert info.fixed_product_version == info.fixed_file_version == "2.13.4.0"
    assert info.strings["ProductVersion"] == "2.13.4rc1"
    assert info.strings["FileDescription"] == "Обращение в поддержку GBS.Market"
    assert info.strings["OriginalFilename"] == f"{bs.EXE_NAME}.exe"
    # And the default: the package's own version.
    assert f"StringStruct('ProductVersion', '{__version__}')" in bs.version_info_text()


@pytest.mark.parametrize(("version", "numbers"), [
    ("0.1.0", (0, 1, 0, 0)), ("6.6.12.2634", (6, 6, 12, 2634)), ("1.2.dev3", (1, 2, 0, 0)),
    ("2.0+local.7", (2, 0, 0, 0)),
])
def test_version_numbers(version: str, numbers: tuple[int, ...]) -> None:
    assert bs.version_tuple(version) == numbers


@pytest.mark.parametrize("bad", ["", "v1", "1.70000"])
def test_version_numbers_refuse_what_windows_cannot_hold(bad: str) -> None:
    with pytest.raises(ValueError):
        bs.version_tuple(bad)


def test_trimming_drops_plugins_and_what_only_they_needed() -> None:
    links = {
        "/s/QtWidgets.so": ["libQt6Widgets.so.6", "libQt6Core.so.6"],
        "/s/libQt6Widgets.so.6": ["libQt6Core.so.6"],
        "/s/libQt6Core.so.6": [],
        "/s/libqxcb.so": ["libQt6XcbQpa.so.6"],
        "/s/libQt6XcbQpa.so.6": ["libQt6Core.so.6"],
        "/s/libqpdf.so": ["libQt6Pdf.so.6", "libQt6Core.so.6"],
        "/s/libQt6Pdf.so.6": ["libQt6Core.so.6"],
        "/s/libqtiff.so": ["libtiff.so.6"],
        "/s/libtiff.so.6": [],
        "/s/qtiff.dll": [],
        "/s/opengl32sw.dll": [],
        "/s/libfbclient.so.2": [],  # loaded with ctypes: nothing links to it
    }
    toc = [
        ("PySide6/QtWidgets.abi3.so", "/s/QtWidgets.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", "/s/libQt6Widgets.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/s/libQt6Core.so.6", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/s/libqxcb.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "/s/libQt6XcbQpa.so.6", "BINARY"),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", "/s/libqpdf.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6Pdf.so.6", "/s/libQt6Pdf.so.6", "BINARY"),
        ("PySide6/Qt/plugins/imageformats/libqtiff.so", "/s/libqtiff.so", "BINARY"),
        ("libtiff.so.6", "/s/libtiff.so.6", "BINARY"),
        ("PySide6\\plugins\\imageformats\\qtiff.dll", "/s/qtiff.dll", "BINARY"),
        ("PySide6\\opengl32sw.dll", "/s/opengl32sw.dll", "BINARY"),
        ("libfbclient.so.2", "/s/libfbclient.so.2", "BINARY"),
    ]
    kept, dropped = bs.trim_binaries(toc, imports_of=lambda src: links[src])
    assert {e[1] for e in dropped} == {
        "/s/libqpdf.so", "/s/libQt6Pdf.so.6", "/s/libqtiff.so", "/s/libtiff.so.6",
        "/s/qtiff.dll", "/s/opengl32sw.dll"}
    assert len(kept) + len(dropped) == len(toc)
    (binaries,), links_dropped = bs.drop_dangling_symlinks(
        [*kept, ("libQt6Pdf.so.6", "PySide6/Qt/lib/libQt6Pdf.so.6", "SYMLINK"),
         ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK")])
    assert [e[0] for e in links_dropped] == ["libQt6Pdf.so.6"]
    assert ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK") in binaries


@pytest.mark.parametrize(("dest", "kept"), [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/plugins/platforms/qwindows.dll", True),
    ("PySide6/plugins/platforms/qdirect2d.dll", False),
    ("PySide6/plugins/styles/qmodernwindowsstyle.dll", True),
    ("PySide6/plugins/imageformats/qico.dll", True),
    ("PySide6/plugins/imageformats/qwebp.dll", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/plugins/tls/qschannelbackend.dll", False),
    ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", False),
    ("PySide6/Qt/lib/libQt6Core.so.6", None),
    ("ui/plugins/x/notes.txt", None),
])
def test_plugin_rules(dest: str, kept: bool | None) -> None:
    assert bs.plugin_kept(dest) is kept


def test_only_russian_and_english_qt_translations_stay() -> None:
    datas = [(f"PySide6/Qt/translations/{n}", f"/t/{n}", "DATA") for n in (
        "qtbase_ru.qm", "qtbase_en.qm", "qt_ru.qm", "qtbase_de.qm", "qtbase_zh_CN.qm",
        "qtdeclarative_ru.qm", "qt_help_ru.qm")]
    datas.append(("ui/translations/app_en.qm", "/t/app_en.qm", "DATA"))
    kept, _dropped = bs.trim_datas(datas)
    assert sorted(e[0].rsplit("/", 1)[1] for e in kept) == [
        "app_en.qm", "qt_ru.qm", "qtbase_en.qm", "qtbase_ru.qm"]


def test_firebird_kit_is_taken_for_windows_builds_only(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    kit = tmp_path / "firebird"
    (kit / "plugins").mkdir(parents=True)
    for name in ("fbclient.dll", "msvcp140.dll", "firebird.msg", "plugins/chacha.dll"):
        (kit / name).write_bytes(b"MZ")
    monkeypatch.setattr(bs, "FIREBIRD_KIT", kit)
    assert bs.firebird_files("linux") == []
    got = sorted((Path(src).name, dest) for src, dest in bs.firebird_files("win32"))
    assert got == [("chacha.dll", "firebird/plugins"), ("fbclient.dll", "firebird"),
                   ("firebird.msg", "firebird"), ("msvcp140.dll", "firebird")]
    (kit / "fbclient.dll").unlink()
    with pytest.raises(SystemExit, match=r"fbclient\.dll"):
        bs.firebird_files("win32")


def test_icon_is_what_the_script_draws(tmp_path: Path) -> None:
    from PIL import Image, ImageChops

    make_icon = _load("make_icon")
    png, ico = make_icon.write(tmp_path)
    shipped_png = Image.open(REPO / "packaging" / "icon.png")
    assert shipped_png.size == (256, 256)
    diff = ImageChops.difference(shipped_png.convert("RGBA"), Image.open(png).convert("RGBA"))
    assert max(hi for _lo, hi in diff.getextrema()) <= 8  # same drawing (Pillow may round)
    sizes = Image.open(REPO / "packaging" / "icon.ico").info["sizes"]
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(sizes)
    assert sizes == Image.open(ico).info["sizes"]


def test_installer_script_matches_the_build() -> None:
    iss = (REPO / "packaging" / "installer.iss").read_text(encoding="utf-8-sig")
    assert re.search(r"^PrivilegesRequired=lowest\s*$", iss, re.M)  # no administrator
    assert f'#define ExeName "{bs.EXE_NAME}.exe"' in iss
    assert '#define ShortcutName "Обращение в поддержку GBS.Market"' in iss
    assert re.search(r'^Name: "\{autoprograms\}\\\{#ShortcutName\}"', iss, re.M)
    assert re.search(r'^Name: "russian";.*Russian\.isl"$', iss, re.M)
    assert re.search(r'^Name: "english";.*Default\.isl"$', iss, re.M)
    sources = re.findall(r'^Source: "([^"]+)"', iss, re.M)
    assert sources == ["{#ExeDir}\\*",  # the folder build (/DOneDir) has the settings inside
                       "{#ExeDir}\\{#ExeName}", f"{{#ExeDir}}\\{bs.SETTINGS_FILE}"]
    icon = re.search(r"^SetupIconFile=(.+)$", iss, re.M)
    assert icon and (REPO / "packaging" / icon.group(1).strip()).is_file()
