"""The review page's view of the engine's plan (``Collection.plan()``, ``collector/plan.py``).

The engine says what will go into the bundle, with sizes, time per part and the free-space check.
The page shows every item — also those the user unticked — so it asks the engine twice: once
with nothing excluded (the list) and once with the user's exclusions (the estimates, exactly as
the collection will see them). How each item can be *read* before it is collected is its
source's ``preview`` (``collector/sources``): the request text as it will be written, a config
file as it will be sent (secrets already masked), a log from disk, ``system.json`` as a fresh
snapshot.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

REQUIRED = ("request.txt", "request.json")  # the request itself always goes


@dataclass
class PlanInput:
    """A snapshot of the state (taken in the GUI thread, used in a worker)."""

    root: Any
    detection: Any
    options: Any  # collector.pipeline.CollectOptions as the collection will get them
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
    from collector.pipeline import Collection

    options = dataclasses.replace(inp.options, exclude=set(exclude))
    return Collection(inp.root, options, detection=inp.detection).plan()


def estimate(inp: PlanInput):
    """The engine's plan for exactly these options: sizes, time, free space, problems."""
    return _plan(inp, set(inp.options.exclude))


def build_review(inp: PlanInput) -> Review:
    from collector import sources

    full = _plan(inp, set())
    est = _plan(inp, set(inp.options.exclude)) if inp.options.exclude else full
    ctx = sources.PreviewContext(inp.root, inp.options, inp.request_text, inp.gbs_id,
                                 list(inp.screens or []))
    items = []
    for it in full.items:
        source = sources.get(it.source_name) if it.source_name else sources.owner(it.arcname)
        reader = source.preview(it, ctx) if source is not None else None
        items.append(ReviewItem(it, it.arcname in REQUIRED, reader))
    return Review(items, est)
