"""The benchmark report rewrites only its own block of docs/benchmarks.md (not a benchmark)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.perf.__main__ import BEGIN, END, machine, markdown, write_markdown
from tests.perf.figures import Figure

INVOICES = "## Invoices (issue 12)\n\nHand-written figures another engineer keeps.\n"


def test_a_second_run_replaces_the_table_and_keeps_every_other_section(tmp_path: Path) -> None:
    doc = tmp_path / "benchmarks.md"
    doc.write_text(f"# Benchmarks\n\nIntro.\n\n{BEGIN}\n{END}\n\n{INVOICES}", encoding="utf-8")
    about = {"when": "now", "selection": "", "machine": machine()}
    write_markdown(doc, markdown([Figure("first figure", "ms", (3.0, 1.0, 2.0), goal=2)], about))
    write_markdown(doc, markdown([Figure("second figure", "x", (1.5,), goal=2)], about))
    text = doc.read_text(encoding="utf-8")
    assert "second figure" in text
    assert "first figure" not in text
    assert text.count(BEGIN) == 1
    assert text.count(END) == 1
    assert text.startswith("# Benchmarks\n\nIntro.\n")
    assert text.endswith(INVOICES)


def test_a_figure_reports_median_min_max_and_whether_it_met_its_goal() -> None:
    row = Figure("list", "ms", (30.0, 50.0, 40.0), goal=45).as_json()
    assert (row["median"], row["min"], row["max"], row["met"]) == (40.0, 30.0, 50.0, True)
    assert Figure("x", "ms", (60.0,), goal=45).met is False
    assert json.loads(json.dumps(row))["figure"] == "list"
