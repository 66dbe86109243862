"""The progress report, client and sponsor versions, read back from their PDFs."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from coachdesk.documents.data import ProgressReportData, SessionLine
from coachdesk.documents.progress_report import render_progress_report
from coachdesk.errors import ValidationError
from tests.documents import samples
from tests.documents.pdfcheck import assert_well_formed, page_count, reader, text


@pytest.fixture(scope="module")
def client_text() -> str:
    return text(render_progress_report(samples.progress("client")))


@pytest.fixture(scope="module")
def sponsor_text() -> str:
    return text(render_progress_report(samples.progress("sponsor")))


def test_client_version_holds_the_facts(client_text: str) -> None:
    for fact in [
        "Progress report",
        samples.CLIENT,
        "1 September – 30 November 2026",
        "6 of 12",
        "Sessions held",
        "Late cancellations",
        "No-shows",
        "Goal number 1: speak up earlier in leadership meetings",
        "Goal number 3",
        "Baseline 3 → latest 6 → target 8",
        "Milestone reached 1 – reached 1 Oct 2026",
        "Milestone still open 1",
        "9 of 11 action items done, 2 open.",
        samples.ACTION_MARKER,
        "10 Dec 2026",
        samples.THEME_MARKER,
        "Steady progress since the team charter was agreed.",
        "Preparing the quarterly plan.",
        samples.SESSION_MARKER,
        "Late cancellation",
        "No-show",
    ]:
        assert fact in client_text, fact


def test_sponsor_version_gives_progress_and_attendance_but_no_session_content(
    sponsor_text: str,
) -> None:
    for fact in [
        "Northwind Analytics GmbH",
        "6 of 12",
        "Goal number 1",
        "Attendance",
        "3 Sept 2026",
    ]:
        assert fact in sponsor_text, fact
    for marker in [samples.SESSION_MARKER, samples.THEME_MARKER, samples.ACTION_MARKER]:
        assert marker not in sponsor_text
    assert "Themes" not in sponsor_text
    assert "9 of 11 action items done, 2 open." in sponsor_text


def test_sponsor_sharing_attendance_only_drops_goals_and_actions() -> None:
    out = text(render_progress_report(samples.progress("sponsor", sponsor_sharing="attendance")))
    assert "Goal number 1" not in out
    assert "action items" not in out
    assert "6 of 12" in out


def test_a_sponsor_version_without_consent_is_refused() -> None:
    with pytest.raises(ValidationError):
        render_progress_report(samples.progress("sponsor", sponsor_sharing="nothing"))


def test_empty_sections_are_omitted() -> None:
    data = samples.progress(
        "client", goals=0, actions_done=0, actions_open=0, open_actions=(), themes=(), next_focus=""
    )
    out = text(render_progress_report(data))
    for heading in ["Goals", "Action items", "Themes", "Next focus"]:
        assert heading not in out, heading
    assert "Coach's summary" in out


def test_a_goal_without_ratings_says_so() -> None:
    data = samples.progress("client", sessions=0, goals=1)
    assert "No ratings recorded in this period." in text(render_progress_report(data))


@pytest.mark.parametrize("audience", ["client", "sponsor"])
def test_fonts_are_embedded_and_qpdf_is_happy(audience: str, tmp_path: Path) -> None:
    pdf = render_progress_report(samples.progress(audience, sessions=40, goals=5))
    assert_well_formed(pdf, tmp_path)


def test_content_too_tall_for_a_page_gives_a_neutral_error() -> None:
    """ReportLab's own message would quote the client's goal: it must never reach a log."""
    from dataclasses import replace

    from coachdesk.documents.data import GoalProgress, Milestone
    from coachdesk.documents.progress_report import render_progress_report
    from coachdesk.errors import InvalidInput
    from tests.documents.samples import progress

    secret = "SECRET-GOAL-TITLE"
    goal = GoalProgress(secret, 3, 5, 8, (), tuple(Milestone(f"step {n}") for n in range(150)))
    data = replace(progress(), goals=(goal,))
    with pytest.raises(InvalidInput) as info:
        render_progress_report(data)
    assert secret not in info.value.message
    assert "too long to fit on one page" in info.value.message


def _one_day(**changes: object) -> ProgressReportData:
    day = date(2026, 12, 2)
    return replace(
        samples.progress("client", sessions=1, goals=2, **changes), period_start=day, period_end=day
    )


def test_a_one_session_report_is_titled_by_its_day_and_fits_one_page() -> None:
    pdf = render_progress_report(_one_day(themes=(), open_actions=()))
    out = text(pdf)
    assert "· 2 December 2026" in out
    assert "2 – 2 December" not in out
    assert page_count(pdf) == 1
    assert "Sessions" in out
    assert "explored the board review, week 0." in out


def test_a_single_rating_is_said_not_charted() -> None:
    out = text(render_progress_report(_one_day()))
    assert "Rated 3 on 3 Sept 2026." in out


SESSION_ROW = re.compile(
    r"^\d{1,2} \w{3} 20\d\d\s+(Held|Cancelled|Late cancellation|No-show)$", re.M
)


@pytest.mark.parametrize("audience", ["client", "sponsor"])
def test_a_long_sessions_table_never_ends_with_an_orphan_row(audience: str) -> None:
    """Every length from one page to three: the last page carries at least three rows."""
    for count in range(10, 60):
        pdf = render_progress_report(samples.progress(audience, sessions=count, goals=2))
        last = reader(pdf).pages[-1].extract_text() or ""
        assert len(SESSION_ROW.findall(last)) >= 3, count


def test_the_sponsor_version_names_the_sponsor_or_is_refused() -> None:
    assert "Prepared for Northwind Analytics GmbH" in text(
        render_progress_report(samples.progress("sponsor"))
    )
    with pytest.raises(ValidationError, match="no sponsor"):
        render_progress_report(samples.progress("sponsor", sponsor_name=None))


def test_each_session_gets_one_line_cut_after_a_whole_word() -> None:
    long = "Explored " + "delegation and the board review " * 12 + "in depth."
    session = SessionLine(date(2026, 9, 3), "completed", long)
    pdf = render_progress_report(replace(samples.progress("client"), sessions=(session,)))
    rows = (reader(pdf).pages[-1].extract_text() or "").splitlines()
    shown = next(row for row in rows if row.startswith("Explored"))
    assert shown.endswith("…")
    words = shown.removesuffix("…").split()
    assert words == long.split()[: len(words)]
    assert len(words) > 5


def test_one_line_cuts_a_word_only_when_it_alone_is_too_wide() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from coachdesk.documents.fonts import family
    from coachdesk.documents.progress_report import one_line
    from coachdesk.documents.style import GRID_FONT_SIZE

    assert one_line("Short and sweet", 200) == "Short and sweet"
    assert one_line("Delegation <b>&amp; trust", 300) == "Delegation <b>&amp; trust"
    giant = one_line("x" * 100_000 + " tail", 100)
    assert giant.endswith("…")
    assert stringWidth(giant, family().regular, GRID_FONT_SIZE) <= 100
    cut = one_line("One two three four five six", 60)
    assert cut.endswith("…")
    assert "One two three four five six".startswith(cut.removesuffix("…"))
    assert cut.removesuffix("…").split()[-1] in {"One", "two", "three", "four", "five"}
