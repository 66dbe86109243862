"""``coachdesk client add|list|show|edit|archive|erase`` (and the rights' verbs)."""

from __future__ import annotations

import argparse

from sqlalchemy.orm import Session

from coachdesk.cli import rights_commands
from coachdesk.cli.context import confirm, echo, practice
from coachdesk.cli.output import print_json, print_table, warn
from coachdesk.cli.parsing import Handler, group, parse_date, verb
from coachdesk.errors import EXIT_OK
from coachdesk.i18n import _
from coachdesk.model import ClientStatus
from coachdesk.services.people import clients, erasure, sponsors
from coachdesk.services.people.clients import ClientFields

STATUSES = [s.value for s in ClientStatus]


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    actions = group(commands, "client", _("add, list, show, edit, archive or erase clients"))

    def add(name: str, help_text: str, handler: Handler) -> argparse.ArgumentParser:
        return verb(actions, common, name, help_text, handler)

    new = add("add", _("add a client"), cmd_add)
    _field_options(new)
    new.add_argument("--json", action="store_true", help=_("print the new client as JSON"))

    listing = add("list", _("list clients"), cmd_list)
    listing.add_argument("--status", choices=STATUSES)
    listing.add_argument("--tag")
    listing.add_argument(
        "--search", default="", metavar="TEXT", help=_("name, email or organisation")
    )
    listing.add_argument("--all", action="store_true", help=_("include archived clients"))
    listing.add_argument("--json", action="store_true")

    show = add("show", _("show one client's overview"), cmd_show)
    show.add_argument("client", metavar="CLIENT", help=_("id or unique name"))
    show.add_argument("--json", action="store_true")

    edit = add("edit", _("change a client's details (only the options given)"), cmd_edit)
    edit.add_argument("client", metavar="CLIENT", help=_("id or unique name"))
    _field_options(edit)

    archive = add("archive", _("archive a client (nothing is deleted)"), cmd_archive)
    archive.add_argument("client", metavar="CLIENT")

    erase = add("erase", _("erase a client and every record about them, for good"), cmd_erase)
    erase.add_argument("client", metavar="CLIENT")
    erase.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))
    rights_commands.register_client_verbs(add)


def _field_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--name", help=_("display name (or use --given and --family)"))
    parser.add_argument("--given", help=_("given name"))
    parser.add_argument("--family", help=_("family name"))
    parser.add_argument("--preferred", help=_("preferred name"))
    parser.add_argument("--pronouns")
    parser.add_argument("--email")
    parser.add_argument("--phone")
    parser.add_argument("--organisation")
    parser.add_argument("--role")
    parser.add_argument("--time-zone", help=_("e.g. Europe/Paris"))
    parser.add_argument(
        "--language",
        metavar="LANG",
        help=_('the language of the client\'s documents: de, en, es or fr ("" for yours)'),
    )
    parser.add_argument("--status", choices=STATUSES)
    parser.add_argument(
        "--sponsor", metavar="SPONSOR", help=_('id or unique name of the sponsor ("" for none)')
    )
    parser.add_argument(
        "--tag", action="append", help=_("a tag (repeat for several; replaces the tags)")
    )
    parser.add_argument(
        "--log-consent",
        choices=["yes", "no"],
        help=_("whether the client agreed to be listed in the ICF coaching log"),
    )
    parser.add_argument("--log-consent-date", metavar="DATE", help=_("when (default: today)"))
    parser.add_argument("--log-consent-how", metavar="TEXT", help=_('e.g. "by email"'))
    parser.add_argument(
        "--confidential-alias",
        metavar="TEXT",
        help=_("under an organisation's confidentiality policy: the log's alias (\"\" for none)"),
    )
    parser.add_argument(
        "--org-contact", metavar="EMAIL", help=_("the organisation's contact for the log")
    )


OPTION_FIELDS = {
    "name": "display_name",
    "given": "given_name",
    "family": "family_name",
    "preferred": "preferred_name",
    "pronouns": "pronouns",
    "email": "email",
    "phone": "phone",
    "organisation": "organisation",
    "role": "role",
    "time_zone": "time_zone",
}


