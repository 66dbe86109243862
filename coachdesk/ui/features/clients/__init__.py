"""The Clients view: the list of every client, one client's page, and the client dialog."""

from __future__ import annotations

from coachdesk.ui.features.clients.client_dialog import ClientDialog
from coachdesk.ui.features.clients.client_page import ClientPage
from coachdesk.ui.features.clients.clients_page import ClientsPage

__all__ = ["ClientDialog", "ClientPage", "ClientsPage"]
