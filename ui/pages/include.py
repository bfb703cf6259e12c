"""What to include: the day's logs, the database (size, "may take minutes"), screenshots taken
here, the user's own files by drag and drop, and a receipt for payment questions."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QCheckBox

from collector.request import database_reason
from collector.userdata import user_data_dir
from ui.i18n import engine_text, fmt_date, fmt_duration, fmt_errors, fmt_files, fmt_size, tr
from ui.pages.base import Page
from ui.state import now_stamp
from ui.theme import SPACE
from ui.widgets.attachments import AttachmentsCard, Thumbnail, dropped_paths
from ui.widgets.common import Banner, Card, ProblemList, button, clear_layout, label
from ui.widgets.flow import FlowLayout


class IncludePage(Page):
    key = "include"
    fields = ("include_database", "attachments")

    def __init__(self, state, window) -> None:
        super().__init__(state, window)
        self.watch(state.day.changed, "day")
        self.watch(state.plan.changed, "review")
        self.setAcceptDrops(True)
        # logs
        self.logs_card = Card("", "text-file")
        self.logs_box = QCheckBox()
        self.logs_box.toggled.connect(self._logs_toggled)
        _title_font(self.logs_box)
        self.logs_card.title_row.insertWidget(1, self.logs_box, 1)
        self.logs_card.title_label.hide()
        self.logs_card.body.insertLayout(0, self.logs_card.title_row)
        self.logs_detail = label("", muted=True)
        self.logs_card.add(self.logs_detail)
        self.logs_warning = Banner("warning")
        self.logs_card.add(self.logs_warning)
        self.personal_box = QCheckBox(tr("Скрыть &персональные данные (телефоны, почта, номера "
                                         "карт)"))
        self.personal_box.setToolTip(tr("В журналах они заменятся метками вида ***phone-1***; "
                                        "контакты для ответа в обращении останутся."))
        self.personal_box.toggled.connect(self._personal_toggled)
        self.logs_card.add(self.personal_box)
        self.add(self.logs_card)
        # database
        self.db_card = Card("", "database")
        self.db_box = QCheckBox()
        self.db_box.toggled.connect(self._db_toggled)
        _title_font(self.db_box)
        self.db_card.title_row.insertWidget(1, self.db_box, 1)
        self.db_card.title_label.hide()
        self.db_card.body.insertLayout(0, self.db_card.title_row)
        self.db_detail = label("", muted=True)
        self.db_card.add(self.db_detail)
        self.db_reason = Banner("info")
        self.db_card.add(self.db_reason)
        self.db_problems = ProblemList(info=False)
        self.db_card.add(self.db_problems)
        self.add(self.db_card)
        # screenshots
        self.shots_card = Card(tr("Снимки экрана"), "camera")
        self.shots_hint = label(self._shots_hint(), muted=True)
        self.shots_card.add(self.shots_hint)
        row = FlowLayout(spacing=SPACE)
        self.shot_now = button(tr("Снять &экран"), icon="camera",
                               on_click=lambda: self.capture(400))
        self.shot_later = button(tr("Снять через &5 секунд"),
                                 on_click=lambda: self.capture(5000),
                                 tip=tr("Успейте открыть нужное окно"))
        row.addWidget(self.shot_now)
        row.addWidget(self.shot_later)
        self.shots_card.add(row)
        self.thumbs = FlowLayout(spacing=SPACE)
        self.shots_card.add(self.thumbs)
        self.add(self.shots_card)
        # files
        self.files_card = AttachmentsCard(state)
        self.drop = self.files_card.drop
        self.add(self.files_card)
        self.layout_.addStretch(1)
        self._thumbs_for: list[str] | None = None

    def title(self) -> str:
        return tr("Что приложить")

    def subtitle(self) -> str:
        return tr("Отмеченное попадёт в архив. Пароли, ключи и токены заменяются метками "
                  "вида ***secret-1***.")


    def first_focus(self):
        return self.logs_box

    def on_enter(self) -> None:
        self.state.plan.refresh(now=self.state.plan.review is None)
        super().on_enter()

    def _state_changed(self, what: str) -> None:
        if self.isVisible() and what in ("form", "gbs", "day", "draft"):
            self.state.plan.refresh()
        super()._state_changed(what)

    # --- logs and database ---------------------------------------------------------------------
    def _logs_toggled(self, on: bool) -> None:
        if self.state.extras.logs_included != on:
            self.state.extras.logs_included = on
            self.state.request.edit("logs")

    def _personal_toggled(self, on: bool) -> None:
        if self.state.extras.hide_personal != on:
            self.state.extras.hide_personal = on
            self.state.request.edit("logs")

    def _db_toggled(self, on: bool) -> None:
        if self.state.form.include_database != on:
            self.state.form.include_database = on
            self.state.request.edit("include_database")

    # --- files ---------------------------------------------------------------------------------
    def add_files(self, paths: list[str]) -> None:
        self.files_card.add_files(paths)

    def remove_file(self, path: str) -> None:
        self.files_card.remove_file(path)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_paths(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_paths(event)
        if paths:
            event.acceptProposedAction()
            self.add_files(paths)

    # --- screenshots ---------------------------------------------------------------------------
    def capture(self, delay_ms: int) -> None:
        win = self.window()
        self._was_max = win.isMaximized()
        win.hide()
        QTimer.singleShot(delay_ms, self, self._grab)

    def _grab(self) -> None:
        win = self.window()
        shots = []
        for screen in QGuiApplication.screens():
            pm = screen.grabWindow(0)
            if not pm.isNull() and pm.width() > 1:
                shots.append(pm)
        if self._was_max:
            win.showMaximized()
        else:
            win.show()
        win.raise_()
        win.activateWindow()
        self.take_screenshots(shots)

    def take_screenshots(self, pixmaps: list) -> list[str]:
        """Save grabbed screens as PNG in the user data folder and attach them."""
        saved = []
        try:
            folder = user_data_dir() / "screenshots"
            folder.mkdir(parents=True, exist_ok=True)
        except Exception as exc:
            self.state.notice.emit(str(exc))
            return saved
        stamp = now_stamp()
        for i, pm in enumerate(pixmaps, start=1):
            suffix = f"-{i}" if len(pixmaps) > 1 else ""
            path = folder / f"screen-{stamp}{suffix}.png"
            n = 1
            while path.exists():
                n += 1
                path = folder / f"screen-{stamp}{suffix}-{n}.png"
            if pm.save(str(path), "PNG"):
                saved.append(str(path))
        if not saved:
            self.state.notice.emit(tr("Снимок экрана сделать не удалось. Нажмите PrtScn, "
                                      "сохраните снимок и приложите его файлом."))
            return saved
        self.state.extras.screenshots.extend(saved)
        self.add_files(saved)
        self.state.notice.emit(tr("Снимок экрана добавлен"))
        return saved

    # --- showing -------------------------------------------------------------------------------
    def _shots_hint(self) -> str:
        return tr("Откройте в программе {product} окно с ошибкой и сделайте снимок: окно "
                  "сборщика на это время скроется.").format(product=self.state.product)

    def refresh(self, what: str = "") -> None:
        st = self.state
        self.shots_hint.setText(self._shots_hint())
        form = st.form
        inst = st.installation
        day = st.problem_date()
        # logs
        self.logs_box.blockSignals(True)
        self.logs_box.setChecked(st.extras.logs_included)
        self.logs_box.blockSignals(False)
        self.personal_box.blockSignals(True)
        self.personal_box.setChecked(st.extras.hide_personal)
        self.personal_box.setEnabled(st.extras.logs_included)
        self.personal_box.blockSignals(False)
        self.logs_box.setText(tr("&Журналы работы программы за {date}").format(
            date=fmt_date(day)))
        self.logs_box.setAccessibleName(self.logs_box.text().replace("&", ""))
        sel = st.day.selection
        self.logs_box.setEnabled(inst is not None)
        if inst is None:
            self.logs_detail.setText(tr("Журналы программы на этом компьютере не найдены."))
        elif sel is not None and sel.found:
            errors = sel.errors + sel.fatals
            text = tr("{files}, {size}; {errors}").format(
                files=fmt_files(len(sel.files)), size=fmt_size(sel.total_bytes),
                errors=fmt_errors(errors) if errors else tr("ошибок нет"))
            if st.extras.around_days:
                text += " " + tr("(вместе с соседними днями)")
            self.logs_detail.setText(text)
        elif sel is not None:
            self.logs_detail.setText(tr("За этот день журналов нет — выберите другой день на "
                                        "предыдущей странице."))
        else:
            self.logs_detail.setText(tr("Смотрю журналы…") if st.day.loading else "")
        self.logs_warning.set("warning", tr("Без журналов поддержка не сможет разобраться в "
                                            "ошибке.") if not st.extras.logs_included
                              and form.topic == "errors" and inst is not None else "")
        # database
        db = inst.database if inst is not None else None
        usable = db is not None and db.exists and not db.networked
        self.db_box.setEnabled(usable)
        self.db_box.blockSignals(True)
        self.db_box.setChecked(st.include_database())
        self.db_box.blockSignals(False)
        size = fmt_size(db.size_bytes) if db is not None and db.size_bytes else ""
        self.db_box.setText(tr("&Копия базы данных") + (f" ({size})" if size else ""))
        self.db_box.setAccessibleName(self.db_box.text().replace("&", ""))
        if db is None:
            self.db_detail.setText(tr("Настройки базы данных не найдены."))
        elif db.networked:
            self.db_detail.setText(tr("База данных находится на другом компьютере ({server}). "
                                      "Чтобы приложить её, запустите сборщик на том компьютере.")
                                   .format(server=db.server))
        elif not db.exists:
            self.db_detail.setText(tr("Файл базы данных {path} не найден.")
                                   .format(path=db.path_windows))
        else:
            text = tr("Сама программа и её база при этом не меняются. Копия может занять "
                      "несколько минут.")
            est = st.plan.review.estimate if st.plan.review is not None else None
            secs = est.seconds.get("database") if est is not None else None
            if secs:
                text += " " + tr("Для этой базы — {time}.").format(time=fmt_duration(secs))
            self.db_detail.setText(text)
        reason = database_reason(form)
        self.db_reason.set("info", engine_text(reason) if reason else "")
        problems = self.page_problems()
        self.db_problems.set_problems([p for p in problems if p.field == "include_database"])
        # screenshots
        if self._thumbs_for != st.extras.screenshots:
            self._thumbs_for = list(st.extras.screenshots)
            clear_layout(self.thumbs)
            for path in st.extras.screenshots:
                t = Thumbnail(path)
                t.removed.connect(self.remove_file)
                self.thumbs.addWidget(t)
        self.files_card.show_state(problems)


def _title_font(w) -> None:
    f = w.font()
    f.setPointSizeF(f.pointSizeF() * 1.12)
    f.setWeight(f.Weight.DemiBold)
    w.setFont(f)
