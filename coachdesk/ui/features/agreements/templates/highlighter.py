"""Colours in the template text: placeholders stand out, unknown ones are marked in red, comment
lines are muted and headings bold, so the coach sees the template's shape while typing.
"""

from __future__ import annotations

import re

from PySide6.QtGui import (
    QFont,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication

from coachdesk.documents.templates import PLACEHOLDERS
from coachdesk.ui.kit import look

TAG = re.compile(r"\{\{\s*[#^/]?\s*([^{}]*?)\s*\}\}")


class TemplateHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        palette = QApplication.palette()
        self.placeholder = QTextCharFormat()
        self.placeholder.setForeground(palette.color(QPalette.ColorRole.Link))
        self.unknown = QTextCharFormat()
        unknown = look.colour(look.Colour.DANGER, palette)
        self.unknown.setForeground(unknown)
        self.unknown.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self.unknown.setUnderlineColor(unknown)
        self.comment = QTextCharFormat()
        self.comment.setForeground(palette.color(QPalette.ColorRole.PlaceholderText))
        self.heading = QTextCharFormat()
        self.heading.setFontWeight(QFont.Weight.Bold)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        stripped = text.lstrip()
        if stripped.startswith("%%"):
            self.setFormat(0, len(text), self.comment)
            return
        if stripped.startswith(("# ", "## ", "@sign ")):
            self.setFormat(0, len(text), self.heading)
        for match in TAG.finditer(text):
            known = match.group(1) in PLACEHOLDERS
            style = self.placeholder if known else self.unknown
            self.setFormat(match.start(), match.end() - match.start(), style)
