"""Help → About CoachDesk: the version, what the app is, and the licences of what it is built on."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coachdesk import __version__
from coachdesk.i18n import _
from coachdesk.ui.features.help.licences import libraries
from coachdesk.ui.kit import look

COLUMNS = (lambda: _("Library"), lambda: _("Version"), lambda: _("Licence"), lambda: _("Used for"))


class AboutDialog(QDialog):
    """A scrollable table of libraries, one row each, below the app's name and version."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("About CoachDesk"))
        self.setWindowIcon(look.app_icon())
        icon = QLabel()
        icon.setPixmap(look.app_icon().pixmap(64, 64))
        title = look.heading(_("CoachDesk {version}").format(version=__version__))
        title.setObjectName("aboutTitle")
        blurb = look.note(
            _(
                "A private practice manager for independent coaches and mentors: clients, "
                "engagements, agreements, session notes, goals and follow-ups, kept encrypted "
                "on this computer and usable offline."
            )
        )
        heading = QVBoxLayout()
        heading.addWidget(title)
        heading.addWidget(blurb)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(heading, 1)
        self.table = self._table()
        credit = look.note(
            _(
                "CoachDesk is built on these libraries and parts, each under its own licence. "
                "Qt and PySide6 are used under the GNU LGPL version 3; you may replace them "
                "with your own build."
            )
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(look.SPACING)
        layout.addLayout(top)
        layout.addWidget(credit)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(900, 600)

    def _table(self) -> QTableWidget:
        rows = libraries()
        table = QTableWidget(len(rows), len(COLUMNS))
        table.setObjectName("licences")
        table.setHorizontalHeaderLabels([label() for label in COLUMNS])
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        for row, library in enumerate(rows):
            values = (library.name, library.version or "—", library.licence, library.purpose)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                table.setItem(row, column, item)
        header = table.horizontalHeader()
        for column in range(len(COLUMNS) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        return table

    def licences(self) -> dict[str, str]:
        """Library name -> licence, as shown."""
        return {
            self.table.item(row, 0).text(): self.table.item(row, 2).text()
            for row in range(self.table.rowCount())
        }
