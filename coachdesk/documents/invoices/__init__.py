"""Invoices, credit notes and payment reminders: plain data in (``data``), PDF bytes out.

``render_invoice_pdf`` prints the invoice with its EPC and payment-link QR codes (``qr``),
``facturx_pdf`` adds the Factur-X XML (``cii``, ``einvoice``), ``render_reminder_pdf`` and
``reminder_text`` ask for an overdue balance (``reminder``).

The names are loaded on first use: services import ``data`` at start-up, and that must not pull
in ReportLab, lxml or factur-x.
"""

from __future__ import annotations

from importlib import import_module
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

_HOMES = {
    "epc_payload": "qr",
    "facturx_pdf": "einvoice",
    "render_invoice_pdf": "invoice",
    "render_reminder_pdf": "reminder",
    "reminder_text": "reminder",
}
__all__ = [
    "epc_payload",
    "facturx_pdf",
    "reminder_text",
    "render_invoice_pdf",
    "render_reminder_pdf",
]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
