"""What the notes editor holds, as plain data: the draft's JSON, the save's ``NotesInput``, and
everything loaded for one session (read on a worker). Qt-free, so drafts are tested directly.

The private notes live in their own field from the keyboard to the vault: nothing here ever
copies them into the shared notes.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from coachdesk.model import NoteTemplate, SessionKind, SessionStatus
from coachdesk.services.engagements.groups import attendance
from coachdesk.services.people import profile
from coachdesk.services.people.clients import get_client
from coachdesk.services.progress import actions
from coachdesk.services.progress.actions import ActionRow
from coachdesk.services.questionnaires.forms import ReturnedForm, preparation_for
from coachdesk.services.sessions import notes, sessions
from coachdesk.services.sessions.note_format import compose, parse, section_titles
from coachdesk.services.sessions.notes import CarryForward, Draft, NewAction, NotesInput
from coachdesk.services.sessions.sessions import SessionDetail

DRAFT_VERSION = 1


@dataclass
class NotesState:
    """Every field of the editor; equal states mean nothing was changed."""

    template: NoteTemplate = NoteTemplate.GROW
    agenda: str = ""
    sections: list[str] = field(default_factory=list)
    private: str = ""
    actions_text: str = ""
    done_ids: list[int] = field(default_factory=list)
    ratings: dict[int, int] = field(default_factory=dict)
    feedback_score: int | None = None
    feedback_comment: str = ""
    status: SessionStatus = SessionStatus.COMPLETED
    actual_minutes: int | None = None  # None: the booked length, as it stands
    pro_bono: bool = False
    kind: SessionKind = SessionKind.COACHING
    attendance: dict[int, bool] = field(default_factory=dict)  # a group's participants

    def to_json(self) -> str:
        data = asdict(self)
        data["v"] = DRAFT_VERSION
        data["template"] = self.template.value
        data["status"] = self.status.value
        data["done_ids"] = sorted(self.done_ids)
        data["ratings"] = {str(k): v for k, v in sorted(self.ratings.items())}
        data["kind"] = self.kind.value
        data["attendance"] = {str(k): v for k, v in sorted(self.attendance.items())}
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, content: str, fallback: NotesState) -> NotesState:
        """The state a draft holds; a draft that cannot be read is kept whole in the private
        notes (never the shared ones: it may hold private text), on top of ``fallback``."""
        try:
            data = json.loads(content)
            template = NoteTemplate(data["template"])
            sections = [str(s) for s in data["sections"]]
            titles = section_titles(template)
            sections = (sections + [""] * len(titles))[: len(titles)]
            return cls(
                template=template,
                agenda=str(data.get("agenda", "")),
                sections=sections,
                private=str(data.get("private", "")),
                actions_text=str(data.get("actions_text", "")),
                done_ids=sorted(int(i) for i in data.get("done_ids", [])),
                ratings={int(k): int(v) for k, v in data.get("ratings", {}).items()},
                feedback_score=_optional_int(data.get("feedback_score")),
                feedback_comment=str(data.get("feedback_comment", "")),
                status=SessionStatus(data.get("status", fallback.status.value)),
                actual_minutes=_optional_int(data.get("actual_minutes", fallback.actual_minutes)),
                pro_bono=bool(data.get("pro_bono", fallback.pro_bono)),
                kind=SessionKind(data.get("kind", fallback.kind.value)),
                attendance={
                    int(k): bool(v) for k, v in data.get("attendance", fallback.attendance).items()
                },
            )
        except (ValueError, KeyError, TypeError, AttributeError):
            kept = (fallback.private + "\n\n" + content).strip()
            return cls(**{**asdict(fallback), "private": kept, "template": fallback.template})

    def shared_notes(self) -> str:
        return compose(self.template, self.sections)

    def new_action_texts(self) -> list[str]:
        return [line.strip() for line in self.actions_text.splitlines() if line.strip()]

    def to_input(self) -> NotesInput:
        """What ``record_notes`` saves; new actions without a date fall due at the next session."""
        return NotesInput(
            agenda=self.agenda.strip(),
            shared_notes=self.shared_notes(),
            private_notes=self.private.strip(),
            note_template=self.template,
            feedback_score=self.feedback_score,
            feedback_comment=self.feedback_comment.strip(),
            status=self.status,
            new_actions=[NewAction(text) for text in self.new_action_texts()],
            done_action_ids=sorted(self.done_ids),
            ratings=dict(self.ratings),
            actual_minutes=self.actual_minutes,
            attendance=dict(self.attendance),
            pro_bono=self.pro_bono,
            kind=self.kind,
        )


@dataclass(frozen=True, slots=True)
class Loaded:
    """One session's notes and their surroundings, read in one go on a worker."""

    detail: SessionDetail
    carried: CarryForward
    agreed: list[ActionRow]  # action items already recorded at this session
    draft: Draft | None
    due_on: date  # the default due date of new action items
    due_is_next_session: bool
    default_template: NoteTemplate
    participants: list[tuple[int, str, bool | None]]  # a group's: who, and whether they came
    preparation: ReturnedForm | None = None  # what the client wrote to prepare this session

    @property
    def template(self) -> NoteTemplate:
        """The session's own template once it has notes; before, the coach's current default."""
        has_notes = self.detail.shared_notes.strip() or self.detail.private_notes.strip()
        return self.detail.note_template if has_notes else self.default_template

    def initial_status(self) -> SessionStatus:
        """A booked session that has started, and whose notes are being written, has taken
        place; one still ahead (notes prepared in advance) stays booked."""
        return notes.default_status(self.detail.status, self.detail.starts_at)

    def status_choices(self) -> list[SessionStatus]:
        allowed = sessions.allowed_transitions(self.detail.status) | {self.detail.status}
        return [s for s in SessionStatus if s in allowed]

    def saved_state(self) -> NotesState:
        """The fields as the vault has them (what the editor shows when there is no draft)."""
        detail = self.detail
        return NotesState(
            template=self.template,
            agenda=detail.agenda,
            sections=parse(self.template, detail.shared_notes),
            private=detail.private_notes,
            feedback_score=detail.feedback_score,
            feedback_comment=detail.feedback_comment,
            status=self.initial_status(),
            actual_minutes=detail.actual_minutes,
            pro_bono=detail.pro_bono,
            kind=detail.kind,
            attendance={c: came is not False for c, _name, came in self.participants},
        )

    def draft_state(self) -> NotesState | None:
        """The autosaved draft, when it holds something the saved notes do not."""
        if self.draft is None:
            return None
        saved = self.saved_state()
        state = NotesState.from_json(self.draft.content, saved)
        return None if state == saved else state


def load(db: Session, session_id: int) -> Loaded:
    """Worker side: the session, what carries forward, its draft and the default due date."""
    detail = sessions.get_session(db, session_id)
    due_on, is_next = notes.default_due_date(db, session_id)
    return Loaded(
        detail=detail,
        carried=notes.carry_forward(db, session_id),
        agreed=actions.list_actions(db, session_id=session_id),
        draft=notes.get_draft(db, session_id),
        due_on=due_on,
        due_is_next_session=is_next,
        default_template=profile.profile_fields(db).note_template,
        participants=[
            (client_id, get_client(db, client_id).display_name, came)
            for client_id, came in attendance(db, session_id).items()
        ],
        preparation=preparation_for(db, detail.client_id, detail.starts_at),
    )


def _optional_int(value: object) -> int | None:
    return None if value is None else int(value)  # type: ignore[call-overload]
