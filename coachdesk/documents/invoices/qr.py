"""Payment QR codes: the EPC "GiroCode" a banking app scans, and the coach's payment link.

The EPC payload follows the European Payments Council's guidelines (EPC069-12, version 002):
one field per line, UTF-8, error correction level M. The code is drawn as vector squares, so it
stays sharp at any print resolution and adds no image to the PDF.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

import segno
from reportlab.lib import colors
from reportlab.platypus import Flowable

from coachdesk.documents.invoices.data import InvoiceDocument
from coachdesk.documents.invoices.wording import beneficiary, compact

EPC_MAX_AMOUNT = Decimal("999999999.99")
EPC_NAME_CHARS = 70
EPC_REMITTANCE_CHARS = 140
QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks


def epc_payload(bic: str, name: str, iban: str, amount: Decimal, reference: str) -> str:
    """The EPC SEPA credit transfer text: BCD, 002, 1 (UTF-8), SCT, BIC, name, IBAN, EUR amount,
    an empty purpose, an empty structured reference, then the reference as unstructured text.

    The name and reference are cut to the lengths the guidelines allow (70 and 140 characters).
    """
    lines = [
        "BCD",
        "002",
        "1",
        "SCT",
        compact(bic),
        " ".join(name.split())[:EPC_NAME_CHARS],
        compact(iban),
        f"EUR{amount.quantize(Decimal('0.01')):f}",
        "",
        "",
        " ".join(reference.split())[:EPC_REMITTANCE_CHARS],
    ]
    return "\n".join(lines)


def epc_payload_for(doc: InvoiceDocument) -> str | None:
    """The invoice's EPC payload, or None where a banking app could not use one: not euros, no
    IBAN, nothing (or more than the scheme allows) left to pay, a draft or a credit note."""
    if (
        doc.kind != "invoice"
        or not doc.number
        or doc.currency.strip().upper() != "EUR"
        or not compact(doc.payment.iban)
        or not Decimal("0") < doc.balance <= EPC_MAX_AMOUNT
    ):
        return None
    return epc_payload(doc.payment.bic, beneficiary(doc), doc.payment.iban, doc.balance, doc.number)


@lru_cache(maxsize=64)
def _modules_path(payload: str, error: str) -> tuple[int, str]:
    """The code's width in modules and its dark modules as one PDF path, one module a unit.

    Each run of dark modules in a row is one rectangle, and the operators are written in
    integers at once: drawing module by module through ReportLab took 25 ms per code. Cached,
    since a live preview redraws the same invoice on every keystroke.
    """
    code = segno.make(payload, error=error, micro=False, encoding="utf-8", boost_error=False)
    rows = list(code.matrix_iter(border=QUIET_ZONE))
    ops = [
        f"{start} {r} {end - start} 1 re"
        for r, row in enumerate(rows)
        for start, end in _dark_runs(list(row))
    ]
    return len(rows), "\n".join([*ops, "f"])


class QrCode(Flowable):
    """A square QR code ``size`` points wide, quiet zone included, drawn as vector squares
    (a ReportLab Drawing would set the unembedded Helvetica on every page it is on)."""

    def __init__(self, payload: str, size: float, *, error: str = "m") -> None:
        super().__init__()
        self.modules, self.path = _modules_path(payload, error)
        self.size = size

    def wrap(self, _avail_width: float, _avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        canvas = self.canv
        module = self.size / self.modules
        canvas.saveState()
        canvas.setFillColor(colors.white)
        canvas.rect(0, 0, self.size, self.size, stroke=0, fill=1)
        canvas.setFillColor(colors.black)
        canvas.translate(0, self.size)
        canvas.scale(module, -module)  # row 0 at the top, one unit per module
        canvas.addLiteral(self.path)
        canvas.restoreState()


def _dark_runs(row: list[int]) -> list[tuple[int, int]]:
    runs = []
    c = 0
    while c < len(row):
        if row[c]:
            start = c
            while c < len(row) and row[c]:
                c += 1
            runs.append((start, c))
        else:
            c += 1
    return runs
