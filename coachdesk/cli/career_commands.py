"""``coachdesk cce|mentoring|supervision add|list``: the coach's own professional record."""

from __future__ import annotations

import argparse
import mimetypes
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from pathlib import Path

from coachdesk.cli.context import echo, practice
from coachdesk.cli.output import print_json, print_table
from coachdesk.cli.parsing import Handler, group, parse_date, verb
from coachdesk.errors import EXIT_OK, ValidationError
from coachdesk.i18n import _
from coachdesk.model import CceCategory
from coachdesk.services.credentials import cce, mentoring, supervision

CATEGORIES = [c.value.replace("_", "-") for c in CceCategory]


Verb = Callable[[str, str, Handler], argparse.ArgumentParser]


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    def noun(name: str, help_text: str) -> Verb:
        actions = group(commands, name, help_text)
        return lambda verb_name, text, handler: verb(actions, common, verb_name, text, handler)

    add_cce = noun("cce", _("add or list continuing coach education (CCE) activities"))
    new = add_cce("add", _("record a CCE activity"), cmd_cce_add)
    new.add_argument("--date", required=True, metavar="DATE")
    new.add_argument("--provider", required=True)
    new.add_argument("--title", required=True)
    new.add_argument("--category", choices=CATEGORIES, default=CATEGORIES[0])
    new.add_argument("--units", required=True, metavar="N", help=_("CCE units (1 per hour)"))
    new.add_argument("--ethics-units", default="0", metavar="N")
    new.add_argument(
        "--evidence", type=Path, metavar="FILE", help=_("the certificate, kept in the vault")
    )
    new.add_argument("--json", action="store_true")
    listing = add_cce("list", _("list CCE activities and the renewal cycle"), cmd_cce_list)
    listing.add_argument("--json", action="store_true")

    add_mentoring = noun("mentoring", _("add or list mentor coaching received"))
    new = add_mentoring("add", _("record mentor coaching received"), cmd_mentoring_add)
    new.add_argument("--date", required=True, metavar="DATE")
    new.add_argument("--mentor", required=True, help=_("the mentor's name"))
    new.add_argument("--mentor-email", default="", metavar="EMAIL")
    new.add_argument("--mentor-credential", default="", metavar="TEXT", help=_("e.g. MCC"))
    new.add_argument("--minutes", type=int, required=True, metavar="N")
    new.add_argument(
        "--group-size", type=int, metavar="N", help=_("in a group of N (default: one-to-one)")
    )
    new.add_argument("--json", action="store_true")
    listing = add_mentoring("list", _("list mentor coaching and progress"), cmd_mentoring_list)
    listing.add_argument("--json", action="store_true")

    add_supervision = noun("supervision", _("add or list supervision and reflective practice"))
    new = add_supervision("add", _("record a supervision session"), cmd_supervision_add)
    new.add_argument("--date", required=True, metavar="DATE")
    new.add_argument("--supervisor", required=True)
    new.add_argument("--minutes", type=int, required=True, metavar="N")
    new.add_argument("--reflection", default="", help=_("private, kept in the vault"))
    listing = add_supervision("list", _("list supervision sessions"), cmd_supervision_list)
    listing.add_argument("--json", action="store_true")


def _units(field: str, text: str) -> Decimal:
    try:
        return Decimal(text.strip())
    except InvalidOperation:
        raise ValidationError({field: _("Enter a number of units, e.g. 1.5.")}) from None


