"""``coachdesk import``: clients from CSV or vCard files, or a whole exported archive."""

from __future__ import annotations

import argparse

from coachdesk.cli import archive_commands, contact_import_commands
from coachdesk.cli.parsing import group
from coachdesk.i18n import _


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    verbs = group(commands, "import", _("bring clients or a whole exported practice in"))
    contact_import_commands.add_verbs(verbs, common)
    archive_commands.add_import_verb(verbs, common)
