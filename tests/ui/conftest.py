"""Qt test hygiene: collect Qt wrapper cycles after each test while Qt is still fully alive.

Dialogs connect lambdas that refer back to themselves; left to interpreter shutdown, those
cycles are freed after PySide has begun finalizing, which can crash the process at exit.
Also the main window over a real vault, shared by the window's tests.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from coachdesk import vault
from coachdesk.ui.shell.main_window import MainWindow
from tests.conftest import PASSPHRASE


@pytest.fixture(autouse=True)
def _collect_qt_cycles(qapp: QApplication) -> Iterator[None]:
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def window(qtbot, vault_dir: Path) -> Iterator[MainWindow]:
    opened = vault.open(vault_dir, passphrase=PASSPHRASE)
    main = MainWindow(opened)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitUntil(lambda: main.facts is not None and not main.tasks.busy, timeout=10_000)
    yield main
    if main.vault is not None:
        main.vault.close()
    if main.locking.unlock_dialog is not None and main.locking.unlock_dialog.vault is not None:
        main.locking.unlock_dialog.vault.close()
