"""``coachdesk`` and ``python -m coachdesk``: a CLI subcommand, or the GUI without one."""

from __future__ import annotations

import sys

from coachdesk import cli, hardening
from coachdesk.cli import secrets


def main() -> None:
    hardening.harden_process()
    secrets.take_from_environment()
    args = cli.parse()
    if args.handler is None:
        from coachdesk.app import run

        sys.exit(run(args.vault))
    sys.exit(cli.run(args))


if __name__ == "__main__":
    main()
