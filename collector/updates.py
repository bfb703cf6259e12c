"""Is the installed GBS.Market the latest one? Asked the way the program itself asks (GBS_MARKET.md
§9), never an error: at worst "could not check, because …".

- Always, offline too: the program's own last feed answer, ``<DataPath>\\Updates\\info.json``
  (``{"Version": …, "Md5": …}``); ``Updates\\update.zip`` beside it is an update already
  downloaded.
- Online: ``<mirror>/<hash>/updates/<channel>/`` + ``/info.json`` (the double slash is the
  program's), mirrors in order (``update_mirrors``; Ukraine: the ``.com`` one only), ``hash`` =
  lower-case MD5 of ``<CodeName>3364a3b8`` (``gbsmarket`` unless a vendor build says otherwise),
  ``channel`` from Settings.json ``Other.UpdateConfig.VersionUpdate`` (release, beta, develop),
  a short timeout (``update_check_timeout``) through the tool's one HTTP setup.
- "Update first" says how, by ``Other.UpdateConfig.UpdateType``: with AutoUpdate (the default) the
  program installs it itself at its next start; otherwise Справка → Проверить обновления.
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from collector.branding import ORIGINAL_NAME, product_name, update_hash
from collector.i18n import Text, _, join

log = logging.getLogger("collector.updates")

_VERSION = re.compile(r"\b(\d+)\.(\d+)\.(\d+)\.(\d+)\b")
CHANNELS = {0: "release", 1: "beta", 2: "develop"}
UPDATE_TYPES = {0: "NoUpdate", 1: "UpdateNotification", 2: "AutoUpdate"}


def parse_version(text: str | None) -> tuple[int, ...] | None:
    m = _VERSION.search(text or "")
    return tuple(int(x) for x in m.groups()) if m else None


def _enum(value: Any, names: dict[int, str], default: int) -> int:
    if isinstance(value, bool):
        return default
    if isinstance(value, int) and value in names:
        return value
    if isinstance(value, str):
        for k, v in names.items():
            if value.strip().lower() == v.lower():
                return k
        if value.strip().isdigit() and int(value) in names:
            return int(value)
    return default


@dataclass
class FeedParams:
    """What the program's own update check depends on, read from the installation."""

    code_name: str = "gbsmarket"
    channel: str = "release"
    update_type: int = 2  # AutoUpdate, the program's default
    country: str = ""
    local_info: Path | None = None  # <DataPath>\Updates\info.json
    local_zip: Path | None = None
    product: str = ORIGINAL_NAME  # what the program calls itself, for the advice

    @classmethod
    def of(cls, inst: Any | None) -> FeedParams:
        """From an ``installation.Installation``: its build (``branding``) and Settings.json."""
        if inst is None:
            return cls()
        from collector.configs import settings_facts

        facts = settings_facts(inst.configs_dir)
        branding = getattr(inst, "branding", None)
        return cls(code_name=branding.code_name if branding is not None else "gbsmarket",
                   channel=CHANNELS[_enum(facts.version_update, CHANNELS, 0)],
                   update_type=_enum(facts.update_type, UPDATE_TYPES, 2),
                   country=facts.country,
                   local_info=inst.data_path / "Updates" / "info.json",
                   local_zip=inst.data_path / "Updates" / "update.zip",
                   product=product_name(inst))

    def urls(self, mirrors: list[str]) -> list[str]:
        chosen = [m for m in mirrors if m]
        if self.country == "Ukraine":
            com = [m for m in chosen if (urlsplit(m).hostname or "").endswith(".com")]
            chosen = com or chosen
        h = update_hash(self.code_name)
        return [f"{m.rstrip('/')}/{h}/updates/{self.channel}//info.json" for m in chosen]


@dataclass
class UpdateStatus:
    state: str  # "current" | "outdated" | "newer" | "unknown"
    installed: str | None
    latest: str | None
    message: str
    source: str = ""  # "feed" (asked now) | "local" (the program's last answer) | ""
    channel: str = "release"
    update_type: str = "AutoUpdate"
    local_version: str | None = None  # Updates\info.json
    downloaded: bool = False  # Updates\update.zip is there for that version
    how: str = ""  # how to update, when outdated
    reason: str = ""  # why it could not be checked (or why the feed was not asked)
    feed_url: str = ""  # the mirror that answered

    def to_json(self) -> dict:
        return asdict(self)


def how_to_update(update_type: int, downloaded: bool = False,
                  product: str = ORIGINAL_NAME) -> Text:
    if update_type == 2:
        if downloaded:
            return _("обновление уже скачано программой: закройте программу {product} и "
                     "запустите снова — она установит его сама при запуске", product=product)
        return _("закройте программу {product} и запустите снова — она сама проверит и "
                 "установит обновление при запуске (автообновление включено); или в программе "
                 "{product}: Справка → Проверить обновления", product=product)
    return _("в программе {product}: Справка → Проверить обновления", product=product)


def _local_version(path: Path | None) -> tuple[str | None, str]:
    if path is None:
        return None, ""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        return None, ""
    except (OSError, ValueError) as exc:
        log.warning("Updates\\info.json unreadable: %r", exc)
        return None, ""
    v = data.get("Version") if isinstance(data, dict) else None
    parsed = parse_version(v) if isinstance(v, str) else None
    when = ""
    with contextlib.suppress(OSError):
        when = datetime.fromtimestamp(path.stat().st_mtime).strftime("%d.%m.%Y")
    return (".".join(map(str, parsed)) if parsed else None), when


