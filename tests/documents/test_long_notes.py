"""Long notes print whole and in order; long paragraphs are laid out in pieces, because
ReportLab's cost grows with the square of a paragraph's length (1 MB of notes took minutes)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coachdesk.documents.session_summary import render_session_summary
from coachdesk.documents.style import PARAGRAPH_CHARS, paragraphs, pieces_of
from tests.documents import pdfcheck, samples


def numbered_lines(count: int) -> str:
    return "\n".join(f"Line {n:05d} of what the client said about the week." for n in range(count))


def test_a_long_paragraph_is_cut_between_lines_into_bounded_pieces() -> None:
    block = numbered_lines(400)
    pieces = pieces_of(block)
    assert len(pieces) > 1
    assert all(len(piece) <= PARAGRAPH_CHARS for piece in pieces)
    assert "\n".join(pieces) == block


def test_a_line_longer_than_a_piece_is_cut_between_words() -> None:
    words = " ".join(f"word{n}" for n in range(2000))
    pieces = pieces_of(words)
    assert all(len(piece) <= PARAGRAPH_CHARS for piece in pieces)
    assert " ".join(pieces).split() == words.split()
    unbroken = "x" * (3 * PARAGRAPH_CHARS)
    assert "".join(pieces_of(unbroken)) == unbroken


def test_only_the_long_paragraph_is_cut() -> None:
    text = f"A short opening.\n\n{numbered_lines(400)}\n\nA short close."
    flowables = paragraphs(text)
    assert len(flowables) > 3
    assert len(paragraphs("A short opening.\n\nA short close.")) == 2


def test_long_notes_print_every_line_in_order(tmp_path: Path) -> None:
    notes = numbered_lines(1500)  # about 80,000 characters, one paragraph, several pages
    pdf = render_session_summary(samples.session_summary(shared_notes=notes))
    pdfcheck.assert_well_formed(pdf, tmp_path)
    assert pdfcheck.page_count(pdf) > 5
    printed = re.findall(r"Line (\d{5}) of", pdfcheck.text(pdf))
    assert printed == [f"{n:05d}" for n in range(1500)]


def test_a_long_document_reports_its_layout_and_stops_when_told() -> None:
    from coachdesk.documents.pages import reporting_to
    from coachdesk.errors import Cancelled

    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if len(seen) == 5:
            raise Cancelled()

    notes = "\n\n".join(["A paragraph of notes about the plan."] * 400)
    with reporting_to(progress), pytest.raises(Cancelled):
        render_session_summary(samples.session_summary(shared_notes=notes))
    assert [done for done, _total in seen] == [1, 2, 3, 4, 5]
    assert all(total > 400 for _done, total in seen)
