"""Invoices, credit notes and payment reminders: plain data in (``data``), PDF bytes out.

``render_invoice_pdf`` prints the invoice with its EPC and payment-link QR codes (``qr``),
``facturx_pdf`` adds the Factur-X XML (``cii``, ``einvoice``), ``render_reminder_pdf`` and
``reminder_text`` ask for an overdue balance (``reminder``).

The names are loaded on first use: services import ``data`` at start-up, and that must not pull
in ReportLab, lxml or factur-x. The imports are written out (not computed) so that PyInstaller
still finds and ships the modules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from coachdesk.documents.invoices.einvoice import facturx_pdf as facturx_pdf
    from coachdesk.documents.invoices.invoice import render_invoice_pdf as render_invoice_pdf
    from coachdesk.documents.invoices.qr import epc_payload as epc_payload
    from coachdesk.documents.invoices.reminder import (
        reminder_text as reminder_text,
    )
    from coachdesk.documents.invoices.reminder import (
        render_reminder_pdf as render_reminder_pdf,
    )

__all__ = [
    "epc_payload",
    "facturx_pdf",
    "reminder_text",
    "render_invoice_pdf",
    "render_reminder_pdf",
]


def __getattr__(name: str) -> Any:
    if name == "epc_payload":
        from coachdesk.documents.invoices import qr

        return qr.epc_payload
    if name == "facturx_pdf":
        from coachdesk.documents.invoices import einvoice

        return einvoice.facturx_pdf
    if name == "render_invoice_pdf":
        from coachdesk.documents.invoices import invoice

        return invoice.render_invoice_pdf
    if name in ("render_reminder_pdf", "reminder_text"):
        from coachdesk.documents.invoices import reminder

        return getattr(reminder, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
