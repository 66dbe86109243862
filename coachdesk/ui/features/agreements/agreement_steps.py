"""The steps of an agreement's life, as the panel's buttons run them: send, sign, make a new
version, attach a late scan or save the scan out. Each write reloads the agreement, so the panel
always shows what the vault holds; an edited draft is saved first, so what is sent or signed is
what the coach last typed. Sending asks on which day (today unless the coach says otherwise),
and the clause check speaks then: a draft lacking a recommended section is sent only once the
coach confirms, and Cancel is the default.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from coachdesk.errors import ValidationError
from coachdesk.model import AgreementStatus
from coachdesk.services.agreements import agreements
from coachdesk.services.agreements import documents as agreement_documents
from coachdesk.services.agreements import listing as agreement_list
from coachdesk.services.agreements.listing import AgreementView
from coachdesk.services.people import profile
from coachdesk.ui.features.agreements import scan_files
from coachdesk.ui.features.agreements.clause_list import ClauseList
from coachdesk.ui.features.agreements.sent_dialog import SentDialog
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
    question: SentDialog | None
    clauses: ClauseList
    opened: SignalInstance
    _dirty: bool
    save_draft: Callable[..., None]
    show_agreement: Callable[[int], None]

    def _widget(self) -> QWidget:
        return cast(QWidget, self)

    def mark_sent(self) -> None:
        """Ask for the day it was sent, with a warning when the clause check misses sections."""
        if self.current is None or self.current.view.status is not AgreementStatus.DRAFT:
            return
        box = SentDialog(
            self.current.view.id, self.current.today, self.clauses.missing(), self._widget()
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.chosen.connect(self._send)
        box.finished.connect(self._question_finished)
        self.question = box
        box.open()

    def _question_finished(self, _result: int) -> None:
        self.question = None

    def _send(self, agreement_id: int, sent_on: date) -> None:
        self.save_draft(
            then=lambda: self._write(
                lambda db: agreements.mark_sent(db, agreement_id, sent_on), agreement_id
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
