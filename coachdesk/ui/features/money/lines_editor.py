"""The invoice editor's lines: description, quantity, unit price and tax rate, one row each,
added and removed by the coach. A line made from a session keeps that session's id.

Typed numbers are read with the services' own parsers, so a line that cannot be read gets the
same field name (``lines[2].quantity``) and message as one the service refuses.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.services.billing.invoices import LineFields
from coachdesk.services.billing.money import parse_quantity, parse_tax_rate
from coachdesk.services.validation import parse_money
from coachdesk.ui.kit import look

COLUMNS = ("description", "quantity", "unit_price", "tax_rate")
SESSION_ROLE = Qt.ItemDataRole.UserRole + 1


def column_labels() -> dict[str, str]:
    return {
        "description": _("description"),
        "quantity": _("quantity"),
        "unit_price": _("unit price"),
        "tax_rate": _("tax rate"),
    }


class LinesEditor(QWidget):
    """``edited`` whenever a line is typed in, added or removed."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.default_rate = Decimal(0)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(
            [_("Description"), _("Qty"), _("Unit price"), _("Tax %")]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.itemChanged.connect(lambda _item: self.edited.emit())
        self.add_button = QPushButton(_("Add line"))
        self.add_button.clicked.connect(self.add_empty_line)
        self.remove_button = QPushButton(_("Remove line"))
        self.remove_button.clicked.connect(self.remove_current_line)
        self.error = QLabel()
        self.error.setObjectName("lines_error")
        look.tint(self.error, look.Colour.DANGER)
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.error)

    def set_lines(self, lines: list[LineFields]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        self.table.blockSignals(False)
        for line in lines:
            self._append(line)

    def _append(self, line: LineFields) -> None:
        """Silently: a half-made row must not be read as typed."""
        blocked = self.table.blockSignals(True)
        row = self.table.rowCount()
        self.table.insertRow(row)
        values = (line.description, f"{line.quantity.normalize():f}", f"{line.unit_price}")
        for column, text in enumerate((*values, f"{line.tax_rate.normalize():f}")):
            item = QTableWidgetItem(text)
            if column:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            else:
                item.setData(SESSION_ROLE, line.session_id)
            self.table.setItem(row, column, item)
        self.table.blockSignals(blocked)

    def add_empty_line(self) -> None:
        self._append(LineFields("", Decimal(1), Decimal("0.00"), self.default_rate))
        self.table.setCurrentCell(self.table.rowCount() - 1, 0)
        self.table.editItem(self._cell(self.table.rowCount() - 1, 0))
        self.edited.emit()

    def remove_current_line(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.edited.emit()

    def set_line_text(self, row: int, column: str, text: str) -> None:
        """Type ``text`` into a cell, as the coach would."""
        self._cell(row, COLUMNS.index(column)).setText(text)

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        """Every cell has its item (``_append`` makes them all)."""
        item = self.table.item(row, column)
        assert item is not None, (row, column)
        return item

    def lines(self) -> list[LineFields]:
        """The lines as typed; one that cannot be read raises with its field named."""
        problems: dict[str, str] = {}
        lines = []
        for row in range(self.table.rowCount()):
            texts = [self._cell(row, c).text() for c in range(len(COLUMNS))]
            name = f"lines[{row + 1}]."
            values: list[Decimal] = []
            for column, parse in (
                ("quantity", parse_quantity),
                ("unit_price", parse_money),
                ("tax_rate", parse_tax_rate),
            ):
                try:
                    values.append(parse(name + column, texts[COLUMNS.index(column)]))
                except ValidationError as exc:
                    problems.update(exc.fields)
                    values.append(Decimal(0))
            session = self._cell(row, 0).data(SESSION_ROLE)
            quantity, unit_price, tax_rate = values
            lines.append(LineFields(texts[0], quantity, unit_price, tax_rate, session))
        if problems:
            raise ValidationError(problems)
        return lines

    def show_errors(self, problems: dict[str, str]) -> None:
        """Each line's messages, "Line 2, quantity: …", under the table."""
        labels = column_labels()
        said = []
        for name, message in problems.items():
            line, _dot, column = name.removeprefix("lines[").partition("].")
            if line.isdigit():
                label = labels.get(column, column)
                said.append(
                    _("Line {n}, {field}: {message}").format(n=line, field=label, message=message)
                )
            elif name == "lines":
                said.append(message)
        self.error.setText("\n".join(said))
        self.error.setVisible(bool(said))

    def set_read_only(self, read_only: bool) -> None:
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers
            if read_only
            else QAbstractItemView.EditTrigger.AllEditTriggers
        )
        self.add_button.setVisible(not read_only)
        self.remove_button.setVisible(not read_only)
