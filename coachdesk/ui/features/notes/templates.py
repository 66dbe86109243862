"""What each section box of the notes editor suggests while it is empty.

The sections themselves, their headings and how notes are stored are the stored format, in
``coachdesk.services.sessions.note_format``; these hints only guide typing, so they stay here.
"""

from __future__ import annotations

from collections.abc import Callable

from coachdesk.i18n import _
from coachdesk.model import NoteTemplate

_HINTS: dict[NoteTemplate, tuple[Callable[[], str], ...]] = {
    NoteTemplate.GROW: (
        lambda: _("What does the client want from this session, and beyond?"),
        lambda: _("Where are things now? What has been tried?"),
        lambda: _("What could they do? Which options came up?"),
        lambda: _("What will they do, by when? How committed are they?"),
    ),
    NoteTemplate.OSCAR: (
        lambda: _("The outcome the client wants."),
        lambda: _("The situation now, as the client sees it."),
        lambda: _("The choices open to them, and their consequences."),
        lambda: _("The actions they commit to."),
        lambda: _("How and when progress will be reviewed."),
    ),
    NoteTemplate.FREE: (lambda: _("What happened, what was said, what comes next."),),
}


def section_hints(template: NoteTemplate) -> list[str]:
    return [hint() for hint in _HINTS[template]]
