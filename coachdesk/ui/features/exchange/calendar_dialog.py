"""Export calendar: upcoming sessions, or those in a date range, of one client or all, as an
.ics file for the coach's calendar app. Only who, when and where leave the vault."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.i18n import _, ngettext
from coachdesk.services.people import clients
from coachdesk.ui.features.exchange.common import (
    ExportingDialog,
    FileField,
    dated_name,
    problem_label,
    remember_folder,
    show_problem,
    start_folder,
    vault_folder_problem,
)
from coachdesk.ui.kit import look
from coachdesk.ui.kit import practice as kinds
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.practice import Practice
from coachdesk.vault.files import write_atomic


def write_calendar(
    db: Session, dest: Path, client_id: int | None, start: date | None, end: date | None
) -> int:
    """Worker side, in a write transaction: write the .ics (0600, atomically); the number of
    sessions in it. The vault keeps its calendar namespace, so UIDs survive an export."""
    from coachdesk.services.exchange.calendar_export import calendar_ics, ensure_calendar_namespace

    ensure_calendar_namespace(db)
    ics = calendar_ics(db, client_id=client_id, start=start, end=end)
    write_atomic(dest, ics)
    return ics.count(b"BEGIN:VEVENT")


class CalendarDialog(ExportingDialog):
    """``CalendarDialog(practice, client_id=...)`` preselects one client (or all with None)."""

    written = Signal(object, int)  # the path, the number of sessions

    def __init__(
        self, practice: Practice, *, client_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.practice = practice
        self._wanted_client = client_id
        self._busy = False
        self.setWindowTitle(_("Export calendar"))
        self.setMinimumWidth(540)
        self.upcoming = QRadioButton(_("Upcoming sessions"))
        self.between = QRadioButton(_("Sessions between"))
        self.upcoming.setChecked(True)
        choice = QButtonGroup(self)
        choice.addButton(self.upcoming)
        choice.addButton(self.between)
        today = QDate.currentDate()
        self.start = self._date_edit(today.addMonths(-1))
        self.end = self._date_edit(today.addMonths(3))
        self.range_problem = problem_label()
        self.client = QComboBox()
        self.client.addItem(_("All clients"), None)
        self.file = FileField(_("Export to"), _("Calendar files (*.ics)"), saving=True)
        self.file.set_path(start_folder() / dated_name(_("CoachDesk sessions"), ".ics"))
        for signal in (
            self.between.toggled,
            self.start.dateChanged,
            self.end.dateChanged,
            self.file.changed,
        ):
            signal.connect(self._update)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button: QPushButton = buttons.addButton(
            _("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.start_export)
        buttons.rejected.connect(self.reject)

        dates = QHBoxLayout()
        dates.addWidget(self.between)
        dates.addWidget(self.start)
        dates.addWidget(QLabel(_("and")))
        dates.addWidget(self.end)
        dates.addStretch(1)
        which = QVBoxLayout()
        which.setSpacing(4)
        which.addWidget(self.upcoming)
        which.addLayout(dates)
        which.addWidget(self.range_problem)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(10)
        form.addRow(_("Which"), which)
        form.addRow(_("Client"), self.client)
        form.addRow(_("File"), self.file)
        layout = QVBoxLayout(self)
        layout.setSpacing(look.SPACING)
        layout.addWidget(look.heading(_("Export calendar"), scale=1.2))
        layout.addWidget(
            look.note(
                _(
                    "An .ics file your calendar app (Outlook, Google Calendar, Apple Calendar) "
                    "can import. It holds who, when, how long and where; agendas and notes "
                    "stay in the vault. Importing a newer file updates the same events."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._update()
        practice.read(
            lambda db: [(row.id, row.name) for row in clients.list_clients(db)],
            self._show_clients,
            parent=self,
        )

    @staticmethod
    def _date_edit(day: QDate) -> QDateEdit:
        edit = QDateEdit(day)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        return edit

    def _show_clients(self, rows: list[tuple[int, str]]) -> None:
        for client_id, name in rows:
            self.client.addItem(name, client_id)
        if self._wanted_client is not None:
            self.client.setCurrentIndex(max(0, self.client.findData(self._wanted_client)))

    def dates(self) -> tuple[date | None, date | None]:
        if not self.between.isChecked():
            return None, None
        return self.start.date().toPython(), self.end.date().toPython()  # type: ignore[return-value]

    def problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        start, end = self.dates()
        if start is not None and end is not None and end < start:
            found["end"] = _("The end date is before the start date.")
        if problem := self.file.save_problem() or vault_folder_problem(
            self.file.path, self.practice.vault
        ):
            found["dest"] = problem
        return found

    def _update(self) -> None:
        self.start.setEnabled(self.between.isChecked())
        self.end.setEnabled(self.between.isChecked())
        problems = self.problems()
        show_problem(self.range_problem, problems.get("end", ""))
        typed = bool(self.file.edit.text().strip())
        show_problem(self.file.problem, problems.get("dest", "") if typed else "")
        self.export_button.setEnabled(not problems and not self._busy)

    def start_export(self) -> None:
        dest = self.file.path
        if dest is None or self.problems() or self._busy:
            return
        start, end = self.dates()
        client_id = self.client.currentData()
        self._busy = True
        self.export_button.setEnabled(False)
        self.practice.write(
            lambda db: write_calendar(db, dest, client_id, start, end),
            lambda count: self._done(dest, count),
            self._failed,
            changes=kinds.PROFILE,
        )

    def _done(self, dest: Path, count: int) -> None:
        self._busy = False
        remember_folder(dest)
        if count:
            detail = ngettext(
                "{n} session. Open the file with your calendar app to add it.",
                "{n} sessions. Open the file with your calendar app to add them.",
                count,
            )
        else:
            detail = _("There were no sessions to export: the file is empty.")
        self.finish_with(
            _("Calendar saved"),
            _("Saved to {path}.").format(path=dest),
            detail.format(n=count) if count else detail,
            dest.parent,
        )
        self.written.emit(dest, count)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self._update()
        if isinstance(exc, ValidationError):
            show_problem(self.range_problem, exc.fields.get("end", ""))
            show_problem(
                self.file.problem, " ".join(m for k, m in exc.fields.items() if k != "end")
            )
        else:
            show_error(self, exc)
