"""Date of the problem: the calendar with error days marked, the chosen day's logs at a glance."""

from __future__ import annotations

import re
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QSpinBox, QVBoxLayout

from ui.i18n import engine_text, fmt_date, fmt_errors, fmt_files, fmt_size, tr
from ui.pages.base import Page
from ui.theme import SPACE
from ui.widgets.calendar import ErrorCalendar, pydate
from ui.widgets.common import Card, ProblemList, Spinner, button, clear_layout, label
from ui.widgets.flow import Columns, FlowLayout

SIDE_BY_SIDE_MIN = 720  # the calendar and the chosen day side by side from this width


class DatePage(Page):
    key = "date"
    fields = ("problem_date",)

    def __init__(self, state, window) -> None:
        super().__init__(state, window)
        self.watch(state.calendar.changed, "calendar")
        self.watch(state.calendar.progress, "calendar-progress")
        self.watch(state.day.changed, "day")
        self.intro = label("", muted=True)
        self.add(self.intro)
        cols = Columns(SIDE_BY_SIDE_MIN, spacing=2 * SPACE)
        left = QVBoxLayout()
        left.setSpacing(SPACE)
        quick = FlowLayout(spacing=SPACE)
        self.today_btn = button(tr("С&егодня"), on_click=lambda: self._pick_offset(0))
        self.yesterday_btn = button(tr("В&чера"), on_click=lambda: self._pick_offset(1))
        self.last_error_btn = button("", on_click=self._pick_last_error)
        quick.addWidget(self.today_btn)
        quick.addWidget(self.yesterday_btn)
        quick.addWidget(self.last_error_btn)
        left.addLayout(quick)
        cal_card = Card()
        self.calendar = ErrorCalendar()
        self.calendar.set_today(state.today)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        self.calendar.selectionChanged.connect(self._selection_moved)
        cal_card.add(self.calendar)
        legend = QHBoxLayout()
        self.loading = Spinner(None, 14)
        self.legend = label(tr("Красное число — сколько ошибок записано в журналах за день. "
                               "Зелёная точка — журналы есть, ошибок нет. Бледные дни — журналов "
                               "нет."), muted=True, small=True)
        legend.addWidget(self.loading, 0, Qt.AlignmentFlag.AlignTop)
        legend.addWidget(self.legend, 1)
        cal_card.add(legend)
        left.addWidget(cal_card)
        left.addStretch(1)
        cols.add(left, 3)

        right = QVBoxLayout()
        right.setSpacing(2 * SPACE)
        self.day_card = Card(tr("Выберите день"), "calendar")
        self.day_summary = label("", selectable=True)
        self.day_card.add(self.day_summary)
        self.errors_title = label(tr("Первые ошибки этого дня:"), muted=True, small=True)
        self.day_card.add(self.errors_title)
        self.errors_list = label("", selectable=True, small=True)
        self.day_card.add(self.errors_list)
        self.day_spinner = Spinner(None, 16)
        self.day_card.add(self.day_spinner)
        self.nearby = FlowLayout(spacing=SPACE)
        self.day_card.add(self.nearby)
        around = QHBoxLayout()
        self.around = QSpinBox()
        self.around.setRange(0, 7)
        self.around.setAccessibleName(tr("Соседние дни"))
        self.around.valueChanged.connect(self._around_changed)
        around_label = label(tr("Добавить журналы соседних дней (±):"), small=True)
        around_label.setBuddy(self.around)
        around.addWidget(around_label, 1)
        around.addWidget(self.around)
        self.day_card.add(around)
        self.day_card.add(label(tr("Пригодится, если проблема была около полуночи или "
                                   "повторялась несколько дней."), muted=True, small=True))
        right.addWidget(self.day_card)
        self.problems = ProblemList()
        right.addWidget(self.problems)
        self.days_card = days_card = Card(tr("Дни с ошибками"), "list")
        self.days = QListWidget()
        self.days.setAccessibleName(tr("Дни с ошибками за два месяца"))
        self.days.setMinimumHeight(110)
        self.days.setMaximumHeight(150)
        self.days.itemActivated.connect(self._day_item)
        self.days.itemClicked.connect(self._day_item)
        # arrows through the list choose, as they do in the calendar
        self.days.currentItemChanged.connect(
            lambda item, _old: item is not None and self.days.hasFocus() and self._day_item(item))
        days_card.add(self.days)
        right.addWidget(days_card)
        right.addStretch(1)
        cols.add(right, 2)
        self.add(cols)
        self.layout_.addStretch(1)

    def title(self) -> str:
        return tr("Когда это случилось?")

    def subtitle(self) -> str:
        return tr("По дате сборщик выберет журналы работы программы за этот день.")


    def first_focus(self):
        return self.calendar

    # --- choosing ------------------------------------------------------------------------------
    def _set_day(self, d) -> None:
        if d > self.state.today:
            return
        if self.state.form.problem_date != d:
            self.state.form.problem_date = d
            self.state.request.edit("problem_date")
        self.calendar.set_chosen(d)
        self.refresh("picked")

    def _picked(self, qd) -> None:
        self._set_day(pydate(qd))

    def _selection_moved(self) -> None:
        # keyboard navigation moves the selection: that is a choice too
        if self.calendar.hasFocus():
            self._set_day(pydate(self.calendar.selectedDate()))

    def enter_pressed(self, focus) -> None:
        """Enter on the calendar or the list of days takes the day there, then goes on."""
        if focus is self.days:
            item = self.days.currentItem()
            if item is not None:
                self._day_item(item)
        elif self.calendar.isAncestorOf(focus):
            self._set_day(pydate(self.calendar.selectedDate()))

    def _pick_offset(self, days: int) -> None:
        self._set_day(self.state.today - timedelta(days=days))
        self.calendar.setFocus()

    def _error_days(self) -> list:
        cal = self.state.calendar.days or {}
        return sorted((d for d, s in cal.items() if s.errors + s.fatals), reverse=True)

    def _pick_last_error(self) -> None:
        days = self._error_days()
        if days:
            self._set_day(days[0])

    def _day_item(self, item: QListWidgetItem) -> None:
        d = item.data(Qt.ItemDataRole.UserRole)
        if d:
            self._set_day(d)
            self.calendar.setCurrentPage(d.year, d.month)

    def _around_changed(self, n: int) -> None:
        if self.state.extras.around_days != n:
            self.state.extras.around_days = n
            self.state.request.edit("around_days")

    # --- showing -------------------------------------------------------------------------------
    def refresh(self, what: str = "") -> None:
        st = self.state
        form = st.form
        errors_topic = form.topic in ("errors", "")
        found = st.installation is not None
        if not found:
            self.intro.setText(engine_text(st.calendar.error) if st.calendar.error else "")
        elif errors_topic:
            self.intro.setText(tr("Выберите день, когда появилась ошибка: поддержке нужны "
                                  "журналы именно за него."))
        else:
            self.intro.setText(tr("Выберите день, журналы за который приложить: например, когда "
                                  "программа показала сообщение о лицензии."))
        self.legend.setVisible(found)
        self.days_card.setVisible(found)
        cal = st.calendar.days
        self.loading.setVisible(cal is None and st.calendar.error is None)
        if cal is not None:
            self.calendar.set_stats(cal)
        if what in ("enter", "draft", "calendar", "form") and form.problem_date != \
                self.calendar.chosen:
            self.calendar.set_chosen(form.problem_date)
            if form.problem_date:
                self.calendar.setCurrentPage(form.problem_date.year, form.problem_date.month)
        if self.around.value() != st.extras.around_days:
            self.around.blockSignals(True)
            self.around.setValue(st.extras.around_days)
            self.around.blockSignals(False)
        days = self._error_days()
        self.last_error_btn.setVisible(bool(days))
        if days:
            s = cal[days[0]]
            self.last_error_btn.setText(tr("Последний день с ошибками: {date}")
                                        .format(date=fmt_date(days[0])))
            self.last_error_btn.setAccessibleName(
                tr("Последний день с ошибками: {date}, {errors}")
                .format(date=fmt_date(days[0]), errors=fmt_errors(s.errors + s.fatals)))
        if what in ("calendar", "enter", "draft") or self.days.count() == 0:
            self.days.clear()
            for d in days:
                s = cal[d]
                item = QListWidgetItem(tr("{date} — {errors}").format(
                    date=fmt_date(d, long=True), errors=fmt_errors(s.errors + s.fatals)))
                item.setData(Qt.ItemDataRole.UserRole, d)
                self.days.addItem(item)
            if cal is not None and not days:
                item = QListWidgetItem(tr("За два месяца ошибок в журналах нет."))
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                self.days.addItem(item)
            if st.calendar.error and found:
                self.days.addItem(QListWidgetItem(engine_text(st.calendar.error)))
        self._show_day()
        problems = self.page_problems()
        if not self.tried_next:
            problems = [p for p in problems if p.code != "problem_date.missing"]
        self.problems.set_problems(problems)
        self.window_.update_nav()

    def _show_day(self) -> None:
        st = self.state
        d = st.form.problem_date
        clear_layout(self.nearby)
        if d is None:
            self.day_card.title_label.setText(tr("День не выбран"))
            self.day_summary.setText(tr("Нажмите на день в календаре или выберите его в списке "
                                        "дней с ошибками."))
            self.errors_title.hide()
            self.errors_list.hide()
            self.day_spinner.hide()
            return
        self.day_card.title_label.setText(fmt_date(d, long=True).capitalize())
        stats = (st.calendar.days or {}).get(d)
        sel = st.day.for_day(d)
        loading = st.day.loading
        self.day_spinner.setVisible(loading)
        if sel is not None and sel.found:
            n = sel.errors + sel.fatals
            self.day_summary.setText(day_summary(n, len(sel.files), sel.total_bytes))
            previews = sel.first_errors[:5]
            self.errors_title.setVisible(bool(previews))
            self.errors_list.setVisible(bool(previews))
            self.errors_list.setText("\n".join(_preview(p) for p in previews))
        elif sel is not None:
            # Said once, in words: the engine's own lines name folders (for a technician).
            text = tr("За этот день журналов нет: программа в тот день не запускалась или "
                      "журналы уже удалены.")
            if sel.nearby_days:
                text += " " + tr("Ближайшие дни с журналами:")
            self.day_summary.setText(text)
            self.errors_title.hide()
            self.errors_list.hide()
            for nd in sel.nearby_days[:4]:
                b = button(fmt_date(nd), flat=True, on_click=lambda x=nd: self._set_day(x),
                           accessible=tr("Выбрать {date}").format(date=fmt_date(nd)))
                self.nearby.addWidget(b)
        elif stats is not None:
            self.day_summary.setText(day_summary(stats.errors + stats.fatals, stats.files,
                                                 stats.bytes))
            self.errors_title.hide()
            self.errors_list.hide()
        else:
            self.day_summary.setText(tr("Смотрю журналы за этот день…") if loading else "")
            self.errors_title.hide()
            self.errors_list.hide()


def day_summary(errors: int, files: int, size: int) -> str:
    """«3 ошибки · 7 файлов, 73,8 КБ»."""
    return tr("{errors} · {files}, {size}").format(
        errors=fmt_errors(errors) if errors else tr("ошибок нет"), files=fmt_files(files),
        size=fmt_size(size))


_EXCEPTION_CLASS = re.compile(r"^(?:[A-Za-z_][\w]*\.)*[A-Za-z_]\w*(?:Exception|Error)\b:?\s*")


def _preview(p) -> str:
    """«12:53:04 — Ошибка при открытии журнала продаж (FbException: …)»."""
    clock = p.time.split(" ")[-1].split(".")[0] if p.time else ""
    text = p.message or p.callsite
    detail = _EXCEPTION_CLASS.sub("", p.exception or "").strip()
    if detail:  # what went wrong, without the .NET class name (that is for the desk)
        text += f" ({_short(detail, 70)})"
    return f"• {clock} — {_short(text, 150)}"


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
