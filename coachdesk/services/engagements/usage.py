"""How far a programme has come, in words, and what to act on before it runs out."""

from __future__ import annotations

from datetime import date

from coachdesk import words
from coachdesk.i18n import _, ngettext
from coachdesk.model import EngagementStatus, SessionStatus
from coachdesk.services.engagements.engagements import EngagementUsage

ENDING_SOON_DAYS = 14
RUNNING = (EngagementStatus.DRAFT, EngagementStatus.PROPOSED, EngagementStatus.ACTIVE)


def usage_words(use: EngagementUsage) -> str:
    """ "Next: session 5 of 8 · 4 held, 1 booked": where the programme stands, in words."""
    used = use.held + use.late_cancelled + use.no_shows
    if use.planned and use.remaining:
        head = _("Next: session {n} of {total}").format(n=used + 1, total=use.planned)
    elif use.planned:
        head = _("All {total} planned sessions used").format(total=use.planned)
    else:
        head = _("Next: session {n} (no fixed number planned)").format(n=used + 1)
    parts = [head, _("{n} held").format(n=use.held)]
    if use.scheduled:
        parts.append(_("{n} booked").format(n=use.scheduled))
    missed = use.late_cancelled + use.no_shows
    if missed:
        late, no_show = SessionStatus.LATE_CANCEL, SessionStatus.NO_SHOW
        parts.append(
            _("{n} {late_cancelled} or {missed}").format(
                n=missed, late_cancelled=words.in_sentence(late), missed=words.in_sentence(no_show)
            )
        )
    return " · ".join(parts)


def usage_warnings(
    use: EngagementUsage, status: EngagementStatus, end_date: date | None, today: date
) -> list[str]:
    """What a coach should act on before the programme runs out: places or time."""
    if status not in RUNNING:
        return []
    warnings = []
    if use.remaining == 0:
        warnings.append(
            _("Every planned session is used: agree on more sessions or close the engagement.")
        )
    elif use.remaining == 1:
        warnings.append(_("Only one planned session is left."))
    if end_date is not None:
        days = (end_date - today).days
        if days < 0:
            warnings.append(_("The end date has passed; extend it or close the engagement."))
        elif days == 0:
            warnings.append(_("The engagement ends today."))
        elif days <= ENDING_SOON_DAYS:
            warnings.append(
                ngettext(
                    "The engagement ends in {n} day.", "The engagement ends in {n} days.", days
                ).format(n=days)
            )
    return warnings
