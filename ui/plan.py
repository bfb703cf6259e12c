"""The review page's view of the engine's plan (``Collection.plan()``, ``collector/plan.py``).

The engine says what will go into the bundle, with sizes, time per part and the free-space check.
The page shows every item — also those the user unticked — so it asks the engine twice: once
with nothing excluded (the list) and once with the user's exclusions (the estimates, exactly as
the collection will see them). This module only adds how each item can be *read* before it is
collected: the request text as it will be written, a config file after ``redact_config`` (as it
will be sent: secrets already ``***``), a log or a user's text file from disk, ``system.json``
from ``sysinfo.snapshot``.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REQUIRED = ("request.txt", "request.json")  # the request itself always goes
PREVIEW_BYTES = 2 * 2**20


@dataclass
class PlanInput:
    """A snapshot of the state (taken in the GUI thread, used in a worker)."""

    root: Any
    detection: Any
    options: Any  # collector.steps.CollectOptions as the collection will get them
    request_text: str
    gbs_id: str | None
    screens: list


@dataclass
class ReviewItem:
    item: Any  # collector.plan.PlanItem
    required: bool = False
    reader: Callable[[], str] | None = field(default=None, repr=False)

    @property
    def arcname(self) -> str:
        return self.item.arcname

    @property
    def group(self) -> str:
        return self.item.group


@dataclass
class Review:
    items: list[ReviewItem]
    estimate: Any  # collector.plan.Plan for the collection as chosen


def _plan(inp: PlanInput, exclude: set[str]):
    from collector.steps import Collection

    options = dataclasses.replace(inp.options, exclude=set(exclude))
    return Collection(inp.root, options, detection=inp.detection).plan()


def estimate(inp: PlanInput):
    """The engine's plan for exactly these options: sizes, time, free space, problems."""
    return _plan(inp, set(inp.options.exclude))


def build_review(inp: PlanInput) -> Review:
    full = _plan(inp, set())
    est = _plan(inp, set(inp.options.exclude)) if inp.options.exclude else full
    keep = frozenset(filter(None, [(inp.gbs_id or "")[2:]]))
    items = []
    for it in full.items:
        items.append(ReviewItem(it, it.arcname in REQUIRED, _reader(it, inp, keep)))
    return Review(items, est)


def _reader(it, inp: PlanInput, keep: frozenset[str]) -> Callable[[], str] | None:
    name = it.arcname
    if name == "request.txt":
        text = inp.request_text
        return lambda: text
    if name == "request.json":
        data = json.dumps(inp.options.form or {}, ensure_ascii=False, indent=2)
        return lambda: data
    if name == "gbs_id.txt":
        value = inp.gbs_id or ""
        return (lambda: value) if value else None
    if name == "system.json":
        root, screens = inp.root, inp.screens
        return lambda: _system_json(root, screens)
    if it.group == "configs" and it.source:
        src = Path(it.source)
        return lambda: _redacted(src, keep)
    if it.text and it.source:
        src = Path(it.source)
        return lambda: _read_text(src)
    return None


def _read_text(path: Path) -> str:
    from collector.logs import decode_head
    from collector.winsys.sharedfile import read_head

    raw = read_head(path, PREVIEW_BYTES + 1)
    return decode_head(raw[:PREVIEW_BYTES]) + ("\n…" if len(raw) > PREVIEW_BYTES else "")


def _redacted(path: Path, keep: frozenset[str]) -> str:
    from collector.logs import decode_head
    from collector.redact import redact_config

    return decode_head(redact_config(path.read_bytes(), keep=keep).data)


def _system_json(root: Any, screens: list) -> str:
    from collector import sysinfo

    return json.dumps(sysinfo.snapshot(root, screens=screens), ensure_ascii=False, indent=2,
                      default=str)
