"""The desk's intake: one POST makes one task at the desk and answers with its number.

The contract is the one GBS.Market's own «send data to support» form uses (GBS_MARKET.md §11):
``multipart/form-data`` with the text parts ``message`` and ``email`` (``text/plain;
charset=utf-8``) and one file part ``file`` (a file name, no Content-Type); a 2xx reply is JSON
with an integer ``task``. ``message`` is HTML: the request text escaped, line breaks as
``<br/>``, then the labelled lines the program's form adds (e-mail, program mode, GBS.ID,
version), so the desk gets the shape it knows.

The intake has no idempotency key, so a request must never be sent twice by itself:
- a failure before the body's last byte was handed to the connection cannot have made a task
  (the server never had a whole request): retried with backoff, within the deadline without
  progress;
- a timeout or a dropped connection after that, a 504 from a gateway, or a 2xx without a task
  number *may* have made one: :class:`MaybeDelivered`, never repeated automatically;
- 408, 429 and other 5xx are retried; 413 is :class:`IntakeTooLarge` (the big-bundle path);
  other 4xx and redirects are refused without a retry.

The body is streamed from the file in 1 MiB blocks (progress and cancel between them) and every
block is checked in by ``integrity.SendHasher`` before it goes out.
"""

from __future__ import annotations

import html
import json
import logging
import secrets
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import requests
from urllib3.fields import RequestField

from collector.delivery.integrity import SendHasher, checked_blocks, tampered
from collector.delivery.state import public_url
from collector.delivery.tus import (
    DeliveryError,
    NetworkDown,
    Refused,
    RetryPolicy,
    ServerBusy,
    TLSRefused,
    TooLarge,
    _parse_retry_after,
    stalled,
)
from collector.errors import Cancelled
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

SEND_BLOCK = 1 << 20
TEXT_TYPE = "text/plain; charset=utf-8"
RETRY_STATUS = {408, 429}
MAYBE_STATUS = {504}  # a gateway gave up waiting for the desk: the task may exist


class IntakeTooLarge(TooLarge):
    """413 from the intake (or the bundle is over ``intake_max_mb``)."""


class MaybeDelivered(DeliveryError):
    """The whole request reached the connection and then the answer did not come: the desk may
    have made the task. Never repeated automatically."""

    retry_later = False

    def __init__(self, message: str, attempt_at: str) -> None:
        super().__init__(message)
        self.attempt_at = attempt_at


# --- the message ---------------------------------------------------------------------------------

@dataclass
class IntakeMessage:
    """What goes into the ``message`` and ``email`` parts."""

    request_text: str
    email: str = ""
    mode: str = ""  # Shop | Cafe | Home | None
    gbs_id: str = ""  # 6:<ID>
    version: str = ""
    notes: list[tuple[str, str]] = field(default_factory=list)  # (label, text) after the rest

    def html(self) -> str:
        """The request text escaped with ``<br/>`` line breaks, then the program's labelled
        lines, then ours. Labels are the desk's Russian ones whatever the tool's language."""
        text = self.request_text.replace("\r\n", "\n").strip("\n")
        out = html.escape(text, quote=False).replace("\n", "<br/>")
        out += f"<br/><br/><b>Электронная почта:</b> {html.escape(self.email, quote=False)}"
        out += f"<br/><b>Режим работы программы:</b> {html.escape(self.mode or 'None')}"
        out += f"<br/><b>GBS.ID:</b> {html.escape(self.gbs_id, quote=False)}"
        out += f"<br/><b>Версия программы:</b> {html.escape(self.version, quote=False)}"
        for label, value in self.notes:
            out += f"<br/><b>{html.escape(label)}:</b> {html.escape(value, quote=False)}"
        return out


def mode_name(value: object) -> str:
    """``ModeProgram`` (a number, or already a name) as the form writes it."""
    from collector.configs import MODE_PROGRAM

    if isinstance(value, str) and value in MODE_PROGRAM.values():
        return value
    try:
        return MODE_PROGRAM.get(int(value), "None")  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return "None"


# --- the body ------------------------------------------------------------------------------------

class _SendCancelled(Exception):
    pass


def _part_head(boundary: str, name: str, *, filename: str | None = None,
               content_type: str | None = None) -> bytes:
    field_ = RequestField(name=name, data=b"", filename=filename)
    field_.make_multipart(content_type=content_type)
    return f"--{boundary}\r\n".encode() + field_.render_headers().encode("utf-8")


