"""The Search page: one box across clients, session notes, goals, action items and invoice
numbers.

Typing searches after a short pause (the vault's full-text index answers in milliseconds);
answers to an older query are dropped, so the list never jumps back to what was typed before.
Hits are grouped by kind under headings, each with its client, a title and a snippet of a line
or two whose matched words are bold, under its notes heading and labelled when it is private.
Fifty hits are shown at a time, so painting them as rich text stays cheap; "Show more" loads
the next fifty.
"""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QKeyEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from coachdesk.formatting import format_short_date, format_time
from coachdesk.i18n import _, ngettext
from coachdesk.services.overviews import search
from coachdesk.services.overviews.search import SearchHit, snippet_spans
from coachdesk.services.overviews.search_invoices import invoice_hits
from coachdesk.ui.features.search.hit_painting import PAD, HitDelegate
from coachdesk.ui.kit import lockable, look
from coachdesk.ui.kit.page import Page
from coachdesk.ui.kit.practice import (
    ACTIONS,
    CLIENTS,
    EVERYTHING,
    GOALS,
    INVOICES,
    PROFILE,
    SESSIONS,
    Practice,
)
from coachdesk.ui.kit.roles import ROW_ROLE, TITLE_ROLE

DEBOUNCE_MS = 150
MAX_HITS = 50
KINDS: tuple[tuple[str, Callable[[], str]], ...] = (
    ("client", lambda: _("Clients")),
    ("session", lambda: _("Sessions")),
    ("goal", lambda: _("Goals")),
    ("action", lambda: _("Action items")),
    ("answer", lambda: _("Questionnaire answers")),
    ("invoice", lambda: _("Invoices")),
)
REFRESH_ON = frozenset({CLIENTS, SESSIONS, GOALS, ACTIONS, PROFILE, INVOICES, EVERYTHING})


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


def hits_and_count(
    db: Session, text: str, limit: int, zone: ZoneInfo
) -> tuple[list[SearchHit], int]:
    """The index's best hits, then the invoices whose number holds what was typed."""
    numbered = invoice_hits(db, text, limit)
    found = search.search(db, text, limit, tz=zone)
    return found + numbered, search.count(db, text) + len(numbered)


def first_hit(model: QAbstractItemModel) -> QModelIndex:
    rows = (model.index(row, 0) for row in range(model.rowCount()))
    return next((index for index in rows if index.data(ROW_ROLE) is not None), QModelIndex())


class SearchPage(Page):
    """Search everything; Enter opens a session's notes, or the client of any other hit."""

    def __init__(self, practice: Practice, parent: QWidget | None = None) -> None:
        super().__init__(practice, parent)
        self._when_shown: Callable[[], None] | None = None
        self.shown_query = ""
        self.limit = MAX_HITS
        self.total = 0

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
        self.view.setItemDelegate(HitDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.activated.connect(self.open_hit)
        self.more = QPushButton()
        self.more.clicked.connect(self.show_more)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        self.box.textChanged.connect(self._typed)
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
        more_row = QHBoxLayout()
        more_row.addWidget(self.more)
        more_row.addStretch(1)
        layout.addLayout(more_row)
        layout.addStretch(0)  # holds the page up while there is nothing to list
        self._show_state()
        lockable.register(self)

    # -- page contract ------------------------------------------------------------------------

    def _load(self) -> None:
        """Search for what the box holds now; answers to older queries are dropped on arrival."""
        self._timer.stop()
        text = self.box.text()

        def show(found: tuple[list[SearchHit], int]) -> None:
            self._show(text, *found)

        if not search.fts_query(text):
            self._answer(self._latest.start(), show)(([], 0))
            return
        zone, limit = self.practice.zone, self.limit
        self._read(lambda db: hits_and_count(db, text, limit, zone), show)

    def show_more(self) -> None:
        """The next fifty hits, below those shown (the query is the same)."""
        self.limit += MAX_HITS
        self.refresh()

    def _typed(self, _text: str) -> None:
        self.limit = MAX_HITS
        self._timer.start()

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
        self.limit = MAX_HITS
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

    def _show(self, text: str, hits: list[SearchHit], total: int) -> None:
        current = self.view.currentIndex().data(ROW_ROLE)
        self.model.clear()
        self.shown_query, self.total = text, total
        line = self.fontMetrics().height()
        for kind, label in KINDS:
            group = [h for h in hits if h.kind == kind]
            if not group:
                continue
            heading = QStandardItem(label())
            heading.setFlags(Qt.ItemFlag.NoItemFlags)
            heading.setSizeHint(QSize(0, line + 2 * PAD + 4))
            self.model.appendRow(heading)
            for hit in group:
                self.model.appendRow(self._hit_item(hit, line))
        for row in range(self.model.rowCount()):
            if self.model.index(row, 0).data(ROW_ROLE) == current:
                self.view.setCurrentIndex(self.model.index(row, 0))
        self._show_state(len(hits), total)
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
        item.setSizeHint(QSize(0, 3 * line + 2 * PAD + 2))
        item.setEditable(False)
        return item

    def _show_state(self, count: int = 0, total: int = 0) -> None:
        query = self.shown_query.strip()
        if not query:
            text = _(
                "Type a word or a name. Down moves into the results; Enter opens the one chosen."
            )
        elif not count:
            text = _("No matches for “{query}”.").format(query=query)
        elif total > count:
            text = _("The best {n} of {total} matches. Add a word to narrow them.").format(
                n=count, total=total
            )
        else:
            text = ngettext("{n} match.", "{n} matches.", count).format(n=count)
        self.state.setText(text)
        self.view.setVisible(count > 0)
        more = min(MAX_HITS, total - count)
        self.more.setText(ngettext("Show {n} more…", "Show {n} more…", more).format(n=more))
        self.more.setVisible(more > 0)

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
        """A session opens its notes; a client, goal, action item or answer opens the client."""
        hit = index.data(ROW_ROLE) if index.isValid() else None
        if not isinstance(hit, SearchHit):
            return
        if hit.kind == "session":
            self.practice.open_session_notes.emit(hit.ref_id)
        else:
            self.practice.open_client.emit(hit.client_id)
