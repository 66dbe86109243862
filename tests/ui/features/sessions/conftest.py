"""The Sessions page's fixtures: the practice over a real vault, and the page on it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from coachdesk.ui.features.sessions import SessionsPage
from coachdesk.ui.kit.practice import Practice
from coachdesk.vault import Vault


@pytest.fixture
def practice(open_vault: Vault) -> Iterator[Practice]:
    p = Practice(open_vault)
    p.load_zone()
    yield p
    p.finish()


@pytest.fixture
def page(qtbot, practice: Practice) -> SessionsPage:  # type: ignore[no-untyped-def]
    widget = SessionsPage(practice)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    return widget
