"""The coach's credential summary on paper: hours and clients from the ICF coaching log, where
they stand against ACC, PCC and MCC, and the log's rows. Takes plain data; no client notes exist
in it to print.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.platypus import Flowable, Table

from coachdesk.documents.data import Letterhead
from coachdesk.documents.pages import build_pdf, page_size
from coachdesk.documents.style import MARGIN_X, RULE, para, section, styles, table_style
from coachdesk.formatting import format_date, format_short_date
from coachdesk.i18n import _


@dataclass(frozen=True)
class CredentialLine:
    name: str  # "ACC"
    met: bool
    still_needed: str  # "", or "12.50 hours, 3 clients"


@dataclass(frozen=True)
class LogLine:
    name: str
    kind: str  # "Individual" / "Group of 4"
    start: date
    end: date
    paid_hours: str
    pro_bono_hours: str


@dataclass(frozen=True)
class CredentialSummaryData:
    letterhead: Letterhead
    as_of: date
    figures: Sequence[tuple[str, str]]  # ("Total hours", "11.25") ...
    credentials: Sequence[CredentialLine]
    log: Sequence[LogLine]
    notes: Sequence[str]  # CCE and mentor coaching, one sentence each


def _table(rows: list[list[Flowable]], widths: list[float]) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
            ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        )
    )
    return table


def render_credential_summary(data: CredentialSummaryData) -> bytes:
    st = styles()
    width = page_size(data.letterhead.paper_size)[0] - 2 * MARGIN_X
    figures = _table(
        [[para(label, st.label), para(value, st.cell_right)] for label, value in data.figures],
        [width * 0.6, width * 0.4],
    )
    standing = _table(
        [
            [
                para(_("Credential"), st.label),
                para(_("Met"), st.label),
                para(_("Still needed"), st.label),
            ]
        ]
        + [
            [
                para(c.name, st.cell),
                para(_("yes") if c.met else _("no"), st.cell),
                para(c.still_needed, st.cell),
            ]
            for c in data.credentials
        ],
        [width * 0.2, width * 0.15, width * 0.65],
    )
    heads = [
        _("Client"),
        _("Individual or group"),
        _("From"),
        _("To"),
        _("Paid h"),
        _("Pro bono h"),
    ]
    log = _table(
        [[para(h, st.label) for h in heads]]
        + [
            [
                para(r.name, st.cell),
                para(r.kind, st.cell),
                para(format_short_date(r.start), st.cell),
                para(format_short_date(r.end), st.cell),
                para(r.paid_hours, st.cell_right),
                para(r.pro_bono_hours, st.cell_right),
            ]
            for r in data.log
        ],
        [width * w for w in (0.3, 0.2, 0.13, 0.13, 0.12, 0.12)],
    )
    story: list[Flowable] = [
        para(_("Credential summary"), st.title),
        para(
            _("ICF coaching experience as of {date}").format(date=format_date(data.as_of)),
            st.subtitle,
        ),
        figures,
    ]
    story += section(_("Credentials"), [standing])
    story += section(_("Professional development"), [para(n, st.body) for n in data.notes])
    story += section(_("Client coaching log"), [log] if data.log else [], long_table=True)
    return build_pdf(
        story,
        title=_("Credential summary"),
        doc_date=data.as_of,
        letterhead=data.letterhead,
        paper_size=data.letterhead.paper_size,
        author=data.letterhead.coach_name,
    )
