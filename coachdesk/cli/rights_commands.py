"""The client's rights on the command line: ``client access-pack|access-requests|anonymise``
(verbs of ``client``, registered from ``client_commands``) and ``retention review|keep``."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from coachdesk.cli.context import echo, practice
from coachdesk.cli.output import print_json, print_table
from coachdesk.cli.parsing import Handler, group, parse_date, verb
from coachdesk.errors import EXIT_OK, InvalidInput, ValidationError
from coachdesk.i18n import _, ngettext


def register_client_verbs(add: Callable[[str, str, Handler], argparse.ArgumentParser]) -> None:
    """The rights' verbs of ``coachdesk client``."""
    pack = add(
        "access-pack",
        _("write a client's subject access pack (a letter and their data) as a ZIP"),
        cmd_access_pack,
    )
    pack.add_argument("--client", required=True, metavar="CLIENT", help=_("id or unique name"))
    pack.add_argument("--out", required=True, metavar="FILE.zip", type=Path)
    pack.add_argument(
        "--include-private-notes",
        action="store_true",
        help=_("print your private notes in the pack too (needs --reason)"),
    )
    pack.add_argument("--reason", default="", metavar="TEXT", help=_("why they are included"))
    pack.add_argument(
        "--received",
        metavar="YYYY-MM-DD",
        help=_("when the request came (it is registered); without: the open request"),
    )
    register = add("access-requests", _("list the register of access requests"), cmd_requests)
    register.add_argument("--json", action="store_true")
    anonymise = add(
        "anonymise",
        _("drop what identifies a client, keeping the dates and hours of their coaching"),
        cmd_anonymise,
    )
    anonymise.add_argument("client", metavar="CLIENT")
    anonymise.add_argument("--yes", action="store_true", help=_("confirm: this cannot be undone"))


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    actions = group(
        commands, "retention", _("clients past the practice's retention period, and keeping")
    )
    review = verb(actions, common, "review", _("list clients past retention"), cmd_review)
    review.add_argument("--json", action="store_true")
    keep = verb(actions, common, "keep", _("keep a client's records until a date"), cmd_keep)
    keep.add_argument("client", metavar="CLIENT")
    keep.add_argument("--until", required=True, metavar="DATE")
    keep.add_argument("--reason", required=True, metavar="TEXT")


def cmd_access_pack(args: argparse.Namespace) -> int:
    from coachdesk.services.people.clients import resolve_client
    from coachdesk.services.rights.access_pack import PackRequest, write_access_pack

    if args.reason and not args.include_private_notes:
        raise ValidationError({"reason": _("--reason goes with --include-private-notes.")})
    request = PackRequest(
        received_on=parse_date("received", args.received),
        include_private_notes=args.include_private_notes,
        reason=args.reason,
    )
    with practice(args, write=True) as p:
        client_id = resolve_client(p.db, args.client)
        result = write_access_pack(p.db, client_id, args.out.expanduser().absolute(), request)
    echo(_("Wrote the access pack to {path}.").format(path=result.path))
    if result.private_note_count and not result.private_notes_included:
        echo(
            ngettext(
                "Private notes of {n} session are not included; the pack says they exist.",
                "Private notes of {n} sessions are not included; the pack says they exist.",
                result.private_note_count,
            ).format(n=result.private_note_count)
        )
    return EXIT_OK


def cmd_requests(args: argparse.Namespace) -> int:
    from coachdesk.services.rights.requests import access_requests

    with practice(args) as p:
        rows = access_requests(p.db)
    if args.json:
        print_json(rows)
        return EXIT_OK
    print_table(
        [_("id"), _("client"), _("received"), _("due"), _("answered"), _("private notes")],
        [
            (
                r.id,
                r.client_name or _("(erased)"),
                r.received_on,
                r.due_on,
                r.answered_on,
                _("included") if r.private_notes_included else "",
            )
            for r in rows
        ],
        empty=_("No access requests."),
    )
    return EXIT_OK


def cmd_anonymise(args: argparse.Namespace) -> int:
    from coachdesk.services.people import clients
    from coachdesk.services.rights.anonymise import anonymise_client, anonymise_warning

    with practice(args, rolling_backup=False) as p:
        client_id = clients.resolve_client(p.db, args.client)
        name = clients.get_client(p.db, client_id).display_name
        p.db.rollback()
        if not args.yes:
            echo(anonymise_warning(name))
            raise InvalidInput(_("Nothing was changed: add --yes to anonymise."))
        anonymise_client(p.vault.engine, client_id)
    echo(_("Anonymised client {id}.").format(id=client_id))
    return EXIT_OK


def cmd_review(args: argparse.Namespace) -> int:
    from coachdesk.services.people.profile import coach_today
    from coachdesk.services.rights.retention import retention_review

    with practice(args) as p:
        rows = retention_review(p.db, coach_today(p.db))
    if args.json:
        print_json(rows)
        return EXIT_OK
    print_table(
        [_("id"), _("client"), _("coaching ended"), _("review due"), _("kept until")],
        [(r.client_id, r.name, r.last_activity, r.review_due, r.retain_until) for r in rows],
        empty=_("No client is past the retention period."),
    )
    return EXIT_OK


def cmd_keep(args: argparse.Namespace) -> int:
    from coachdesk.services.people.clients import resolve_client
    from coachdesk.services.people.profile import coach_today
    from coachdesk.services.rights.retention import keep_client

    until = parse_date("until", args.until)
    assert until is not None  # the option is required
    with practice(args, write=True) as p:
        client_id = resolve_client(p.db, args.client)
        keep_client(p.db, client_id, until, args.reason, coach_today(p.db))
    echo(_("Keeping client {id}'s records until {date}.").format(id=client_id, date=until))
    return EXIT_OK
