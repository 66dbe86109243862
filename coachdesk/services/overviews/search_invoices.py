"""Search by invoice or credit note number: ``2026-0001`` (or any part of it with a digit, as
``0001``) finds the invoice. Numbers are not in the full-text index (it holds words of client
text), so they are matched on the number column, which is short and unique."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk import words
from coachdesk.formatting import format_money
from coachdesk.model import Client, Invoice
from coachdesk.services.overviews.search import MATCH_END, MATCH_START, SearchHit

KIND = "invoice"


def looks_like_a_number(text: str) -> bool:
    """One term with a digit in it: what a typed invoice number looks like."""
    typed = text.strip()
    return bool(typed) and len(typed.split()) == 1 and any(ch.isdigit() for ch in typed)


def invoice_hits(db: Session, text: str, limit: int = 50) -> list[SearchHit]:
    """Issued invoices and credit notes whose number holds ``text``, in number order; the
    snippet says which it is and its total, the number marked."""
    if not looks_like_a_number(text) or limit <= 0:
        return []
    typed = text.strip()
    pattern = "%" + typed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    query = (
        select(
            Invoice.id,
            Invoice.number,
            Invoice.kind,
            Invoice.client_id,
            Client.display_name,
            Invoice.currency,
            Invoice.gross_total,
        )
        .join(Client, Client.id == Invoice.client_id)
        .where(Invoice.number.like(pattern, escape="\\"))
        .order_by(Invoice.number)
        .limit(limit)
    )
    hits = []
    for ident, found, kind, client_id, client, currency, total in db.execute(query):
        number = found or ""  # the LIKE has left out drafts, which have no number yet
        start = number.lower().find(typed.lower())
        marked = (
            number[:start]
            + MATCH_START
            + number[start : start + len(typed)]
            + MATCH_END
            + number[start + len(typed) :]
        )
        snippet = f"{words.label(kind)} {marked} · {format_money(total, currency)}"
        hits.append(SearchHit(KIND, ident, client_id, client, number, snippet, None))
    return hits
