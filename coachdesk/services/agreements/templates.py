"""The coach's agreement templates as the template editor sees them.

The shipped ICF-style templates live in the vault as builtin rows: they can be edited, reset to
the shipped text and never deleted, so a practice always has a sound agreement to start from.
Every save is checked here, naming each unknown placeholder with its line, because
``agreements.update_template`` stores any text and a bad template would only fail later, when an
agreement is drafted from it.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.documents.agreement_text import default_template
from coachdesk.documents.data import AgreementData, AgreementGoal
from coachdesk.documents.templates import PLACEHOLDERS, check_template
from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.model import AgreementTemplate, EngagementKind
from coachdesk.services.agreements import agreements
from coachdesk.services.agreements import documents as agreement_documents
from coachdesk.services.agreements.agreements import TemplateRow
from coachdesk.services.paperwork import letterhead
from coachdesk.services.people import profile
from coachdesk.services.people.clients import Saved

_TAG = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
_NAME = re.compile(r"^\s*[#^/]?\s*([A-Za-z_][A-Za-z0-9_]*)\s*$")
_COMMENT = re.compile(r"^[ \t]*%%.*$", re.MULTILINE)


def builtin_name(kind: EngagementKind) -> str:
    if kind is EngagementKind.MENTORING:
        return _("Mentoring agreement (ICF style)")
    return _("Coaching agreement (ICF style)")


@dataclass(frozen=True, slots=True)
class TemplateText:
    """One template with its text, for the editor."""

    id: int
    name: str
    kind: EngagementKind
    version: int
    body: str
    builtin: bool


@dataclass(frozen=True, slots=True)
class TemplateList:
    rows: list[TemplateRow]
    default_id: int | None


@dataclass(frozen=True, slots=True)
class UnknownTag:
    """One use of a name that is not a placeholder; ``start``/``end`` index the text."""

    name: str
    line: int
    start: int
    end: int


def unknown_tags(text: str) -> list[UnknownTag]:
    """Every use of an unknown placeholder outside comment lines, in order."""
    body = _COMMENT.sub(lambda m: " " * len(m.group(0)), text)  # offsets and lines hold
    found = []
    for match in _TAG.finditer(body):
        name = _name(match.group(1))
        if name not in PLACEHOLDERS:
            line = body.count("\n", 0, match.start()) + 1
            found.append(UnknownTag(name, line, match.start(), match.end()))
    return found


def template_problems(text: str) -> list[str]:
    """Every problem that would stop ``text`` from rendering, unknown placeholders first, each
    with the line it is first used on; an empty list means the template can be saved.
    """
    problems: list[str] = []
    seen: set[str] = set()
    for tag in unknown_tags(text):
        if tag.name in seen:
            continue
        seen.add(tag.name)
        problem = _("Unknown placeholder {{{{ {name} }}}} on line {line}.").format(
            name=tag.name, line=tag.line
        )
        close = difflib.get_close_matches(tag.name, PLACEHOLDERS, n=1)
        if close:
            problem += " " + _("Did you mean {{{{ {name} }}}}?").format(name=close[0])
        problems.append(problem)
    body = _COMMENT.sub("", text)
    known_only = _TAG.sub(lambda m: m.group(0) if _known(m.group(1)) else "", body)
    try:
        check_template(known_only)
    except ValidationError as exc:
        problems.extend(exc.fields.values())
    return problems


def _name(inner: str) -> str:
    found = _NAME.match(inner)
    return found.group(1) if found else inner.strip()


def _known(inner: str) -> bool:
    return _name(inner) in PLACEHOLDERS


def shipped_text(kind: EngagementKind) -> str:
    return default_template(kind.value)


def ensure_builtin_templates(db: Session) -> list[int]:
    """Store each shipped template as a builtin row if the vault has none of its kind yet;
    returns the ids created (none the second time)."""
    have = set(
        db.scalars(select(AgreementTemplate.kind).where(AgreementTemplate.builtin.is_(True)))
    )
    created = []
    for kind in EngagementKind:
        if kind in have:
            continue
        row = AgreementTemplate(
            name=builtin_name(kind), kind=kind, body=shipped_text(kind), version=1, builtin=True
        )
        db.add(row)
        db.flush()
        created.append(row.id)
    return created


def missing_builtins(db: Session) -> bool:
    have = set(
        db.scalars(select(AgreementTemplate.kind).where(AgreementTemplate.builtin.is_(True)))
    )
    return any(kind not in have for kind in EngagementKind)


def list_for_editor(db: Session) -> TemplateList:
    return TemplateList(
        agreements.list_templates(db), profile.profile_fields(db).default_template_id
    )


def template_text(db: Session, template_id: int) -> TemplateText:
    t = agreements.get_template(db, template_id)
    return TemplateText(t.id, t.name, t.kind, t.version, t.body, t.builtin)


def save_template(
    db: Session, template_id: int, name: str, body: str, kind: EngagementKind
) -> Saved:
    """Check, then store; a changed text becomes the template's next version. A builtin
    template keeps its kind, so each kind always has one to reset to."""
    template = agreements.get_template(db, template_id)
    if template.builtin and kind is not template.kind:
        raise ValidationError(
            {"kind": _("A template that came with CoachDesk keeps its kind; copy it instead.")}
        )
    _check(db, name, body, exclude=template_id)
    return agreements.update_template(db, template_id, name, body, kind)


def copy_template(db: Session, template_id: int) -> Saved:
    """A new template of the coach's own, starting from another's text."""
    source = agreements.get_template(db, template_id)
    taken = {row.name.casefold() for row in agreements.list_templates(db)}
    name = _("Copy of {name}").format(name=source.name)
    number = 2
    while name.casefold() in taken:
        name = _("Copy {n} of {name}").format(n=number, name=source.name)
        number += 1
    return agreements.create_template(db, name[:200], source.body, source.kind)


def reset_to_default(db: Session, template_id: int) -> Saved:
    """Put the shipped text back into a builtin template (a new version if it differed)."""
    template = agreements.get_template(db, template_id)
    if not template.builtin:
        raise ValidationError(
            {"template": _("Only a template that came with CoachDesk can be reset.")}
        )
    return agreements.update_template(
        db, template_id, template.name, shipped_text(template.kind), template.kind
    )


def delete_template(db: Session, template_id: int) -> None:
    """Delete one of the coach's own templates; agreements drafted from it keep their text."""
    template = agreements.get_template(db, template_id)
    if template.builtin:
        raise ValidationError(
            {"template": _("A template that came with CoachDesk cannot be deleted.")}
        )
    coach = profile.get_profile(db)
    if coach.default_template_id == template_id:
        coach.default_template_id = None
    db.delete(template)
    db.flush()


