"""The Clients view: the whole practice in one table, found by typing a few letters.

All rows are loaded once (light rows, archived included) and filtered in memory, so typing,
the status and tag filters and sorting never wait for the database, even at 10,000 clients.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from coachdesk import words
from coachdesk.formatting import format_number
from coachdesk.i18n import _, ngettext
from coachdesk.model import ClientStatus
from coachdesk.services.people.clients import ClientRow, list_clients
from coachdesk.ui.features.clients.client_dialog import ClientDialog
from coachdesk.ui.features.clients.clients_table import ClientsTable
from coachdesk.ui.features.clients.table_model import (
    ALL_STATUSES,
    NOT_ARCHIVED,
    ClientsTableModel,
)
from coachdesk.ui.kit import lockable, look
from coachdesk.ui.kit import practice as kinds
from coachdesk.ui.kit.empty_note import EmptyNote
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.page import Page
from coachdesk.ui.kit.practice import Practice

REFRESH_KINDS = {kinds.CLIENTS, kinds.SESSIONS, kinds.ACTIONS, kinds.PROFILE, kinds.EVERYTHING}


class FilterBox(QLineEdit):
    """The filter field: Esc clears it, Down moves to the list (keys of this field only)."""

    down_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
        elif event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
        else:
            super().keyPressEvent(event)


class ClientsPage(Page):
    """The client list. ``new_client()`` (Ctrl+N) and ``focus_filter()`` (Ctrl+F) are for the
    main window's menu; opening a client goes out through ``practice.open_client``."""

    def __init__(self, practice: Practice, parent: QWidget | None = None) -> None:
        super().__init__(practice, parent)
        self.model = ClientsTableModel(practice.zone, self)
        self.dialog: ClientDialog | None = None
        self._select_after_load: int | None = None
        self._build()
        practice.changed.connect(self._changed)
        lockable.register(self)

    # -- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        self.new_button = QPushButton(_("New client…"))
        self.new_button.setToolTip(_("Add a client (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_client)
        title_row = QHBoxLayout()
        title_row.addWidget(look.heading(_("Clients")), 1)
        title_row.addWidget(self.new_button)

        self.filter = FilterBox()
        self.filter.setPlaceholderText(_("Filter by name, email or organisation…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setToolTip(_("Ctrl+F to find, Esc to clear, ↓ to go to the list"))
        self.filter.textChanged.connect(self._filter_changed)
        self.filter.returnPressed.connect(self._open_current_or_first)
        self.filter.down_pressed.connect(self._go_to_list)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(_("Status"))
        self.status_filter.addItem(_("All but archived"), NOT_ARCHIVED)
        self.status_filter.addItem(_("All statuses"), ALL_STATUSES)
        for status in ClientStatus:
            self.status_filter.addItem(words.label(status), status.value)
        self.status_filter.currentIndexChanged.connect(self._status_changed)
        self.tag_filter = QComboBox()
        self.tag_filter.setAccessibleName(_("Tag"))
        self.tag_filter.setMinimumContentsLength(12)
        self.tag_filter.addItem(_("All tags"), "")
        self.tag_filter.currentIndexChanged.connect(self._tag_changed)
        self.count = QLabel(_("Loading…"))
        self.count.setMinimumWidth(110)
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        filters = QHBoxLayout()
        filters.addWidget(self.filter, 1)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.tag_filter)
        filters.addWidget(self.count)

        self.table = ClientsTable(self.model)
        self.table.activated.connect(self._open_index)
        self.no_match = EmptyNote(self.table, self._no_match_words)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self._build_empty_state())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(look.SPACING)
        layout.addLayout(title_row)
        layout.addLayout(filters)
        layout.addWidget(self.stack, 1)

    def _no_match_words(self) -> str:
        """Over a table the filters emptied; a practice with no clients has its own page."""
        if not self.model.total:
            return ""
        typed = self.filter.text().strip()
        if typed:
            return _("No clients match “{text}”.").format(text=typed)
        return _("No clients match these filters.")

    def _build_empty_state(self) -> QWidget:
        empty = QWidget()
        self.empty_label = look.heading(_("No clients yet — add your first client"), scale=1.15)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = look.note(
            _("Clients you add appear here, with their next session and open action items.")
        )
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_button = QPushButton(_("Add a client…"))
        self.empty_button.clicked.connect(self.new_client)
        column = QVBoxLayout(empty)
        column.addStretch(1)
        column.addWidget(self.empty_label)
        column.addWidget(hint)
        column.addSpacing(look.SPACING)
        column.addWidget(self.empty_button, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(2)
        return empty

    # -- page contract --------------------------------------------------------------------
    def _load(self) -> None:
        """Reload every client on a worker."""
        self._read(
            lambda db: list_clients(db, include_archived=True), self._loaded, self._load_failed
        )

    def clear(self) -> None:
        """Drop every client row, the typed filter and the tag list (the app locks)."""
        self._forget()  # a load still running is ignored when it returns
        self._select_after_load = None
        with QSignalBlocker(self.filter):
            self.filter.clear()
        self.model.clear()
        with QSignalBlocker(self.tag_filter):
            while self.tag_filter.count() > 1:
                self.tag_filter.removeItem(1)
        if self.dialog is not None:
            self.dialog.discard()  # finished: _dialog_finished deletes it
        self.count.setText("")

    # -- locking (a Lockable: nothing typed here outlives a lock) -------------------------
    def keep_as_draft(self) -> bool:
        return True

    def why_lock_waits(self) -> str | None:
        return None

    def wipe_for_lock(self) -> None:
        self.clear()

    def new_client(self) -> ClientDialog:
        """Open the add dialog (Ctrl+N); the new client is selected once it is saved."""
        if self.dialog is not None:  # one at a time: bring the open one forward
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        dialog = ClientDialog(self.practice, self)
        dialog.saved.connect(self._saved)
        # Bound methods, not lambdas: a closure over ``self`` on the dialog's signal would let
        # the dialog's deletion drop the last reference to a page that owns it.
        dialog.finished.connect(self._dialog_finished)
        self.dialog = dialog
        dialog.open()
        return dialog

    def focus_filter(self) -> None:
        """Ctrl+F: jump to the filter with its text selected, ready to type over."""
        self.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter.selectAll()

    def selected_client(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.client_id(index.row()) if index.isValid() else None

    # -- loading --------------------------------------------------------------------------
    def _changed(self, kind: str) -> None:
        """Reload now if shown; a hidden list reloads when it is shown again (note drafts save
        every few seconds, and reloading 10,000 rows each time would be wasted work)."""
        if kind in REFRESH_KINDS:
            self.mark_stale()

    def _loaded(self, rows: list[ClientRow]) -> None:
        keep = self._select_after_load or self.selected_client()
        self._select_after_load = None
        self.model.zone = self.practice.zone
        self.model.set_rows(rows)
        self._fill_tags()
        self._show_count()
        if keep is not None:
            self._select(keep)

    def _load_failed(self, exc: BaseException) -> None:
        self.count.setText("")
        show_error(self, exc)

    def _fill_tags(self) -> None:
        chosen = self.tag_filter.currentData() or ""
        with QSignalBlocker(self.tag_filter):
            while self.tag_filter.count() > 1:
                self.tag_filter.removeItem(1)
            for tag in self.model.tags():
                self.tag_filter.addItem(tag, tag)
            found = self.tag_filter.findData(chosen)
        self.tag_filter.setCurrentIndex(max(found, 0))
        if found < 0 and chosen:
            self.model.set_tag_filter("")

    def _show_count(self) -> None:
        shown = self.model.rowCount()
        self.stack.setCurrentIndex(0 if self.model.total else 1)
        self.count.setText(
            ngettext("{n} client", "{n} clients", shown).format(n=format_number(shown))
        )

    # -- filters and navigation -----------------------------------------------------------
    def _filter_changed(self, text: str) -> None:
        keep = self.selected_client()
        self.model.set_filter_text(text)
        self._after_filter(keep)

    def _status_changed(self, _index: int) -> None:
        keep = self.selected_client()
        self.model.set_status_filter(self.status_filter.currentData())
        self._after_filter(keep)

    def _tag_changed(self, _index: int) -> None:
        keep = self.selected_client()
        self.model.set_tag_filter(self.tag_filter.currentData() or "")
        self._after_filter(keep)

    def _after_filter(self, keep: int | None) -> None:
        self._show_count()
        if keep is not None and self._select(keep):
            return
        if self.model.rowCount():
            self.table.selectRow(0)

    def _select(self, client_id: int) -> bool:
        row = self.model.row_of(client_id)
        if row is None:
            return False
        self.table.select_row(row)
        return True

    def _go_to_list(self) -> None:
        if self.model.rowCount():
            if not self.table.currentIndex().isValid():
                self.table.selectRow(0)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open_current_or_first(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid() and self.model.rowCount():
            index = self.model.index(0, 0)
        if index.isValid():
            self._open_index(index)

    def _open_index(self, index: QModelIndex) -> None:
        self.practice.open_client.emit(self.model.client_id(index.row()))

    def _saved(self, client_id: int) -> None:
        self._select_after_load = client_id

    def _dialog_finished(self, _result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()
