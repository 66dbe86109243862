"""The command line: a public interface that scripts and tests depend on.

Subcommands, options, ``--json`` output and exit codes are kept stable; extend, never rename.
Imports no Qt: ``coachdesk.__main__`` starts the GUI in ``coachdesk.app`` when no subcommand is
given.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from coachdesk import __version__
from coachdesk.cli import argparse_words
from coachdesk.cli.subcommands import SUBCOMMANDS, chosen_module, command_module
from coachdesk.errors import (
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_USAGE,
    CoachDeskError,
    describe_exit_codes,
)
from coachdesk.i18n import _
from coachdesk.paths import default_vault_dir


class VaultOption(argparse.Action):
    """``--vault DIR``, whose help names the default folder only when help is shown: finding that
    folder imports platformdirs, which costs a third of a bare ``python -c pass``.
    """

    @property
    def help(self) -> str:
        return _("the vault folder (default: {path})").format(path=default_vault_dir())

    @help.setter  # noqa: A003 - argparse reads the attribute by this name
    def help(self, _text: str | None) -> None:
        """Always the line above: argparse's constructor assigns None."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        setattr(namespace, self.dest, values)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for ``argv``: only the module of the subcommand it names is imported (with its
    options); every other subcommand is listed by its name and help line alone.
    """
    argparse_words.install()
    chosen = chosen_module(argv)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--vault",
        type=Path,
        default=argparse.SUPPRESS,
        metavar="DIR",
        action=VaultOption,
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
    parser.add_argument(
        "--version",
        action="version",
        version=f"CoachDesk {__version__}",
        help=_("show program's version number and exit"),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name, names in SUBCOMMANDS:
        if module_name == chosen:
            command_module(module_name).register(commands, common)
        else:
            for name, help_text in names:
                commands.add_parser(name, help=_(help_text))
    return parser


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse the command line; ``handler`` is None when no subcommand was given (the GUI)."""
    args = build_parser(argv).parse_args(argv)
    if not hasattr(args, "vault"):
        args.vault = None
    args.handler = getattr(args, "handler", None)
    return args


def run(args: argparse.Namespace) -> int:
    """Run a parsed subcommand; user errors become one line on stderr and an exit code."""
    # Here, not at the top: they load logging and the model, which --version and --help never need.
    import logging

    from coachdesk.cli.output import terminal_text
    from coachdesk.logs import log_unexpected, setup_logging

    args.vault = args.vault or default_vault_dir()
    log_path = setup_logging()
    try:
        return args.handler(args)
    except CoachDeskError as exc:
        print(_("coachdesk: {message}").format(message=terminal_text(exc.message)), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(_("coachdesk: interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into e.g. `head`, which stopped reading: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:
        log_unexpected(
            logging.getLogger(__name__), f"unexpected error in command {args.command}", exc
        )
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