class MultipartBody:
    """The request body, streamed: the text parts, the file (the bundle's parts joined, as the
    volumes are byte splits of one archive), the closing boundary. ``complete`` turns true only
    once the last byte has been handed to the connection."""

    def __init__(self, texts: list[tuple[str, str]], file_name: str | None,
                 paths: list[Path], expected: dict[str, str], *,
                 on_sent: Callable[[int], None], cancelled: Callable[[], bool]) -> None:
        self.boundary = "gbs-collector-" + secrets.token_hex(16)
        head = b""
        for name, value in texts:
            head += _part_head(self.boundary, name, content_type=TEXT_TYPE)
            head += value.encode("utf-8") + b"\r\n"
        if file_name is not None:
            head += _part_head(self.boundary, "file", filename=file_name)
            self.tail = f"\r\n--{self.boundary}--\r\n".encode()
        else:
            self.tail = f"--{self.boundary}--\r\n".encode()
        self.head = head
        self.paths = paths if file_name is not None else []
        self.expected = expected
        self.on_sent, self.cancelled = on_sent, cancelled
        self.length = len(head) + sum(p.stat().st_size for p in self.paths) + len(self.tail)
        self.started = False
        self.complete = False

    @property
    def content_type(self) -> str:
        return f"multipart/form-data; boundary={self.boundary}"

    def __len__(self) -> int:
        return self.length

    def __iter__(self) -> Iterator[bytes]:
        self.started, self.complete = True, False
        yield self.head
        self.on_sent(len(self.head))
        for path in self.paths:
            hasher = SendHasher(path, self.expected[path.name])
            for data in checked_blocks(path, hasher, 0, hasher.size, SEND_BLOCK):
                if self.cancelled():
                    raise _SendCancelled()
                yield data
                self.on_sent(len(data))
            if hasher.pos != hasher.size:
                raise tampered(path.name)  # shorter than its checksum says
        yield self.tail
        self.complete = True
        self.on_sent(len(self.tail))


# --- the client ----------------------------------------------------------------------------------

def _now_text() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


