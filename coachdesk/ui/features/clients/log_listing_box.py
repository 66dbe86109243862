"""How a client may appear in the coach's ICF coaching log: whether they consented to be listed
(and when, and how), or whether an organisation's confidentiality policy covers them, so the
log shows an alias and the organisation contact's email instead of their name."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from coachdesk.i18n import _
from coachdesk.services.people.clients import ClientFields
from coachdesk.ui.kit.dates import OptionalDateEdit, error_label, show_message

FIELDS = ("log_consent_on", "log_consent_how", "confidential_alias", "org_contact_email")


class LogListingBox(QGroupBox):
    """``edited(name)`` on each change; ``errors[name]`` the message under each field."""

    edited = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("ICF coaching log"), parent)
        self.consent = QCheckBox(_("Consented to be listed in my coaching log"))
        self.consent.setObjectName("log_consent")
        self.consent_on = OptionalDateEdit(_("Date not noted"))
        self.consent_on.setObjectName("log_consent_on")
        self.consent_how = QLineEdit()
        self.consent_how.setObjectName("log_consent_how")
        self.consent_how.setPlaceholderText(_("e.g. in the signed agreement, by email"))
        self.confidential = QCheckBox(_("Under an organisation's confidentiality policy"))
        self.confidential.setObjectName("confidential")
        self.alias = QLineEdit()
        self.alias.setObjectName("confidential_alias")
        self.alias.setPlaceholderText(_("e.g. Confidential client 3"))
        self.org_contact = QLineEdit()
        self.org_contact.setObjectName("org_contact_email")
        self.org_contact.setPlaceholderText(_("The organisation contact's email"))
        self.errors: dict[str, QLabel] = {name: error_label(name) for name in FIELDS}
        form = QFormLayout(self)
        form.addRow(self.consent)
        for label, field, name in (
            (_("Consent given on"), self.consent_on, "log_consent_on"),
            (_("How"), self.consent_how, "log_consent_how"),
        ):
            form.addRow(label, field)
            form.addRow("", self.errors[name])
        form.addRow(self.confidential)
        for label, field, name in (
            (_("Alias in the log"), self.alias, "confidential_alias"),
            (_("Organisation contact"), self.org_contact, "org_contact_email"),
        ):
            form.addRow(label, field)
            form.addRow("", self.errors[name])
        self.consent.toggled.connect(self._toggled)
        self.confidential.toggled.connect(self._toggled)
        self.consent_on.dateChanged.connect(self._changed)
        for line in (self.consent_how, self.alias, self.org_contact):
            line.textEdited.connect(self._changed)
        self._enable()

    def _changed(self, *_args: object) -> None:
        sender = self.sender()
        if sender is not None:
            self.edited.emit(sender.objectName())

    def _toggled(self, _on: bool) -> None:
        self._enable()
        self._changed()

    def _enable(self) -> None:
        for field in (self.consent_on, self.consent_how):
            field.setEnabled(self.consent.isChecked())
        for field in (self.alias, self.org_contact):
            field.setEnabled(self.confidential.isChecked())

    def show_fields(self, data: ClientFields) -> None:
        self.consent.setChecked(data.log_consent)
        self.consent_on.set_optional_day(data.log_consent_on)
        self.consent_how.setText(data.log_consent_how)
        self.confidential.setChecked(data.confidential)
        self.alias.setText(data.confidential_alias)
        self.org_contact.setText(data.org_contact_email)
        self._enable()

    def fields(self, base: ClientFields) -> ClientFields:
        consent = self.consent.isChecked()
        return replace(
            base,
            log_consent=consent,
            log_consent_on=self.consent_on.optional_day() if consent else None,
            log_consent_how=self.consent_how.text() if consent else "",
            confidential=self.confidential.isChecked(),
            confidential_alias=self.alias.text(),
            org_contact_email=self.org_contact.text(),
        )

    def show_errors(self, problems: dict[str, str]) -> None:
        for name, label in self.errors.items():
            show_message(label, problems.get(name, ""))

    def wipe(self) -> None:
        for line in (self.consent_how, self.alias, self.org_contact):
            line.clear()
