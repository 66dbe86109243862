"""The Money view's filters narrow the list in memory, the totals follow what is shown, a
filter matching nothing says so; a credit note cancels an invoice, and its saved PDF reads
back; an overdue invoice's reminder comes as a letter and as text to paste."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog

from coachdesk.services.billing import invoices, payments, sources
from coachdesk.services.billing.invoices import InvoiceFields, LineFields
from coachdesk.services.billing.payments import PaymentFields
from coachdesk.ui.features.money.credit_note_dialog import CreditNoteDialog
from coachdesk.ui.features.money.invoice_table import Show
from coachdesk.ui.features.money.reminder_dialog import ReminderDialog
from coachdesk.vault import Vault
from tests.services import factories
from tests.ui.features.money.conftest import MARCH, WAIT_MS, pdf_text, shown_page

D = Decimal


@pytest.fixture
def ledger(open_vault: Vault, amara: int) -> dict[str, int]:
    """Amara's March sessions issued on 31 March (overdue since 14 April); Ben's paid invoice
    of 2025 and a draft."""
    with open_vault.session() as db, db.begin():
        ben = factories.client(db, "Ben Ng")
        overdue = sources.invoice_held_sessions(db, amara, *MARCH)
        invoices.issue_invoice(db, overdue, date(2026, 3, 31))
        paid = invoices.create_draft(
            db, InvoiceFields(ben, lines=[LineFields("Workshop", D(1), D("50.00"), D(0))])
        )
        invoices.issue_invoice(db, paid, date(2025, 6, 1))
        payments.add_payment(db, PaymentFields(paid, D("50.00"), date(2025, 6, 20)))
        draft = invoices.create_draft(
            db, InvoiceFields(ben, lines=[LineFields("Book", D(2), D("50.00"), D(19))])
        )
    return {"overdue": overdue, "paid": paid, "draft": draft}


def shown(page) -> list[tuple[str, str]]:
    return [(r.client, r.status.value) for r in page.model.rows]


def test_filters_narrow_the_list_and_the_totals_follow(qtbot, practice, ledger) -> None:
    page = shown_page(qtbot, practice)
    assert shown(page) == [("Ben Ng", "draft"), ("Amara Okafor", "overdue"), ("Ben Ng", "paid")]
    assert page.count.text() == "3 invoices"
    assert "total €454.60 · paid €50.00 · outstanding €285.60" in page.totals.text()

    page.set_show(Show.OVERDUE)
    assert shown(page) == [("Amara Okafor", "overdue")]
    assert page.totals.text() == ("1 in EUR: total €285.60 · paid €0.00 · outstanding €285.60")
    page.set_show(Show.UNPAID)
    assert shown(page) == [("Amara Okafor", "overdue")]
    page.set_show(Show.ALL)

    page.year_box.setCurrentIndex(page.year_box.findData(2025))
    assert shown(page) == [("Ben Ng", "paid")]
    page.year_box.setCurrentIndex(0)

    page.client_box.choose(ledger_client(page, "Ben Ng"))
    assert shown(page) == [("Ben Ng", "draft"), ("Ben Ng", "paid")]
    page.client_box.choose(None)

    page.filter.setText("2026-00")
    assert shown(page) == [("Amara Okafor", "overdue")]
    page.filter.setText("zebra")
    assert page.model.rows == []
    assert page.empty.isVisible()
    assert page.empty.text() == "No invoice matches these filters."
    assert not page.totals.isVisible()


def ledger_client(page, name: str) -> int:
    return next(cid for cid, label in page.model.clients() if label == name)


def test_a_credit_note_cancels_the_invoice_and_its_pdf_reads_back(
    qtbot, practice, ledger, monkeypatch, tmp_path: Path
) -> None:
    page = shown_page(qtbot, practice)
    page.choose(ledger["overdue"])
    page.credit_button.click()
    dialog = page.invoice_actions.dialogs[-1]
    assert isinstance(dialog, CreditNoteDialog)
    dialog.reason.setPlainText("Wrong billing address")
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    by_id = {r.id: r for r in page.model.rows}
    assert by_id[ledger["overdue"]].status.value == "cancelled"
    note = next(r for r in page.model.rows if r.kind.value == "credit_note")
    assert note.total == D("-285.60")
    assert note.number == f"CN-{date.today().year}-0001"
    assert page.model.index(page.model.row_of(note.id), 7).data() == "Credit note"

    target = tmp_path / "credit.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(target), ""))
    )
    page.choose(note.id)
    page.pdf_button.click()
    qtbot.waitUntil(target.exists, timeout=WAIT_MS)
    text = pdf_text(target.read_bytes())
    assert "Cancels invoice 2026-0001" in text
    assert "Total\n -€285.60" in text


def test_an_overdue_invoice_has_a_reminder_letter_and_text(qtbot, practice, ledger) -> None:
    page = shown_page(qtbot, practice)
    page.choose(ledger["paid"])
    assert not page.reminder_button.isEnabled()  # nothing owed
    page.choose(ledger["overdue"])
    page.reminder_button.click()
    qtbot.waitUntil(lambda: bool(page.invoice_actions.dialogs), timeout=WAIT_MS)
    dialog = page.invoice_actions.dialogs[-1]
    assert isinstance(dialog, ReminderDialog)
    assert dialog.text.toPlainText().startswith("Subject: Payment reminder: invoice 2026-0001")
    assert "Payment reminder" in pdf_text(dialog.preview.pdf_bytes)
    dialog.copy_button.click()
    assert QApplication.clipboard().text() == dialog.text.toPlainText()
