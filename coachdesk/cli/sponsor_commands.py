"""``coachdesk sponsor add|list|show|edit``: the organisations that pay for coaching."""

from __future__ import annotations

import argparse

from coachdesk.cli.context import echo, practice
from coachdesk.cli.output import print_fields, print_json, print_table, warn
from coachdesk.cli.parsing import Handler, group, verb
from coachdesk.errors import EXIT_OK
from coachdesk.i18n import _
from coachdesk.services.people import sponsors
from coachdesk.services.people.sponsors import SponsorFields

# option -> SponsorFields field, with the label ``sponsor show`` prints it under
OPTION_FIELDS = {
    "name": ("name", lambda: _("Name")),
    "contact": ("contact_name", lambda: _("Contact person")),
    "contact_email": ("contact_email", lambda: _("Contact email")),
    "billing_email": ("billing_email", lambda: _("Billing email")),
    "phone": ("phone", lambda: _("Phone")),
    "address": ("postal_address", lambda: _("Address")),
    "vat_number": ("vat_number", lambda: _("VAT number")),
    "purchase_order": ("purchase_order", lambda: _("Purchase order")),
    "notes": ("notes", lambda: _("Notes")),
}


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    actions = group(commands, "sponsor", _("add, list, show or edit sponsors"))

    def add(name: str, help_text: str, handler: Handler) -> argparse.ArgumentParser:
        return verb(actions, common, name, help_text, handler)

    new = add("add", _("add a sponsor (an organisation that pays for coaching)"), cmd_add)
    _field_options(new, name_required=True)
    new.add_argument("--json", action="store_true", help=_("print the new sponsor as JSON"))

    listing = add("list", _("list sponsors"), cmd_list)
    listing.add_argument("--all", action="store_true", help=_("include archived sponsors"))
    listing.add_argument("--json", action="store_true")

    show = add("show", _("show a sponsor with its clients and engagements"), cmd_show)
    show.add_argument("sponsor", metavar="SPONSOR", help=_("id or unique name"))
    show.add_argument("--json", action="store_true")

    edit = add("edit", _("change a sponsor's details (only the options given)"), cmd_edit)
    edit.add_argument("sponsor", metavar="SPONSOR", help=_("id or unique name"))
    _field_options(edit, name_required=False)


def _field_options(parser: argparse.ArgumentParser, *, name_required: bool) -> None:
    parser.add_argument("--name", required=name_required, help=_("the organisation's name"))
    parser.add_argument("--contact", help=_("the contact person"))
    parser.add_argument("--contact-email")
    parser.add_argument("--billing-email", help=_("where invoices go"))
    parser.add_argument("--phone")
    parser.add_argument("--address", help=_("postal address (use \\n for line breaks)"))
    parser.add_argument("--vat-number", help=_("with its country code, e.g. DE136695976"))
    parser.add_argument("--purchase-order", metavar="REF", help=_("purchase-order reference"))
    parser.add_argument("--notes")


def _apply_options(data: SponsorFields, args: argparse.Namespace) -> SponsorFields:
    for option, (field, _label) in OPTION_FIELDS.items():
        value = getattr(args, option)
        if value is not None:
            setattr(data, field, value.replace("\\n", "\n") if field == "postal_address" else value)
    return data


def cmd_add(args: argparse.Namespace) -> int:
    with practice(args, write=True) as p:
        saved = sponsors.create_sponsor(p.db, _apply_options(SponsorFields(), args))
        row = next(r for r in sponsors.list_sponsors(p.db) if r.id == saved.id)
    warn(saved.warnings)
    if args.json:
        print_json(row)
    else:
        echo(_("Added sponsor {id}: {name}").format(id=row.id, name=row.name))
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    with practice(args) as p:
        rows = sponsors.list_sponsors(p.db, include_archived=args.all)
    if args.json:
        print_json(rows)
        return EXIT_OK
    if not rows:
        echo(_("No sponsors yet: add one with coachdesk sponsor add --name NAME."))
        return EXIT_OK
    print_table(
        [_("id"), _("name"), _("contact"), _("email"), _("clients")],
        [(r.id, r.name, r.contact_name, r.contact_email, r.clients) for r in rows],
    )
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from coachdesk.services.overviews.sponsor import sponsor_overview

    with practice(args) as p:
        overview = sponsor_overview(p.db, sponsors.resolve_sponsor(p.db, args.sponsor))
    if args.json:
        print_json(overview)
        return EXIT_OK
    print_fields(
        [(label(), getattr(overview.fields, field)) for field, label in OPTION_FIELDS.values()]
    )
    print()
    if overview.clients:
        print_table(
            [_("client"), _("name"), _("status")],
            [(c.id, c.name, c.status) for c in overview.clients],
        )
    else:
        echo(_("No clients are sponsored by it."))
    print()
    if overview.engagements:
        print_table(
            [_("engagement"), _("client"), _("title"), _("status"), _("start"), _("shares")],
            [
                (e.id, e.client_name, e.title, e.status, e.start_date, e.sharing)
                for e in overview.engagements
            ],
        )
    else:
        echo(_("No engagements are paid by it."))
    return EXIT_OK


def cmd_edit(args: argparse.Namespace) -> int:
    with practice(args, write=True) as p:
        sponsor_id = sponsors.resolve_sponsor(p.db, args.sponsor)
        data = _apply_options(sponsors.sponsor_fields(p.db, sponsor_id), args)
        saved = sponsors.update_sponsor(p.db, sponsor_id, data)
    warn(saved.warnings)
    echo(_("Saved sponsor {id}.").format(id=sponsor_id))
    return EXIT_OK
