"""The Clients view: the list of every client, one client's page, and the client dialog."""

from __future__ import annotations

from coachdesk.ui.clients.client_dialog import ClientDialog
from coachdesk.ui.clients.client_page import ClientPage
from coachdesk.ui.clients.clients_page import ClientsPage

__all__ = ["ClientDialog", "ClientPage", "ClientsPage"]
