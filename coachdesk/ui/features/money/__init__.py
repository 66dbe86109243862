"""The Money view: invoices and credit notes with filters and totals, the invoice editor beside
its live preview, payments, credit notes, reminders and e-invoices."""

from __future__ import annotations

from coachdesk.ui.features.money.money_page import MoneyPage

__all__ = ["MoneyPage"]
