"""``coachdesk goal add|list|rate|delete`` and ``coachdesk action add|list|done|edit|delete``."""

from __future__ import annotations

import argparse
from dataclasses import replace

from coachdesk.cli.context import confirm, echo, practice
from coachdesk.cli.output import print_json, print_table, warn
from coachdesk.cli.parsing import Handler, group, parse_date, verb
from coachdesk.errors import EXIT_OK, ValidationError
from coachdesk.i18n import _, ngettext
from coachdesk.model import ActionStatus, GoalStatus
from coachdesk.services.people import clients, profile
from coachdesk.services.progress import actions, goals


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    goal_verbs = group(commands, "goal", _("add, list, rate or delete a client's goals"))
    action_verbs = group(commands, "action", _("add, list, complete, edit or delete action items"))

    def goal(name: str, help_text: str, handler: Handler) -> argparse.ArgumentParser:
        return verb(goal_verbs, common, name, help_text, handler)

    def action(name: str, help_text: str, handler: Handler) -> argparse.ArgumentParser:
        return verb(action_verbs, common, name, help_text, handler)

    new = goal("add", _("add a goal"), cmd_goal_add)
    new.add_argument("--client", required=True, help=_("id or unique name"))
    new.add_argument("--title", required=True)
    new.add_argument("--why", default="")
    new.add_argument("--measure", default="", help=_("how success will be seen"))
    new.add_argument("--baseline", type=int, metavar="0-10")
    new.add_argument("--target", type=int, metavar="0-10")
    new.add_argument("--target-date", metavar="DATE")
    new.add_argument("--engagement", type=int, metavar="ID")
    new.add_argument("--json", action="store_true")

    listing = goal("list", _("list a client's goals with their latest score"), cmd_goal_list)
    listing.add_argument("--client", required=True, help=_("id or unique name"))
    listing.add_argument("--status", choices=[s.value for s in GoalStatus])
    listing.add_argument("--json", action="store_true")

    rate = goal("rate", _("record a 0-10 progress rating"), cmd_goal_rate)
    rate.add_argument("goal", type=int, metavar="GOAL")
    rate.add_argument("score", type=int, metavar="SCORE")
    rate.add_argument("--session", type=int, metavar="ID")
    rate.add_argument("--note", default="")

    remove = goal("delete", _("delete a goal with its milestones and ratings"), cmd_goal_delete)
    remove.add_argument("goal", type=int, metavar="GOAL")
    remove.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))

    add_item = action("add", _("add an action item"), cmd_action_add)
    add_item.add_argument("--client", required=True, help=_("id or unique name"))
    add_item.add_argument("--text", required=True)
    add_item.add_argument("--due", metavar="DATE")
    add_item.add_argument("--session", type=int, metavar="ID")
    add_item.add_argument("--goal", type=int, metavar="ID")
    add_item.add_argument("--json", action="store_true")

    list_items = action("list", _("list action items"), cmd_action_list)
    list_items.add_argument("--client", help=_("id or unique name"))
    list_items.add_argument("--status", choices=[s.value for s in ActionStatus])
    list_items.add_argument("--overdue", action="store_true", help=_("open and past their date"))
    list_items.add_argument("--json", action="store_true")

    done = action("done", _("mark an action item done"), cmd_action_done)
    done.add_argument("action", type=int, metavar="ID")

    edit = action("edit", _("change an action item (only the options given)"), cmd_action_edit)
    edit.add_argument("action", type=int, metavar="ID")
    edit.add_argument("--text")
    edit.add_argument("--due", metavar="DATE", help=_('a date ("" for none)'))
    edit.add_argument("--goal", metavar="ID", help=_('the goal it serves ("" for none)'))

    delete = action("delete", _("delete an action item for good"), cmd_action_delete)
    delete.add_argument("action", type=int, metavar="ID")


def cmd_goal_add(args: argparse.Namespace) -> int:
    with practice(args, write=True) as p:
        client_id = clients.resolve_client(p.db, args.client)
        data = goals.GoalFields(
            client_id=client_id,
            title=args.title,
            why=args.why,
            success_measure=args.measure,
            baseline=args.baseline,
            target=args.target,
            target_date=parse_date("target_date", args.target_date),
            engagement_id=args.engagement,
        )
        saved = goals.create_goal(p.db, data)
        row = next(r for r in goals.list_goals(p.db, client_id) if r.id == saved.id)
    warn(saved.warnings)
    if args.json:
        print_json(row)
    else:
        echo(_("Added goal {id}: {title}").format(id=row.id, title=row.title))
    return EXIT_OK


