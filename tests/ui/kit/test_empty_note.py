"""The kit's empty note: words over a table its filter emptied, gone when rows come back."""

from __future__ import annotations

from PySide6.QtWidgets import QTableView

from coachdesk.ui.kit.empty_note import EmptyNote
from tests.ui.kit.test_table_model import PETS, OldPets


def test_the_note_follows_the_rows_a_filter_leaves(qtbot) -> None:
    model = OldPets()
    view = QTableView()
    view.setModel(model)
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.show()
    note = EmptyNote(view, lambda: "No pets match." if model.loaded else "")
    assert not note.isVisible(), "nothing loaded: the owner's own empty state speaks"
    model.set_rows(PETS)
    assert not note.isVisible()
    model.minimum_age = 99
    model.refilter()
    assert note.isVisible()
    assert note.text() == "No pets match."
    assert note.geometry().width() == view.viewport().width()
    model.minimum_age = 0
    model.refilter()
    assert not note.isVisible()
