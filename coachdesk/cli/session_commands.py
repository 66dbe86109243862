"""``coachdesk session add|list|show|edit|delete|notes|summary``."""

from __future__ import annotations

import argparse

from coachdesk.cli.context import confirm, echo, practice
from coachdesk.cli.document_commands import add_out, write_pdf
from coachdesk.cli.output import print_fields, print_json, print_table, warn
from coachdesk.cli.overview_text import sequence_text as _sequence
from coachdesk.cli.parsing import Handler, group, parse_datetime, verb
from coachdesk.errors import EXIT_OK, InvalidInput, ValidationError
from coachdesk.formatting import format_date, format_time
from coachdesk.i18n import _
from coachdesk.model import SessionKind, SessionMode, SessionStatus
from coachdesk.services.people import clients
from coachdesk.services.sessions import deletion, notes, sessions

STATUSES = [s.value for s in SessionStatus]
MODES = [m.value for m in SessionMode]
NO_ENGAGEMENT = "none"
KINDS = [k.value.replace("_", "-") for k in SessionKind]


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    actions = group(
        commands, "session", _("add, list, show, edit or delete coaching sessions, or their notes")
    )

    def add(name: str, help_text: str, handler: Handler) -> argparse.ArgumentParser:
        return verb(actions, common, name, help_text, handler)

    new = add("add", _("schedule or record a session"), cmd_add)
    new.add_argument("--client", required=True, help=_("id or unique name"))
    new.add_argument(
        "--start", required=True, help=_("ISO 8601, e.g. 2026-11-28T09:30 (coach's time zone)")
    )
    new.add_argument("--duration", type=int, metavar="MINUTES")
    new.add_argument(
        "--engagement",
        metavar="ID",
        help=_(
            "an engagement id, or none; default: the client's active engagement (of two "
            "active ones, the latest started), as the app preselects"
        ),
    )
    new.add_argument("--status", choices=STATUSES)
    new.add_argument("--agenda", default="")
    new.add_argument("--notes", default="", help=_("shared notes (may go to the client)"))
    new.add_argument(
        "--private-notes",
        default="",
        help=_(
            "private notes (never printed; exported only encrypted or with --include-private-notes)"
        ),
    )
    new.add_argument(
        "--actual-minutes", type=int, metavar="N", help=_("minutes coached (default: the length)")
    )
    new.add_argument(
        "--pro-bono",
        action="store_true",
        default=None,
        help=_("unpaid (default: as the engagement's fee model says)"),
    )
    new.add_argument(
        "--paid",
        dest="pro_bono",
        action="store_false",
        default=None,
        help=_("paid, e.g. in kind (barter), even in a pro bono engagement"),
    )
    new.add_argument("--kind", choices=KINDS, help=_("what the session was (default: coaching)"))
    new.add_argument("--json", action="store_true")

    listing = add("list", _("list sessions"), cmd_list)
    listing.add_argument("--client", help=_("id or unique name"))
    listing.add_argument("--from", dest="start", metavar="DATETIME")
    listing.add_argument("--to", dest="end", metavar="DATETIME")
    listing.add_argument("--status", choices=STATUSES)
    listing.add_argument("--json", action="store_true")

    show = add("show", _("show a session with its notes"), cmd_show)
    show.add_argument("session", type=int, metavar="ID")
    show.add_argument("--json", action="store_true")

    edit = add(
        "edit", _("correct a session's start, length, engagement, mode, place or status"), cmd_edit
    )
    edit.add_argument("session", type=int, metavar="ID")
    edit.add_argument("--start", help=_("ISO 8601 (coach's time zone)"))
    edit.add_argument("--duration", type=int, metavar="MINUTES")
    edit.add_argument("--engagement", metavar="ID", help=_("an engagement id, or none"))
    edit.add_argument("--mode", choices=MODES)
    edit.add_argument("--location", help=_("room, address or video link"))
    edit.add_argument("--status", choices=STATUSES)
    edit.add_argument("--json", action="store_true")

    delete = add("delete", _("delete a session (asks first when it has notes)"), cmd_delete)
    delete.add_argument("session", type=int, metavar="ID")
    delete.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))
    delete.add_argument("--json", action="store_true")

    note = add("notes", _("print a session's notes, or record them with the options"), cmd_notes)
    note.add_argument("session", type=int, metavar="ID")
    note.add_argument("--agenda")
    note.add_argument("--notes", help=_("shared notes"))
    note.add_argument("--private-notes")
    note.add_argument(
        "--status", choices=STATUSES, help=_("default: completed once the session has started")
    )
    note.add_argument(
        "--discard-draft",
        action="store_true",
        help=_("replace unsaved notes the app kept as a draft"),
    )

    summary = add("summary", _("write the session summary for the client as PDF"), cmd_summary)
    summary.add_argument("session", type=int, metavar="ID")
    add_out(summary)


