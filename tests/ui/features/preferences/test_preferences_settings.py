"""``Preferences`` over this computer's settings: one field per declared option, saved into
``settings.json``, and carried over from the ``ui.ini`` that earlier versions wrote through
QSettings (written here by QSettings itself)."""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path

from coachdesk import paths, settings
from coachdesk.ui.features.preferences.preferences import THEMES, Preferences
from coachdesk.ui.kit import look
from tests.support import fingerprint

# Commas, semicolons, quotes, backslashes, "=" and non-ASCII make QSettings quote and escape.
AWKWARD_FOLDER = '/media/Zoë\'s "USB", drive;2\\backups = here'


def write_old_preferences(values: dict[str, object]) -> Path:
    store = look.settings()
    store.setValue("last_folder", "/somewhere")  # other keys of ui.ini stay where they are
    for key, value in values.items():
        store.setValue(f"preferences/{key}", value)
    store.sync()
    return paths.config_dir() / "ui.ini"


def test_the_old_choices_are_carried_over_once_and_ui_ini_is_left_alone() -> None:
    ini = write_old_preferences(
        {
            "theme": "dark",
            "auto_lock_minutes": 5,
            "clipboard_clear_seconds": 0,
            "backup_folder": AWKWARD_FOLDER,
            "backup_every_days": 7,
        }
    )
    before = fingerprint(ini)

    loaded = settings.load()

    assert loaded.as_dict() == {
        "theme": "dark",
        "auto_lock_minutes": 5,
        "clipboard_clear_seconds": 0,
        "backup_folder": AWKWARD_FOLDER,
        "backup_every_days": 7,
    }
    stored = json.loads((paths.config_dir() / "settings.json").read_text(encoding="utf-8"))
    assert stored == {**loaded.as_dict(), "version": settings.VERSION}
    assert fingerprint(ini) == before

    write_old_preferences({"theme": "light"})  # an older CoachDesk still writing there
    assert settings.load()[settings.THEME] == "dark", "carried over once, then settings.json rules"


def test_empty_and_bad_old_values_become_the_defaults() -> None:
    write_old_preferences(
        {"theme": "sepia", "auto_lock_minutes": "soon", "backup_folder": "", "backup_every_days": 3}
    )
    assert Preferences.load() == Preferences(theme="system", auto_lock_minutes=10)


def test_a_leading_at_sign_and_a_windows_path_come_back_as_written() -> None:
    write_old_preferences({"backup_folder": "@home\\Backups\\C:\\x"})
    assert settings.load()[settings.BACKUP_FOLDER] == "@home\\Backups\\C:\\x"


def test_the_preferences_view_saves_into_settings_json_not_ui_ini() -> None:
    ini = write_old_preferences({"theme": "dark"})
    chosen = Preferences.load()
    chosen.auto_lock_minutes = 2
    chosen.save()
    assert Preferences.load() == Preferences(theme="dark", auto_lock_minutes=2)
    assert look.settings().value("preferences/auto_lock_minutes") is None
    assert "auto_lock_minutes" not in ini.read_text(encoding="utf-8")


def test_every_declared_option_has_its_field_and_every_theme_its_label() -> None:
    assert [f.name for f in fields(Preferences)] == list(settings.OPTIONS)
    assert Preferences() == Preferences(**{n: o.default for n, o in settings.OPTIONS.items()})
    assert tuple(THEMES) == settings.THEMES
