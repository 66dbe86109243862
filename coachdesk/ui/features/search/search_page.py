"""The Search page: one box across clients, session notes, goals and action items.

Typing searches after a short pause (the vault's full-text index answers in milliseconds);
answers to an older query are dropped, so the list never jumps back to what was typed before.
Hits are grouped by kind under headings, each with its client, a title and a snippet whose
matched words are bold. At most 50 hits are shown, so painting them as rich text stays cheap.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QKeyEvent,
    QPainter,
    QPalette,
    QStandardItem,
    QStandardItemModel,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from coachdesk.formatting import format_short_date, format_time
from coachdesk.i18n import _, ngettext
from coachdesk.services.overviews import search
from coachdesk.services.overviews.search import SearchHit, snippet_spans
from coachdesk.ui.kit import lockable, look
from coachdesk.ui.kit.page import Page
from coachdesk.ui.kit.practice import (
    ACTIONS,
    CLIENTS,
    EVERYTHING,
    GOALS,
    PROFILE,
    SESSIONS,
    Practice,
)
from coachdesk.ui.kit.roles import ROW_ROLE, TITLE_ROLE

DEBOUNCE_MS = 150
MAX_HITS = 50
Index = QModelIndex | QPersistentModelIndex
KINDS: tuple[tuple[str, Callable[[], str]], ...] = (
    ("client", lambda: _("Clients")),
    ("session", lambda: _("Sessions")),
    ("goal", lambda: _("Goals")),
    ("action", lambda: _("Action items")),
)
REFRESH_ON = frozenset({CLIENTS, SESSIONS, GOALS, ACTIONS, PROFILE, EVERYTHING})
_PAD = 6


class _HitDelegate(QStyledItemDelegate):
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
                    rect.left() + _PAD, rect.top() + 2, rect.right() - _PAD, rect.top() + 2
                )
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, palette.color(role))
        inner = rect.adjusted(_PAD * 2, _PAD, -_PAD, -_PAD // 2)
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
    mix = [
        round(f * weight + b * (1 - weight))
        for f, b in zip(fore.getRgb()[:3], back.getRgb()[:3], strict=True)
    ]
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
    return (
        f'<div style="white-space:pre">{head}</div>'
        f'<div style="white-space:pre"><span style="color:{muted_colour(palette, role)}">'
        f"{snippet}</span></div>"
    )


class _SearchBox(QLineEdit):
    """The search field; Down moves into the results, Escape empties it."""

    down = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Down:
            self.down.emit()
        elif event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
        else:
            super().keyPressEvent(event)


class _Results(QListView):
    """The hit list; Up from the first hit goes back to the box."""

    up_from_top = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Up and self.currentIndex() == first_hit(self.model()):
            self.up_from_top.emit()
        else:
            super().keyPressEvent(event)


def first_hit(model: QAbstractItemModel) -> QModelIndex:
    rows = (model.index(row, 0) for row in range(model.rowCount()))
    return next((index for index in rows if index.data(ROW_ROLE) is not None), QModelIndex())


class SearchPage(Page):
    """Search everything; Enter opens a session's notes, or the client of any other hit."""

    def __init__(self, practice: Practice, parent: QWidget | None = None) -> None:
        super().__init__(practice, parent)
        self._when_shown: Callable[[], None] | None = None
        self.shown_query = ""

        self.box = _SearchBox()
        self.box.setPlaceholderText(_("Search clients, session notes, goals and action items"))
        self.box.setClearButtonEnabled(True)
        font = self.box.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.box.setFont(font)
        self.box.setMinimumHeight(self.box.sizeHint().height() + 6)
        self.state = look.note("")
        self.model = QStandardItemModel(self)
        self.view = _Results()
        self.view.setModel(self.model)
        self.view.setItemDelegate(_HitDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.activated.connect(self.open_hit)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        self.box.textChanged.connect(lambda _t: self._timer.start())
        self.box.returnPressed.connect(self._open_from_box)
        self.box.down.connect(self._enter_results)
        self.view.up_from_top.connect(self.focus_box)
        practice.changed.connect(self._data_changed)

        layout = QVBoxLayout(self)
        layout.setSpacing(look.SPACING // 2 + 2)
        layout.addWidget(look.heading(_("Search")))
        layout.addWidget(self.box)
        layout.addWidget(self.state)
        layout.addWidget(self.view, 1)
        layout.addStretch(0)  # holds the page up while there is nothing to list
        self._show_state()
        lockable.register(self)

    # -- page contract ------------------------------------------------------------------------

    def _load(self) -> None:
        """Search for what the box holds now; answers to older queries are dropped on arrival."""
        self._timer.stop()
        text = self.box.text()

        def show(hits: list[SearchHit]) -> None:
            self._show(text, hits)

        if not search.fts_query(text):
            self._answer(self._latest.start(), show)([])
            return
        zone = self.practice.zone
        self._read(lambda db: search.search(db, text, MAX_HITS, tz=zone), show)

    def clear(self) -> None:
        """Forget the query and its hits (the app is locking)."""
        self._forget()
        self._when_shown = None
        self._timer.stop()
        self.box.blockSignals(True)
        self.box.clear()
        self.box.blockSignals(False)
        self.model.clear()
        self.shown_query = ""
        self._show_state()

    # -- locking (a Lockable: nothing typed here outlives a lock) -------------------------
    def keep_as_draft(self) -> bool:
        return True

    def why_lock_waits(self) -> str | None:
        return None

    def wipe_for_lock(self) -> None:
        self.clear()

    def focus_box(self) -> None:
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def search_now(self, text: str) -> None:
        """Put ``text`` in the box and search at once (no typing pause)."""
        self.box.blockSignals(True)
        self.box.setText(text)
        self.box.blockSignals(False)
        self.refresh()

    def hits(self) -> list[SearchHit]:
        """The hits shown, top to bottom."""
        rows = (self.model.index(r, 0).data(ROW_ROLE) for r in range(self.model.rowCount()))
        return [hit for hit in rows if isinstance(hit, SearchHit)]

    def headings(self) -> list[str]:
        rows = (self.model.item(r) for r in range(self.model.rowCount()))
        return [item.text() for item in rows if item.data(ROW_ROLE) is None]

    # -- results ------------------------------------------------------------------------------

    def _data_changed(self, kind: str) -> None:
        if kind in REFRESH_ON and self.box.text().strip():
            self.mark_stale()

    def _show(self, text: str, hits: list[SearchHit]) -> None:
        current = self.view.currentIndex().data(ROW_ROLE)
        self.model.clear()
        self.shown_query = text
        line = self.fontMetrics().height()
        for kind, label in KINDS:
            group = [h for h in hits if h.kind == kind]
            if not group:
                continue
            heading = QStandardItem(label())
            heading.setFlags(Qt.ItemFlag.NoItemFlags)
            heading.setSizeHint(QSize(0, line + 2 * _PAD + 4))
            self.model.appendRow(heading)
            for hit in group:
                self.model.appendRow(self._hit_item(hit, line))
        for row in range(self.model.rowCount()):
            if self.model.index(row, 0).data(ROW_ROLE) == current:
                self.view.setCurrentIndex(self.model.index(row, 0))
        self._show_state(len(hits))
        then, self._when_shown = self._when_shown, None
        if then is not None:
            then()

    def _hit_item(self, hit: SearchHit, line: int) -> QStandardItem:
        title = hit.title
        if hit.kind == "session" and hit.starts_at is not None:
            local = hit.starts_at.astimezone(self.practice.zone)
            title = f"{format_short_date(local)}, {format_time(local)}"
        plain = "".join(text for text, _m in snippet_spans(hit.snippet))
        item = QStandardItem(f"{hit.client_name} · {title} — {plain}")  # for screen readers
        item.setData(hit, ROW_ROLE)
        item.setData(title, TITLE_ROLE)
        item.setToolTip(plain)
        item.setSizeHint(QSize(0, 2 * line + 2 * _PAD + 2))
        item.setEditable(False)
        return item

    def _show_state(self, count: int = 0) -> None:
        query = self.shown_query.strip()
        if not query:
            text = _(
                "Type a word or a name. Down moves into the results; Enter opens the one chosen."
            )
        elif not count:
            text = _("No matches for “{query}”.").format(query=query)
        elif count >= MAX_HITS:
            text = _("The best {n} matches. Add a word to narrow them.").format(n=count)
        else:
            text = ngettext("{n} match.", "{n} matches.", count).format(n=count)
        self.state.setText(text)
        self.view.setVisible(count > 0)

    def _enter_results(self) -> None:
        if self._timer.isActive():  # Down right after typing: move once the answer is in
            self._when_shown = self._enter_results
            self.refresh()
            return
        first = first_hit(self.model)
        if first.isValid():
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
            if self.view.currentIndex().data(ROW_ROLE) is None:
                self.view.setCurrentIndex(first)

    def _open_from_box(self) -> None:
        if self._timer.isActive():  # Enter right after typing: open once the answer is in
            self._when_shown = self._open_from_box
            self.refresh()
            return
        index = self.view.currentIndex()
        if index.data(ROW_ROLE) is None:
            index = first_hit(self.model)
        self.open_hit(index)

    def open_hit(self, index: QModelIndex) -> None:
        """A session opens its notes; a client, goal or action item opens the client."""
        hit = index.data(ROW_ROLE) if index.isValid() else None
        if not isinstance(hit, SearchHit):
            return
        if hit.kind == "session":
            self.practice.open_session_notes.emit(hit.ref_id)
        else:
            self.practice.open_client.emit(hit.client_id)
