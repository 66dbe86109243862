"""The README.txt at the top of an export, written for whoever opens the folder.

A whole-practice export is read by the coach (or the next program): it names the files. One
client's export is often handed to that client, who is no programmer: it says in plain words what
is in it, how many of each, how to open it, and that a readable PDF copy exists (the access pack).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from coachdesk.i18n import _, ngettext

# What a client's records are called in their own export, in the order a person reads them.
_CLIENT_PARTS: tuple[tuple[str, Callable[[int], str]], ...] = (
    ("engagement", lambda n: ngettext("{n} coaching engagement", "{n} coaching engagements", n)),
    ("agreement", lambda n: ngettext("{n} agreement", "{n} agreements", n)),
    (
        "coaching_session",
        lambda n: ngettext(
            "{n} session with the notes shared with you",
            "{n} sessions with the notes shared with you",
            n,
        ),
    ),
    ("goal", lambda n: ngettext("{n} goal", "{n} goals", n)),
    ("progress_rating", lambda n: ngettext("{n} progress rating", "{n} progress ratings", n)),
    ("action_item", lambda n: ngettext("{n} action item", "{n} action items", n)),
    ("follow_up", lambda n: ngettext("{n} follow-up", "{n} follow-ups", n)),
    (
        "invoice",
        lambda n: ngettext("{n} invoice or credit note", "{n} invoices or credit notes", n),
    ),
    ("payment", lambda n: ngettext("{n} payment", "{n} payments", n)),
    (
        "access_request",
        lambda n: ngettext("{n} request to see your data", "{n} requests to see your data", n),
    ),
)


def practice_readme(*, encrypted: bool, private_notes: bool) -> str:
    lines = [
        _("CoachDesk export"),
        "",
        _("coachdesk-export.json  every record, exactly (see docs/export-format.md)"),
        _("csv/                   one spreadsheet per table (times in UTC)"),
        _("files/                 signed agreements, scans and the logo"),
        "",
    ]
    if not private_notes:
        lines.append(_("The coach's private notes are not included."))
    return _finish(lines, encrypted=encrypted)


def client_readme(counts: Mapping[str, int], *, encrypted: bool) -> str:
    held = [
        label(counts[table]).format(n=counts[table])
        for table, label in _CLIENT_PARTS
        if counts.get(table)
    ]
    lines = [
        _("Your data from your coach's CoachDesk"),
        "",
        _("This folder holds everything your coach keeps about you in CoachDesk:"),
        "  - " + _("your contact record"),
        *(f"  - {item}" for item in held),
        "",
        _("How to open it:"),
        _("  - csv/ holds one spreadsheet per kind of record; any spreadsheet program opens them."),
        _("    Times are in UTC (Coordinated Universal Time), not your local time."),
        _("  - coachdesk-export.json holds the same records for moving them to another program."),
        _("  - files/ holds signed agreements and scans, as PDF or images, when there are any."),
        "",
        _(
            "Your coach's private working notes and notes about a sponsor are not included. "
            "A readable PDF of all of this (a subject access pack) is available from your coach."
        ),
    ]
    return _finish(lines, encrypted=encrypted)


def _finish(lines: list[str], *, encrypted: bool) -> str:
    if not encrypted:
        lines.append(_("This folder is not encrypted: keep it somewhere safe, or delete it."))
    return "\n".join(lines) + "\n"
