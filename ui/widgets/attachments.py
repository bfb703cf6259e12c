"""Files the user adds: a drop area, the list with sizes and the desk's verdict on each file."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent, QPixmap
from PySide6.QtWidgets import QFileDialog, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from collector.linktargets import link_target
from ui import theme
from ui.i18n import fmt_size, tr
from ui.theme import SPACE
from ui.widgets.common import Card, ProblemList, button, clear_layout, icon_label, label
from ui.widgets.flow import FlowLayout


def dropped_paths(event) -> list[str]:
    md = event.mimeData()
    if not md.hasUrls():
        return []
    return [u.toLocalFile() for u in md.urls() if u.isLocalFile() and u.toLocalFile()]


class DropArea(QFrame):
    """A dashed box: drop files here, or choose them."""

    files_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setObjectName("DropArea")
        self._style(False)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2 * SPACE, 2 * SPACE, 2 * SPACE, 2 * SPACE)
        lay.setSpacing(SPACE)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(icon_label("clip", 24))
        self.text = label(tr("Перетащите сюда файлы — фото ошибки, чек об оплате, документ"),
                          wrap=False)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row.addWidget(self.text)
        row.addStretch(1)
        lay.addLayout(row)
        self.setAccessibleName(tr("Область для перетаскивания файлов"))

    def _style(self, active: bool) -> None:
        border = theme.ACCENT if active else theme.BORDER_STRONG
        bg = theme.ACCENT_SOFT if active else "#FAFBFC"
        self.setStyleSheet(f"QFrame#DropArea {{ border: 2px dashed {border}; border-radius: 10px;"
                           f" background: {bg}; }}")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_paths(event):
            event.acceptProposedAction()
            self._style(True)

    def dragLeaveEvent(self, event) -> None:
        self._style(False)

    def dropEvent(self, event: QDropEvent) -> None:
        self._style(False)
        paths = dropped_paths(event)
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)


class AttachmentRow(QWidget):
    removed = Signal(str)

    def __init__(self, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        row = QHBoxLayout()
        row.setSpacing(SPACE)
        p = Path(path)
        row.addWidget(icon_label("file", 20))
        name = label(p.name, selectable=True, wrap=False)
        name.setToolTip(path)
        row.addWidget(name, 1)
        try:
            size = fmt_size(p.stat().st_size)
        except OSError:
            size = tr("нет файла")
        row.addWidget(label(size, muted=True, wrap=False))
        open_ = button("", icon="eye", flat=True, tip=tr("Открыть"),
                       accessible=tr("Открыть {name}").format(name=p.name),
                       on_click=lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(path)))
        rm = button("", icon="remove", flat=True, tip=tr("Убрать"),
                    accessible=tr("Убрать {name}").format(name=p.name),
                    on_click=lambda: self.removed.emit(path))
        for b in (open_, rm):
            b.setFixedSize(30, 30)
            row.addWidget(b)
        outer.addLayout(row)
        self.problems = ProblemList(info=False)
        outer.addWidget(self.problems)
        self.setAccessibleName(p.name)


class Thumbnail(QFrame):
    removed = Signal(str)

    def __init__(self, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.setObjectName("Thumb")
        self.setStyleSheet(f"QFrame#Thumb {{ border: 1px solid {theme.BORDER}; "
                           f"border-radius: 8px; background: #FFFFFF; }}")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.setSpacing(4)
        img = QLabel()
        pm = QPixmap(path)
        if not pm.isNull():
            dpr = self.devicePixelRatioF()
            pm = pm.scaled(QSize(int(168 * dpr), int(105 * dpr)),
                           Qt.AspectRatioMode.KeepAspectRatio,
                           Qt.TransformationMode.SmoothTransformation)
            pm.setDevicePixelRatio(dpr)
            img.setPixmap(pm)
        img.setFixedSize(168, 105)
        img.setAlignment(Qt.AlignmentFlag.AlignCenter)
        img.setAccessibleName(tr("Снимок экрана {name}").format(name=Path(path).name))
        lay.addWidget(img)
        row = QHBoxLayout()
        row.addWidget(label(Path(path).name, muted=True, small=True, wrap=False), 1)
        open_ = button("", icon="eye", flat=True, tip=tr("Открыть"),
                       accessible=tr("Открыть снимок"),
                       on_click=lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(path)))
        rm = button("", icon="remove", flat=True, tip=tr("Убрать снимок"),
                    accessible=tr("Убрать снимок {name}").format(name=Path(path).name),
                    on_click=lambda: self.removed.emit(path))
        for b in (open_, rm):
            b.setFixedSize(28, 28)
            row.addWidget(b)
        lay.addLayout(row)


class AttachmentsCard(Card):
    """«Файлы»: drop files here or choose them (a payment receipt for payment questions); each
    with its size and the desk's verdict (voice messages are refused). Edits ``form.attachments``
    of :class:`ui.state.AppState`; screenshots the app made are listed elsewhere."""

    def __init__(self, state, parent: QWidget | None = None) -> None:
        super().__init__(tr("Файлы"), "clip", parent)
        self.state = state
        self.drop = DropArea()
        self.drop.files_dropped.connect(self.add_files)
        self.add(self.drop)
        buttons = FlowLayout(spacing=SPACE)
        self.choose = button(tr("&Выбрать файлы…"), icon="plus", on_click=self._choose_files)
        self.receipt = button(tr("Приложить &чек об оплате…"), icon="file",
                              on_click=self._choose_receipt)
        buttons.addWidget(self.choose)
        buttons.addWidget(self.receipt)
        self.add(buttons)
        self.file_rows = QVBoxLayout()
        self.file_rows.setSpacing(6)
        self.add(self.file_rows)
        self.problems = ProblemList()
        self.add(self.problems)
        self.add(label(tr("Голосовые сообщения поддержка не принимает: опишите вопрос текстом "
                          "или позвоните."), muted=True, small=True))
        self.rows: dict[str, AttachmentRow] = {}
        self._rows_for: list[str] | None = None

    def add_files(self, paths: list[str]) -> None:
        form = self.state.form
        added = 0
        for p in paths:
            p = str(Path(p))
            if p not in form.attachments and self._links_confirmed(p):
                form.attachments.append(p)
                added += 1
        if added:
            self.state.request.edit("attachments")

    def _links_confirmed(self, path: str) -> bool:
        """A link or shortcut (also inside a dropped folder) is shown as what it points to and
        goes only with the person's yes; pipes and devices are refused by the engine's plan."""
        from PySide6.QtWidgets import QMessageBox

        from collector.attachments import plan_attachments

        pending = plan_attachments([path]).pending_links
        if not pending:
            return True
        lines = "\n".join(f"• {link.path.name} → {link.target.target}" for link in pending[:10])
        more = tr("\n… и ещё {n}").format(n=len(pending) - 10) if len(pending) > 10 else ""
        answer = QMessageBox.question(
            self, tr("Ссылки и ярлыки"),
            tr("Это ссылки или ярлыки, а не сами файлы:\n{lines}{more}\n\nПриложить файлы, на "
               "которые они указывают?").format(lines=lines, more=more))
        if answer != QMessageBox.StandardButton.Yes:
            return not Path(path).is_symlink() and link_target(Path(path)) is None
        confirmed = self.state.extras.confirmed_links
        confirmed += [str(link.path) for link in pending if str(link.path) not in confirmed]
        return True

    def remove_file(self, path: str) -> None:
        form, extras = self.state.form, self.state.extras
        if path in form.attachments:
            form.attachments.remove(path)
        if path in extras.screenshots:
            extras.screenshots.remove(path)
            with contextlib.suppress(OSError):
                Path(path).unlink()  # our own screenshot: nobody else has it
        self.state.request.edit("attachments")

    def _choose_files(self) -> None:
        paths, _f = QFileDialog.getOpenFileNames(self, tr("Выберите файлы"))
        self.add_files(paths)

    def _choose_receipt(self) -> None:
        paths, _f = QFileDialog.getOpenFileNames(
            self, tr("Чек об оплате"), "",
            tr("Фото и PDF (*.jpg *.jpeg *.png *.pdf *.heic *.webp *.bmp);;Все файлы (*)"))
        self.add_files(paths)

    def show_state(self, problems: list) -> None:
        """The list as the form has it, each file with its own remarks."""
        form = self.state.form
        self.receipt.setVisible(form.topic == "licensing")
        others = [a for a in form.attachments if a not in self.state.extras.screenshots]
        if self._rows_for != others:
            self._rows_for = list(others)
            clear_layout(self.file_rows)
            self.rows = {}
            for path in others:
                r = AttachmentRow(path)
                r.removed.connect(self.remove_file)
                self.file_rows.addWidget(r)
                self.rows[path] = r
        for i, path in enumerate(form.attachments):
            r = self.rows.get(path)
            if r is not None:
                r.problems.set_problems([p for p in problems if p.field == f"attachments[{i}]"])
        self.problems.set_problems([p for p in problems if p.field == "attachments"])
