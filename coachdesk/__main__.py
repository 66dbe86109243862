"""``coachdesk`` and ``python -m coachdesk``: a CLI subcommand, or the GUI without one."""

from __future__ import annotations

import sys

from coachdesk import cli


def main() -> None:
    args = cli.parse()
    if args.handler is None:
        from coachdesk.app import run

        sys.exit(run(args.vault))
    sys.exit(cli.run(args))


if __name__ == "__main__":
    main()
