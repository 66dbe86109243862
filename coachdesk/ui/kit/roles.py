"""The item data roles every list and table model shares, so a view reads any model alike."""

from __future__ import annotations

from PySide6.QtCore import Qt

ID_ROLE = Qt.ItemDataRole.UserRole  # what identifies the item: a record id (or a placeholder name)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # the raw comparable value of a cell; None sorts last
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the whole service row (or search hit) behind the item
TITLE_ROLE = Qt.ItemDataRole.UserRole + 3  # a hit's title, drawn apart from its snippet
