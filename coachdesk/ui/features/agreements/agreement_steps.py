"""The steps of an agreement's life, as the panel's buttons run them: send, sign, make a new
version, attach a late scan or save the scan out. Each write reloads the agreement, so the panel
always shows what the vault holds; an edited draft is saved first, so what is sent or signed is
what the coach last typed. The clause check speaks before sending: a draft lacking a recommended
section is sent only once the coach confirms, and Cancel is the default.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget
from shiboken6 import isValid

from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.model import AgreementStatus
from coachdesk.services.agreements import agreements
from coachdesk.services.agreements import documents as agreement_documents
from coachdesk.services.agreements import listing as agreement_list
from coachdesk.services.agreements.listing import AgreementView
from coachdesk.services.people import profile
from coachdesk.ui.features.agreements import scan_files
from coachdesk.ui.features.agreements.clause_list import ClauseList
from coachdesk.ui.features.agreements.signing_dialog import SigningDialog
from coachdesk.ui.kit import practice as kinds
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.practice import Practice


@dataclass(frozen=True, slots=True)
class Opened:
    view: AgreementView
    pdf: bytes
    problem: str  # why the text could not be laid out (e.g. a stray {{ placeholder }})
    today: date


def open_agreement(db: Any, agreement_id: int) -> Opened:
    view = agreement_list.agreement_view(db, agreement_id)
    today = profile.coach_today(db)
    try:
        pdf, problem = agreement_documents.agreement_document(db, agreement_id, today), ""
    except ValidationError as exc:
        pdf, problem = b"", " ".join(exc.fields.values())
    return Opened(view, pdf, problem, today)


class AgreementSteps:
    """Mixed into ``AgreementPanel``, which provides the state and ``save_draft``."""

    practice: Practice
    current: Opened | None
    dialog: SigningDialog | None
    question: QMessageBox | None
    clauses: ClauseList
    _send_anyway: QAbstractButton | None = None  # the question's "Mark as sent" button
    _sending: int | None = None  # the agreement that question is about
    opened: SignalInstance
    _dirty: bool
    save_draft: Callable[..., None]
    show_agreement: Callable[[int], None]

    def _widget(self) -> QWidget:
        return cast(QWidget, self)

    def mark_sent(self) -> None:
        """Send, after asking when the clause check finds recommended sections missing."""
        if self.current is None or self.current.view.status is not AgreementStatus.DRAFT:
            return
        missing = self.clauses.missing()
        if not missing:
            self._send(self.current.view.id)
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            _("Send with sections missing?"),
            _("Send without: {sections}?").format(sections=", ".join(missing)),
            QMessageBox.StandardButton.Cancel,
            self._widget(),
        )
        box.setInformativeText(
            _("The clause check does not find these sections the ICF recommends.")
        )
        self._send_anyway = box.addButton(_("Mark as sent"), QMessageBox.ButtonRole.AcceptRole)
        self._sending = self.current.view.id
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(self._send_answered)
        self.question = box
        box.open()

    def _send_answered(self, button: QAbstractButton) -> None:
        agreement_id = self._sending if button is self._send_anyway else None
        self.question, self._send_anyway, self._sending = None, None, None
        if agreement_id is not None:
            self._send(agreement_id)

    def _send(self, agreement_id: int) -> None:
        self.save_draft(
            then=lambda: self._write(
                lambda db: agreements.mark_sent(db, agreement_id, profile.coach_today(db)),
                agreement_id,
            )
        )

    def sign(self) -> SigningDialog | None:
        if self.current is None or self.current.view.frozen:
            return None
        if self._dirty:
            self.save_draft(then=self.sign)
            return None
        dialog = SigningDialog(self.practice, self.current.view, self.current.today, self._widget())
        dialog.signed.connect(self.show_agreement)
        dialog.finished.connect(self._dialog_finished)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _dialog_finished(self, _result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def new_version(self) -> None:
        if self.current is None:
            return
        agreement_id = self.current.view.id
        self.practice.write(
            lambda db: agreements.new_version(db, agreement_id).id,
            self.opened.emit,
            changes=kinds.AGREEMENTS,
            parent=self._widget(),
        )

    def attach_scan(self) -> None:
        if self.current is None:
            return
        path = scan_files.choose_scan_file(self._widget())
        if path is None:
            return
        try:
            data, name, mime = scan_files.read_scan(path)
        except ValidationError as exc:
            show_error(self._widget(), exc)
            return
        agreement_id = self.current.view.id
        self._write(
            lambda db: agreements.attach_scan(db, agreement_id, data, name, mime), agreement_id
        )

    def save_scan(self) -> None:
        if self.current is None:
            return
        agreement_id = self.current.view.id
        self.practice.read(
            lambda db: agreement_list.get_scan(db, agreement_id),
            self._scan_read,
            parent=self._widget(),
        )

    def _scan_read(self, scan: agreement_list.Scan) -> None:
        if not isValid(self._widget()):
            return
        try:
            scan_files.save_scan_as(self._widget(), scan)
        except Exception as exc:
            show_error(self._widget(), exc)

    def _write(self, work: Callable[[Any], object], agreement_id: int) -> None:
        self.practice.write(
            work,
            lambda _result: self.show_agreement(agreement_id),
            changes=kinds.AGREEMENTS,
            parent=self._widget(),
        )
