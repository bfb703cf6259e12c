"""«Отправить в поддержку»: one bundle becomes one request at the desk, whatever its size.

:class:`Sender` is what the command line and the GUI call. The channel is the desk's intake
(``intake_url``, GBS_MARKET.md §11) whenever it is set; the tus upload (``upload_url``) is the
large-file channel and, without an intake, the partner channel of its own.

1. The outbox entry of the bundle is the state of the request: sent (nothing is sent again),
   uncertain (an earlier attempt may have reached the desk: this manual repeat says so in its
   message), or a task already made whose large part is still to go (only the rest is sent).
2. The bytes to send are known to match the bundle's ``.sha256`` (or its manifest), and are
   checked again while they are sent (``integrity``).
3. Up to ``intake_max_mb`` (and unless the intake answers 413) the whole bundle goes to the
   intake in one POST. Above it, a small bundle without the database goes there with the text
   (``split.small_bundle``), and the whole bundle follows tied to the task number: by tus with
   ``intake_task`` in its metadata, or as e-mail drafts of volumes whose subject carries it.
4. The task number goes into the sent-requests history (``state.request_history``), where a
   follow-up takes its previous request number from.

Before any of it, the bundle's desk is chosen (:meth:`Sender.route`): a demo bundle
(``collector.demo``) goes only to the demo desk the launcher started (``collector.demo_desk``)
or to servers on this PC, never to the real desk; a bundle of a build whose desk is not GBS's
(``collector.desk``: partner and vendor builds, Country Ukraine or Kazakhstan) is not sent unless
the settings allow it (``intake_also_for``) or the command line names the server, and the error
(:class:`OtherDesk`) carries that desk's contacts.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from collector import __version__
from collector.bundle.preset import record_uplink
from collector.delivery.bundlefile import (
    BundleFiles,
    BundleInfo,
    find_bundle,
    read_bundle_info,
    sidecar_hashes,
)
from collector.delivery.intake import (
    IntakeClient,
    IntakeMessage,
    IntakeTooLarge,
    MaybeDelivered,
    mode_name,
    when_text,
)
from collector.delivery.integrity import expected_hashes
from collector.delivery.outbox import FAILED, SENT, UNCERTAIN, WAITING, Outbox, OutboxEntry
from collector.delivery.split import mail_volumes, small_bundle
from collector.delivery.state import (
    RequestCode,
    UploadStore,
    public_url,
    record_request_code,
    upload_key,
)
from collector.delivery.tus import DeliveryError, Meter, Progress
from collector.delivery.upload import retry_policy, uploader_from_settings
from collector.desk import Desk, desk_of
from collector.errors import Cancelled, CollectorError, ExitCode
from collector.http_session import http_setup, is_loopback_url
from collector.humanize import human_size
from collector.i18n import Text, _
from collector.userdata import user_data_dir

log = logging.getLogger("collector.delivery")

MB = 1 << 20
PROGRESS_EVERY = 0.2


class OtherDesk(DeliveryError):
    """The bundle's build has its own desk (``desk``): not sent to GBS's."""

    exit_code = ExitCode.OTHER_DESK

    def __init__(self, desk: Desk) -> None:
        super().__init__(_("{advice} Если поддержка GBS сама просит прислать архив через "
                           "сборщик, это включает настройка intake_also_for.",
                           advice=desk.advice()))
        self.desk = desk


class DemoNotSent(DeliveryError):
    """A demo bundle with no demo desk and no server on this PC to go to."""

    exit_code = ExitCode.USAGE


DEMO_REFUSED = _(
    "Это архив демонстрационной установки: в настоящую поддержку он не отправляется — из "
    "выдуманных данных получилось бы настоящее обращение. Чтобы увидеть отправку целиком, "
    "откройте демо в окне (./scripts/app): окно само запускает демо-поддержку на этом "
    "компьютере. Из командной строки укажите сервер на этом компьютере: --intake "
    "http://127.0.0.1:ПОРТ/….")


@dataclass
class SendResult:
    request_number: str  # the desk's task number (intake), or the upload code (tus only)
    channel: str  # intake | tus
    bundle: str
    already_sent: bool = False
    repeat_of: str = ""  # the earlier attempt (ISO time) this one may duplicate
    small_bundle: str = ""  # what went to the intake when the bundle was too big for it
    left_out: list[str] = field(default_factory=list)
    large_part: str = ""  # "" | tus | mail
    large_code: str = ""
    drafts: list[str] = field(default_factory=list)  # e-mail drafts of the large part to send
    recipient: str = ""
    demo_desk: str = ""  # the demo desk's folder when it took the request: nothing left the PC

    @property
    def code(self) -> str:
        return self.request_number

    def to_json(self) -> dict:
        d = asdict(self)
        d["request_number"] = self.request_number
        return d

    def summary(self) -> Text:
        """What happened, for people (Russian); the number itself is shown beside it."""
        if self.already_sent:
            return _("Этот архив уже отправлен раньше; второй раз он не отправлен.")
        if self.demo_desk:
            return _("Демонстрация: обращение принял демо-сервер поддержки внутри этого "
                     "приложения, номер {number} — не настоящий. Ничего не ушло с компьютера: "
                     "настоящая поддержка этот архив не получила. Что пришло на демо-сервер — "
                     "в папке {folder}.", number=self.request_number, folder=self.demo_desk)
        if self.channel == "tus":
            return _("Архив загружен на сервер поддержки: сообщите этот код поддержке — по нему "
                     "найдут ваш архив.")
        if not self.large_part:
            return _("Обращение принято поддержкой вместе с архивом.")
        if self.large_part == "tus":
            return _("Обращение принято поддержкой с архивом без базы данных; полный архив с "
                     "базой загружен отдельно и привязан к номеру обращения.")
        return _("Обращение принято поддержкой с архивом без базы данных. Полный архив с базой "
                 "подготовлен письмами ({count}) с номером обращения в теме: отправьте их "
                 "все{to}.", count=len(self.drafts),
                 to=_(" на {address}", address=self.recipient) if self.recipient else "")


class _StageProgress:
    """Progress of the whole send (all stages' bytes), with speed and time left."""

    def __init__(self, on_progress: Callable[[Progress], None] | None) -> None:
        self.on_progress = on_progress
        self.total = 0
        self.base = 0
        self.sent = 0
        self.meter = Meter()
        self.last = 0.0
        self.message = ""

    def stage(self, base: int, total: int, message: str = "") -> None:
        self.base, self.total, self.sent, self.message = base, total, 0, message
        self.meter.reset()
        self.emit("upload", force=True)

    def add(self, n: int) -> None:
        self.sent = max(0, self.sent + n)
        if n < 0:
            self.meter.reset()
        self.meter.add(self.base + self.sent)
        self.emit("upload")

    def emit(self, phase: str, force: bool = False, message: str | None = None) -> None:
        now = time.monotonic()
        if self.on_progress is None or (not force and now - self.last < PROGRESS_EVERY):
            return
        self.last = now
        sent = min(self.total, self.base + self.sent)
        speed = self.meter.speed() if phase == "upload" else None
        eta = (self.total - sent) / speed if speed else None
        self.on_progress(Progress(phase, sent, self.total, speed=speed, eta=eta,
                                  message=self.message if message is None else message))


class _LineSpeed:
    """Counts what a body hands to the connection, from its first byte to the server's answer:
    the line's speed. (Up to the last byte handed over would count the bytes still waiting in
    the system's send buffers as sent: on a slow line that is seconds, and the speed kept for
    the next preset came out a quarter too high.)"""

    def __init__(self, forward: Callable[[int], None]) -> None:
        self.forward = forward
        self.bytes = 0
        self.first = self.last = 0.0

    def __call__(self, n: int) -> None:
        now = time.monotonic()
        if n < 0:  # a retry starts the count again
            self.bytes, self.first = 0, 0.0
        else:
            if not self.first:
                self.first = now
            self.bytes += n
            self.last = now
        self.forward(n)

    def answered(self) -> None:
        """The server answered: every byte has crossed the line."""
        if self.first:
            self.last = time.monotonic()

    def speed(self) -> float | None:
        seconds = self.last - self.first
        return self.bytes / seconds if self.bytes >= 2 * MB and seconds > 0 else None


class Sender:
    """Sends bundles to the desk; :meth:`cancel` from any thread."""

    def __init__(self, settings, *, intake_url: str | None = None, upload_url: str | None = None,
                 token: str | None = None, on_progress: Callable[[Progress], None] | None = None,
                 outbox: Outbox | None = None, data_root: Path | None = None,
                 cancel: threading.Event | None = None) -> None:
        self.settings = settings
        self.named_intake, self.named_upload = intake_url, upload_url  # by the command line
        self.intake_url = settings.intake_url if intake_url is None else intake_url
        self.upload_url = settings.upload_url if upload_url is None else upload_url
        self.configured = (self.intake_url, self.upload_url)
        self.demo_desk = ""  # the demo desk's folder while it is the channel
        self.token = token
        self.on_progress = on_progress
        self.data_root = data_root
        self.outbox = outbox or Outbox(data_root)
        self.cancel_event = cancel or threading.Event()
        self.progress = _StageProgress(on_progress)
        self.intake_posts = 0

    def cancel(self) -> None:
        self.cancel_event.set()

    # --- helpers ---------------------------------------------------------------------------------
    def _waiting(self, why: str, seconds: float) -> None:
        msg = _("{why} Повтор через {seconds} с.", why=why, seconds=max(1, round(seconds)))
        log.info("%s", msg)
        self.progress.emit("wait", force=True, message=msg)

    def _intake(self) -> IntakeClient:
        s = self.settings
        return IntakeClient(
            self.intake_url, setup=http_setup(s), retry=retry_policy(s),
            reply_timeout=float(s.intake_reply_timeout_s), cancel=self.cancel_event,
            on_wait=self._waiting)

    def _message(self, info: BundleInfo, files: BundleFiles, request_text: str | None,
                 notes: list[tuple[str, str]], repeat_of: str) -> IntakeMessage:
        text = request_text if request_text is not None else info.request_text
        if not text:
            text = str(_("Обращение в поддержку {product}. Описание — в файле request.txt "
                         "внутри архива.", product=info.build.name))
        gbs = info.gbs_id if not info.gbs_id or info.gbs_id.startswith("6:") \
            else f"6:{info.gbs_id}"
        lines = list(notes)
        if repeat_of:
            lines.insert(0, ("Повторная отправка",
                             f"возможно, дублирует отправку {when_text(repeat_of)}, ответ на "
                             "которую не дошёл до программы"))
        lines.append(("Сборщик", f"GBS Support Collector {__version__}"))
        return IntakeMessage(request_text=text, email=info.email, mode=mode_name(info.mode),
                             gbs_id=gbs, version=info.version, notes=lines)

    def _post(self, message: IntakeMessage, files: BundleFiles, expected: dict[str, str],
              base: int, total: int) -> int:
        client = self._intake()
        self.progress.stage(base, total, str(_("Отправка обращения в поддержку…")))
        line = _LineSpeed(self.progress.add)
        try:
            task = client.send(message, file_name=files.name, paths=files.parts,
                               expected=expected, on_sent=line)
            line.answered()
        finally:
            self.intake_posts += client.posts
            client.close()
        record_uplink(line.speed())  # the next collection's preset is chosen for this line
        return task

    def _record(self, number: int | str, files: BundleFiles, info: BundleInfo,
                channel: str, large: str = "") -> None:
        record_request_code(RequestCode(
            code=str(number), upload_id=str(number), url=public_url(self.intake_url),
            bundle=files.name, gbs_id=info.gbs_id, parts=len(files.parts), channel=channel,
            large_part=large), self.data_root)

    def route(self, info: BundleInfo) -> None:
        """Choose this bundle's servers (``intake_url``, ``upload_url``), or refuse."""
        from collector import demo_desk

        intake, upload = self.configured
        self.demo_desk = ""
        if info.demo:
            desk = demo_desk.running()
            if desk is not None:
                self.intake_url, self.upload_url, self.demo_desk = desk.url, "", str(desk.folder)
                return
            self.intake_url = intake if is_loopback_url(intake) else ""
            self.upload_url = upload if is_loopback_url(upload) else ""
            if not self.intake_url and not self.upload_url:
                raise DemoNotSent(DEMO_REFUSED)
            return
        desk = desk_of(info.build, self.settings)
        if not desk.gbs and self.named_intake is None and self.named_upload is None:
            raise OtherDesk(desk)
        self.intake_url, self.upload_url = intake, upload
        if not self.intake_url and not self.upload_url:
            raise DeliveryError(_(
                "Адрес приёма обращений не настроен (intake_url в collector_settings.json рядом "
                "с программой). Отправьте архив по почте или укажите адрес: --intake URL."))

    # --- the work --------------------------------------------------------------------------------
    def send(self, bundle: BundleFiles | str | Path | OutboxEntry, password: str | None = None,
             *, request_text: str | None = None) -> SendResult:
        if isinstance(bundle, OutboxEntry):
            entry = bundle
            if not entry.files_exist:
                missing = next(p for p in entry.paths if not Path(p).is_file())
                msg = _("Файл {path} не найден: его переместили или удалили.", path=missing)
                self.outbox.mark(entry, FAILED, msg)
                raise DeliveryError(msg)
            files = find_bundle(entry.paths[0])
        else:
            files = bundle if isinstance(bundle, BundleFiles) else find_bundle(bundle)
            entry = self.outbox.add(files)
        if entry.status == SENT and entry.request_code:
            return SendResult(entry.request_code, entry.channel or "tus", files.name,
                              already_sent=True, small_bundle=entry.small_bundle,
                              large_part=entry.large_part, large_code=entry.large_code)
        info = read_bundle_info(files, password)
        try:
            self.route(info)
        except DeliveryError as exc:
            self.outbox.mark(entry, FAILED, exc.message)
            raise
        repeat_of = entry.uncertain_at if entry.status == UNCERTAIN else ""
        entry.attempts += 1
        try:
            result = self._send(entry, files, info, password, request_text, repeat_of)
        except MaybeDelivered as exc:
            self.outbox.mark(entry, UNCERTAIN, exc.message, uncertain_at=exc.attempt_at)
            raise
        except Cancelled:
            self.outbox.mark(entry, WAITING if entry.status != UNCERTAIN else UNCERTAIN,
                             _("Отправка прервана пользователем."))
            raise
        except DeliveryError as exc:
            keep = WAITING if exc.retry_later or entry.large_part == "pending" else FAILED
            self.outbox.mark(entry, keep, exc.message)
            raise
        except CollectorError as exc:
            self.outbox.mark(entry, FAILED, exc.message)
            raise
        result.repeat_of = repeat_of
        return result

    def _send(self, entry: OutboxEntry, files: BundleFiles, info: BundleInfo,
              password: str | None, request_text: str | None, repeat_of: str) -> SendResult:
        total = files.total_size
        self.progress.stage(0, total, str(_("Проверка архива перед отправкой…")))

        def hashed(n: int) -> None:
            self.progress.sent += n
            self.progress.emit("hash")

        expected = expected_hashes(files, password, on_bytes=hashed, cancel=self.cancel_event)
        if not self.intake_url:
            return self._tus_only(entry, files, info, password)
        if entry.channel == "intake" and entry.request_code and entry.large_part == "pending":
            return self._large_part(entry, files, info, password, expected,
                                    int(entry.request_code))
        limit = int(float(self.settings.intake_max_mb) * MB)
        if self._streamed(files):  # most of it is at the desk already: the rest goes after it
            return self._split(entry, files, info, password, request_text, repeat_of, expected,
                               limit, streamed=True)
        if total <= limit:
            message = self._message(info, files, request_text, [
                ("Архив", f"{files.name}, {human_size(total)}")], repeat_of)
            try:
                task = self._post(message, files, expected, 0, total)
            except IntakeTooLarge:
                log.info("intake answered 413 for %d bytes: sending it in two parts", total)
                limit = min(limit, max(MB, total // 2))
            else:
                self._record(task, files, info, "intake")
                self.outbox.mark(entry, SENT, "", request_code=str(task), channel="intake",
                                 uncertain_at="")
                self.progress.emit("done", force=True, message="")
                return SendResult(str(task), "intake", files.name, demo_desk=self.demo_desk)
        return self._split(entry, files, info, password, request_text, repeat_of, expected,
                           limit)

    def _streamed(self, files: BundleFiles) -> bool:
        """Volumes of this bundle went to the upload server while it was being made."""
        if not self.upload_url:
            return False
        state = UploadStore(self.data_root).load(upload_key(self.upload_url, files.parts))
        return state is not None and bool(state.set_id) and any(p.done for p in state.parts)

    def _split(self, entry: OutboxEntry, files: BundleFiles, info: BundleInfo,
               password: str | None, request_text: str | None, repeat_of: str,
               expected: dict[str, str], limit: int, *, streamed: bool = False) -> SendResult:
        if streamed:
            # Every volume but volume 1 (the commit) first, so that the task, once made, waits
            # only for that one.
            self._tus_large(files, info, password, None, 0, files.total_size, commit=False)
        self.progress.stage(0, files.total_size,
                            str(_("Подготовка архива без базы данных для обращения…")))
        work = self._work_dir(entry)
        small, left_out = small_bundle(files, work, limit, password, info.manifest,
                                       self.cancel_event)
        # Lines for the desk: Russian whatever the tool's language, like the form's labels.
        size, whole = human_size(files.total_size), files.name
        how = (f"полный архив с базой ({whole}, {size}) загружается отдельно через сервер "
               "загрузки файлов, в его описании номер этой задачи" if self.upload_url else
               f"полный архив с базой ({whole}, {size}) придёт отдельными письмами с номером "
               "этой задачи в теме")
        why = (f"архив {size} больше предела приёма ({human_size(limit)})"
               if files.total_size > limit else "архив отправлен, пока собирался")
        notes = [("Архив", f"{small.name}, {human_size(small.total_size)} (без базы данных)"),
                 ("База данных", f"не вложена: {why}; {how}")]
        message = self._message(info, files, request_text, notes, repeat_of)
        small_expected = sidecar_hashes(small)
        overall = small.total_size + files.total_size
        task = self._post(message, small, small_expected, 0, overall)
        self._record(task, files, info, "intake", "pending")
        self.outbox.mark(entry, WAITING, "", request_code=str(task), channel="intake",
                         small_bundle=str(small.parts[0]), large_part="pending",
                         uncertain_at="")
        result = self._large_part(entry, files, info, password, expected, task,
                                  base=small.total_size)
        result.small_bundle, result.left_out = str(small.parts[0]), left_out
        return result

    def _large_part(self, entry: OutboxEntry, files: BundleFiles, info: BundleInfo,
                    password: str | None, expected: dict[str, str], task: int, *,
                    base: int = 0) -> SendResult:
        total = base + files.total_size
        try:
            if self.upload_url:
                large, code, drafts = "tus", self._tus_large(files, info, password, task, base,
                                                             total), []
            else:
                large, code = "mail", ""
                drafts = self._mail_large(entry, files, info, password, expected, task)
        except DeliveryError as exc:
            exc.message = _("Обращение принято, номер {number}. Полный архив с базой данных "
                            "ещё не отправлен: {reason}", number=task, reason=exc.message)
            exc.request_number = str(task)  # type: ignore[attr-defined]
            raise
        self._record(task, files, info, "intake", f"tus:{code}" if code else large)
        self.outbox.mark(entry, SENT, "", large_part=large, large_code=code)
        self.progress.emit("done", force=True, message="")
        return SendResult(str(task), "intake", files.name, small_bundle=entry.small_bundle,
                          large_part=large, large_code=code, drafts=[str(d) for d in drafts],
                          recipient=self.settings.support_email, demo_desk=self.demo_desk)

    def _tus_large(self, files: BundleFiles, info: BundleInfo, password: str | None,
                   task: int | None, base: int, total: int, *, commit: bool = True) -> str:
        """The whole bundle by tus, tied to ``task``; the upload code. ``commit=False``: a
        streamed set without its volume 1 (no task yet)."""
        self.progress.stage(base, total, str(_("Отправка полного архива с базой данных…")))

        def forward(p: Progress) -> None:
            if p.phase == "upload":
                self.progress.sent = p.sent
                self.progress.meter.add(base + p.sent)
                self.progress.emit("upload")
            elif p.phase == "wait":
                self.progress.emit("wait", force=True, message=p.message)

        up = uploader_from_settings(self.settings, url=self.upload_url, token=self.token,
                                    on_progress=forward, data_root=self.data_root,
                                    cancel=self.cancel_event)
        try:
            res = up.upload(files, info, password, record=False, commit=commit,
                            extra_meta={"intake_task": str(task)} if task else None)
            return res.code if res is not None else ""
        finally:
            up.close()

    def _mail_large(self, entry: OutboxEntry, files: BundleFiles, info: BundleInfo,
                    password: str | None, expected: dict[str, str], task: int) -> list[Path]:
        from collector.delivery.email_draft import volume_room, write_drafts

        limit_mb = float(self.settings.mail_limit_mb)
        volumes = mail_volumes(files, self._work_dir(entry) / "volumes", volume_room(limit_mb),
                               expected, self.cancel_event)
        res = write_drafts(volumes, out_dir=files.parts[0].parent, to=self.settings.support_email,
                           limit_mb=limit_mb, info=info, request_number=str(task),
                           data_root=self.data_root, password=password)
        return [d.path for d in res.drafts]

    def _tus_only(self, entry: OutboxEntry, files: BundleFiles, info: BundleInfo,
                  password: str | None) -> SendResult:
        self.progress.stage(0, files.total_size, str(_("Отправка архива…")))
        up = uploader_from_settings(self.settings, url=self.upload_url, token=self.token,
                                    on_progress=self.on_progress, data_root=self.data_root,
                                    cancel=self.cancel_event)
        try:
            res = up.upload(files, info, password)
        finally:
            up.close()
        self.outbox.mark(entry, SENT, "", request_code=res.code, channel="tus",
                         upload_id=res.request.upload_id)
        return SendResult(res.code, "tus", files.name, already_sent=res.already_sent)

    def _work_dir(self, entry: OutboxEntry) -> Path:
        return (self.data_root or user_data_dir()) / "outbox" / "parts" / entry.id
