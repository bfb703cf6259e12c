"""The main window: the steps on the left, the page with its title, and Back/Next at the bottom.

Keyboard: Tab/Shift+Tab through every control, Alt+underlined letter for buttons and fields,
Enter = the primary action (Next) outside multi-line text, Ctrl+Enter = Next from anywhere,
Escape = Back (or cancel a running collection or upload), Ctrl+N = new request.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QRectF, QSize, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPen
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from collector import __version__
from ui import first_paint, prefs, tasks, theme
from ui.i18n import LANGUAGES, engine_text, tr
from ui.qt import Qt
from ui.theme import SPACE
from ui.widgets.common import button, label

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

# The binding builds a Qt class (with its enums) on first use: the classes only menus, keys and
# dialogs need are imported where they are used, after the window's first paint.

_step_icons: dict[tuple[int, str, tuple[float, ...]], QIcon] = {}
NARROW_WIDTH = 1100  # below it (1024×768, 1366×768 at 125 % and more): narrower margins
LOW_HEIGHT = 640  # below it (a laptop at 125 % or 150 % less the taskbar): a compact header


def _is_enter(event) -> bool:
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
        and mods == Qt.KeyboardModifier.NoModifier


def step_icon(number: int, mode: str) -> QIcon:
    """A numbered circle: ``current`` filled with the accent, ``done`` a check, else outlined."""
    key = (number, mode, theme.screen_ratios())
    if key not in _step_icons:
        _step_icons[key] = _make_step_icon(number, mode)
    return _step_icons[key]


def _make_step_icon(number: int, mode: str) -> QIcon:

    def draw(p: QPainter, r: QRectF, c: QColor) -> None:
        u = min(r.width(), r.height()) / 24.0
        centre = r.center()
        rad = 10.5 * u
        if mode == "current":
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(theme.ACCENT))
            p.drawEllipse(centre, rad, rad)
            fg = QColor("#FFFFFF")
        elif mode == "done":
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(theme.OK))
            p.drawEllipse(centre, rad, rad)
            pen = QPen(QColor("#FFFFFF"), 2.4 * u)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            p.setPen(pen)
            theme._poly(p, r, u, (7.5, 12.5), (10.7, 15.7), (16.5, 9))
            return
        else:
            p.setPen(QPen(QColor(theme.BORDER_STRONG), 1.6 * u))
            p.setBrush(QColor("#FFFFFF"))
            p.drawEllipse(centre, rad, rad)
            fg = QColor(theme.MUTED)
        f = QFont()
        f.setPixelSize(max(6, int(11 * u)))
        f.setBold(True)
        p.setFont(f)
        p.setPen(fg)
        p.drawText(r, Qt.AlignmentFlag.AlignCenter, str(number))

    return theme.drawn_icon(draw, theme.ACCENT, disabled=None)


class Sidebar(QFrame):
    clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Sidebar")
        self.setFixedWidth(236)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2 * SPACE, 3 * SPACE, 2 * SPACE, 2 * SPACE)
        lay.setSpacing(4)
        title = label(tr("Обращение в поддержку"), name="AppTitle")
        self.subtitle = label("GBS.Market", name="AppSubtitle")  # the desk's name, once known
        lay.addWidget(title)
        lay.addWidget(self.subtitle)
        lay.addSpacing(2 * SPACE)
        self.steps_layout = QVBoxLayout()
        self.steps_layout.setSpacing(2)
        lay.addLayout(self.steps_layout)
        lay.addStretch(1)
        self.footer = label(tr("Сборщик {version}").format(version=__version__), muted=True,
                            small=True)
        lay.addWidget(self.footer)
        self.buttons: dict[str, QPushButton] = {}

    def set_compact(self, low: bool) -> None:
        self.steps_layout.setSpacing(0 if low else 2)
        for b in self.buttons.values():
            theme.restyle(b, "compact", low)

    def set_steps(self, steps: list[tuple[str, str]]) -> None:
        for key, name in steps:
            b = QPushButton(name)
            b.setObjectName("StepButton")
            b.setIconSize(QSize(24, 24))
            first_paint.later(lambda b=b: b.setCursor(Qt.CursorShape.PointingHandCursor))
            # Not in the Tab chain: Tab starts in the page; Ctrl+PgUp/PgDn move between steps.
            # (Enum properties by name before the first picture: ui.qt.)
            b.setProperty("focusPolicy", "ClickFocus")
            b.setAccessibleName(tr("Шаг: {name}").format(name=name))
            b.clicked.connect(lambda _c=False, k=key: self.clicked.emit(k))
            self.steps_layout.addWidget(b)
            self.buttons[key] = b

    def show_position(self, order: list[str], current: str, reachable: set[str],
                      done: set[str]) -> None:
        for key, b in self.buttons.items():
            b.setVisible(key in order)
        for n, key in enumerate(order, start=1):
            b = self.buttons.get(key)
            if b is None:
                continue
            mode = "current" if key == current else "done" if key in done else "todo"
            theme.set_drawn_icon(b, lambda n=n, mode=mode: step_icon(n, mode))
            b.setEnabled(key in reachable or key == current)
            theme.restyle(b, "current", key == current)
            state = {"current": tr("текущий"), "done": tr("пройден"), "todo": ""}[mode]
            b.setAccessibleDescription(state)


class Pages:
    """The window's pages, each built the first time it is needed."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.built: dict[str, QWidget] = {}

    def __contains__(self, key: object) -> bool:
        return key in self.window.ORDER

    def __getitem__(self, key: str):
        page = self.built.get(key)
        if page is None:
            from ui.pages import page_class

            page = page_class(key)(self.window.state, self.window)
            self.built[key] = page
            self.window.stack.addWidget(page)
        return page

    def get(self, key: str | None):
        return self.built.get(key) if key else None


