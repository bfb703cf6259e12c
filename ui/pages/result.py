"""Result: the file with its size, what each step did, and what to do with it — send it to the
desk (the request number comes back, large, with what happens next), prepare an e-mail, show it
in its folder, copy the request text. Once the request has gone, e-mail is not offered as a second
channel for it. A build whose desk is not GBS's (``collector.desk``) is offered no «Отправить»:
its desk's contacts instead, and «Письмо» to its address. A send the demo desk took says so."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QVBoxLayout, QWidget

from collector import sources
from collector.errors import Cancelled, ExitCode
from ui import tasks
from ui.i18n import engine_text, fmt_clock, fmt_size, tr
from ui.links import current_links, links_html, links_label
from ui.pages.base import Page
from ui.theme import SPACE
from ui.widgets.common import (
    Banner,
    Card,
    breakable,
    button,
    clear_layout,
    icon_label,
    label,
    set_icon,
)
from ui.widgets.flow import FlowLayout


class ResultPage(Page):
    key = "result"

    def __init__(self, state, window) -> None:
        super().__init__(state, window)
        # the file
        self.file_card = Card()
        head = QHBoxLayout()
        head.setSpacing(12)
        self.status_icon = icon_label("ok", 32)
        head.addWidget(self.status_icon, 0, Qt.AlignmentFlag.AlignTop)
        col = QVBoxLayout()
        col.setSpacing(4)
        self.headline = label("", name="CardTitle")
        self.file_name = label("", selectable=True)
        self.file_name.setObjectName("BigValue")
        self.file_name.setAccessibleName(tr("Имя файла архива"))
        self.file_info = label("", muted=True, selectable=True)
        col.addWidget(self.headline)
        col.addWidget(self.file_name)
        col.addWidget(self.file_info)
        head.addLayout(col, 1)
        self.file_card.add(head)
        actions = FlowLayout(spacing=SPACE)
        self.send = button(tr("&Отправить в поддержку"), icon="send", primary=True,
                           on_click=self.upload,
                           tip=tr("Отправить обращение с архивом в поддержку через интернет: "
                                  "в ответ придёт номер обращения"))
        self.mail = button(tr("&Письмо"), icon="mail", on_click=self.email,
                           tip=tr("Подготовить письмо с архивом во вложении"))
        self.reveal = button(tr("Показать в папк&е"), icon="folder", on_click=self.show_in_folder)
        self.copy_text = button(tr("Скопировать &текст обращения"), icon="copy",
                                on_click=self.copy_request)
        for b in (self.send, self.mail, self.reveal, self.copy_text):
            actions.addWidget(b)
        self.file_card.add(actions)
        self.add(self.file_card)
        self.desk = None  # collector.desk.Desk of the bundle shown
        self.desk_msg = Banner("info")
        self.add(self.desk_msg)
        # upload
        self.upload_card = Card(tr("Отправка"), "send-dark")
        self.up_bar = QProgressBar()
        self.up_bar.setRange(0, 1000)
        self.up_bar.setTextVisible(False)
        self.up_bar.setFixedHeight(10)
        self.up_bar.setAccessibleName(tr("Ход отправки"))
        self.upload_card.add(self.up_bar)
        up_row = QHBoxLayout()
        self.up_text = label("", muted=True, small=True)
        up_row.addWidget(self.up_text, 1)
        self.up_cancel = button(tr("Отменить отправку"), on_click=state.upload.cancel)
        up_row.addWidget(self.up_cancel)
        self.upload_card.add(up_row)
        self.code_box = QWidget()
        cl = QVBoxLayout(self.code_box)
        cl.setContentsMargins(0, SPACE, 0, 0)
        cl.setSpacing(6)
        self.code_title = label(tr("Номер обращения:"), muted=True)
        cl.addWidget(self.code_title)
        code_row = QHBoxLayout()
        self.code = label("", name="RequestCode", selectable=True, wrap=False)
        self.code.setAccessibleName(tr("Номер обращения"))
        code_row.addWidget(self.code)
        code_row.addWidget(button(tr("&Копировать"), icon="copy", on_click=self.copy_code,
                                  accessible=tr("Копировать номер обращения")))
        code_row.addStretch(1)
        cl.addLayout(code_row)
        self.sent_what = label("", selectable=True)
        cl.addWidget(self.sent_what)
        self.next_steps = label("", selectable=True)
        cl.addWidget(self.next_steps)
        self.drafts_box = Banner("warning")
        self.drafts_open = self.drafts_box.add_button(
            button(tr("Открыть &письма"), icon="mail", on_click=self.open_drafts))
        cl.addWidget(self.drafts_box)
        self.upload_card.add(self.code_box)
        self.upload_msg = Banner("error")
        self.upload_card.add(self.upload_msg)
        self.retry = button(tr("Повторить отправку"), icon="refresh", on_click=self.upload)
        self.upload_card.add(self.retry)
        self.add(self.upload_card)
        self.mail_msg = Banner("info")
        self.add(self.mail_msg)
        self.links = links_label()
        self.add(self.links)
        self.fallback = Banner("warning")
        self.fallback_button = self.fallback.add_button(
            button(tr("Собрать заново с этой копией"), icon="refresh",
                   on_click=self.collect_with_program_backup))
        self.add(self.fallback)
        # the steps
        self.steps_card = Card(tr("Что собрано"), "list")
        self.steps_box = QVBoxLayout()
        self.steps_box.setSpacing(6)
        self.steps_card.add(self.steps_box)
        self.add(self.steps_card)
        self.layout_.addStretch(1)
        state.upload.progress.connect(self.on_upload_progress)
        state.upload.done.connect(self.on_uploaded)
        state.upload.failed.connect(self.on_upload_failed)
        self._shown_for = None
        self._drafts: list[str] = []

    def title(self) -> str:
        return tr("Готово")

    def subtitle(self) -> str:
        return tr("Отправьте архив в поддержку одним из способов.")


    def back_visible(self) -> bool:
        return not self.state.upload.running

    def next_text(self) -> str:
        return tr("Новое о&бращение")

    next_icon = "plus"
    next_primary = False

    def next_enabled(self) -> bool:
        return not self.state.upload.running

    def go_next(self) -> None:
        self.window_.new_request()

    def escape(self) -> None:
        if self.state.upload.running:
            self.state.upload.cancel()

    def first_focus(self):
        return self.send if self.send.isVisibleTo(self) else self.mail

    # --- the file ------------------------------------------------------------------------------
    def paths(self) -> list[Path]:
        r = self.state.collection.result
        return list(r.paths) if r is not None else []

    def refresh(self, what: str = "") -> None:
        r = self.state.collection.result
        if r is None:
            return
        if self._shown_for is not r:
            self._shown_for = r
            self._show_result(r)
        if self.state.send_pending:  # «Собрать и отправить»: what was not sent yet goes now
            self.state.send_pending = False
            self.upload()
        self.window_.update_nav()

    def _show_result(self, r) -> None:
        failed = [s for s in r.steps if s.status == "failed"]
        set_icon(self.status_icon, "warning" if failed else "ok", 32)
        self.headline.setText(tr("Архив готов, но не всё удалось собрать") if failed
                              else tr("Архив готов"))
        paths = self.paths()
        size = sum(p.stat().st_size for p in paths if p.exists())
        if len(paths) == 1:
            self.file_name.setText(paths[0].name)
        else:
            self.file_name.setText(tr("{name} — частей: {n}").format(
                name=paths[0].name.rsplit(".", 1)[0], n=len(paths)))
        self.file_info.setText(tr("{size} · папка {folder}").format(
            size=fmt_size(size), folder=paths[0].parent if paths else ""))
        sent = self.state.upload.result
        self.upload_card.setVisible(sent is not None)
        self.code_box.setVisible(sent is not None)
        if sent is not None:
            self._show_sent(sent)
        self.desk = bundle_desk(r.manifest)
        other = self.desk is not None and not self.desk.gbs
        self.send.setVisible(sent is None and not other)
        self.mail.setVisible(sent is None)
        self.desk_msg.set("info", engine_text(self.desk.advice()) if other else "")
        try:
            self.links.setText(links_html(current_links(self.state)))
        except Exception:  # the links are a convenience: never a reason to fail the page
            self.links.setText("")
        self.up_bar.hide()
        self.up_cancel.hide()
        self.up_text.setText("")
        self.upload_msg.set("error", "")
        self.retry.hide()
        self.mail_msg.set("info", "")
        clear_layout(self.steps_box)
        for s in sorted(r.steps, key=lambda s: s.status != "failed"):
            row = QWidget()
            lay = QHBoxLayout(row)
            lay.setContentsMargins(0, 2, 0, 2)
            lay.setSpacing(10)
            lay.addWidget(icon_label({"ok": "ok", "failed": "failed"}.get(s.status, "skipped"),
                                     18), 0, Qt.AlignmentFlag.AlignTop)
            title = engine_text(sources.get(s.name).title)
            if s.timeout_hit:
                title += " — " + tr("превышено время")
            # the step's title on its line, what it did below (no "title: message: …")
            detail = engine_text(s.message) if s.message else ""
            if s.status == "failed":
                detail = "\n".join(filter(None, [detail, step_advice(s.name, self.state.product)]))
            col = QVBoxLayout()
            col.setSpacing(0)
            t = label(title, selectable=True)
            col.addWidget(t)
            if detail:
                col.addWidget(label(breakable(detail), muted=True, small=True, selectable=True))
            if s.status == "failed":
                t.setStyleSheet("color: #B42318;")
            lay.addLayout(col, 1)
            text = f"{title}. {detail}" if detail else title
            row.setAccessibleName(text)
            self.steps_box.addWidget(row)
            row.show()
        if failed:
            note = label(tr("Архив собран из того, что получилось; причины записаны в "
                            "manifest.json внутри архива."), muted=True, small=True)
            self.steps_box.addWidget(note)
            note.show()
        self.fallback.set("warning", "")
        db_failed = any(s.name == "database" and s.status == "failed" for s in r.steps)
        if db_failed and not self.state.extras.use_program_backup:
            self._look_for_program_backups()

    def _look_for_program_backups(self) -> None:
        inst = self.state.installation
        db = inst.database if inst is not None else None
        if db is None:
            return
        backup_path, gbs_id = db.backup_path, self.state.gbs.value

        def work(task: tasks.Task):
            from collector.database import find_program_backups

            return find_program_backups(backup_path, gbs_id)

        def done(backups) -> None:
            if not backups:
                return
            newest = backups[0]
            self.fallback.set("warning", tr(
                "Свежую копию базы сделать не удалось. Есть автоматическая копия, которую "
                "программа {product} сделала сама {when} ({age}): поддержке она тоже поможет.")
                .format(product=self.state.product,
                when=newest.created.strftime("%d.%m.%Y %H:%M"), age=engine_text(newest.age_text)))

        tasks.start(work, on_done=done, on_error=lambda e: None, name="program-backups",
                    context=self)

    def collect_with_program_backup(self) -> None:
        self.state.extras.use_program_backup = True
        self.fallback.set("warning", "")
        self.window_.start_collection()

    # --- actions -------------------------------------------------------------------------------
    def upload(self) -> None:
        paths = self.paths()
        if not paths or self.state.upload.running:
            return
        self.upload_card.show()
        self.code_box.hide()
        self.upload_msg.set("error", "")
        self.retry.hide()
        self.up_bar.show()
        self.up_bar.setValue(0)
        self.up_cancel.show()
        self.up_cancel.setEnabled(True)
        self.up_text.setText(tr("Соединяюсь с сервером поддержки…"))
        self.send.setEnabled(False)
        self.state.start_upload(paths)
        self.window_.update_nav()

    def on_upload_progress(self, p) -> None:
        self.up_bar.setValue(int(p.fraction * 1000))
        if p.phase == "hash":
            self.up_text.setText(tr("Проверяю файл перед отправкой…"))
        elif p.phase == "wait":
            self.up_text.setText(engine_text(p.message))
        elif p.phase in ("upload", "done"):
            parts = [tr("Отправлено {sent} из {total}").format(sent=fmt_size(p.sent),
                                                               total=fmt_size(p.total))]
            if p.speed:
                parts.append(tr("{speed}/с").format(speed=fmt_size(p.speed)))
            if p.eta:
                parts.append(tr("осталось {left}").format(left=fmt_clock(p.eta)))
            if p.parts > 1:
                parts.append(tr("часть {i} из {n}").format(i=p.part, n=p.parts))
            self.up_text.setText(" · ".join(parts))

    def _show_sent(self, result) -> None:
        """The number, large; what happened; what comes next."""
        tus = result.channel == "tus"
        self.code_title.setText(tr("Код обращения:") if tus else tr("Номер обращения:"))
        self.code.setText(result.request_number)
        self.code.setAccessibleName(self.code_title.text().rstrip(":"))
        self.sent_what.setText(engine_text(result.summary()))
        if result.demo_desk:
            self.next_steps.setText(tr(
                "С настоящей установкой программы всё так же, только обращение уходит в поддержку: "
                "приходит настоящий номер, и поддержка отвечает на e-mail или телефон из "
                "обращения."))
        else:
            self.next_steps.setText("\n".join([
                tr("Что дальше: поддержка обычно отвечает в течение нескольких часов в рабочее "
                   "время — на e-mail или телефон, указанные в обращении."),
                tr("Номер сохранён: его всегда можно посмотреть в «Файл → Очередь отправки», а "
                   "в следующем обращении о том же сборщик предложит его сам. Называйте его, если "
                   "звоните в поддержку."),
                tr("Не пишите о том же ещё раз по почте или в мессенджерах: поддержка просит не "
                   "дублировать обращения по разным каналам."),
            ]))
        self._drafts = list(result.drafts)
        if self._drafts:
            names = ", ".join(Path(d).name for d in self._drafts)
            self.drafts_box.set("warning", tr(
                "Остался последний шаг: полный архив с базой данных подготовлен письмами "
                "({n}), в теме каждого — номер обращения. Отправьте все: {names}").format(
                n=len(self._drafts), names=names))
        else:
            self.drafts_box.set("warning", "")
        self.send.hide()
        self.mail.hide()  # the request has gone: a letter would be a second request

    def on_uploaded(self, result) -> None:
        self.send.setEnabled(True)
        self.up_bar.setValue(1000)
        self.up_cancel.hide()
        self.up_text.setText(tr("Отправлено.") if not result.already_sent else
                             tr("Этот архив уже был отправлен раньше."))
        self._show_sent(result)
        self.code_box.show()
        self.window_.update_nav()
        self.window_.show_notice(
            (tr("Демо-поддержка приняла обращение, номер {code} (не настоящий)")
             if result.demo_desk else tr("Отправлено. Номер обращения: {code}")).format(
                code=result.request_number))

    def on_upload_failed(self, exc: BaseException) -> None:
        from collector.delivery import MaybeDelivered

        self.send.setEnabled(True)
        self.up_cancel.hide()
        self.up_bar.hide()
        self.up_text.setText("")
        self.retry.setText(tr("Повторить отправку"))
        if isinstance(exc, Cancelled):
            self.upload_msg.set("info", tr("Отправка прервана. Архив остался в очереди: его можно "
                                           "отправить позже — сборщик напомнит при запуске."))
        elif isinstance(exc, MaybeDelivered):
            # It may be at the desk already: no second channel, and a repeat says what it is.
            self.upload_msg.set("warning", engine_text(exc.message))
            self.retry.setText(tr("Отправить ещё раз (возможен повтор)"))
            self.send.hide()
            self.mail.hide()
        else:
            msg = engine_text(getattr(exc, "message", None) or str(exc))
            later = getattr(exc, "retry_later", False)
            number = getattr(exc, "request_number", "")
            if later or number:
                msg += "\n" + tr("Архив сохранён в очереди отправки: сборщик предложит "
                                 "отправить его при следующем запуске.")
            if not number:
                msg += " " + tr("Можно также отправить его письмом.") if later else ""
            else:
                self.mail.hide()  # the task exists: the rest goes with it, not as a letter
            self.upload_msg.set("warning" if later or number else "error", msg)
        # refused on purpose (a demo bundle with no demo desk, another desk): a retry is the same
        self.retry.setVisible(getattr(exc, "exit_code", None) not in (ExitCode.USAGE,
                                                                      ExitCode.OTHER_DESK))
        self.window_.update_nav()

    def email(self) -> None:
        paths = self.paths()
        if not paths:
            return
        self.mail.setEnabled(False)
        password = self.state.extras.password or None
        desk = self.desk  # its address: GBS's (support_email) or the build's own desk

        def work(task: tasks.Task):
            from collector.delivery import open_in_mail_client, write_drafts
            from collector.settings import load_settings

            s = load_settings()
            res = write_drafts(paths[0], to=desk.email if desk is not None else s.support_email,
                               limit_mb=s.mail_limit_mb, password=password)
            hand = open_in_mail_client(res.drafts[0].path) if len(res.drafts) == 1 else None
            return res, hand

        tasks.start(work, on_done=self._mailed, on_error=self._mail_failed, name="email",
                    context=self)

    def _mailed(self, value) -> None:
        res, hand = value
        self.mail.setEnabled(True)
        text = engine_text(res.message)
        attached = [a for d in res.drafts for a in d.attachments]
        if attached:
            text += "\n" + (tr("К письму приложен файл {name}.").format(name=attached[0])
                            if len(attached) == 1 else
                            tr("К письмам приложены все тома: {names}.").format(
                                names=", ".join(attached)))
        if hand is not None and not hand.ok:
            # The mail client did not open: not a success, and the user attaches by hand.
            text += "\n" + engine_text(hand.message) + "\n" + (
                tr("Если создаёте письмо сами, приложите файл {name} (файл .sha256 "
                   "прикладывать не нужно).").format(name=attached[0]) if len(attached) == 1
                else tr("Если создаёте письма сами, приложите все тома: {names} (файл .sha256 "
                        "прикладывать не нужно).").format(names=", ".join(attached)))
            self.mail_msg.set("warning", text)
        else:
            self.mail_msg.set("ok", text)
        self.state.mark_mailed()

    def _mail_failed(self, exc: BaseException) -> None:
        self.mail.setEnabled(True)
        self.mail_msg.set("error", engine_text(getattr(exc, "message", None) or str(exc)))

    def show_in_folder(self) -> None:
        paths = self.paths()
        if not paths:
            return

        def work(task: tasks.Task):
            from collector.delivery import reveal_in_file_manager

            return reveal_in_file_manager(paths[0])

        def done(hand) -> None:
            if not hand.ok:
                self.mail_msg.set("info", engine_text(hand.message))

        tasks.start(work, on_done=done, on_error=lambda e: None, name="reveal", context=self)

    def copy_request(self) -> None:
        from collector.request import describe_bundle_entries, render_request_text

        r = self.state.collection.result
        entries = [f["path"] for f in (r.manifest or {}).get("files", [])] if r else []
        ctx = self.state.context(describe_bundle_entries(entries) if entries else None)
        QGuiApplication.clipboard().setText(render_request_text(self.state.form, ctx))
        self.window_.show_notice(tr("Текст обращения скопирован: его можно вставить в письмо "
                                    "или Telegram."))

    def copy_code(self) -> None:
        QGuiApplication.clipboard().setText(self.code.text())
        self.window_.show_notice(tr("Номер обращения скопирован"))

    def open_drafts(self) -> None:
        drafts = list(self._drafts)

        def work(task: tasks.Task):
            from collector.delivery import open_in_mail_client

            return [open_in_mail_client(Path(d)) for d in drafts]

        def done(hands) -> None:
            failed = [h for h in hands if not h.ok]
            if failed:
                self.mail_msg.set("warning", engine_text(failed[0].message))

        tasks.start(work, on_done=done, on_error=lambda e: None, name="drafts", context=self)


def bundle_desk(manifest: dict | None):
    """Whose desk the bundle belongs to (``collector.desk.Desk``), None when unknown."""
    from collector.desk import desk_of_manifest
    from collector.settings import load_settings

    try:
        return desk_of_manifest(manifest, load_settings())
    except Exception:  # a convenience of the page: never a reason to fail it
        return None


def step_advice(name: str, product: str) -> str:
    """What to do when a step failed, in the user's words."""
    return {
        "installation": tr("Проверьте, что программа {product} установлена, и запустите сборщик "
                           "снова."),
        "gbs_id": tr("Скопируйте GBS.ID в окне лицензии программы {product} и соберите архив "
                     "ещё раз — сборщик подхватит его сам."),
        "logs": tr("Проверьте дату проблемы: возможно, за этот день журналов нет. Соседние дни "
                   "можно добавить на странице «Дата»."),
        "configs": tr("Без настроек поддержка всё равно сможет начать разбираться."),
        "system": tr("Сведения о компьютере не обязательны."),
        "attachments": tr("Проверьте, что приложенные файлы на месте и не открыты в другой "
                          "программе."),
        "database": tr("Проверьте, что служба Firebird запущена и программа {product} работает "
                       "с базой, затем соберите архив ещё раз. Если не получится — отправьте "
                       "этот архив: поддержка подскажет, как сделать копию базы."),
        "request": tr("Текст обращения можно скопировать кнопкой выше и вставить в письмо."),
    }.get(name, "").format(product=product)

