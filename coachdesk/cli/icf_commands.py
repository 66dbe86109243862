"""``coachdesk icf log|summary``: the ICF client coaching log and where the coach stands."""

from __future__ import annotations

import argparse
from pathlib import Path

from coachdesk.cli.context import echo, practice
from coachdesk.cli.output import print_json, print_table
from coachdesk.cli.parsing import Handler, group, parse_date, verb
from coachdesk.errors import EXIT_OK, ValidationError
from coachdesk.i18n import _, ngettext
from coachdesk.vault.files import write_atomic

FORMATS = (".xlsx", ".csv", ".pdf")


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    actions = group(commands, "icf", _("the ICF client coaching log and credential progress"))

    def add(name: str, help_text: str, handler: Handler) -> argparse.ArgumentParser:
        return verb(actions, common, name, help_text, handler)

    log = add("log", _("write the client coaching log as XLSX or CSV, or a PDF summary"), cmd_log)
    log.add_argument(
        "--out", type=Path, required=True, metavar="FILE", help=_("a .xlsx, .csv or .pdf file")
    )
    log.add_argument("--from", dest="start", metavar="DATE", help=_("first day (inclusive)"))
    log.add_argument("--to", dest="end", metavar="DATE", help=_("last day (inclusive)"))

    summary = add("summary", _("hours, clients and progress toward ACC, PCC and MCC"), cmd_summary)
    summary.add_argument("--json", action="store_true")


def cmd_log(args: argparse.Namespace) -> int:
    from coachdesk.services.credentials import log_export  # openpyxl: on use
    from coachdesk.services.credentials.summary_pdf import credential_summary_pdf  # ReportLab

    suffix = args.out.suffix.lower()
    if suffix not in FORMATS:
        raise ValidationError({"out": _("The log is written as a .xlsx, .csv or .pdf file.")})
    if not args.out.parent.is_dir():
        message = _("The folder {path} does not exist.").format(path=args.out.parent)
        raise ValidationError({"out": message})
    start, end = parse_date("from", args.start), parse_date("to", args.end)
    if start and end and end < start:
        raise ValidationError({"to": _("The end date must not be before the start date.")})
    with practice(args) as p:
        write = {
            ".xlsx": log_export.log_xlsx,
            ".csv": log_export.log_csv,
            ".pdf": credential_summary_pdf,
        }[suffix]
        data = write(p.db, start, end)
    write_atomic(args.out, data)
    echo(_("Wrote {path}").format(path=args.out))
    return EXIT_OK


def cmd_summary(args: argparse.Namespace) -> int:
    from coachdesk.services.credentials.thresholds import icf_summary

    with practice(args) as p:
        summary = icf_summary(p.db)
    if args.json:
        print_json(summary)
        return EXIT_OK
    echo(
        _(
            "{total} hours ({paid} paid, {pro_bono} pro bono) with {clients} clients; "
            "{recent} hours since {since}."
        ).format(
            total=summary.total_hours,
            paid=summary.paid_hours,
            pro_bono=summary.pro_bono_hours,
            clients=summary.clients,
            recent=summary.recent_hours,
            since=summary.recent_since.isoformat(),
        )
    )
    if summary.training_start is None:
        echo(_("Set the start of your coach training: coachdesk profile set --training-start."))
    if summary.left_off:
        left_off = ngettext(
            "{n} client is left off: they have not consented.",
            "{n} clients are left off: they have not consented.",
            summary.left_off,
        )
        echo(left_off.format(n=summary.left_off))
    print_table(
        [_("credential"), _("met"), _("hours"), _("paid hours"), _("clients"), _("recent hours")],
        [
            (
                s.credential.value.upper(),
                _("yes") if s.met else _("no"),
                _short(s.missing.hours),
                _short(s.missing.paid_hours),
                _short(s.missing.clients),
                _short(s.missing.recent_hours),
            )
            for s in summary.credentials
        ],
    )
    return EXIT_OK


def _short(missing: object) -> str:
    """What a column still needs, or nothing when it is met."""
    return _("{n} more").format(n=missing) if missing else ""
