"""From held sessions to money in: sessions to invoice make a draft, Issue numbers it, a part
payment shows in the list's paid, balance and status; an overpayment is refused in words."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from sqlalchemy import func, select

from coachdesk.model import Invoice, Payment
from coachdesk.ui.features.money.payment_dialog import PaymentDialog
from coachdesk.ui.features.money.sessions_dialog import SessionsToInvoiceDialog
from tests.ui.features.money.conftest import MARCH, WAIT_MS, shown_page


def cell(page, row: int, column: int) -> str:
    return page.model.index(row, column).data()


def invoice_march(qtbot, page) -> None:
    page.sessions_button.click()
    dialog = page.invoice_actions.dialogs[-1]
    assert isinstance(dialog, SessionsToInvoiceDialog)
    with qtbot.waitSignal(dialog.listed, timeout=WAIT_MS):
        pass  # the first listing, of last month
    dialog.start.set_day(MARCH[0])
    with qtbot.waitSignal(dialog.listed, timeout=WAIT_MS):
        dialog.end.set_day(MARCH[1])
    assert [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())] == [
        "Amara Okafor",
        "Amara Okafor",
    ]
    assert dialog.table.item(0, 0).text() == "3 March 2026"
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        dialog.create_button.click()


def test_held_sessions_become_a_draft_issued_then_part_paid(qtbot, practice, amara) -> None:
    page = shown_page(qtbot, practice)
    assert page.empty.isVisible()
    assert "No invoices yet" in page.empty.text()

    invoice_march(qtbot, page)
    assert len(page.model.rows) == 1
    assert [cell(page, 0, c) for c in (1, 4, 7)] == ["Amara Okafor", "€285.60", "Draft"]
    assert page.choose(page.model.rows[0].id)
    assert page.issue_button.isEnabled()
    assert not page.pay_button.isEnabled()

    page.issue_button.click()
    box = page.invoice_actions.question
    assert isinstance(box, QMessageBox)
    issue = next(b for b in box.buttons() if b.text() == "Issue")
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        issue.click()
    row = page.model.rows[0]
    assert row.number == f"{date.today().year}-0001"
    assert cell(page, 0, 7) == "Issued"
    assert page.pay_button.isEnabled()
    assert not page.issue_button.isEnabled()

    page.pay_button.click()
    dialog = page.invoice_actions.dialogs[-1]
    assert isinstance(dialog, PaymentDialog)
    assert dialog.amount.text() == "285.60"  # what is owed, to start with
    dialog.amount.setText("100.00")
    dialog.reference.setText("Transfer 42")
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert [cell(page, 0, c) for c in (4, 5, 6, 7)] == [
        "€285.60",
        "€100.00",
        "€185.60",
        "Part paid",
    ]
    assert "outstanding €185.60" in page.totals.text()


def test_an_overpayment_is_refused_under_the_amount_and_nothing_is_stored(
    qtbot, practice, amara, open_vault
) -> None:
    page = shown_page(qtbot, practice)
    invoice_march(qtbot, page)
    page.choose(page.model.rows[0].id)
    page.issue_button.click()
    issue = next(b for b in page.invoice_actions.question.buttons() if b.text() == "Issue")
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        issue.click()
    page.pay_button.click()
    dialog = page.invoice_actions.dialogs[-1]
    dialog.amount.setText("300.00")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not dialog.saving, timeout=WAIT_MS)
    assert dialog.error_text("amount") == (
        "That is more than the 285.60 EUR still owed on this invoice."
    )
    assert dialog.isVisible()
    with open_vault.session() as db:
        assert db.scalar(select(func.count()).select_from(Payment)) == 0
        assert db.scalar(select(Invoice.status)).value == "issued"
