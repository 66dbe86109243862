"""``coachdesk search``, ``coachdesk today`` and ``coachdesk demo``."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import Any

from coachdesk.cli.context import echo, practice
from coachdesk.cli.output import cell, print_json, print_table
from coachdesk.cli.overview_text import sequence_text
from coachdesk.errors import EXIT_OK
from coachdesk.i18n import _, ngettext
from coachdesk.services.overviews.search import MATCH_END, MATCH_START, SearchHit, count, search
from coachdesk.services.overviews.today import TodayData, today


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    def add(name: str, help_text: str, handler: Any) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text, parents=[common])
        sub.set_defaults(handler=handler)
        return sub

    find = add("search", _("search clients, notes, goals and action items"), cmd_search)
    find.add_argument("text", metavar="TEXT")
    find.add_argument("--limit", type=int, default=50)
    find.add_argument("--offset", type=int, default=0, metavar="N", help=_("skip the best N"))
    find.add_argument("--json", action="store_true")

    day = add("today", _("what needs attention today"), cmd_today)
    day.add_argument("--json", action="store_true")

    demo = add("demo", _("fill an empty vault with a realistic demo practice"), cmd_demo)
    demo.add_argument("--clients", type=int, default=30, metavar="N")
    demo.add_argument("--seed", type=int, default=1, metavar="S")


def cmd_search(args: argparse.Namespace) -> int:
    with practice(args) as p:
        hits = search(p.db, args.text, args.limit, tz=p.tz, offset=args.offset)
        total = count(p.db, args.text)
    if args.json:
        print_json(hits)
        return EXIT_OK
    if not hits:
        echo(_("No matches."))
        return EXIT_OK
    print_table(
        [_("kind"), _("id"), _("client"), _("title"), _("match")],
        [(h.kind, h.ref_id, h.client_name, h.title, _match_text(h)) for h in hits],
    )
    rest = total - max(args.offset, 0) - len(hits)
    if rest > 0:
        more = ngettext(
            "{n} more match: --offset {next} shows it.",
            "{n} more matches: --offset {next} shows them.",
            rest,
        )
        echo(more.format(n=rest, next=max(args.offset, 0) + len(hits)))
    return EXIT_OK


def _match_text(hit: SearchHit) -> str:
    """The snippet with [matches], after its notes heading and a private label."""
    text = hit.snippet.replace(MATCH_START, "[").replace(MATCH_END, "]")
    if hit.section:
        text = f"{hit.section}: {text}"
    return f"{_('Private')} · {text}" if hit.private else text


def cmd_today(args: argparse.Namespace) -> int:
    with practice(args) as p:
        data = today(p.db, datetime.now(UTC), p.tz)
        if args.json:
            print_json(data)
            return EXIT_OK
        _print_today(data, p)
    return EXIT_OK


def _print_today(data: TodayData, p: Any) -> None:
    sections: list[tuple[str, list[str], list[tuple[Any, ...]]]] = [
        (
            _("Today's sessions"),
            [_("id"), _("when"), _("client"), _("status"), _("session")],
            [
                (s.id, s.starts_at, s.client_name, s.status, sequence_text(s.sequence, s.planned))
                for s in data.sessions_today
            ],
        ),
        (
            _("Later this week"),
            [_("id"), _("when"), _("client"), _("session")],
            [
                (s.id, s.starts_at, s.client_name, sequence_text(s.sequence, s.planned))
                for s in data.sessions_this_week
            ],
        ),
        (
            _("Sessions without notes"),
            [_("id"), _("when"), _("client"), _("session")],
            [
                (s.id, s.starts_at, s.client_name, sequence_text(s.sequence, s.planned))
                for s in data.notes_missing
            ],
        ),
        (
            _("Overdue action items"),
            [_("id"), _("client"), _("action"), _("due")],
            [(a.id, a.client_name, a.text, a.due_on) for a in data.overdue_actions],
        ),
        (
            _("Agreements awaiting signature"),
            [_("id"), _("client"), _("days waiting")],
            [(a.id, a.client_name, a.days_waiting) for a in data.awaiting_signature],
        ),
        (
            _("Engagements ending or used up"),
            [_("id"), _("client"), _("title"), _("ends")],
            [(e.id, e.client_name, e.title, e.end_date) for e in data.engagements_ending],
        ),
        (
            _("Follow-ups due"),
            [_("id"), _("client"), _("due"), _("reason")],
            [(f.id, f.client_name, f.due_on, f.reason) for f in data.follow_ups_due],
        ),
        (
            _("Access requests to answer"),
            [_("id"), _("client"), _("received"), _("due")],
            [(r.id, r.client_name, r.received_on, r.due_on) for r in data.access_requests_open],
        ),
    ]
    echo(_("Today is {day}.").format(day=cell(data.today)))
    for title, headers, rows in sections:
        if rows:
            echo("")
            echo(title)
            print_table(headers, rows, p.tz)
    if not any(rows for _title, _headers, rows in sections):
        echo(_("Nothing needs your attention."))


def cmd_demo(args: argparse.Namespace) -> int:
    from coachdesk.services.demo.practice import fill_demo

    with practice(args) as p:
        p.db.rollback()
        summary = fill_demo(p.vault.engine, args.clients, args.seed)
    echo(
        _("Added a demo practice: {clients} clients, {sessions} sessions, {goals} goals.").format(
            clients=summary.clients, sessions=summary.sessions, goals=summary.goals
        )
    )
    return EXIT_OK
