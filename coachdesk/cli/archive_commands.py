"""``coachdesk export``, ``coachdesk import archive`` and ``coachdesk calendar export``."""

from __future__ import annotations

import argparse
from typing import Any


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add the ``export`` and ``calendar`` commands."""


def add_import_verb(verbs: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``archive`` verb to the ``import`` group."""
