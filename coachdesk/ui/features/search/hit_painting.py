"""How a search hit is painted: "client · title" (and "Private") over a snippet of a line or
two whose matched words are bold, under its notes heading; group headings with a hairline."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from coachdesk.i18n import _
from coachdesk.services.overviews.search import SearchHit, snippet_spans
from coachdesk.ui.kit import look
from coachdesk.ui.kit.roles import ROW_ROLE, TITLE_ROLE

PAD = 6
Index = QModelIndex | QPersistentModelIndex


class HitDelegate(QStyledItemDelegate):
    """Paints a group heading, or a hit as "client · title" over its snippet with bold matches."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        hit, text, opt.text = index.data(ROW_ROLE), opt.text, ""
        palette, rect = opt.palette, opt.rect
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(opt.font)
        painter.save()
        if isinstance(hit, SearchHit):
            style = opt.widget.style() if opt.widget is not None else None
            if style is not None:  # background, selection and focus, as any item
                style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
            doc.setHtml(hit_html(hit, index.data(TITLE_ROLE), palette, selected))
        else:
            doc.setHtml(f'<b style="color:{muted_colour(palette)}">{html.escape(text)}</b>')
            if index.row() > 0:  # a hairline between groups
                painter.setPen(QColor(muted_colour(palette, weight=0.2)))
                painter.drawLine(
                    rect.left() + PAD, rect.top() + 2, rect.right() - PAD, rect.top() + 2
                )
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, palette.color(role))
        inner = rect.adjusted(PAD * 2, PAD, -PAD, -PAD // 2)
        doc.setTextWidth(inner.width())  # a snippet wraps onto its second line
        painter.translate(inner.topLeft())
        painter.setClipRect(0, 0, inner.width(), inner.height())
        doc.documentLayout().draw(painter, context)
        painter.restore()


def muted_colour(
    palette: QPalette, role: QPalette.ColorRole = QPalette.ColorRole.Text, weight: float = 0.68
) -> str:
    """``role``'s colour ``weight`` of the way from the background: quiet, opaque, any palette."""
    group = QPalette.ColorGroup.Active
    fore, back = palette.color(group, role), palette.color(group, QPalette.ColorRole.Base)
    if role == QPalette.ColorRole.HighlightedText:
        back = palette.color(group, QPalette.ColorRole.Highlight)
    pairs = ((fore.red(), back.red()), (fore.green(), back.green()), (fore.blue(), back.blue()))
    mix = [round(f * weight + b * (1 - weight)) for f, b in pairs]
    return "#{:02x}{:02x}{:02x}".format(*mix)


def hit_html(hit: SearchHit, title: str, palette: QPalette, selected: bool) -> str:
    role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
    spans = snippet_spans(hit.snippet)
    if spans:
        spans[0] = (spans[0][0].lstrip(), spans[0][1])
    snippet = "".join(
        f"<b>{html.escape(text)}</b>" if matched else html.escape(text) for text, matched in spans
    )
    head = f"<b>{html.escape(hit.client_name)}</b>"
    if hit.kind != "client" and title:
        head += f" &nbsp;·&nbsp; {html.escape(title)}"
    if hit.private:
        private = look.colour(look.Colour.WARNING, palette).name()
        colour = "inherit" if selected else private
        head += f' &nbsp;<b style="color:{colour}">{html.escape(_("Private"))}</b>'
    section = f"<b>{html.escape(hit.section)}</b> &nbsp;" if hit.section else ""
    return (
        f'<div style="white-space:pre">{head}</div>'
        f'<div><span style="color:{muted_colour(palette, role)}">{section}{snippet}</span></div>'
    )
