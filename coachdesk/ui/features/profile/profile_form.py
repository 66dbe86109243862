"""The coach's profile as a form: letterhead details and practice defaults, with a message
under each field.

One widget for the first-run wizard and the profile dialog, so both check the same way: a
field's problem shows once the coach has typed in it, in the service's own words, and
``problems`` tells the owner whether it may save.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from coachdesk import words
from coachdesk.errors import ValidationError
from coachdesk.formatting import SUPPORTED_LOCALES, locale_name, minor_units, system_locale
from coachdesk.i18n import _
from coachdesk.model import Credential, PaperSize
from coachdesk.services.people.profile import (
    MAX_RETENTION,
    MIN_RETENTION,
    ProfileFields,
    profile_problems,
)
from coachdesk.services.validation import parse_money
from coachdesk.ui.features.profile.logo_picker import LogoPicker
from coachdesk.ui.kit import look
from coachdesk.ui.kit.dates import OptionalDateEdit
from coachdesk.ui.kit.fields import zone_names

TEXT_FIELDS = ("name", "business_name", "credentials", "email", "phone", "website")
CURRENCIES = (
    "EUR", "USD", "GBP", "CHF", "CAD", "AUD", "NZD", "SEK", "NOK", "DKK", "PLN", "CZK", "JPY",
    "INR", "SGD", "HKD", "ZAR", "BRL", "MXN", "ILS",
)  # fmt: skip


class ProfileForm(QWidget):
    """Inputs of ``ProfileFields`` and the logo; ``edited`` on every change."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.base = ProfileFields()
        self.touched: set[str] = set()
        self.errors: dict[str, tuple[QFormLayout, QLabel]] = {}
        self.inputs: dict[str, QLineEdit] = {name: self._line(name) for name in TEXT_FIELDS}
        self.inputs["name"].setPlaceholderText(_("As it appears on agreements"))
        self.inputs["credentials"].setPlaceholderText(_("e.g. PCC (ICF), EMCC Senior Practitioner"))
        self.inputs["email"].setPlaceholderText(_("name@example.com"))
        self.inputs["website"].setPlaceholderText(_("e.g. www.example.com"))
        self.address = QPlainTextEdit()
        self.address.setObjectName("postal_address")
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(self.address.fontMetrics().lineSpacing() * 3 + 14)
        self.address.textChanged.connect(self._changed)
        self.logo = LogoPicker()
        self.logo.changed.connect(self._logo_changed)
        self.logo.problem.connect(self._logo_problem)
        self.logo_message = ""
        self.currency = self._combo("default_currency", CURRENCIES)
        self.minutes = QSpinBox()
        self.minutes.setObjectName("default_session_minutes")
        self.minutes.setRange(15, 480)
        self.minutes.setSingleStep(15)
        self.minutes.setSuffix(_(" minutes"))
        self.minutes.valueChanged.connect(self._changed)
        self.retention = self._retention_box()
        self.fee = self._line("default_fee")
        self.fee.setPlaceholderText(_("e.g. 150"))
        self.fee.setToolTip(_("What one session usually costs; leave empty if it varies."))
        self.paper = QComboBox()
        self.paper.setObjectName("paper_size")
        for size, label in words.labels(PaperSize).items():
            self.paper.addItem(label, size.value)
        self.paper.activated.connect(self._changed)
        self.time_zone = self._combo("time_zone", zone_names())
        completer = QCompleter(zone_names(), self.time_zone)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.time_zone.setCompleter(completer)
        self.formats = self._locale_box()
        self.training_start = self._date("training_start", _("Not set"))
        self.renewal_due_on = self._date("renewal_due_on", _("Not set"))
        self.target = QComboBox()
        self.target.setObjectName("target_credential")
        self.target.addItem(_("None"), None)
        for credential, label in words.labels(Credential).items():
            self.target.addItem(label, credential.value)
        self.target.activated.connect(self._changed)
        self._build()

    # -- building -------------------------------------------------------------------------
    def _line(self, name: str) -> QLineEdit:
        line = QLineEdit()
        line.setObjectName(name)
        line.textEdited.connect(self._changed)
        return line

    def _retention_box(self) -> QSpinBox:
        box = QSpinBox()
        box.setObjectName("retention_years")
        box.setRange(MIN_RETENTION, MAX_RETENTION)
        box.setSuffix(_(" years after the last engagement"))
        box.setToolTip(_("Then the client's records come up for review: keep, anonymise or erase."))
        box.valueChanged.connect(self._changed)
        return box

    def _locale_box(self) -> QComboBox:
        """The locales offered, each named in its own language ("Deutsch (Schweiz)")."""
        box = QComboBox()
        box.setObjectName("locale")
        # Long names ("The system's (English (United Kingdom))") must not squeeze the labels.
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(14)
        system = locale_name(str(system_locale()))
        box.addItem(_("The system's ({name})").format(name=system), "")
        for tag in SUPPORTED_LOCALES:
            box.addItem(locale_name(tag), tag)
        box.setToolTip(_("How dates, times and amounts are written, and the app's language."))
        box.activated.connect(self._changed)
        return box

    def _date(self, name: str, empty: str) -> OptionalDateEdit:
        edit = OptionalDateEdit(empty)
        edit.setObjectName(name)
        edit.dateChanged.connect(self._changed)
        return edit

    def _combo(self, name: str, items: tuple[str, ...] | list[str]) -> QComboBox:
        box = QComboBox()
        box.setEditable(True)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        box.addItems(list(items))
        box.setObjectName(name)
        box.lineEdit().setObjectName(name)
        box.currentTextChanged.connect(self._changed)
        return box

    def _build(self) -> None:
        i = self.inputs
        you = self._group(_("You and your business"))
        self._row(you, _("Your name"), i["name"], "name")
        self._row(you, _("Business name"), i["business_name"], "business_name")
        self._row(you, _("Credentials"), i["credentials"], "credentials")
        self._row(you, _("Email"), i["email"], "email")
        self._row(you, _("Phone"), i["phone"], "phone")
        self._row(you, _("Website"), i["website"], "website")
        self._row(you, _("Postal address"), self.address, "postal_address")
        self._row(you, _("Coach training started"), self.training_start, "training_start")
        self._row(you, _("Target credential"), self.target, "target_credential")
        self._row(you, _("Credential renewal due"), self.renewal_due_on, "renewal_due_on")
        work = self._group(_("Sessions and documents"))
        self._row(work, _("Logo"), self.logo, "logo")
        self._row(work, _("Currency"), self.currency, "default_currency")
        self._row(work, _("Session length"), self.minutes, "default_session_minutes")
        self._row(work, _("Session fee"), self.fee, "default_fee")
        self._row(work, _("Paper size"), self.paper, "paper_size")
        self._row(work, _("Time zone"), self.time_zone, "time_zone")
        self._row(work, _("Records kept"), self.retention, "retention_years")
        self._row(work, _("Formats and language"), self.formats, "locale")
        work.addRow("", look.note(_("Language changes apply after a restart.")))
        work.addRow(
            "",
            look.note(_("New engagements start with these; each can still have its own.")),
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(look.SPACING + 4)
        top = Qt.AlignmentFlag.AlignTop
        layout.addWidget(you.parentWidget(), 1, top)
        layout.addWidget(work.parentWidget(), 1, top)

    def _group(self, title: str) -> QFormLayout:
        return look.group_form(self, title)

    def _row(self, form: QFormLayout, label: str, field: QWidget, name: str) -> None:
        form.addRow(label, field)
        message = QLabel()
        message.setObjectName(f"{name}_error")
        look.tint(message, look.Colour.DANGER)
        message.setWordWrap(True)
        form.addRow("", message)
        form.setRowVisible(message, False)
        self.errors[name] = (form, message)

    # -- changes --------------------------------------------------------------------------
    def _changed(self, *_args: object) -> None:
        sender = self.sender()
        if sender is not None and sender.objectName():
            self.touched.add(sender.objectName())
        self.check()
        self.edited.emit()

    def _logo_changed(self) -> None:
        self.edited.emit()

    def _logo_problem(self, message: str) -> None:
        self.logo_message = message
        self.touched.add("logo")
        self.check()
        self.edited.emit()

    def check(self) -> None:
        """Show the problems of the fields the coach has been in."""
        problems = self.problems()
        self.show_errors({k: v for k, v in problems.items() if k in self.touched})

    # -- values ---------------------------------------------------------------------------
    def show_fields(self, data: ProfileFields, logo: bytes | None = None, mime: str = "") -> None:
        self.base = data
        for name, line in self.inputs.items():
            line.setText(getattr(data, name))
        self.address.setPlainText(data.postal_address)
        self.currency.setCurrentText(data.default_currency)
        self.minutes.setValue(data.default_session_minutes)
        self.retention.setValue(data.retention_years)
        self.fee.setText(self._fee_text(data.default_fee, data.default_currency))
        self.paper.setCurrentIndex(max(0, self.paper.findData(PaperSize(data.paper_size).value)))
        self.time_zone.setCurrentText(data.time_zone)
        if data.locale and self.formats.findData(data.locale) < 0:  # set from the command line
            self.formats.addItem(locale_name(data.locale), data.locale)
        self.formats.setCurrentIndex(max(0, self.formats.findData(data.locale)))
        self.training_start.set_optional_day(data.training_start)
        self.renewal_due_on.set_optional_day(data.renewal_due_on)
        target = data.target_credential.value if data.target_credential else None
        self.target.setCurrentIndex(max(0, self.target.findData(target)))
        self.logo.set_logo(logo, mime)
        self.logo_message = ""
        self.touched.clear()
        self.show_errors({})

    @staticmethod
    def _fee_text(fee: Decimal | None, currency: str) -> str:
        if fee is None:
            return ""
        return f"{fee:.{minor_units(currency.upper())}f}"

    def _fee(self) -> tuple[Decimal | None, str | None]:
        text = self.fee.text().strip()
        if not text:
            return None, None
        try:
            return parse_money("default_fee", text), None
        except ValidationError as exc:
            return None, exc.fields["default_fee"]

    def _typed_lines(self) -> dict[str, Any]:
        """The single-line text fields by name (each a str field of ``ProfileFields``)."""
        return {name: line.text().strip() for name, line in self.inputs.items()}

    def fields(self) -> ProfileFields:
        """What the form holds, over the values it was shown (fields it lacks are kept)."""
        return replace(
            self.base,
            **self._typed_lines(),
            postal_address=self.address.toPlainText().strip(),
            default_currency=self.currency.currentText().strip().upper(),
            default_session_minutes=self.minutes.value(),
            retention_years=self.retention.value(),
            default_fee=self._fee()[0],
            paper_size=PaperSize(self.paper.currentData()),
            time_zone=self.time_zone.currentText().strip(),
            locale=self.formats.currentData() or "",
            training_start=self.training_start.optional_day(),
            renewal_due_on=self.renewal_due_on.optional_day(),
            target_credential=Credential(target) if (target := self.target.currentData()) else None,
        )

    def problems(self) -> dict[str, str]:
        """Every problem the form has now, field by field."""
        found = profile_problems(self.fields())
        fee_problem = self._fee()[1]
        if fee_problem:
            found["default_fee"] = fee_problem
        if self.logo_message:
            found["logo"] = self.logo_message
        return found

    def logo_changed(self) -> bool:
        return self.logo.touched

    # -- messages -------------------------------------------------------------------------
    def show_errors(self, problems: dict[str, str]) -> None:
        for name, (form, label) in self.errors.items():
            label.setText(problems.get(name, ""))
            form.setRowVisible(label, name in problems)

    def show_all_problems(self, problems: dict[str, str]) -> None:
        """After a save was refused: every message, and the cursor in the first field."""
        self.touched.update(problems)
        self.show_errors(problems)
        places: dict[str, QWidget] = {
            **self.inputs,
            "postal_address": self.address,
            "default_currency": self.currency,
            "default_session_minutes": self.minutes,
            "default_fee": self.fee,
            "time_zone": self.time_zone,
            "locale": self.formats,
            "logo": self.logo.choose,
        }
        for name in self.errors:
            if name in problems and name in places:
                places[name].setFocus()
                return

    def error_text(self, name: str) -> str:
        return self.errors[name][1].text()

    def focus_first(self) -> None:
        self.inputs["name"].setFocus()
