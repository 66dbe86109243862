"""The stored format of session notes: sections composed under their headings and parsed back
without ever losing or reordering a word, whatever the text and whichever template."""

from __future__ import annotations

import gettext

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coachdesk import i18n
from coachdesk.model import NoteTemplate
from coachdesk.services.sessions.note_format import (
    compose,
    convert,
    headed_blocks,
    parse,
    section_titles,
    without_headings,
)

section_text = st.text(alphabet=st.sampled_from(list("abc Goal Will\n")), max_size=40).map(
    lambda t: t.strip()
)


def lines_of(text: str) -> list[str]:
    return [line.rstrip() for line in text.splitlines() if line.strip()]


def test_sections_round_trip() -> None:
    sections = ["I want x", "Now y\n\nmore", "", "Will do z"]
    text = compose(NoteTemplate.GROW, sections)
    assert text == "Goal\nI want x\n\nReality\nNow y\n\nmore\n\nWill\nWill do z"
    assert parse(NoteTemplate.GROW, text) == sections
    assert parse(NoteTemplate.OSCAR, "Outcome\nfoo\n\nActions\nbar") == ["foo", "", "", "bar", ""]
    assert parse(NoteTemplate.GROW, "") == ["", "", "", ""]


def test_text_that_does_not_parse_goes_whole_into_the_first_box() -> None:
    text = "Written before templates\nGoal\nnot a heading here"
    assert parse(NoteTemplate.GROW, text) == [text, "", "", ""]
    assert parse(NoteTemplate.FREE, text) == [text]


@given(st.lists(section_text, min_size=4, max_size=4))
def test_parse_gives_back_what_compose_stored(sections: list[str]) -> None:
    text = compose(NoteTemplate.GROW, sections)
    assert compose(NoteTemplate.GROW, parse(NoteTemplate.GROW, text)) == text


@given(st.text(alphabet=st.sampled_from(list("ab Goal\nRealityWill:")), max_size=80))
def test_no_word_is_ever_lost(text: str) -> None:
    """Every line of any stored text comes back, in order, when the notes are saved again."""
    for template in NoteTemplate:
        again = iter(lines_of(compose(template, parse(template, text))))
        assert all(any(line == other for other in again) for line in lines_of(text))


@given(
    st.lists(section_text, min_size=4, max_size=4),
    st.sampled_from([NoteTemplate.OSCAR, NoteTemplate.FREE]),
)
def test_switching_template_and_back_keeps_the_text(sections: list[str], other) -> None:
    there = convert(NoteTemplate.GROW, other, sections)
    back = convert(other, NoteTemplate.GROW, there)
    assert compose(NoteTemplate.GROW, back) == compose(NoteTemplate.GROW, sections)


GERMAN = {"Goal": "Ziel", "Reality": "Realität", "Options": "Optionen", "Will": "Wille"}


class German(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return GERMAN.get(message, message)


def test_headings_are_those_of_the_language_in_use(monkeypatch: pytest.MonkeyPatch) -> None:
    """A coach working in German stores German headings, and they are read back as sections."""
    monkeypatch.setattr(i18n, "_translations", German)
    assert section_titles(NoteTemplate.GROW) == ["Ziel", "Realität", "Optionen", "Wille"]
    text = compose(NoteTemplate.GROW, ["Mehr Ruhe", "", "", "Montags planen"])
    assert text == "Ziel\nMehr Ruhe\n\nWille\nMontags planen"
    assert parse(NoteTemplate.GROW, text) == ["Mehr Ruhe", "", "", "Montags planen"]


def test_headed_blocks_keep_headings_apart_from_their_words() -> None:
    text = compose(NoteTemplate.GROW, ["Calmer board\nmeetings.", "", "Ask for help.", ""])
    assert headed_blocks(text) == [("Goal", "Calmer board meetings."), ("Options", "Ask for help.")]
    assert without_headings(text) == "Calmer board meetings. Ask for help."
    assert headed_blocks("Typed freely.\n\nGoal\nSet by the coach.") == [
        ("", "Typed freely."),
        ("Goal", "Set by the coach."),
    ]
    assert headed_blocks("We spoke of the Goal\nReality bites.") == [
        ("", "We spoke of the Goal Reality bites.")
    ], "a title inside a paragraph is a word, not a heading"