def cmd_add(args: argparse.Namespace) -> int:
    with practice(args, write=True) as p:
        client_id = clients.resolve_client(p.db, args.client)
        active = sessions.active_engagements(p.db, client_id) if args.engagement is None else []
        data = sessions.SessionFields(
            client_id=client_id,
            starts_at=parse_datetime("start", args.start, p.tz),  # type: ignore[arg-type]
            engagement_id=(
                _engagement(args.engagement)
                if args.engagement is not None
                else next(iter(active), None)
            ),
            duration_minutes=args.duration,
            agenda=args.agenda,
            shared_notes=args.notes,
            private_notes=args.private_notes,
            actual_minutes=args.actual_minutes,
            pro_bono=args.pro_bono,
        )
        if args.kind:
            data.kind = SessionKind(args.kind.replace("-", "_"))
        if args.status:
            data.status = SessionStatus(args.status)
        saved = sessions.schedule_session(p.db, data)
        detail = sessions.get_session(p.db, saved.id)
    if len(active) > 1:
        warn(
            [
                _(
                    "The client has {n} active engagements: the session joins the latest "
                    "started, {title} (id {id}); name another with --engagement."
                ).format(n=len(active), title=detail.engagement_title, id=detail.engagement_id)
            ]
        )
    warn(saved.warnings)
    if args.json:
        print_json(_summary(detail))
    else:
        echo(_("Added session {id}.").format(id=saved.id))
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    with practice(args) as p:
        rows = sessions.list_sessions(
            p.db,
            client_id=clients.resolve_client(p.db, args.client) if args.client else None,
            start=parse_datetime("from", args.start, p.tz),
            end=parse_datetime("to", args.end, p.tz),
            status=SessionStatus(args.status) if args.status else None,
        )
        if args.json:
            print_json(rows)
            return EXIT_OK
        print_table(
            [
                _("id"),
                _("when"),
                _("client"),
                _("status"),
                _("engagement"),
                _("session"),
                _("notes"),
            ],
            [
                (
                    r.id,
                    r.starts_at,
                    r.client_name,
                    r.status,
                    r.engagement_title,
                    _sequence(r.sequence, r.planned),
                    _("yes") if r.has_notes else "",
                )
                for r in rows
            ],
            p.tz,
            empty=_("No sessions match."),
        )
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    with practice(args) as p:
        detail = sessions.get_session(p.db, args.session)
        if args.json:
            print_json(detail)
            return EXIT_OK
        print_fields(
            [
                (_("Id"), detail.id),
                (_("Client"), detail.client_name),
                (_("When"), detail.starts_at),
                (_("Duration"), _("{n} minutes").format(n=detail.duration_minutes)),
                (_("Status"), detail.status),
                (_("Engagement"), detail.engagement_title),
                (_("Number"), _sequence(detail.sequence, detail.planned)),
                (_("Agenda"), detail.agenda),
                (_("Shared notes"), detail.shared_notes),
                (_("Private notes"), detail.private_notes),
                (_("Feedback"), detail.feedback_score),
            ],
            p.tz,
        )
    return EXIT_OK


