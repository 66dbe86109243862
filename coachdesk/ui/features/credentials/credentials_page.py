"""The Credential view: where the coach stands against ACC, PCC and MCC, the client coaching log
the ICF asks for, and the mentor coaching, CCE and supervision logs with their dialogs.

One read fills everything (``load_overview``); a change to sessions, clients, engagements, the
profile or one of the logs reads again, and ``refreshed`` follows once it is on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from coachdesk.i18n import _
from coachdesk.services.credentials import cce, mentoring, supervision
from coachdesk.ui.features.credentials import career_tables
from coachdesk.ui.features.credentials.cce_dialog import CceDialog
from coachdesk.ui.features.credentials.entry_dialogs import (
    EntryDialog,
    MentoringDialog,
    SupervisionDialog,
)
from coachdesk.ui.features.credentials.log_exports import LogExports
from coachdesk.ui.features.credentials.overview import CredentialOverview, load_overview
from coachdesk.ui.features.credentials.standing_panel import StandingPanel
from coachdesk.ui.kit import lockable, look
from coachdesk.ui.kit import practice as kinds
from coachdesk.ui.kit.page import Page
from coachdesk.ui.kit.practice import Practice
from coachdesk.ui.kit.table_model import TableModel

REFRESH_KINDS = {
    kinds.CAREER,
    kinds.SESSIONS,
    kinds.CLIENTS,
    kinds.ENGAGEMENTS,
    kinds.PROFILE,
    kinds.EVERYTHING,
}
Dialog = Callable[[Practice, int | None, QWidget], EntryDialog]


class LogTab(QWidget):
    """One log's table with Add, Edit and Delete; ``selected_id`` names the chosen entry."""

    def __init__(self, model: TableModel[Any], stretch: int, noun: str) -> None:
        super().__init__()
        self.model = model
        self.table: QTableView = career_tables.table_for(model, stretch)
        self.add_button = QPushButton(_("Add {what}…").format(what=noun))
        self.edit_button = QPushButton(_("Edit…"))
        self.delete_button = QPushButton(_("Delete…"))
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.add_button)
        self.buttons.addWidget(self.edit_button)
        self.buttons.addWidget(self.delete_button)
        self.buttons.addStretch(1)
        self.column = QVBoxLayout(self)
        self.column.addLayout(self.buttons)
        self.column.addWidget(self.table, 1)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._selection_changed()

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        row = self.model.row_at(rows[0].row()) if rows else None
        return getattr(row, "id", None)

    def _selection_changed(self, *_args: object) -> None:
        chosen = self.selected_id() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)


