"""The Agreements view: every agreement of the practice and what needs doing about it, above the
one selected (its text, preview and clause check).

The list is one light query; the selected agreement loads on its own. "Open" agreements (drafts
and those awaiting signature) show first: they are what the coach has to act on.

Typed text is never thrown away: an edited draft is saved before another agreement opens, stays
open while the Find box hides it, and ``keep_as_draft`` saves it before the app locks.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coachdesk import words
from coachdesk.i18n import _, ngettext
from coachdesk.model import AgreementStatus
from coachdesk.services.agreements import listing as agreement_list
from coachdesk.services.agreements.listing import AgreementListRow
from coachdesk.services.people import profile
from coachdesk.ui.features.agreements.agreement_panel import AgreementPanel
from coachdesk.ui.features.agreements.new_agreement_dialog import NewAgreementDialog
from coachdesk.ui.features.agreements.table_model import (
    FILTER_ALL,
    FILTER_OPEN,
    AgreementsTableModel,
)
from coachdesk.ui.kit import lockable, look
from coachdesk.ui.kit import practice as kinds
from coachdesk.ui.kit.empty_note import EmptyNote
from coachdesk.ui.kit.page import Page
from coachdesk.ui.kit.practice import Practice

REFRESH_ON = {kinds.AGREEMENTS, kinds.ENGAGEMENTS, kinds.CLIENTS, kinds.EVERYTHING}
COLUMN_WIDTHS = (190, 380, 110)


def load_rows(db: Any) -> list[AgreementListRow]:
    return agreement_list.list_all_agreements(db, profile.coach_today(db))


class AgreementsPage(Page):
    """The page for the main window's "Agreements" entry (page contract: refresh, clear,
    mark_stale; a ``Lockable``); ``new_agreement()`` and ``show_agreement(id)`` for menus and
    other views."""

    def __init__(self, practice: Practice, parent: QWidget | None = None) -> None:
        super().__init__(practice, parent)
        self.model = AgreementsTableModel(self)
        self.dialog: NewAgreementDialog | None = None
        self._wanted: int | None = None
        self.count = look.note("")
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Find by client or title"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(240)
        self.which = QComboBox()
        self.which.addItem(_("Drafts and awaiting signature"), FILTER_OPEN)
        self.which.addItem(_("All agreements"), FILTER_ALL)
        for status in AgreementStatus:
            self.which.addItem(words.label(status), status.value)
        self.new_button = QPushButton(_("New agreement…"))
        self.new_button.setToolTip(_("Draft an agreement for an engagement from a template"))
        self.new_button.clicked.connect(self.new_agreement)
        self.table = self._table()
        self.no_match = EmptyNote(self.table, self._no_match_words)
        self.panel = AgreementPanel(practice)
        self.panel.opened.connect(self.show_agreement)
        self.empty = look.note(_("Select an agreement above to read, preview or sign it."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.panel)
        self._build()
        self.search.textChanged.connect(self._refilter)
        self.which.currentIndexChanged.connect(self._refilter)
        practice.changed.connect(self._data_changed)
        lockable.register(self)

    def _table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.setTabKeyNavigation(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, width in enumerate(COLUMN_WIDTHS):
            header.resizeSection(column, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        return table

    def _build(self) -> None:
        bar = QHBoxLayout()
        bar.setContentsMargins(look.SPACING + 8, look.SPACING, look.SPACING + 8, 0)
        bar.setSpacing(look.SPACING - 4)
        bar.addWidget(look.heading(_("Agreements")))
        bar.addSpacing(look.SPACING)
        bar.addWidget(self.count, 0, Qt.AlignmentFlag.AlignBottom)
        bar.addStretch(1)
        bar.addWidget(self.search)
        bar.addWidget(self.which)
        bar.addWidget(self.new_button)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(look.SPACING + 8, 0, look.SPACING + 8, 0)
        top_layout.addWidget(self.table)
        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(top)
        split.addWidget(self.stack)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        split.setSizes([230, 600])
        self.splitter = split
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(look.SPACING - 4)
        layout.addLayout(bar)
        layout.addWidget(split, 1)

    # -- page contract --------------------------------------------------------------------
    def _load(self) -> None:
        self._read(load_rows, self._loaded)

    def clear(self) -> None:
        """Drop every client detail shown (the app is locking)."""
        self._forget()
        if self.dialog is not None:
            self.dialog.reject()
        self.model.clear()
        self.search.clear()
        self.panel.clear()
        self.stack.setCurrentWidget(self.empty)
        self.count.clear()

    # -- locking (a Lockable: an edited draft agreement is saved, as a note draft is) -----
    def keep_as_draft(self) -> bool:
        """Save an edited draft now, before the app locks; False (the reason shown above the
        text) if it could not be kept, so the caller must not drop it."""
        return self.panel.save_now()

    def why_lock_waits(self) -> str | None:
        if self.panel.holds_unsaved_draft():
            return _("Not locked: the agreement you are editing could not be saved.")
        return None

    def wipe_for_lock(self) -> None:
        self.clear()

    def _data_changed(self, kind: str) -> None:
        if kind in REFRESH_ON:
            self.mark_stale()

    # -- loading --------------------------------------------------------------------------
    def _loaded(self, rows: list[AgreementListRow]) -> None:
        keep = self._wanted if self._wanted is not None else self.selected_id()
        self.model.set_rows(rows)
        if keep is not None and self.model.row_of(keep) is None and self.model.holds(keep):
            self.which.setCurrentIndex(self.which.findData(FILTER_ALL))  # refilters
        self._update_count()
        self._select(keep if keep is not None else self._edited_id())

    def _refilter(self, *_args: object) -> None:
        keep = self.selected_id()
        self.model.set_filter(self.search.text(), str(self.which.currentData()))
        self._update_count()
        self._select(keep if keep is not None else self._edited_id())

    def _no_match_words(self) -> str:
        if not self.model.total():
            return ""
        typed = self.search.text().strip()
        if typed:
            return _("No agreements match “{text}”.").format(text=typed)
        return _("No agreements match this filter.")

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total()
        self.count.setText(
            ngettext("{n} agreement", "{n} agreements", total).format(n=total)
            if shown == total
            else _("{shown} of {total} shown").format(shown=shown, total=total)
        )

    # -- selection ------------------------------------------------------------------------
    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()].id if rows else None

    def show_agreement(self, agreement_id: int) -> None:
        """Select ``agreement_id`` (showing every status if the filter hides it) and open it."""
        self._wanted = agreement_id
        if self.model.row_of(agreement_id) is None:
            self.refresh()  # new, or hidden by the filter: _loaded shows it
            return
        self._select(agreement_id)

    def _edited_id(self) -> int | None:
        """The draft open with unsaved text, selected again once the filter shows it."""
        return self.panel.shown_id() if self.panel.has_unsaved_text() else None

    def _select(self, agreement_id: int | None) -> None:
        row = self.model.row_of(agreement_id) if agreement_id is not None else None
        if row is None and self._wanted is None:
            self.table.clearSelection()
            if not self.panel.has_unsaved_text():  # a hidden draft being edited stays open
                self.panel.clear()
                self.stack.setCurrentWidget(self.empty)
            return
        if row is None:
            return
        self._wanted = None
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))

    def _selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        agreement_id = self.selected_id()
        if agreement_id is None:
            return
        shown = self.panel.shown_id()
        if agreement_id != shown and not self.panel.save_now():
            self._select(shown)  # the draft stays open with its text, and says why
            return
        self.stack.setCurrentWidget(self.panel)
        self.panel.show_agreement(agreement_id)

    # -- creating -------------------------------------------------------------------------
    def new_agreement(self, engagement_id: int | None = None) -> NewAgreementDialog:
        """Ask for the engagement and template, draft it, and open the draft here."""
        if self.dialog is not None:
            return self.dialog
        dialog = NewAgreementDialog(self.practice, self, engagement_id)
        dialog.created.connect(self.show_agreement)
        dialog.finished.connect(self._dialog_finished)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _dialog_finished(self, _result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()
