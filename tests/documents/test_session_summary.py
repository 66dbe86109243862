"""The session summary, read back from its PDF."""

from __future__ import annotations

from pathlib import Path

from coachdesk.documents.session_summary import render_session_summary
from tests.documents import samples
from tests.documents.pdfcheck import assert_well_formed, page_count, text


def test_the_facts_are_printed(tmp_path: Path) -> None:
    pdf = render_session_summary(samples.session_summary())
    out = text(pdf)
    for fact in [
        "Session summary",
        samples.CLIENT,
        "Thursday 26 November 2026, 14:00 (Europe/London)",
        "60 minutes",
        "Session 6 of 12",
        "Saying no without losing goodwill.",
        "Three options came up.",
        "Write the one-sentence proposal",
        "30 Nov 2026",
        "Next session",
        "Thursday 10 December 2026, 14:00",
    ]:
        assert fact in out, fact
    assert_well_formed(pdf, tmp_path)


def test_empty_sections_are_omitted() -> None:
    out = text(
        render_session_summary(samples.session_summary(actions=(), next_session=None, focus=""))
    )
    assert "Action items" not in out
    assert "Next session" not in out
    assert "Focus" not in out
    assert "Three options came up." in out


def test_markup_characters_print_literally() -> None:
    out = text(
        render_session_summary(
            samples.session_summary(shared_notes="Keep <b>&amp; as typed & <br/>")
        )
    )
    assert "Keep <b>&amp; as typed & <br/>" in out


def test_a_long_note_breaks_across_pages_and_loses_no_word(tmp_path: Path) -> None:
    words = [f"w{i}" for i in range(6000)]
    paragraphs = [" ".join(words[i : i + 150]) for i in range(0, len(words), 150)]
    pdf = render_session_summary(samples.session_summary(shared_notes="\n\n".join(paragraphs)))
    assert page_count(pdf) > 1
    extracted = set(text(pdf).split(" "))
    assert [w for w in words if w not in extracted] == []
    assert f"Page {page_count(pdf)} of {page_count(pdf)}" in text(pdf)
    assert_well_formed(pdf, tmp_path)


def test_one_unbroken_paragraph_of_6000_words_also_breaks() -> None:
    words = [f"w{i}" for i in range(6000)]
    pdf = render_session_summary(samples.session_summary(shared_notes=" ".join(words)))
    assert page_count(pdf) > 1
    assert set(words) <= set(text(pdf).split(" "))
