"""The Revenue view: one year's figures (the service's ``year_revenue``) as a chart and a table
by month, a table by client, the hours coached and the average fee per hour, and the CSV for
the accountant (one row per invoice and credit note, as ``coachdesk invoice export`` writes).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from coachdesk.formatting import format_money, format_number
from coachdesk.i18n import _
from coachdesk.services.billing import revenue
from coachdesk.services.billing.revenue import RevenueYear
from coachdesk.ui.features.revenue.revenue_chart import RevenueChart, month_initials
from coachdesk.ui.kit import lockable, look
from coachdesk.ui.kit import practice as kinds
from coachdesk.ui.kit.page import Page
from coachdesk.ui.kit.practice import Practice
from coachdesk.ui.pdf.files import write_atomically

REFRESH_KINDS = {kinds.INVOICES, kinds.SESSIONS, kinds.CLIENTS, kinds.PROFILE, kinds.EVERYTHING}
FIRST_YEAR, LAST_YEAR = 2000, 2100


def accountant_csv(db: Session, year: int) -> bytes:
    """With a byte-order mark, so that spreadsheets read the names as UTF-8."""
    return revenue.accountant_csv(revenue.accountant_rows(db, year)).encode("utf-8-sig")


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], *, total: bool = False) -> None:
    """``total``: the last row sums the others, in bold."""
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if total and r == len(rows) - 1:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            if c:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


class RevenuePage(Page):
    """``exported(path)`` once the accountant's CSV is written."""

    exported = Signal(Path)

    def __init__(self, practice: Practice, parent: QWidget | None = None) -> None:
        super().__init__(practice, parent)
        self.data: RevenueYear | None = None
        self.year = QSpinBox()
        self.year.setRange(FIRST_YEAR, LAST_YEAR)
        self.year.setValue(datetime.now(practice.zone).year)
        self.year.setAccessibleName(_("Year"))
        self.year.valueChanged.connect(lambda _y: self.refresh())
        self.export_button = QPushButton(_("Export CSV for the accountant…"))
        self.export_button.setToolTip(
            _("One row per invoice and credit note of the year: net, tax per rate, gross, paid")
        )
        self.export_button.clicked.connect(lambda _checked=False: self.export_csv())
        self.summary = look.note("")
        self.chart = RevenueChart()
        money = [_("Invoiced"), _("Paid"), _("Outstanding")]
        self.months = _table([_("Month"), *money])
        self.clients = _table([_("Client"), *money])
        self._build()
        practice.changed.connect(self._changed)
        lockable.register(self)

    def _build(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(look.heading(_("Revenue")), 1)
        bar.addWidget(QLabel(_("Year")))
        bar.addWidget(self.year)
        bar.addWidget(self.export_button)
        tables = QHBoxLayout()
        for title, table in ((_("By month"), self.months), (_("By client"), self.clients)):
            column = QVBoxLayout()
            column.addWidget(look.heading(title, scale=1.1))
            column.addWidget(table)
            tables.addLayout(column, 1)
        layout = QVBoxLayout(self)
        layout.setSpacing(look.SPACING // 2 + 2)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.chart, 2)
        layout.addLayout(tables, 3)

    # -- page contract ------------------------------------------------------------------------
    def _load(self) -> None:
        year = self.year.value()
        self._read(lambda db: revenue.year_revenue(db, year), self._show)

    def _show(self, data: RevenueYear) -> None:
        self.data = data

        def money(amount: Decimal) -> str:
            return format_money(amount, data.currency)

        highest = max((max(m.invoiced, m.paid, m.outstanding) for m in data.months), default=0)
        self.chart.show_months(data.months, money(Decimal(highest)))
        names = month_initials()
        _fill(
            self.months,
            [
                [names[m.month - 1], money(m.invoiced), money(m.paid), money(m.outstanding)]
                for m in data.months
            ]
            + [[_("Total"), money(data.invoiced), money(data.paid), money(data.outstanding)]],
            total=True,
        )
        _fill(
            self.clients,
            [
                [c.client, money(c.invoiced), money(c.paid), money(c.outstanding)]
                for c in data.clients
            ],
        )
        hours = _("{hours} hours coached").format(hours=format_number(data.hours_coached, 2))
        fee = data.average_fee_per_hour
        per_hour = (
            _("average fee {fee} per hour (net)").format(fee=money(fee))
            if fee is not None
            else _("no average fee without hours")
        )
        self.summary.setText(
            f"{hours} · {per_hour} · {_('in {currency}').format(currency=data.currency)}"
        )

    def clear(self) -> None:
        """Drop every figure and client name (the app is locking)."""
        self._forget()
        self.data = None
        self.chart.clear()
        self.months.setRowCount(0)
        self.clients.setRowCount(0)
        self.summary.clear()

    def _changed(self, kind: str) -> None:
        if kind in REFRESH_KINDS:
            self.mark_stale()

    # -- locking (a Lockable: nothing typed here) ---------------------------------------------
    def keep_as_draft(self) -> bool:
        return True

    def why_lock_waits(self) -> str | None:
        return None

    def wipe_for_lock(self) -> None:
        self.clear()

    # -- the accountant's CSV -----------------------------------------------------------------
    def export_csv(self, path: Path | None = None) -> None:
        """Write the year's CSV to ``path`` (asked for when not given), in one step."""
        year = self.year.value()
        if path is None:
            suggested = _("Invoices {year}.csv").format(year=year)
            chosen, _filter = QFileDialog.getSaveFileName(
                self, _("Export CSV for the accountant"), suggested, _("CSV files (*.csv)")
            )
            if not chosen:
                return
            path = Path(chosen)
        target = path

        def work(db: Session) -> Path:
            write_atomically(target, accountant_csv(db, year))
            return target

        self.practice.read(work, self.exported.emit, parent=self)
