"""The page base over a real vault: stale until shown, one read for a burst of change notices,
only the latest answer shown, and ``refreshed`` once the new data is on screen.

Reads are held at a gate (a ``threading.Event``) so that answers arrive in the order a test
needs, as they do on a loaded machine.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coachdesk.errors import InvalidInput
from coachdesk.model import Client
from coachdesk.ui.kit.latest import Latest
from coachdesk.ui.kit.page import Page
from coachdesk.ui.kit.practice import Practice
from coachdesk.vault import Vault
from tests.services.factories import client

WAIT_MS = 10_000


class ClientCount(Page):
    """The smallest page: how many clients the vault holds. A read waits at ``gate`` if set,
    and fails if ``fail`` is."""

    def __init__(self, practice: Practice, parent: QWidget | None = None) -> None:
        super().__init__(practice, parent)
        self.shown: list[int] = []
        self.errors: list[str] = []
        self.reads = 0
        self.gate: threading.Event | None = None
        self.fail = False

    def _load(self) -> None:
        self.reads += 1
        gate, fail = self.gate, self.fail

        def work(db: Session) -> int:
            if gate is not None:
                gate.wait(WAIT_MS / 1000)
            if fail:
                raise InvalidInput("the vault could not be read")
            return db.scalar(select(func.count()).select_from(Client)) or 0

        self._read(work, self.shown.append, lambda exc: self.errors.append(str(exc)))

    def clear(self) -> None:
        self._forget()
        self.shown.clear()


@pytest.fixture
def practice(open_vault: Vault) -> Iterator[Practice]:
    pool = QThreadPool.globalInstance()
    threads = pool.maxThreadCount()
    pool.setMaxThreadCount(max(threads, 2))  # a read held at its gate must not hold the next
    p = Practice(open_vault)
    yield p
    p.finish()
    pool.setMaxThreadCount(threads)


@pytest.fixture
def page(qtbot, practice: Practice) -> ClientCount:
    made = ClientCount(practice)
    qtbot.addWidget(made)
    return made


def add_client(open_vault: Vault) -> None:
    with open_vault.session() as db, db.begin():
        client(db)


def settle(qtbot, practice: Practice) -> None:
    """Every read started so far has answered (its answer used or dropped)."""
    qtbot.waitUntil(lambda: not practice.tasks.busy, timeout=WAIT_MS)


def test_a_hidden_page_reads_once_shown_and_once_for_a_burst_of_changes(
    qtbot, page: ClientCount, practice: Practice, open_vault: Vault
) -> None:
    for _notice in range(3):
        page.mark_stale()
    QApplication.processEvents()  # where a shown page would start reading
    assert page.reads == 0  # nobody looks: nothing read
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.show()
    assert page.shown == [0]

    add_client(open_vault)
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        for _notice in range(3):  # e.g. a write announcing clients, then sessions, then goals
            page.mark_stale()
    settle(qtbot, practice)
    assert page.shown == [0, 1]
    assert page.reads == 2


def test_an_answer_to_an_older_request_is_dropped(
    qtbot, page: ClientCount, practice: Practice, open_vault: Vault
) -> None:
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.show()
    emitted: list[bool] = []
    page.refreshed.connect(lambda: emitted.append(True))
    held = page.gate = threading.Event()
    page.refresh()  # reads 0 clients, then waits at the gate
    add_client(open_vault)
    page.gate = None
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.refresh()  # reads 1 and answers first
    assert page.shown == [0, 1]
    held.set()
    settle(qtbot, practice)
    assert page.shown == [0, 1]  # the older answer, arriving last, is not shown
    assert emitted == [True]


def test_a_read_from_before_a_change_is_dropped(
    qtbot, page: ClientCount, practice: Practice, open_vault: Vault
) -> None:
    held = page.gate = threading.Event()
    page.refresh()  # while hidden: it reads 0 clients, then waits
    add_client(open_vault)
    page.mark_stale()  # the change notice comes while that read is still out
    held.set()
    settle(qtbot, practice)
    assert page.shown == []
    page.gate = None
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.show()
    assert page.shown == [1]


def test_answers_after_clear_or_after_the_page_is_gone_are_dropped(
    qtbot, practice: Practice, page: ClientCount, open_vault: Vault
) -> None:
    add_client(open_vault)
    held = page.gate = threading.Event()
    page.refresh()
    page.clear()  # the app locks
    held.set()
    settle(qtbot, practice)
    assert page.shown == []

    gone = ClientCount(practice)
    shown = gone.shown
    held = gone.gate = threading.Event()
    gone.refresh()
    gone.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    held.set()
    settle(qtbot, practice)
    assert shown == []


def test_an_error_is_shown_only_for_the_latest_request(
    qtbot, page: ClientCount, practice: Practice
) -> None:
    held = page.gate = threading.Event()
    page.fail = True
    page.refresh()
    page.gate, page.fail = None, False
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.refresh()
    held.set()
    settle(qtbot, practice)
    assert (page.shown, page.errors) == ([0], [])  # the older request failed late: dropped

    page.fail = True
    page.refresh()
    settle(qtbot, practice)
    assert page.errors == ["the vault could not be read"]
    assert page.shown == [0]


class CountThenNames(Page):
    """A refresh in two steps: the count, then (once the count is shown) the names."""

    def __init__(self, practice: Practice) -> None:
        super().__init__(practice)
        self.shown: list[object] = []

    def _load(self) -> None:
        self._read(lambda db: db.scalar(select(func.count()).select_from(Client)), self._counted)

    def _counted(self, count: int) -> None:
        self.shown.append(count)
        self._read(lambda db: list(db.scalars(select(Client.display_name))), self.shown.append)


def test_refreshed_waits_for_every_step_of_a_refresh(
    qtbot, practice: Practice, open_vault: Vault
) -> None:
    add_client(open_vault)
    page = CountThenNames(practice)
    qtbot.addWidget(page)
    emitted: list[list[object]] = []
    page.refreshed.connect(lambda: emitted.append(list(page.shown)))
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.show()
    settle(qtbot, practice)
    assert len(emitted) == 1
    assert emitted[0][0] == 1
    assert len(emitted[0][1]) == 1  # the names were on screen when it was said


def test_latest_holds_only_the_newest_request_of_a_living_owner(qapp) -> None:
    owner = QWidget()
    latest = Latest(owner)
    first = latest.start()
    second = latest.start()
    assert not latest.holds(first)
    assert latest.holds(second)
    latest.drop()
    assert not latest.holds(second)
    third = latest.start()
    owner.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not latest.holds(third)
