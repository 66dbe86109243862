"""What the export, import and calendar dialogs share: a file field with its message row, the
passphrase pair, the "done" box they end with, and counts in words (never client text)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.i18n import _, ngettext
from coachdesk.ui.kit import look
from coachdesk.ui.kit.long_work import LongWork
from coachdesk.vault import Vault
from coachdesk.vault.vault import MIN_PASSPHRASE

LAST_FOLDER_KEY = "exporting/last_folder"
COUNT_WORDS = {
    "client": lambda n: ngettext("{n} client", "{n} clients", n).format(n=n),
    "engagement": lambda n: ngettext("{n} engagement", "{n} engagements", n).format(n=n),
    "coaching_session": lambda n: ngettext("{n} session", "{n} sessions", n).format(n=n),
    "goal": lambda n: ngettext("{n} goal", "{n} goals", n).format(n=n),
    "action_item": lambda n: ngettext("{n} action item", "{n} action items", n).format(n=n),
}


def problem_label() -> QLabel:
    """The small red message row under a field; empty (and hidden) while all is well."""
    label = QLabel()
    label.setWordWrap(True)
    look.tint(label, look.Colour.DANGER)
    label.hide()
    return label


def show_problem(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def start_folder() -> Path:
    remembered = look.settings().value(LAST_FOLDER_KEY)
    if remembered and Path(str(remembered)).is_dir():
        return Path(str(remembered))
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def remember_folder(path: Path) -> None:
    look.settings().setValue(LAST_FOLDER_KEY, str(path.parent))


def dated_name(stem: str, suffix: str, day: date | None = None) -> str:
    """``"CoachDesk export 2026-11-28.zip"``: a name that sorts by date in any folder."""
    cleaned = "".join(c for c in stem if c not in '<>:"/\\|?*').strip(" .") or "CoachDesk"
    return f"{cleaned} {(day or date.today()).isoformat()}{suffix}"


def counts_in_words(counts: dict[str, int]) -> str:
    return ", ".join(words(counts.get(table, 0)) for table, words in COUNT_WORDS.items())


def vault_folder_problem(path: Path | None, vault: Vault | None) -> str:
    """Why ``path`` may not be written: it lies inside the open vault's folder, where a file
    could overwrite the live database or its key. ``""`` when it lies elsewhere."""
    if path is None or vault is None:
        return ""
    try:
        inside = path.resolve().is_relative_to(vault.folder.resolve())
    except OSError:
        return ""
    if not inside:
        return ""
    return _(
        "This is inside the vault's folder ({folder}). Choose a folder outside it, so the "
        "file can never overwrite the vault."
    ).format(folder=vault.folder)


class FileField(QWidget):
    """A path typed or chosen with the system's file dialog, with its message row below."""

    changed = Signal()
    chosen = Signal()  # picked with the file dialog: no more typing to wait for

    def __init__(
        self, title: str, file_filter: str, *, saving: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._title, self._filter, self._saving = title, file_filter, saving
        self.edit = QLineEdit()
        self.edit.setAccessibleName(title)
        self.edit.textChanged.connect(lambda _text: self.changed.emit())
        self.browse = QPushButton(_("Choose…"))
        self.browse.clicked.connect(self.choose)
        self.problem = problem_label()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.browse)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(row)
        column.addWidget(self.problem)

    @property
    def path(self) -> Path | None:
        text = self.edit.text().strip()
        return Path(text).expanduser() if text else None

    def set_path(self, path: Path) -> None:
        self.edit.setText(str(path))

    def choose(self) -> None:
        current = str(self.path or start_folder())
        if self._saving:
            chosen, _filter = QFileDialog.getSaveFileName(self, self._title, current, self._filter)
        else:
            chosen, _filter = QFileDialog.getOpenFileName(self, self._title, current, self._filter)
        if chosen:
            self.set_path(Path(chosen))
            self.chosen.emit()

    def save_problem(self) -> str:
        """Why the typed path cannot be written, or ``""``."""
        path = self.path
        if path is None:
            return _("Choose where to save the file.")
        if path.is_dir():
            return _("Choose a file name, not a folder.")
        if not path.parent.is_dir():
            return _("The folder {path} does not exist.").format(path=path.parent)
        return ""

    def open_problem(self) -> str:
        path = self.path
        if path is None:
            return _("Choose the file to import.")
        if not path.is_file():
            return _("There is no file at {path}.").format(path=path)
        return ""


