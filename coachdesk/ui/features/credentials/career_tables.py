"""The four logs of the Credential view as tables: the columns of each, declared once over the
kit's ``TableModel``. The coaching log's columns follow the ICF's order, as the export does."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from coachdesk import words
from coachdesk.formatting import format_short_date
from coachdesk.i18n import _
from coachdesk.services.credentials.cce import CceRow
from coachdesk.services.credentials.coaching_log import LogRow
from coachdesk.services.credentials.mentoring import MentoringRow
from coachdesk.services.credentials.supervision import SupervisionRow
from coachdesk.ui.kit.table_model import Column, TableModel

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def log_model(parent: QObject) -> TableModel[LogRow]:
    columns: list[Column[LogRow]] = [
        Column(_("Client name"), lambda r: r.name),
        Column(_("Contact"), lambda r: r.contact),
        Column(_("Individual or group"), lambda r: _("Group") if r.group else _("Individual")),
        Column(
            _("Number in group"),
            lambda r: str(r.group_size) if r.group_size else "",
            sort=lambda r: r.group_size,
            alignment=RIGHT,
        ),
        Column(_("Start date"), lambda r: format_short_date(r.start), sort=lambda r: r.start),
        Column(_("End date"), lambda r: format_short_date(r.end), sort=lambda r: r.end),
        Column(
            _("Paid hours"),
            lambda r: str(r.paid_hours),
            sort=lambda r: r.paid_minutes,
            alignment=RIGHT,
        ),
        Column(
            _("Pro bono hours"),
            lambda r: str(r.pro_bono_hours),
            sort=lambda r: r.pro_bono_minutes,
            alignment=RIGHT,
        ),
    ]
    return TableModel(columns, lambda r: r.client_ids, parent)


def mentoring_model(parent: QObject) -> TableModel[MentoringRow]:
    columns: list[Column[MentoringRow]] = [
        Column(_("Date"), lambda r: format_short_date(r.held_on), sort=lambda r: r.held_on),
        Column(_("Mentor"), lambda r: r.mentor_name),
        Column(_("Email"), lambda r: r.mentor_email),
        Column(_("Credential"), lambda r: r.mentor_credential),
        Column(_("Hours"), lambda r: str(r.hours), sort=lambda r: r.hours, alignment=RIGHT),
        Column(
            _("One-to-one or group"),
            lambda r: _("Group of {n}").format(n=r.group_size) if r.group_size else _("One-to-one"),
        ),
    ]
    return TableModel(columns, lambda r: r.id, parent)


def cce_model(parent: QObject) -> TableModel[CceRow]:
    columns: list[Column[CceRow]] = [
        Column(_("Date"), lambda r: format_short_date(r.held_on), sort=lambda r: r.held_on),
        Column(_("Provider"), lambda r: r.provider),
        Column(_("Title"), lambda r: r.title),
        Column(_("Type"), lambda r: words.label(r.category)),
        Column(_("Units"), lambda r: str(r.units), sort=lambda r: r.units, alignment=RIGHT),
        Column(
            _("Ethics"),
            lambda r: str(r.ethics_units),
            sort=lambda r: r.ethics_units,
            alignment=RIGHT,
        ),
        Column(_("Certificate"), lambda r: r.evidence_name or "–"),
    ]
    return TableModel(columns, lambda r: r.id, parent)


def supervision_model(parent: QObject) -> TableModel[SupervisionRow]:
    columns: list[Column[SupervisionRow]] = [
        Column(_("Date"), lambda r: format_short_date(r.held_on), sort=lambda r: r.held_on),
        Column(_("Supervisor"), lambda r: r.supervisor),
        Column(_("Hours"), lambda r: str(r.hours), sort=lambda r: r.hours, alignment=RIGHT),
    ]
    return TableModel(columns, lambda r: r.id, parent)


def table_for(model: TableModel[Any], stretch: int) -> QTableView:
    """A read-only, sortable, one-row-at-a-time table; column ``stretch`` takes the spare width."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSortingEnabled(True)
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.setShowGrid(False)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table
