"""Opening the practice for one command: the vault, a database session, the coach's time zone."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from coachdesk.cli import secrets
from coachdesk.cli.output import terminal_text
from coachdesk.errors import InvalidInput
from coachdesk.i18n import _
from coachdesk.vault import Vault


@dataclass
class Practice:
    vault: Vault
    db: Session
    tz: ZoneInfo


@contextmanager
def practice(
    args: argparse.Namespace, write: bool = False, *, rolling_backup: bool = True
) -> Iterator[Practice]:
    """The open practice; with ``write`` the block is one transaction, committed at its end;
    ``rolling_backup`` False skips the day's automatic backup (see ``open_for_command``)."""
    from coachdesk.cli.vault_commands import open_for_command
    from coachdesk.formatting import use_coach_locale
    from coachdesk.services.people import profile

    with open_for_command(args.vault, rolling_backup=rolling_backup) as v, v.session() as db:
        if write:
            with db.begin():
                use_coach_locale(profile.coach_locale(db))
                yield Practice(v, db, profile.coach_zone(db))
        else:
            use_coach_locale(profile.coach_locale(db))
            yield Practice(v, db, profile.coach_zone(db))


def confirm(question: str, assume_yes: bool) -> bool:
    """Ask on a terminal; without one, only ``--yes`` may confirm a destructive command."""
    if assume_yes:
        return True
    if not secrets.has_terminal():
        raise InvalidInput(_("Confirmation needed: add --yes to run this without a terminal."))
    answer = input(f"{question} [y/N] ").strip().lower()
    return answer in {"y", "yes"}


def echo(message: str) -> None:
    print(terminal_text(message), file=sys.stdout)
