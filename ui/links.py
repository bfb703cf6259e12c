"""The desk's links in the window (start page, result page, Справка): support contacts and the
knowledge base with the GBS.ID in the address, as the program builds them (``collector.links``);
a vendor build's own links win."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from ui.i18n import tr
from ui.qt import Qt


def current_links(state):
    """``collector.links.DeskLinks`` for what the window knows now (a few small files read)."""
    from collector.links import desk_links
    from collector.settings import load_settings

    return desk_links(load_settings(), state.installation, state.gbs.value)


def desk_name(state) -> str:
    """Whose support the window is about («Поддержка …»): GBS.Market's, the build's own
    («HiPos») or the country's (``collector.desk.Desk.name``)."""
    from collector.branding import ORIGINAL_NAME

    if state.installation is None:
        return ORIGINAL_NAME
    from collector.desk import BuildFacts, desk_of
    from collector.settings import load_settings

    try:
        return desk_of(BuildFacts.of_installation(state.installation), load_settings()).name
    except Exception:  # a name in a title: never a reason to fail the window
        return state.product


def open_url(url: str) -> None:
    if url:
        # Imported on the first click: the binding builds a class's enums with its type, and
        # the start page imports this module before its first picture.
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl(url))


def links_html(links) -> str:
    import html  # here: the window's first picture has no links

    parts = []
    contact, kb = tr("Связаться с поддержкой"), tr("База знаний")
    if links.support:
        parts.append(f'<a href="{html.escape(links.support)}">{html.escape(contact)}</a>')
    if links.kb:
        parts.append(f'<a href="{html.escape(links.kb)}">{html.escape(kb)}</a>')
    return " · ".join(parts)


def links_label() -> QLabel:
    """A label for :func:`links_html`, opening its links in the browser."""
    w = QLabel()
    w.setTextFormat(Qt.TextFormat.RichText)
    w.setOpenExternalLinks(True)
    w.setWordWrap(True)
    w.setAccessibleName(tr("Ссылки поддержки"))
    return w
