"""Action items agreed in sessions, and follow-up reminders: what the coach must not forget."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.model import (
    ActionItem,
    ActionStatus,
    Client,
    CoachingSession,
    Engagement,
    FollowUp,
    Goal,
)
from coachdesk.services.people.clients import Saved, get_client
from coachdesk.services.people.profile import coach_today
from coachdesk.services.validation import FieldErrors


@dataclass
class ActionFields:
    """Everything an action-item form edits."""

    client_id: int
    text: str = ""
    due_on: date | None = None
    session_id: int | None = None
    goal_id: int | None = None


@dataclass(frozen=True, slots=True)
class ActionRow:
    """One line of an action list."""

    id: int
    client_id: int
    client_name: str
    text: str
    due_on: date | None
    status: ActionStatus
    done_on: date | None
    session_id: int | None
    goal_id: int | None
    goal_title: str


@dataclass(frozen=True, slots=True)
class FollowUpRow:
    """One line of the follow-up list."""

    id: int
    client_id: int
    client_name: str
    due_on: date
    reason: str
    engagement_id: int | None
    done_on: date | None


def add_action(db: Session, data: ActionFields) -> Saved:
    _validate(db, data)
    action = ActionItem(status=ActionStatus.OPEN)
    _apply(action, data)
    db.add(action)
    db.flush()
    return Saved(action.id)


def update_action(db: Session, action_id: int, data: ActionFields) -> Saved:
    action = get_action(db, action_id)
    if data.client_id != action.client_id:
        raise ValidationError({"client": _("An action item cannot move to another client.")})
    _validate(db, data)
    _apply(action, data)
    db.flush()
    return Saved(action.id)


def get_action(db: Session, action_id: int) -> ActionItem:
    action = db.get(ActionItem, action_id)
    if action is None:
        raise ValidationError(
            {"action": _("There is no action item with id {id}.").format(id=action_id)}
        )
    return action


def action_fields(db: Session, action_id: int) -> ActionFields:
    a = get_action(db, action_id)
    return ActionFields(a.client_id, a.text, a.due_on, a.session_id, a.goal_id)


def mark_done(db: Session, action_id: int, done_on: date | None = None) -> None:
    """Done today in the coach's time zone unless another day is given."""
    action = get_action(db, action_id)
    action.status = ActionStatus.DONE
    action.done_on = done_on or coach_today(db)
    db.flush()


def mark_open(db: Session, action_id: int) -> None:
    action = get_action(db, action_id)
    action.status, action.done_on = ActionStatus.OPEN, None
    db.flush()


def drop_action(db: Session, action_id: int) -> None:
    """No longer relevant: kept for the record, but out of the open lists."""
    action = get_action(db, action_id)
    action.status, action.done_on = ActionStatus.DROPPED, None
    db.flush()


@dataclass(frozen=True, slots=True)
class DeletedAction:
    """An action item as it was before its delete: all that undoing it needs."""

    fields: ActionFields
    status: ActionStatus
    done_on: date | None


def delete_action(db: Session, action_id: int) -> DeletedAction:
    """Gone for good (dropping keeps it for the record); the answer lets the coach undo."""
    action = get_action(db, action_id)
    deleted = DeletedAction(action_fields(db, action_id), action.status, action.done_on)
    db.delete(action)
    db.flush()
    return deleted


def restore_action(db: Session, deleted: DeletedAction) -> Saved:
    """Undo a delete (under a new id). A session or goal deleted since is no longer linked."""
    data = deleted.fields
    if data.session_id is not None and db.get(CoachingSession, data.session_id) is None:
        data = replace(data, session_id=None)
    if data.goal_id is not None and db.get(Goal, data.goal_id) is None:
        data = replace(data, goal_id=None)
    saved = add_action(db, data)
    action = get_action(db, saved.id)
    action.status, action.done_on = deleted.status, deleted.done_on
    db.flush()
    return saved


def link_action(db: Session, action_id: int, goal_id: int | None) -> None:
    """Link an action item to one of its client's goals (None: to none)."""
    data = replace(action_fields(db, action_id), goal_id=goal_id)
    _validate(db, data)
    get_action(db, action_id).goal_id = goal_id
    db.flush()


