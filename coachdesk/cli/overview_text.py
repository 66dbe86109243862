"""A client's overview as text for ``coachdesk client show``."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from coachdesk.cli.output import cell, print_fields, print_table
from coachdesk.i18n import _
from coachdesk.services.overviews.overview import ClientOverview


def print_overview(view: ClientOverview, tz: ZoneInfo) -> None:
    c = view.client
    print_fields(
        [
            (_("Client"), f"{c.full_name} (#{view.client_id})"),
            (_("Preferred name"), c.preferred_name),
            (_("Pronouns"), c.pronouns),
            (_("Status"), c.status),
            (_("Email"), c.email),
            (_("Phone"), c.phone),
            (_("Organisation"), " · ".join(p for p in (c.organisation, c.role) if p)),
            (_("Sponsor"), view.sponsor_name),
            (_("Tags"), c.tags),
            (_("Next session"), view.next_session.starts_at if view.next_session else None),
        ],
        tz,
    )
    counts = view.counts
    print(
        _(
            "Sessions held {held}, scheduled {scheduled}, missed {missed}; open actions {open} "
            "({overdue} overdue); active goals {goals}"
        ).format(
            held=counts.sessions_held,
            scheduled=counts.sessions_scheduled,
            missed=counts.sessions_missed,
            open=counts.open_actions,
            overdue=counts.overdue_actions,
            goals=counts.active_goals,
        )
    )
    if view.engagements:
        _section(_("Engagements"))
        print_table(
            [_("id"), _("title"), _("status"), _("from"), _("to"), _("sessions")],
            [
                (
                    e.engagement.id,
                    e.engagement.title,
                    e.engagement.status,
                    e.engagement.start_date,
                    e.engagement.end_date,
                    f"{e.usage.held}/{e.usage.planned}" if e.usage.planned else e.usage.held,
                )
                for e in view.engagements
            ],
        )
    if view.goals:
        _section(_("Goals"))
        print_table(
            [_("id"), _("goal"), _("status"), _("baseline"), _("latest"), _("target")],
            [(g.id, g.title, g.status, g.baseline, g.latest_score, g.target) for g in view.goals],
        )
    if view.open_actions:
        _section(_("Open action items"))
        print_table(
            [_("id"), _("action"), _("due")],
            [(a.id, a.text, a.due_on) for a in view.open_actions],
        )
    if view.recent_sessions:
        _section(_("Recent sessions"))
        print_table(
            [_("id"), _("when"), _("status"), _("session")],
            [
                (s.id, s.starts_at, s.status, sequence_text(s.sequence, s.planned))
                for s in view.recent_sessions
            ],
            tz,
        )
    if view.follow_ups:
        _section(_("Follow-ups"))
        print_table([_("due"), _("reason")], [(f.due_on, f.reason) for f in view.follow_ups])
    if c.consultation_notes:
        _section(_("Consultation notes"))
        print(cell(c.consultation_notes))


def sequence_text(sequence: int | None, planned: int | None) -> str:
    """ "4 of 8" within a planned engagement, else just the number."""
    if sequence is None:
        return ""
    if planned:
        return _("{n} of {total}").format(n=sequence, total=planned)
    return str(sequence)


def _section(title: str) -> None:
    print()
    print(title)
