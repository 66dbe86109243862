"""Every view refreshes one way: through ``Page`` (stale flag, latest request, ``refreshed``)."""

from __future__ import annotations

import inspect
import re

import pytest

from coachdesk.ui.features.agreements.agreements_page import AgreementsPage
from coachdesk.ui.features.agreements.templates.editor import TemplateEditor
from coachdesk.ui.features.backups.backups_page import BackupsPage
from coachdesk.ui.features.clients.client_page import ClientPage
from coachdesk.ui.features.clients.clients_page import ClientsPage
from coachdesk.ui.features.goals.goal_page import GoalPage
from coachdesk.ui.features.money.money_page import MoneyPage
from coachdesk.ui.features.search.search_page import SearchPage
from coachdesk.ui.features.sessions.sessions_page import SessionsPage
from coachdesk.ui.features.today.today_page import TodayPage
from coachdesk.ui.kit.page import Page

VIEWS = [
    TodayPage,
    ClientsPage,
    ClientPage,
    SessionsPage,
    AgreementsPage,
    TemplateEditor,
    SearchPage,
    BackupsPage,
    GoalPage,
    MoneyPage,
]
OWN_MACHINERY = re.compile(r"self\.(_?stale|_token|_ticket|_generation)\b|def showEvent\b")


@pytest.mark.parametrize("view", VIEWS, ids=lambda view: view.__name__)
def test_each_view_is_a_page_without_refresh_machinery_of_its_own(view: type) -> None:
    assert issubclass(view, Page)
    source = inspect.getsource(inspect.getmodule(view))
    assert OWN_MACHINERY.findall(source) == []
