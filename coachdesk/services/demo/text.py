"""The words of the demo practice: names, emails and notes built from resources/demo/*.json.

Kept apart from ``demo`` so the phrase lists can grow (or be translated) without touching the
code that lays out a practice's timeline.
"""

from __future__ import annotations

import json
import random
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

from coachdesk.model import NoteTemplate
from coachdesk.paths import RESOURCES_DIR
from coachdesk.services.sessions.note_format import compose

DEMO_DIR = RESOURCES_DIR / "demo"


@dataclass(frozen=True)
class DemoContent:
    """The parsed word lists; lists keep file order, so a seeded choice is reproducible."""

    cultures: list[dict[str, list[str]]]
    transliteration: dict[str, str]
    pronouns: list[str]
    practice: dict[str, Any]

    def __getitem__(self, key: str) -> Any:
        return self.practice[key]


@cache
def content() -> DemoContent:
    names = json.loads((DEMO_DIR / "names.json").read_text(encoding="utf-8"))
    practice = json.loads((DEMO_DIR / "practice.json").read_text(encoding="utf-8"))
    return DemoContent(names["cultures"], names["transliteration"], names["pronouns"], practice)


def ascii_slug(text: str) -> str:
    """An email-safe spelling of a name: accents dropped, Ł Ø ß and Cyrillic transliterated."""
    table = content().transliteration
    spelled = "".join(table.get(ch, ch) for ch in text.casefold())
    plain = unicodedata.normalize("NFKD", spelled).encode("ascii", "ignore").decode()
    return "".join(ch if ch.isalnum() else "-" for ch in plain).strip("-")


def fill(template: str, **values: str) -> str:
    return template.format_map(values)


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def grow_notes(rng: random.Random, *, name: str, topic: str, org: str, action: str) -> str:
    """Shared notes in GROW shape, stored as the notes editor stores them."""
    grow = content()["grow"]
    values = {"name": name, "topic": topic, "org": org or "work", "action": lower_first(action)}
    reality = rng.sample(grow["reality"], 2)
    options = rng.sample(grow["options"], rng.randint(2, 4))
    return compose(
        NoteTemplate.GROW,
        [
            fill(rng.choice(grow["goal"]), **values),
            " ".join(fill(line, **values) for line in reality),
            "\n".join(f"- {option}" for option in options),
            fill(rng.choice(grow["will"]), **values),
        ],
    )


def pick(rng: random.Random, key: str, **values: str) -> str:
    """A random phrase from the list ``key`` of practice.json, placeholders filled."""
    return fill(rng.choice(content()[key]), **values)
