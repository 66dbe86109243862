"""``coachdesk payment add|list|remove`` and ``coachdesk revenue``: money in, and the year."""

from __future__ import annotations

import argparse

from coachdesk.cli.context import echo, practice
from coachdesk.cli.output import print_fields, print_json, print_table
from coachdesk.cli.parsing import Handler, group, parse_amount, parse_date, verb
from coachdesk.errors import EXIT_OK
from coachdesk.i18n import _
from coachdesk.model import PaymentMethod
from coachdesk.services.billing import listing, payments, revenue
from coachdesk.services.billing.payments import PaymentFields
from coachdesk.services.people import profile


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    actions = group(commands, "payment", _("payments received against invoices"))

    def add(name: str, help_text: str, handler: Handler) -> argparse.ArgumentParser:
        return verb(actions, common, name, help_text, handler)

    new = add("add", _("record a payment"), cmd_add)
    new.add_argument("--invoice", type=int, required=True, metavar="ID")
    new.add_argument("--amount", required=True)
    new.add_argument("--date", required=True, metavar="DATE")
    new.add_argument(
        "--method", choices=[m.value for m in PaymentMethod], default=PaymentMethod.BANK_TRANSFER
    )
    new.add_argument("--reference", default="")
    new.add_argument("--json", action="store_true")

    listing_ = add("list", _("list payments, removed ones marked"), cmd_list)
    listing_.add_argument("--invoice", type=int, metavar="ID")
    listing_.add_argument("--json", action="store_true")

    remove = add(
        "remove", _("remove a payment recorded by mistake (the history keeps it)"), cmd_remove
    )
    remove.add_argument("payment", type=int, metavar="ID")

    year = commands.add_parser(
        "revenue", help=_("a year's revenue by month and client"), parents=[common]
    )
    year.add_argument("--year", type=int, required=True)
    year.add_argument("--currency", metavar="CODE", default="", help=_("default: the profile's"))
    year.add_argument("--json", action="store_true")
    year.set_defaults(handler=cmd_revenue)


def cmd_add(args: argparse.Namespace) -> int:
    with practice(args, write=True) as p:
        payment_id = payments.add_payment(
            p.db,
            PaymentFields(
                invoice_id=args.invoice,
                amount=parse_amount("amount", args.amount),  # type: ignore[arg-type]
                paid_on=parse_date("date", args.date),  # type: ignore[arg-type]
                method=PaymentMethod(args.method),
                reference=args.reference,
            ),
        )
        entry = next(e for e in listing.payment_history(p.db, args.invoice) if e.id == payment_id)
        row = listing.invoice_row(p.db, args.invoice, profile.coach_today(p.db))
    if args.json:
        print_json(entry)
    else:
        echo(
            _("Recorded payment {id}; {balance} {currency} still owed.").format(
                id=payment_id, balance=row.balance, currency=row.currency
            )
        )
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    with practice(args) as p:
        entries = listing.payment_history(p.db, args.invoice)
    if args.json:
        print_json(entries)
        return EXIT_OK
    if not entries:
        echo(_("No payments."))
        return EXIT_OK
    print_table(
        [_("id"), _("invoice"), _("date"), _("amount"), _("method"), _("reference"), _("removed")],
        [
            (e.id, e.invoice_id, e.paid_on, e.amount, e.method, e.reference, e.removed_at)
            for e in entries
        ],
    )
    return EXIT_OK


def cmd_remove(args: argparse.Namespace) -> int:
    with practice(args, write=True) as p:
        payments.remove_payment(p.db, args.payment)
    echo(_("Removed payment {id}.").format(id=args.payment))
    return EXIT_OK


def cmd_revenue(args: argparse.Namespace) -> int:
    with practice(args) as p:
        year = revenue.year_revenue(p.db, args.year, args.currency)
    if args.json:
        print_json(year)
        return EXIT_OK
    print_table(
        [_("month"), _("invoiced"), _("paid"), _("outstanding")],
        [(m.month, m.invoiced, m.paid, m.outstanding) for m in year.months],
    )
    print()
    print_fields(
        [
            (_("Invoiced"), f"{year.invoiced} {year.currency}"),
            (_("Paid"), f"{year.paid} {year.currency}"),
            (_("Outstanding"), f"{year.outstanding} {year.currency}"),
            (_("Hours coached"), year.hours_coached),
            (_("Average fee per hour"), year.average_fee_per_hour),
        ]
    )
    if year.clients:
        print()
        print_table(
            [_("client"), _("invoiced"), _("paid"), _("outstanding")],
            [(c.client, c.invoiced, c.paid, c.outstanding) for c in year.clients],
        )
    return EXIT_OK
