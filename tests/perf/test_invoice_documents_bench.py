"""Invoice document benchmarks: median milliseconds per document, rendered in-process.

Run: ``pytest tests/perf -m perf -s -k invoice_documents``. Figures beside their targets, not
limits (these machines are shared and noisy). Each invoice gets its own number, so its EPC code
is never served from the QR cache, as when a month's invoices are printed in a row.
"""

from __future__ import annotations

import itertools
import statistics
import time
from collections.abc import Callable
from datetime import date

import pytest

from coachdesk.documents.invoices import facturx_pdf, render_invoice_pdf, render_reminder_pdf
from tests.documents.invoices import samples

pytestmark = pytest.mark.perf


def median_ms(fn: Callable[[], bytes], runs: int) -> float:
    fn()  # warm-up: font registration and module imports are paid once per process
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def test_invoice_documents_bench() -> None:
    numbers = (f"2026-{n:04d}" for n in itertools.count(1))
    many = tuple(samples.line(f"Coaching session {i}", "1", "180", "19") for i in range(40))
    rows = [
        (
            "invoice (3 lines, 2 QR codes)",
            lambda: render_invoice_pdf(samples.invoice(number=next(numbers))),
            60,
        ),
        (
            "invoice (40 lines, 2 pages)",
            lambda: render_invoice_pdf(samples.invoice(lines=many, number=next(numbers))),
            None,
        ),
        ("Factur-X e-invoice", lambda: facturx_pdf(samples.invoice(number=next(numbers))), None),
        (
            "payment reminder",
            lambda: render_reminder_pdf(samples.invoice(number=next(numbers)), date(2026, 5, 4)),
            None,
        ),
    ]
    print("\ninvoice documents (median ms per document, in-process)")
    for label, fn, target in rows:
        goal = f"target <= {target} ms" if target else ""
        print(f"  {label:<44} {median_ms(fn, 20):8.1f} ms   {goal}")
