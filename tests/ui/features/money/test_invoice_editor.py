"""The invoice editor: what is typed shows in the totals at once and in the preview a moment
later, a bad line is named, a save stores the draft, and an issued invoice opens read-only with
its frozen PDF and its payments."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import func, select

from coachdesk.model import Invoice
from coachdesk.services.billing import invoices, payments, sources
from coachdesk.services.billing.payments import PaymentFields
from coachdesk.ui.features.money.invoice_editor import InvoiceEditor
from tests.ui.features.money.conftest import MARCH, WAIT_MS, pdf_text


def opened(qtbot, practice, invoice_id: int | None = None) -> InvoiceEditor:
    editor = InvoiceEditor(practice, None, invoice_id)
    qtbot.addWidget(editor)
    with qtbot.waitSignal(editor.loaded, timeout=WAIT_MS):
        editor.show()
    return editor


def test_typed_lines_show_in_totals_and_preview(qtbot, practice, amara, open_vault) -> None:
    editor = opened(qtbot, practice)
    assert editor.client.choose(amara)
    editor.lines.add_empty_line()
    editor.lines.set_line_text(0, "description", "Team workshop")
    editor.lines.set_line_text(0, "quantity", "2")
    editor.lines.set_line_text(0, "unit_price", "150.00")
    editor.lines.add_empty_line()
    editor.lines.set_line_text(1, "description", "Workbook")
    editor.lines.set_line_text(1, "unit_price", "20.00")
    editor.lines.set_line_text(1, "tax_rate", "7")
    assert editor.summary.text().splitlines() == [
        "Tax 7 % on €20.00: €1.40",
        "Tax 19 % on €300.00: €57.00",
        "Net €320.00 · Tax €58.40 · Total €378.40",
    ]
    with qtbot.waitSignal(editor.previewed, timeout=WAIT_MS):
        editor.update_preview()
    text = pdf_text(editor.preview.pdf_bytes)
    assert "Team workshop" in text
    assert "Amara Okafor" in text
    assert "€378.40" in text
    with open_vault.session() as db:
        assert db.scalar(select(func.count()).select_from(Invoice)) == 0  # a preview stores nothing

    editor.lines.set_line_text(0, "quantity", "-1")
    with qtbot.waitSignal(editor.previewed, timeout=WAIT_MS):
        editor.update_preview()
    assert editor.lines.error.text() == "Line 1, quantity: The quantity must be more than zero."

    editor.lines.set_line_text(0, "quantity", "3")
    with qtbot.waitSignal(editor.saved, timeout=WAIT_MS):
        editor.save_button.click()
    with open_vault.session() as db:
        assert db.scalar(select(Invoice.gross_total)) == Decimal(
            "556.90"
        )  # 450.00 at 19 %, 20.00 at 7 %


def test_an_issued_invoice_opens_read_only_with_its_payments(
    qtbot, practice, amara, open_vault
) -> None:
    with open_vault.session() as db, db.begin():
        invoice_id = sources.invoice_held_sessions(db, amara, *MARCH)
        number = invoices.issue_invoice(db, invoice_id, date(2026, 3, 31))
        payments.add_payment(
            db, PaymentFields(invoice_id, Decimal("85.60"), date(2026, 4, 2), reference="T-1")
        )
    editor = opened(qtbot, practice, invoice_id)
    assert not editor.save_button.isVisible()
    assert not editor.client.isEnabled()
    assert editor.state.text().startswith(f"Invoice {number}: Overdue")
    assert "Seemed tired" not in pdf_text(editor.preview.pdf_bytes)
    assert "Session on 3 March 2026, 60 min" in pdf_text(editor.preview.pdf_bytes)
    assert editor.payments.item(0).text() == "2 April 2026 · €85.60 · Bank transfer · T-1"

    editor.payments.setCurrentRow(0)
    with qtbot.waitSignal(editor.loaded, timeout=WAIT_MS):
        editor.remove_payment_button.click()
    assert editor.payments.item(0).text().endswith("(removed)")
