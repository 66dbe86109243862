"""The rows of a Today section: already worded on the worker, so the model only shows them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from operator import attrgetter

from PySide6.QtCore import QObject

from coachdesk.ui.kit import look
from coachdesk.ui.kit.table_model import Column, TableModel


@dataclass(frozen=True, slots=True)
class Line:
    """One row as shown: the ids it acts on and its worded cells."""

    id: int
    client_id: int
    cells: tuple[str, ...]
    starts_at: datetime | None = None
    alert: bool = False  # past its deadline: painted in the warning colour


def cell_column(n: int) -> Column[Line]:
    """The ``n``-th cell, its full text as tooltip (the columns are narrow)."""
    return Column(
        "",
        lambda line: line.cells[n],
        tooltip=lambda line: line.cells[n],
        colour=lambda line: look.colour(look.Colour.DANGER) if line.alert else None,
    )


class LinesModel(TableModel[Line]):
    """A short list of ``Line``s, as many columns as they have cells (none while empty)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((), attrgetter("id"), parent)

    @property
    def lines(self) -> list[Line]:
        return self.rows

    def set_rows(self, rows: Iterable[Line]) -> None:
        lines = list(rows)
        self.columns = tuple(cell_column(n) for n in range(len(lines[0].cells) if lines else 0))
        super().set_rows(lines)

    set_lines = set_rows  # the Today page's word for it
