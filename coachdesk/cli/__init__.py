"""The command line: a public interface that scripts and tests depend on.

Subcommands, options, ``--json`` output and exit codes are kept stable; extend, never rename.
Imports no Qt: ``coachdesk.__main__`` starts the GUI in ``coachdesk.app`` when no subcommand is
given.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from coachdesk import __version__
from coachdesk.cli.output import terminal_text
from coachdesk.errors import (
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_USAGE,
    CoachDeskError,
    describe_exit_codes,
)
from coachdesk.i18n import _
from coachdesk.logs import log_unexpected, setup_logging
from coachdesk.paths import default_vault_dir

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    from coachdesk.cli import (
        archive_commands,
        career_commands,
        client_commands,
        document_commands,
        engagement_commands,
        goal_commands,
        icf_commands,
        import_commands,
        invoice_commands,
        payment_commands,
        practice_commands,
        profile_commands,
        session_commands,
        sponsor_commands,
        vault_commands,
    )

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
    for module in (
        vault_commands,
        client_commands,
        sponsor_commands,
        engagement_commands,
        session_commands,
        goal_commands,
        profile_commands,
        icf_commands,
        career_commands,
        document_commands,
        practice_commands,
        import_commands,
        archive_commands,
        invoice_commands,
        payment_commands,
    ):
        module.register(commands, common)
    return parser


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse the command line; ``handler`` is None when no subcommand was given (the GUI)."""
    args = build_parser().parse_args(argv)
    if not hasattr(args, "vault"):
        args.vault = None
    args.handler = getattr(args, "handler", None)
    return args


def run(args: argparse.Namespace) -> int:
    """Run a parsed subcommand; user errors become one line on stderr and an exit code."""
    args.vault = args.vault or default_vault_dir()
    log_path = setup_logging()
    try:
        return args.handler(args)
    except CoachDeskError as exc:
        print(f"coachdesk: {terminal_text(exc.message)}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(_("coachdesk: interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into e.g. `head`, which stopped reading: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:
        log_unexpected(log, f"unexpected error in command {args.command}", exc)
        message = _("coachdesk: something went wrong; details are in {path}")
        print(message.format(path=log_path), file=sys.stderr)
        return EXIT_INTERNAL


def main(argv: Sequence[str] | None = None) -> int:
    """Run a subcommand (the GUI is started by ``coachdesk.__main__``); returns the exit code."""
    args = parse(argv)
    if args.handler is None:
        build_parser().print_help(sys.stderr)
        return EXIT_USAGE
    return run(args)
