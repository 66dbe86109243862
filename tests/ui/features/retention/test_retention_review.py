"""The retention review, opened from Today: clients past the period listed, then kept with a
reason, anonymised or erased, each confirmed, and the list reloaded after each answer."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from coachdesk.model import Client
from coachdesk.ui.features.retention.keep_dialog import KeepDialog
from coachdesk.ui.features.retention.review_dialog import RetentionDialog
from coachdesk.ui.kit.confirm_by_name import ConfirmByNameDialog
from coachdesk.ui.shell.main_window import MainWindow
from tests.services.factories import client, session

WAIT_MS = 10_000


@pytest.fixture
def review(qtbot, window: MainWindow) -> RetentionDialog:
    assert window.vault is not None
    with window.vault.session() as db, db.begin():
        for name, year in (("Ada Old", 2014), ("Bea Older", 2012), ("Cy Oldest", 2010)):
            session(db, client(db, name), datetime(year, 3, 2, 9, tzinfo=UTC))
        session(db, client(db, "Dee Recent"), datetime.now(UTC))
    qtbot.mouseClick(window.today_page.retention_button, Qt.MouseButton.LeftButton)
    dialog = window.retention
    assert isinstance(dialog, RetentionDialog)
    with qtbot.waitSignal(dialog.refreshed, timeout=WAIT_MS):
        pass
    return dialog


def names(dialog: RetentionDialog) -> list[str]:
    return [row.name for row in dialog.model.rows]


def choose(dialog: RetentionDialog, name: str) -> None:
    dialog.table.setCurrentIndex(dialog.model.index(names(dialog).index(name), 0))


def test_review_lists_the_old_records_and_each_answer_takes_one_off(
    qtbot, window: MainWindow, review: RetentionDialog
) -> None:
    assert names(review) == ["Cy Oldest", "Bea Older", "Ada Old"]
    choose(review, "Ada Old")
    keep = review.keep()
    assert isinstance(keep, KeepDialog)
    qtbot.keyClicks(keep.reason, "A complaint is open.")
    with qtbot.waitSignal(review.refreshed, timeout=WAIT_MS):
        keep.save()
    assert names(review) == ["Cy Oldest", "Bea Older"]

    choose(review, "Bea Older")
    anonymise = review.anonymise()
    assert isinstance(anonymise, ConfirmByNameDialog)
    qtbot.keyClicks(anonymise.typed, "Bea Older")
    with qtbot.waitSignal(review.refreshed, timeout=WAIT_MS):
        qtbot.mouseClick(anonymise.confirm_button, Qt.MouseButton.LeftButton)
    assert names(review) == ["Cy Oldest"]

    erase = review.erase()
    assert isinstance(erase, ConfirmByNameDialog)
    qtbot.keyClicks(erase.typed, "Cy Oldest")
    with qtbot.waitSignal(review.refreshed, timeout=WAIT_MS):
        qtbot.mouseClick(erase.confirm_button, Qt.MouseButton.LeftButton)
    assert names(review) == []
    assert review.summary.text() == "No client is past the retention period."
    assert window.vault is not None
    with window.vault.session() as db:
        kept = {c.display_name: c for c in db.query(Client)}
    assert set(kept) == {"Ada Old", "Dee Recent", next(n for n in kept if "Anonymised" in n)}
    assert kept["Ada Old"].retention_reason == "A complaint is open."


def test_keep_names_a_missing_reason(qtbot, review: RetentionDialog) -> None:
    keep = review.keep()
    assert keep is not None
    keep.save()
    qtbot.waitUntil(lambda: keep.errors["reason"].isVisibleTo(keep), timeout=WAIT_MS)
    assert keep.errors["reason"].text() == "This field is required."


def test_a_lock_closes_the_review(qtbot, window: MainWindow, review: RetentionDialog) -> None:
    window.locking.lock()
    assert window.vault is None
    assert review.model.rows == []
