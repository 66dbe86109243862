"""An honest, simple passphrase-strength hint: length and character variety, nothing clever.

It estimates how many guesses a passphrase would take if an attacker knew only which kinds of
characters it uses, then knocks off points for the obvious (repeats, common words). It cannot
know whether a phrase is a famous quote, so the hint never promises more than "strong".
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import IntEnum

from coachdesk.i18n import _
from coachdesk.vault.vault import MIN_PASSPHRASE

_COMMON = (
    "password",
    "passwort",
    "123456",
    "qwerty",
    "azerty",
    "letmein",
    "welcome",
    "iloveyou",
    "admin",
    "coachdesk",
    "coaching",
    "abc123",
)


class Level(IntEnum):
    TOO_SHORT = 0
    WEAK = 1
    FAIR = 2
    GOOD = 3
    STRONG = 4


@dataclass(frozen=True)
class Strength:
    level: Level
    label: str
    hint: str


def estimate_bits(passphrase: str) -> float:
    """Rough entropy in bits: length times the log of the alphabet the characters come from."""
    if not passphrase:
        return 0.0
    pool = 0
    if any(c.islower() for c in passphrase):
        pool += 26
    if any(c.isupper() for c in passphrase):
        pool += 26
    if any(c.isdigit() for c in passphrase):
        pool += 10
    if any(c.isascii() and not c.isalnum() and c != " " for c in passphrase):
        pool += 33
    if any(not c.isascii() for c in passphrase):
        pool += 100
    # Repeats add little: count each run of one character, and cap by the distinct characters.
    effective = sum(1 for i, c in enumerate(passphrase) if i == 0 or c != passphrase[i - 1])
    effective = min(effective, 2 * len(set(passphrase)) + 2)
    lowered = passphrase.lower()
    for word in _COMMON:
        if word in lowered:
            effective -= len(word) - 1
    return max(effective, 1) * math.log2(max(pool, 2))


def assess(passphrase: str) -> Strength:
    """The level and a one-line hint to show under the passphrase field."""
    if len(passphrase) < MIN_PASSPHRASE:
        return Strength(
            Level.TOO_SHORT,
            _("Too short"),
            _("Use at least {n} characters.").format(n=MIN_PASSPHRASE),
        )
    bits = estimate_bits(passphrase)
    if bits < 45:
        return Strength(
            Level.WEAK,
            _("Weak"),
            _("Easy to guess. Add a few more words or characters."),
        )
    if bits < 65:
        return Strength(
            Level.FAIR,
            _("Fair"),
            _("Could be stronger: four or more unrelated words work well."),
        )
    if bits < 90:
        return Strength(Level.GOOD, _("Good"), _("A good passphrase."))
    return Strength(
        Level.STRONG, _("Strong"), _("A strong passphrase, as long as it is not a known quote.")
    )
