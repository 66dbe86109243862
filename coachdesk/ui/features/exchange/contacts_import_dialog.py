"""Import clients from a CSV or vCard file: choose it, check the preview, import the ticked rows.

Reading and judging the file run on a worker (``practice.read``), so a 10,000-row export keeps
the window alive; each new mapping plans again, and an answer to an older request is dropped.
The import is one transaction on a worker behind a progress bar (``LongWork``): all ticked rows
arrive, or none; Cancel rolls back what was added so far.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from coachdesk.i18n import _, ngettext
from coachdesk.services.exchange import contacts_import as ci
from coachdesk.services.exchange.contacts_import import ContactFile, ImportPlan, RowStatus
from coachdesk.ui.features.exchange.mapping_bar import MappingBar
from coachdesk.ui.features.exchange.plan_model import (
    EMAIL,
    NAME,
    ORGANISATION,
    PHONE,
    ROW,
    STATUS,
    PlanModel,
)
from coachdesk.ui.kit import look
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.long_work import LongWork, Progress
from coachdesk.ui.kit.practice import CLIENTS, Practice

FILE_FILTER = "{contacts} (*.csv *.vcf *.vcard *.txt);;{all} (*)"
ENCODINGS = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8",
    "utf-16": "UTF-16",
    "windows-1252": "Windows-1252",
    "latin-1": "Latin-1",
}


class ImportDialog(QDialog):
    """``imported(n)`` after ``n`` clients were added (the client list refreshes itself)."""

    imported = Signal(int)

    def __init__(self, practice: Practice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.practice = practice
        self.source: ContactFile | None = None
        self.busy = False
        self.job: LongWork | None = None
        self.plan = ImportPlan([])
        self._generation = 0
        self.setWindowTitle(_("Import clients"))
        self.resize(1100, 640)
        self.model = PlanModel(self)
        self.model.ticked_changed.connect(self._update_button)
        self._build()
        self._update_button(0)

    def _build(self) -> None:
        self.file_label = look.note(_("Choose a CSV file or a vCard (.vcf) file of contacts."))
        self.choose_button = QPushButton(_("&Choose file…"))
        self.choose_button.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.choose_button)

        self.columns_label = QLabel(_("What each column holds:"))
        self.mapping = MappingBar()
        self.mapping.changed.connect(self._remap)
        self.hint = QLabel()
        look.tint(self.hint, look.Colour.DANGER)
        self.hint.setWordWrap(True)
        self.summary = QLabel()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        status_row = QHBoxLayout()
        status_row.addWidget(self.summary, 1)
        status_row.addWidget(self.progress)

        self.table = self._preview_table()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            _("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setDefault(True)
        self.buttons.accepted.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(look.SPACING)
        layout.addWidget(look.heading(_("Import clients"), scale=1.25))
        layout.addLayout(file_row)
        layout.addWidget(self.columns_label)
        layout.addWidget(self.mapping)
        layout.addWidget(self.hint)
        layout.addLayout(status_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self._show_columns(False)
        self.hint.hide()
        self.progress.hide()

    def _preview_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        # A reason is a sentence: it wraps onto a second line rather than being cut off.
        table.setWordWrap(True)
        rows = table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(2 * table.fontMetrics().lineSpacing() + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(ROW, 70)
        header.resizeSection(NAME, 190)
        header.resizeSection(EMAIL, 200)
        header.resizeSection(PHONE, 130)
        header.resizeSection(ORGANISATION, 160)
        header.resizeSection(STATUS, 110)
        return table

    # -- choosing and reading the file ----------------------------------------------------
    def choose_file(self) -> None:
        start = str(Path.home())
        file_filter = FILE_FILTER.format(contacts=_("Contacts"), all=_("All files"))
        path, _chosen = QFileDialog.getOpenFileName(
            self, _("Import clients from"), start, file_filter
        )
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path) -> None:
        """Read ``path`` and show what importing it would do."""
        self.source = None
        self.model.clear()
        self._show_columns(False)
        self.file_label.setText(path.name)
        self.file_label.setToolTip(str(path))
        generation = self._start(_("Reading {file}…").format(file=path.name))

        def work(db: Any) -> tuple[ContactFile, ImportPlan]:
            source = ci.load_contacts(path)
            return source, ci.plan_import(db, source.candidates())

        self.practice.read(
            work,
            lambda result: self._read(generation, *result),
            lambda exc: self._failed(generation, exc),
            parent=self,
        )

    def _read(self, generation: int, source: ContactFile, plan: ImportPlan) -> None:
        if not self._current(generation):
            return
        self.source = source
        if source.table is not None:
            self.mapping.set_columns(source.table.headers, source.mapping())
            self._show_columns(True)
        self._planned(generation, plan)

    def _remap(self, mapping: list[str]) -> None:
        source = self.source
        if source is None:
            return
        generation = self._start(_("Checking the rows again…"))
        self.practice.read(
            lambda db: ci.plan_import(db, source.candidates(mapping)),
            lambda plan: self._planned(generation, plan),
            lambda exc: self._failed(generation, exc),
            parent=self,
        )

    def _planned(self, generation: int, plan: ImportPlan) -> None:
        if not self._current(generation):
            return
        self._finish()
        self.plan = plan
        self.model.set_plan(plan)
        self.summary.setText(self._summary(plan))
        table = self.source.table if self.source else None
        if table is not None and ci.lacks_name(self.mapping.mapping()):
            self.hint.setText(_("No column holds a name: choose Name (or Given and Family name)."))
            self.hint.show()
        else:
            self.hint.hide()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if not self._current(generation):
            return
        self._finish()
        self.summary.clear()
        show_error(self, exc)

    # -- importing ------------------------------------------------------------------------
    def start_import(self) -> None:
        chosen = self.model.chosen_rows()
        vault = self.practice.vault
        if self.busy or not chosen or vault is None:
            return

        def work(progress: Progress) -> int:
            with vault.session() as db, db.begin():
                return ci.import_rows(db, chosen, progress)

        n = len(chosen)
        message = ngettext("Importing {n} client…", "Importing {n} clients…", n).format(n=n)
        self._start(message)
        self.progress.hide()  # the progress dialog shows how far the import is
        self.hint.hide()
        self.job = LongWork(self.practice.tasks, self.windowTitle(), message, self)
        self.job.start(work, self._imported, self._import_failed, self._stopped)

    def _imported(self, count: int) -> None:
        self.job = None
        self._finish()
        self.practice.changed.emit(CLIENTS)
        self.imported.emit(count)
        self.accept()

    def _stopped(self) -> None:
        self.job = None
        self._finish()
        self.summary.setText(self._summary(self.plan))
        self.hint.setText(_("Import stopped; nothing was imported."))
        self.hint.show()

    def _import_failed(self, exc: BaseException) -> None:
        self.job = None
        self._finish()
        self.summary.setText(self._summary(self.plan))
        show_error(self, exc)

    def done(self, result: int) -> None:
        """Every way out asks a running import to stop; it is then rolled back and reported."""
        if self.job is not None:
            self.job.cancel()
            return
        super().done(result)

    # -- state ----------------------------------------------------------------------------
    def _start(self, message: str) -> int:
        self._generation += 1
        self.busy = True
        self.summary.setText(message)
        self.progress.show()
        self.choose_button.setEnabled(False)
        self.mapping.setEnabled(False)
        self._update_button(self.model.ticked_count())
        return self._generation

    def _finish(self) -> None:
        self.busy = False
        self.progress.hide()
        self.choose_button.setEnabled(True)
        self.mapping.setEnabled(True)
        self._update_button(self.model.ticked_count())

    def _current(self, generation: int) -> bool:
        """The dialog still exists and this answers its latest request."""
        return isValid(self) and generation == self._generation

    def _show_columns(self, shown: bool) -> None:
        self.columns_label.setVisible(shown)
        self.mapping.setVisible(shown)

    def _update_button(self, ticked: int) -> None:
        text = ngettext("Import {n} client", "Import {n} clients", ticked).format(n=ticked)
        self.import_button.setText(text)
        self.import_button.setEnabled(ticked > 0 and not self.busy)

    def _summary(self, plan: ImportPlan) -> str:
        new, doubtful, invalid = (plan.count(status) for status in RowStatus)
        parts = (
            ngettext("{n} new", "{n} new", new).format(n=new),
            ngettext("{n} likely duplicate", "{n} likely duplicates", doubtful).format(n=doubtful),
            ngettext("{n} invalid", "{n} invalid", invalid).format(n=invalid),
        )
        text = " · ".join(parts)
        table = self.source.table if self.source else None
        if table is None:
            return text
        encoding = ENCODINGS.get(table.encoding, table.encoding)
        return f"{text}  ({_('read as {encoding}').format(encoding=encoding)})"