def set_default_template(db: Session, template_id: int | None) -> None:
    """The template new agreements start from (for engagements of its kind)."""
    if template_id is not None:
        agreements.get_template(db, template_id)
    profile.get_profile(db).default_template_id = template_id
    db.flush()


def preview_pdf(
    db: Session, body: str, kind: EngagementKind, engagement_id: int | None, on: date
) -> bytes:
    """The template rendered as an agreement for one engagement, or for a made-up client."""
    if engagement_id is None:
        return agreement_documents.laid_out(sample_data(db, kind, on), body)
    with agreement_documents.in_language_of(db, engagement_id):
        data = agreement_documents.agreement_data(db, engagement_id, on)
        return agreement_documents.laid_out(data, body)


def sample_data(db: Session, kind: EngagementKind, on: date) -> AgreementData:
    """A fictional client with the coach's own letterhead, so a preview shows no real client."""
    head = letterhead(db)
    fields = profile.profile_fields(db)
    return AgreementData(
        letterhead=head,
        title=_("Leadership programme") if kind is EngagementKind.COACHING else _("Mentoring"),
        client_name=_("Sam Example"),
        client_email="sam@example.org",
        client_organisation=_("Example Ltd"),
        coach_name=head.coach_name or _("Your name"),
        sponsor_name=_("Example Ltd"),
        sponsor_contact=_("Robin Example, HR"),
        engagement_kind=kind.value,
        start_date=on,
        end_date=date(on.year + 1, on.month, 1),
        cadence=_("every two weeks"),
        session_minutes=fields.default_session_minutes,
        planned_sessions=8,
        mode=_("video call"),
        location=_("A video link is sent with each invitation."),
        fee_model="package",
        fee_amount=fields.default_fee or Decimal("1200.00"),
        currency=fields.default_currency,
        payment_terms=_("Invoice at the start, payable within 30 days."),
        late_cancel_rule=_("A session cancelled later is counted as held."),
        communication=_("Short questions by email between sessions; replies within two days."),
        sponsor_sharing=_("attendance and overall progress"),
        records_retention=_("Records are kept for seven years after the engagement ends."),
        goals=(
            AgreementGoal(_("Delegate more to the team")),
            AgreementGoal(_("Prepare for the new role")),
        ),
        agreement_date=on,
    )


def _check(db: Session, name: str, body: str, *, exclude: int | None) -> None:
    errors: dict[str, str] = {}
    clean = name.strip()
    if not clean:
        errors["name"] = _("Enter a name for the template.")
    elif len(clean) > 200:
        errors["name"] = _("At most {n} characters.").format(n=200)
    elif any(
        row.name.casefold() == clean.casefold() and row.id != exclude
        for row in agreements.list_templates(db)
    ):
        errors["name"] = _("Another template is already called “{name}”.").format(name=clean)
    if not body.strip():
        errors["body"] = _("The template is empty.")
    else:
        problems = template_problems(body)
        if problems:
            errors["body"] = " ".join(problems)
    if errors:
        raise ValidationError(errors)
