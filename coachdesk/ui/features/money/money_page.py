"""The Money view: every invoice and credit note with filters, the totals of what is shown, and
the buttons that act on the chosen invoice (``InvoiceActions``).

One read brings every row; filtering happens in the model, so a keystroke never reads again.
After a change notice the list is read again and the chosen invoice stays chosen.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from coachdesk.formatting import format_money, format_number
from coachdesk.i18n import _, ngettext
from coachdesk.services.billing.listing import InvoiceRow, list_invoices
from coachdesk.services.people.profile import coach_today
from coachdesk.ui.features.money.invoice_actions import InvoiceActions
from coachdesk.ui.features.money.invoice_table import InvoicesTableModel, Show, show_labels
from coachdesk.ui.kit import lockable, look
from coachdesk.ui.kit import practice as kinds
from coachdesk.ui.kit.empty_note import EmptyNote
from coachdesk.ui.kit.fields import ClientCombo
from coachdesk.ui.kit.page import Page
from coachdesk.ui.kit.practice import Practice

REFRESH_KINDS = {kinds.INVOICES, kinds.CLIENTS, kinds.SESSIONS, kinds.EVERYTHING}


def load(db: Session) -> list[InvoiceRow]:
    return list_invoices(db, coach_today(db))


class MoneyPage(Page):
    """Invoices: the filters narrow the list in memory; ``actions`` opens the dialogs."""

    def __init__(self, practice: Practice, parent: QWidget | None = None) -> None:
        super().__init__(practice, parent)
        self.model = InvoicesTableModel(self)
        self.invoice_id: int | None = None
        self.invoice_actions = InvoiceActions(practice, self)
        self.invoice_actions.chosen.connect(self._chosen)
        self._build()
        self._update_buttons()
        practice.changed.connect(self._changed)
        lockable.register(self)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(look.SPACING)
        layout.addLayout(self._build_title())
        layout.addLayout(self._build_filters())
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the client's name
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(self._open_index)
        self.empty = EmptyNote(self.table, self._empty_words)
        layout.addWidget(self.table, 1)
        self.totals = QLabel()
        self.totals.setObjectName("money_totals")
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.totals)
        layout.addLayout(self._build_buttons())

    def _build_title(self) -> QHBoxLayout:
        self.new_button = QPushButton(_("New invoice…"))
        self.new_button.clicked.connect(self.invoice_actions.new_invoice)
        self.sessions_button = QPushButton(_("Sessions to invoice…"))
        self.sessions_button.clicked.connect(self.invoice_actions.sessions_to_invoice)
        self.engagement_button = QPushButton(_("Package or retainer…"))
        self.engagement_button.setToolTip(
            _("Invoice a package (whole or in instalments) or a retainer's month")
        )
        self.engagement_button.clicked.connect(self.invoice_actions.from_engagement)
        row = QHBoxLayout()
        row.addWidget(look.heading(_("Money")), 1)
        for button in (self.sessions_button, self.engagement_button, self.new_button):
            row.addWidget(button)
        return row

    def _build_filters(self) -> QHBoxLayout:
        self.show_box = QComboBox()
        for show, label in show_labels().items():
            self.show_box.addItem(label, show.value)
        self.show_box.currentIndexChanged.connect(self._filter_changed)
        self.year_box = QComboBox()
        self.year_box.addItem(_("Every year"), None)
        self.year_box.currentIndexChanged.connect(self._filter_changed)
        self.client_box = ClientCombo(_("All clients"))
        self.client_box.currentIndexChanged.connect(self._filter_changed)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(_("Filter by number or client…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter_changed)
        self.count = QLabel()
        row = QHBoxLayout()
        for box in (self.show_box, self.year_box, self.client_box):
            row.addWidget(box)
        row.addWidget(self.filter, 1)
        row.addWidget(self.count)
        return row

    def _build_buttons(self) -> QHBoxLayout:
        a = self.invoice_actions
        self.open_button = QPushButton(_("Open…"))
        self.open_button.clicked.connect(lambda: a.open_invoice(self._chosen_row()))
        self.issue_button = QPushButton(_("Issue…"))
        self.issue_button.clicked.connect(lambda: a.issue(self._chosen_row()))
        self.pay_button = QPushButton(_("Record payment…"))
        self.pay_button.clicked.connect(lambda: a.record_payment(self._chosen_row()))
        self.credit_button = QPushButton(_("Credit note…"))
        self.credit_button.clicked.connect(lambda: a.credit_note(self._chosen_row()))
        self.pdf_button = QPushButton(_("Save PDF…"))
        self.pdf_button.clicked.connect(lambda: a.save_pdf(self._chosen_row()))
        self.print_button = QPushButton(_("Print…"))
        self.print_button.clicked.connect(lambda: a.print_invoice(self._chosen_row()))
        self.facturx_button = QPushButton(_("E-invoice (Factur-X)…"))
        self.facturx_button.clicked.connect(lambda: a.save_facturx(self._chosen_row()))
        self.reminder_button = QPushButton(_("Reminder…"))
        self.reminder_button.clicked.connect(lambda: a.reminder(self._chosen_row()))
        self.delete_button = QPushButton(_("Delete draft…"))
        self.delete_button.clicked.connect(lambda: a.delete_draft(self._chosen_row()))
        row = QHBoxLayout()
        for button in (self.open_button, self.issue_button, self.pay_button, self.credit_button):
            row.addWidget(button)
        row.addStretch(1)
        for button in (
            self.pdf_button,
            self.print_button,
            self.facturx_button,
            self.reminder_button,
            self.delete_button,
        ):
            row.addWidget(button)
        return row

    # -- page contract --------------------------------------------------------------------
    def _load(self) -> None:
        self._read(load, self._loaded)

    def _loaded(self, rows: list[InvoiceRow]) -> None:
        with QSignalBlocker(self.table.selectionModel()):
            self.model.set_rows(rows)
        self._fill_choices()
        self._after_filter()

    def _fill_choices(self) -> None:
        """The years and clients that have invoices; the choices made stay when still there."""
        year = self.year_box.currentData()
        with QSignalBlocker(self.year_box):
            self.year_box.clear()
            self.year_box.addItem(_("Every year"), None)
            for y in self.model.years():
                self.year_box.addItem(str(y), y)
            self.year_box.setCurrentIndex(max(self.year_box.findData(year), 0))
        with QSignalBlocker(self.client_box):
            self.client_box.set_clients(self.model.clients())

    def clear(self) -> None:
        """Forget every invoice shown (the app locks)."""
        self._forget()
        self.invoice_id = None
        with QSignalBlocker(self.filter):
            self.filter.clear()
        self.model.clear()
        with QSignalBlocker(self.client_box):
            self.client_box.set_clients([])
        self.invoice_actions.close_all()
        self._after_filter()

    def _changed(self, kind: str) -> None:
        if kind in REFRESH_KINDS:
            self.mark_stale()

    # -- locking (a Lockable: the dialogs answer for what is typed in them) ---------------
    def keep_as_draft(self) -> bool:
        return True

    def why_lock_waits(self) -> str | None:
        return None

    def wipe_for_lock(self) -> None:
        self.clear()

    # -- filters and the chosen invoice ---------------------------------------------------
    def set_show(self, show: Show) -> None:
        self.show_box.setCurrentIndex(self.show_box.findData(show.value))

    def _filter_changed(self, *_args: object) -> None:
        self.model.set_filter(
            show=Show(self.show_box.currentData()),
            year=self.year_box.currentData(),
            client_id=self.client_box.client_id(),
            text=self.filter.text(),
        )
        self._after_filter()

    def _after_filter(self) -> None:
        row = self.model.row_of(self.invoice_id) if self.invoice_id is not None else None
        with QSignalBlocker(self.table.selectionModel()):
            if row is None:
                self.table.clearSelection()
            else:
                self.table.selectRow(row)
        self._show_count()
        self._update_buttons()

    def _show_count(self) -> None:
        shown = len(self.model.rows)
        self.count.setText(
            ngettext("{n} invoice", "{n} invoices", shown).format(n=format_number(shown))
        )
        lines = [
            _("{n} in {currency}: total {total} · paid {paid} · outstanding {balance}").format(
                n=format_number(t.count),
                currency=t.currency,
                total=format_money(t.total, t.currency),
                paid=format_money(t.paid, t.currency),
                balance=format_money(t.balance, t.currency),
            )
            for t in self.model.totals()
        ]
        self.totals.setText("\n".join(lines))
        self.totals.setVisible(bool(lines))

    def _empty_words(self) -> str:
        if not self.model.loaded:
            return _(
                "No invoices yet. Create one from the sessions you have held, "
                "or a free-form invoice for a workshop or a book."
            )
        return _("No invoice matches these filters.")

    def _chosen_row(self) -> InvoiceRow | None:
        row = self.model.row_of(self.invoice_id) if self.invoice_id is not None else None
        return self.model.row_at(row) if row is not None else None

    def choose(self, invoice_id: int) -> bool:
        """Select ``invoice_id`` if it is shown."""
        self.invoice_id = invoice_id
        self._after_filter()
        return self._chosen_row() is not None

    def _chosen(self, invoice_id: int) -> None:
        self.invoice_id = invoice_id  # selected once the change notice has read again

    def _selection_changed(self, selected: QItemSelection, _old: QItemSelection) -> None:
        rows = selected.indexes()
        record = self.model.row_at(rows[0].row()) if rows else None
        self.invoice_id = record.id if record is not None else None
        self._update_buttons()

    def _open_index(self, index: QModelIndex) -> None:
        self.invoice_actions.open_invoice(self.model.row_at(index.row()))

    def _update_buttons(self) -> None:
        enabled = self.invoice_actions.enabled(self._chosen_row())
        for name, button in (
            ("open", self.open_button),
            ("issue", self.issue_button),
            ("pay", self.pay_button),
            ("credit", self.credit_button),
            ("pdf", self.pdf_button),
            ("print", self.print_button),
            ("facturx", self.facturx_button),
            ("reminder", self.reminder_button),
            ("delete", self.delete_button),
        ):
            button.setEnabled(name in enabled)
