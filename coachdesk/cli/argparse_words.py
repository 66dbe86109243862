"""argparse's own words (``usage:``, its section titles, ``-h``'s help and the usage errors) in
the coach's language.

argparse translates through gettext's global domain, for which no catalogue exists, so a German
``--help`` would mix German help lines with English headings. Its messages are listed here for
CoachDesk's catalogue, with argparse's exact msgids and their ``%`` formats, and ``install`` points
argparse at CoachDesk's translation functions.
"""

from __future__ import annotations

import argparse

from coachdesk.i18n import N_, _, ngettext

# The argparse (Python 3.11 to 3.13) messages a user can meet; developer errors are left out, and
# so is its one plural, which only a fixed count of values (never used here) shows.
MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("can't open '%(filename)s': %(error)s"),
)


def install() -> None:
    """Make argparse translate with CoachDesk's catalogues (it looks ``_`` up at each call)."""
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