class CredentialsPage(Page):
    """``dialog`` is the entry dialog open, if any; ``exports.exported(path)`` after an export."""

    def __init__(self, practice: Practice, parent: QWidget | None = None) -> None:
        super().__init__(practice, parent)
        self.view: CredentialOverview | None = None
        self.dialog: EntryDialog | None = None
        self.exports = LogExports(practice, self)
        self.exports.exported.connect(self._exported)
        self.saved_note = look.note("")
        self.standing = StandingPanel()
        self.log_model = career_tables.log_model(self)
        self.log_table = career_tables.table_for(self.log_model, 1)
        self.mentoring = LogTab(career_tables.mentoring_model(self), 1, _("mentor coaching"))
        self.cce = LogTab(career_tables.cce_model(self), 2, _("CCE activity"))
        self.supervision = LogTab(career_tables.supervision_model(self), 1, _("supervision"))
        self.certificate_button = QPushButton(_("Save certificate…"))
        self.certificate_button.setEnabled(False)
        self.certificate_button.clicked.connect(self.save_certificate)
        self.cce.buttons.addWidget(self.certificate_button)
        self.cce.table.selectionModel().selectionChanged.connect(self._cce_chosen)
        self._connect_tab(self.mentoring, MentoringDialog, mentoring.delete_mentoring)
        self._connect_tab(self.cce, CceDialog, cce.delete_cce)
        self._connect_tab(self.supervision, SupervisionDialog, supervision.delete_supervision)
        self._build()
        practice.changed.connect(self._changed)
        lockable.register(self)

    def _build(self) -> None:
        title_row = QHBoxLayout()
        title_row.addWidget(look.heading(_("Credential")), 1)
        self.export_buttons: dict[str, QPushButton] = {}
        for kind, label in (
            ("xlsx", _("Export log (XLSX)…")),
            ("csv", _("Export log (CSV)…")),
            ("pdf", _("PDF summary…")),
        ):
            button = QPushButton(label)
            button.clicked.connect(lambda _c=False, k=kind: self.exports.export(k))
            self.export_buttons[kind] = button
            title_row.addWidget(button)
        title_row.insertWidget(1, self.saved_note)
        self.tabs = QTabWidget()
        log_tab = QWidget()
        log_layout = QVBoxLayout(log_tab)
        log_layout.addWidget(
            look.note(
                _(
                    "The client coaching log as the ICF asks for it: held coaching sessions since "
                    "your training started, one row per client or group. Clients who have not "
                    "consented to be listed are left off."
                )
            )
        )
        log_layout.addWidget(self.log_table, 1)
        self.tabs.addTab(log_tab, _("Coaching log"))
        self.tabs.addTab(self.mentoring, _("Mentor coaching"))
        self.tabs.addTab(self.cce, _("CCE"))
        self.supervision_hours = look.note("")
        self.supervision.column.addWidget(self.supervision_hours)
        self.tabs.addTab(self.supervision, _("Supervision"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(look.SPACING)
        layout.addLayout(title_row)
        layout.addWidget(self.standing)
        layout.addWidget(self.tabs, 1)

    def _connect_tab(
        self, tab: LogTab, dialog: Dialog, delete: Callable[[Session, int], None]
    ) -> None:
        tab.add_button.clicked.connect(lambda: self._open(dialog, None))
        tab.edit_button.clicked.connect(lambda: self._open(dialog, tab.selected_id()))
        tab.table.doubleClicked.connect(lambda _i: self._open(dialog, tab.selected_id()))
        tab.delete_button.clicked.connect(lambda: self._ask_delete(tab, delete))

    # -- page contract --------------------------------------------------------------------
    def _load(self) -> None:
        self._read(load_overview, self._show)

    def _show(self, view: CredentialOverview) -> None:
        self.view = view
        self.standing.show_overview(view)
        self.log_model.set_rows(view.log)
        self.mentoring.model.set_rows(view.mentoring)
        self.cce.model.set_rows(view.cce)
        self.supervision.model.set_rows(view.supervision)
        self.supervision_hours.setText(
            _("{h} hours of supervision in all.").format(h=view.supervision_hours)
        )
        self._cce_chosen()

    def _changed(self, kind: str) -> None:
        if kind in REFRESH_KINDS:
            self.mark_stale()

    # -- locking (a Lockable: the dialog answers for what is typed in it) -----------------
    def keep_as_draft(self) -> bool:
        return True

    def why_lock_waits(self) -> str | None:
        return None

    def wipe_for_lock(self) -> None:
        """Forget every client named in the log and every entry shown (the app locks)."""
        self._forget()
        self.view = None
        for model in (self.log_model, self.mentoring.model, self.cce.model, self.supervision.model):
            model.clear()
        self.saved_note.clear()

    # -- entries --------------------------------------------------------------------------
    def _open(self, dialog: Dialog, entry_id: int | None) -> None:
        if self.dialog is not None:
            self.dialog.raise_()
            return
        self.dialog = dialog(self.practice, entry_id, self)
        self.dialog.finished.connect(self._dialog_finished)
        self.dialog.open()

    def _dialog_finished(self, _result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def _ask_delete(self, tab: LogTab, delete: Callable[[Session, int], None]) -> None:
        entry_id = tab.selected_id()
        if entry_id is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            _("Delete this entry?"),
            _("The entry is removed from the vault; older backups still hold it."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(
            lambda: self.practice.write(
                lambda db: delete(db, entry_id), lambda _r: None, changes=kinds.CAREER, parent=self
            )
        )
        self.confirm = box
        box.open()

    # -- certificates ---------------------------------------------------------------------
    def _cce_chosen(self, *_args: object) -> None:
        self.certificate_button.setEnabled(bool(self._chosen_certificate()))

    def _chosen_certificate(self) -> str:
        entry_id = self.cce.selected_id()
        row = next((r for r in self.cce.model.rows if getattr(r, "id", None) == entry_id), None)
        return getattr(row, "evidence_name", "") if row is not None else ""

    def save_certificate(self) -> None:
        entry_id, name = self.cce.selected_id(), self._chosen_certificate()
        if entry_id is not None and name:
            self.exports.save_certificate(entry_id, name)

    def _exported(self, path: Path) -> None:
        self.saved_note.setText(_("Saved to {path}").format(path=path))