class MainWindow(QMainWindow):
    language_requested = Signal(str)

    ORDER = ("start", "questions", "date", "include", "contacts", "review", "collect", "result")
    starts_maximized = False  # a small screen: shown maximised (restore_geometry)

    def __init__(self, state, controller=None) -> None:
        super().__init__()
        from ui.pages import STEP_PAGES, step_names

        self.state = state
        self.controller = controller
        self.setWindowTitle(tr("Обращение в поддержку {product}").format(product="GBS.Market"))
        self.setObjectName("MainWindow")
        self.visited: set[str] = {"start"}
        self.current = "start"
        self._first_paint_callbacks: list = []

        central = QWidget()
        central.setObjectName("Content")
        outer = QHBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.sidebar = Sidebar()
        outer.addWidget(self.sidebar)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(0)
        header = QWidget()
        hl = QVBoxLayout(header)
        self.header_layout = hl
        hl.setContentsMargins(4 * SPACE, 3 * SPACE, 4 * SPACE, SPACE)
        hl.setSpacing(4)
        self.page_title = label("", name="PageTitle")
        self.page_title.setAccessibleName(tr("Заголовок страницы"))
        self.page_subtitle = label("", name="PageSubtitle")
        hl.addWidget(self.page_title)
        hl.addWidget(self.page_subtitle)
        right.addWidget(header)
        self.stack = QStackedWidget()
        right.addWidget(self.stack, 1)
        self.nav = QFrame()
        self.nav.setObjectName("NavBar")
        nl = QHBoxLayout(self.nav)
        self.nav_layout = nl
        nl.setContentsMargins(4 * SPACE, 12, 4 * SPACE, 12)
        nl.setSpacing(SPACE)
        self.back = button(tr("&Назад"), icon="back", on_click=self.prev_page,
                           accessible=tr("Назад"))
        self.notice = label("", muted=True, small=True)
        self.notice.setAccessibleName(tr("Сообщение"))
        self.next = button(tr("&Далее"), icon="next", primary=True, on_click=self._next_clicked)
        self.next.setProperty("layoutDirection", "RightToLeft")  # the arrow after the text
        self.next.setMinimumWidth(140)
        nl.addWidget(self.back)
        nl.addWidget(self.notice, 1)
        nl.addWidget(self.next)
        right.addWidget(self.nav)
        outer.addLayout(right, 1)
        self.setCentralWidget(central)

        self.pages = Pages(self)
        names = step_names()
        self.sidebar.set_steps([(k, names[k]) for k in STEP_PAGES])
        self.sidebar.clicked.connect(self.go)
        # Marked before anything is polished: a property the style sheet selects on, changed
        # later, costs a repolish (and, the first time, the binding's whole style type).
        self.sidebar.buttons["start"].setProperty("current", True)
        self._menus = self._build_menus()
        for signal in (state.install.changed, state.request.edited, state.request.draft_changed,
                       state.outbox.changed):
            signal.connect(self._state_changed)
        state.install.changed.connect(self._show_product)
        if state.installation is not None:  # a rebuilt window (another language)
            self._show_product()
        state.notice.connect(self.show_notice)
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.timeout.connect(lambda: self.notice.setText(""))
        self.restore_geometry()
        self.go("start", record=False)
        # The keys are watched from the first paint on (no key reaches a window not on screen):
        # a Python filter on the whole application makes the binding look up the type of every
        # object it sees, and the first of those (Qt's own windows, the gesture manager of a
        # scroll area) cost a long look-up each. The app builds the next page once the window is
        # on screen (build_next_page), so none of that is on the first picture or on «Далее».
        self._keys_watched = False
        self.on_first_paint(self._after_first_paint)
        QTimer.singleShot(250, self, self._after_first_paint)  # a minimised start paints nothing

    # --- menus and keys ------------------------------------------------------------------------
    def _build_menus(self) -> tuple:
        """The menu bar as the first picture shows it: the menus' titles (their items are added
        after the first paint, :meth:`_fill_menus`)."""
        mb = self.menuBar()
        self.act_new = None
        self.language_actions = {}
        return mb.addMenu(tr("&Файл")), mb.addMenu(tr("Н&астройки")), mb.addMenu(tr("Сп&равка"))

    def _fill_menus(self) -> None:
        from PySide6.QtGui import QActionGroup, QKeySequence

        file, opts, help_ = self._menus
        self.act_new = file.addAction(tr("&Новое обращение"), self.new_request)
        self.act_new.setShortcut(QKeySequence.StandardKey.New)
        file.addAction(tr("&Очередь отправки…"), self.show_outbox)
        file.addAction(tr("Открыть &папку с архивами"), self.open_out_dir)
        file.addSeparator()
        quit_ = file.addAction(tr("В&ыход"), self.close)
        quit_.setShortcut(QKeySequence("Ctrl+Q"))

        lang = opts.addMenu(tr("&Язык / Language"))
        lang.setIcon(theme.icon("globe"))
        group = QActionGroup(self)
        current = self.controller.translations.lang if self.controller else "ru"
        for code, name in LANGUAGES.items():
            a = lang.addAction(name)
            a.setCheckable(True)
            a.setChecked(code == current)
            group.addAction(a)
            a.triggered.connect(lambda _c=False, c=code: self.language_requested.emit(c))
            self.language_actions[code] = a
        opts.addAction(tr("&Папка для архивов…"), self.choose_out_dir)
        self.act_review = opts.addAction(tr("Показывать &список файлов перед сбором"))
        self.act_review.setCheckable(True)
        self.act_review.setChecked(not prefs.get("skip_review", False, bool))
        self.act_review.toggled.connect(self._toggle_review)

        help_.addAction(tr("Как скопировать &GBS.ID"), self.show_gbsid_help)
        help_.addAction(tr("&Правила поддержки"), self.show_rules)
        help_.addSeparator()
        help_.addAction(tr("&База знаний поддержки"), lambda: self._open_desk("kb"))
        help_.addAction(tr("&Связаться с поддержкой"), lambda: self._open_desk("support"))
        help_.addSeparator()
        help_.addAction(tr("&О программе"), self.show_about)
        for a in (self.act_new, *self.language_actions.values()):
            a.setEnabled(not self.state.busy)

    def _shortcuts(self) -> None:
        from PySide6.QtGui import QKeySequence, QShortcut

        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(seq), self, activated=self._next_clicked)
        QShortcut(QKeySequence("Ctrl+PgDown"), self, activated=lambda: self._step(1))
        QShortcut(QKeySequence("Ctrl+PgUp"), self, activated=lambda: self._step(-1))

    def _step(self, delta: int) -> None:
        order = self.step_order()
        if self.current not in order:
            return
        i = order.index(self.current) + delta
        if 0 <= i < len(order) and self.sidebar.buttons[order[i]].isEnabled():
            self.go(order[i])

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._focus_soon()

    def keyPressEvent(self, event) -> None:
        """Keys no widget took: Enter = Next (a focused button is pressed instead), Escape =
        Back, or cancel what is running."""
        from PySide6.QtWidgets import QAbstractButton, QApplication, QPlainTextEdit, QTextEdit

        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        focus = QApplication.focusWidget()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and mods == Qt.KeyboardModifier.NoModifier:
            if isinstance(focus, (QPlainTextEdit, QTextEdit)) and not focus.isReadOnly():
                return super().keyPressEvent(event)
            if isinstance(focus, QAbstractButton) and focus is not self.next \
                    and not focus.isCheckable():  # a radio or tick: Enter means "done, go on"
                focus.click()
                return None
            if self.next.isEnabled() and self.next.isVisible():
                self._next_clicked()
                return None
        if key == Qt.Key.Key_Escape and mods == Qt.KeyboardModifier.NoModifier:
            page = self.pages[self.current]
            if hasattr(page, "escape"):
                page.escape()
                return None
            if self.back.isVisible() and self.back.isEnabled():
                self.prev_page()
                return None
        return super().keyPressEvent(event)

    def eventFilter(self, obj, event) -> bool:
        """Enter = «Далее» also where a control would take Enter for itself: the calendar, the
        list of days, the review's file tree, a closed drop-down list, a read-only text. The
        page may first take what is under the cursor (the calendar's day)."""
        if event.type() == QEvent.Type.KeyPress and _is_enter(event) and self._takes_enter(obj):
            page = self.pages.get(self.current)
            if page is not None and hasattr(page, "enter_pressed"):
                page.enter_pressed(obj)
            self._next_clicked()
            return True
        return False

    def _takes_enter(self, obj) -> bool:
        from PySide6.QtWidgets import (
            QAbstractItemView,
            QApplication,
            QComboBox,
            QPlainTextEdit,
            QTextEdit,
        )

        if not isinstance(obj, QWidget) or obj is not QApplication.focusWidget() \
                or obj.window() is not self or not self.isActiveWindow():
            return False
        if isinstance(obj, QComboBox):
            return not obj.view().isVisible()
        if isinstance(obj, (QPlainTextEdit, QTextEdit)):
            return obj.isReadOnly()
        return isinstance(obj, QAbstractItemView)

    # --- navigation ----------------------------------------------------------------------------
    def step_order(self) -> list[str]:
        """The steps of this request (they depend on its topic), as the sidebar lists them."""
        from ui.pages import flow

        return flow(self.state.request.topic, self.state.extras.logs_wanted)

    def go(self, key: str, record: bool = True) -> None:
        if key not in self.ORDER:
            key = "start"
        old = self.pages.get(self.current)
        if old is not None and old.key != key:
            old.on_leave()
        self.current = key
        self.visited.add(key)
        page = self.pages[key]
        if getattr(self, "_fitted", None) is not None:
            page.set_compact(*self._fitted)
        self.stack.setCurrentWidget(page)
        self.page_title.setText(page.title())
        self.page_subtitle.setText(page.subtitle())
        self.page_subtitle.setVisible(bool(page.subtitle()))
        if key not in ("collect", "result"):
            self.state.extras.page = key
        page.on_enter()
        self.update_nav()
        if record:
            self.state.request.save()
        page.scroll.verticalScrollBar().setValue(0)
        self._focus_soon(page)

    def _focus_soon(self, page=None) -> None:
        """The page's first field focused once the event loop turns (after the first picture
        while it is awaited: a focus reason is a value of the Qt namespace, ui.qt)."""
        def focus() -> None:
            self._focus_first(page if page is not None else self.pages[self.current])

        first_paint.later(lambda: QTimer.singleShot(0, self, focus))

    def _focus_first(self, page) -> None:
        if self.current != page.key:
            return
        target = getattr(page, "first_focus", None)
        w = target() if callable(target) else None
        if w is not None and w.isVisible() and w.isEnabled():
            w.setFocus(Qt.FocusReason.TabFocusReason)
        else:
            self.next.setFocus(Qt.FocusReason.TabFocusReason)

    def next_page(self) -> None:
        order = [*self.step_order(), "collect", "result"]
        if self.current not in order:  # a page this topic skips (the topic changed meanwhile)
            order = list(self.ORDER)
        i = order.index(self.current)
        nxt = order[i + 1] if i + 1 < len(order) else None
        if nxt:
            self.go(nxt)

    def prev_page(self) -> None:
        if self.current in ("collect",):
            return
        order = self.step_order()
        if self.current == "result":
            self.go("review")
            return
        if self.current not in order:
            order = [k for k in self.ORDER if k in order or k == self.current]
        i = order.index(self.current)
        if i > 0:
            self.go(order[i - 1])

    def _next_clicked(self) -> None:
        if not self.next.isEnabled() or not self.next.isVisible():
            return
        page = self.pages[self.current]
        if not page.can_leave_forward():
            self.show_notice(self._fix_first_text())
            return
        page.go_next()

    def update_nav(self) -> None:
        page = self.pages[self.current]
        busy = self.state.busy
        self.back.setVisible(page.back_visible() and self.current != "start")
        text = page.next_text()
        self.next.setText(text)
        self.next.setAccessibleName(text.replace("&", ""))
        self.next.setVisible(bool(text))
        self.next.setEnabled(page.next_enabled())
        primary = getattr(page, "next_primary", True)
        theme.restyle(self.next, "primary", primary)
        icon = getattr(page, "next_icon", "next")
        if icon:
            colour = "#FFFFFF" if primary else None
            theme.set_drawn_icon(self.next, lambda: theme.icon(icon, colour))
        else:
            self.next.setIcon(QIcon())
        self.next.setProperty("layoutDirection", "RightToLeft" if icon == "next"
                              else "LeftToRight")
        searched = self.state.install.detection is not None  # found or not: the steps open
        reachable = set()
        if searched and not busy:
            reachable = {k for k in self.step_order() if k not in ("collect", "result")}
            if self.state.collection.result is not None:
                reachable.add("result")
        done = {k for k in self.visited if k != self.current
                and self.ORDER.index(k) < self.ORDER.index(self.current)}
        self.sidebar.show_position(self.step_order(), self.current, reachable, done)
        for a in self.language_actions.values():
            a.setEnabled(not busy)
        if self.act_new is not None:  # (the menus are filled after the first paint)
            self.act_new.setEnabled(not busy)

    def _show_product(self) -> None:
        """The found build names the window («HiPos»); the page's texts follow it."""
        from ui.links import desk_name

        name = desk_name(self.state)
        self.setWindowTitle(tr("Обращение в поддержку {product}").format(product=name))
        self.sidebar.subtitle.setText(name)
        page = self.pages.get(self.current)
        if page is not None:
            self.page_title.setText(page.title())
            self.page_subtitle.setText(page.subtitle())

    def _state_changed(self, *_args) -> None:
        self.update_nav()
        if self.notice.text() == self._fix_first_text() and self.current in self.pages.built \
                and not self.pages[self.current].blockers():
            self.notice.setText("")  # fixed: the reminder goes

    @staticmethod
    def _fix_first_text() -> str:
        return tr("Исправьте отмеченное на этой странице, чтобы продолжить.")

    def start_collection(self) -> None:
        if self.state.collection.running:
            return
        page = self.pages["collect"]
        self.state.start_collection()
        page.begin()
        self.go("collect")

    def show_notice(self, text: str, ms: int = 6000) -> None:
        self.notice.setText(engine_text(text))
        self._notice_timer.start(ms)

    # --- actions -------------------------------------------------------------------------------
    def new_request(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        if self.state.collection.running:
            return
        if self.state.request.has_content() and self.state.collection.result is None:
            answer = QMessageBox.question(
                self, tr("Новое обращение"),
                tr("Начать новое обращение? Текущий черновик не удалится: он будет отложен в "
                   "папку черновиков."))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.state.new_request()
        self.visited = {"start"}
        for page in self.pages.built.values():
            page.tried_next = False  # a new request: no remarks before the user has acted
        self.go("start")

    def show_outbox(self) -> None:
        from ui.outbox import OutboxDialog

        OutboxDialog(self.state, self).exec()
        self.state.outbox.refresh()

    def open_out_dir(self) -> None:
        from collector.delivery import reveal_in_file_manager

        folder = self.state.out_dir()
        folder.mkdir(parents=True, exist_ok=True)
        hand = reveal_in_file_manager(folder)
        if not getattr(hand, "ok", True):
            self.show_notice(getattr(hand, "message", ""))

    def choose_out_dir(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(self, tr("Папка для архивов"),
                                                  str(self.state.out_dir()))
        if folder and self.out_dir_acceptable(folder):
            self.state.extras.out_dir = folder
            prefs.put("out_dir", folder)
            self.state.request.edit("out_dir")

    def out_dir_acceptable(self, folder: str) -> bool:
        """Never one of GBS.Market's folders, never read-only: said with a folder that would do
        (collector.outdir); nothing is created by the check."""
        from PySide6.QtWidgets import QMessageBox

        from collector.outdir import OutDirError, check_out_dir

        try:
            check_out_dir(Path(folder), installation=self.state.installation,
                          root=self.state.install.root, probe=False)
        except OutDirError as exc:
            QMessageBox.warning(self, tr("Папка для архивов"), engine_text(exc.message))
            return False
        return True

    def _toggle_review(self, on: bool) -> None:
        prefs.put("skip_review", not on)
        self.update_nav()

    def show_gbsid_help(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from collector.gbsid import no_id_help

        QMessageBox.information(self, tr("Как скопировать GBS.ID"),
                                engine_text(no_id_help(product=self.state.product)))

    def _open_desk(self, which: str) -> None:
        """The desk's page (with the GBS.ID in its address, or the vendor build's own)."""
        from ui.links import current_links, open_url

        links = current_links(self.state)
        open_url(getattr(links, which) or links.site)

    def show_rules(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(self, tr("Правила поддержки"), tr(
            "Как поддержка GBS.Market просит оформлять обращения:\n\n"
            "• Сначала поищите ответ в базе знаний на сайте gbsmarket.ru.\n"
            "• Обновите программу до последней версии; точную версию сборщик укажет сам.\n"
            "• Одна тема на обращение: оплата и лицензии, технические вопросы и ошибки, "
            "сотрудничество.\n"
            "• Несколько вопросов — пронумеруйте их; большие вопросы — отдельными обращениями.\n"
            "• Для ошибки нужны журналы за тот день, когда она появилась; для ситуаций с "
            "данными — копия базы.\n"
            "• Никаких голосовых сообщений: пишите текстом или позвоните.\n"
            "• GBS.ID — только скопированным текстом или фото вместе с QR-кодом.\n"
            "• Не дублируйте обращение по разным каналам и не пишите сотрудникам в личные "
            "сообщения; если ответа долго нет — позвоните или напишите ещё раз с номером "
            "предыдущего обращения."))

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, tr("О программе"), tr(
            "Сборщик обращений в поддержку GBS.Market, версия {version}.\n\n"
            "Собирает версию программы, журналы, копию базы данных и GBS.ID в один архив для "
            "службы поддержки. Ничего не меняет в программе и её базе данных.")
            .format(version=__version__))

    # --- window state --------------------------------------------------------------------------
    def restore_geometry(self) -> None:
        geo = prefs.get("window/geometry")
        screen = self.screen().availableGeometry()
        self.setMinimumSize(min(720, screen.width()), min(440, screen.height()))
        if geo is not None and self.restoreGeometry(geo):
            return
        w = min(1180, int(screen.width() * 0.92))
        h = min(820, int(screen.height() * 0.92))
        self.resize(w, h)
        self.move(screen.x() + (screen.width() - w) // 2, screen.y() + (screen.height() - h) // 2)
        if screen.height() < 860 or screen.width() < 1280:  # 1366×768 laptops: use it all
            self.resize(screen.size())
            self.move(screen.topLeft())
            self.starts_maximized = True  # shown with showMaximized (ui.app)

    def save_geometry(self) -> None:
        prefs.put("window/geometry", self.saveGeometry())

    def closeEvent(self, event: QCloseEvent) -> None:
        from PySide6.QtWidgets import QMessageBox

        if getattr(self, "replacing", False):
            self.save_geometry()
            event.accept()
            return
        if self.state.collection.running or self.state.upload.running:
            what = tr("сбор архива") if self.state.collection.running else tr("отправка")
            answer = QMessageBox.question(
                self, tr("Закрыть окно?"),
                tr("Сейчас идёт {what}. Прервать и закрыть? Незаконченный архив будет удалён, "
                   "обращение останется в черновике.").format(what=what))
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
            self.state.collection.cancel()
            self.state.upload.cancel()
        self.state.request.save()
        self.save_geometry()
        self.state.gbs.stop_watching()
        tasks.shutdown(20000)
        event.accept()

    # --- small screens ---------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit(event.size().width(), event.size().height())

    def fit(self, width: int, height: int) -> None:
        """Margins, the sidebar and the page title shrink on a small window (1024×768, or a
        laptop at 125–150 %, less the taskbar): room for the page, nothing clipped."""
        narrow, low = width < NARROW_WIDTH, height < LOW_HEIGHT
        if (narrow, low) == getattr(self, "_fitted", None):
            return
        self._fitted = (narrow, low)
        side = 2 * SPACE if narrow else 4 * SPACE
        self.sidebar.setFixedWidth(196 if narrow else 236)
        self.sidebar.set_compact(low)
        self.header_layout.setContentsMargins(side, SPACE if low else 3 * SPACE, side,
                                              0 if low else SPACE)
        self.nav_layout.setContentsMargins(side, 6 if low else 12, side, 6 if low else 12)
        for w in (self.page_title, self.page_subtitle):
            theme.restyle(w, "compact", low)
        for page in self.pages.built.values():
            page.set_compact(narrow, low)

    # --- first paint (start-up time) -----------------------------------------------------------
    def _after_first_paint(self) -> None:
        if self._keys_watched:
            return
        self._watch_keys()
        self._fill_menus()
        self._shortcuts()

    def _watch_keys(self) -> None:
        if not self._keys_watched:
            from PySide6.QtWidgets import QApplication

            self._keys_watched = True
            QApplication.instance().installEventFilter(self)  # removed with the window

    def build_next_page(self) -> None:
        """Build the page «Далее» leads to, before it is asked for."""
        order = self.step_order()
        if self.current in order and order.index(self.current) + 1 < len(order):
            self.pages[order[order.index(self.current) + 1]]  # built on first access

    def on_first_paint(self, callback) -> None:
        self._first_paint_callbacks.append(callback)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self._first_paint_callbacks:
            callbacks, self._first_paint_callbacks = self._first_paint_callbacks, []
            for cb in callbacks:
                cb()

