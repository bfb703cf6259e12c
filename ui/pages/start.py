"""Start: what the request is about (the desk's three queues), what was found on this PC
(version and whether it is current, data folder, database, GBS.ID) and what to do about what was
not found; a draft to continue and bundles waiting to be sent."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from ui import theme
from ui.i18n import engine_text, fmt_size, tr
from ui.links import current_links, links_html, links_label
from ui.pages.base import Page
from ui.theme import SPACE
from ui.widgets.common import (
    Banner,
    Card,
    ProblemList,
    breakable,
    button,
    clear_layout,
    label,
    set_icon,
    status_column,
)
from ui.widgets.flow import Columns, FlowLayout
from ui.widgets.topics import TopicChoice

FOUND_SIDE_BY_SIDE_MIN = 600  # what was found and the GBS.ID side by side from this width


class StatusRow(QWidget):
    """icon | title / value / detail — one thing found (or not) on this PC."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 4, 0, 4)
        lay.setSpacing(12)
        self.icon, self.spinner = status_column(self, lay)
        col = QVBoxLayout()
        col.setSpacing(2)
        self.title = label(title, muted=True, small=True)
        self.value = label("", selectable=True)
        self.value.setObjectName("BigValue")
        self.detail = label("", muted=True, selectable=True)
        col.addWidget(self.title)
        col.addWidget(self.value)
        col.addWidget(self.detail)
        lay.addLayout(col, 1)
        self.setAccessibleName(title)

    def set(self, icon: str | None, value: str, detail: str = "", *, big: bool = True) -> None:
        name = "BigValue" if big else ""
        if self.value.objectName() != name:
            self.value.setObjectName(name)
            theme.repolish(self.value)
        busy = icon is None
        self.spinner.setVisible(busy)
        self.icon.setVisible(not busy)
        if icon:
            set_icon(self.icon, icon, 20)
        self.value.setText(value)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.setAccessibleDescription(f"{value}. {detail}".strip(". "))


def update_steps(how: str, product: str) -> str:
    """Step by step, around the engine's ``how`` (what this installation's update settings
    mean: it updates itself at start, or through Справка → Проверить обновления)."""
    how = how.strip().rstrip(".")
    return tr(
        "1. Сохраните работу в программе {product}.\n"
        "2. {how}.\n"
        "3. Вернитесь сюда и нажмите «Проверить ещё раз». Если проблема осталась и после "
        "обновления, продолжайте обращение: сборщик укажет новую версию.").format(
        how=how[:1].upper() + how[1:], product=product)


