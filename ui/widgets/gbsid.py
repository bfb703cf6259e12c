"""The GBS.ID panel: the ID as selectable text, its QR large enough to photograph, «Копировать».

There is deliberately no field to type the ID into (the desk's rule: copied, never retyped). The
ID comes from the program's own backup folders or from the clipboard the moment the user copies
it in GBS.Market (:meth:`ui.state.gbsid.GbsIds.poll_clipboard`).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QTimer
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui import theme
from ui.i18n import engine_text, tr
from ui.qt import Qt
from ui.theme import SPACE
from ui.widgets.common import Card, Spinner, breakable, button, label
from ui.widgets.flow import FlowLayout


class QrView(QWidget):
    """Paints the QR matrix image with whole device pixels per module: sharp at any scale."""

    def __init__(self, parent: QWidget | None = None, side: int = 220) -> None:
        super().__init__(parent)
        self.image: QImage | None = None
        self.side = side
        self.setFixedSize(side, side)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(tr("QR-код GBS.ID"))

    def set_image(self, image: QImage | None, value: str = "") -> None:
        self.image = image
        self.setAccessibleDescription(value)
        self.setToolTip(tr("QR-код GBS.ID {value}: его можно сфотографировать телефоном")
                        .format(value=value) if value else "")
        self.update()

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#FFFFFF"))
        if self.image is None or self.image.isNull():
            p.setPen(QColor(theme.FAINT))
            p.drawRect(self.rect().adjusted(0, 0, -1, -1))
            return
        dpr = self.devicePixelRatioF()
        modules = self.image.width()
        device_side = int(self.side * dpr)
        box = max(1, device_side // modules)
        size = box * modules
        scaled = self.image.scaled(size, size, Qt.AspectRatioMode.IgnoreAspectRatio,
                                   Qt.TransformationMode.FastTransformation)
        scaled.setDevicePixelRatio(dpr)
        offset = (device_side - size) / 2 / dpr
        p.drawImage(QRect(int(offset), int(offset), int(size / dpr), int(size / dpr)), scaled)


class QrDialog(QDialog):
    """The QR as large as the screen allows, for a phone photo: ID printed under it."""

    def __init__(self, value: str, image: QImage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("GBS.ID и QR-код"))
        where = parent.screen() if parent else QGuiApplication.primaryScreen()
        screen = where.availableGeometry()
        side = max(300, min(560, int(min(screen.width(), screen.height()) * 0.6)))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(3 * SPACE, 3 * SPACE, 3 * SPACE, 3 * SPACE)
        lay.setSpacing(2 * SPACE)
        hint = label(tr("Сфотографируйте экран так, чтобы были видны и QR-код, и GBS.ID под ним "
                        "целиком."), muted=True)
        lay.addWidget(hint)
        qr = QrView(self, side)
        qr.set_image(image, value)
        lay.addWidget(qr, 0, Qt.AlignmentFlag.AlignHCenter)
        text = label(value, selectable=True, wrap=False)
        f = QFont("Consolas")
        f.setStyleHint(QFont.StyleHint.Monospace)
        f.setPointSizeF(theme.base_point_size() * 1.5)
        text.setFont(f)
        text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        lay.addWidget(text)
        close = button(tr("Закрыть"), primary=True, on_click=self.accept)
        close.setDefault(True)
        lay.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)


class GbsIdPanel(Card):
    """Shows the chosen ID of :class:`ui.state.gbsid.GbsIds` and follows its changes."""

    def __init__(self, state, parent: QWidget | None = None, *, qr_side: int = 200,
                 compact: bool = False) -> None:
        super().__init__("GBS.ID", "qr", parent)
        self.state = state
        self.setAccessibleName(tr("GBS.ID — номер лицензии"))
        self.value = label("", selectable=True, wrap=True)
        self.value.setAccessibleName(tr("GBS.ID"))
        mono = QFont("Consolas")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSizeF(theme.base_point_size() * 1.08)
        mono.setWeight(QFont.Weight.DemiBold)
        self.value.setFont(mono)
        self.source = label("", muted=True, small=True, selectable=True)
        self.choice = QComboBox()
        self.choice.setAccessibleName(tr("Какой GBS.ID приложить"))
        self.choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.choice.setMinimumContentsLength(20)
        self.choice.activated.connect(self._chosen)
        self.choice_label = label(tr("Найдено несколько GBS.ID — выберите тот, о котором "
                                     "обращение:"), small=True)
        self.choice_label.setBuddy(self.choice)
        self.qr = QrView(self, qr_side)
        self.copy = button(tr("&Копировать"), icon="copy", on_click=self._copy,
                           accessible=tr("Копировать GBS.ID"),
                           tip=tr("Скопировать GBS.ID как текст, чтобы вставить в письмо или чат"))
        self.bigger = button(tr("Показать крупно"), icon="qr", on_click=self._bigger,
                             accessible=tr("Показать QR-код крупно"))
        self.copied = label("", small=True)
        self.copied.setStyleSheet(f"color: {theme.OK};")
        self.waiting = QWidget()
        wl = QHBoxLayout(self.waiting)
        wl.setContentsMargins(0, 0, 0, 0)
        wl.addWidget(Spinner(self.waiting, 16))
        self.waiting_text = label("", muted=True, small=True)
        wl.addWidget(self.waiting_text, 1)
        self.help = label("", selectable=True, small=True)
        self.rejection = label("", selectable=True, small=True)
        self.rejection.setStyleSheet(f"color: {theme.ERR};")

        buttons = FlowLayout(spacing=SPACE)
        buttons.addWidget(self.copy)
        buttons.addWidget(self.bigger)

        text_col = QVBoxLayout()
        text_col.setSpacing(6)
        text_col.addWidget(self.value)
        text_col.addWidget(self.source)
        text_col.addWidget(self.choice_label)
        text_col.addWidget(self.choice)
        text_col.addLayout(buttons)
        text_col.addWidget(self.copied)
        text_col.addStretch(1)
        if compact:
            row = QHBoxLayout()
            row.setSpacing(2 * SPACE)
            row.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)
            row.addLayout(text_col, 1)
            self.add(row)
        else:
            self.add(self.qr)
            self.body.setAlignment(self.qr, Qt.AlignmentFlag.AlignHCenter)
            self.add(text_col)
        self.add(self.rejection)
        self.add(self.help)
        self.add(self.waiting)
        for signal in (state.gbs.changed, state.install.changed, state.request.draft_changed):
            signal.connect(self._on_state)
        self.refresh()

    def _on_state(self, *_args) -> None:
        self.refresh()

    def refresh(self) -> None:
        st = self.state
        value = st.gbs.value
        searching = st.install.searching
        found = value is not None
        self.value.setVisible(found)
        self.source.setVisible(found)
        self.qr.setVisible(found)
        self.copy.setVisible(found)
        self.bigger.setVisible(found)
        self.help.setVisible(not found and not searching)
        self.waiting.setVisible(not found and not searching)
        several = len(st.gbs.candidates) > 1
        self.choice.setVisible(several)
        self.choice_label.setVisible(several)
        self.rejection.setText(engine_text(st.gbs.rejection) if st.gbs.rejection
                               else "")
        self.rejection.setVisible(bool(st.gbs.rejection))
        self.waiting_text.setText(tr("Жду, когда вы скопируете GBS.ID в программе {product}…")
                                  .format(product=st.product))
        if found:
            self.value.setText(value)
            self.value.setAccessibleDescription(value)
            cand = next((c for c in st.gbs.candidates if c.value == value), None)
            if st.gbs.from_clipboard:
                src = tr("Скопирован из программы {product} (буфер обмена)").format(
                    product=st.product)
            else:
                src = engine_text(cand.detail) if cand else ""
            self.source.setText(breakable(src))
            self.qr.set_image(st.gbs.qr_images.get(value), value)
            self.choice.blockSignals(True)
            self.choice.clear()
            for c in st.gbs.candidates:
                self.choice.addItem(c.value, c.value)
                self.choice.setItemData(self.choice.count() - 1, engine_text(c.detail),
                                        Qt.ItemDataRole.ToolTipRole)
            self.choice.setCurrentIndex(max(0, self.choice.findData(value)))
            self.choice.blockSignals(False)
        elif not searching:
            from collector.gbsid import no_id_help

            self.help.setText(engine_text(no_id_help(product=st.product)))
        self.copied.setText("")

    def _chosen(self, index: int) -> None:
        value = self.choice.itemData(index)
        if value:
            self.state.gbs.choose(value)

    def _copy(self) -> None:
        value = self.state.gbs.value
        if not value:
            return
        self.state.gbs.copy()
        self.copied.setText(tr("Скопировано: {value}").format(value=value))
        QTimer.singleShot(4000, self.copied, self.copied.clear)

    def _bigger(self) -> None:
        value = self.state.gbs.value
        image = self.state.gbs.qr_images.get(value) if value else None
        if value and image is not None:
            QrDialog(value, image, self.window()).exec()