def cmd_cce_add(args: argparse.Namespace) -> int:
    evidence, name, mime = None, "", ""
    if args.evidence is not None:
        try:
            evidence = args.evidence.read_bytes()
        except OSError:
            message = _("Cannot read {path}.").format(path=args.evidence)
            raise ValidationError({"evidence": message}) from None
        name = args.evidence.name
        mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
    data = cce.CceFields(
        held_on=parse_date("date", args.date),
        provider=args.provider,
        title=args.title,
        category=CceCategory(args.category.replace("-", "_")),
        units=_units("units", args.units),
        ethics_units=_units("ethics_units", args.ethics_units),
    )
    with practice(args, write=True) as p:
        saved = cce.add_cce(p.db, data, evidence, name, mime)
        row = next(r for r in cce.list_cce(p.db) if r.id == saved.id)
    if args.json:
        print_json(row)
    else:
        echo(_("Added CCE activity {id}.").format(id=saved.id))
    return EXIT_OK


def cmd_cce_list(args: argparse.Namespace) -> int:
    with practice(args) as p:
        rows, status = cce.list_cce(p.db), cce.cce_status(p.db)
    if args.json:
        print_json({"activities": rows, "cycle": status, "met": status.met})
        return EXIT_OK
    print_table(
        [_("id"), _("date"), _("provider"), _("title"), _("type"), _("units"), _("ethics")],
        [(r.id, r.held_on, r.provider, r.title, r.category, r.units, r.ethics_units) for r in rows],
    )
    echo(
        _(
            "Since {start}: {units} units ({core} Core Competencies, {ethics} ethics); "
            "still needed: {needed} units, {core_needed} core, {ethics_needed} ethics."
        ).format(
            start=status.cycle_start.isoformat(),
            units=status.units,
            core=status.core_units,
            ethics=status.ethics_units,
            needed=status.units_needed,
            core_needed=status.core_needed,
            ethics_needed=status.ethics_needed,
        )
    )
    return EXIT_OK


def cmd_mentoring_add(args: argparse.Namespace) -> int:
    data = mentoring.MentoringFields(
        held_on=parse_date("date", args.date),
        mentor_name=args.mentor,
        mentor_email=args.mentor_email,
        mentor_credential=args.mentor_credential,
        minutes=args.minutes,
        group_size=args.group_size,
    )
    with practice(args, write=True) as p:
        saved = mentoring.add_mentoring(p.db, data)
        row = next(r for r in mentoring.list_mentoring(p.db) if r.id == saved.id)
    if args.json:
        print_json(row)
    else:
        echo(_("Added mentor coaching {id}.").format(id=saved.id))
    return EXIT_OK


def cmd_mentoring_list(args: argparse.Namespace) -> int:
    with practice(args) as p:
        rows, progress = mentoring.list_mentoring(p.db), mentoring.mentoring_progress(p.db)
    if args.json:
        print_json({"sessions": rows, "progress": progress})
        return EXIT_OK
    print_table(
        [_("id"), _("date"), _("mentor"), _("email"), _("credential"), _("hours"), _("group")],
        [
            (
                r.id,
                r.held_on,
                r.mentor_name,
                r.mentor_email,
                r.mentor_credential,
                r.hours,
                r.group_size or _("one-to-one"),
            )
            for r in rows
        ],
    )
    still = "; ".join(progress.missing) or _("the requirement is met")
    echo(_("{h} hours count. {still}.").format(h=progress.counted_hours, still=still))
    return EXIT_OK


def cmd_supervision_add(args: argparse.Namespace) -> int:
    data = supervision.SupervisionFields(
        held_on=parse_date("date", args.date),
        supervisor=args.supervisor,
        minutes=args.minutes,
        reflection=args.reflection,
    )
    with practice(args, write=True) as p:
        saved = supervision.add_supervision(p.db, data)
    echo(_("Added supervision {id}.").format(id=saved.id))
    return EXIT_OK


def cmd_supervision_list(args: argparse.Namespace) -> int:
    with practice(args) as p:
        rows = supervision.list_supervision(p.db)
    if args.json:
        print_json(rows)
        return EXIT_OK
    print_table(
        [_("id"), _("date"), _("supervisor"), _("hours")],
        [(r.id, r.held_on, r.supervisor, r.hours) for r in rows],
    )
    return EXIT_OK
