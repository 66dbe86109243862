"""One label for every value of every enum in the model, told apart within its enum, and in the
language in use when it is asked for (not when the module was imported)."""

from __future__ import annotations

import gettext
import inspect
from enum import StrEnum

import pytest

from coachdesk import i18n, words
from coachdesk.model import enums
from coachdesk.model.enums import PaperSize, SessionStatus

VOCABULARIES = [
    member
    for _name, member in inspect.getmembers(enums, inspect.isclass)
    if issubclass(member, StrEnum) and member.__module__ == enums.__name__
]


def test_the_model_has_the_vocabularies_we_expect_to_label() -> None:
    """Guards the search below: a renamed module would otherwise make the next tests vacuous."""
    assert {SessionStatus, PaperSize} <= set(VOCABULARIES)


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda v: v.__name__)
def test_every_value_has_its_own_label(vocabulary: type[StrEnum]) -> None:
    labels = words.labels(vocabulary)
    assert list(labels) == list(vocabulary)
    assert all(text.strip() for text in labels.values())
    assert len(set(labels.values())) == len(labels), f"two {vocabulary.__name__} read alike"


def test_late_cancellation_reads_one_way() -> None:
    assert words.label(SessionStatus.LATE_CANCEL) == "Late cancellation"
    assert words.in_sentence(SessionStatus.LATE_CANCEL) == "late cancelled"


class Backwards(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return message[::-1]


def test_labels_are_translated_when_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    assert words.label(SessionStatus.COMPLETED) == "Held"
    monkeypatch.setattr(i18n, "_translations", Backwards)
    assert words.label(SessionStatus.COMPLETED) == "dleH"
    assert words.in_sentence(SessionStatus.NO_SHOW) == "dessim"


def test_only_the_models_values_have_labels() -> None:
    class Elsewhere(StrEnum):
        ONE = "one"

    assert words.has_label(SessionStatus.NO_SHOW)
    assert not words.has_label(Elsewhere.ONE)
    assert not words.has_label("no_show")
