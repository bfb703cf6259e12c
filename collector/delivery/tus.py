"""The tus 1.0 resumable upload protocol over ``requests``: a small client of our own.

Why not tuspy: its ``request.py`` imports aiohttp even for synchronous uploads (aiohttp, yarl,
multidict, frozenlist… and tinydb for its URL storage would ride along in the frozen exe); it
retries at a fixed delay (30 s by default, 0 retries by default) and resets the count per chunk;
it sends each chunk as one ``bytes`` with no progress inside a chunk and no way to cancel one;
and it opens a new connection per chunk. The protocol needed here is five requests (OPTIONS,
POST, HEAD, PATCH, DELETE), so a client of ~300 lines on ``requests`` gives what a poor shop
connection needs: per-block progress and cancel, exponential backoff with jitter honouring
``Retry-After``, retries that start afresh whenever the upload moved forward, one kept-alive
connection, the server's limit (``Tus-Max-Size``) checked before the first byte, and resumable
state in our own JSON (``state.py``).

TLS, proxy and timeouts are the tool's one HTTP setup (``collector.http_session``): the OS trust
store plus ``ca_bundle``, the system proxy, and a total deadline without progress
(``stall_timeout_s``) that ends the retries against a server that accepts and never answers.
"""

from __future__ import annotations

import base64
import logging
import random
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

import requests

from collector.delivery.state import public_url
from collector.errors import Cancelled, CollectorError, ExitCode
from collector.http_session import (
    HttpSetup,
    Stall,
    host_of,
    make_session,
    network_reason,
    tls_reason,
)
from collector.i18n import _

log = logging.getLogger("collector.delivery")

TUS_VERSION = "1.0.0"
SEND_BLOCK = 1 << 20  # bytes handed to the socket at a time: the grain of progress and cancel
RETRY_STATUS = {408, 423, 429, 500, 502, 503, 504}


# --- errors ---------------------------------------------------------------------------------------

class DeliveryError(CollectorError):
    """Upload failed; ``retry_later`` says whether the bundle should wait in the outbox."""

    exit_code = ExitCode.DELIVERY_FAILED
    retry_later = False
    retry_after: float | None = None  # seconds, when the server said (Retry-After)


class NetworkDown(DeliveryError):
    retry_later = True


class ServerBusy(DeliveryError):
    retry_later = True


class TLSRefused(DeliveryError):
    pass


class TooLarge(DeliveryError):
    pass


class Refused(DeliveryError):
    """The server said no (4xx) and saying it again will not help."""


class OffsetConflict(DeliveryError):
    """409: the server has a different offset than we sent from; ask it again (HEAD)."""


class UploadGone(DeliveryError):
    """The server no longer has the upload (expired or removed): start it anew."""


# --- settings of the transfer ---------------------------------------------------------------------

@dataclass
class RetryPolicy:
    retries: int = 8  # attempts after the first, counted since the upload last moved forward
    base_delay: float = 1.0
    max_delay: float = 60.0

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        if retry_after is not None:
            return min(max(retry_after, 0.0), 300.0)
        d = min(self.max_delay, self.base_delay * (2 ** attempt))
        return d * random.uniform(0.5, 1.0)  # jitter: many shops must not retry in lock-step


@dataclass
class ServerInfo:
    versions: list[str] = field(default_factory=list)
    extensions: list[str] = field(default_factory=list)
    max_size: int | None = None


def _parse_retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        return None


def encode_metadata(meta: dict[str, str]) -> str:
    items = []
    for key, value in meta.items():
        if not key or any(c in key for c in " ,") or not key.isascii():
            raise ValueError(f"bad tus metadata key {key!r}")
        if value:
            items.append(f"{key} {base64.b64encode(str(value).encode('utf-8')).decode('ascii')}")
        else:
            items.append(key)
    return ",".join(items)


# --- the body of one PATCH ------------------------------------------------------------------------

class _SendCancelled(Exception):
    pass


