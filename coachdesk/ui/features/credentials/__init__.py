"""The Credential view: the coach's ICF coaching log and where it stands against ACC, PCC and
MCC, with the mentor coaching, CCE and supervision logs."""

from __future__ import annotations

from coachdesk.ui.features.credentials.credentials_page import CredentialsPage

__all__ = ["CredentialsPage"]
