"""Agreement templates: placeholders, conditional blocks, markup, and the ICF clause checklist."""

from __future__ import annotations

import re

import pytest

from coachdesk.documents import templates
from coachdesk.documents.agreement_text import agreement_values, default_template
from coachdesk.errors import ValidationError
from tests.documents import samples

SECTIONS = [
    "Parties",
    "Nature of coaching (not therapy)",
    "Roles and responsibilities",
    "Objectives",
    "Logistics",
    "Fees and payment",
    "Cancellation and rescheduling",
    "Confidentiality and its limits",
    "Reporting to the sponsor",
    "Records",
    "Communication between sessions",
    "Ending the engagement",
    "Signatures",
]


def test_placeholders_are_filled_with_or_without_spaces() -> None:
    out = templates.render(
        "Hello {{client_name}} and {{ coach_name }}.",
        {"client_name": "Zoë", "coach_name": "Amélie"},
    )
    assert out == "Hello Zoë and Amélie.\n"


def test_unknown_placeholder_is_refused_naming_it() -> None:
    text = "Dear {{ client_name }}, your {{ favourite_colour }} and {{#pet}}x{{/pet}}."
    assert templates.unknown_placeholders(text) == ["favourite_colour", "pet"]
    with pytest.raises(ValidationError) as caught:
        templates.render(text, {})
    message = caught.value.fields["template"]
    assert "{{ favourite_colour }}" in message
    assert "{{ pet }}" in message


def test_unclosed_block_is_refused() -> None:
    with pytest.raises(ValidationError, match="sponsor_name"):
        templates.render("{{#sponsor_name}} paid by {{ sponsor_name }}", {})


def test_blocks_keep_their_content_only_when_the_value_is_set() -> None:
    text = (
        "A\n{{#sponsor_name}}\nPaid by {{ sponsor_name }}.\n{{/sponsor_name}}\n"
        "{{^sponsor_name}}\nSelf-funded.\n{{/sponsor_name}}\nB"
    )
    assert templates.render(text, {"sponsor_name": "Acme"}) == "A\nPaid by Acme.\nB\n"
    assert templates.render(text, {"sponsor_name": ""}) == "A\nSelf-funded.\nB\n"


def test_nested_blocks() -> None:
    text = (
        "{{#sponsor_name}}S{{#sponsor_contact}} ({{ sponsor_contact }}){{/sponsor_contact}}"
        "{{/sponsor_name}}"
    )
    assert templates.render(text, {"sponsor_name": "A", "sponsor_contact": "Jo"}) == "S (Jo)\n"
    assert templates.render(text, {"sponsor_name": "A"}) == "S\n"
    assert templates.render(text, {"sponsor_contact": "Jo"}) == "\n"


def test_comment_lines_are_dropped_and_may_mention_any_name() -> None:
    assert templates.render("%% {{ anything }} goes here\nText", {}) == "Text\n"


def test_markup_is_parsed_into_blocks() -> None:
    blocks = templates.parse(
        "# Title\nSub\n\n## Heading\nline one\nline two\n- a bullet\n@sign Client | Zoë\n"
    )
    assert [(b.kind, b.text) for b in blocks] == [
        ("title", "Title"),
        ("para", "Sub"),
        ("heading", "Heading"),
        ("para", "line one\nline two"),
        ("bullet", "a bullet"),
        ("sign", "Client | Zoë"),
    ]


@pytest.mark.parametrize("kind", ["coaching", "mentoring"])
def test_default_templates_cover_every_clause(kind: str) -> None:
    text = default_template(kind)
    assert templates.unknown_placeholders(text) == []
    checks = templates.clause_check(text, sponsored=True)
    assert [name for name, _present in checks] == SECTIONS
    assert all(present for _name, present in checks), checks


def test_clause_check_finds_a_removed_confidentiality_section() -> None:
    text = re.sub(r"## Confidentiality and its limits\n", "", default_template("coaching"))
    checks = dict(templates.clause_check(text, sponsored=True))
    assert checks["Confidentiality and its limits"] is False
    assert checks["Records"] is True


@pytest.mark.parametrize("kind", ["coaching", "mentoring"])
def test_each_clause_is_missing_exactly_when_its_heading_is_removed(kind: str) -> None:
    text = default_template(kind)
    headings = re.findall(r"^## .*$", text, flags=re.MULTILINE)
    assert len(headings) == len(SECTIONS)
    for heading, section in zip(headings, SECTIONS, strict=True):
        without = text.replace(heading + "\n", "", 1)
        checks = dict(templates.clause_check(without, sponsored=True))
        assert [name for name, present in checks.items() if not present] == [section], heading


def test_clause_check_lists_sponsor_reporting_only_when_sponsored() -> None:
    names = [name for name, _ in templates.clause_check(default_template(), sponsored=False)]
    assert "Reporting to the sponsor" not in names


def test_sponsor_section_and_signature_only_with_a_sponsor() -> None:
    with_sponsor = templates.render(default_template(), agreement_values(samples.agreement()))
    without = templates.render(
        default_template(), agreement_values(samples.agreement(sponsor_name=None))
    )
    assert "## Reporting to the sponsor" in with_sponsor
    assert "@sign Sponsor | Northwind Analytics GmbH, Jonas Weber" in with_sponsor
    assert "sponsor" not in without.casefold()
    assert "{{" not in with_sponsor
    assert "{{" not in without


def test_free_text_values_never_become_markup() -> None:
    values = agreement_values(samples.agreement(payment_terms="# not a title\n@sign Evil | x"))
    blocks = templates.parse(templates.render("- Payment: {{ payment_terms }}", values))
    assert [b.kind for b in blocks] == ["bullet", "para"]


def test_every_placeholder_has_a_description() -> None:
    described = dict(templates.placeholder_descriptions())
    assert set(described) == set(templates.PLACEHOLDERS)
    assert all(described.values())
