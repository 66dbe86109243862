"""``coachdesk invoice create|edit|delete|issue|list|show|pdf|facturx|credit|export``.

``create`` prints the new draft's id (``--json``: its row, or a list of rows when a package's
instalments or ``--everyone`` make several).
"""

from __future__ import annotations

import argparse
from decimal import Decimal
from pathlib import Path

from sqlalchemy.orm import Session

from coachdesk.cli.context import echo, practice
from coachdesk.cli.document_commands import add_out, write_pdf
from coachdesk.cli.output import print_fields, print_json, print_table
from coachdesk.cli.parsing import Handler, group, parse_amount, parse_date, verb
from coachdesk.errors import EXIT_OK, ValidationError
from coachdesk.i18n import N_, _
from coachdesk.model import Engagement, FeeModel
from coachdesk.services.billing import invoices, listing, revenue, sources
from coachdesk.services.billing.invoices import InvoiceFields, LineFields
from coachdesk.services.billing.ledger import get_invoice
from coachdesk.services.billing.listing import ShownStatus
from coachdesk.services.billing.money import parse_quantity, parse_tax_rate
from coachdesk.services.people import clients, profile
from coachdesk.vault.files import write_atomic

ROW_HEADERS = (
    N_("id"),
    N_("number"),
    N_("client"),
    N_("issued"),
    N_("due"),
    N_("currency"),
    N_("net"),
    N_("tax"),
    N_("total"),
)


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    actions = group(commands, "invoice", _("invoices and credit notes"))

    def add(name: str, help_text: str, handler: Handler) -> argparse.ArgumentParser:
        return verb(actions, common, name, help_text, handler)

    create = add("create", _("create a draft invoice and print its id"), cmd_create)
    create.add_argument("--client", help=_("id or unique name"))
    create.add_argument("--everyone", action="store_true", help=_("a draft per client"))
    create.add_argument("--engagement", type=int, metavar="ID")
    create.add_argument("--sessions-from", metavar="DATE", help=_("held sessions from this day"))
    create.add_argument("--sessions-to", metavar="DATE", help=_("to this day"))
    create.add_argument("--session", type=int, action="append", default=[], metavar="ID")
    create.add_argument("--instalments", type=int, metavar="N", help=_("a package in N parts"))
    create.add_argument("--month", metavar="YYYY-MM", help=_("a monthly retainer's month"))
    _line_options(create)
    create.add_argument("--to-sponsor", action="store_true", help=_("bill the sponsor"))
    create.add_argument("--json", action="store_true")

    edit = add("edit", _("change a draft (--line replaces all its lines)"), cmd_edit)
    edit.add_argument("invoice", type=int, metavar="ID")
    _line_options(edit)
    edit.add_argument("--to-sponsor", action="store_true", default=None)

    delete = add("delete", _("delete a draft"), cmd_delete)
    delete.add_argument("invoice", type=int, metavar="ID")

    issue = add("issue", _("number and freeze a draft"), cmd_issue)
    issue.add_argument("invoice", type=int, metavar="ID")
    issue.add_argument("--json", action="store_true")

    listing_ = add("list", _("list invoices and credit notes"), cmd_list)
    listing_.add_argument("--status", choices=[s.value for s in ShownStatus])
    listing_.add_argument("--client", help=_("id or unique name"))
    listing_.add_argument("--year", type=int)
    listing_.add_argument("--json", action="store_true")

    show = add("show", _("show an invoice with its lines and payments"), cmd_show)
    show.add_argument("invoice", type=int, metavar="ID")
    show.add_argument("--json", action="store_true")

    pdf = add("pdf", _("write the invoice PDF"), cmd_pdf)
    pdf.add_argument("invoice", type=int, metavar="ID")
    add_out(pdf)
    facturx = add("facturx", _("write the Factur-X e-invoice (PDF/A-3 with XML)"), cmd_facturx)
    facturx.add_argument("invoice", type=int, metavar="ID")
    add_out(facturx)

    credit = add("credit", _("cancel an issued invoice with a credit note"), cmd_credit)
    credit.add_argument("invoice", type=int, metavar="ID")
    credit.add_argument("--reason", default="")
    credit.add_argument("--json", action="store_true")

    export = add("export", _("the accountant's CSV of a year"), cmd_export)
    export.add_argument("--year", type=int, required=True)
    export.add_argument("--out", type=Path, required=True, metavar="FILE", help=_("a .csv file"))


def _line_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--line",
        action="append",
        default=[],
        metavar="DESCRIPTION;QTY;UNIT_PRICE;TAX_RATE",
        help=_("a hand-typed line; repeat for several"),
    )
    parser.add_argument("--tax-rate", metavar="PERCENT", help=_("default: the profile's"))
    parser.add_argument("--notes")
    parser.add_argument("--footer", help=_("default: the profile's invoice footer"))


