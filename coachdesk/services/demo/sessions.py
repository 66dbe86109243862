"""The sessions of one demo engagement, on its cadence, with what each session leaves behind:
GROW notes, a private line now and then, progress ratings, and the action agreed.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from coachdesk.model import (
    ActionItem,
    ActionStatus,
    CoachingSession,
    EngagementStatus,
    Goal,
    GoalStatus,
    Milestone,
    NoteTemplate,
    ProgressRating,
    SessionStatus,
)
from coachdesk.services.demo.text import content, grow_notes, pick

if TYPE_CHECKING:
    from coachdesk.services.demo.timeline import Booking, Plan, Timeline

PAST = {
    SessionStatus.COMPLETED: 88,
    SessionStatus.CANCELLED: 6,
    SessionStatus.LATE_CANCEL: 3,
    SessionStatus.NO_SHOW: 3,
}
CHARGED = (SessionStatus.COMPLETED, SessionStatus.LATE_CANCEL, SessionStatus.NO_SHOW)
BOOK_AHEAD = 4  # future sessions a coach usually has in the calendar
RECENT = timedelta(days=30)


def add_sessions(line: Timeline, plan: Plan, booking: Booking, goals: list[dict[str, Any]]) -> None:
    """Sessions every ``plan.days`` (give or take a day) until the planned number is held, the
    engagement stops, or a few future ones are booked. ``sequence`` counts all but cancelled.
    """
    rng = line.rng
    slot = time(rng.randint(8, 17), rng.choice((0, 30)))
    day, sequence, booked, held = plan.start, 0, 0, 0
    last_scores: dict[int, int] = {}
    while sequence < plan.planned and (plan.stop is None or day <= plan.stop):
        starts_at = datetime.combine(day, slot, tzinfo=line.tz)
        if starts_at >= line.now:
            if booked == BOOK_AHEAD:
                break
            booked += 1
            status = SessionStatus.CANCELLED if rng.random() < 0.03 else SessionStatus.SCHEDULED
        else:
            status = rng.choices(list(PAST), weights=list(PAST.values()))[0]
            if status == SessionStatus.COMPLETED and line.now - starts_at < timedelta(days=10):
                # Not yet marked as held: the coach still has to write it up.
                status = SessionStatus.SCHEDULED if rng.random() < 0.12 else status
        number = None
        if status != SessionStatus.CANCELLED:
            sequence += 1
            number = sequence
        session_id = line.new_id(CoachingSession)
        row = _session_row(plan, booking, session_id, starts_at, status=status, sequence=number)
        row["fee_charged"] = booking.fee if status in CHARGED else None
        if status == SessionStatus.COMPLETED:
            held += 1
            action = rng.choice(plan.theme["actions"])
            _write_up(line, row, plan, action, starts_at)
            recorded_at = starts_at + timedelta(minutes=booking.minutes)
            _rate(
                line,
                goals,
                session_id,
                progress=held / plan.planned,
                recorded_at=recorded_at,
                last_scores=last_scores,
            )
            if rng.random() < 0.75:
                _action(line, plan, session_id, text=action, day=day, goals=goals)
        line.rows[CoachingSession].append(row)
        day += timedelta(days=plan.days + rng.choice((0, 0, 0, -1, 1)))
    for goal in goals:
        score = last_scores.get(goal["id"])
        if plan.status == EngagementStatus.COMPLETED:
            reached = score is not None and score >= goal["target"] - 1
            goal["status"] = GoalStatus.ACHIEVED if reached else GoalStatus.DROPPED


def add_goal(
    line: Timeline, plan: Plan, booking: Booking, spec: dict[str, Any], stamp: datetime
) -> dict[str, Any]:
    """A goal row (its status is settled by the sessions), with milestones along the way."""
    rng = line.rng
    goal_id = line.new_id(Goal)
    span = plan.days * plan.planned
    milestones = spec["milestones"]
    for n, title in enumerate(milestones):
        due = plan.start + timedelta(days=span * (n + 1) // (len(milestones) + 1))
        done = due + timedelta(days=rng.randint(-7, 5))
        finished = done <= line.today and rng.random() < 0.85
        line.rows[Milestone].append(
            {
                "id": line.new_id(Milestone),
                "goal_id": goal_id,
                "title": title,
                "due_on": due,
                "done_on": done if finished else None,
            }
        )
    row = {
        "id": goal_id,
        "client_id": plan.who.client_id,
        "engagement_id": booking.engagement_id,
        "title": spec["title"],
        "why": spec["why"],
        "success_measure": spec["measure"],
        "baseline": rng.randint(2, 5),
        "target": rng.randint(7, 9),
        "target_date": plan.start + timedelta(days=span),
        "status": GoalStatus.ACTIVE,
        "created_at": stamp,
        "updated_at": stamp,
    }
    line.rows[Goal].append(row)
    return row


def _session_row(
    plan: Plan,
    booking: Booking,
    session_id: int,
    starts_at: datetime,
    *,
    status: SessionStatus,
    sequence: int | None,
) -> dict[str, Any]:
    booked = starts_at.astimezone(UTC) - timedelta(days=14)
    return {
        "id": session_id,
        "client_id": plan.who.client_id,
        "engagement_id": booking.engagement_id,
        "starts_at": starts_at,
        "duration_minutes": booking.minutes,
        "actual_minutes": booking.minutes,
        "pro_bono": booking.pro_bono,
        "mode": booking.mode,
        "status": status,
        "agenda": "",
        "shared_notes": "",
        "private_notes": "",
        "note_template": NoteTemplate.GROW,
        "feedback_score": None,
        "feedback_comment": "",
        "fee_charged": None,
        "sequence": sequence,
        "created_at": booked,
        "updated_at": booked,
    }


def _write_up(
    line: Timeline, row: dict[str, Any], plan: Plan, action: str, starts_at: datetime
) -> None:
    """Notes as a coach writes them, except a few recent sessions still waiting for theirs."""
    rng = line.rng
    words = {"name": plan.who.name, "topic": plan.theme["topic"], "org": plan.who.organisation}
    row["agenda"] = pick(rng, "agenda", **words) if rng.random() < 0.4 else ""
    if line.now - starts_at < RECENT and rng.random() < 0.06:
        return
    row["shared_notes"] = grow_notes(rng, **words, action=action)
    row["private_notes"] = pick(rng, "private") if rng.random() < 0.25 else ""
    if rng.random() < 0.5:
        row["feedback_score"] = rng.choice((6, 7, 8, 8, 9, 9, 10))
        row["feedback_comment"] = rng.choice(content()["feedback"])
    row["updated_at"] = starts_at.astimezone(UTC) + timedelta(hours=2)


def _rate(
    line: Timeline,
    goals: list[dict[str, Any]],
    session_id: int,
    *,
    progress: float,
    recorded_at: datetime,
    last_scores: dict[int, int],
) -> None:
    """Scores move from baseline toward target as sessions are held, with week-to-week noise."""
    rng = line.rng
    for goal in goals:
        if rng.random() > 0.8:
            continue
        drive = 0.6 + (goal["id"] % 7) / 10  # some goals get all the way, some stall
        trend = goal["baseline"] + (goal["target"] - goal["baseline"]) * min(progress, 1) * drive
        score = max(0, min(10, round(trend + rng.gauss(0, 0.8))))
        last_scores[goal["id"]] = score
        line.rows[ProgressRating].append(
            {
                "id": line.new_id(ProgressRating),
                "goal_id": goal["id"],
                "session_id": session_id,
                "score": score,
                "note": rng.choice(content()["rating_notes"]),
                "recorded_at": recorded_at,
            }
        )


def _action(
    line: Timeline,
    plan: Plan,
    session_id: int,
    *,
    text: str,
    day: date,
    goals: list[dict[str, Any]],
) -> None:
    """Most actions get done; a few are dropped, a few run late (overdue while the work goes on)."""
    rng = line.rng
    due = day + timedelta(days=plan.days)
    status, done_on = ActionStatus.OPEN, None
    if due < line.today:
        roll = rng.random()
        if roll < 0.82:
            status = ActionStatus.DONE
            done_on = min(line.today, day + timedelta(days=rng.randint(1, plan.days)))
        elif roll < 0.9 or plan.status == EngagementStatus.COMPLETED:
            status = ActionStatus.DROPPED
    stamp = datetime.combine(day, time(18), tzinfo=UTC)
    line.rows[ActionItem].append(
        {
            "id": line.new_id(ActionItem),
            "client_id": plan.who.client_id,
            "session_id": session_id,
            "goal_id": rng.choice(goals)["id"] if goals else None,
            "text": text,
            "due_on": due,
            "status": status,
            "done_on": done_on,
            "created_at": stamp,
            "updated_at": stamp,
        }
    )
