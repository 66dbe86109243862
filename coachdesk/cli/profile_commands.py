"""``coachdesk profile show|set``: the coach's letterhead and practice defaults."""

from __future__ import annotations

import argparse

from coachdesk.cli.context import echo, practice
from coachdesk.cli.output import print_fields, print_json, warn
from coachdesk.cli.parsing import Handler, group, parse_amount, parse_date, verb
from coachdesk.errors import EXIT_OK
from coachdesk.i18n import _, ngettext
from coachdesk.model import Credential, NoteTemplate, PaperSize
from coachdesk.services.billing.money import parse_tax_rate
from coachdesk.services.people import profile

TEXT_OPTIONS = {
    "name": "name",
    "business": "business_name",
    "credentials": "credentials",
    "email": "email",
    "phone": "phone",
    "website": "website",
    "address": "postal_address",
    "time_zone": "time_zone",
    "tax_id": "tax_id",
    "iban": "iban",
    "bic": "bic",
    "account_details": "account_details",
    "payment_link": "payment_link",
    "invoice_prefix": "invoice_prefix",
    "invoice_footer": "invoice_footer",
    "locale": "locale",
}

# Multi-line fields new with invoicing take \n for a line break, as sponsor addresses do.
LINES = frozenset({"account_details", "invoice_footer"})


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    actions = group(commands, "profile", _("show or set the coach's profile"))

    def add(name: str, help_text: str, handler: Handler) -> argparse.ArgumentParser:
        return verb(actions, common, name, help_text, handler)

    show = add("show", _("show the profile"), cmd_show)
    show.add_argument("--json", action="store_true")

    change = add("set", _("change the options given"), cmd_set)
    for option in TEXT_OPTIONS:
        if option != "locale":
            change.add_argument(f"--{option.replace('_', '-')}")
    change.add_argument(
        "--locale",
        metavar="LOCALE",
        help=_('formats and language, e.g. de_DE or en_GB ("" for the system\'s)'),
    )
    change.add_argument("--currency", metavar="CODE")
    change.add_argument("--session-minutes", type=int, metavar="N")
    change.add_argument("--fee", metavar="AMOUNT")
    change.add_argument("--paper", choices=[p.value for p in PaperSize])
    change.add_argument("--note-template", choices=[t.value for t in NoteTemplate])
    change.add_argument("--payment-terms-days", type=int, metavar="N")
    change.add_argument("--default-tax-rate", metavar="PERCENT")
    change.add_argument(
        "--training-start", metavar="DATE", help=_("when coach-specific training began")
    )
    change.add_argument("--target-credential", choices=[c.value for c in Credential])
    change.add_argument("--renewal-due", metavar="DATE", help=_("when the credential renews"))
    change.add_argument(
        "--retention-years",
        type=int,
        metavar="N",
        help=_("keep a client's records N years after their last engagement ends"),
    )


def cmd_show(args: argparse.Namespace) -> int:
    with practice(args) as p:
        data = profile.profile_fields(p.db)
    if args.json:
        print_json(data)
        return EXIT_OK
    print_fields(
        [
            (_("Name"), data.name),
            (_("Business"), data.business_name),
            (_("Credentials"), data.credentials),
            (_("Email"), data.email),
            (_("Phone"), data.phone),
            (_("Website"), data.website),
            (_("Address"), data.postal_address),
            (_("Time zone"), data.time_zone),
            (_("Formats and language"), data.locale or _("the system's")),
            (_("Currency"), data.default_currency),
            (_("Session length"), _("{n} minutes").format(n=data.default_session_minutes)),
            (_("Default fee"), data.default_fee),
            (_("Paper"), data.paper_size),
            (_("Note template"), data.note_template),
            (_("Tax id"), data.tax_id),
            (_("IBAN"), data.iban),
            (_("BIC"), data.bic),
            (_("Account details"), data.account_details),
            (_("Payment link"), data.payment_link),
            (_("Payment terms"), _("{n} days").format(n=data.payment_terms_days)),
            (_("Invoice prefix"), data.invoice_prefix),
            (_("Invoice footer"), data.invoice_footer),
            (_("Default tax rate"), f"{data.default_tax_rate} %"),
            (_("Training started"), data.training_start),
            (_("Target credential"), data.target_credential),
            (_("Renewal due"), data.renewal_due_on),
            (_("Records kept"), _kept(data.retention_years)),
        ]
    )
    return EXIT_OK


def _kept(years: int) -> str:
    return ngettext(
        "{n} year after the last engagement", "{n} years after the last engagement", years
    ).format(n=years)


def _apply_numbers(data: profile.ProfileFields, args: argparse.Namespace) -> None:
    """The whole-number options: payment terms and the years records are kept."""
    if args.payment_terms_days is not None:
        data.payment_terms_days = args.payment_terms_days
    if args.retention_years is not None:
        data.retention_years = args.retention_years


def cmd_set(args: argparse.Namespace) -> int:
    with practice(args, write=True) as p:
        data = profile.profile_fields(p.db)
        for option, field in TEXT_OPTIONS.items():
            value = getattr(args, option)
            if value is not None:
                setattr(data, field, value.replace("\\n", "\n") if field in LINES else value)
        if args.currency:
            data.default_currency = args.currency.upper()
        if args.session_minutes is not None:
            data.default_session_minutes = args.session_minutes
        if args.fee is not None:
            data.default_fee = parse_amount("fee", args.fee)
        if args.paper:
            data.paper_size = PaperSize(args.paper)
        if args.note_template:
            data.note_template = NoteTemplate(args.note_template)
        _apply_numbers(data, args)
        if args.default_tax_rate is not None:
            data.default_tax_rate = parse_tax_rate("default_tax_rate", args.default_tax_rate)
        if args.training_start is not None:
            data.training_start = parse_date("training_start", args.training_start or None)
        if args.target_credential:
            data.target_credential = Credential(args.target_credential)
        if args.renewal_due is not None:
            data.renewal_due_on = parse_date("renewal_due", args.renewal_due or None)
        saved = profile.update_profile(p.db, data)
    warn(saved.warnings)
    echo(_("Saved the profile."))
    return EXIT_OK
