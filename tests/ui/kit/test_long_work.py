"""Long work off the GUI thread: the bar follows the work, Cancel stops it and leaves nothing."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from coachdesk.errors import InvalidInput
from coachdesk.ui.kit.long_work import STEPS, LongWork, Progress, ProgressDialog
from coachdesk.ui.kit.tasks import Tasks
from coachdesk.vault import Vault
from tests.vault.test_encryption import write_marker

WAIT_MS = 10_000


class Outcome:
    """What the job reported back on the GUI thread."""

    def __init__(self) -> None:
        self.results: list[object] = []
        self.errors: list[BaseException] = []
        self.cancelled = 0

    def done(self, result: object) -> None:
        self.results.append(result)

    def failed(self, exc: BaseException) -> None:
        self.errors.append(exc)

    def stopped(self) -> None:
        self.cancelled += 1

    @property
    def ended(self) -> bool:
        return bool(self.results or self.errors or self.cancelled)


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def progress_dialogs(window: QWidget) -> list[ProgressDialog]:
    return [d for d in window.findChildren(ProgressDialog) if d.isVisible()]


def start(job: LongWork, work: object, outcome: Outcome) -> None:
    job.start(work, outcome.done, outcome.failed, outcome.stopped)  # type: ignore[arg-type]


def test_the_bar_follows_a_job_that_reports_progress(qtbot: QtBot, window: QWidget) -> None:
    halfway, finish = threading.Event(), threading.Event()

    def work(progress: Progress) -> str:
        for done in range(5):
            progress(done * 1_000_000, 10_000_000)
        halfway.set()
        finish.wait(WAIT_MS / 1000)
        progress(10_000_000, 10_000_000)
        return "written"

    job = LongWork(Tasks(window), "Export", "Exporting…", window)
    outcome = Outcome()
    start(job, work, outcome)
    bar = job.dialog.bar
    assert progress_dialogs(window) == [job.dialog]
    qtbot.waitUntil(
        lambda: bar.maximum() == STEPS and bar.value() == STEPS * 4 // 10, timeout=WAIT_MS
    )
    assert halfway.is_set()
    assert outcome.results == []

    finish.set()
    qtbot.waitUntil(lambda: outcome.ended, timeout=WAIT_MS)
    assert outcome.results == ["written"]
    assert not progress_dialogs(window)
    assert not job.active


def test_an_unknown_length_shows_a_busy_bar(qtbot: QtBot, window: QWidget) -> None:
    release = threading.Event()

    def work(progress: Progress) -> None:
        progress(0, 0)
        release.wait(WAIT_MS / 1000)

    job = LongWork(Tasks(window), "Back up", "Backing up…", window)
    outcome = Outcome()
    start(job, work, outcome)
    assert (job.dialog.bar.minimum(), job.dialog.bar.maximum()) == (0, 0)
    release.set()
    qtbot.waitUntil(lambda: outcome.ended, timeout=WAIT_MS)
    assert outcome.results == [None]


def test_cancel_stops_the_work_at_its_next_report(qtbot: QtBot, window: QWidget) -> None:
    reports: list[int] = []

    def work(progress: Progress) -> str:
        for done in range(1_000_000):
            progress(done, 1_000_000)
            reports.append(done)
            threading.Event().wait(0.001)
        return "finished anyway"

    job = LongWork(Tasks(window), "Export", "Exporting…", window)
    outcome = Outcome()
    start(job, work, outcome)
    qtbot.waitUntil(lambda: len(reports) > 3, timeout=WAIT_MS)
    qtbot.mouseClick(job.dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert "Stopping" in job.dialog.detail.text()
    assert not job.dialog.cancel_button.isEnabled()

    qtbot.waitUntil(lambda: outcome.ended, timeout=WAIT_MS)
    assert outcome.cancelled == 1
    assert outcome.results == []
    assert outcome.errors == []
    assert len(reports) < 1_000_000


def test_an_error_comes_back_on_the_gui_thread(qtbot: QtBot, window: QWidget) -> None:
    def work(progress: Progress) -> None:
        progress(1, 2)
        raise InvalidInput("The folder is full.")

    job = LongWork(Tasks(window), "Export", "Exporting…", window)
    outcome = Outcome()
    start(job, work, outcome)
    qtbot.waitUntil(lambda: outcome.ended, timeout=WAIT_MS)
    assert [str(e) for e in outcome.errors] == ["The folder is full."]
    assert not progress_dialogs(window)


def test_cancelling_a_real_backup_leaves_no_partial_file(
    qtbot: QtBot, window: QWidget, open_vault: Vault, tmp_path: Path
) -> None:
    for i in range(200):
        write_marker(open_vault, f"k{i}")
    out = tmp_path / "out"
    out.mkdir()
    cancel_pressed = threading.Event()

    def work(progress: Progress) -> Path:
        cancel_pressed.wait(WAIT_MS / 1000)  # the user is quicker than this backup
        return open_vault.backup(out / "stopped", progress)

    job = LongWork(Tasks(window), "Back up", "Backing up…", window)
    outcome = Outcome()
    start(job, work, outcome)
    qtbot.mouseClick(job.dialog.cancel_button, Qt.MouseButton.LeftButton)
    cancel_pressed.set()

    qtbot.waitUntil(lambda: outcome.ended, timeout=WAIT_MS)
    assert outcome.cancelled == 1
    assert list(out.iterdir()) == []
    assert open_vault.integrity_problems() == []


def test_escape_asks_to_cancel_and_the_dialog_waits_for_the_work(
    qtbot: QtBot, window: QWidget
) -> None:
    started, stopped = threading.Event(), threading.Event()

    def work(progress: Progress) -> None:
        started.set()
        while True:
            progress(0, 0)
            threading.Event().wait(0.005)

    job = LongWork(Tasks(window), "Import", "Importing…", window)
    outcome = Outcome()
    job.start(work, outcome.done, outcome.failed, lambda: (stopped.set(), outcome.stopped()))
    assert started.wait(WAIT_MS / 1000)
    qtbot.keyClick(job.dialog, Qt.Key.Key_Escape)
    assert job.cancelled
    qtbot.waitUntil(lambda: outcome.ended, timeout=WAIT_MS)
    assert stopped.is_set()
    assert not progress_dialogs(window)


def test_cancel_all_stops_every_job_before_the_vault_closes(qtbot: QtBot, window: QWidget) -> None:
    stopped_at: list[int] = []

    def work(progress: Progress) -> None:
        for done in range(1_000_000):
            try:
                progress(done, 1_000_000)
            except BaseException:
                stopped_at.append(done)
                raise
            threading.Event().wait(0.001)

    tasks = Tasks(window)
    jobs = [LongWork(tasks, "Export", "Exporting…", window) for _ in range(2)]
    outcome = Outcome()
    for job in jobs:
        start(job, work, outcome)

    LongWork.cancel_all()
    tasks.wait()

    assert len(stopped_at) == 2
    assert not LongWork.running
    assert not progress_dialogs(window)
    qtbot.wait(50)
    assert not outcome.ended, "nobody is called back once the vault is closing"
