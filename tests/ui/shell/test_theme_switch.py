"""Choosing the dark theme darkens the whole window at once, the sidebar and menus included
(before, widgets with a style sheet kept the light colours until a restart)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from coachdesk.ui.features.preferences.preferences import apply_theme
from coachdesk.ui.kit import look
from coachdesk.ui.shell.navigation import Navigation


@pytest.fixture
def back_to_light(qapp: QApplication) -> Iterator[None]:
    yield
    apply_theme("light")


def test_the_sidebar_turns_dark_with_the_theme_and_back(qtbot, back_to_light: None) -> None:
    nav = Navigation([("Today", QLabel("today")), ("Clients", QLabel("clients"))])
    qtbot.addWidget(nav)
    nav.show()
    apply_theme("light")
    assert not look.is_dark(nav.nav.palette())

    apply_theme("dark")
    assert look.is_dark(nav.nav.palette())
    assert nav.nav.palette().window().color() == QApplication.palette().window().color()

    apply_theme("light")
    assert not look.is_dark(nav.nav.palette())
