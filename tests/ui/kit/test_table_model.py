"""The kit's table model: records under declared columns, sorted and filtered in Python, read
by a real table view."""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QTableView

from coachdesk.ui.kit.roles import ID_ROLE, ROW_ROLE, SORT_ROLE
from coachdesk.ui.kit.table_model import Column, TableModel

Role = Qt.ItemDataRole
RED = QColor("#b3261e")
NAME, AGE, NOTE = range(3)


@dataclass(frozen=True)
class Pet:
    id: int
    name: str
    age: int | None
    note: str = ""


PETS = [Pet(1, "Rex", 7, "bites"), Pet(2, "Ada", None), Pet(3, "Tom", 3), Pet(4, "Bo", 7)]


def columns() -> tuple[Column[Pet], ...]:
    return (
        Column("Name", attrgetter("name"), sort=lambda p: p.name.casefold()),
        Column(
            "Age",
            lambda p: "" if p.age is None else str(p.age),
            sort=attrgetter("age"),
            alignment=Qt.AlignmentFlag.AlignRight,
        ),
        Column(
            "Note",
            attrgetter("note"),
            tooltip=lambda p: p.note or None,
            colour=lambda p: RED if p.note else None,
            icon=lambda p: QIcon(QPixmap(4, 4)) if p.note else None,
        ),
    )


class OldPets(TableModel[Pet]):
    """A model with a filter, as the client and agreement lists have."""

    def __init__(self) -> None:
        super().__init__(columns(), attrgetter("id"))
        self.minimum_age = 0

    def filtered(self, rows: list[Pet]) -> list[Pet]:
        return [p for p in rows if (p.age or 0) >= self.minimum_age]


def shown(model: TableModel[Pet], column: int = NAME) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def viewed(qtbot, model: TableModel[Pet]) -> QTableView:
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.show()
    return view


def test_cells_read_as_their_columns_declare(qtbot) -> None:
    model = TableModel(columns(), attrgetter("id"))
    model.set_rows(PETS)
    assert (model.rowCount(), model.columnCount()) == (4, 3)
    assert model.rowCount(model.index(0, 0)) == 0  # a table: no children
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
    assert headers == ["Name", "Age", "Note"]
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    rex, ada = model.index(0, NOTE), model.index(1, NOTE)
    assert rex.data() == "bites"
    assert rex.data(Role.ToolTipRole) == "bites"
    assert ada.data(Role.ToolTipRole) is None
    assert rex.data(Role.ForegroundRole) == RED
    assert ada.data(Role.ForegroundRole) is None
    assert isinstance(rex.data(Role.DecorationRole), QIcon)
    assert model.index(0, AGE).data(Role.TextAlignmentRole) == int(Qt.AlignmentFlag.AlignRight)
    assert model.index(0, NAME).data(Role.TextAlignmentRole) is None
    assert model.index(1, AGE).data(SORT_ROLE) is None
    assert model.index(1, NAME).data(SORT_ROLE) == "ada"
    assert model.index(0, NOTE).data(SORT_ROLE) == "bites"  # no sort given: the text sorts
    assert model.index(2, AGE).data(ID_ROLE) == 3
    assert model.index(2, AGE).data(ROW_ROLE) == PETS[2]
    assert model.data(QModelIndex()) is None
    assert model.row_at(3) == PETS[3]
    assert model.row_at(4) is None
    assert model.row_of(4) == 3
    assert model.row_of(99) is None


def test_new_rows_reset_the_view(qtbot) -> None:
    model = TableModel(columns(), attrgetter("id"))
    view = viewed(qtbot, model)
    model.set_rows(PETS)
    view.setCurrentIndex(model.index(2, 0))
    with qtbot.waitSignal(model.modelReset):
        model.set_rows(PETS[:2])
    assert shown(model) == ["Rex", "Ada"]
    assert not view.currentIndex().isValid()
    model.clear()
    assert model.rowCount() == 0
    assert model.loaded == []


def test_sorting_puts_empty_values_last_and_keeps_ties_in_given_order(qtbot) -> None:
    model = TableModel(columns(), attrgetter("id"))
    view = viewed(qtbot, model)
    model.set_rows(PETS)
    view.setSortingEnabled(True)
    view.sortByColumn(AGE, Qt.SortOrder.AscendingOrder)
    assert shown(model) == ["Tom", "Rex", "Bo", "Ada"]
    view.sortByColumn(AGE, Qt.SortOrder.DescendingOrder)
    assert shown(model) == ["Rex", "Bo", "Tom", "Ada"]
    model.set_rows(reversed(PETS))  # new rows keep the sort; ties in their new given order
    assert shown(model) == ["Bo", "Rex", "Tom", "Ada"]
    model.sort(-1)  # Qt's "no sort column": the given order
    assert shown(model) == ["Bo", "Tom", "Ada", "Rex"]


def test_selection_stays_on_its_record_across_a_sort(qtbot) -> None:
    model = TableModel(columns(), attrgetter("id"))
    view = viewed(qtbot, model)
    model.set_rows(PETS)
    view.selectRow(model.row_of(3))  # Tom
    with qtbot.waitSignal(model.layoutChanged):
        model.sort(NAME, Qt.SortOrder.DescendingOrder)
    assert shown(model) == ["Tom", "Rex", "Bo", "Ada"]
    assert view.currentIndex().data(ID_ROLE) == 3
    selected = view.selectionModel().selectedRows()
    assert [index.data(ID_ROLE) for index in selected] == [3]


def test_a_filter_narrows_the_rows_and_the_sort_covers_hidden_ones(qtbot) -> None:
    model = OldPets()
    viewed(qtbot, model)
    model.set_rows(PETS)
    model.minimum_age = 5
    with qtbot.waitSignal(model.modelReset):
        model.refilter()
    assert shown(model) == ["Rex", "Bo"]
    assert model.row_of(3) is None  # Tom is loaded, not shown
    assert [p.id for p in model.loaded] == [1, 2, 3, 4]
    model.sort(NAME, Qt.SortOrder.AscendingOrder)
    assert shown(model) == ["Bo", "Rex"]
    model.minimum_age = 0
    model.refilter()
    assert shown(model) == ["Ada", "Bo", "Rex", "Tom"]
