"""``coachdesk import csv`` and ``coachdesk import vcard``: clients from address-book exports.

Valid new rows are imported in one transaction; invalid rows and likely duplicates are skipped
and reported with their row number, name and reason (``--allow-duplicates`` imports those too).
Exit 1 only when every row was invalid: nothing could ever be imported from that file as it is.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coachdesk.cli.context import echo, practice
from coachdesk.cli.output import print_json, print_table, warn
from coachdesk.cli.parsing import verb
from coachdesk.errors import EXIT_INVALID_INPUT, EXIT_OK
from coachdesk.i18n import _, ngettext
from coachdesk.services.exchange import contacts_import as ci
from coachdesk.services.exchange.contacts_import import (
    ContactFile,
    ImportPlan,
    PlannedRow,
    RowStatus,
)


def add_verbs(verbs: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``csv`` and ``vcard`` verbs to the ``import`` group."""
    from_csv = verb(verbs, common, "csv", _("add clients from a CSV export"), cmd_csv)
    _file_options(from_csv)
    from_csv.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        help=_("read a column (title or number) as a field: {fields}").format(
            fields=", ".join(ci.FIELD_KEYS)
        ),
    )
    from_vcard = verb(verbs, common, "vcard", _("add clients from a vCard (.vcf) file"), cmd_vcard)
    _file_options(from_vcard)


def _file_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", type=Path)
    parser.add_argument(
        "--dry-run", action="store_true", help=_("show what would happen; import nothing")
    )
    parser.add_argument(
        "--allow-duplicates", action="store_true", help=_("import likely duplicates too")
    )
    parser.add_argument("--json", action="store_true", help=_("print the plan as JSON"))


def cmd_csv(args: argparse.Namespace) -> int:
    source = ci.load_contacts(args.file, ci.CSV)
    headers = source.table.headers if source.table else ()
    mapping = ci.apply_map_options(headers, source.mapping(), args.map)
    if ci.lacks_name(mapping):
        warn([_("No column holds a name: name one with --map COLUMN=name.")])
    return _run(args, source, mapping)


def cmd_vcard(args: argparse.Namespace) -> int:
    return _run(args, ci.load_contacts(args.file, ci.VCARD), None)


@dataclass(frozen=True)
class Outcome:
    """One row of the report (the ``--json`` output)."""

    row: int
    name: str
    email: str
    phone: str
    organisation: str
    status: RowStatus
    reason: str
    action: str


def _run(args: argparse.Namespace, source: ContactFile, mapping: list[str] | None) -> int:
    candidates = source.candidates(mapping)
    with practice(args, write=not args.dry_run) as p:
        plan = ci.plan_import(p.db, candidates)
        chosen = [row for row in plan.rows if _wanted(row, args.allow_duplicates)]
        imported = 0 if args.dry_run else ci.import_rows(p.db, chosen)
    outcomes = _outcomes(plan, args)
    if args.json:
        print_json({"dry_run": args.dry_run, "imported": imported, "rows": outcomes})
    else:
        _print_report(plan, outcomes, len(chosen), imported, args.dry_run)
    if plan.rows and plan.count(RowStatus.INVALID) == len(plan.rows):
        if not args.json:
            warn([_("every row is invalid: nothing was imported.")])
        return EXIT_INVALID_INPUT
    return EXIT_OK


def _wanted(row: PlannedRow, allow_duplicates: bool) -> bool:
    return row.status == RowStatus.NEW or (allow_duplicates and row.status == RowStatus.DUPLICATE)


def _outcomes(plan: ImportPlan, args: argparse.Namespace) -> list[Outcome]:
    def action(row: PlannedRow) -> str:
        if not _wanted(row, args.allow_duplicates):
            return "skip"
        return "would import" if args.dry_run else "import"

    return [
        Outcome(
            row.number,
            row.name,
            row.email,
            row.phone,
            row.organisation,
            row.status,
            row.reason,
            action(row),
        )
        for row in plan.rows
    ]


def _print_report(
    plan: ImportPlan, outcomes: list[Outcome], chosen: int, imported: int, dry_run: bool
) -> None:
    shown = outcomes if dry_run else [o for o in outcomes if o.action == "skip"]
    if shown:
        print_table(
            [_("row"), _("name"), _("email"), _("status"), _("action"), _("reason")],
            [(o.row, o.name, o.email, o.status, o.action, o.reason) for o in shown],
        )
    skipped = len(plan.rows) - chosen
    rows = ngettext("{n} row skipped.", "{n} rows skipped.", skipped).format(n=skipped)
    if dry_run:
        message = ngettext(
            "Dry run: {n} client would be imported;",
            "Dry run: {n} clients would be imported;",
            chosen,
        )
        echo(f"{message.format(n=chosen)} {rows}")
    else:
        message = ngettext("Imported {n} client;", "Imported {n} clients;", imported)
        echo(f"{message.format(n=imported)} {rows}")
