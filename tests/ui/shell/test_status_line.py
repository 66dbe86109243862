"""The status bar and the Vault view show the last backup in the coach's time zone, named where
this computer's clock reads otherwise: one zone everywhere."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, QTime

from coachdesk import vault
from coachdesk.services.people import profile
from coachdesk.services.people.profile import ProfileFields
from coachdesk.ui.features.vault.vault_page import format_when
from coachdesk.ui.shell.main_window import MainWindow
from tests.conftest import PASSPHRASE

COACH = ZoneInfo("Pacific/Kiritimati")  # UTC+14
COMPUTER = "Pacific/Pago_Pago"  # UTC-11: a day and an hour behind the coach


@pytest.fixture
def far_computer(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This process's local time is Pago Pago's, as on a computer set to another zone."""
    monkeypatch.setenv("TZ", COMPUTER)
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def clock(moment: datetime) -> str:
    return QLocale().toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)


def test_the_last_backup_reads_in_the_coachs_zone_with_its_name(
    qtbot, far_computer: None, vault_dir: Path
) -> None:
    with vault.open(vault_dir, passphrase=PASSPHRASE) as v, v.session() as db, db.begin():
        profile.update_profile(db, ProfileFields(time_zone=COACH.key))
    opened = vault.open(vault_dir, passphrase=PASSPHRASE)
    window = MainWindow(opened)
    qtbot.addWidget(window)
    window.show()
    # the automatic backup after unlock, then the facts that name it
    qtbot.waitUntil(
        lambda: window.facts is not None and window.facts.last_backup is not None, timeout=10_000
    )
    last = window.facts.last_backup
    assert last is not None
    coach_time = last.astimezone(COACH)
    assert coach_time.date() != last.astimezone().date(), "the two zones must disagree on the day"
    expected = f"Today at {clock(coach_time)} Pacific/Kiritimati"
    assert window.status.backup.text() == f"Last backup: {expected}"
    assert window.vault_page.last_backup.text() == expected

    # the coach moves to this computer's zone (as the profile dialog saves it): no name needed
    with window.practice.vault.session() as db, db.begin():  # type: ignore[union-attr]
        profile.update_profile(db, ProfileFields(time_zone=COMPUTER))
    with qtbot.waitSignal(window.practice.zone_changed, timeout=10_000):
        window.practice.load_zone()
    here = last.astimezone(ZoneInfo(COMPUTER))
    assert window.status.backup.text() == f"Last backup: Today at {clock(here)}"
    assert window.vault_page.last_backup.text() == f"Today at {clock(here)}"
    window.vault.close()  # type: ignore[union-attr]


def test_the_zone_is_named_only_where_it_could_mislead(far_computer: None) -> None:
    moment = datetime(2026, 12, 3, 20, 0, tzinfo=UTC)
    here = ZoneInfo(COMPUTER)
    assert format_when(moment, here, moment) == f"Today at {clock(moment.astimezone(here))}"
    assert format_when(moment, COACH, moment) == f"Today at {clock(moment.astimezone(COACH))} " + (
        "Pacific/Kiritimati"
    )
