"""The progress report over a period, in two versions: for the client, and for their sponsor.

The sponsor version gives progress and attendance only. Session excerpts, themes and the texts of
action items are session content: they are dropped here even if a caller passes them, so a
mistake upstream cannot put them in front of an employer.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from coachdesk import words
from coachdesk.documents.charts import goal_chart
from coachdesk.documents.data import GoalProgress, ProgressReportData
from coachdesk.documents.fonts import family
from coachdesk.documents.pages import build_pdf, page_size
from coachdesk.documents.style import (
    ACCENT_SOFT,
    GRID_FONT_SIZE,
    MARGIN_X,
    RULE,
    esc,
    para,
    paragraphs,
    section,
    styles,
    table_style,
)
from coachdesk.errors import ValidationError
from coachdesk.formatting import format_date, format_date_range, format_short_date
from coachdesk.i18n import _, ngettext
from coachdesk.model.enums import SessionStatus

CELL_PADDING = 6  # the grid's right padding, in points
KEPT_ROWS = 3  # a grid never leaves fewer rows than this alone on a page


def _tiles(data: ProgressReportData, width: float) -> Flowable:
    st = styles()
    e = data.engagement
    held = (
        str(e.held)
        if e.planned is None
        else _("{held} of {planned}").format(held=e.held, planned=e.planned)
    )
    items = [
        (held, _("Sessions held")),
        (str(e.cancelled), _("Cancelled in time")),
        (str(e.late_cancels), _("Late cancellations")),
        (str(e.no_shows), _("No-shows")),
    ]
    cells = [[para(value, st.figure), para(label, st.label)] for value, label in items]
    table = Table([cells], colWidths=[width / len(items)] * len(items), hAlign="LEFT")
    table.setStyle(
        table_style(
            ("BACKGROUND", (0, 0), (-1, -1), ACCENT_SOFT),
            ("LINEAFTER", (0, 0), (-2, -1), 1.5, "white"),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 9),
            ("TOPPADDING", (0, 0), (-1, -1), 8),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
        )
    )
    dates = format_date_range(e.start_date, e.end_date)
    facts = para(_("{title} · {dates}").format(title=e.title, dates=dates), st.small)
    return KeepTogether([table, Spacer(1, 3), facts])


def _score(value: int | None) -> str:
    return "–" if value is None else str(value)


def _goal_block(goal: GoalProgress, width: float) -> Flowable:
    st = styles()
    text_w = width * 0.42
    chart_w = width - text_w
    left: list[Flowable] = [
        para(goal.title, st.h3),
        Paragraph(
            _("Baseline {b} → latest <b>{l}</b> → target {t}").format(
                b=_score(goal.baseline), l=_score(goal.latest), t=_score(goal.target)
            ),
            st.cell,
        ),
    ]
    if goal.milestones:
        left.append(Spacer(1, 4))
        for m in goal.milestones:
            if m.done_on is not None:
                text = _("{title} – reached {date}").format(
                    title=m.title, date=format_short_date(m.done_on)
                )
                left.append(para(text, st.milestone_done, bullet="✓"))
            else:
                left.append(para(m.title, st.milestone_open, bullet="○"))
    if len(goal.ratings) > 1:
        right: Flowable = goal_chart(goal.ratings, goal.baseline, goal.target, chart_w, 36 * mm)
    elif goal.ratings:  # one point makes no line: a chart would take the room for nothing
        day, score = goal.ratings[0]
        rated = _("Rated {score} on {date}.").format(score=score, date=format_short_date(day))
        right = para(rated, st.small)
    else:
        right = para(_("No ratings recorded in this period."), st.small)
    table = Table([[left, right]], colWidths=[text_w, chart_w], hAlign="LEFT")
    table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (0, -1), 8),
            ("RIGHTPADDING", (1, 0), (1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        )
    )
    return table


def _open_actions(data: ProgressReportData, width: float) -> list[Flowable]:
    st = styles()
    rows = [
        [para(a.text, st.cell), para(format_short_date(a.due_on), st.cell_right)]
        for a in data.open_actions
    ]
    if not rows:
        return []
    head = [para(_("Open action"), st.label), Paragraph(esc(_("Due")), st.label_right)]
    return [_grid([head, *rows], [width - 30 * mm, 30 * mm])]


def _grid(rows: list[list[Flowable | str]], widths: list[float]) -> Table:
    """A table with a heading row repeated on every page, split only where at least
    ``KEPT_ROWS`` rows stay on each side: no page starts or ends with one orphan row."""
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    if len(rows) - 1 <= 2 * KEPT_ROWS:
        kept = [("NOSPLIT", (0, 0), (-1, -1))]
    else:
        kept = [("NOSPLIT", (0, 0), (-1, KEPT_ROWS)), ("NOSPLIT", (0, -KEPT_ROWS), (-1, -1))]
    table.setStyle(
        table_style(
            *kept,
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
            ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("LEADING", (0, 0), (-1, -1), 12),
        )
    )
    return table


def _sessions(data: ProgressReportData, width: float, client: bool) -> list[Flowable]:
    st = styles()
    if not data.sessions:
        return []
    if client:
        head = [para(_("Date"), st.label), para(_("Status"), st.label), para(_("Focus"), st.label)]
        widths = [26 * mm, 30 * mm, width - 56 * mm]
    else:
        head = [para(_("Date"), st.label), para(_("Status"), st.label)]
        widths = [40 * mm, width - 40 * mm]
    rows: list[list[Flowable | str]] = [head]
    for s in data.sessions:
        # Plain strings (drawn in the table's embedded font) where no wrapping is needed: a
        # hundred sessions would otherwise cost two hundred Paragraph layouts.
        row: list[Flowable | str] = [
            format_short_date(s.held_on),
            words.label(SessionStatus(s.status)),
        ]
        if client:
            row.append(one_line(s.focus, widths[-1] - CELL_PADDING))
        rows.append(row)
    return [_grid(rows, widths)]


def one_line(text: str, width: float) -> str:
    """``text`` as it fits one line of a grid cell, cut after a whole word with an ellipsis;
    mid-word only when its first word alone is wider than the cell."""
    font, size = family().regular, GRID_FONT_SIZE
    text = " ".join(text.split())
    if stringWidth(text, font, size) <= width:
        return text
    fitted = ""
    for word in text.split(" "):
        longer = f"{fitted} {word}" if fitted else word
        if stringWidth(longer + "…", font, size) > width:
            break
        fitted = longer
    if not fitted:
        for end in range(1, len(text)):
            if stringWidth(text[:end] + "…", font, size) > width:
                break
            fitted = text[:end]
    return fitted.rstrip(",;:–-") + "…"


def _answers(data: ProgressReportData) -> list[Flowable]:
    st = styles()
    blocks: list[Flowable] = []
    for a in data.answers:
        heading = _("{question} ({form}, {day})").format(
            question=a.question, form=a.form_title, day=format_date(a.returned_on)
        )
        blocks.append(para(heading, st.h3))
        blocks += paragraphs(a.answer)
    return blocks


def report_story(data: ProgressReportData, width: float) -> list[Flowable]:
    st = styles()
    client = data.audience != "sponsor"
    shares_progress = client or data.sponsor_sharing == "progress"
    if client:
        audience = _("Prepared for {name}").format(name=data.client_name)
    else:
        audience = _("Prepared for {sponsor} · progress and attendance only").format(
            sponsor=data.sponsor_name
        )
    story: list[Flowable] = [
        para(_("Progress report"), st.title),
        para(
            _("{client} · {period}").format(
                client=data.client_name,
                period=format_date_range(data.period_start, data.period_end),
            ),
            st.subtitle_tight,
        ),
        para(audience, st.small),
        Spacer(1, 8),
    ]
    story += section(_("Engagement"), [_tiles(data, width)])
    story += section(_("Coach's summary"), paragraphs(data.coach_summary))
    if shares_progress:
        story += section(_("Goals"), [_goal_block(g, width) for g in data.goals])
        total = data.actions_done + data.actions_open
        actions: list[Flowable] = []
        if total:
            line = ngettext(
                "{done} of {total} action item done, {open} open.",
                "{done} of {total} action items done, {open} open.",
                total,
            ).format(done=data.actions_done, total=total, open=data.actions_open)
            actions.append(para(line, st.body))
            if client:
                actions += _open_actions(data, width)
        story += section(_("Action items"), actions)
    story += section(_("From the questionnaires"), _answers(data))
    if client:
        themes = [para(t, st.bullet, bullet="•") for t in data.themes if t.strip()]
        story += section(_("Themes"), themes)
    story += section(_("Next focus"), paragraphs(data.next_focus))
    # A table short enough to be kept whole goes with its heading; asking for room for a
    # long one would push a one-session table alone onto a new page.
    story += section(
        _("Sessions") if client else _("Attendance"),
        _sessions(data, width, client),
        long_table=len(data.sessions) > 2 * KEPT_ROWS,
    )
    return story


def render_progress_report(data: ProgressReportData) -> bytes:
    """The report as PDF bytes; a sponsor version without a sponsor, or one the client did not
    consent to, is refused."""
    if data.audience == "sponsor" and not data.sponsor_name:
        raise ValidationError({"audience": _("There is no sponsor to prepare this version for.")})
    if data.audience == "sponsor" and data.sponsor_sharing == "nothing":
        raise ValidationError(
            {"audience": _("The client has not agreed to share anything with the sponsor.")}
        )
    width = page_size(data.letterhead.paper_size)[0] - 2 * MARGIN_X
    title = _("Progress report – {client}").format(client=data.client_name)
    return build_pdf(
        report_story(data, width),
        title=title,
        doc_date=data.report_date,
        letterhead=data.letterhead,
        paper_size=data.letterhead.paper_size,
        author=data.letterhead.coach_name,
        subject=format_date(data.period_start) + " – " + format_date(data.period_end),
    )
