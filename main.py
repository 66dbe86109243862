"""Start CoachDesk from a source checkout: ``python main.py [--vault DIR] [COMMAND ...]``."""

from coachdesk.__main__ import main

if __name__ == "__main__":
    main()
