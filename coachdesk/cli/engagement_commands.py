"""``coachdesk engagement add|list|show``."""

from __future__ import annotations

import argparse

from sqlalchemy.orm import Session

from coachdesk.cli.context import echo, practice
from coachdesk.cli.output import print_fields, print_json, print_table, warn
from coachdesk.cli.parsing import Handler, group, parse_date, verb
from coachdesk.errors import EXIT_OK, ValidationError
from coachdesk.formatting import format_money
from coachdesk.i18n import _
from coachdesk.model import Cadence, EngagementKind, FeeModel
from coachdesk.services.engagements import engagements
from coachdesk.services.people import clients, sponsors
from coachdesk.services.validation import parse_money


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    actions = group(commands, "engagement", _("add, list or show engagements"))

    def add(name: str, help_text: str, handler: Handler) -> argparse.ArgumentParser:
        return verb(actions, common, name, help_text, handler)

    new = add("add", _("add an engagement (a coaching or mentoring programme)"), cmd_add)
    new.add_argument(
        "--client", help=_("id or unique name (a group's: default the first --participant)")
    )
    new.add_argument("--title", required=True)
    new.add_argument("--kind", choices=[k.value for k in EngagementKind])
    new.add_argument("--start", required=True, metavar="DATE")
    new.add_argument("--end", metavar="DATE")
    new.add_argument("--sessions", type=int, metavar="N", help=_("planned number of sessions"))
    new.add_argument("--cadence", choices=[c.value for c in Cadence])
    new.add_argument("--every-days", type=int, metavar="N", help=_("for a custom cadence"))
    new.add_argument("--session-minutes", type=int, metavar="N")
    new.add_argument("--fee", metavar="AMOUNT")
    new.add_argument("--currency", metavar="CODE", help=_("ISO 4217, e.g. EUR"))
    new.add_argument("--fee-model", choices=[f.value for f in FeeModel])
    new.add_argument(
        "--sponsor",
        metavar="SPONSOR",
        help=_('id or unique name of the paying sponsor (default: the client\'s; "" for none)'),
    )
    new.add_argument("--group", action="store_true", help=_("a group or team engagement"))
    new.add_argument(
        "--participant",
        action="append",
        default=[],
        metavar="CLIENT",
        help=_("a participant of the group (repeat for each)"),
    )
    new.add_argument("--json", action="store_true")

    listing = add("list", _("list engagements"), cmd_list)
    listing.add_argument("--client", help=_("id or unique name"))
    listing.add_argument("--json", action="store_true")

    show = add("show", _("show an engagement and how many sessions it has used"), cmd_show)
    show.add_argument("engagement", type=int, metavar="ID")
    show.add_argument("--json", action="store_true")


def cmd_add(args: argparse.Namespace) -> int:
    with practice(args, write=True) as p:
        members = [clients.resolve_client(p.db, ref) for ref in args.participant]
        data = engagements.new_engagement_fields(p.db, _owner(p.db, args, members))
        data.is_group = args.group
        data.title = args.title
        data.start_date = parse_date("start", args.start)
        data.end_date = parse_date("end", args.end)
        data.planned_sessions = args.sessions
        data.cadence_days = args.every_days
        for option, field, kind in (
            ("kind", "kind", EngagementKind),
            ("cadence", "cadence", Cadence),
            ("fee_model", "fee_model", FeeModel),
        ):
            if getattr(args, option):
                setattr(data, field, kind(getattr(args, option)))
        if args.session_minutes is not None:
            data.session_minutes = args.session_minutes
        if args.fee is not None:
            data.fee_amount = parse_money("fee", args.fee)
        if args.currency:
            data.currency = args.currency.upper()
        if args.sponsor is not None:
            data.sponsor_id = sponsors.resolve_sponsor(p.db, args.sponsor) if args.sponsor else None
        saved = engagements.create_engagement(p.db, data, members)
        row = next(
            r for r in engagements.list_engagements(p.db, data.client_id) if r.id == saved.id
        )
    warn(saved.warnings)
    if args.json:
        print_json(row)
    else:
        echo(_("Added engagement {id}: {title}").format(id=row.id, title=row.title))
    return EXIT_OK


def _owner(db: Session, args: argparse.Namespace, members: list[int]) -> int:
    """The client the engagement belongs to: --client, or a group's first participant."""
    if args.client:
        return clients.resolve_client(db, args.client)
    if args.group and members:
        return members[0]
    raise ValidationError({"client": _("Name the client with --client.")})


def cmd_list(args: argparse.Namespace) -> int:
    with practice(args) as p:
        client_id = clients.resolve_client(p.db, args.client) if args.client else None
        rows = engagements.list_engagements(p.db, client_id)
    if args.json:
        print_json(rows)
        return EXIT_OK
    print_table(
        [
            _("id"),
            _("client"),
            _("title"),
            _("status"),
            _("from"),
            _("to"),
            _("held"),
            _("planned"),
        ],
        [
            (r.id, r.client_name, r.title, r.status, r.start_date, r.end_date, r.held, r.planned)
            for r in rows
        ],
        empty=_("No engagements match."),
    )
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    with practice(args) as p:
        data = engagements.engagement_fields(p.db, args.engagement)
        usage = engagements.usage(p.db, args.engagement)
        client_name = clients.get_client(p.db, data.client_id).display_name
    if args.json:
        print_json({"id": args.engagement, "client": client_name, **_plain(data), "usage": usage})
        return EXIT_OK
    print_fields(
        [
            (_("Engagement"), f"{data.title} (#{args.engagement})"),
            (_("Client"), client_name),
            (_("Kind"), data.kind),
            (_("Status"), data.status),
            (_("From"), data.start_date),
            (_("To"), data.end_date),
            (_("Cadence"), data.cadence),
            (_("Session length"), _("{n} minutes").format(n=data.session_minutes)),
            (_("Fee"), f"{format_money(data.fee_amount, data.currency)} ({data.fee_model.value})"),
            (
                _("Sessions"),
                _("{held} held of {planned} planned, {remaining} remaining").format(
                    held=usage.held,
                    planned=usage.planned or "?",
                    remaining=usage.remaining if usage.remaining is not None else "?",
                ),
            ),
        ]
    )
    return EXIT_OK


def _plain(data: engagements.EngagementFields) -> dict[str, object]:
    from coachdesk.cli.output import plain

    return plain(data)
