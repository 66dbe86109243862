"""The shared notes as the coach's template lays them out (GROW, OSCAR or one free box), and the
private notes in a visibly different frame that says they never leave the vault.

Every template's boxes are built once, in order, so Tab walks the visible ones without any tab
order bookkeeping; switching template moves the text across (``note_format.convert``), never
dropping a word.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from coachdesk import words
from coachdesk.i18n import _
from coachdesk.model import NoteTemplate
from coachdesk.services.sessions.note_format import convert, section_titles
from coachdesk.ui.features.notes.actions_box import subheading
from coachdesk.ui.features.notes.templates import section_hints
from coachdesk.ui.kit import look

TEMPLATES = (NoteTemplate.GROW, NoteTemplate.OSCAR, NoteTemplate.FREE)


def text_box(name: str, placeholder: str = "") -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setAccessibleName(name)
    box.setPlaceholderText(placeholder)
    box.setMinimumHeight(44)
    return box


class Padlock(QWidget):
    """A small padlock, drawn (icon themes are missing on many systems) in the warning colour
    of the palette it is painted with, so it follows a theme change."""

    def __init__(self, size: int = 16, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedSize(size, size)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        size, color = self.width(), look.colour(look.Colour.WARNING, self.palette())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(color, max(1.5, size / 9)))
        shackle = QRectF(size * 0.28, size * 0.08, size * 0.44, size * 0.5)
        painter.drawArc(shackle, 0, 180 * 16)
        for x in (shackle.left(), shackle.right()):
            painter.drawLine(QPointF(x, size * 0.33), QPointF(x, size * 0.45))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawRoundedRect(QRectF(size * 0.16, size * 0.44, size * 0.68, size * 0.5), 2, 2)
        painter.end()


class SectionsBox(QWidget):
    """Shared notes by template, then the private notes; ``changed`` on any keystroke."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._template = NoteTemplate.GROW
        self.template_combo = QComboBox()
        for template in TEMPLATES:
            self.template_combo.addItem(words.label(template), template.value)
        self.template_combo.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Alt+T reaches it
        self.template_combo.setToolTip(_("The layout of this session's shared notes"))
        self.template_combo.currentIndexChanged.connect(self._template_chosen)
        template_label_widget = QLabel(_("&Template"))
        template_label_widget.setBuddy(self.template_combo)
        template_label_widget.setContentsMargins(0, 0, 4, 0)
        self.boxes: dict[NoteTemplate, list[QPlainTextEdit]] = {}
        self.stack = QStackedWidget()
        for template in TEMPLATES:
            self.stack.addWidget(self._page(template))
        self.private = text_box(
            _("Private notes"), _("Your own observations, hypotheses, reminders to yourself.")
        )
        self.private.textChanged.connect(self.changed.emit)

        head = QHBoxLayout()
        head.addWidget(subheading(_("Shared notes")))
        head.addStretch(1)
        head.addWidget(template_label_widget)
        head.addWidget(self.template_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(head)
        layout.addWidget(look.note(_("Shared with the client in the session summary.")))
        layout.addWidget(self.stack, 3)
        layout.addWidget(self._private_frame(), 1)

    def _page(self, template: NoteTemplate) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        boxes = []
        titles, hints = section_titles(template), section_hints(template)
        for title, hint in zip(titles, hints, strict=True):
            box = text_box(title, hint)
            box.textChanged.connect(self.changed.emit)
            if len(titles) > 1:
                label = QLabel(title)
                font = label.font()
                font.setBold(True)
                label.setFont(font)
                label.setBuddy(box)
                layout.addWidget(label)
            layout.addWidget(box, 1)
            layout.addSpacing(4)
            boxes.append(box)
        self.boxes[template] = boxes
        return page

    def _private_frame(self) -> QFrame:
        frame = QFrame()
        frame.setObjectName("privateNotes")
        look.style_sheet(
            frame,
            "QFrame#privateNotes {{ background: palette(alternate-base);"
            " border: 1px solid {warning}; border-radius: 6px; }}",
        )
        lock = Padlock()
        title = QLabel(_("&Private notes"))
        title.setBuddy(self.private)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        warning = QLabel(_("Private — never printed or shared"))
        look.tint(warning, look.Colour.WARNING)
        head = QHBoxLayout()
        head.setSpacing(6)
        head.addWidget(lock)
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(warning)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.setSpacing(6)
        layout.addLayout(head)
        layout.addWidget(self.private, 1)
        where = look.note(
            _(
                "Never in a document or in a client's copy of their data. Your encrypted "
                "export of the practice keeps them, to move to a new computer; a plain one "
                "only if you ask."
            )
        )
        layout.addWidget(where)
        return frame

    # -- values -----------------------------------------------------------------------------
    def template(self) -> NoteTemplate:
        return self._template

    def texts(self) -> list[str]:
        return [box.toPlainText() for box in self.boxes[self._template]]

    def set_notes(self, template: NoteTemplate, texts: list[str], private: str) -> None:
        """Show ``template`` with ``texts`` in its boxes (the other templates' boxes emptied)."""
        self._show_template(template)
        for each, boxes in self.boxes.items():
            for i, box in enumerate(boxes):
                value = texts[i] if each is template and i < len(texts) else ""
                if box.toPlainText() != value:
                    box.setPlainText(value)
        if self.private.toPlainText() != private:
            self.private.setPlainText(private)

    def first_box(self) -> QPlainTextEdit:
        return self.boxes[self._template][0]

    def clear(self) -> None:
        for boxes in self.boxes.values():
            for box in boxes:
                box.clear()
        self.private.clear()

    def _show_template(self, template: NoteTemplate) -> None:
        self._template = template
        self.stack.setCurrentIndex(TEMPLATES.index(template))
        self.template_combo.blockSignals(True)
        self.template_combo.setCurrentIndex(TEMPLATES.index(template))
        self.template_combo.blockSignals(False)

    def _template_chosen(self, index: int) -> None:
        new = TEMPLATES[index]
        old = self._template
        if new is old:
            return
        texts = convert(old, new, self.texts())
        self.set_notes(new, texts, self.private.toPlainText())
        self.changed.emit()