def _ask_feed(urls: list[str], timeout: float,
              settings: Any | None) -> tuple[str | None, str, Text | str]:
    """(version, url that answered, why not) from the first mirror that answers."""
    import requests

    from collector.http_session import HttpSetup, http_setup, make_session, network_reason

    setup = http_setup(settings) if settings is not None else HttpSetup()
    setup.connect_timeout = setup.read_timeout = float(timeout)
    reasons: list[Text] = []
    try:
        session = make_session(setup, pool=1)
    except Exception as exc:  # an unreadable ca_bundle: the check says why, nothing more
        return None, "", getattr(exc, "message", None) or _("сбой настройки соединения")
    with session:
        for url in urls:
            host = urlsplit(url).hostname or url
            try:
                resp = session.get(url, timeout=(setup.connect_timeout, setup.read_timeout),
                                   headers={"Accept": "application/json"})
            except requests.exceptions.SSLError as exc:
                reasons.append(_("{host}: защищённое соединение не установлено", host=host))
                log.warning("update feed TLS: %r", exc)
                continue
            except requests.exceptions.RequestException as exc:
                reasons.append(_("{host}: {reason}", host=host,
                                 reason=network_reason(exc, "update feed")))
                continue
            if resp.status_code != 200:
                reasons.append(_("{host}: ответ {code}", host=host, code=resp.status_code))
                continue
            try:
                data = json.loads(resp.content[:1_000_000].decode("utf-8-sig"))
            except (ValueError, UnicodeDecodeError):
                data = None
            v = data.get("Version") if isinstance(data, dict) else None
            parsed = parse_version(v) if isinstance(v, str) else None
            if parsed is None:
                reasons.append(_("{host}: в ответе нет номера версии", host=host))
                continue
            return ".".join(map(str, parsed)), url, ""
    return None, "", join("; ", reasons)


def check_update(installed: str | None, params: FeedParams | None = None, *,
                 mirrors: list[str] | None = None, timeout: float = 4.0,
                 settings: Any | None = None, online: bool = True,
                 not_asked: Text | str = "") -> UpdateStatus:
    """The update state of ``installed`` (module docstring); ``not_asked``: why the feed is not
    asked at all (a demo installation), said in the result."""
    params = params or FeedParams()
    kind = UPDATE_TYPES.get(params.update_type, "AutoUpdate")
    local, local_when = _local_version(params.local_info)
    base = {"channel": params.channel, "update_type": kind, "local_version": local}
    mine = parse_version(installed)
    if mine is None:
        return UpdateStatus("unknown", installed, None,
                            _("Версия программы не определена — сравнить не с чем."),
                            reason=_("версия программы не определена"), **base)
    latest, source, url = None, "", ""
    why: Text | str = ""
    urls = params.urls(mirrors or []) if online else []
    asked = bool(urls)
    if urls:
        latest, url, why = _ask_feed(urls, timeout, settings)
        source = "feed" if latest else ""
    elif not online:
        why = _("проверка через интернет отключена")
    elif not_asked:
        why = not_asked
    else:
        why = _("адрес сервера обновлений не настроен")
    if latest is None and local:
        latest, source = local, "local"
    if latest is None:
        reason = join("; ", [why or _("нет ответа сервера обновлений"),
                             _("программа ещё не сохраняла ответ сервера обновлений")
                             if params.local_info is not None else ""])
        return UpdateStatus("unknown", installed, None,
                            _("Не удалось проверить обновления: {reason}.", reason=reason),
                            reason=reason, **base)
    theirs = parse_version(latest)
    assert theirs is not None
    downloaded = bool(local == latest and params.local_zip is not None
                      and params.local_zip.is_file())
    when = f" {local_when}" if local_when else ""
    if source == "feed":
        where: Text | str = ""
    elif asked:
        where = _(" (по последнему ответу сервера обновлений, сохранённому программой{when}; "
                  "сейчас сервер не ответил: {why})", when=when, why=why or "—")
    else:
        where = _(" (по последнему ответу сервера обновлений, сохранённому программой{when}; "
                  "{why})", when=when, why=why or "—")
    common = {"source": source, "downloaded": downloaded, "feed_url": url, "reason": why,
              **base}
    if mine < theirs:
        how = how_to_update(params.update_type, downloaded, params.product)
        return UpdateStatus(
            "outdated", installed, latest,
            _("Доступно обновление {latest} (установлена {installed}){where}. Поддержка просит "
              "сначала обновить программу: {how}.", latest=latest, installed=installed,
              where=where, how=how), how=how, **common)
    if mine > theirs:
        return UpdateStatus(
            "newer", installed, latest,
            _("Версия {installed} новее опубликованной ({latest}, канал {channel}){where}.",
              installed=installed, latest=latest, channel=params.channel, where=where),
            **common)
    return UpdateStatus(
        "current", installed, latest,
        _("Версия {installed} — последняя (канал {channel}){where}.", installed=installed,
          channel=params.channel, where=where), **common)


DEMO_NOT_ASKED = _("это демонстрационная установка: настоящий сервер обновлений не "
                   "спрашивается")


def check_installation(inst: Any | None, settings: Any, *, online: bool = True) -> UpdateStatus:
    """The update state of an installation with the settings' mirrors and timeout.

    A demo installation (``collector.demo``) never asks a real mirror, whatever the settings
    say: only mirrors on this PC (a test's feed) are asked, so with the shipped settings the
    answer comes from the program's own ``Updates\\info.json`` alone, and says so."""
    from collector.demo import installation_is_demo
    from collector.http_session import is_loopback_url

    mirrors = list(settings.update_mirrors)
    not_asked: Text | str = ""
    if installation_is_demo(inst):
        mirrors = [m for m in mirrors if is_loopback_url(m)]
        not_asked = DEMO_NOT_ASKED
    return check_update(getattr(inst, "version", None), FeedParams.of(inst), mirrors=mirrors,
                        timeout=float(settings.update_check_timeout), settings=settings,
                        online=online, not_asked=not_asked)
