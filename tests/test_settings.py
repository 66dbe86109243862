"""This computer's settings file: declared defaults, bad values cleaned, a damaged file left alone,
atomic private writes, and the version key with its upgrade from ``ui.ini``."""

from __future__ import annotations

import json
import logging
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from coachdesk import paths, settings
from coachdesk.errors import CoachDeskError, ValidationError
from tests.support import fingerprint

DEFAULTS = {
    "theme": "system",
    "auto_lock_minutes": 10,
    "clipboard_clear_seconds": 60,
    "backup_folder": "",
    "backup_every_days": 1,
}
PRIVATE_MARKER = "Zoe Marker's private words"


def stored_file() -> Path:
    return paths.config_dir() / "settings.json"


def write_stored(values: object) -> Path:
    path = stored_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(values), encoding="utf-8")
    return path


def test_nothing_stored_gives_the_declared_defaults_and_writes_nothing() -> None:
    assert settings.load().as_dict() == DEFAULTS
    assert not paths.config_dir().exists()


def test_a_saved_choice_is_read_back_and_the_others_are_kept() -> None:
    settings.save({settings.THEME: "dark", settings.AUTO_LOCK_MINUTES: 5})
    settings.save({settings.BACKUP_EVERY_DAYS: 0, settings.BACKUP_FOLDER: "/media/usb"})
    loaded = settings.load()
    assert loaded[settings.THEME] == "dark"
    assert loaded[settings.AUTO_LOCK_MINUTES] == 5
    assert loaded[settings.CLIPBOARD_CLEAR_SECONDS] == 60
    assert loaded[settings.BACKUP_EVERY_DAYS] == 0
    assert loaded[settings.BACKUP_FOLDER] == "/media/usb"
    assert json.loads(stored_file().read_text())["version"] == settings.VERSION


def test_bad_stored_values_are_read_as_their_defaults(caplog: pytest.LogCaptureFixture) -> None:
    path = write_stored(
        {
            "version": settings.VERSION,
            "theme": "purple",
            "auto_lock_minutes": -5,
            "clipboard_clear_seconds": True,
            "backup_folder": ["/a", "/b"],
            "backup_every_days": 3,
        }
    )
    before = fingerprint(path)
    with caplog.at_level(logging.WARNING):
        assert settings.load().as_dict() == DEFAULTS
    assert fingerprint(path) == before, "reading never rewrites the file"
    assert "theme" in caplog.text
    assert "backup_every_days" in caplog.text
    assert "purple" not in caplog.text, "the log names the setting, not what it held"


def test_good_values_are_kept_beside_bad_ones_and_counts_may_be_text() -> None:
    write_stored({"version": 1, "theme": "light", "auto_lock_minutes": "5", "backup_folder": 7})
    loaded = settings.load()
    assert loaded[settings.THEME] == "light"
    assert loaded[settings.AUTO_LOCK_MINUTES] == 5
    assert loaded[settings.BACKUP_FOLDER] == ""


@pytest.mark.parametrize(
    "damage", [b'{"theme": "dark", ' + PRIVATE_MARKER.encode(), b"[1, 2]", b"\xff\xfe not utf-8"]
)
def test_a_damaged_file_gives_defaults_and_is_left_until_the_user_saves(
    damage: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    path = stored_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(damage)
    before = fingerprint(path)
    with caplog.at_level(logging.WARNING):
        assert settings.load().as_dict() == DEFAULTS
        settings.load()
    assert fingerprint(path) == before
    assert "settings" in caplog.text
    assert PRIVATE_MARKER not in caplog.text, "the warning never quotes the file"

    settings.save({settings.THEME: "dark"})
    assert json.loads(path.read_text()) == {
        **DEFAULTS,
        "theme": "dark",
        "version": settings.VERSION,
    }


def test_a_bad_value_to_save_names_the_setting_and_writes_nothing() -> None:
    settings.save({settings.THEME: "dark"})
    before = fingerprint(paths.config_dir())
    with pytest.raises(ValidationError) as raised:
        settings.save({settings.THEME: "dark", settings.BACKUP_EVERY_DAYS: 3})
    assert raised.value.fields == {"backup_every_days": "must be one of 1, 7, 0"}
    with pytest.raises(ValidationError, match="auto_lock_minutes: must be a whole number"):
        settings.save({settings.AUTO_LOCK_MINUTES: -1})
    assert fingerprint(paths.config_dir()) == before


def test_the_file_is_private_and_replaced_whole() -> None:
    settings.save({settings.THEME: "dark"})
    settings.save({settings.THEME: "light"})
    path = stored_file()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"], "no temp file is left"
    assert json.loads(path.read_text())["theme"] == "light"


def test_a_failed_write_leaves_the_folder_as_it_was() -> None:
    path = stored_file()
    path.mkdir(parents=True)  # a folder in the file's place: the rename over it fails
    before = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(CoachDeskError, match="could not be saved"):
        settings.save({settings.THEME: "dark"})
    assert sorted(p.name for p in path.parent.iterdir()) == before
    assert path.is_dir()
    assert not any(path.iterdir())


def test_a_newer_files_version_and_unknown_keys_survive_a_save() -> None:
    write_stored({"version": 7, "theme": "dark", "window_tabs": ["a"]})
    assert settings.load()[settings.THEME] == "dark"
    settings.save({settings.AUTO_LOCK_MINUTES: 3})
    stored = json.loads(stored_file().read_text())
    assert stored["version"] == 7
    assert stored["window_tabs"] == ["a"]
    assert stored["auto_lock_minutes"] == 3


def write_ui_ini(text: str) -> Path:
    path = paths.config_dir() / "ui.ini"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_current_file_ignores_what_ui_ini_still_holds() -> None:
    write_ui_ini("[preferences]\ntheme=dark\n")
    write_stored({"version": settings.VERSION, "theme": "light"})
    assert settings.load()[settings.THEME] == "light"


def test_without_ui_ini_preferences_nothing_is_carried_or_written() -> None:
    write_ui_ini('[General]\nlast_folder=/tmp/x\ngeometry="@ByteArray(\\x1)"\n')
    assert settings.load().as_dict() == DEFAULTS
    assert not stored_file().exists()


def test_a_damaged_ui_ini_is_not_carried_over(caplog: pytest.LogCaptureFixture) -> None:
    write_ui_ini("theme=dark with no section\n")
    with caplog.at_level(logging.WARNING):
        assert settings.load().as_dict() == DEFAULTS
    assert "ui.ini" in caplog.text
    assert not stored_file().exists()


def test_settings_import_only_the_standard_library_and_coachdesks_base() -> None:
    code = (
        "import json, sys\n"
        "import coachdesk.settings\n"
        "loaded = [m for m in sys.modules if m.startswith(('coachdesk', 'PySide6'))]\n"
        "print(json.dumps(sorted(loaded)))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout) == [
        "coachdesk",
        "coachdesk.errors",
        "coachdesk.i18n",
        "coachdesk.paths",
        "coachdesk.settings",
    ]
