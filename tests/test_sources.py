"""The source registry: a new kind of evidence is one module, and everything else follows."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from collector import sources
from collector.demo import DemoInfo
from collector.i18n import _
from collector.pipeline import Collection, CollectOptions
from collector.sources.base import Source, Step
from collector.sysroot import SystemRoot
from tests.conftest import DEMO_TODAY


class NotesSource(Source):
    """A made-up source as a new module would write it: a text file from the data folder."""

    name = "notes"
    title = _("Заметки кассира")
    group = "notes"
    group_title = _("Заметки")
    weight = 1
    time_limit = 30
    prefixes = ("notes/",)

    def plan(self, ctx):
        from collector.plan import PlanItem

        path = ctx.installation.data_path / "notes.txt"
        return [PlanItem(self.group, "notes/notes.txt", path.stat().st_size, str(path), True,
                         source_name=self.name)] if path.is_file() else []

    def collect(self, step: Step) -> None:
        step.add_file(step.installation.data_path / "notes.txt", "notes/notes.txt")
        step.known("Кассир оставил заметку")
        step.manifest("notes", {"files": len(step.report.files)})
        step.say("1 файл")

    def describe(self, files):
        return ["заметки кассира"] if files else []


@pytest.fixture
def with_notes(monkeypatch: pytest.MonkeyPatch):
    registry = list(sources.REGISTRY)
    registry.insert([s.name for s in registry].index("database"), NotesSource())
    monkeypatch.setattr(sources, "REGISTRY", registry)
    monkeypatch.setattr(sources, "_BY_NAME", {s.name: s for s in registry})


def test_the_registry_orders_the_run() -> None:
    assert sources.names() == ["installation", "gbs_id", "logs", "configs", "system",
                               "event_log", "attachments", "database_header", "firebird_log",
                               "database", "request"]
    assert [g.name for g in sources.groups()] == ["request", "logs", "configs", "system",
                                                  "attachments", "database"]
    assert all(sources.owner(s.prefixes[0]) is s for s in sources.REGISTRY if s.prefixes)


def test_a_new_source_is_one_module_and_a_line(with_notes, demo: DemoInfo,
                                               tmp_path: Path) -> None:
    data = demo.root / "ProgramData/F-Lab/GBS.Market/6"
    (data / "notes.txt").write_text("касса 2 не печатает", encoding="utf-8")
    root = SystemRoot.from_arg(demo.root)
    options = CollectOptions(problem_date=DEMO_TODAY, out_dir=tmp_path / "out",
                             include_database=False, check_updates=False)
    plan = Collection(root, options).plan()
    assert [i.arcname for i in plan.group("notes")] == ["notes/notes.txt"]
    assert "Заметки" in json.dumps(plan.to_json()["groups"], ensure_ascii=False)

    result = Collection(root, options).run()
    steps = [s["name"] for s in result.manifest["steps"]]
    assert steps.index("attachments") < steps.index("notes") < steps.index("database")
    assert result.manifest["notes"] == {"files": 1}
    assert "Кассир оставил заметку" in result.manifest["known"]
    listing = subprocess.run(["7z", "l", "-ba", "-slt", str(result.paths[0])],
                             capture_output=True, text=True, check=True).stdout
    assert "Path = notes/notes.txt" in listing
    request = subprocess.run(["7z", "x", "-so", str(result.paths[0]), "request.txt"],
                             capture_output=True, text=True, check=True).stdout
    assert "- заметки кассира" in request.split("Приложено:")[1]
    known = request.split("Что известно:\n", 1)[1].split("\n\n", 1)[0]
    assert "- Кассир оставил заметку" in known.splitlines()


def test_a_failing_source_is_named_with_its_reason_and_the_rest_is_sent(
        monkeypatch: pytest.MonkeyPatch, demo: DemoInfo, tmp_path: Path) -> None:
    class Broken(NotesSource):
        def collect(self, step: Step) -> None:
            raise OSError(5, "ошибка ввода-вывода")

    registry = [*sources.REGISTRY[:-1], Broken(), sources.REGISTRY[-1]]
    monkeypatch.setattr(sources, "REGISTRY", registry)
    monkeypatch.setattr(sources, "_BY_NAME", {s.name: s for s in registry})
    options = CollectOptions(problem_date=DEMO_TODAY, out_dir=tmp_path / "out",
                             include_database=False, check_updates=False)
    result = Collection(SystemRoot.from_arg(demo.root), options).run()
    notes = next(s for s in result.manifest["steps"] if s["name"] == "notes")
    assert notes["status"] == "failed"
    request = subprocess.run(["7z", "x", "-so", str(result.paths[0]), "request.txt"],
                             capture_output=True, text=True, check=True).stdout
    assert "Не удалось приложить:\n- Заметки кассира: " in request