class _FileSlice:
    """``length`` bytes of a file from ``offset``, yielded in blocks (requests streams it with a
    Content-Length, as tus requires): progress after each block, cancel between blocks. With a
    ``hasher`` (``integrity.SendHasher``) each block is checked in before it goes out, so a file
    that no longer matches its checksum is cut short before its last byte."""

    def __init__(self, path: Path, offset: int, length: int, on_sent: Callable[[int], None],
                 cancelled: Callable[[], bool], hasher=None) -> None:
        self.path, self.offset, self.length = path, offset, length
        self.on_sent, self.cancelled = on_sent, cancelled
        self.hasher = hasher

    def __len__(self) -> int:
        return self.length

    def __iter__(self) -> Iterator[bytes]:
        from collector.delivery.integrity import checked_blocks

        for block in checked_blocks(self.path, self.hasher, self.offset, self.length,
                                    SEND_BLOCK):
            if self.cancelled():
                raise _SendCancelled()
            yield block
            self.on_sent(len(block))


# --- the client -----------------------------------------------------------------------------------

class NotTusServer(Refused):
    """The address answers, but not as a tus server (501, or 404/405 to the creation POST)."""


class TusClient:
    """One tus endpoint: its requests, with retries, TLS and the token handled in one place."""

    def __init__(self, endpoint: str, token: str = "", *, setup: HttpSetup | None = None,
                 retry: RetryPolicy | None = None, cancel: threading.Event | None = None,
                 on_wait: Callable[[str, float], None] | None = None) -> None:
        if not endpoint.lower().startswith(("https://", "http://")):
            raise DeliveryError(_("Адрес сервера отправки задан неверно: {url}. Нужен адрес вида "
                                  "https://…", url=public_url(endpoint) if endpoint else "—"))
        self.endpoint = endpoint if endpoint.endswith("/") else endpoint + "/"
        self._token = token
        self.setup = setup or HttpSetup()
        self.stall = Stall(self.setup.stall_timeout)
        self.retry = retry or RetryPolicy()
        self.cancel = cancel or threading.Event()
        self.on_wait = on_wait
        self.session = make_session(self.setup)
        self.session.headers["Tus-Resumable"] = TUS_VERSION

    def close(self) -> None:
        self.session.close()

    def _headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        h = dict(extra or {})
        if self._token:
            h["Authorization"] = f"Bearer {self._token}"
        return h

    # one request, no retry: errors become DeliveryError subclasses
    def _once(self, method: str, url: str, headers: dict[str, str] | None = None,
              data: object = None) -> requests.Response:
        if self.cancel.is_set():
            raise Cancelled()
        try:
            resp = self.session.request(method, url, headers=self._headers(headers), data=data,
                                        timeout=self.setup.timeouts(self.stall),
                                        allow_redirects=False)
        except _SendCancelled as exc:
            raise Cancelled() from exc
        except requests.exceptions.SSLError as exc:
            raise TLSRefused(_(
                "Соединение с сервером поддержки отклонено: его сертификат не прошёл проверку "
                "({error}). Данные не отправлены. Проверьте дату и время на компьютере. Если "
                "в сети стоит прокси или антивирус, проверяющий HTTPS, укажите его корневой "
                "сертификат в настройке ca_bundle (или в переменной REQUESTS_CA_BUNDLE).",
                error=tls_reason(exc))) from exc
        except (requests.exceptions.ConnectionError, requests.exceptions.Timeout,
                requests.exceptions.ChunkedEncodingError) as exc:
            raise NetworkDown(_("Нет связи с сервером поддержки {host}: {error}.",
                                host=host_of(url), error=network_reason(exc, method))) from exc
        except requests.exceptions.RequestException as exc:
            raise DeliveryError(_("Ошибка при обращении к серверу поддержки {host}: {error}.",
                                  host=host_of(url), error=network_reason(exc, method))) from exc
        self.stall.moved()
        log.debug("%s %s -> %s", method, public_url(url), resp.status_code)
        return resp

    def _check(self, resp: requests.Response, ok: tuple[int, ...], *,
               creating: bool = False) -> requests.Response:
        if resp.status_code in ok:
            return resp
        code = resp.status_code
        if code == 501 or (creating and code in (404, 405)):
            raise NotTusServer(_(
                "По адресу {url} нет сервера загрузки файлов (ответ {code}): проверьте адрес "
                "отправки в настройках (upload_url). Ничего не отправлено.",
                url=public_url(self.endpoint), code=code))
        if code in RETRY_STATUS or code >= 500:
            err = ServerBusy(_("Сервер поддержки временно не принимает файлы (ответ {code}).",
                               code=code))
            err.retry_after = _parse_retry_after(resp.headers.get("Retry-After"))
            raise err
        if code in (401, 403):
            raise Refused(_("Сервер поддержки отказал в доступе (ответ {code}): ключ отправки "
                            "(upload_token в настройках) не подходит. Обратитесь к тому, кто "
                            "выдал программу, или отправьте файл по почте.", code=code))
        if code == 413:
            raise TooLarge(_("Сервер поддержки не принимает такой большой файл (ответ 413). "
                             "Соберите архив томами поменьше или без базы данных."))
        if code == 409:
            raise OffsetConflict(_("Сервер поддержки сообщил о расхождении в уже полученных "
                                   "данных (ответ 409)."))
        if code in (404, 410):
            raise UploadGone(_("Сервер больше не хранит начатую загрузку (ответ {code}).",
                               code=code))
        if 300 <= code < 400:
            raise Refused(_("Сервер поддержки перенаправляет запрос (ответ {code}): проверьте "
                            "адрес отправки в настройках (upload_url).", code=code))
        log.warning("tus %s refused: %s", code, (resp.text or "")[:500])
        raise Refused(_("Сервер поддержки отклонил запрос (ответ {code}).", code=code))

    def wait(self, seconds: float, why: str) -> None:
        if self.on_wait:
            self.on_wait(why, seconds)
        if self.cancel.wait(seconds):
            raise Cancelled()

    def retry_or_raise(self, exc: DeliveryError, attempt: int) -> None:
        """Wait before attempt ``attempt + 1``, or raise: out of attempts, or the pause would
        take the transfer past the deadline without progress."""
        delay = self.retry.delay(attempt, exc.retry_after)
        if attempt >= self.retry.retries:
            raise exc
        if not self.stall.allows(delay):
            raise stalled(exc, self.stall) from exc
        self.wait(delay, exc.message)

    def call(self, method: str, url: str, ok: tuple[int, ...],
             headers: dict[str, str] | None = None, data: object = None, *,
             creating: bool = False) -> requests.Response:
        """A request without a body worth resending, retried with backoff."""
        attempt = 0
        while True:
            try:
                return self._check(self._once(method, url, headers, data), ok,
                                   creating=creating)
            except (NetworkDown, ServerBusy) as exc:
                self.retry_or_raise(exc, attempt)
                attempt += 1

    # the protocol
    def options(self) -> ServerInfo:
        try:
            resp = self.call("OPTIONS", self.endpoint, (200, 204, 404, 405))
        except NotTusServer:
            raise
        except Refused:
            return ServerInfo()  # servers may refuse OPTIONS; the POST will tell the truth
        if resp.status_code not in (200, 204):
            return ServerInfo()
        h = resp.headers
        max_size = None
        try:
            max_size = int(h["Tus-Max-Size"]) if h.get("Tus-Max-Size") else None
        except ValueError:
            max_size = None
        return ServerInfo(
            versions=[v.strip() for v in h.get("Tus-Version", "").split(",") if v.strip()],
            extensions=[e.strip() for e in h.get("Tus-Extension", "").split(",") if e.strip()],
            max_size=max_size,
        )

    def create(self, length: int, metadata: dict[str, str]) -> str:
        resp = self.call("POST", self.endpoint, (201,), {
            "Upload-Length": str(length),
            "Upload-Metadata": encode_metadata(metadata),
            "Content-Length": "0",
        }, creating=True)
        location = resp.headers.get("Location")
        if not location:
            raise NotTusServer(_("Сервер по адресу {url} не сообщил адрес загрузки (нет заголовка "
                                 "Location): это не сервер загрузки файлов. Проверьте upload_url.",
                                 url=public_url(self.endpoint)))
        return self._secure_location(urljoin(self.endpoint, location))

    def _secure_location(self, url: str) -> str:
        """Never fall from HTTPS to plain HTTP. Servers that terminate TLS themselves sometimes
        report their own address as http:// (@tus/server does): same host and port → https.
        Another host over plain HTTP is refused."""
        ours, theirs = urlsplit(self.endpoint), urlsplit(url)
        if ours.scheme == "https" and theirs.scheme == "http":
            if theirs.netloc == ours.netloc:
                return urlunsplit(theirs._replace(scheme="https"))
            raise Refused(_("Сервер поддержки предложил отправить файл по незащищённому адресу "
                            "({url}); отправка остановлена.", url=public_url(url)))
        return url

    def head(self, url: str) -> tuple[int, int | None]:
        resp = self.call("HEAD", url, (200, 204), {"Cache-Control": "no-store"})
        try:
            offset = int(resp.headers["Upload-Offset"])
        except (KeyError, ValueError) as exc:
            raise Refused(_("Сервер поддержки не сообщил, сколько уже получено "
                            "(нет Upload-Offset).")) from exc
        length = resp.headers.get("Upload-Length")
        return offset, int(length) if length and length.isdigit() else None

    def patch(self, url: str, body: _FileSlice) -> int:
        """Send ``body`` (a slice of the file); the new offset as the server states it."""
        resp = self._check(self._once("PATCH", url, {
            "Upload-Offset": str(body.offset),
            "Content-Type": "application/offset+octet-stream",
        }, body), (200, 204))
        try:
            return int(resp.headers["Upload-Offset"])
        except (KeyError, ValueError) as exc:
            raise Refused(_("Сервер поддержки не подтвердил полученное (нет Upload-Offset)."
                            )) from exc

    def delete(self, url: str) -> None:
        self.call("DELETE", url, (204, 200, 404, 410))


