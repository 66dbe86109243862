"""The summary a client receives after a call: what we worked on, what they agreed to do, and when
we meet next. Only shared notes are ever given to it; private notes have no field to travel in.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from coachdesk.documents.data import SessionSummaryData
from coachdesk.documents.pages import build_pdf, page_size
from coachdesk.documents.style import (
    ACCENT,
    ACCENT_SOFT,
    MARGIN_X,
    RULE,
    esc,
    para,
    paragraphs,
    section,
    styles,
    table_style,
)
from coachdesk.formatting import format_date, format_minutes, format_short_date
from coachdesk.i18n import _


def _facts(data: SessionSummaryData, width: float) -> Flowable:
    st = styles()
    pairs = [
        (_("When"), data.when_text or format_date(data.session_date)),
        (_("Length"), format_minutes(data.duration_minutes) if data.duration_minutes else ""),
        (_("Session"), data.sequence_text),
    ]
    pairs = [(label, value) for label, value in pairs if value]
    cells = [[para(label, st.label), para(value, st.cell)] for label, value in pairs]
    weights = [2.0 if label == _("When") else 1.0 for label, _value in pairs]
    widths = [width * w / sum(weights) for w in weights]
    table = Table([cells], colWidths=widths, hAlign="LEFT")
    table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEABOVE", (0, 0), (-1, 0), 0.6, RULE),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        )
    )
    return table


def _actions(data: SessionSummaryData, width: float) -> list[Flowable]:
    st = styles()
    if not data.actions:
        return []
    rows: list[list[Flowable]] = [
        [para(_("Action"), st.label), Paragraph(esc(_("Due")), st.label_right)]
    ]
    for action in data.actions:
        due = format_short_date(action.due_on) if action.due_on else ""
        rows.append([para(action.text, st.cell_check, bullet="☐"), para(due, st.cell_right)])
    table = Table(rows, colWidths=[width - 30 * mm, 30 * mm], repeatRows=1, hAlign="LEFT")
    table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
            ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        )
    )
    return [table]


def _next(data: SessionSummaryData, width: float) -> list[Flowable]:
    if not (data.next_session or "").strip():
        return []
    st = styles()
    box = Table(
        [[para(data.next_session or "", st.next_session)]], colWidths=[width], hAlign="LEFT"
    )
    box.setStyle(
        table_style(
            ("BACKGROUND", (0, 0), (-1, -1), ACCENT_SOFT),
            ("LINEBEFORE", (0, 0), (0, -1), 2.5, ACCENT),
            ("LEFTPADDING", (0, 0), (-1, -1), 10),
            ("TOPPADDING", (0, 0), (-1, -1), 7),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
        )
    )
    return [box]


def render_session_summary(data: SessionSummaryData) -> bytes:
    """The session summary as PDF bytes."""
    st = styles()
    width = page_size(data.letterhead.paper_size)[0] - 2 * MARGIN_X
    story: list[Flowable] = [
        para(_("Session summary"), st.title),
        para(
            _("For {client} · {date}").format(
                client=data.client_name, date=format_date(data.session_date)
            ),
            st.subtitle,
        ),
        _facts(data, width),
        Spacer(1, 2),
    ]
    story += section(_("Focus"), paragraphs(data.focus))
    story += section(_("Notes"), paragraphs(data.shared_notes))
    story += section(_("Action items"), _actions(data, width))
    story += section(_("Next session"), _next(data, width))
    return build_pdf(
        story,
        title=_("Session summary – {client}").format(client=data.client_name),
        doc_date=data.session_date,
        letterhead=data.letterhead,
        paper_size=data.letterhead.paper_size,
        author=data.letterhead.coach_name,
    )