class IntakeClient:
    def __init__(self, url: str, *, setup: HttpSetup | None = None,
                 retry: RetryPolicy | None = None, reply_timeout: float = 120.0,
                 cancel: threading.Event | None = None,
                 on_wait: Callable[[str, float], None] | None = None) -> None:
        if not url.lower().startswith(("https://", "http://")):
            raise DeliveryError(_("Адрес приёма обращений задан неверно: {url}. Нужен адрес вида "
                                  "https://… (настройка intake_url).",
                                  url=public_url(url) if url else "—"))
        self.url = url
        self.setup = setup or HttpSetup()
        self.retry = retry or RetryPolicy()
        self.reply_timeout = reply_timeout
        self.cancel = cancel or threading.Event()
        self.on_wait = on_wait
        self.session = make_session(self.setup, pool=1)
        self.posts = 0  # requests started (for the log and tests)

    def close(self) -> None:
        self.session.close()

    def send(self, message: IntakeMessage, *, file_name: str | None, paths: list[Path],
             expected: dict[str, str], on_sent: Callable[[int], None] | None = None) -> int:
        """POST the request; the task number. Raises the errors of the module docstring."""
        stall = Stall(self.setup.stall_timeout)
        attempt = 0
        sent_now = [0]

        def sent(n: int) -> None:
            sent_now[0] += n
            stall.moved()
            if on_sent:
                on_sent(n)

        while True:
            if self.cancel.is_set():
                raise Cancelled()
            sent_now[0] = 0
            body = MultipartBody([("message", message.html()), ("email", message.email)],
                                 file_name, paths, expected, on_sent=sent,
                                 cancelled=self.cancel.is_set)
            at = _now_text()
            try:
                resp = self._post(body, stall)
            except NetworkDown as exc:
                if on_sent and sent_now[0]:
                    on_sent(-sent_now[0])  # the bytes of this try are not at the desk
                self._retry_or_raise(exc, attempt, stall)
                attempt += 1
                continue
            except requests.exceptions.RequestException as exc:
                raise self._maybe(exc, at) from exc
            stall.moved()
            try:
                return self._answer(resp, at)
            except ServerBusy as exc:
                if on_sent and sent_now[0]:
                    on_sent(-sent_now[0])
                self._retry_or_raise(exc, attempt, stall)
                attempt += 1

    def _post(self, body: MultipartBody, stall: Stall) -> requests.Response:
        """One POST. Failures before the body was whole come out as ``NetworkDown`` (safe to
        repeat); after it, as the ``requests`` exception itself."""
        self.posts += 1
        read = min(self.reply_timeout, max(1.0, stall.left()))
        try:
            return self.session.post(
                self.url, data=body, allow_redirects=False,
                headers={"Content-Type": body.content_type, "Accept": "application/json"},
                timeout=(min(self.setup.connect_timeout, read), read))
        except _SendCancelled as exc:
            raise Cancelled() from exc
        except requests.exceptions.SSLError as exc:
            if body.complete:
                raise
            raise TLSRefused(_(
                "Соединение с сервером поддержки отклонено: его сертификат не прошёл проверку "
                "({error}). Обращение не отправлено. Проверьте дату и время на компьютере. Если "
                "в сети стоит прокси или антивирус, проверяющий HTTPS, укажите его корневой "
                "сертификат в настройке ca_bundle (или в переменной REQUESTS_CA_BUNDLE).",
                error=tls_reason(exc))) from exc
        except requests.exceptions.RequestException as exc:
            if body.complete:
                raise
            raise NetworkDown(_("Нет связи с сервером поддержки {host}: {error}.",
                                host=host_of(self.url),
                                error=network_reason(exc, "intake"))) from exc

    def _retry_or_raise(self, exc: DeliveryError, attempt: int, stall: Stall) -> None:
        delay = self.retry.delay(attempt, exc.retry_after)
        if attempt >= self.retry.retries:
            raise exc
        if not stall.allows(delay):
            raise stalled(exc, stall) from exc
        if self.on_wait:
            self.on_wait(exc.message, delay)
        if self.cancel.wait(delay):
            raise Cancelled()

    def _maybe(self, exc: BaseException | None, at: str, why: str = "") -> MaybeDelivered:
        reason = why or str(network_reason(exc, "intake reply") if exc else "")
        log.warning("intake attempt at %s may have been delivered: %s", at, reason)
        return MaybeDelivered(_(
            "Обращение отправлено целиком, но ответ сервера поддержки не получен ({reason}). "
            "Возможно, оно уже принято: повторять его автоматически сборщик не будет, чтобы "
            "не создать второе обращение. Подождите ответа поддержки на указанные контакты. "
            "Если ответа нет в течение рабочего дня, отправьте ещё раз: поддержка увидит, что "
            "это возможный повтор отправки {when}.", reason=reason, when=when_text(at)), at)

    def _answer(self, resp: requests.Response, at: str) -> int:
        code = resp.status_code
        if 200 <= code < 300:
            task = _task_number(resp)
            if task is None:
                log.warning("intake %s without a task number: %r", code, resp.text[:500])
                raise self._maybe(None, at, str(_("сервер ответил {code}, но без номера "
                                                  "обращения", code=code)))
            log.info("intake: task %s", task)
            return task
        log.warning("intake answered %s: %r", code, (resp.text or "")[:500])
        if code == 413:
            raise IntakeTooLarge(_("Сервер поддержки не принимает такой большой файл "
                                   "(ответ 413)."))
        if code in MAYBE_STATUS:
            raise self._maybe(None, at, str(_("шлюз не дождался ответа сервера поддержки "
                                              "(ответ {code})", code=code)))
        if code in RETRY_STATUS or code >= 500:
            err = ServerBusy(_("Сервер поддержки временно не принимает обращения (ответ {code}).",
                               code=code))
            err.retry_after = _parse_retry_after(resp.headers.get("Retry-After"))
            raise err
        if 300 <= code < 400:
            raise Refused(_("Сервер поддержки перенаправляет запрос (ответ {code}): проверьте "
                            "адрес приёма обращений (intake_url).", code=code))
        raise Refused(_("Сервер поддержки отклонил обращение (ответ {code}). Оно не принято; "
                        "отправьте его письмом или позвоните в поддержку.", code=code))


def _task_number(resp: requests.Response) -> int | None:
    try:
        data = json.loads(resp.content.decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError):
        return None
    task = data.get("task") if isinstance(data, dict) else None
    if isinstance(task, bool):
        return None
    if isinstance(task, int):
        return task
    if isinstance(task, str) and task.strip().isdigit():
        return int(task.strip())
    return None


def when_text(iso: str) -> str:
    """``20.11.2026 10:15`` for an ISO time; the text itself when it is not one."""
    try:
        return datetime.fromisoformat(iso).strftime("%d.%m.%Y %H:%M")
    except ValueError:
        return iso
