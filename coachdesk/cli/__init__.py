"""The command line: a public interface that scripts and tests depend on.

Subcommands, options, ``--json`` output and exit codes are kept stable; extend, never rename.
Imports no Qt: ``coachdesk`` without a subcommand hands over to the GUI in ``coachdesk.app``.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from coachdesk import __version__
from coachdesk.errors import EXIT_INTERNAL, CoachDeskError, describe_exit_codes
from coachdesk.i18n import _
from coachdesk.logs import setup_logging
from coachdesk.paths import default_vault_dir

log = logging.getLogger(__name__)
Handler = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    from coachdesk.cli import vault_commands

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--vault",
        type=Path,
        default=argparse.SUPPRESS,
        metavar="DIR",
        help=_("the vault folder (default: {path})").format(path=default_vault_dir()),
    )
    parser = argparse.ArgumentParser(
        prog="coachdesk",
        description=_(
            "CoachDesk: a private practice manager for coaches and mentors. "
            "Without a command, the app starts."
        ),
        epilog=describe_exit_codes(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"CoachDesk {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    vault_commands.register(commands, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run a subcommand, or the GUI when there is none; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    named_vault: Path | None = getattr(args, "vault", None)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        from coachdesk.app import run

        return run(named_vault)
    args.vault = named_vault or default_vault_dir()
    log_path = setup_logging()
    try:
        return handler(args)
    except CoachDeskError as exc:
        print(f"coachdesk: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(_("coachdesk: interrupted"), file=sys.stderr)
        return 130
    except Exception:
        log.exception("unexpected error in command %s", args.command)
        message = _("coachdesk: something went wrong; details are in {path}")
        print(message.format(path=log_path), file=sys.stderr)
        return EXIT_INTERNAL