def parse_line(text: str, default_rate: Decimal) -> LineFields:
    """``"Workshop;2;150.00;19"``; the description may hold semicolons, the rate may be left out."""
    parts = text.rsplit(";", 3)
    if len(parts) < 3:
        raise ValidationError({"line": _("Write a line as DESCRIPTION;QTY;UNIT_PRICE;TAX_RATE.")})
    if len(parts) == 3:
        parts.append("")
    description, quantity, price, rate = parts
    return LineFields(
        description=description,
        quantity=parse_quantity("quantity", quantity),
        unit_price=parse_amount("unit_price", price) or Decimal(0),
        tax_rate=parse_tax_rate("tax_rate", rate) if rate.strip() else default_rate,
    )


def _rate(db: Session, args: argparse.Namespace) -> Decimal:
    if args.tax_rate is not None:
        return parse_tax_rate("tax_rate", args.tax_rate)
    return profile.profile_fields(db).default_tax_rate


def cmd_create(args: argparse.Namespace) -> int:
    with practice(args, write=True) as p:
        ids = _create(p.db, args)
        today = profile.coach_today(p.db)
        rows = [listing.invoice_row(p.db, i, today) for i in ids]
    if args.json:
        print_json(rows[0] if len(rows) == 1 else rows)
    else:
        for row in rows:
            echo(
                _("Created draft invoice {id} ({total} {currency}).").format(
                    id=row.id, total=row.total, currency=row.currency
                )
            )
    return EXIT_OK


def _create(db: Session, args: argparse.Namespace) -> list[int]:
    rate = _rate(db, args)
    start = parse_date("sessions_from", args.sessions_from)
    end = parse_date("sessions_to", args.sessions_to)
    if (start is None) != (end is None):
        raise ValidationError({"sessions_to": _("Give both --sessions-from and --sessions-to.")})
    if args.everyone:
        if start is None or end is None:
            raise ValidationError({"sessions_from": _("--everyone needs the period's dates.")})
        return sources.invoice_held_sessions_for_everyone(db, start, end, tax_rate=rate)
    if not args.client:
        raise ValidationError({"client": _("Name the client (or use --everyone).")})
    client_id = clients.resolve_client(db, args.client)
    if args.line:
        data = InvoiceFields(
            client_id=client_id,
            engagement_id=args.engagement,
            to_sponsor=args.to_sponsor,
            notes=args.notes or "",
            footer=args.footer,
            lines=[parse_line(text, rate) for text in args.line],
        )
        return [invoices.create_draft(db, data)]
    if args.session:
        return [
            sources.invoice_sessions(
                db, client_id, args.session, tax_rate=rate, to_sponsor=args.to_sponsor
            )
        ]
    if start is not None and end is not None:
        return [
            sources.invoice_held_sessions(
                db,
                client_id,
                start,
                end,
                engagement_id=args.engagement,
                tax_rate=rate,
                to_sponsor=args.to_sponsor,
            )
        ]
    if args.engagement is None:
        raise ValidationError(
            {"line": _("Give --line, --session, --sessions-from/--sessions-to or --engagement.")}
        )
    return _from_engagement(db, args, client_id, rate)


def _from_engagement(
    db: Session, args: argparse.Namespace, client_id: int, rate: Decimal
) -> list[int]:
    engagement = db.get(Engagement, args.engagement)
    if engagement is None or engagement.client_id != client_id:
        raise ValidationError({"engagement": _("That engagement is not this client's.")})
    if engagement.fee_model is FeeModel.MONTHLY_RETAINER:
        if not args.month:
            raise ValidationError({"month": _("Name the retainer's month, e.g. 2026-03.")})
        month = parse_date("month", f"{args.month}-01")
        assert month is not None
        return [
            sources.retainer_invoice(
                db, engagement.id, month, tax_rate=rate, to_sponsor=args.to_sponsor
            )
        ]
    if engagement.fee_model is FeeModel.PACKAGE:
        return sources.package_invoices(
            db, engagement.id, args.instalments or 1, tax_rate=rate, to_sponsor=args.to_sponsor
        )
    return [
        sources.invoice_held_sessions(
            db,
            client_id,
            engagement.start_date,
            profile.coach_today(db),
            engagement_id=engagement.id,
            tax_rate=rate,
            to_sponsor=args.to_sponsor,
        )
    ]


def cmd_edit(args: argparse.Namespace) -> int:
    with practice(args, write=True) as p:
        invoice = get_invoice(p.db, args.invoice)
        data = InvoiceFields(
            client_id=invoice.client_id,
            engagement_id=invoice.engagement_id,
            to_sponsor=invoice.sponsor_id is not None if args.to_sponsor is None else True,
            currency=invoice.currency,
            notes=invoice.notes if args.notes is None else args.notes,
            footer=invoice.footer if args.footer is None else args.footer,
            lines=[
                LineFields(x.description, x.quantity, x.unit_price, x.tax_rate, x.session_id)
                for x in invoice.lines
            ],
        )
        if args.line:
            rate = _rate(p.db, args)
            data.lines = [parse_line(text, rate) for text in args.line]
        invoices.update_draft(p.db, args.invoice, data)
    echo(_("Saved draft invoice {id}.").format(id=args.invoice))
    return EXIT_OK


