"""One HTTP setup for everything the tool sends or asks over the network: the desk's intake, the
tus upload and the update feed.

- TLS is always verified, against the operating system's trust store (``truststore``: on Windows
  that includes the roots antivirus HTTPS scanning and company proxies install) plus the roots in
  the ``ca_bundle`` setting or ``REQUESTS_CA_BUNDLE``.
- Proxies come from the system (``requests`` reads the environment and, on Windows, the Internet
  Settings).
- Timeouts: a connect timeout, a read timeout per socket operation, and :class:`Stall`, the total
  time a transfer may go without progress before it gives up (``stall_timeout_s``, 2 minutes): a
  server that accepts the connection and never answers fails within it, retries included.
- Errors become Russian sentences (:func:`network_reason`); the raw text goes to the tool's log.
"""

from __future__ import annotations

import errno
import ipaddress
import logging
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter

from collector import __version__
from collector.errors import CollectorError, ExitCode
from collector.i18n import Text, _

log = logging.getLogger("collector.http")

USER_AGENT = f"GBS-Support-Collector/{__version__}"


@dataclass
class HttpSetup:
    """What every session is made of; built from the settings by :func:`http_setup`."""

    ca_files: list[str] = field(default_factory=list)
    connect_timeout: float = 15.0
    read_timeout: float = 60.0
    stall_timeout: float = 120.0  # total seconds without progress, retries included

    def timeouts(self, stall: Stall | None = None, *, read: float | None = None
                 ) -> tuple[float, float]:
        """(connect, read) for one request, never beyond what the stall deadline leaves."""
        read_t = self.read_timeout if read is None else read
        connect_t = self.connect_timeout
        if stall is not None:
            left = max(0.5, stall.left())
            read_t, connect_t = min(read_t, left), min(connect_t, left)
        return connect_t, read_t


def http_setup(settings: Any, *, read_timeout: float | None = None) -> HttpSetup:
    return HttpSetup(
        ca_files=[settings.ca_bundle] if getattr(settings, "ca_bundle", "") else [],
        connect_timeout=float(settings.connect_timeout_s),
        read_timeout=float(read_timeout if read_timeout is not None else settings.read_timeout_s),
        stall_timeout=float(settings.stall_timeout_s),
    )


class CertificateFileError(CollectorError):
    exit_code = ExitCode.DELIVERY_FAILED


def make_ssl_context(ca_files: list[str]) -> ssl.SSLContext:
    try:
        import truststore

        ctx: ssl.SSLContext = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    except ImportError:  # pragma: no cover - truststore is a dependency
        ctx = ssl.create_default_context()
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2  # as the program itself (§11)
    for f in ca_files:
        if f:
            try:
                ctx.load_verify_locations(cafile=f)
            except (OSError, ssl.SSLError) as exc:
                log.warning("CA file %s unreadable: %r", f, exc)
                raise CertificateFileError(_(
                    "Не удалось прочитать файл корневого сертификата {path}. Проверьте "
                    "настройку ca_bundle.", path=f)) from exc
    return ctx


class _TrustAdapter(HTTPAdapter):
    def __init__(self, ctx: ssl.SSLContext, pool: int) -> None:
        self._ctx = ctx
        super().__init__(pool_connections=pool, pool_maxsize=pool)

    def init_poolmanager(self, *args, **kwargs):  # type: ignore[override]
        kwargs["ssl_context"] = self._ctx
        return super().init_poolmanager(*args, **kwargs)

    def proxy_manager_for(self, proxy, **kwargs):  # type: ignore[override]
        kwargs["ssl_context"] = self._ctx
        return super().proxy_manager_for(proxy, **kwargs)


def make_session(setup: HttpSetup, *, pool: int = 2) -> requests.Session:
    """A ``requests`` session with the OS trust store (plus ``ca_files``), the system proxy
    (``trust_env``) and our User-Agent. Timeouts are given per request
    (:meth:`HttpSetup.timeouts`)."""
    session = requests.Session()
    session.mount("https://", _TrustAdapter(make_ssl_context(setup.ca_files), pool))
    session.headers["User-Agent"] = USER_AGENT
    return session


