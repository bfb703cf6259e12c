"""Is the installed GBS.Market the latest published one? Never an error: at worst "unknown"."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass

from collector.i18n import _

_VERSION = re.compile(r"\b(\d+)\.(\d+)\.(\d+)\.(\d+)\b")


@dataclass
class UpdateStatus:
    state: str  # "current" | "outdated" | "newer" | "unknown"
    installed: str | None
    latest: str | None
    message: str

    def to_json(self) -> dict:
        return asdict(self)


def parse_version(text: str) -> tuple[int, ...] | None:
    m = _VERSION.search(text or "")
    return tuple(int(x) for x in m.groups()) if m else None


def latest_from_response(body: str, major: int | None) -> str | None:
    """JSON ``{"version": …}`` (or ``latest``), else the highest version of ``major`` in the text.

    Accepting any page keeps the check useful if the vendor only publishes release notes.
    """
    try:
        data = json.loads(body)
    except ValueError:
        data = None
    if isinstance(data, dict):
        for key in ("version", "latest", "Version", "latest_version"):
            if isinstance(data.get(key), str) and parse_version(data[key]):
                return ".".join(map(str, parse_version(data[key]) or ()))
    versions = [tuple(int(x) for x in m.groups()) for m in _VERSION.finditer(body)]
    if major is not None:
        versions = [v for v in versions if v[0] == major]
    return ".".join(map(str, max(versions))) if versions else None


def check_latest(installed: str | None, url: str, timeout: float = 4.0) -> UpdateStatus:
    if not installed or not parse_version(installed):
        return UpdateStatus(
            "unknown", installed, None, _("Версия программы не определена — сравнить не с чем.")
        )
    if not url:
        return UpdateStatus(
            "unknown", installed, None,
            _("Не удалось проверить обновления: адрес проверки не настроен."),
        )
    mine = parse_version(installed)
    assert mine is not None
    import requests  # here: a command that never checks starts without it

    try:
        # requests takes the proxy from the environment and, on Windows, the system settings.
        resp = requests.get(url, timeout=timeout, headers={"Accept": "application/json, text/*"})
        resp.raise_for_status()
        latest = latest_from_response(resp.text[:2_000_000], mine[0])
    except requests.RequestException as exc:
        return UpdateStatus(
            "unknown", installed, None,
            _("Не удалось проверить обновления (нет связи с сервером: {error}).",
              error=type(exc).__name__),
        )
    if latest is None:
        return UpdateStatus(
            "unknown", installed, None,
            _("Не удалось проверить обновления: сервер не сообщил номер версии."),
        )
    theirs = parse_version(latest)
    assert theirs is not None
    if mine < theirs:
        return UpdateStatus(
            "outdated", installed, latest,
            _("Версия {installed} устарела, последняя — {latest}. Поддержка просит сначала "
              "обновить программу по инструкции на gbsmarket.ru.",
              installed=installed, latest=latest),
        )
    if mine > theirs:
        return UpdateStatus(
            "newer", installed, latest,
            _("Версия {installed} новее опубликованной ({latest}).",
              installed=installed, latest=latest),
        )
    return UpdateStatus(
        "current", installed, latest, _("Версия {installed} актуальна.", installed=installed)
    )