def stalled(exc: DeliveryError, stall: Stall) -> NetworkDown:
    """The transfer went ``stall.limit`` seconds without progress: stop, say so, keep it for
    later."""
    minutes = max(1, round(stall.waited() / 60))
    return NetworkDown(_("{reason} Сервер не отвечает уже {minutes} мин: отправка остановлена.",
                         reason=exc.message, minutes=minutes))


# --- progress -------------------------------------------------------------------------------------

@dataclass
class Progress:
    phase: str  # "check" | "hash" | "upload" | "wait" | "done"
    sent: int  # bytes of the whole set confirmed or on their way
    total: int
    speed: float | None = None  # bytes per second over the last seconds
    eta: float | None = None  # seconds left
    part: int = 1
    parts: int = 1
    part_name: str = ""
    message: str = ""

    @property
    def fraction(self) -> float:
        return self.sent / self.total if self.total else 1.0


class Meter:
    """Speed over a sliding window (a few seconds), so the time left follows the line's mood."""

    def __init__(self, window: float = 5.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.window = window
        self.clock = clock
        self.samples: deque[tuple[float, int]] = deque()

    def reset(self) -> None:
        self.samples.clear()

    def add(self, total_sent: int) -> None:
        now = self.clock()
        self.samples.append((now, total_sent))
        while len(self.samples) > 2 and now - self.samples[0][0] > self.window:
            self.samples.popleft()

    def speed(self) -> float | None:
        if len(self.samples) < 2:
            return None
        (t0, b0), (t1, b1) = self.samples[0], self.samples[-1]
        return (b1 - b0) / (t1 - t0) if t1 > t0 else None
