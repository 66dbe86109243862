"""Document benchmarks: median milliseconds per document, rendered in-process.

Run: ``pytest tests/perf -m perf -s -k documents``. Figures to report beside their targets, not
limits to assert (these machines are shared and noisy).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import pytest

from coachdesk.documents.agreement import render_agreement
from coachdesk.documents.agreement_text import default_template
from coachdesk.documents.progress_report import render_progress_report
from coachdesk.documents.session_summary import render_session_summary
from tests.documents import samples

pytestmark = pytest.mark.perf


def median_ms(fn: Callable[[], bytes], runs: int) -> float:
    fn()  # warm-up: font registration and module imports are paid once per process
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def test_documents_bench() -> None:
    template = default_template()
    agreement = samples.agreement()
    summary = samples.session_summary()
    report = samples.progress("client", sessions=100, goals=5)
    line = "The client described the week, the board meeting and what she will try next.\n"
    long_notes = samples.session_summary(shared_notes=line * (1024 * 1024 // len(line)))
    rows = [
        (
            "agreement (default template, sponsored)",
            median_ms(lambda: render_agreement(agreement, template), 20),
            60,
        ),
        ("session summary", median_ms(lambda: render_session_summary(summary), 20), None),
        (
            "progress report (100 sessions, 5 goals)",
            median_ms(lambda: render_progress_report(report), 10),
            150,
        ),
        (
            "session summary, 1 MB of notes (was 382 s)",
            median_ms(lambda: render_session_summary(long_notes), 1),
            None,
        ),
    ]
    print("\ndocuments (median ms per document, in-process)")
    for label, value, target in rows:
        goal = f"target <= {target} ms" if target else ""
        print(f"  {label:<44} {value:8.1f} ms   {goal}")
