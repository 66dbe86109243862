"""``coachdesk`` and ``python -m coachdesk``: a CLI subcommand, or the GUI without one."""

from __future__ import annotations

import sys

from coachdesk.cli import main as cli_main


def main() -> None:
    sys.exit(cli_main())


if __name__ == "__main__":
    main()