def list_actions(
    db: Session,
    client_id: int | None = None,
    status: ActionStatus | None = None,
    overdue_on: date | None = None,
    *,
    session_id: int | None = None,
    goal_id: int | None = None,
) -> list[ActionRow]:
    """Actions by due date (undated last); ``overdue_on`` keeps open ones due before that day."""
    a = ActionItem
    query = (
        select(
            a.id,
            a.client_id,
            Client.display_name,
            a.text,
            a.due_on,
            a.status,
            a.done_on,
            a.session_id,
            a.goal_id,
            Goal.title,
        )
        .join(Client, Client.id == a.client_id)
        .outerjoin(Goal, Goal.id == a.goal_id)
        .order_by(a.due_on.is_(None), a.due_on, a.id)
    )
    if client_id is not None:
        query = query.where(a.client_id == client_id)
    if status is not None:
        query = query.where(a.status == status)
    if overdue_on is not None:
        query = query.where(a.status == ActionStatus.OPEN, a.due_on < overdue_on)
    if session_id is not None:
        query = query.where(a.session_id == session_id)
    if goal_id is not None:
        query = query.where(a.goal_id == goal_id)
    return [ActionRow(*row[:9], row[9] or "") for row in db.execute(query)]


def add_follow_up(
    db: Session, client_id: int, due_on: date, reason: str, engagement_id: int | None = None
) -> Saved:
    get_client(db, client_id)
    errors = FieldErrors()
    errors.require("reason", reason)
    if engagement_id is not None:
        engagement = db.get(Engagement, engagement_id)
        if engagement is None or engagement.client_id != client_id:
            errors.add("engagement", _("That engagement does not belong to this client."))
    errors.raise_if_any()
    follow_up = FollowUp(
        client_id=client_id, due_on=due_on, reason=reason.strip(), engagement_id=engagement_id
    )
    db.add(follow_up)
    db.flush()
    return Saved(follow_up.id)


def mark_follow_up_done(db: Session, follow_up_id: int, done_on: date | None = None) -> None:
    follow_up = db.get(FollowUp, follow_up_id)
    if follow_up is None:
        raise ValidationError(
            {"follow_up": _("There is no follow-up with id {id}.").format(id=follow_up_id)}
        )
    follow_up.done_on = done_on or coach_today(db)
    db.flush()


def list_follow_ups(
    db: Session,
    due_by: date | None = None,
    client_id: int | None = None,
    *,
    include_done: bool = False,
) -> list[FollowUpRow]:
    """Follow-ups due on or before ``due_by`` (all when ``None``), soonest first."""
    f = FollowUp
    query = (
        select(
            f.id, f.client_id, Client.display_name, f.due_on, f.reason, f.engagement_id, f.done_on
        )
        .join(Client, Client.id == f.client_id)
        .order_by(f.due_on, f.id)
    )
    if not include_done:
        query = query.where(f.done_on.is_(None))
    if due_by is not None:
        query = query.where(f.due_on <= due_by)
    if client_id is not None:
        query = query.where(f.client_id == client_id)
    return [FollowUpRow(*row) for row in db.execute(query)]


def _validate(db: Session, data: ActionFields) -> None:
    get_client(db, data.client_id)
    errors = FieldErrors()
    errors.require("text", data.text)
    if data.session_id is not None:
        session = db.get(CoachingSession, data.session_id)
        if session is None or session.client_id != data.client_id:
            errors.add("session", _("That session does not belong to this client."))
    if data.goal_id is not None:
        goal = db.get(Goal, data.goal_id)
        if goal is None or goal.client_id != data.client_id:
            errors.add("goal", _("That goal does not belong to this client."))
    errors.raise_if_any()


def _apply(action: ActionItem, data: ActionFields) -> None:
    action.client_id = data.client_id
    action.text = data.text.strip()
    action.due_on = data.due_on
    action.session_id = data.session_id
    action.goal_id = data.goal_id