class PassphrasePair(QWidget):
    """A new passphrase typed twice; messages appear once the coach has typed something."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first = self._line(_("Passphrase for the file"))
        self.second = self._line(_("The same passphrase again"))
        self.first_problem = problem_label()
        self.second_problem = problem_label()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        for widget in (self.first, self.first_problem, self.second, self.second_problem):
            column.addWidget(widget)

    def _line(self, placeholder: str) -> QLineEdit:
        line = QLineEdit()
        line.setEchoMode(QLineEdit.EchoMode.Password)
        line.setPlaceholderText(placeholder)
        line.setAccessibleName(placeholder)
        line.textChanged.connect(self._check)
        return line

    def _check(self) -> None:
        self.problems(show=True)
        self.changed.emit()

    def problems(self, *, show: bool) -> dict[str, str]:
        first, second = self.first.text(), self.second.text()
        found: dict[str, str] = {}
        if len(first) < MIN_PASSPHRASE:
            found["passphrase"] = _("At least {n} characters.").format(n=MIN_PASSPHRASE)
        if first != second:
            found["repeat"] = _("The two passphrases are not the same.")
        if show:
            show_problem(self.first_problem, found.get("passphrase", "") if first else "")
            show_problem(self.second_problem, found.get("repeat", "") if second else "")
        return found

    @property
    def passphrase(self) -> str:
        return self.first.text()

    def wipe(self) -> None:
        self.first.clear()
        self.second.clear()


def done_box(
    parent: QWidget | None, title: str, text: str, detail: str, folder: Path
) -> QMessageBox:
    """An information box with "Show in folder", shown without blocking."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setText(text)
    box.setInformativeText(detail)
    show = box.addButton(_("Show in folder"), QMessageBox.ButtonRole.ActionRole)
    box.setEscapeButton(box.addButton(QMessageBox.StandardButton.Ok))
    opener: Callable[[], bool] = lambda: QDesktopServices.openUrl(  # noqa: E731
        QUrl.fromLocalFile(str(folder))
    )
    show.clicked.connect(opener)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


class ExportingDialog(QDialog):
    """A dialog that ends with a "done" box naming the file written (for one client's export,
    the name is the client's). The box is the dialog's child: the dialog makes way for it and
    is accepted when it closes, closing the dialog closes the box, and ``discard`` (on lock)
    hides both, so no file name stays on screen once the vault is locked. While ``job`` runs,
    closing asks it to stop instead; every way out forgets typed secrets."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.done_message: QMessageBox | None = None
        self.job: LongWork | None = None

    def forget_secrets(self) -> None:
        """Clear typed passphrases (subclasses that ask for one)."""

    def finish_with(self, title: str, text: str, detail: str, folder: Path) -> None:
        self.hide()
        box = done_box(self, title, text, detail, folder)
        box.finished.connect(self._done_message_closed)
        self.done_message = box

    def _done_message_closed(self) -> None:
        self.done_message = None
        self.accept()

    def _close_done_message(self) -> None:
        box, self.done_message = self.done_message, None
        if box is not None:
            box.finished.disconnect(self._done_message_closed)
            box.hide()  # not close(): a message box may refuse that
            box.deleteLater()

    def discard(self) -> None:
        """On lock: hide the dialog and any box it opened; the caller deletes the dialog (a
        running job is stopped by the lock)."""
        self.forget_secrets()
        self._close_done_message()
        self.hide()

    def done(self, result: int) -> None:
        if self.job is not None:
            self.job.cancel()
            return
        self.forget_secrets()
        self._close_done_message()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.job is not None:
            self.job.cancel()
            event.ignore()
            return
        super().closeEvent(event)
