"""Adding or editing a CCE activity and its certificate: the file is read on the worker that
saves it and goes into the vault with the entry; editing keeps the certificate unless another
file is chosen."""

from __future__ import annotations

import mimetypes
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)
from sqlalchemy.orm import Session

from coachdesk import words
from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.model import CceCategory
from coachdesk.services.credentials import cce
from coachdesk.services.credentials.cce import MAX_EVIDENCE_BYTES, CceFields
from coachdesk.services.people.clients import Saved
from coachdesk.ui.features.credentials.entry_dialogs import EntryDialog
from coachdesk.ui.kit.dates import DateEdit
from coachdesk.ui.kit.practice import Practice

CERTIFICATE_FILTER = "*.pdf *.png *.jpg *.jpeg"


def units_spin(name: str) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setObjectName(name)
    spin.setRange(0, 1000)
    spin.setDecimals(2)
    spin.setSingleStep(0.5)
    return spin


class CceDialog(EntryDialog):
    """A CCE activity and its certificate (kept in the vault; another file replaces it)."""

    def __init__(
        self, practice: Practice, entry_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(practice, entry_id, parent)
        self.setWindowTitle(_("CCE activity") if entry_id else _("Add CCE activity"))
        self.certificate: Path | None = None
        self.held_on = DateEdit()
        self.provider = QLineEdit()
        self.title = QLineEdit()
        self.category = QComboBox()
        for value, label in words.labels(CceCategory).items():
            self.category.addItem(label, value.value)
        self.units = units_spin("units")
        self.ethics_units = units_spin("ethics_units")
        self.evidence_name = QLabel(_("No certificate"))
        self.choose_button = QPushButton(_("Choose certificate…"))
        self.choose_button.clicked.connect(self.choose_certificate)
        evidence = QWidget()
        row = QHBoxLayout(evidence)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.evidence_name, 1)
        row.addWidget(self.choose_button)
        self._row(_("Date"), self.held_on, "held_on")
        self._row(_("Provider"), self.provider, "provider")
        self._row(_("Title"), self.title, "title")
        self._row(_("Type"), self.category, "category")
        self._row(_("Units"), self.units, "units")
        self._row(_("Of which ethics"), self.ethics_units, "ethics_units")
        self._row(_("Certificate"), evidence, "evidence")
        self._finish_layout()

    def _load(self, db: Session, entry_id: int) -> tuple[CceFields, str]:
        row = next(r for r in cce.list_cce(db) if r.id == entry_id)
        return cce.cce_fields(db, entry_id), row.evidence_name

    def _show(self, data: tuple[CceFields, str]) -> None:
        fields, evidence_name = data
        self.held_on.set_day(fields.held_on or date.today())
        self.provider.setText(fields.provider)
        self.title.setText(fields.title)
        self.category.setCurrentIndex(max(self.category.findData(fields.category.value), 0))
        self.units.setValue(float(fields.units))
        self.ethics_units.setValue(float(fields.ethics_units))
        self.evidence_name.setText(evidence_name or _("No certificate"))

    def choose_certificate(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            _("Choose the certificate"),
            "",
            _("Certificates ({patterns})").format(patterns=CERTIFICATE_FILTER),
        )
        if chosen:
            self.set_certificate(Path(chosen))

    def set_certificate(self, path: Path) -> None:
        self.certificate = path
        self.evidence_name.setText(path.name)
        self._dirty = True

    def fields(self) -> CceFields:
        return CceFields(
            self.held_on.day(),
            self.provider.text(),
            self.title.text(),
            CceCategory(self.category.currentData()),
            _decimal(self.units),
            _decimal(self.ethics_units),
        )

    def _work(self) -> Callable[[Session], Saved]:
        data, entry_id, path = self.fields(), self.entry_id, self.certificate

        def work(db: Session) -> Saved:
            evidence, name, mime = read_certificate(path) if path else (None, "", "")
            if entry_id is None:
                return cce.add_cce(db, data, evidence, name, mime)
            return cce.update_cce(
                db, entry_id, data, evidence=evidence, evidence_name=name, evidence_mime=mime
            )

        return work


def _decimal(spin: QDoubleSpinBox) -> Decimal:
    return Decimal(f"{spin.value():.2f}")


def read_certificate(path: Path) -> tuple[bytes, str, str]:
    """(bytes, file name, type); a field error (``evidence``) for a file that cannot be read or
    is past the limit, which is found after reading one byte more than it."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_EVIDENCE_BYTES + 1)
    except OSError as exc:
        message = _("{name} could not be read: {reason}").format(
            name=path.name, reason=exc.strerror or exc
        )
        raise ValidationError({"evidence": message}) from exc
    if len(data) > MAX_EVIDENCE_BYTES:
        raise ValidationError({"evidence": _("The certificate must be smaller than 10 MB.")})
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return data, path.name, mime
