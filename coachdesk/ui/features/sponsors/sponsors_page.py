"""The Sponsors view: the sponsor list with a filter, and the chosen sponsor in full.

One read fills both (a practice has few sponsors), so choosing another sponsor or a change
notice simply reads again; ``refreshed`` follows once list and details are on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from coachdesk.formatting import format_number
from coachdesk.i18n import _, ngettext
from coachdesk.services.overviews.sponsor import SponsorOverview, sponsor_overview
from coachdesk.services.people.sponsors import SponsorRow, list_sponsors
from coachdesk.ui.features.sponsors.sponsor_details import SponsorDetails
from coachdesk.ui.features.sponsors.table_model import SponsorsTableModel
from coachdesk.ui.kit import lockable, look
from coachdesk.ui.kit import practice as kinds
from coachdesk.ui.kit.page import Page
from coachdesk.ui.kit.practice import Practice
from coachdesk.ui.kit.sponsor_dialog import SponsorDialog

REFRESH_KINDS = {kinds.SPONSORS, kinds.CLIENTS, kinds.ENGAGEMENTS, kinds.EVERYTHING}
Loaded = tuple[list[SponsorRow], SponsorOverview | None]


def load(db: Session, sponsor_id: int | None) -> Loaded:
    """Every sponsor (archived too), and the chosen one in full if it still exists."""
    rows = list_sponsors(db, include_archived=True)
    known = sponsor_id is not None and any(r.id == sponsor_id for r in rows)
    return rows, sponsor_overview(db, sponsor_id) if known and sponsor_id else None


class SponsorsPage(Page):
    """Sponsors: ``new_sponsor()`` and ``edit_sponsor()`` open the kit's sponsor dialog."""

    def __init__(self, practice: Practice, parent: QWidget | None = None) -> None:
        super().__init__(practice, parent)
        self.model = SponsorsTableModel(self)
        self.dialog: SponsorDialog | None = None
        self.sponsor_id: int | None = None
        self.view: SponsorOverview | None = None
        self._build()
        practice.changed.connect(self._changed)
        lockable.register(self)

    def _build(self) -> None:
        self.new_button = QPushButton(_("New sponsor…"))
        self.new_button.clicked.connect(self.new_sponsor)
        title_row = QHBoxLayout()
        title_row.addWidget(look.heading(_("Sponsors")), 1)
        title_row.addWidget(self.new_button)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(_("Filter by organisation, contact or email…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter_changed)
        self.count = QLabel()
        filters = QHBoxLayout()
        filters.addWidget(self.filter, 1)
        filters.addWidget(self.count)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # the e-mail, longest
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.empty = look.note("")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table, 1)
        column.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(look.SPACING)
        layout.addLayout(title_row)
        layout.addLayout(filters)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self._build_details())
        layout.addWidget(splitter, 1)

    def _build_details(self) -> QWidget:
        self.details = SponsorDetails()
        self.details.client_opened.connect(self.practice.open_client.emit)
        self.details.engagement_opened.connect(self.practice.open_engagement.emit)
        self.edit_button = QPushButton(_("Edit…"))
        self.edit_button.setToolTip(_("Edit this sponsor's details"))
        self.edit_button.clicked.connect(self.edit_sponsor)
        self.edit_button.setEnabled(False)
        right = QWidget()
        side = QVBoxLayout(right)
        side.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignRight)
        side.addWidget(self.details, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(right)
        return scroll

    # -- page contract --------------------------------------------------------------------
    def _load(self) -> None:
        sponsor_id = self.sponsor_id
        self._read(lambda db: load(db, sponsor_id), self._loaded)

    def _loaded(self, loaded: Loaded) -> None:
        rows, view = loaded
        with QSignalBlocker(self.table.selectionModel()):
            self.model.set_rows(rows)
            if view is None and self.model.rows:
                self.sponsor_id = self.model.rows[0].id  # the first sponsor, read next
            row = self.model.row_of(self.sponsor_id) if self.sponsor_id is not None else None
            if row is not None:
                self.table.selectRow(row)
        self._show(view)
        self._show_count()
        if view is None and row is not None:
            self.refresh()  # the overview of the sponsor just chosen: refreshed follows it

    def _show(self, view: SponsorOverview | None) -> None:
        self.view = view
        if view is None:
            self.details.clear()
        else:
            self.details.fill(view)
        self.edit_button.setEnabled(view is not None)

    def _show_count(self) -> None:
        shown = self.model.rowCount()
        self.count.setText(
            ngettext("{n} sponsor", "{n} sponsors", shown).format(n=format_number(shown))
        )
        if not self.model.loaded:
            self.empty.setText(_("No sponsors yet: add the organisations that pay for coaching."))
        elif not shown:
            self.empty.setText(_("No sponsor matches “{text}”.").format(text=self.filter.text()))
        self.empty.setVisible(not shown)
        self.table.setVisible(bool(shown))

    def clear(self) -> None:
        """Forget every sponsor and whom they pay for (the app locks)."""
        self._forget()
        self.sponsor_id, self.view = None, None
        with QSignalBlocker(self.filter):
            self.filter.clear()
        self.model.set_filter_text("")
        self.model.clear()
        self.details.clear()
        self.edit_button.setEnabled(False)
        self.count.setText("")
        if self.dialog is not None:
            self.dialog.discard()

    def _changed(self, kind: str) -> None:
        if kind in REFRESH_KINDS:
            self.mark_stale()

    # -- locking (a Lockable: the dialog answers for what is typed in it) -----------------
    def keep_as_draft(self) -> bool:
        return True

    def why_lock_waits(self) -> str | None:
        return None

    def wipe_for_lock(self) -> None:
        self.clear()

    # -- what the coach can do ------------------------------------------------------------
    def new_sponsor(self) -> SponsorDialog:
        return self._open(None)

    def edit_sponsor(self) -> SponsorDialog | None:
        return self._open(self.sponsor_id) if self.view is not None else None

    def _open(self, sponsor_id: int | None) -> SponsorDialog:
        if self.dialog is not None:
            self.dialog.raise_()
            return self.dialog
        dialog = SponsorDialog(self.practice, self, sponsor_id)
        dialog.saved.connect(self._saved)
        dialog.finished.connect(self._dialog_finished)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _saved(self, sponsor_id: int) -> None:
        self.sponsor_id = sponsor_id  # shown once the change notice has read again

    def _dialog_finished(self, _result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def _filter_changed(self, text: str) -> None:
        self.model.set_filter_text(text)
        row = self.model.row_of(self.sponsor_id) if self.sponsor_id is not None else None
        if row is not None:
            with QSignalBlocker(self.table.selectionModel()):
                self.table.selectRow(row)
        self._show_count()

    def _selection_changed(self, selected: QItemSelection, _old: QItemSelection) -> None:
        rows = selected.indexes()
        record = self.model.row_at(rows[0].row()) if rows else None
        if record is not None and record.id != self.sponsor_id:
            self.sponsor_id = record.id
            self.refresh()
