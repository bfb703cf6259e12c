"""Upload a bundle (one ``.7z`` or its volumes) and get the request code the user quotes.

One request code for a set of volumes: each volume is its own tus upload (so each resumes on its
own and each stays under the server's size limit); the upload id of volume 1 is the request code,
and every volume's metadata carries ``bundle`` (the set's name), ``volume`` ("2/3") and, from
volume 2 on, ``request_id`` = the full upload id of volume 1. The desk joins them by that id (the
volumes are byte splits: ``cat X.7z.001 X.7z.002 … > X.7z``). If volume 1 has expired on the server
before the set is complete, the whole set starts again, so no volume points to a lost request.

Metadata of every upload (tus ``Upload-Metadata``, values UTF-8): ``filename``, ``filetype``,
``sha256`` (of this file: from ``<bundle>.sha256`` when the bundle writer left one, else computed),
``size``, ``gbs_id``, ``topic``, ``gbs_version``, ``problem_date``, ``previous_request``,
``collector_version``, ``bundle``, ``volume``, ``request_id``. The token goes only in the
``Authorization`` header: never in metadata, URLs, logs or state files.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from collector import __version__
from collector.bundle.preset import MIN_SAMPLE, record_uplink
from collector.delivery.bundlefile import BundleFiles, BundleInfo, find_bundle, read_bundle_info
from collector.delivery.integrity import SendHasher, expected_hashes
from collector.delivery.state import (
    PartState,
    RequestCode,
    UploadState,
    UploadStore,
    public_url,
    record_request_code,
    short_code,
    upload_id_from_url,
    upload_key,
)
from collector.delivery.tus import (
    DeliveryError,
    Meter,
    NetworkDown,
    OffsetConflict,
    Progress,
    RetryPolicy,
    ServerBusy,
    TooLarge,
    TusClient,
    UploadGone,
    _FileSlice,
)
from collector.http_session import HttpSetup, http_setup
from collector.humanize import human_size
from collector.i18n import _

log = logging.getLogger("collector.delivery")

PROGRESS_EVERY = 0.2  # seconds between progress callbacks (the last one always comes)
MIN_CHUNK = 64 << 10
CHUNK_SECONDS = 10.0  # aim of one PATCH's duration on a slow line


@dataclass
class UploadResult:
    request: RequestCode
    urls: list[str]
    resumed: bool  # some bytes were already on the server from an earlier attempt
    already_sent: bool  # the whole set had been sent before: nothing was uploaded now

    @property
    def code(self) -> str:
        return self.request.code

    def to_json(self) -> dict:
        return {"request_code": self.request.code, "upload_id": self.request.upload_id,
                "urls": [public_url(u) for u in self.urls], "resumed": self.resumed,
                "already_sent": self.already_sent, "bundle": self.request.bundle,
                "parts": self.request.parts}


class Uploader:
    """Uploads bundles to one endpoint. Thread-safe to :meth:`cancel` from another thread."""

    def __init__(self, endpoint: str, token: str = "", *, chunk_size: int = 16 << 20,
                 setup: HttpSetup | None = None,
                 retry: RetryPolicy | None = None, store: UploadStore | None = None,
                 data_root: Path | None = None,
                 on_progress: Callable[[Progress], None] | None = None,
                 cancel: threading.Event | None = None) -> None:
        self.cancel_event = cancel or threading.Event()
        self.on_progress = on_progress
        self._progress = Progress("check", 0, 0)
        self._last_emit = 0.0
        self.meter = Meter()
        self.client = TusClient(endpoint, token, setup=setup, retry=retry,
                                cancel=self.cancel_event, on_wait=self._waiting)
        self.chunk_size = max(MIN_CHUNK, int(chunk_size))  # the most one request carries
        self.chunk = self.chunk_size  # what the next one carries (adapts to the line)
        self.data_root = data_root
        self.store = store or UploadStore(data_root)
        self._extra_meta: dict[str, str] = {}
        self._record = True
        self._hashers: dict[str, SendHasher] = {}
        self.line_bytes = 0  # sent in PATCHes that moved the upload forward, and their time:
        self.line_seconds = 0.0  # the line's speed, kept for the next adaptive preset

    def cancel(self) -> None:
        self.cancel_event.set()

    def close(self) -> None:
        self.client.close()

    # progress -------------------------------------------------------------------------------------
    def _emit(self, force: bool = False, **changes) -> None:
        for k, v in changes.items():
            setattr(self._progress, k, v)
        now = time.monotonic()
        if self.on_progress and (force or now - self._last_emit >= PROGRESS_EVERY):
            self._last_emit = now
            p = self._progress
            if p.phase == "upload":
                p.speed = self.meter.speed()
                p.eta = (p.total - p.sent) / p.speed if p.speed else None
            self.on_progress(Progress(**vars(p)))

    def _waiting(self, why: str, seconds: float) -> None:
        msg = _("{why} Повтор через {seconds} с.", why=why, seconds=max(1, round(seconds)))
        log.info("%s", msg)
        self._emit(force=True, phase="wait", message=msg)

    # the work -------------------------------------------------------------------------------------
    def upload(self, bundle: BundleFiles | str | Path, info: BundleInfo | None = None,
               password: str | None = None, *, extra_meta: dict[str, str] | None = None,
               record: bool = True, commit: bool = True) -> UploadResult | None:
        """Upload every part; ``extra_meta`` goes into each part's metadata (``intake_task``
        when this is the large part of a request made at the intake). ``record``: remember the
        code as a request of its own (not for such a large part: the task number is the
        request). ``commit=False``: for a streamed set, send every volume but volume 1 (the
        commit) and return None; a later call sends the rest."""
        self._extra_meta = dict(extra_meta or {})
        self._record = record
        files = bundle if isinstance(bundle, BundleFiles) else find_bundle(bundle)
        if info is None:
            info = read_bundle_info(files, password)
        total = files.total_size
        n = len(files.parts)
        self._progress = Progress("check", 0, total, parts=n, part_name=files.parts[0].name)
        self._emit(force=True, message=_("Проверка сервера поддержки…"))

        key = upload_key(self.client.endpoint, files.parts)
        state = self.store.load(key)
        if state is not None and state.finished and state.request_id:
            code = self._request_code(state, files, info)
            self._emit(force=True, phase="done", sent=total)
            return UploadResult(code, [p.url for p in state.parts], False, True)

        server = self.client.options()
        if server.max_size:
            for p in files.parts:
                size = p.stat().st_size
                if size > server.max_size:
                    raise TooLarge(_(
                        "Файл {name} ({size}) больше, чем принимает сервер поддержки ({limit}). "
                        "Ничего не отправлено. Соберите архив заново томами не больше {limit} "
                        "(параметр «размер тома») или без базы данных, либо отправьте его "
                        "по почте.", name=p.name, size=human_size(size),
                        limit=human_size(server.max_size)))

        if state is None:
            state = UploadState(key=key, endpoint=public_url(self.client.endpoint),
                                bundle=files.name, parts=[
                                    PartState(p.name, p.stat().st_size, p.stat().st_mtime_ns)
                                    for p in files.parts])
        self._hash_parts(files, state, password)
        self.store.save(state)
        self._hashers = {p.name: SendHasher(p, s.sha256)
                         for p, s in zip(files.parts, state.parts, strict=True)}

        # A streamed set ends with volume 1, which names the others: they must all be there.
        order = [*range(1, n), 0] if state.set_id else list(range(n))
        resumed = False
        k = 0
        while k < n:
            i = order[k]
            part, path = state.parts[i], files.parts[i]
            if i == 0 and state.set_id and not commit:
                self._record_line()
                return None
            done_before = sum(p.size for p in state.parts if p.done)
            self._emit(force=True, phase="upload", part=i + 1, part_name=part.name,
                       sent=done_before, message="")
            if part.done:
                k += 1
                continue
            try:
                moved = self._upload_part(state, i, path, files, info, done_before)
            except UploadGone:
                k = self._forget_gone(state, i, k)
                self.store.save(state)
                log.info("upload gone on the server; starting it anew")
                continue
            resumed = resumed or moved
            part.done = True
            self.store.save(state)
            k += 1

        state.finished = True
        self.store.save(state)
        self._record_line()
        code = self._request_code(state, files, info)
        self._emit(force=True, phase="done", sent=total, message="")
        return UploadResult(code, [p.url for p in state.parts], resumed, False)

    def _record_line(self) -> None:
        if self.line_bytes >= MIN_SAMPLE and self.line_seconds > 0:
            record_uplink(self.line_bytes / self.line_seconds)

    def _forget_gone(self, state: UploadState, i: int, k: int) -> int:
        """Part ``i`` is gone from the server: what must be sent again; the position in the
        sending order to go on from."""
        part = state.parts[i]
        if state.set_id:
            # Volumes 2…N stand alone until volume 1 names them: only the lost one goes again,
            # and a volume 1 begun with the old list of parts is begun anew.
            part.url, part.done = "", False
            first = state.parts[0]
            if i != 0 and first.url:
                with contextlib.suppress(Exception):
                    self.client.delete(first.url)
                first.url, first.done, state.request_id = "", False, ""
            return k
        if i == 0 or not state.parts[0].url:
            part.url, state.request_id = "", ""
            return k
        # Volume 1 may be gone too: then the set must start again under a new code.
        try:
            self.client.head(state.parts[0].url)
            part.url = ""
            return k
        except UploadGone:
            for p in state.parts:
                p.url, p.done = "", False
            state.request_id = ""
            return 0

    def _request_code(self, state: UploadState, files: BundleFiles,
                      info: BundleInfo) -> RequestCode:
        code = RequestCode(code=short_code(state.request_id), upload_id=state.request_id,
                           url=public_url(state.parts[0].url), bundle=files.name,
                           gbs_id=info.gbs_id, parts=len(state.parts), channel="tus")
        if self._record:
            record_request_code(code, self.data_root)
        return code

    def _hash_parts(self, files: BundleFiles, state: UploadState,
                    password: str | None) -> None:
        """Each part's sha256 as it must arrive: from ``.sha256`` (or a verified archive), once
        per upload and kept in its state; the bytes sent are checked against it."""
        if all(s.sha256 for s in state.parts):
            return
        total = files.total_size
        done = 0

        def on_bytes(k: int) -> None:
            nonlocal done
            done += k
            self._emit(phase="hash", sent=done, total=total)

        self._emit(force=True, phase="hash", sent=0, total=total,
                   message=_("Проверка архива перед отправкой…"))
        known = expected_hashes(files, password, on_bytes=on_bytes, cancel=self.cancel_event)
        for p, s in zip(files.parts, state.parts, strict=True):
            s.sha256 = known[p.name]
        self._emit(force=True, phase="check", sent=0, total=total, message="")

    def _metadata(self, state: UploadState, i: int, info: BundleInfo) -> dict[str, str]:
        part = state.parts[i]
        n = len(state.parts)
        meta = {
            "filename": part.name,
            "filetype": "application/x-7z-compressed" if n == 1 else "application/octet-stream",
            "sha256": part.sha256,
            "size": str(part.size),
            "gbs_id": info.gbs_id,
            "topic": info.topic,
            "gbs_version": info.version,
            "problem_date": info.problem_date,
            "previous_request": info.previous_request,
            "collector_version": __version__,
            "bundle": state.bundle,
            **self._extra_meta,
        }
        if state.set_id and n > 1:  # DELIVERY.md "Streamed sets"
            meta["set"] = state.set_id
            meta["volume"] = f"1/{n}" if i == 0 else str(i + 1)
            if i == 0:
                meta["parts"] = ",".join(upload_id_from_url(p.url) for p in state.parts[1:])
        elif n > 1:
            meta["volume"] = f"{i + 1}/{n}"
            if i > 0:
                meta["request_id"] = state.request_id
        return meta

    def _upload_part(self, state: UploadState, i: int, path: Path, files: BundleFiles,
                     info: BundleInfo, done_before: int) -> bool:
        """Send one part to the end; True when the server already had some of it."""
        part = state.parts[i]
        if path.stat().st_size != part.size:
            raise DeliveryError(_("Файл {name} изменился во время отправки. Соберите архив "
                                  "заново.", name=part.name))
        offset = 0
        resumed = False
        if part.url:
            offset, length = self.client.head(part.url)
            if (length is not None and length != part.size) or offset > part.size:
                raise UploadGone(_("На сервере под этим адресом другая загрузка."))
            resumed = offset > 0
            log.info("resuming %s at %d of %d", part.name, offset, part.size)
        else:
            part.url = self.client.create(part.size, self._metadata(state, i, info))
            if i == 0:
                state.request_id = upload_id_from_url(part.url)
            self.store.save(state)  # from here a restart resumes instead of starting over

        in_flight = 0

        def on_sent(k: int) -> None:
            nonlocal in_flight
            in_flight += k
            sent = done_before + offset + in_flight
            self.meter.add(sent)
            self._emit(phase="upload", sent=sent)

        self.meter.reset()
        self.meter.add(done_before + offset)
        attempt = 0
        while offset < part.size:
            length = min(self.chunk, part.size - offset)
            in_flight = 0
            started = time.monotonic()
            try:
                body = _FileSlice(path, offset, length, on_sent, self.cancel_event.is_set,
                                  self._hashers[part.name])
                new = self.client.patch(part.url, body)
                if new <= offset:
                    raise ServerBusy(_("Сервер поддержки не принял данные (смещение {offset}).",
                                       offset=new))
                self._adapt_chunk(new - offset, time.monotonic() - started)
                self.line_bytes += new - offset
                self.line_seconds += time.monotonic() - started
                offset = new
                attempt = 0  # the upload moved forward: the retry budget is whole again
            except TooLarge:
                # A proxy in front of the server limits the request body: smaller portions.
                if length <= MIN_CHUNK:
                    raise
                self.chunk = self.chunk_size = max(MIN_CHUNK, length // 2)  # a learnt ceiling
                offset, _length = self.client.head(part.url)
                log.info("request body too large; portions of %d bytes now", self.chunk)
            except (NetworkDown, ServerBusy, OffsetConflict) as exc:
                if isinstance(exc, OffsetConflict):
                    if attempt >= self.client.retry.retries:
                        raise
                else:
                    self.client.retry_or_raise(exc, attempt)
                attempt += 1
                # The server keeps what reached it before the cut: ask where to go on from.
                offset, _length = self.client.head(part.url)
                resumed = True
                self.meter.reset()
                self.meter.add(done_before + offset)
                self._emit(force=True, phase="upload", sent=done_before + offset, message="")
        return resumed

    def _adapt_chunk(self, sent: int, seconds: float) -> None:
        """Portions that take about ``CHUNK_SECONDS`` on this line: big on a fast one (fewer
        requests), small on a slow one (a proxy that buffers whole requests loses at most that
        much on a cut). Never above the configured size, never below ``MIN_CHUNK``."""
        if sent <= 0 or seconds <= 0:
            return
        ideal = sent / seconds * CHUNK_SECONDS
        if ideal < self.chunk:
            self.chunk = max(MIN_CHUNK, int(ideal), self.chunk // 4)
        elif sent >= self.chunk:
            self.chunk = min(self.chunk_size, self.chunk * 2, max(self.chunk, int(ideal)))


def retry_policy(settings) -> RetryPolicy:
    return RetryPolicy(retries=int(settings.upload_retries),
                       base_delay=float(settings.upload_retry_delay_s))


def uploader_from_settings(settings, *, url: str | None = None, token: str | None = None,
                           on_progress: Callable[[Progress], None] | None = None,
                           data_root: Path | None = None,
                           cancel: threading.Event | None = None) -> Uploader:
    """Endpoint and token: command line (``url``/``token``) over environment over the file."""
    endpoint = url or settings.upload_url
    if not endpoint:
        raise DeliveryError(_(
            "Адрес сервера загрузки не настроен (upload_url в collector_settings.json рядом "
            "с программой). Отправьте архив по почте или укажите адрес: --url."))
    return Uploader(
        endpoint, token if token is not None else settings.upload_token,
        chunk_size=int(float(settings.upload_chunk_mb) * (1 << 20)),
        setup=http_setup(settings), retry=retry_policy(settings),
        on_progress=on_progress, data_root=data_root, cancel=cancel)


def tus_client_from_settings(settings, url: str, token: str, *,
                             cancel: threading.Event | None = None) -> TusClient:
    """A bare tus client with the settings' HTTP setup and retries (the streamed volumes)."""
    return TusClient(url, token, setup=http_setup(settings), retry=retry_policy(settings),
                     cancel=cancel)
