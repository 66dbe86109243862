"""Today lists the unanswered subject access requests with their deadline, overdue in red."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from coachdesk import vault
from coachdesk.services.rights import requests
from coachdesk.ui.features.today.today_page import TodayPage
from coachdesk.ui.kit import look
from coachdesk.ui.kit.practice import Practice
from tests.conftest import PASSPHRASE
from tests.services import factories as make

NOW = datetime(2026, 12, 4, 10, 0, tzinfo=UTC)


@pytest.fixture
def practice(vault_dir: Path) -> Iterator[Practice]:
    opened = vault.open(vault_dir, passphrase=PASSPHRASE)
    with opened.session() as db, db.begin():
        zoe = make.client(db, "Zoë Okafor")
        ben = make.client(db, "Ben Carter")
        requests.record_access_request(db, zoe, date(2026, 11, 20), "by email")
        requests.record_access_request(db, ben, date(2026, 10, 30))
        done = requests.record_access_request(db, ben, date(2026, 10, 1))
        requests.answer_access_request(db, done, date(2026, 10, 15))
    made = Practice(opened)
    made.load_zone()
    yield made
    made.finish()
    opened.close()


def test_open_requests_show_their_deadline_and_overdue_ones_stand_out(
    qtbot, practice: Practice
) -> None:
    page = TodayPage(practice, clock=lambda: NOW)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.show()
    section = page.sections["access"]
    cells = [line.cells for line in section.model.lines]
    assert cells == [
        ("Access request from Ben Carter", "4 days overdue"),
        ("Access request from Zoë Okafor", "due 20 Dec"),
    ]
    late, on_time = (section.model.index(row, 0) for row in (0, 1))
    assert late.data(Qt.ItemDataRole.ForegroundRole) == look.colour(look.Colour.DANGER)
    assert on_time.data(Qt.ItemDataRole.ForegroundRole) is None
    assert section.heading.text() == "Access requests · 2"
