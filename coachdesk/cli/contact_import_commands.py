"""``coachdesk import csv`` and ``coachdesk import vcard``."""

from __future__ import annotations

import argparse
from typing import Any


def add_verbs(verbs: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``csv`` and ``vcard`` verbs to the ``import`` group."""
