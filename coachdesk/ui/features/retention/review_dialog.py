"""The retention review: every client whose records are past the practice's period, the
longest overdue first, each with three answers: keep (until a date, with a reason),
anonymise, or erase. Opened from Today; it reloads whenever clients change."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from coachdesk.formatting import format_date
from coachdesk.i18n import _
from coachdesk.services.people.profile import coach_today
from coachdesk.services.rights.retention import ReviewRow, retention_review
from coachdesk.ui.features.retention.keep_dialog import KeepDialog
from coachdesk.ui.kit import lockable, look
from coachdesk.ui.kit import practice as kinds
from coachdesk.ui.kit.confirm_by_name import anonymise_dialog, erase_dialog
from coachdesk.ui.kit.latest import Latest
from coachdesk.ui.kit.practice import Practice
from coachdesk.ui.kit.table_model import Column, TableModel

RELOAD_KINDS = {kinds.CLIENTS, kinds.SESSIONS, kinds.ENGAGEMENTS, kinds.PROFILE, kinds.EVERYTHING}


def _load(db: Session) -> tuple[date, list[ReviewRow]]:
    today = coach_today(db)
    return today, retention_review(db, today)


def _columns() -> list[Column[ReviewRow]]:
    return [
        Column(_("Client"), lambda r: r.name),
        Column(
            _("Coaching ended"), lambda r: format_date(r.last_activity), lambda r: r.last_activity
        ),
        Column(_("Review due"), lambda r: format_date(r.review_due), lambda r: r.review_due),
        Column(
            _("Kept until"),
            lambda r: format_date(r.retain_until) if r.retain_until else "",
            tooltip=lambda r: r.retention_reason or None,
        ),
    ]


class RetentionDialog(QDialog):
    """``refreshed`` once the latest list is on screen."""

    refreshed = Signal()

    def __init__(self, practice: Practice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.practice = practice
        self.latest = Latest(self)
        self.today = date.today()
        self.child: QDialog | None = None
        self.setWindowTitle(_("Retention review"))
        self.resize(720, 420)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model: TableModel[ReviewRow] = TableModel(_columns(), lambda r: r.client_id, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.keep_button = QPushButton(_("Keep…"))
        self.anonymise_button = QPushButton(_("Anonymise…"))
        self.erase_button = QPushButton(_("Erase…"))
        look.tint(self.erase_button, look.Colour.DANGER)
        self.keep_button.clicked.connect(self.keep)
        self.anonymise_button.clicked.connect(self.anonymise)
        self.erase_button.clicked.connect(self.erase)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for button in (self.keep_button, self.anonymise_button, self.erase_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.table.selectionModel().currentChanged.connect(lambda *_a: self._enable())
        practice.changed.connect(self._changed)
        lockable.register(self)
        self._enable()
        self.reload()

    # -- data -----------------------------------------------------------------------------
    def reload(self) -> None:
        number = self.latest.start()
        self.practice.read(_load, lambda result: self._show(number, result), parent=self)

    def _show(self, number: int, result: tuple[date, list[ReviewRow]]) -> None:
        if not self.latest.holds(number):
            return
        self.today, rows = result
        self.model.set_rows(rows)
        self.table.setVisible(bool(rows))  # an empty grid reads like a fault
        self.summary.setText(
            _(
                "These clients' records are past the retention period set in your profile. "
                "Keep them for a reason, anonymise them (the hours stay in your coaching log), "
                "or erase them."
            )
            if rows
            else _("No client is past the retention period.")
        )
        if rows:
            self.table.setCurrentIndex(self.model.index(0, 0))
        self._enable()
        self.refreshed.emit()

    def _changed(self, kind: str) -> None:
        if kind in RELOAD_KINDS and self.isVisible():
            self.reload()

    def current(self) -> ReviewRow | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def _enable(self) -> None:
        chosen = self.current() is not None and self.child is None
        for button in (self.keep_button, self.anonymise_button, self.erase_button):
            button.setEnabled(chosen)

    # -- answers --------------------------------------------------------------------------
    def keep(self) -> KeepDialog | None:
        row = self.current()
        if row is None or self.child is not None:
            return None
        dialog = KeepDialog(self.practice, row.client_id, row.name, self.today, self)
        self._open(dialog)
        return dialog

    def anonymise(self) -> QDialog | None:
        row = self.current()
        if row is None or self.child is not None:
            return None
        return self._open(anonymise_dialog(self.practice, row.client_id, row.name, self))

    def erase(self) -> QDialog | None:
        row = self.current()
        if row is None or self.child is not None:
            return None
        return self._open(erase_dialog(self.practice, row.client_id, row.name, self))

    def _open(self, dialog: QDialog) -> QDialog:
        self.child = dialog
        dialog.finished.connect(self._child_finished)
        self._enable()
        dialog.open()
        return dialog

    def _child_finished(self, _result: int) -> None:
        child, self.child = self.child, None
        if child is not None:
            child.deleteLater()
        self._enable()

    # -- locking (a Lockable: it shows client names and holds nothing typed) ---------------
    def keep_as_draft(self) -> bool:
        return True

    def why_lock_waits(self) -> str | None:
        return None

    def wipe_for_lock(self) -> None:
        self.latest.drop()
        self.model.clear()
        self.reject()