def cmd_goal_list(args: argparse.Namespace) -> int:
    with practice(args) as p:
        rows = goals.list_goals(
            p.db,
            clients.resolve_client(p.db, args.client),
            GoalStatus(args.status) if args.status else None,
        )
    if args.json:
        print_json(rows)
        return EXIT_OK
    print_table(
        [
            _("id"),
            _("goal"),
            _("status"),
            _("baseline"),
            _("latest"),
            _("target"),
            _("by"),
            _("milestones"),
        ],
        [
            (
                r.id,
                r.title,
                r.status,
                r.baseline,
                r.latest_score,
                r.target,
                r.target_date,
                f"{r.milestones_done}/{r.milestones_total}" if r.milestones_total else "",
            )
            for r in rows
        ],
        empty=_("No goals match."),
    )
    return EXIT_OK


def cmd_goal_rate(args: argparse.Namespace) -> int:
    with practice(args, write=True) as p:
        saved = goals.rate_goal(
            p.db, args.goal, args.score, session_id=args.session, note=args.note
        )
    warn(saved.warnings)
    echo(_("Recorded {score}/10 for goal {id}.").format(score=args.score, id=args.goal))
    return EXIT_OK


def cmd_goal_delete(args: argparse.Namespace) -> int:
    with practice(args, write=True) as p:
        weight = goals.goal_weight(p.db, args.goal)
        if weight.ratings:
            question = ngettext(
                "Delete goal {id} with its {n} rating? This cannot be undone.",
                "Delete goal {id} with its {n} ratings? This cannot be undone.",
                weight.ratings,
            ).format(id=args.goal, n=weight.ratings)
            if not confirm(question, args.yes):
                echo(_("Nothing was deleted."))
                return EXIT_OK
        goals.delete_goal(p.db, args.goal)
    echo(_("Deleted goal {id}.").format(id=args.goal))
    return EXIT_OK


def cmd_action_add(args: argparse.Namespace) -> int:
    with practice(args, write=True) as p:
        client_id = clients.resolve_client(p.db, args.client)
        data = actions.ActionFields(
            client_id=client_id,
            text=args.text,
            due_on=parse_date("due", args.due),
            session_id=args.session,
            goal_id=args.goal,
        )
        saved = actions.add_action(p.db, data)
        row = next(r for r in actions.list_actions(p.db, client_id) if r.id == saved.id)
    warn(saved.warnings)
    if args.json:
        print_json(row)
    else:
        echo(_("Added action item {id}.").format(id=saved.id))
    return EXIT_OK


def cmd_action_list(args: argparse.Namespace) -> int:
    with practice(args) as p:
        rows = actions.list_actions(
            p.db,
            client_id=clients.resolve_client(p.db, args.client) if args.client else None,
            status=ActionStatus(args.status) if args.status else None,
            overdue_on=profile.coach_today(p.db) if args.overdue else None,
        )
    if args.json:
        print_json(rows)
        return EXIT_OK
    print_table(
        [_("id"), _("client"), _("action"), _("due"), _("status"), _("goal")],
        [(r.id, r.client_name, r.text, r.due_on, r.status, r.goal_title) for r in rows],
        empty=_("No action items match."),
    )
    return EXIT_OK


def cmd_action_done(args: argparse.Namespace) -> int:
    with practice(args, write=True) as p:
        actions.mark_done(p.db, args.action, profile.coach_today(p.db))
    echo(_("Action item {id} is done.").format(id=args.action))
    return EXIT_OK


def cmd_action_edit(args: argparse.Namespace) -> int:
    with practice(args, write=True) as p:
        data = actions.action_fields(p.db, args.action)
        if args.text is not None:
            data = replace(data, text=args.text)
        if args.due is not None:
            data = replace(data, due_on=parse_date("due", args.due) if args.due else None)
        if args.goal is not None:
            data = replace(data, goal_id=parse_id("goal", args.goal))
        actions.update_action(p.db, args.action, data)
    echo(_("Changed action item {id}.").format(id=args.action))
    return EXIT_OK


def cmd_action_delete(args: argparse.Namespace) -> int:
    with practice(args, write=True) as p:
        actions.delete_action(p.db, args.action)
    echo(_("Deleted action item {id}.").format(id=args.action))
    return EXIT_OK


def parse_id(field: str, text: str) -> int | None:
    """An id option where "" means none."""
    if not text.strip():
        return None
    if not text.strip().isdigit():
        raise ValidationError({field: _('Use an id (a number), or "" for none.')})
    return int(text)
