"""The ICF client coaching log as a spreadsheet (XLSX) or CSV, in the ICF's column order (client
name, contact, individual or group, number in group, start date, end date, paid hours, pro bono
hours; see ``coaching_log``), with a totals block under the rows. The XLSX has a second sheet,
the session-level drill-down an audit asks for: date, minutes, paid or pro bono, individual or
group. No note, agenda or feedback text is ever read, let alone written.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from coachdesk.i18n import _
from coachdesk.services.credentials.coaching_log import CoachingLog, coaching_log, log_sessions
from coachdesk.services.exchange.archive.tables import guard_formulas

Cell = str | int | Decimal | date | None
HOURS_FORMAT = "0.00"
DATE_FORMAT = "yyyy-mm-dd"


def log_header() -> list[str]:
    return [
        _("Client name"),
        _("Contact"),
        _("Individual or group"),
        _("Number in group"),
        _("Start date"),
        _("End date"),
        _("Paid hours"),
        _("Pro bono hours"),
    ]


def session_header() -> list[str]:
    return [
        _("Date"),
        _("Client name"),
        _("Minutes"),
        _("Hours"),
        _("Paid or pro bono"),
        _("Individual or group"),
        _("Number in group"),
    ]


def _kind(group: bool) -> str:
    return _("Group") if group else _("Individual")


def log_rows(log: CoachingLog) -> Iterator[list[Cell]]:
    for r in log.rows:
        yield [
            r.name,
            r.contact,
            _kind(r.group),
            r.group_size,
            r.start,
            r.end,
            r.paid_hours,
            r.pro_bono_hours,
        ]


def totals_rows(log: CoachingLog) -> list[list[Cell]]:
    t = log.totals
    recent = _("Hours since {day} (the last 18 months)").format(day=t.recent_since.isoformat())
    return [
        [_("Total paid hours"), t.paid_hours],
        [_("Total pro bono hours"), t.pro_bono_hours],
        [_("Total hours"), t.total_hours],
        [_("Clients counted"), t.clients],
        [recent, t.recent_hours],
    ]


def log_xlsx(db: Session, start: date | None = None, end: date | None = None) -> bytes:
    """The log and its drill-down as an XLSX workbook, written in openpyxl's streaming mode."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    log = coaching_log(db, start, end)
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Client coaching log"))

    def cells(values: list[Cell]) -> list[WriteOnlyCell]:
        out = []
        for value in values:
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # text, even when it starts with "=": never a formula
            elif isinstance(value, Decimal):
                cell.number_format = HOURS_FORMAT
            elif isinstance(value, date):
                cell.number_format = DATE_FORMAT
            out.append(cell)
        return out

    sheet.append(cells(list(log_header())))
    for row in log_rows(log):
        sheet.append(cells(row))
    sheet.append([])
    for row in totals_rows(log):
        sheet.append(cells(row))
    drill = book.create_sheet(_("Sessions"))
    drill.append(cells(list(session_header())))
    for s in log_sessions(db, log, start, end):
        paid = _("Pro bono") if s.pro_bono else _("Paid")
        drill.append(cells([s.day, s.name, s.minutes, s.hours, paid, _kind(s.group), s.group_size]))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def log_csv(db: Session, start: date | None = None, end: date | None = None) -> bytes:
    """The log as CSV (UTF-8 with a byte-order mark, which spreadsheets need to read accents);
    text guarded against running as a formula."""
    log = coaching_log(db, start, end)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(log_header())
    for row in log_rows(log):
        writer.writerow(_csv_cells(row))
    writer.writerow([])
    for row in totals_rows(log):
        writer.writerow(_csv_cells(row))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _csv_cells(values: list[Cell]) -> list[str]:
    out = []
    for value in values:
        if value is None:
            out.append("")
        elif isinstance(value, str):
            out.append(guard_formulas(value))
        elif isinstance(value, date):
            out.append(value.isoformat())
        else:
            out.append(str(value))
    return out