def _apply_options(db: Session, data: ClientFields, args: argparse.Namespace) -> ClientFields:
    for option, field in OPTION_FIELDS.items():
        value = getattr(args, option)
        if value is not None:
            setattr(data, field, value)
    if args.given is not None or args.family is not None:
        data.display_name = args.name or ""
    if args.language is not None:
        data.language = args.language.strip().lower()
    if args.status:
        data.status = ClientStatus(args.status)
    if args.tag is not None:
        data.tags = tuple(args.tag)
    if args.sponsor is not None:
        data.sponsor_id = sponsors.resolve_sponsor(db, args.sponsor) if args.sponsor else None
    _apply_log_options(db, data, args)
    return data


def _apply_log_options(db: Session, data: ClientFields, args: argparse.Namespace) -> None:
    """The ICF log's options: consent (dated today unless told), and the confidential alias."""
    from coachdesk.services.people.profile import coach_today

    if args.log_consent is not None:
        data.log_consent = args.log_consent == "yes"
        if data.log_consent and data.log_consent_on is None and args.log_consent_date is None:
            data.log_consent_on = coach_today(db)
    if args.log_consent_date is not None:
        data.log_consent_on = parse_date("log_consent_date", args.log_consent_date)
    if args.log_consent_how is not None:
        data.log_consent_how = args.log_consent_how
    if args.confidential_alias is not None:
        data.confidential_alias = args.confidential_alias
        data.confidential = bool(args.confidential_alias.strip())
    if args.org_contact is not None:
        data.org_contact_email = args.org_contact


def cmd_add(args: argparse.Namespace) -> int:
    with practice(args, write=True) as p:
        saved = clients.create_client(p.db, _apply_options(p.db, ClientFields(), args))
        row = clients.client_row(p.db, saved.id)
    warn(saved.warnings)
    if args.json:
        print_json(row)
    else:
        echo(_("Added client {id}: {name}").format(id=row.id, name=row.name))
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    status = ClientStatus(args.status) if args.status else None
    with practice(args) as p:
        rows = clients.list_clients(
            p.db, text=args.search, status=status, tag=args.tag, include_archived=args.all
        )
        if args.json:
            print_json(rows)
            return EXIT_OK
        print_table(
            [
                _("id"),
                _("name"),
                _("status"),
                _("next session"),
                _("last session"),
                _("open actions"),
                _("tags"),
            ],
            [
                (r.id, r.name, r.status, r.next_session, r.last_session, r.open_actions, r.tags)
                for r in rows
            ],
            p.tz,
            empty=_("No clients match."),
        )
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from coachdesk.services.overviews.overview import client_overview

    with practice(args) as p:
        overview = client_overview(p.db, clients.resolve_client(p.db, args.client))
        if args.json:
            print_json(overview)
            return EXIT_OK
        from coachdesk.cli.overview_text import print_overview

        print_overview(overview, p.tz)
    return EXIT_OK


def cmd_edit(args: argparse.Namespace) -> int:
    with practice(args, write=True) as p:
        client_id = clients.resolve_client(p.db, args.client)
        data = _apply_options(p.db, clients.client_fields(p.db, client_id), args)
        saved = clients.update_client(p.db, client_id, data)
    warn(saved.warnings)
    echo(_("Saved client {id}.").format(id=client_id))
    return EXIT_OK


def cmd_archive(args: argparse.Namespace) -> int:
    with practice(args, write=True) as p:
        client_id = clients.resolve_client(p.db, args.client)
        clients.archive_client(p.db, client_id)
    echo(_("Archived client {id}.").format(id=client_id))
    return EXIT_OK


def cmd_erase(args: argparse.Namespace) -> int:
    with practice(args, rolling_backup=False) as p:
        client_id = clients.resolve_client(p.db, args.client)
        name = clients.get_client(p.db, client_id).display_name
        p.db.rollback()
        if not confirm(erasure.erase_warning(name), args.yes):
            echo(_("Nothing was erased."))
            return EXIT_OK
        erasure.erase_client(p.vault.engine, client_id)
    echo(_("Erased client {id}.").format(id=client_id))
    return EXIT_OK