def cmd_edit(args: argparse.Namespace) -> int:
    with practice(args, write=True) as p:
        data = sessions.session_fields(p.db, args.session)
        if args.start is not None:
            data.starts_at = parse_datetime("start", args.start, p.tz)  # type: ignore[assignment]
        if args.duration is not None:
            data.duration_minutes = args.duration
        if args.engagement is not None:
            data.engagement_id = _engagement(args.engagement)
        if args.mode is not None:
            data.mode = SessionMode(args.mode)
        if args.location is not None:
            data.location = args.location
        if args.status is not None:
            data.status = SessionStatus(args.status)
        saved = sessions.update_session(p.db, args.session, data)
        detail = sessions.get_session(p.db, saved.id)
    warn(saved.warnings)
    if args.json:
        print_json(_summary(detail))
    else:
        echo(_("Saved session {id}.").format(id=saved.id))
    return EXIT_OK


def cmd_delete(args: argparse.Namespace) -> int:
    with practice(args) as p:
        detail = sessions.get_session(p.db, args.session)
        ask = deletion.needs_confirmation(p.db, args.session)
        p.db.rollback()  # hold no lock on the vault while the coach answers
        local = detail.starts_at.astimezone(p.tz)
        question = _(
            "Delete the session of {client} on {date} at {time} with its notes? This cannot be "
            "undone (backups made before now still hold it)."
        ).format(client=detail.client_name, date=format_date(local), time=format_time(local))
        if ask and not confirm(question, args.yes):
            echo(_("Nothing was deleted."))
            return EXIT_OK
        with p.db.begin():
            deletion.delete_session(p.db, args.session)
    if args.json:
        print_json({**_summary(detail), "deleted": True})
    else:
        echo(_("Deleted session {id}.").format(id=args.session))
    return EXIT_OK


def cmd_notes(args: argparse.Namespace) -> int:
    if args.agenda is None and args.notes is None and args.private_notes is None:
        return cmd_show(argparse.Namespace(**{**vars(args), "json": False}))
    with practice(args, write=True) as p:
        current = sessions.get_session(p.db, args.session)
        if current.has_draft and not args.discard_draft:
            raise InvalidInput(
                _(
                    "Session {id} has unsaved notes from the app (a draft); saving here would "
                    "discard them. Open the session in the app, or add --discard-draft."
                ).format(id=args.session)
            )
        saved = notes.record_notes(
            p.db,
            args.session,
            notes.NotesInput(
                agenda=current.agenda if args.agenda is None else args.agenda,
                shared_notes=current.shared_notes if args.notes is None else args.notes,
                private_notes=(
                    current.private_notes if args.private_notes is None else args.private_notes
                ),
                note_template=current.note_template,
                feedback_score=current.feedback_score,
                feedback_comment=current.feedback_comment,
                status=(
                    SessionStatus(args.status)
                    if args.status
                    else notes.default_status(current.status, current.starts_at)
                ),
            ),
        )
    warn(saved.warnings)
    echo(_("Saved the notes of session {id}.").format(id=args.session))
    return EXIT_OK


def cmd_summary(args: argparse.Namespace) -> int:
    from coachdesk.services.progress.reports import session_summary_pdf  # ReportLab: on use

    with practice(args) as p:
        pdf = session_summary_pdf(p.db, args.session)
    write_pdf(args.out, pdf)
    return EXIT_OK


def _engagement(text: str) -> int | None:
    """``--engagement``: an id, or ``none`` for a session outside any engagement."""
    if text.strip().lower() == NO_ENGAGEMENT:
        return None
    try:
        return int(text)
    except ValueError:
        raise ValidationError({"engagement": _("Use an engagement id, or none.")}) from None


def _summary(detail: sessions.SessionDetail) -> dict[str, object]:
    """The session as list rows show it; notes stay out of ``add``'s echo."""
    return {
        "id": detail.id,
        "client_id": detail.client_id,
        "client_name": detail.client_name,
        "starts_at": detail.starts_at,
        "duration": detail.duration_minutes,
        "status": detail.status,
        "engagement_id": detail.engagement_id,
        "sequence": detail.sequence,
        "planned": detail.planned,
        "actual_minutes": detail.actual_minutes,
        "pro_bono": detail.pro_bono,
        "kind": detail.kind,
    }