class Stall:
    """The total time without progress: :meth:`moved` whenever bytes went forward or an answer
    came; :meth:`left` is what remains of ``limit``."""

    def __init__(self, limit: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.clock = clock
        self.last = clock()

    def moved(self) -> None:
        self.last = self.clock()

    def waited(self) -> float:
        return self.clock() - self.last

    def left(self) -> float:
        return self.limit - self.waited()

    def allows(self, delay: float) -> bool:
        """Is there room for a pause of ``delay`` seconds and one more try after it?"""
        return self.left() - delay > 1.0


def host_of(url: str) -> str:
    return urlsplit(url).hostname or url


def is_loopback_url(url: str) -> bool:
    """Does ``url`` name this PC (``localhost``, ``127.x``, ``::1``)? Decided from the text
    alone: no name is looked up, so asking never reaches a DNS server."""
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return False
    if not host:
        return False
    if host.lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


# --- errors in Russian ----------------------------------------------------------------------------

_NO_DNS = _("адрес сервера не найден (нет интернета или DNS)")
_REFUSED = _("сервер отказал в подключении")
_RESET = _("соединение сброшено")
_TIMEOUT = _("сервер не ответил вовремя")
_CLOSED = _("сервер закрыл соединение, не ответив")

_ERRNO_TEXT = {
    errno.ECONNREFUSED: _REFUSED,
    errno.ECONNRESET: _RESET,
    errno.ECONNABORTED: _("соединение прервано"),
    errno.ENETUNREACH: _("сеть недоступна"),
    errno.EHOSTUNREACH: _("сервер недоступен"),
    errno.ETIMEDOUT: _TIMEOUT,
    errno.EPIPE: _("соединение закрыто сервером"),
}
# Texts that stand for the same thing when only a message is left (Windows error texts, urllib3).
_TEXT_MARKS = (
    ("name or service not known", _NO_DNS),
    ("nodename nor servname", _NO_DNS),
    ("getaddrinfo failed", _NO_DNS),
    ("temporary failure in name resolution", _NO_DNS),
    ("failed to resolve", _NO_DNS),
    ("no address associated", _NO_DNS),
    ("connection refused", _REFUSED),
    ("actively refused", _REFUSED),
    ("connection reset", _RESET),
    ("forcibly closed", _RESET),
    ("remote end closed", _CLOSED),
    ("remotedisconnected", _CLOSED),
    ("broken pipe", _("соединение закрыто сервером")),
    ("network is unreachable", _("сеть недоступна")),
    ("no route to host", _("сервер недоступен")),
    ("timed out", _TIMEOUT),
    ("connection aborted", _("соединение прервано")),
)


def _reason_text(exc: BaseException) -> Text:
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return _("сервер не ответил на подключение")
    if isinstance(exc, requests.exceptions.ReadTimeout | socket.timeout | TimeoutError):
        return _TIMEOUT
    if isinstance(exc, requests.exceptions.ChunkedEncodingError):
        return _("ответ сервера оборвался")
    if isinstance(exc, requests.exceptions.ProxyError):
        return _("прокси-сервер не отвечает или не пропускает соединение")
    if isinstance(exc, socket.gaierror):
        return _NO_DNS
    seen: set[int] = set()
    e: BaseException | None = exc
    while e is not None and id(e) not in seen:  # the OS error is somewhere down the chain
        seen.add(id(e))
        if isinstance(e, socket.gaierror):
            return _NO_DNS
        if isinstance(e, OSError) and e.errno in _ERRNO_TEXT:
            return _ERRNO_TEXT[e.errno]
        nxt = e.__cause__ or e.__context__
        if nxt is None and e.args and isinstance(e.args[0], BaseException):
            nxt = e.args[0]
        e = nxt
    text = f"{type(exc).__name__} {exc}".lower()
    for mark, ru in _TEXT_MARKS:
        if mark in text:
            return ru
    return _("сбой соединения")


def network_reason(exc: BaseException, what: str = "") -> Text:
    """A short Russian reason for a network failure (``сервер не ответил вовремя``); the raw
    text goes to the tool's log, never into the message."""
    log.warning("network error%s: %s: %s", f" ({what})" if what else "", type(exc).__name__, exc)
    return _reason_text(exc)


_SSL_MARKS = (
    ("certificate has expired", _("срок действия сертификата истёк")),
    ("hostname mismatch", _("сертификат выдан другому адресу")),
    ("doesn't match", _("сертификат выдан другому адресу")),
    ("self-signed", _("самоподписанный сертификат")),
    ("self signed", _("самоподписанный сертификат")),
    ("unable to get local issuer", _("неизвестный центр сертификации")),
    ("certificate_verify_failed", _("сертификат не заверен доверенным центром")),
    ("certificate verify failed", _("сертификат не заверен доверенным центром")),
)


def tls_reason(exc: BaseException) -> Text:
    log.warning("TLS error: %s: %s", type(exc).__name__, exc)
    text = str(exc).lower()
    for mark, ru in _SSL_MARKS:
        if mark in text:
            return ru
    return _("защищённое соединение не установлено")
