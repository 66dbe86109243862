"""The Sponsors view: the organisations that pay for coaching, and whom each one pays for."""

from __future__ import annotations

from coachdesk.ui.features.sponsors.sponsors_page import SponsorsPage

__all__ = ["SponsorsPage"]
