"""At unlock the app applies the coach's formats, and language unless LANGUAGE names one,
before the main window builds its first label."""

from __future__ import annotations

from datetime import date

import pytest

from coachdesk import app, i18n
from coachdesk.formatting import current_locale, format_date
from coachdesk.services.people import profile
from coachdesk.vault import Vault


def save_locale(v: Vault, tag: str) -> None:
    with v.session() as db, db.begin():
        data = profile.profile_fields(db)
        data.locale = tag
        profile.update_profile(db, data)


def test_unlocking_applies_the_coachs_locale(
    open_vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LANGUAGE", raising=False)
    save_locale(open_vault, "de_DE")
    app._use_coach_locale(open_vault)
    assert str(current_locale()) == "de_DE"
    assert format_date(date(2026, 9, 1)) == "1. September 2026"
    assert i18n.current_language() == "de"


def test_language_in_the_environment_keeps_the_apps_language(
    open_vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANGUAGE", "en")
    save_locale(open_vault, "fr_FR")
    app._use_coach_locale(open_vault)
    assert str(current_locale()) == "fr_FR"
    assert i18n.current_language() == "en"


def test_a_vault_without_a_locale_keeps_the_systems(
    open_vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    for variable in ("LC_ALL", "LC_TIME"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "fr_BE.UTF-8")
    app._use_coach_locale(open_vault)
    assert str(current_locale()) == "fr_BE"