def cmd_delete(args: argparse.Namespace) -> int:
    with practice(args, write=True) as p:
        invoices.delete_draft(p.db, args.invoice)
    echo(_("Deleted draft invoice {id}.").format(id=args.invoice))
    return EXIT_OK


def cmd_issue(args: argparse.Namespace) -> int:
    with practice(args, write=True) as p:
        today = profile.coach_today(p.db)
        number = invoices.issue_invoice(p.db, args.invoice, today)
        row = listing.invoice_row(p.db, args.invoice, today)
    if args.json:
        print_json(row)
    else:
        echo(_("Issued invoice {number}, due {due}.").format(number=number, due=row.due_date))
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    with practice(args) as p:
        client_id = clients.resolve_client(p.db, args.client) if args.client else None
        rows = listing.list_invoices(
            p.db,
            profile.coach_today(p.db),
            status=ShownStatus(args.status) if args.status else None,
            client_id=client_id,
            year=args.year,
        )
    if args.json:
        print_json(rows)
        return EXIT_OK
    if not rows:
        echo(_("No invoices."))
        return EXIT_OK
    print_table(
        [_(h) for h in ROW_HEADERS] + [_("paid"), _("balance"), _("status")],
        [
            (
                r.id,
                r.number,
                r.client,
                r.issue_date,
                r.due_date,
                r.currency,
                r.net,
                r.tax,
                r.total,
                r.paid,
                r.balance,
                r.status,
            )
            for r in rows
        ],
    )
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    with practice(args) as p:
        detail = listing.invoice_detail(p.db, args.invoice, profile.coach_today(p.db))
    if args.json:
        print_json(detail)
        return EXIT_OK
    doc, row = detail.document, detail.row
    print_fields(
        [
            (_("Number"), row.number or _("draft")),
            (_("Kind"), row.kind),
            (_("Status"), row.status),
            (_("Client"), row.client),
            (_("Bill to"), doc.buyer.name),
            (_("Issued"), row.issue_date),
            (_("Due"), row.due_date),
            (_("Credit for"), doc.credit_for),
        ]
    )
    print()
    print_table(
        [_("description"), _("qty"), _("unit price"), _("tax %"), _("net")],
        [(x.description, x.quantity, x.unit_price, x.tax_rate, x.net) for x in doc.lines],
    )
    print()
    for tax in doc.taxes:
        rate = _("{rate} %").format(rate=tax.rate)
        echo(_("Tax {rate} on {net}: {tax}").format(rate=rate, net=tax.net, tax=tax.tax))
    print_fields(
        [
            (_("Net"), f"{doc.net_total} {doc.currency}"),
            (_("Tax"), f"{doc.tax_total} {doc.currency}"),
            (_("Total"), f"{doc.gross_total} {doc.currency}"),
            (_("Paid"), f"{row.paid} {doc.currency}"),
            (_("Balance"), f"{row.balance} {doc.currency}"),
        ]
    )
    return EXIT_OK


def cmd_pdf(args: argparse.Namespace) -> int:
    from coachdesk.services.billing.invoice_document import invoice_pdf

    with practice(args) as p:
        pdf = invoice_pdf(p.db, args.invoice, profile.coach_today(p.db))
    write_pdf(args.out, pdf)
    return EXIT_OK


def cmd_facturx(args: argparse.Namespace) -> int:
    from coachdesk.services.billing.invoice_document import invoice_facturx

    with practice(args) as p:
        pdf = invoice_facturx(p.db, args.invoice)
    write_pdf(args.out, pdf)
    return EXIT_OK


def cmd_credit(args: argparse.Namespace) -> int:
    with practice(args, write=True) as p:
        today = profile.coach_today(p.db)
        note_id = invoices.credit_invoice(p.db, args.invoice, today, reason=args.reason)
        row = listing.invoice_row(p.db, note_id, today)
    if args.json:
        print_json(row)
    else:
        echo(_("Issued credit note {number} (id {id}).").format(number=row.number, id=row.id))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    if not args.out.parent.is_dir():
        message = _("The folder {path} does not exist.").format(path=args.out.parent)
        raise ValidationError({"out": message})
    with practice(args) as p:
        rows = revenue.accountant_rows(p.db, args.year)
    write_atomic(args.out, revenue.accountant_csv(rows).encode("utf-8-sig"))
    echo(_("Wrote {n} rows to {path}").format(n=len(rows), path=args.out))
    return EXIT_OK
