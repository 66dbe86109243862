"""Where CoachDesk keeps things on this computer.

``COACHDESK_HOME`` replaces every platform folder with one root (tests, portable use from a USB
stick). Nothing here creates a folder: callers create what they write.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "CoachDesk"
HOME_ENV = "COACHDESK_HOME"
RESOURCES_DIR = Path(__file__).resolve().parent.parent / "resources"


def _home_override() -> Path | None:
    value = os.environ.get(HOME_ENV)
    return Path(value).expanduser() if value else None


def data_dir() -> Path:
    """The folder holding this user's CoachDesk data."""
    home = _home_override()
    if home is not None:
        return home
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_vault_dir() -> Path:
    """The vault used when none is named on the command line."""
    return data_dir() / "vault"


def config_dir() -> Path:
    """Settings that belong to this computer (window geometry, theme, auto-lock)."""
    home = _home_override()
    if home is not None:
        return home / "config"
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
