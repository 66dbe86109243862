"""The client page's money section: invoiced, paid and outstanding (one line per currency),
and where each package stands ("5 of 8 sessions used, 3 left, paid 2 of 3 instalments")."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from coachdesk.formatting import format_money
from coachdesk.i18n import _
from coachdesk.services.billing.balances import Balance, ClientMoney
from coachdesk.ui.kit import entries as parts
from coachdesk.ui.kit import look


def balance_words(balance: Balance) -> str:
    def money(amount: object) -> str:
        return format_money(amount, balance.currency)  # type: ignore[arg-type]

    return _("Invoiced {invoiced} · paid {paid} · outstanding {outstanding}").format(
        invoiced=money(balance.invoiced),
        paid=money(balance.paid),
        outstanding=money(balance.outstanding),
    )


class ClientMoneyBox(QWidget):
    """Filled from ``ClientMoney``; the outstanding line is tinted while money is owed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = QVBoxLayout(self)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setSpacing(4)
        self.lines: list[QLabel] = []

    def fill(self, money: ClientMoney) -> None:
        self.clear()
        for balance in money.balances:
            label = self._line(balance_words(balance))
            look.tint(label, look.Colour.WARNING if balance.outstanding > 0 else None)
        for title, usage in money.packages:
            self._line(f"{title}: {usage.words()}")
        if not self.lines:
            self._line(_("Nothing invoiced yet."))

    def texts(self) -> list[str]:
        return [label.text() for label in self.lines]

    def clear(self) -> None:
        self.lines = []
        parts.empty_layout(self.rows)

    def _line(self, text: str) -> QLabel:
        label = look.note(text)
        label.setTextFormat(Qt.TextFormat.PlainText)  # an engagement's title is never markup
        self.rows.addWidget(label)
        self.lines.append(label)
        return label
