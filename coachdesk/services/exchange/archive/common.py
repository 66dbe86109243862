"""What the archive modules share: the progress callback, summaries, the unreadable file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from coachdesk.errors import InvalidInput

Progress = Callable[[int, int], None]
"""Called with (done, total) as work advances; it may raise ``Cancelled`` to stop the work."""

TICK_ROWS = 500


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    counts: dict[str, int]
    encrypted: bool
    private_notes: bool  # whether the coach's private notes (and note drafts) are in it


@dataclass(frozen=True)
class ImportSummary:
    counts: dict[str, int]


class ArchiveUnreadable(InvalidInput):
    """The file is not a CoachDesk export, or it is damaged; nothing was imported."""


class Ticker:
    """Reports progress every ``TICK_ROWS`` steps, and always at the end."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress = progress
        self.total = total
        self.done = 0
        self._reported = 0

    def start(self) -> None:
        if self.progress is not None:
            self.progress(0, self.total)

    def step(self, count: int = 1) -> None:
        self.done += count
        if self.progress is not None and self.done - self._reported >= TICK_ROWS:
            self._reported = self.done
            self.progress(self.done, self.total)

    def finish(self) -> None:
        if self.progress is not None:
            self.progress(self.total, self.total)
