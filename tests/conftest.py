"""Shared fixtures: demo installations (real Firebird database inside) and helpers."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from collector.demo import DemoInfo, build_demo
from tests import netguard

REPO = Path(__file__).resolve().parent.parent
TESTDATA = REPO / ".cache" / "testdata"  # real third-party files fetched by scripts/setup.sh
DEMO_TODAY = date(2026, 11, 20)


@pytest.fixture(autouse=True, scope="session")
def loopback_only(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every network address of the settings points at loopback, and any connection or name
    lookup outside it, in this process or a child Python, is refused (``tests/netguard.py``)."""
    log = tmp_path_factory.mktemp("netguard") / "children.log"
    mp = pytest.MonkeyPatch()
    for key, value in netguard.env_overrides().items():
        mp.setenv(key, value)
    mp.setenv(netguard.LOG_ENV, str(log))
    mp.setenv("PYTHONPATH", os.pathsep.join(
        filter(None, [str(netguard.SITE_DIR), os.environ.get("PYTHONPATH", "")])))
    netguard.install()
    yield log
    mp.undo()


@pytest.fixture(autouse=True)
def no_contact_outside_loopback(loopback_only: Path) -> Iterator[None]:
    """A test that tried to reach anything but loopback fails, whoever tried."""
    mine, children = len(netguard.violations), len(netguard.child_log_violations(loopback_only))
    yield
    new = netguard.violations[mine:] + netguard.child_log_violations(loopback_only)[children:]
    if new:
        pytest.fail(f"contact outside loopback: {new}")


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> DemoInfo:
    """One demo installation per session; tests that change it use ``demo`` (a copy)."""
    root = tmp_path_factory.mktemp("demo-template") / "C"
    return build_demo(root, today=DEMO_TODAY)


@pytest.fixture
def demo(demo_template: DemoInfo, tmp_path: Path) -> Iterator[DemoInfo]:
    """A private copy of the demo installation (paths with Cyrillic and spaces inside)."""
    root = tmp_path / "Диск C"
    shutil.copytree(demo_template.root, root, symlinks=True)
    info = DemoInfo(
        root=root,
        gbs_id=demo_template.gbs_id,
        version=demo_template.version,
        today=demo_template.today,
        error_days=dict(demo_template.error_days),
        database=(root / demo_template.database.relative_to(demo_template.root))
        if demo_template.database else None,
        secrets=list(demo_template.secrets),
    )
    yield info


def tree_snapshot(root: Path) -> dict[str, tuple[int, int, bytes]]:
    """Every file under root with size, mtime and content hash: to prove nothing was written."""
    import hashlib

    snap = {}
    for p in sorted(root.rglob("*")):
        if p.is_file():
            st = p.stat()
            snap[str(p.relative_to(root))] = (
                st.st_size, st.st_mtime_ns, hashlib.sha256(p.read_bytes()).digest()
            )
        elif p.is_dir():
            snap[str(p.relative_to(root)) + "/"] = (0, 0, b"")
    return snap


@pytest.fixture(scope="session")
def big_demo_template(tmp_path_factory: pytest.TempPathFactory) -> DemoInfo:
    """A demo with a ~40 MB database, built once: its backup runs long enough to be hit by a
    full disk or a kill in the middle. Tests must not change it."""
    from collector.demo_db import rows_for_size

    return build_demo(tmp_path_factory.mktemp("big-template") / "C", today=DEMO_TODAY,
                      db_params=rows_for_size(40))


@pytest.fixture
def private_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's own temp folder: other runs on the machine make work folders in /tmp too."""
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder
