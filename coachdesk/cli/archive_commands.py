"""``coachdesk export``, ``coachdesk import archive`` and ``coachdesk calendar export``.

An export leaves the vault only where the user asked, readable by the user alone. Unless it is
encrypted, a warning on stderr says so: it holds the shared notes in plain text, and the private
notes only with ``--include-private-notes`` (an encrypted export always keeps them).
"""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path
from typing import Any

from coachdesk.cli import secrets
from coachdesk.cli.context import echo, practice
from coachdesk.cli.output import print_json
from coachdesk.cli.parsing import group, parse_date, verb
from coachdesk.errors import EXIT_OK, NotAVault, ValidationError
from coachdesk.i18n import _, ngettext
from coachdesk.services.people import clients
from coachdesk.vault.files import write_atomic
from coachdesk.vault.key_file import existing_layout


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add the ``export`` and ``calendar`` commands."""
    export = commands.add_parser(
        "export",
        parents=[common],
        help=_("the whole practice (or one client's data) as a ZIP archive"),
        description=_(
            "Write every record as JSON and CSV, with the signed agreements and scans as files. "
            "Not encrypted unless --encrypt is given (passphrase from "
            "COACHDESK_EXPORT_PASSPHRASE or typed twice). An encrypted export keeps your "
            "private notes, so importing it restores everything; a plain one leaves them out "
            "unless --include-private-notes is given. One client's data never holds them."
        ),
    )
    export.add_argument("--out", type=Path, required=True, metavar="FILE", help=_("a .zip file"))
    export.add_argument(
        "--encrypt", action="store_true", help=_("write an encrypted archive (AES-256-GCM)")
    )
    export.add_argument(
        "--client", help=_("only this client's data (id or unique name), e.g. for their request")
    )
    export.add_argument(
        "--include-private-notes",
        action="store_true",
        help=_("put your private notes into a plain export too (an encrypted one has them)"),
    )
    export.add_argument("--json", action="store_true", help=_("print the result as JSON"))
    export.set_defaults(handler=cmd_export)

    calendar = group(commands, "calendar", _("sessions for a calendar app"))
    ics = verb(calendar, common, "export", _("write sessions as an .ics file"), cmd_calendar)
    ics.add_argument("--out", type=Path, required=True, metavar="FILE", help=_("an .ics file"))
    ics.add_argument("--client", help=_("only this client's sessions (id or unique name)"))
    ics.add_argument("--from", dest="start", metavar="DATE", help=_("default: upcoming only"))
    ics.add_argument("--to", dest="end", metavar="DATE", help=_("last day included"))


def add_import_verb(verbs: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``archive`` verb to the ``import`` group."""
    archive = verb(
        verbs,
        common,
        "archive",
        _("restore a whole-practice export into a new, empty vault"),
        cmd_import_archive,
    )
    archive.add_argument("file", type=Path, metavar="FILE", help=_("a file from coachdesk export"))
    archive.add_argument("--json", action="store_true", help=_("print the result as JSON"))


def cmd_export(args: argparse.Namespace) -> int:
    from coachdesk.services.exchange.archive import export_practice

    _check_out(args.out)
    passphrase = secrets.new_export_passphrase() if args.encrypt else None
    with practice(args) as p:
        client_id = clients.resolve_client(p.db, args.client) if args.client else None
        summary = export_practice(
            p.db,
            args.out,
            passphrase=passphrase,
            client_id=client_id,
            include_private_notes=args.include_private_notes,
        )
    if not summary.encrypted:
        warning = (
            _(
                "coachdesk: warning: {path} is not encrypted; it holds client notes, your "
                "private notes included, in plain text. Keep it safe, or use --encrypt."
            )
            if summary.private_notes
            else _(
                "coachdesk: warning: {path} is not encrypted; it holds client notes in plain "
                "text (your private notes are left out). Keep it safe, or use --encrypt."
            )
        )
        print(warning.format(path=summary.path), file=sys.stderr)
    if args.json:
        print_json(
            {
                "path": str(summary.path),
                "encrypted": summary.encrypted,
                "private_notes": summary.private_notes,
                "counts": summary.counts,
            }
        )
    else:
        echo(_("Wrote {path} ({what})").format(path=summary.path, what=_summary(summary.counts)))
    return EXIT_OK


def cmd_import_archive(args: argparse.Namespace) -> int:
    from coachdesk.services.exchange.archive import import_practice, is_encrypted_archive

    _require_vault(args.vault)
    passphrase = secrets.export_passphrase() if is_encrypted_archive(args.file) else None
    with practice(args, write=True) as p:
        summary = import_practice(p.db, args.file, passphrase=passphrase)
    if args.json:
        print_json({"counts": summary.counts})
    else:
        echo(_("Imported {what}").format(what=_summary(summary.counts)))
    return EXIT_OK


def cmd_calendar(args: argparse.Namespace) -> int:
    from coachdesk.services.exchange.calendar_export import calendar_ics, ensure_calendar_namespace

    _check_out(args.out)
    start, end = parse_date("from", args.start), parse_date("to", args.end)
    if start is not None and end is not None and end < start:
        raise ValidationError({"to": _("The end date is before the start date.")})
    with practice(args, write=True) as p:
        client_id = clients.resolve_client(p.db, args.client) if args.client else None
        ensure_calendar_namespace(p.db)
        ics = calendar_ics(p.db, client_id=client_id, start=start, end=end)
    write_atomic(args.out, ics)
    events = ics.count(b"BEGIN:VEVENT")
    message = ngettext("Wrote {path} ({n} session)", "Wrote {path} ({n} sessions)", events)
    echo(message.format(path=args.out, n=events))
    return EXIT_OK


def _require_vault(folder: Path) -> None:
    """An import goes into a new vault: where there is none yet, say how to make one, before
    any passphrase is asked for."""
    try:
        existing_layout(folder)
    except NotAVault as exc:
        if folder.exists() and not (folder.is_dir() and not any(folder.iterdir())):
            raise
        hint = _("Create one first with: coachdesk init --vault {path}").format(
            path=shlex.quote(str(folder))
        )
        raise NotAVault(f"{exc.message} {hint}") from None


def _check_out(path: Path) -> None:
    if not path.parent.is_dir():
        raise ValidationError(
            {"out": _("The folder {path} does not exist.").format(path=path.parent)}
        )
    if path.is_dir():
        raise ValidationError({"out": _("Give a file name, not a folder.")})


def _summary(counts: dict[str, int]) -> str:
    """ "3 clients, 4 engagements, 60 sessions, 5 goals, 20 action items": counts, never text."""
    words = [
        ("client", ngettext("{n} client", "{n} clients", counts.get("client", 0))),
        ("engagement", ngettext("{n} engagement", "{n} engagements", counts.get("engagement", 0))),
        (
            "coaching_session",
            ngettext("{n} session", "{n} sessions", counts.get("coaching_session", 0)),
        ),
        ("goal", ngettext("{n} goal", "{n} goals", counts.get("goal", 0))),
        (
            "action_item",
            ngettext("{n} action item", "{n} action items", counts.get("action_item", 0)),
        ),
    ]
    return ", ".join(text.format(n=counts.get(table, 0)) for table, text in words)
