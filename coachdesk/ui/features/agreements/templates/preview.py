"""The live preview of a template: the agreement it makes, rendered a moment after typing stops.

Rendering runs on a worker; a result that arrives after newer text was asked for is dropped, so
the pages always show the latest text. While the template cannot render (an unknown placeholder)
the last good pages stay and a note says why they are not updating. Keeps the scroll position,
so the coach sees the part they are editing.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget
from shiboken6 import isValid

from coachdesk.i18n import _
from coachdesk.model import EngagementKind
from coachdesk.services.agreements import templates as agreement_templates
from coachdesk.services.engagements import engagements
from coachdesk.services.people import profile
from coachdesk.ui.kit import look
from coachdesk.ui.kit.errors import user_message
from coachdesk.ui.kit.practice import Practice
from coachdesk.ui.pdf.preview import PdfPreview

DEBOUNCE_MS = 600
MAX_ENGAGEMENTS = 300  # the newest; enough to pick a real example from


class TemplatePreview(QWidget):
    """``show_text(body, kind)`` asks for a preview; the newest request wins."""

    def __init__(self, practice: Practice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.practice = practice
        self._body = ""
        self._kind = EngagementKind.COACHING
        self._asked = 0
        self._shown = 0
        self._running = 0  # the ticket being rendered; one render at a time (0: none)
        self._waiting = False  # the text has problems: keep the last pages
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self._render)
        self.source = QComboBox()
        self.source.setObjectName("previewSource")
        self.source.setMinimumContentsLength(24)
        self.source.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.source.activated.connect(self._source_chosen)
        self.status = look.note("")
        self.status.setObjectName("previewStatus")
        self.pdf = PdfPreview(self)
        label = QLabel(_("Preview with:"))
        label.setBuddy(self.source)
        top = QHBoxLayout()
        top.setContentsMargins(look.SPACING, look.SPACING // 2, look.SPACING, 0)
        top.addWidget(label)
        top.addWidget(self.source, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        status_row = QHBoxLayout()
        status_row.setContentsMargins(look.SPACING, 0, look.SPACING, 0)
        status_row.addWidget(self.status)
        layout.addLayout(status_row)
        layout.addWidget(self.pdf, 1)
        self._fill_sources([])
        self._say("")

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def load_sources(self) -> None:
        """Offer the newest engagements as examples, after the made-up client."""
        self.practice.read(
            lambda db: engagements.list_engagements(db)[:MAX_ENGAGEMENTS],
            self._fill_sources,
            lambda _exc: None,  # the made-up client still previews
            parent=self,
        )

    def _fill_sources(self, rows: list[Any]) -> None:
        if not isValid(self):
            return
        current = self.source.currentData()
        self.source.clear()
        self.source.addItem(_("A made-up client (Sam Example)"), None)
        for row in rows:
            self.source.addItem(
                f"{row.client_name} – {row.title}" if row.title else row.client_name, row.id
            )
        index = self.source.findData(current)
        self.source.setCurrentIndex(max(0, index))

    def _source_chosen(self, _index: int) -> None:
        self.refresh_now()

    def engagement_id(self) -> int | None:
        value = self.source.currentData()
        return int(value) if value is not None else None

    def show_text(self, body: str, kind: EngagementKind, problems: list[str]) -> None:
        """Ask for a preview of ``body`` soon; with ``problems`` the last pages stay."""
        self._body, self._kind = body, kind
        self._asked += 1
        self._waiting = bool(problems)
        if problems:
            self._timer.stop()
            self._say(_("The preview waits until the template is fixed."))
            return
        self._say("")
        self._timer.start()

    def refresh_now(self) -> None:
        self._asked += 1
        self._timer.stop()
        if not self._waiting:
            self._render()

    def is_current(self) -> bool:
        """The pages show the latest text asked for (tests wait on this)."""
        return self._shown == self._asked and not self._timer.isActive()

    def _render(self) -> None:
        """Render the latest text; while one render runs, the next waits for it to finish."""
        if self._running or self.practice.vault is None:
            return
        ticket, body, kind, engagement_id = (
            self._asked,
            self._body,
            self._kind,
            self.engagement_id(),
        )

        def work(db: Any) -> bytes:
            return agreement_templates.preview_pdf(
                db, body, kind, engagement_id, profile.coach_today(db)
            )

        self._running = ticket
        self.practice.read(
            work, lambda pdf: self._rendered(ticket, pdf), lambda exc: self._failed(ticket, exc)
        )

    def _settled(self, ticket: int) -> bool:
        """After a render: True if it is still the latest, else start the next one."""
        if not isValid(self):
            return False
        self._running = 0
        if ticket == self._asked:
            return True
        if not self._waiting and not self._timer.isActive():
            self._render()
        return False

    def _rendered(self, ticket: int, pdf: bytes) -> None:
        if not self._settled(ticket):
            return
        bar = self.pdf.scroll.verticalScrollBar()
        where = bar.value()
        self.pdf.set_pdf(pdf, _("Agreement template preview"))
        bar.setValue(where)
        self._shown = ticket
        self._say("")

    def _failed(self, ticket: int, exc: BaseException) -> None:
        if not self._settled(ticket):
            return
        self._shown = ticket
        self._say(user_message(exc))

    def clear(self) -> None:
        """On lock: no example client's name or data stays on screen."""
        self._timer.stop()
        self._asked += 1
        self._running = 0  # a render in flight is cancelled with the vault's work
        self._fill_sources([])
        self._say("")
        if self.pdf.pdf_bytes:  # a fresh, empty preview in place of the filled one
            fresh = PdfPreview(self)
            self.layout().replaceWidget(self.pdf, fresh)
            self.pdf.deleteLater()
            self.pdf = fresh
