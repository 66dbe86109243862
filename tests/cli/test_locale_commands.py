"""The coach's formats and language, and each client's document language, from the command
line: validated with the field named, shown in --json, applied when a command opens the vault."""

from __future__ import annotations

from datetime import date

import pytest

from coachdesk import i18n
from coachdesk.formatting import current_locale, format_date
from tests.cli.conftest import json_of


def test_profile_locale_is_set_shown_and_validated(cli) -> None:
    assert json_of(cli("profile", "show", "--json"))["locale"] == ""
    assert cli("profile", "set", "--locale", "de-CH")[0] == 0
    assert json_of(cli("profile", "show", "--json"))["locale"] == "de_CH"
    code, out, _ = cli("profile", "show")
    assert code == 0
    assert "de_CH" in out
    code, _, err = cli("profile", "set", "--locale", "xx_QQ")
    assert code == 1
    assert err.startswith("coachdesk: locale:")
    assert "Unknown locale" in err
    assert json_of(cli("profile", "show", "--json"))["locale"] == "de_CH"
    assert cli("profile", "set", "--locale", "")[0] == 0
    assert json_of(cli("profile", "show", "--json"))["locale"] == ""


def test_a_command_applies_the_coachs_formats_and_language(
    cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LANGUAGE", raising=False)
    cli("profile", "set", "--locale", "de_AT")
    cli("profile", "show")
    assert str(current_locale()) == "de_AT"
    assert format_date(date(2026, 9, 1)) == "1. September 2026"
    assert i18n.current_language() == "de"


def test_language_in_the_environment_wins_over_the_profile(
    cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANGUAGE", "en")
    cli("profile", "set", "--locale", "fr_FR")
    cli("profile", "show")
    assert str(current_locale()) == "fr_FR"  # the formats still follow the profile
    assert i18n.current_language() == "en"


def test_client_document_language(cli) -> None:
    added = json_of(cli("client", "add", "--name", "Jonas Weber", "--language", "de", "--json"))
    assert added["language"] == "de"
    assert json_of(cli("client", "show", "1", "--json"))["client"]["language"] == "de"
    assert cli("client", "edit", "1", "--language", "FR")[0] == 0
    assert [c["language"] for c in json_of(cli("client", "list", "--json"))] == ["fr"]
    code, _, err = cli("client", "edit", "1", "--language", "klingon")
    assert code == 1
    assert err.startswith("coachdesk: language:")
    assert json_of(cli("client", "show", "1", "--json"))["client"]["language"] == "fr"
    assert cli("client", "edit", "1", "--language", "")[0] == 0
    assert json_of(cli("client", "show", "1", "--json"))["client"]["language"] == ""
