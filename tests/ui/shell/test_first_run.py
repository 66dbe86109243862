"""The first run from an empty home to a ready main window, driven through the real dialogs.

``open_interactively`` runs its dialogs modally, as the app does; a timer plays the coach,
acting on whichever dialog is in front once it is in the expected state.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from coachdesk import paths, vault
from coachdesk.services.people import clients, profile
from coachdesk.ui.features.vault.demo_offer import DEMO_CLIENTS, DEMO_FOLDER
from coachdesk.ui.kit.look import settings
from coachdesk.ui.shell.first_run import FirstRunWizard
from coachdesk.ui.shell.main_window import MainWindow
from coachdesk.ui.shell.startup import LAST_FOLDER_KEY, Opened, open_interactively, starting_folder
from coachdesk.ui.shell.welcome import WelcomeDialog
from tests.conftest import FAST_KDF

NEW_PASSPHRASE = "quiet meadow lantern seven"
WAIT_MS = 20_000
Step = tuple[Callable[[QWidget | None], bool], Callable[[QWidget], None]]


class Coach:
    """Plays ``steps`` in order: each acts once its condition holds on the modal in front.

    A failing step or a stall cancels every dialog, so the test fails instead of hanging.
    """

    def __init__(self, steps: list[Step], stall_seconds: float = 30.0) -> None:
        self.steps = list(steps)
        self.error: BaseException | None = None
        self.recovery_key = ""
        self._deadline = time.monotonic() + stall_seconds
        self._stall = stall_seconds
        self.timer = QTimer()
        self.timer.setInterval(25)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        front = QApplication.activeModalWidget()
        if self.error is not None or time.monotonic() > self._deadline:
            if self.error is None:
                self.error = TimeoutError(f"stalled before step {len(self.steps)} from the end")
            if isinstance(front, QDialog):
                QDialog.done(front, QDialog.DialogCode.Rejected)
            return
        if not self.steps:
            self.timer.stop()
            return
        condition, action = self.steps[0]
        try:
            if front is not None and condition(front):
                self.steps.pop(0)
                self._deadline = time.monotonic() + self._stall
                action(front)
        except BaseException as exc:  # reported by the test after the dialogs close
            self.error = exc


def on_page(name: str) -> Callable[[QWidget | None], bool]:
    """The wizard shows page ``name`` and is not busy."""

    def check(front: QWidget | None) -> bool:
        return (
            isinstance(front, FirstRunWizard)
            and front.current() is getattr(front, name)
            and front.back_button.isEnabled()
        )

    return check


def creation_steps(qtbot, coach_ref: list[Coach]) -> list[Step]:
    def passphrase(wizard: QWidget) -> None:
        assert isinstance(wizard, FirstRunWizard)
        assert wizard.folder_page.folder() == paths.default_vault_dir()
        wizard.next_button.click()
        page = wizard.passphrase_page
        qtbot.keyClicks(page.first, NEW_PASSPHRASE)
        qtbot.keyClicks(page.second, NEW_PASSPHRASE)
        assert wizard.next_button.text() == "Create vault"
        wizard.next_button.click()

    def keep_key(wizard: QWidget) -> None:
        assert isinstance(wizard, FirstRunWizard)
        coach_ref[0].recovery_key = wizard.recovery_page.key.text()
        assert wizard.recovery_page.print_button.isVisible()
        wizard.recovery_page.confirm.setChecked(True)
        wizard.next_button.click()

    def fill_profile(wizard: QWidget) -> None:
        assert isinstance(wizard, FirstRunWizard)
        form = wizard.profile_page.form
        qtbot.keyClicks(form.inputs["name"], "Sam Rivera")
        qtbot.keyClicks(form.inputs["email"], "sam@rivera")
        assert form.error_text("email") == "This is not a valid email address."
        assert not wizard.next_button.isEnabled()
        qtbot.keyClicks(form.inputs["email"], "-coaching.example")
        qtbot.keyClicks(form.inputs["credentials"], "PCC (ICF)")
        form.currency.setCurrentText("GBP")
        qtbot.keyClicks(form.fee, "140")
        form.time_zone.setCurrentText("Europe/London")
        assert wizard.next_button.text() == "Save and continue"
        wizard.next_button.click()

    return [
        (lambda front: isinstance(front, WelcomeDialog), lambda w: w.create_button.click()),
        (on_page("folder_page"), passphrase),
        (on_page("recovery_page"), keep_key),
        (on_page("profile_page"), fill_profile),
    ]


def run_first_run(qtbot, choose_demo: bool) -> tuple[Opened | None, Coach]:
    coach_ref: list[Coach] = []

    def answer_offer(wizard: QWidget) -> None:
        assert isinstance(wizard, FirstRunWizard)
        page = wizard.demo_page
        assert "the passphrase you just chose" in page.demo_text.text()
        assert DEMO_FOLDER in page.demo_text.text()
        (page.demo if choose_demo else page.own).click()
        assert wizard.next_button.text() == "Start using CoachDesk"
        wizard.next_button.click()

    steps = [*creation_steps(qtbot, coach_ref), (on_page("demo_page"), answer_offer)]
    coach = Coach(steps)
    coach_ref.append(coach)
    opened = open_interactively(starting_folder(None), kdf=FAST_KDF)
    coach.timer.stop()
    if coach.error is not None:
        if opened is not None:
            opened.vault.close()
        raise coach.error
    assert not coach.steps, "the wizard ended early"
    return opened, coach


@pytest.fixture
def windows(qtbot) -> Iterator[list[MainWindow]]:
    shown: list[MainWindow] = []
    yield shown
    for window in shown:
        if window.vault is not None:
            window.vault.close()


def main_window(qtbot, opened: Opened, shown: list[MainWindow]) -> MainWindow:
    window = MainWindow(opened.vault, notice=opened.notice)
    shown.append(window)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.facts is not None and not window.tasks.busy, timeout=WAIT_MS)
    return window


def test_first_run_to_my_own_vault(qtbot, windows: list[MainWindow]) -> None:
    home_vault = paths.default_vault_dir()
    assert not home_vault.exists()
    opened, coach = run_first_run(qtbot, choose_demo=False)
    assert opened is not None
    window = main_window(qtbot, opened, windows)

    assert window.isVisible()
    assert window.vault is not None
    assert window.vault.folder == home_vault
    assert window.windowTitle() == f"{home_vault.name} — CoachDesk"
    assert "demo" not in window.windowTitle().lower()
    with window.vault.session() as db:
        saved = profile.profile_fields(db)
        assert clients.list_clients(db) == []
    assert saved.name == "Sam Rivera"
    assert saved.email == "sam@rivera-coaching.example"
    assert saved.credentials == "PCC (ICF)"
    assert saved.default_currency == "GBP"
    assert saved.default_fee == Decimal("140.00")
    assert saved.time_zone == "Europe/London"
    assert settings().value(LAST_FOLDER_KEY) == str(home_vault)
    assert not (home_vault.parent / DEMO_FOLDER).exists()

    window.vault.close()
    window.vault = None
    with vault.open(home_vault, recovery_key=coach.recovery_key):
        pass


def test_first_run_exploring_the_demo(qtbot, windows: list[MainWindow]) -> None:
    home_vault = paths.default_vault_dir()
    opened, _coach = run_first_run(qtbot, choose_demo=True)
    assert opened is not None
    demo_folder = home_vault.parent / DEMO_FOLDER
    assert opened.vault.folder == demo_folder
    window = main_window(qtbot, opened, windows)

    assert "demo" in window.windowTitle().lower()
    assert "demo vault" in window.statusBar().currentMessage()
    with window.vault.session() as db:
        assert len(clients.list_clients(db)) == DEMO_CLIENTS
        assert profile.profile_fields(db).name == "Sam Rivera"  # the coach's own letterhead
    # the real vault stays empty, has the profile, and is the one opened next time
    assert settings().value(LAST_FOLDER_KEY) == str(home_vault)
    assert starting_folder(None) == home_vault
    with vault.open(home_vault, passphrase=NEW_PASSPHRASE) as real, real.session() as db:
        assert clients.list_clients(db) == []
        assert profile.profile_fields(db).name == "Sam Rivera"
    assert Path(window.vault.folder) != home_vault


def test_closing_the_wizard_on_the_profile_page_keeps_what_was_typed(qtbot) -> None:
    coach_ref: list[Coach] = []
    steps = creation_steps(qtbot, coach_ref)[:-1]

    def type_then_close(wizard: QWidget) -> None:
        assert isinstance(wizard, FirstRunWizard)
        qtbot.keyClicks(wizard.profile_page.form.inputs["name"], "Sam Rivera")
        wizard.reject()  # Esc, or the window's close button

    coach = Coach([*steps, (on_page("profile_page"), type_then_close)])
    coach_ref.append(coach)
    opened = open_interactively(starting_folder(None), kdf=FAST_KDF)
    coach.timer.stop()
    if coach.error is not None:
        raise coach.error
    assert opened is not None, "the vault exists: closing means done"
    with opened.vault.session() as db:
        assert profile.profile_fields(db).name == "Sam Rivera"
    opened.vault.close()
