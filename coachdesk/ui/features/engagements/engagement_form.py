"""The fields of the engagement editor, each with its message line beneath.

Kept apart from the dialog so the dialog reads as the flow (load, check, save) and this as the
layout: the programme and its sessions on the left, fees, terms and the sponsor on the right,
the two free-text terms below. Field names are the service's, so its messages land in place.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from coachdesk import words
from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.model import (
    Cadence,
    EngagementKind,
    EngagementStatus,
    FeeModel,
    SessionMode,
    SponsorSharing,
)
from coachdesk.services.engagements.engagements import EngagementFields
from coachdesk.services.validation import parse_money
from coachdesk.ui.features.engagements.form_parts import (
    combo,
    date_edit,
    location_hint,
    money_text,
    spin,
    text_box,
    to_qdate,
)
from coachdesk.ui.kit import look
from coachdesk.ui.kit.fields import FieldBox
from coachdesk.ui.kit.practice import Practice
from coachdesk.ui.kit.sponsor_choice import SponsorCombo


class EngagementForm(QWidget):
    """Inputs and their messages; ``edited(name)`` whenever a field changes."""

    edited = Signal(str)

    def __init__(self, practice: Practice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: dict[str, FieldBox] = {}
        self.general = QLabel()
        look.tint(self.general, look.Colour.DANGER)
        self.general.setWordWrap(True)
        self.general.hide()
        self.title = QLineEdit()
        self.title.setObjectName("title")
        self.title.setPlaceholderText(_("e.g. Leadership programme 2026"))
        self.kind = combo("kind", words.labels(EngagementKind))
        self.status = QComboBox()
        self.status.setObjectName("status")
        self.start_date = date_edit("start_date")
        self.has_end = QCheckBox(_("Ends on"))
        self.has_end.setObjectName("end_date")
        self.end_date = date_edit("end_date")
        self.end_date.setEnabled(False)
        self.planned = spin("planned_sessions", 0, 500)
        self.planned.setSpecialValueText(_("Not fixed"))
        self.cadence = combo("cadence", words.labels(Cadence))
        self.cadence_days = spin("cadence_days", 1, 365, _(" days"))
        self.session_minutes = spin("session_minutes", 15, 480, _(" min"), 15)
        self.mode = combo("mode", words.labels(SessionMode))
        self.location = QLineEdit()
        self.location.setObjectName("location")
        self.fee_model = combo("fee_model", words.labels(FeeModel))
        self.fee_amount = QLineEdit()
        self.fee_amount.setObjectName("fee_amount")
        self.fee_amount.setPlaceholderText(_("e.g. 1500 or 1,500.00"))
        self.currency = QLineEdit()
        self.currency.setObjectName("currency")
        self.currency.setMaxLength(3)
        self.currency.setMaximumWidth(self.fontMetrics().horizontalAdvance("WWWW") + 16)
        self.payment_terms = text_box("payment_terms", _("e.g. Invoiced monthly, due in 14 days"))
        self.notice_hours = spin("cancellation_notice_hours", 0, 720, _(" hours"))
        self.late_cancel_rule = text_box(
            "late_cancel_rule", _("e.g. A session cancelled later is charged in full")
        )
        self.sponsor = SponsorCombo(practice)
        self.sponsor.setObjectName("sponsor")
        self.sharing = combo("sponsor_sharing", words.labels(SponsorSharing))
        self.communication = text_box(
            "communication", _("e.g. Short emails between sessions, answered within two days")
        )
        self.confidentiality = text_box(
            "confidentiality_notes", _("Anything added to the standard confidentiality terms")
        )
        self._connect()
        self._build()
        self._mode_changed()
        self._cadence_changed()

    def _connect(self) -> None:
        for line in (self.title, self.location, self.fee_amount, self.currency):
            line.textEdited.connect(self._changed)
        for box in (self.kind, self.status, self.mode, self.fee_model, self.sharing):
            box.activated.connect(self._changed)
        for number in (self.planned, self.cadence_days, self.session_minutes, self.notice_hours):
            number.valueChanged.connect(self._changed)
        for edit in (self.start_date, self.end_date):
            edit.dateChanged.connect(self._changed)
        for text in self._texts():
            text.textChanged.connect(self._changed)
        self.has_end.toggled.connect(self._end_toggled)
        self.cadence.activated.connect(self._cadence_changed)
        self.cadence.activated.connect(self._changed)
        self.mode.activated.connect(self._mode_changed)
        self.sponsor.chosen.connect(self._sponsor_changed)
        self.sponsor.chosen.connect(self._changed)
        self.currency.textEdited.connect(self._upper_currency)

    def _texts(self) -> tuple[QPlainTextEdit, ...]:
        return (self.payment_terms, self.late_cancel_rule, self.communication, self.confidentiality)

    # Bound slots naming the field by its object name (no closures over self in children).
    def _changed(self, *_args: object) -> None:
        sender = self.sender()
        if sender is not None:
            self.edited.emit(sender.objectName())

    def _upper_currency(self, text: str) -> None:
        if text != text.upper():
            position = self.currency.cursorPosition()
            self.currency.setText(text.upper())
            self.currency.setCursorPosition(position)

    def _end_toggled(self, on: bool) -> None:
        self.end_date.setEnabled(on)
        self.edited.emit("end_date")

    def _cadence_changed(self, *_args: object) -> None:
        custom = Cadence(self.cadence.currentData()) is Cadence.CUSTOM
        self.boxes["cadence_days"].setVisible(custom)

    def _mode_changed(self, *_args: object) -> None:
        self.location.setPlaceholderText(location_hint(SessionMode(self.mode.currentData())))

    def _sponsor_changed(self, *_args: object) -> None:
        self.sharing.setEnabled(self.sponsor.currentData() is not None)

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        programme = self._group(_("Programme"))
        self._row(programme, _("Title"), self.title, "title")
        self._row(programme, _("Kind"), self.kind, "kind")
        self._row(programme, _("Status"), self.status, "status")
        self._row(programme, _("Starts on"), self.start_date, "start_date")
        self._row(programme, self.has_end, self.end_date, "end_date")
        self._row(programme, _("Planned sessions"), self.planned, "planned_sessions")
        self._row(programme, _("Cadence"), self.cadence, "cadence")
        self._row(programme, "", self.cadence_days, "cadence_days")
        self._row(programme, _("Session length"), self.session_minutes, "session_minutes")
        self._row(programme, _("Held by"), self.mode, "mode")
        self._row(programme, _("Link or location"), self.location, "location")
        fees = self._group(_("Fees and terms"))
        self._row(fees, _("Fee model"), self.fee_model, "fee_model")
        amount = QWidget()
        amount_row = QHBoxLayout(amount)
        amount_row.setContentsMargins(0, 0, 0, 0)
        amount_row.addWidget(self.fee_amount, 1)
        amount_row.addWidget(self.currency)
        self._row(fees, _("Fee"), amount, "fee_amount")
        self.boxes["currency"] = self.boxes["fee_amount"]
        self._row(fees, _("Payment terms"), self.payment_terms, "payment_terms")
        self._row(fees, _("Cancellation notice"), self.notice_hours, "cancellation_notice_hours")
        self._row(fees, _("Late cancellation"), self.late_cancel_rule, "late_cancel_rule")
        self._row(fees, _("Sponsor"), self.sponsor, "sponsor")
        self._row(fees, _("Shared with sponsor"), self.sharing, "sponsor_sharing")
        columns = QHBoxLayout()
        columns.setSpacing(look.SPACING + 4)
        columns.addWidget(programme.parentWidget(), 1)
        columns.addWidget(fees.parentWidget(), 1)
        below = QHBoxLayout()
        below.setSpacing(look.SPACING + 4)
        for title, edit, name in (
            (_("Communication between sessions"), self.communication, "communication"),
            (_("Confidentiality notes"), self.confidentiality, "confidentiality_notes"),
        ):
            group = QGroupBox(title)
            inner = QVBoxLayout(group)
            box = FieldBox(edit)
            self.boxes[name] = box
            inner.addWidget(box)
            below.addWidget(group, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(look.SPACING)
        layout.addWidget(self.general)
        layout.addLayout(columns)
        layout.addLayout(below)

    def _group(self, title: str) -> QFormLayout:
        return look.group_form(self, title, 6)

    def _row(self, form: QFormLayout, label: str | QWidget, field: QWidget, name: str) -> None:
        box = FieldBox(field)
        self.boxes[name] = box
        form.addRow(label, box)

    # -- values ---------------------------------------------------------------------------
    def set_sponsors(self, choices: list[tuple[int, str]]) -> None:
        self.sponsor.set_sponsors(choices)

    def set_statuses(self, statuses: list[EngagementStatus]) -> None:
        self.status.clear()
        for status in statuses:
            self.status.addItem(words.label(status), status.value)

    def show_fields(self, data: EngagementFields, today: date) -> None:
        self.title.setText(data.title)
        self._choose(self.kind, data.kind.value)
        self._choose(self.status, data.status.value)
        self.start_date.setDate(to_qdate(data.start_date or today))
        self.has_end.setChecked(data.end_date is not None)
        self.end_date.setDate(to_qdate(data.end_date or today))
        self.planned.setValue(data.planned_sessions or 0)
        self._choose(self.cadence, data.cadence.value)
        self.cadence_days.setValue(data.cadence_days or 21)
        self.session_minutes.setValue(data.session_minutes)
        self._choose(self.mode, data.mode.value)
        self.location.setText(data.location)
        self._choose(self.fee_model, data.fee_model.value)
        self.fee_amount.setText(money_text(data.fee_amount, data.currency))
        self.currency.setText(data.currency)
        self.payment_terms.setPlainText(data.payment_terms)
        self.notice_hours.setValue(data.cancellation_notice_hours)
        self.late_cancel_rule.setPlainText(data.late_cancel_rule)
        self.sponsor.choose(data.sponsor_id)
        self._choose(self.sharing, data.sponsor_sharing.value)
        self.communication.setPlainText(data.communication)
        self.confidentiality.setPlainText(data.confidentiality_notes)
        self._cadence_changed()
        self._mode_changed()
        self._sponsor_changed()

    @staticmethod
    def _choose(combo: QComboBox, value: object) -> None:
        combo.setCurrentIndex(max(combo.findData(value), 0))

    def fields(self, base: EngagementFields) -> tuple[EngagementFields, dict[str, str]]:
        """What the form holds over ``base``, and the problems of reading it (an amount that
        is not a number stays as typed, with its message)."""
        problems: dict[str, str] = {}
        try:
            fee = parse_money("fee_amount", self.fee_amount.text() or "0")
        except ValidationError as exc:
            problems.update(exc.fields)
            fee = base.fee_amount
        sponsor_id = self.sponsor.currentData()
        data = replace(
            base,
            title=self.title.text(),
            kind=EngagementKind(self.kind.currentData()),
            status=EngagementStatus(self.status.currentData() or base.status.value),
            start_date=self.start_date.date().toPython(),
            end_date=self.end_date.date().toPython() if self.has_end.isChecked() else None,
            planned_sessions=self.planned.value() or None,
            cadence=Cadence(self.cadence.currentData()),
            cadence_days=self.cadence_days.value(),
            session_minutes=self.session_minutes.value(),
            mode=SessionMode(self.mode.currentData()),
            location=self.location.text().strip(),
            fee_model=FeeModel(self.fee_model.currentData()),
            fee_amount=fee,
            currency=self.currency.text().strip().upper(),
            payment_terms=self.payment_terms.toPlainText().strip(),
            cancellation_notice_hours=self.notice_hours.value(),
            late_cancel_rule=self.late_cancel_rule.toPlainText().strip(),
            sponsor_id=sponsor_id,
            sponsor_sharing=(
                SponsorSharing(self.sharing.currentData())
                if sponsor_id is not None
                else SponsorSharing.NOTHING
            ),
            communication=self.communication.toPlainText().strip(),
            confidentiality_notes=self.confidentiality.toPlainText().strip(),
        )
        return data, problems

    # -- messages -------------------------------------------------------------------------
    def show_errors(self, problems: dict[str, str]) -> None:
        """Each message under its field; messages without a place go on top."""
        shown: dict[int, str] = {}
        for name, message in problems.items():
            box = self.boxes.get(name)
            if box is not None:
                shown.setdefault(id(box), message)
        for box in set(self.boxes.values()):
            box.set_error(shown.get(id(box), ""))
        stray = [message for name, message in problems.items() if name not in self.boxes]
        self.general.setText("\n".join(stray))
        self.general.setVisible(bool(stray))

    def error_text(self, name: str) -> str:
        box = self.boxes.get(name)
        return box.error.text() if box is not None and box.error.isVisibleTo(self) else ""

    def focus_problem(self, problems: dict[str, str]) -> None:
        for name, box in self.boxes.items():
            if name in problems:
                box.field.setFocus()
                return

    def wipe(self) -> None:
        """Empty every text input (the app is locking: nothing typed stays in memory)."""
        for line in (self.title, self.location, self.fee_amount, self.currency):
            line.clear()
        for text in self._texts():
            text.clear()
        self.sponsor.clear()
        self.show_errors({})