class UpdateAdvice(QWidget):
    """An outdated version: the desk asks to update first — what to do, step by step."""

    def __init__(self, state, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        lay = QVBoxLayout(self)
        lay.setContentsMargins(32, 0, 0, 4)
        lay.setSpacing(6)
        self.banner = Banner("warning", tr("Поддержка просит сначала обновить программу: "
                                           "часто ошибка уже исправлена в новой версии."))
        lay.addWidget(self.banner)
        row = FlowLayout(spacing=SPACE)
        self.how = button(tr("Как обно&вить"), icon="info", on_click=self.toggle,
                          accessible=tr("Как обновить программу"))
        self.again = button(tr("Проверить &ещё раз"), icon="refresh", on_click=state.detect,
                            accessible=tr("Проверить версию ещё раз"))
        row.addWidget(self.how)
        row.addWidget(self.again)
        lay.addLayout(row)
        self.steps = label("", selectable=True)
        self.steps.hide()
        lay.addWidget(self.steps)
        self.hide()

    def show_status(self, status) -> None:
        product = self.state.product
        self.steps.setText(update_steps(engine_text(status.how) or tr(
            "в программе {product}: Справка → Проверить обновления").format(product=product),
            product))

    def toggle(self) -> None:
        self.steps.setVisible(not self.steps.isVisible())


class StartPage(Page):
    key = "start"
    fields = ("topic",)
    # Built one event-loop turn after the window's first paint (:meth:`build_rest`): hidden
    # until the draft, the outbox and the search answer, below the fold, or (the GBS.ID panel)
    # a card whose title is in the first picture and whose body fills in. Asking for one builds
    # them at once.
    LATER = ("draft_banner", "draft_continue", "draft_new", "outbox_banner", "problem_banner",
             "demo_banner", "topic_problems", "update_box", "retry", "point", "desk", "notes",
             "gbs", "links")

    def __init__(self, state, window) -> None:
        self._rest_built = False
        super().__init__(state, window)
        self.watch(state.outbox.changed, "outbox")
        self.topic_title = label(tr("О чём обращение?"), name="CardTitle")
        self.add(self.topic_title)
        self.topics = TopicChoice()
        self.topics.chosen.connect(self._topic_chosen)
        self.add(self.topics)
        self.add(label(tr("Одна тема — одно обращение: вопросы разных тем отправьте "
                          "отдельно."), muted=True, small=True))

        self.cols = Columns(FOUND_SIDE_BY_SIDE_MIN, spacing=2 * SPACE)
        self.found = Card(tr("Что найдено на этом компьютере"), "monitor")
        self.found.setAccessibleName(tr("Что найдено на этом компьютере"))
        self.program = StatusRow(tr("Программа"))
        self.version = StatusRow(tr("Версия"))
        self.data = StatusRow(tr("Папка данных"))
        self.database = StatusRow(tr("База данных"))
        for row in (self.program, self.version, self.data, self.database):
            self.found.add(row)
        self.found.body.addStretch(1)
        self.cols.add(self.found, 3)
        self._gbs_title = Card("GBS.ID", "qr")  # the panel's own title row, until it is built
        self._gbs_title.body.addStretch(1)
        self.cols.add(self._gbs_title, 2)
        self.add(self.cols)

        self.next_hint = label(tr("Всё, что вы напишете, сохраняется само: окно можно закрыть и "
                                  "продолжить потом."), muted=True, small=True)
        self.add(self.next_hint)
        self.layout_.addStretch(1)
        if state.install.detection is not None:  # a rebuilt window (another language)
            self.build_rest()
        else:
            window.on_first_paint(lambda: QTimer.singleShot(0, self, self.build_rest))
            QTimer.singleShot(250, self, self.build_rest)  # a minimised start paints nothing

    def __getattr__(self, name: str):
        if name in StartPage.LATER and not self.__dict__.get("_rest_built", True):
            self.build_rest()
            return getattr(self, name)
        raise AttributeError(name)

    def build_rest(self) -> None:
        """What the first picture does not show: what to do about what the search finds, the
        GBS.ID panel's body, the desk's links."""
        if self._rest_built:
            return
        self._rest_built = True
        found, state = self.found, self.state
        self.draft_banner = Banner("info")
        self.draft_continue = self.draft_banner.add_button(
            button(tr("&Продолжить"), primary=True, on_click=self._continue_draft,
                   accessible=tr("Продолжить черновик")))
        self.draft_new = self.draft_banner.add_button(
            button(tr("Начать &заново"), on_click=self._new_request,
                   accessible=tr("Начать новое обращение, черновик отложить")))
        self.outbox_banner = Banner("info")
        self.outbox_banner.add_button(button(tr("&Очередь отправки…"), icon="send-dark",
                                             on_click=self.window_.show_outbox))
        self.problem_banner = Banner("warning", closable=True)
        self.demo_banner = Banner("info")
        for at, banner in enumerate((self.draft_banner, self.outbox_banner, self.problem_banner,
                                     self.demo_banner)):
            self.layout_.insertWidget(at, banner)
        self.topic_problems = ProblemList()
        self.layout_.insertWidget(self.layout_.indexOf(self.topics) + 1, self.topic_problems)
        at = found.body.indexOf(self.version) + 1
        self.update_box = UpdateAdvice(state)
        found.body.insertWidget(at, self.update_box)
        self.retry = button(tr("Искать ещё раз"), icon="refresh", on_click=state.detect,
                            accessible=tr("Искать программу ещё раз"))
        self.point = button(tr("Указать &папку программы…"), icon="folder",
                            on_click=self._point_to_folder,
                            tip=tr("Папка, где стоит программа (Market.exe), или её папка данных"))
        retry_row = FlowLayout(spacing=SPACE)
        retry_row.addWidget(self.point)
        retry_row.addWidget(self.retry)
        at = found.body.count() - 1  # before the stretch
        found.body.insertLayout(at, retry_row)
        # Without the program found, the desk's addresses stay in view (the request can still
        # be written; the links are also how to reach a person).
        self.desk = label("", small=True, rich=True)
        self.desk.setOpenExternalLinks(True)
        self.desk.hide()
        found.body.insertWidget(at + 1, self.desk)
        self.notes = QVBoxLayout()  # under what to do: where it looked, what is odd
        self.notes.setSpacing(6)
        found.body.insertLayout(at + 2, self.notes)
        from ui.widgets.gbsid import GbsIdPanel

        self.gbs = GbsIdPanel(state, qr_side=200)
        self.cols.box.replaceWidget(self._gbs_title, self.gbs)
        self._gbs_title.hide()
        self._gbs_title.deleteLater()
        self.links = links_label()
        self.layout_.insertWidget(self.layout_.indexOf(self.next_hint) + 1, self.links)
        if self.window_.pages.get(self.key) is self and self.window_.current == self.key:
            self.refresh("built")  # (built in __init__, the window's go() refreshes it)

    def title(self) -> str:
        return tr("Подготовить обращение в поддержку")

    def subtitle(self) -> str:
        from ui.links import desk_name

        return tr("Сборщик соберёт всё, что нужно поддержке {desk}, в один файл: точную "
                  "версию программы, журналы за день проблемы, копию базы данных и GBS.ID.") \
            .format(desk=desk_name(self.state))

    def next_enabled(self) -> bool:
        return not self.state.install.searching  # found or not, the request can be written

    def first_focus(self):
        return self.topics.first_radio(self.state.request.topic)

    def _topic_chosen(self, key: str) -> None:
        if self.state.request.topic != key:
            self.state.form.topic = key
            self.state.request.edit("topic")

    # --- actions -------------------------------------------------------------------------------
    def _continue_draft(self) -> None:
        page = self.state.restore_draft()
        self.window_.go(page if page in self.window_.pages else "start")

    def _new_request(self) -> None:
        self.state.request.decline()
        self.refresh("draft")
        self.topics.first_radio("").setFocus()

    def go_next(self) -> None:
        if not self.state.request.decided:
            self.state.request.decline()
        self.window_.next_page()

    # --- showing the state ---------------------------------------------------------------------
    def refresh(self, what: str = "") -> None:
        self.topics.show_topic(self.state.request.topic)
        if self._rest_built:
            self._show_state()
        else:
            self._show_searching()
        self.window_.update_nav()

    def _show_state(self) -> None:
        st = self.state
        draft = st.request.offer
        if draft is not None:
            self.draft_banner.set("info", engine_text(draft.describe()) + "\n"
                                  + tr("Продолжить его или начать новое обращение?"))
        else:
            self.draft_banner.set("info", "")
        problem = st.request.problem or st.request.save_problem
        self.problem_banner.set("warning", engine_text(problem) if problem else "")
        pending = st.outbox.pending
        if pending:
            names = ", ".join(e.bundle for e in pending[:2]) + ("…" if len(pending) > 2 else "")
            self.outbox_banner.set("info", tr("Ждут отправки в поддержку: {n} — {names}. "
                                              "Их можно отправить сейчас.")
                                   .format(n=len(pending), names=names))
        else:
            self.outbox_banner.set("info", "")
        self.demo_banner.set("info", demo_note(st.installation))
        self.topic_problems.set_problems(self.page_problems() if self.tried_next else [])
        self._show_found()
        self._show_links()

    def _show_links(self) -> None:
        try:
            text = links_html(current_links(self.state))
        except Exception:  # the links are a convenience: never a reason to fail the page
            text = ""
        missing = self.state.installation is None and not self.state.install.searching
        self.links.setText("" if missing else text)
        from ui.links import desk_name

        self.desk.setText(tr("Поддержка {desk}: {links}").format(desk=desk_name(self.state),
                                                                 links=text)
                          if missing and text else "")
        self.desk.setVisible(missing and bool(text))

    def _point_to_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(
            self, tr("Папка программы {product} или её данных").format(product=self.state.product))
        if folder:
            self.state.point_to(Path(folder))

    def _clear_notes(self) -> None:
        clear_layout(self.notes)

    def _note(self, text: str, severity: str = "warning") -> None:
        b = Banner(severity, text)
        self.notes.addWidget(b)
        b.show()

    def _show_searching(self) -> None:
        for row in (self.program, self.version, self.data, self.database):
            row.set(None, tr("Ищу…"))

    def _show_found(self) -> None:
        st = self.state
        self._clear_notes()
        if st.install.searching and st.install.detection is None:
            self._show_searching()
            self.retry.hide()
            self.point.hide()
            return
        inst = st.installation
        if inst is None:
            self.retry.show()
            self.point.show()
            self.program.set("failed", tr("Программа {product} не найдена").format(
                             product=st.product),
                             engine_text(st.install.error) if st.install.error else
                             tr("Обращение всё равно можно отправить: выберите тему и нажмите "
                                "«Далее». Сборщик приложит то, что найдёт, — сведения о "
                                "компьютере, GBS.ID из резервных копий, ваши файлы. Если "
                                "программа стоит в другой папке или на другом диске, укажите "
                                "её папку."))
            self.version.hide()
            self.update_box.hide()
            self.data.hide()
            self.database.hide()
            if st.install.detection is not None:
                where = "\n".join(f"• {engine_text(s.detail)}"
                                  for s in st.install.detection.sources)
                self._note(tr("Где искали:") + "\n" + where, "info")
            return
        self.retry.hide()
        self.point.hide()
        for row in (self.version, self.data, self.database):
            row.show()
        product = engine_text(inst.product)
        running = tr("сейчас запущена") if inst.running else tr("сейчас не запущена")
        exe = inst.exe_windows or tr("файл программы не найден")
        self.program.set("ok", product, breakable(f"{exe} · {running}"))
        self._show_version(inst)
        self.data.set("ok" if inst.data_path.is_dir() else "failed",
                      breakable(inst.data_path_windows),
                      tr("указана в AppConfig.conf") if inst.data_path_source == "AppConfig.conf"
                      else "", big=False)
        self._show_database(inst)
        if inst.correct_exit is False:
            self._note(tr("В прошлый раз программа {product} закрылась некорректно (сбой, "
                          "выключение питания или снятие задачи). Если проблема связана с этим, "
                          "укажите в вопросе, когда это случилось.").format(product=st.product),
                       "info")
        for problem in inst.problems:
            self._note(engine_text(problem), "warning")
        for other in st.install.detection.others[:3]:
            self._note(tr("Найдена ещё одна установка: {product} в {path}. Сборщик берёт "
                          "данные выбранной выше.").format(product=engine_text(other.product),
                                                             path=other.data_path_windows),
                       "info")

    def _show_version(self, inst) -> None:
        st = self.state
        if not inst.version:
            self.version.set("warning", tr("Версия не определена"),
                             tr("Посмотрите её в программе {product}: Справка → О программе — "
                                "и напишите в вопросе, например: «У меня версия 6.3.0.1693».")
                             .format(product=st.product))
            return
        version = inst.version_text or inst.version
        if st.updates.checking or (st.updates.status is None and st.updates.enabled):
            self.version.set(None, version, tr("Проверяю, последняя ли это версия…"))
            return
        up = st.updates.status
        state = up.state if up is not None else "unknown"
        self.update_box.setVisible(state == "outdated")
        if state == "outdated":
            self.update_box.show_status(up)
        if state == "current":
            self.version.set("ok", version, tr("Версия актуальна."))
        elif state == "outdated":
            self.version.set("warning", version, tr("Есть новая версия: {latest}.").format(
                latest=up.latest))
        elif state == "newer":
            self.version.set("ok", version, engine_text(up.message))
        else:
            msg = engine_text(up.message) if up is not None else ""
            self.version.set("info", version, msg or tr("Не удалось проверить, последняя ли это "
                                                        "версия."))
        self.version.detail.setStyleSheet("")

    def _show_database(self, inst) -> None:
        db = inst.database
        if db is None:
            self.database.set("warning", tr("Не найдена"),
                              tr("Настройки базы данных не прочитаны: копию базы приложить не "
                                 "получится, остальное соберётся."))
            return
        name = breakable(db.path_windows or "")
        if db.networked:
            self.database.set("info", name,
                              tr("База данных находится на другом компьютере ({server}). Чтобы "
                                 "приложить её, запустите сборщик на том компьютере.")
                              .format(server=db.server), big=False)
        elif not db.exists:
            self.database.set("warning", name, tr("Файл базы данных не найден: копию базы "
                                                  "приложить не получится."), big=False)
        else:
            self.database.set("ok", name, tr("Размер: {size}").format(
                size=fmt_size(db.size_bytes)), big=False)


def demo_note(inst) -> str:
    """On a demo installation: that nothing of it leaves the PC (``collector.demo``)."""
    if inst is None:
        return ""
    from collector import demo_desk
    from collector.demo import installation_is_demo

    if not installation_is_demo(inst):
        return ""
    where = tr("«Отправить в поддержку» отправит обращение демо-серверу поддержки на этом "
               "компьютере.") if demo_desk.running() is not None else tr(
        "Отправка в поддержку для демо-архивов закрыта: откройте демо командой ./scripts/app, "
        "и обращения будет принимать демо-сервер на этом компьютере.")
    from collector.branding import product_name

    return tr("Это демонстрационная установка программы {product}: с компьютера ничего не "
              "уходит. Обновления проверяются только по ответу сервера, сохранённому "
              "программой.").format(product=product_name(inst)) + \
        " " + where
