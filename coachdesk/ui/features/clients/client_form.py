"""The fields of the client dialog, each with a small red message row under it.

Kept apart from the dialog so the dialog reads as the flow (load, check, save) and this as the
layout: two columns (the person; work and practice) and the consultation notes below.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from coachdesk.formatting import DOCUMENT_LANGUAGES, language_name
from coachdesk.i18n import _
from coachdesk.model import ClientStatus
from coachdesk.services.people.clients import ClientFields
from coachdesk.ui.features.clients.log_listing_box import LogListingBox
from coachdesk.ui.kit import look
from coachdesk.ui.kit.fields import zone_names
from coachdesk.ui.kit.practice import Practice
from coachdesk.ui.kit.sponsor_choice import SponsorCombo

TEXT_FIELDS = (
    "given_name",
    "family_name",
    "display_name",
    "preferred_name",
    "pronouns",
    "email",
    "phone",
    "organisation",
    "role",
    "referral_source",
)
RECORDS_YEARS = 7  # a common retention period, offered when the coach ticks the box


class ClientForm(QWidget):
    """Inputs and their messages; ``edited(name)`` on each change, ``left(name)`` on leaving."""

    edited = Signal(str)
    left = Signal(str)

    def __init__(self, practice: Practice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.inputs: dict[str, QLineEdit] = {}
        self.errors: dict[str, tuple[QFormLayout, QLabel]] = {}
        self.general = QLabel()
        look.tint(self.general, look.Colour.DANGER)
        self.general.setWordWrap(True)
        self.general.hide()
        for name in TEXT_FIELDS:
            self.inputs[name] = self._line(name)
        self.inputs["display_name"].setPlaceholderText(_("Instead of given and family name"))
        self.inputs["email"].setPlaceholderText(_("name@example.com"))
        self.inputs["pronouns"].setPlaceholderText(_("e.g. she/her"))
        self.time_zone = self._time_zone_box()
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem(_("Coach's default"), "")
        for code in DOCUMENT_LANGUAGES:  # each language in its own words: "Deutsch"
            self.language.addItem(language_name(code), code)
        self.language.setToolTip(_("The language this client's documents print in."))
        self.language.activated.connect(self._changed)
        self.sponsor = SponsorCombo(practice)
        self.sponsor.setObjectName("sponsor")
        self.sponsor.chosen.connect(self._changed)
        self.status = QComboBox()
        self.status.setObjectName("status")
        self.status.activated.connect(self._changed)
        self.tags = self._line("tags")
        self.tags.setPlaceholderText(_("e.g. executive, leadership"))
        self.tags.setToolTip(_("Separate tags with commas"))
        self.keep_records = QCheckBox(_("Keep records until"))
        self.retain_until = QDateEdit()
        self.retain_until.setCalendarPopup(True)
        self.retain_until.setDisplayFormat("d MMM yyyy")
        self.retain_until.setEnabled(False)
        self.retain_until.setDate(QDate.currentDate().addYears(RECORDS_YEARS))
        self.keep_records.toggled.connect(self._records_toggled)
        self.retain_until.setObjectName("retain_until")
        self.retain_until.dateChanged.connect(self._changed)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(_("What the client wants from coaching, in their words…"))
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 5 + 16)
        self.notes.setObjectName("consultation_notes")
        self.notes.textChanged.connect(self._changed)
        self.listing = LogListingBox()
        self.listing.edited.connect(self.edited)
        self._build()

    def _time_zone_box(self) -> QComboBox:
        """An editable list of every zone name; typing any part of a name completes it."""
        box = QComboBox()
        box.setEditable(True)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        box.addItems(["", *zone_names()])
        box.lineEdit().setPlaceholderText(_("Same as yours"))
        completer = QCompleter(zone_names(), box)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        box.setCompleter(completer)
        completer.setObjectName("time_zone")
        completer.activated.connect(self._changed)
        box.setObjectName("time_zone")
        box.activated.connect(self._changed)
        box.lineEdit().setObjectName("time_zone")
        box.lineEdit().textEdited.connect(self._changed)
        box.lineEdit().editingFinished.connect(self._left)
        return box

    def _line(self, name: str) -> QLineEdit:
        line = QLineEdit()
        line.setObjectName(name)
        line.textEdited.connect(self._changed)
        line.editingFinished.connect(self._left)
        return line

    # Bound slots naming the field by its object name (closures over ``self`` on child
    # signals would keep the form alive from inside its own children).
    def _changed(self, *_args: object) -> None:
        sender = self.sender()
        if sender is not None:
            self.edited.emit(sender.objectName())

    def _left(self) -> None:
        sender = self.sender()
        if sender is not None:
            self.left.emit(sender.objectName())

    def _build(self) -> None:
        i = self.inputs
        person = self._group(_("Person"))
        self._row(person, _("Given name"), i["given_name"])
        self._row(person, _("Family name"), i["family_name"])
        self._row(person, _("Display name"), i["display_name"], "display_name")
        self._row(person, _("Preferred name"), i["preferred_name"])
        self._row(person, _("Pronouns"), i["pronouns"])
        self._row(person, _("Email"), i["email"], "email")
        self._row(person, _("Phone"), i["phone"])
        self._row(person, _("Time zone"), self.time_zone, "time_zone")
        self._row(person, _("Document language"), self.language, "language")
        work = self._group(_("Work and practice"))
        self._row(work, _("Organisation"), i["organisation"])
        self._row(work, _("Role"), i["role"])
        self._row(work, _("Sponsor"), self.sponsor, "sponsor")
        self._row(work, _("Status"), self.status, "status")
        self._row(work, _("Tags"), self.tags, "tags")
        self._row(work, _("Referral source"), i["referral_source"])
        self._row(work, self.keep_records, self.retain_until, "retain_until")
        columns = QHBoxLayout()
        columns.setSpacing(look.SPACING + 4)
        columns.addWidget(person.parentWidget(), 1)
        columns.addWidget(work.parentWidget(), 1)
        notes_box = QGroupBox(_("Consultation notes"))
        notes_layout = QVBoxLayout(notes_box)
        notes_layout.addWidget(self.notes)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(look.SPACING)
        layout.addWidget(self.general)
        layout.addLayout(columns)
        below = QHBoxLayout()
        below.setSpacing(look.SPACING + 4)
        below.addWidget(notes_box, 1)
        below.addWidget(self.listing, 1)
        layout.addLayout(below)

    def _group(self, title: str) -> QFormLayout:
        return look.group_form(self, title)

    def _row(
        self, form: QFormLayout, label: str | QWidget, field: QWidget, error: str | None = None
    ) -> None:
        form.addRow(label, field)
        if error is not None:
            message = QLabel()
            message.setObjectName(f"{error}_error")
            look.tint(message, look.Colour.DANGER)
            message.setWordWrap(True)
            font = message.font()
            font.setPointSizeF(font.pointSizeF() * 0.9)
            message.setFont(font)
            form.addRow("", message)
            form.setRowVisible(message, False)
            self.errors[error] = (form, message)

    def _records_toggled(self, on: bool) -> None:
        self.retain_until.setEnabled(on)
        self.edited.emit("retain_until")

    # -- values ---------------------------------------------------------------------------
    def set_sponsors(self, choices: list[tuple[int, str]]) -> None:
        self.sponsor.set_sponsors(choices)

    def set_statuses(self, choices: list[tuple[ClientStatus, str]]) -> None:
        self.status.clear()
        for status, label in choices:
            self.status.addItem(label, status.value)

    def show_fields(self, data: ClientFields) -> None:
        for name, line in self.inputs.items():
            line.setText(getattr(data, name))
        self.time_zone.setEditText(data.time_zone)
        self.language.setCurrentIndex(max(self.language.findData(data.language), 0))
        self.sponsor.choose(data.sponsor_id)
        self.status.setCurrentIndex(max(self.status.findData(data.status.value), 0))
        self.tags.setText(", ".join(data.tags))
        self.keep_records.setChecked(data.retain_until is not None)
        if data.retain_until is not None:
            day = data.retain_until
            self.retain_until.setDate(QDate(day.year, day.month, day.day))
        self.notes.setPlainText(data.consultation_notes)
        self.listing.show_fields(data)

    def fields(self, base: ClientFields) -> ClientFields:
        """What the form holds, over ``base`` (fields the form does not show are kept)."""
        texts: dict[str, Any] = {name: line.text() for name, line in self.inputs.items()}
        retain: date | None = None
        if self.keep_records.isChecked():
            retain = self.retain_until.date().toPython()  # type: ignore[assignment]
        status = self.status.currentData()
        return replace(
            self.listing.fields(base),
            **texts,
            time_zone=self.time_zone.currentText().strip(),
            language=self.language.currentData() or "",
            sponsor_id=self.sponsor.currentData(),
            status=ClientStatus(status) if status else base.status,
            tags=tuple(t.strip() for t in self.tags.text().split(",") if t.strip()),
            retain_until=retain,
            consultation_notes=self.notes.toPlainText(),
        )

    # -- messages and focus ---------------------------------------------------------------
    def show_errors(self, problems: dict[str, str]) -> None:
        """Each message under its field; messages for fields without a place go on top."""
        for name, (form, label) in self.errors.items():
            label.setText(problems.get(name, ""))
            form.setRowVisible(label, name in problems)
        self.listing.show_errors(problems)
        shown = {*self.errors, *self.listing.errors}
        stray = [message for name, message in problems.items() if name not in shown]
        self.general.setText("\n".join(stray))
        self.general.setVisible(bool(stray))

    def error_text(self, name: str) -> str:
        if name in self.listing.errors:
            return self.listing.errors[name].text()
        return self.errors[name][1].text() if name in self.errors else ""

    def focus_first(self) -> None:
        self.inputs["given_name"].setFocus()

    def focus_problem(self, problems: dict[str, str]) -> None:
        """Put the cursor in the first field with a message, in the form's order."""
        places = {
            **self.inputs,
            "time_zone": self.time_zone,
            "language": self.language,
            "sponsor": self.sponsor,
            "status": self.status,
            "tags": self.tags,
            "retain_until": self.retain_until,
        }
        for name in self.errors:
            if name in problems and name in places:
                places[name].setFocus()
                return

    def wipe(self) -> None:
        """Empty every input (the app is locking: nothing typed stays in memory)."""
        for line in (*self.inputs.values(), self.tags):
            line.clear()
        self.time_zone.setEditText("")
        self.language.setCurrentIndex(0)
        self.notes.clear()
        self.listing.wipe()
        self.show_errors({})
