"""Review: what will go into the bundle (grouped, with sizes, each file can be unticked and opened
to read), estimates of size and time, free space, the request text, and «Собрать»."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from collector import sources
from ui import prefs, theme
from ui.i18n import engine_text, fmt_duration, fmt_size, tr
from ui.pages.base import Page, owns
from ui.plan import ReviewItem
from ui.theme import SPACE
from ui.widgets.common import (
    Banner,
    Card,
    Spinner,
    breakable,
    button,
    clear_layout,
    icon_label,
    label,
)
from ui.widgets.flow import FlowLayout
from ui.widgets.gbsid import GbsIdPanel

FIELD_PAGES = [
    ("topic", "start"), ("questions", "questions"), ("previous_request", "questions"),
    ("symptoms", "questions"), ("problem_date", "date"), ("include_database", "include"),
    ("attachments", "include"), ("contact", "contacts"), ("gbs_id", "start"), ("version", "start"),
]


def page_for(field: str) -> str | None:
    for f, page in FIELD_PAGES:
        if owns(field, (f,)):
            return page
    return None


class ReviewPage(Page):
    key = "review"

    def __init__(self, state, window) -> None:
        super().__init__(state, window)
        self.watch(state.day.changed, "day")
        self.watch(state.plan.changed, "review")
        self.watch(state.plan.busy, "review-busy")
        self._filling = False
        self.entered = False
        # summary strip
        self.summary = Card()
        row = FlowLayout(spacing=4 * SPACE, row_spacing=SPACE)
        self.size_label = self._metric(row, "box", tr("Размер архива"))
        self.time_label = self._metric(row, "calendar", tr("Сбор займёт"))
        self.space_label = self._metric(row, "folder", tr("Свободно на диске"))
        self.summary.add(row)
        out = QHBoxLayout()
        out.setSpacing(SPACE)
        out.addWidget(label(tr("Папка для архива:"), muted=True, wrap=False))
        self.out_dir = label("", selectable=True)  # a long path wraps after its separators
        out.addWidget(self.out_dir, 1)
        out.addWidget(button(tr("&Изменить…"), icon="folder", on_click=window.choose_out_dir,
                             accessible=tr("Изменить папку для архива")))
        self.summary.add(out)
        self.space_banner = Banner("error")
        self.summary.add(self.space_banner)
        self.add(self.summary)
        # problems with links to fix them
        self.problem_box = QVBoxLayout()
        self.problem_box.setSpacing(6)
        self.add(self.problem_box)
        # tabs
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._files_tab(), theme.icon("list"), tr("Файлы в архиве"))
        self.tabs.addTab(self._text_tab(), theme.icon("chat"), tr("Текст обращения"))
        options = QScrollArea()
        options.setWidgetResizable(True)
        options.setFrameShape(QFrame.Shape.NoFrame)
        options.setWidget(self._options_tab())
        self.tabs.addTab(options, theme.icon("settings"), tr("Для специалиста"))
        self.tabs.currentChanged.connect(lambda i: self.refresh("tab"))
        self.add(self.tabs, 1)

    def _metric(self, row: FlowLayout, icon: str, title: str):
        box = QHBoxLayout()
        box.setSpacing(10)
        box.addWidget(icon_label(icon, 22), 0, Qt.AlignmentFlag.AlignTop)
        col = QVBoxLayout()
        col.setSpacing(0)
        col.addWidget(label(title, muted=True, small=True))
        value = label("—", name="BigValue", wrap=False)
        value.setAccessibleName(title)
        col.addWidget(value)
        box.addLayout(col, 1)
        row.addLayout(box)
        return value

    # --- tabs ----------------------------------------------------------------------------------
    def _files_tab(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        lay.setContentsMargins(0, SPACE, 0, 0)
        lay.setSpacing(SPACE)
        head = QHBoxLayout()
        self.plan_spinner = Spinner(None, 16)
        head.addWidget(self.plan_spinner)
        self.files_hint = label(tr("Снимите отметку с того, что не хотите отправлять. Двойной "
                                   "щелчок открывает файл — так он попадёт в архив."),
                                muted=True, small=True)
        head.addWidget(self.files_hint, 1)
        self.open_button = button(tr("&Открыть"), icon="eye", on_click=self.open_current)
        head.addWidget(self.open_button)
        lay.addLayout(head)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([tr("Файл"), tr("Размер")])
        self.tree.setAccessibleName(tr("Файлы, которые попадут в архив"))
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(False)
        hdr = self.tree.header()
        hdr.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        hdr.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        hdr.setStretchLastSection(False)
        self.tree.itemChanged.connect(self._item_changed)
        self.tree.itemActivated.connect(lambda item, col: self.open_item(item))
        self.tree.currentItemChanged.connect(lambda *a: self._update_open_button())
        self.tree.setMinimumHeight(220)
        lay.addWidget(self.tree, 1)
        self.plan_notes = label("", muted=True, small=True, selectable=True)
        lay.addWidget(self.plan_notes)
        return w

    def _text_tab(self) -> QWidget:
        w = QWidget()
        lay = QHBoxLayout(w)
        lay.setContentsMargins(0, SPACE, 0, 0)
        lay.setSpacing(2 * SPACE)
        col = QVBoxLayout()
        col.setSpacing(SPACE)
        self.request_text = QPlainTextEdit()
        self.request_text.setReadOnly(True)
        self.request_text.setAccessibleName(tr("Текст обращения"))
        self.request_text.setMinimumHeight(240)
        col.addWidget(self.request_text, 1)
        row = QHBoxLayout()
        self.copy_text = button(tr("Скопировать &текст"), icon="copy", on_click=self._copy_text)
        row.addWidget(self.copy_text)
        row.addWidget(label(tr("Этот текст войдёт в архив первым: его поддержка прочитает "
                               "сначала."), muted=True, small=True), 1)
        col.addLayout(row)
        lay.addLayout(col, 3)
        self.gbs = GbsIdPanel(self.state, qr_side=150)
        lay.addWidget(self.gbs, 2, Qt.AlignmentFlag.AlignTop)
        return w

    def _options_tab(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        lay.setContentsMargins(0, SPACE, 0, 0)
        lay.setSpacing(2 * SPACE)
        lay.addWidget(label(tr("Обычно здесь ничего менять не нужно: это для специалиста "
                               "поддержки, если он попросит."), muted=True))
        limits = Card(tr("Пределы времени"), "calendar")
        limits.add(label(tr("Шаг, не уложившийся в свой предел, останавливается, а архив "
                            "собирается без него."), muted=True, small=True))
        grid = QFormLayout()
        grid.setSpacing(6)
        self.limit_spins: dict[str, QSpinBox] = {}
        self.estimate_labels: dict[str, object] = {}
        for source in sources.ordered():
            name = source.name
            spin = QSpinBox()
            spin.setRange(1, 24 * 60)
            spin.setSuffix(tr(" мин"))
            spin.setAccessibleName(tr("Предел времени: {step}").format(
                step=engine_text(source.title)))
            spin.valueChanged.connect(lambda v, n=name: self._limit_changed(n, v))
            est = label("", muted=True, small=True, wrap=False)
            rowl = QHBoxLayout()
            rowl.addWidget(spin)
            rowl.addWidget(est, 1)
            title = label(engine_text(source.title), wrap=False)
            title.setBuddy(spin)
            grid.addRow(title, rowl)
            self.limit_spins[name] = spin
            self.estimate_labels[name] = est
        limits.add(grid)
        lay.addWidget(limits)
        sec = Card(tr("Шифрование и деление"), "lock")
        form = QFormLayout()
        form.setSpacing(SPACE)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(tr("без пароля"))
        self.password.setAccessibleName(tr("Пароль архива"))
        self.password.textEdited.connect(self._password_changed)
        pl = label(tr("&Пароль архива:"), wrap=False)
        pl.setBuddy(self.password)
        form.addRow(pl, self.password)
        self.volume = QComboBox()
        self.volume.setAccessibleName(tr("Разделить архив на части"))
        for mb, text in ((0, tr("не делить")), (10, tr("по 10 МБ")),
                         (20, tr("по 20 МБ (для почты)")), (50, tr("по 50 МБ")),
                         (100, tr("по 100 МБ"))):
            self.volume.addItem(text, mb)
        self.volume.activated.connect(self._volume_changed)
        vl = label(tr("Разделить на &части:"), wrap=False)
        vl.setBuddy(self.volume)
        form.addRow(vl, self.volume)
        sec.add(form)
        sec.add(label(tr("С паролем архив шифруется вместе с именами файлов. Сообщите пароль "
                         "поддержке отдельно, например по телефону; в архив и журналы сборщика "
                         "он не попадает."), muted=True, small=True))
        lay.addWidget(sec)
        lay.addStretch(1)
        return w

    # --- texts and navigation ------------------------------------------------------------------
    def title(self) -> str:
        return tr("Проверьте перед сбором")

    def subtitle(self) -> str:
        return tr("Ничего не уйдёт с компьютера без вашего ведома: посмотрите, что попадёт в "
                  "архив.")


    def next_text(self) -> str:
        return tr("&Собрать архив")

    next_icon = "box"

    def next_enabled(self) -> bool:
        return self.state.install.detection is not None and not self.state.collection.running

    def first_focus(self):
        return self.tree if self.tabs.currentIndex() == 0 else self.tabs

    def blockers(self) -> list:
        return [p for p in self.state.problems() if p.severity == "error"]

    def can_leave_forward(self) -> bool:
        self.tried_next = True
        self.refresh("tried")
        if self.blockers():
            return False
        review = self.state.plan.review
        return review is None or review.estimate.space_ok

    def go_next(self) -> None:
        self.window_.start_collection()

    def on_enter(self) -> None:
        skip = prefs.get("skip_review", False, bool)
        if not self.entered:
            self.tabs.setCurrentIndex(1 if skip else 0)
            self.entered = True
        self._sync_options()
        self.state.plan.refresh(now=True)
        super().on_enter()

    def _state_changed(self, what: str) -> None:
        if not self.isVisible():
            return
        if what in ("form", "gbs", "day", "draft"):
            self.state.plan.refresh()
        if what == "review" and self.state.plan.review is not None:
            self._fill_tree()
        self.refresh(what)

    # --- the plan ------------------------------------------------------------------------------
    def _exclude(self) -> set[str]:
        ex = set(self.state.extras.exclude)
        if not self.state.logs_going():
            ex.add("logs")
        return ex

    def _fill_tree(self) -> None:
        review = self.state.plan.review
        exclude = self._exclude()
        expanded = {self.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)
                    for i in range(self.tree.topLevelItemCount())
                    if self.tree.topLevelItem(i).isExpanded()}
        first_fill = self.tree.topLevelItemCount() == 0
        self._filling = True
        self.tree.clear()
        for group in sources.groups():
            items = [i for i in review.items if i.group == group.name]
            if not items:
                continue
            g = QTreeWidgetItem([engine_text(group.title), ""])
            g.setIcon(0, theme.icon(group.icon))
            g.setData(0, Qt.ItemDataRole.UserRole, group.name)
            f = g.font(0)
            f.setBold(True)
            g.setFont(0, f)
            g.setFlags(g.flags() | Qt.ItemFlag.ItemIsUserCheckable
                       | Qt.ItemFlag.ItemIsAutoTristate)
            self.tree.addTopLevelItem(g)
            for it in items:
                child = QTreeWidgetItem([entry_title(it.arcname), self._size_text(it)])
                child.setData(0, Qt.ItemDataRole.UserRole, it)
                child.setTextAlignment(1, Qt.AlignmentFlag.AlignRight
                                       | Qt.AlignmentFlag.AlignVCenter)
                tip = it.item.source or it.arcname
                if it.item.note:
                    tip += "\n" + engine_text(it.item.note)
                child.setToolTip(0, tip)
                flags = child.flags() | Qt.ItemFlag.ItemIsUserCheckable
                if it.required:
                    flags &= ~Qt.ItemFlag.ItemIsUserCheckable
                    child.setToolTip(0, tr("Обязательная часть обращения"))
                child.setFlags(flags)
                on = it.required or not excluded(it.arcname, exclude)
                child.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                g.addChild(child)
            g.setExpanded(group in expanded or (first_fill and group in ("request", "logs",
                                                                         "attachments")))
        self._filling = False
        self._update_group_sizes()
        self._update_open_button()

    def _size_text(self, it) -> str:
        text = fmt_size(it.item.size)
        return tr("≈ {size}").format(size=text) if it.item.estimated else text

    def _update_group_sizes(self) -> None:
        review = self.state.plan.review
        if review is None:
            return
        exclude = self._exclude()
        self._filling = True
        for i in range(self.tree.topLevelItemCount()):
            g = self.tree.topLevelItem(i)
            group = g.data(0, Qt.ItemDataRole.UserRole)
            chosen = [it for it in review.items if it.group == group
                      and (it.required or not excluded(it.arcname, exclude))]
            g.setText(1, fmt_size(sum(it.item.size for it in chosen)) if chosen
                      else tr("не войдёт"))
            g.setText(0, f"{engine_text(sources.group_title(group))} · {len(chosen)}")
        self._filling = False

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or column != 0:
            return
        it = item.data(0, Qt.ItemDataRole.UserRole)
        if not isinstance(it, ReviewItem):
            return  # group rows: Qt sets the children, which arrive here one by one
        on = item.checkState(0) == Qt.CheckState.Checked
        st = self.state
        if it.group == "database":
            st.form.include_database = on
            st.request.edit("include_database")
            return
        ex = set(st.extras.exclude)
        if on:
            ex.discard(it.arcname)
            if it.group == "logs" and not st.logs_going():
                # logs were switched off as a whole: on again, without the other files
                st.extras.logs_included = True
                st.extras.logs_wanted = True
                ex |= {o.arcname for o in st.plan.review.items if o.group == "logs"
                       and o.arcname != it.arcname}
        else:
            ex.add(it.arcname)
        ex_list = sorted(ex)
        if ex_list != st.extras.exclude:
            st.extras.exclude = ex_list
            self._update_group_sizes()
            st.request.edit("exclude")
            st.plan.refresh(estimate_only=True)

    def _update_open_button(self) -> None:
        item = self.tree.currentItem()
        it = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        self.open_button.setEnabled(isinstance(it, ReviewItem))

    def open_current(self) -> None:
        item = self.tree.currentItem()
        if item is not None:
            self.open_item(item)

    def open_item(self, item: QTreeWidgetItem) -> None:
        from ui.viewer import FileViewer

        it = item.data(0, Qt.ItemDataRole.UserRole)
        if not isinstance(it, ReviewItem):
            item.setExpanded(not item.isExpanded())
            return
        if it.reader is not None:
            FileViewer(entry_title(it.arcname), it.reader, self.window()).exec()
            return
        if it.group == "database":
            self.window_.show_notice(tr("Копия базы данных делается во время сбора, открыть "
                                        "её заранее нельзя."))
            return
        src = it.item.source
        if src and Path(src).is_file():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(src)))

    # --- options -------------------------------------------------------------------------------
    def _sync_options(self) -> None:
        ex = self.state.extras
        for name, spin in self.limit_spins.items():
            seconds = ex.time_limits.get(name, sources.get(name).time_limit)
            spin.blockSignals(True)
            spin.setValue(max(1, round(seconds / 60)))
            spin.blockSignals(False)
        if self.password.text() != ex.password:
            self.password.setText(ex.password)
        self.volume.setCurrentIndex(max(0, self.volume.findData(ex.volume_mb)))

    def _limit_changed(self, name: str, minutes: int) -> None:
        default = sources.get(name).time_limit
        limits = dict(self.state.extras.time_limits)
        if minutes * 60 == default or round(default / 60) == minutes:
            limits.pop(name, None)
        else:
            limits[name] = float(minutes * 60)
        self.state.extras.time_limits = limits
        self.state.request.edit("time_limits")

    def _password_changed(self, text: str) -> None:
        self.state.extras.password = text

    def _volume_changed(self, index: int) -> None:
        self.state.extras.volume_mb = int(self.volume.itemData(index) or 0)
        self.state.request.edit("volume")

    def _copy_text(self) -> None:
        QGuiApplication.clipboard().setText(self.request_text.toPlainText())
        self.window_.show_notice(tr("Текст обращения скопирован"))

    # --- showing -------------------------------------------------------------------------------
    def refresh(self, what: str = "") -> None:
        st = self.state
        out = st.out_dir()
        self.out_dir.setText(breakable(str(out)))
        self.out_dir.setToolTip(str(out))
        review = st.plan.review
        busy = st.plan.task is not None
        self.plan_spinner.setVisible(busy)
        if review is not None:
            est = review.estimate
            self.size_label.setText(tr("≈ {size}").format(size=fmt_size(
                max(1024, est.archive_bytes))))
            self.time_label.setText(fmt_duration(est.total_seconds + 3))
            to_desk = est.to_desk_seconds  # known once something was sent from this PC
            if to_desk is not None:
                from collector.bundle.preset import eta_text

                self.time_label.setText(f"{self.time_label.text()} · "
                                        f"{engine_text(eta_text(to_desk + 3))}")
            first = est.space[0] if est.space else None
            self.space_label.setText(fmt_size(first.free) if first and first.free is not None
                                     else tr("неизвестно"))
            msgs = [tr("Не хватает места в папке {folder} ({purpose}): нужно около {need}, "
                       "свободно {free}. Освободите место или выберите другую папку.").format(
                folder=c.folder, purpose=engine_text(c.purpose), need=fmt_size(c.needed),
                free=fmt_size(c.free)) for c in est.space if not c.ok]
            self.space_banner.set("error", "\n".join(msgs))
            for name, label_ in self.estimate_labels.items():
                secs = est.seconds.get(sources.get(name).group)
                label_.setText(tr("обычно {time}").format(time=fmt_duration(secs)) if secs
                               else tr("обычно секунды"))
            notes = [engine_text(p) for p in est.problems
                     if not any(p == m for m in msgs)]
            notes.append(tr("Размер и время — оценка до сбора."))
            self.plan_notes.setText("\n".join(dict.fromkeys(notes)))
        if st.plan.error:
            self.plan_notes.setText(tr("Список файлов не составлен: {error}")
                                    .format(error=engine_text(st.plan.error)))
        if self.tabs.currentIndex() == 1 or what in ("enter", "tab", "form", "gbs", "plan"):
            ctx = st.context()
            from collector.request import render_request_text

            text = render_request_text(st.form, ctx)
            if self.request_text.toPlainText() != text:
                self.request_text.setPlainText(text)
        self._show_problems()
        self.window_.update_nav()

    def _show_problems(self) -> None:
        clear_layout(self.problem_box)
        problems = [p for p in self.state.problems() if p.severity in ("error", "warning")]
        problems.sort(key=lambda p: p.severity != "error")
        for p in problems[:6]:
            b = Banner(p.severity, engine_text(p.message))
            target = page_for(p.field)
            if target and target != "review":
                b.add_button(button(tr("Исправить"), flat=True,
                                    on_click=lambda t=target: self.window_.go(t),
                                    accessible=tr("Исправить: {what}").format(
                                        what=engine_text(p.message)[:60])))
            self.problem_box.addWidget(b)
            b.show()
        if len(problems) > 6:
            self.problem_box.addWidget(label(tr("…и ещё замечаний: {n}").format(
                n=len(problems) - 6), muted=True, small=True))


def entry_title(arcname: str) -> str:
    """What the collector itself writes, named in words; the program's own files by name."""
    own = {
        "request.txt": tr("Текст обращения"),
        "request.json": tr("Обращение для программы поддержки"),
        "gbs_id.txt": tr("GBS.ID текстом"),
        "gbs_id_qr.png": tr("QR-код GBS.ID"),
        "system.json": tr("Сведения о компьютере"),
        "database/main.fbk": tr("Копия базы данных"),
    }
    return own.get(arcname, arcname)


def excluded(arcname: str, exclude: set[str]) -> bool:
    return arcname in exclude or any(arcname.startswith(x.rstrip("/") + "/") for x in exclude)
