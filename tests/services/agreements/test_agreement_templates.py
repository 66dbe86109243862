"""Agreement templates as the editor uses them: checked before saving, builtins never lost."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import pytest
from pypdf import PdfReader
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.model import EngagementKind
from coachdesk.services.agreements import agreements, templates
from coachdesk.services.people import profile
from tests.services.factories import client, engagement

COACHING = EngagementKind.COACHING


def builtin_id(db: Session, kind: EngagementKind = COACHING) -> int:
    templates.ensure_builtin_templates(db)
    return next(r.id for r in agreements.list_templates(db) if r.builtin and r.kind is kind)


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)


def test_unknown_placeholders_are_named_with_their_line() -> None:
    text = (
        "# Agreement\n%% {{ ignored_in_a_comment }}\nHello {{ client_name }}\n\nFee: {{ feez }}\n"
    )
    assert templates.template_problems(text) == [
        "Unknown placeholder {{ feez }} on line 5. Did you mean {{ fee }}?"
    ]
    assert templates.template_problems("{{ zzz }}") == ["Unknown placeholder {{ zzz }} on line 1."]
    assert templates.template_problems("{{#sponsor_name}}open only") == [
        "The block {{#sponsor_name}} is not opened and closed in pairs."
    ]
    assert templates.template_problems(templates.shipped_text(COACHING)) == []
    tags = templates.unknown_tags(text)
    assert [(t.name, t.line, text[t.start : t.end]) for t in tags] == [("feez", 5, "{{ feez }}")]


def test_builtins_are_stored_once_per_kind(db: Session) -> None:
    assert len(templates.ensure_builtin_templates(db)) == 2
    assert templates.ensure_builtin_templates(db) == []
    rows = agreements.list_templates(db)
    assert {(r.kind, r.builtin) for r in rows} == {
        (EngagementKind.COACHING, True),
        (EngagementKind.MENTORING, True),
    }
    mentoring = builtin_id(db, EngagementKind.MENTORING)
    assert agreements.get_template(db, mentoring).body == templates.shipped_text(
        EngagementKind.MENTORING
    )


def test_a_bad_template_is_refused_and_a_good_edit_is_a_new_version(db: Session) -> None:
    t = builtin_id(db)
    shipped = templates.shipped_text(COACHING)
    with pytest.raises(ValidationError) as info:
        templates.save_template(db, t, "Mine", shipped + "\nFee: {{ feez }}\n", COACHING)
    assert "{{ feez }}" in info.value.fields["body"]
    assert agreements.get_template(db, t).body == shipped
    templates.save_template(db, t, "Mine", shipped + "\nSee you soon.\n", COACHING)
    saved = templates.template_text(db, t)
    assert (saved.name, saved.version) == ("Mine", 2)
    with pytest.raises(ValidationError, match="keeps its kind"):
        templates.save_template(db, t, "Mine", saved.body, EngagementKind.MENTORING)


def test_reset_restores_the_shipped_text_and_builtins_cannot_be_deleted(db: Session) -> None:
    t = builtin_id(db)
    templates.save_template(db, t, "Coaching", "# Short\n\nHello {{ client_name }}\n", COACHING)
    templates.reset_to_default(db, t)
    assert templates.template_text(db, t).body == templates.shipped_text(COACHING)
    assert templates.template_text(db, t).version == 3
    with pytest.raises(ValidationError, match="cannot be deleted"):
        templates.delete_template(db, t)


def test_copies_are_the_coachs_own_and_can_be_default_then_deleted(db: Session) -> None:
    t = builtin_id(db)
    copy = templates.copy_template(db, t).id
    second = templates.copy_template(db, t).id
    names = {r.id: r.name for r in agreements.list_templates(db)}
    assert names[copy] == "Copy of Coaching agreement (ICF style)"
    assert names[second] == "Copy 2 of Coaching agreement (ICF style)"
    with pytest.raises(ValidationError) as info:
        templates.save_template(db, second, names[copy], "text", COACHING)
    assert "already called" in info.value.fields["name"]
    with pytest.raises(ValidationError, match="Only a template that came with"):
        templates.reset_to_default(db, copy)
    templates.set_default_template(db, copy)
    assert templates.list_for_editor(db).default_id == copy
    templates.delete_template(db, copy)
    assert profile.profile_fields(db).default_template_id is None
    assert copy not in {r.id for r in agreements.list_templates(db)}


def test_preview_uses_a_made_up_client_or_a_real_engagement(db: Session) -> None:
    on = date(2026, 3, 2)
    body = "# Agreement\n\nBetween {{ client_name }} and {{ coach_name }}.\n"
    assert "Sam Example" in pdf_text(templates.preview_pdf(db, body, COACHING, None, on))
    e = engagement(db, client(db, "Zoë Łukasiewicz"))
    assert "Zoë Łukasiewicz" in pdf_text(templates.preview_pdf(db, body, COACHING, e, on))
