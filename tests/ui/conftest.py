"""Qt test hygiene: collect Qt wrapper cycles after each test while Qt is still fully alive.

Dialogs connect lambdas that refer back to themselves; left to interpreter shutdown, those
cycles are freed after PySide has begun finalizing, which can crash the process at exit.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication


@pytest.fixture(autouse=True)
def _collect_qt_cycles(qapp: QApplication) -> Iterator[None]:
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
