"""Invoices, credit notes and payment reminders: plain data in (``data``), PDF bytes out.

``render_invoice_pdf`` prints the invoice with its EPC and payment-link QR codes (``qr``),
``facturx_pdf`` adds the Factur-X XML (``cii``, ``einvoice``), ``render_reminder_pdf`` and
``reminder_text`` ask for an overdue balance (``reminder``).
"""

from coachdesk.documents.invoices.invoice import render_invoice_pdf
from coachdesk.documents.invoices.qr import epc_payload

__all__ = ["epc_payload", "render_invoice_pdf"]
