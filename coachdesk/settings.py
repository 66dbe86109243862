"""This computer's choices (theme, auto-lock, clipboard clearing, where and how often to back up),
read alike by the app and the command line.

They belong to the computer, not the practice (a USB drive is mounted here, not elsewhere), so they
live in ``settings.json`` in the config folder, not in the vault. Each option is declared once,
below, with its default and the rule a stored value must pass; a value that fails is replaced by
the default when read, so a hand-edited or damaged file never stops CoachDesk. The file carries a
``version``; each upgrade step brings an older file one version forward, the first one carrying
the choices over from ``ui.ini``, where earlier versions of the app kept them.
"""

from __future__ import annotations

import configparser
import json
import logging
import os
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

from coachdesk import paths
from coachdesk.errors import CoachDeskError, ValidationError
from coachdesk.i18n import _

log = logging.getLogger(__name__)

FILE_NAME = "settings.json"
UI_INI = "ui.ini"  # the app's QSettings file (``ui.kit.look.settings``); it kept these before
VERSION_KEY = "version"
THEMES = ("system", "light", "dark")
BACKUP_FREQUENCIES = (1, 7, 0)  # days between automatic backups; 0 means never

T = TypeVar("T")


@dataclass(frozen=True)
class Option(Generic[T]):
    """One choice: its key in the file, its default, and ``rule``, which returns the value
    cleaned (``"5"`` becomes ``5``) or raises ``ValueError`` saying what it must be."""

    name: str
    default: T
    rule: Callable[[object], T]

    def clean(self, stored: object) -> T:
        """The stored value if it passes the rule, else the default (logged by name only)."""
        try:
            return self.rule(stored)
        except ValueError:
            log.warning("The setting %s held an unusable value; its default is used.", self.name)
            return self.default


OPTIONS: dict[str, Option[Any]] = {}


def declare(name: str, default: T, rule: Callable[[object], T]) -> Option[T]:
    option = Option(name, rule(default), rule)
    OPTIONS[name] = option
    return option


def whole_number(value: object) -> int:
    """A count of minutes, seconds or days: 0 or more (QSettings stored them as text)."""
    if isinstance(value, str):
        value = value.strip()
        if value.isdigit():
            return int(value)
    elif isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    raise ValueError(_("must be a whole number, 0 or more"))


def text(value: object) -> str:
    if isinstance(value, str):
        return value
    raise ValueError(_("must be text"))


def one_of(allowed: tuple[T, ...], read: Callable[[object], T]) -> Callable[[object], T]:
    """The rule for a closed list: ``read`` the value, then it must be one of ``allowed``."""

    def rule(value: object) -> T:
        wanted = _("must be one of {values}").format(values=", ".join(map(str, allowed)))
        try:
            chosen = read(value)
        except ValueError:
            raise ValueError(wanted) from None
        if chosen not in allowed:
            raise ValueError(wanted)
        return chosen

    return rule


THEME = declare("theme", "system", one_of(THEMES, text))
AUTO_LOCK_MINUTES = declare("auto_lock_minutes", 10, whole_number)  # 0: never
CLIPBOARD_CLEAR_SECONDS = declare("clipboard_clear_seconds", 60, whole_number)  # 0: never
BACKUP_FOLDER = declare("backup_folder", "", text)  # "": the vault's own backups folder
BACKUP_EVERY_DAYS = declare("backup_every_days", 1, one_of(BACKUP_FREQUENCIES, whole_number))


class Settings:
    """The choices as read, every one clean: ``settings[THEME]`` is always one of ``THEMES``."""

    def __init__(self, stored: Mapping[str, object]) -> None:
        self._values = {
            name: option.clean(stored[name]) if name in stored else option.default
            for name, option in OPTIONS.items()
        }

    def __getitem__(self, option: Option[T]) -> T:
        return cast(T, self._values[option.name])

    def as_dict(self) -> dict[str, object]:
        return dict(self._values)


def settings_file() -> Path:
    return paths.config_dir() / FILE_NAME


def load() -> Settings:
    """The choices, from the file; a missing or unreadable file gives the defaults (and is left
    as it is), a missing one first carries the choices over from ``ui.ini``."""
    return Settings(_stored())


def save(changes: Mapping[Option[Any], object]) -> Settings:
    """Store ``changes`` and keep every other choice as it is on disk; returns them all.

    A value that fails its option's rule raises ``ValidationError`` naming the option, and then
    nothing is written.
    """
    problems: dict[str, str] = {}
    cleaned: dict[str, object] = {}
    for option, value in changes.items():
        try:
            cleaned[option.name] = option.rule(value)
        except ValueError as exc:
            problems[option.name] = str(exc)
    if problems:
        raise ValidationError(problems)
    stored = _stored()
    chosen = Settings({**stored, **cleaned})
    _write({**stored, **chosen.as_dict(), VERSION_KEY: max(VERSION, _version(stored))})
    return chosen


# -- the file ------------------------------------------------------------------------------------
def _stored() -> dict[str, object]:
    """What the file holds, brought up to ``VERSION``; ``{}`` when it cannot be read."""
    path = settings_file()
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        carried = _upgrade({})
        if carried != {VERSION_KEY: VERSION}:  # something was carried over: keep it from now on
            _write_quietly(carried)
        return carried
    except (OSError, UnicodeDecodeError) as exc:
        log.warning("Cannot read %s (%s); the default settings are used.", path, type(exc).__name__)
        return {}
    try:
        stored = json.loads(raw)
    except ValueError:
        stored = None
    if not isinstance(stored, dict):
        log.warning(
            "%s is damaged; the default settings are used and the file is left as it is until "
            "the settings are saved.",
            path,
        )
        return {}
    return _upgrade(stored)


def _version(stored: Mapping[str, object]) -> int:
    version = stored.get(VERSION_KEY, 0)
    return version if isinstance(version, int) and not isinstance(version, bool) else 0


def _write(values: Mapping[str, object]) -> None:
    """Atomically: a private temp file beside the settings, then renamed over them, so a crash
    leaves the old file or the new one, never half of one."""
    path = settings_file()
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".settings-", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(values, out, indent=2, sort_keys=True, ensure_ascii=False)
                out.write("\n")
                out.flush()
                os.fsync(out.fileno())
            os.chmod(temp, 0o600)
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise CoachDeskError(
            _("This computer's settings could not be saved in {path}: {reason}").format(
                path=path, reason=exc.strerror or exc
            )
        ) from exc


def _write_quietly(values: Mapping[str, object]) -> None:
    """The upgrade's write: a folder that cannot be written must not stop CoachDesk, which then
    carries the choices over again next time."""
    try:
        _write(values)
    except CoachDeskError as exc:
        log.warning("The carried-over settings were not stored: %s", exc.__cause__)


# -- upgrades ------------------------------------------------------------------------------------
def _from_ui_ini(stored: dict[str, object]) -> dict[str, object]:
    """Version 0 → 1: the choices earlier versions kept in ``ui.ini``'s ``[preferences]``, as
    clean values (QSettings gave counts as text); one that fails its rule is left behind."""
    carried: dict[str, object] = {}
    for name, value in read_ui_ini_preferences(paths.config_dir() / UI_INI).items():
        try:
            carried[name] = OPTIONS[name].rule(value)
        except ValueError:
            log.warning("The old setting %s held an unusable value; it was not carried over.", name)
    return {**carried, **stored}


UPGRADES: tuple[Callable[[dict[str, object]], dict[str, object]], ...] = (_from_ui_ini,)
VERSION = len(UPGRADES)


def _upgrade(stored: dict[str, object]) -> dict[str, object]:
    """Run each step from the file's version on; a newer file's version is kept as it is."""
    version = _version(stored)
    for step in UPGRADES[version:]:
        stored = step(stored)
    return {**stored, VERSION_KEY: max(version, VERSION)}


def read_ui_ini_preferences(path: Path) -> dict[str, object]:
    """The ``[preferences]`` values of a QSettings INI file, unquoted and unescaped as QSettings
    reads them; only the declared options, and nothing when the file is missing or unreadable."""
    parser = configparser.RawConfigParser(strict=False)
    try:
        with path.open(encoding="utf-8") as source:
            parser.read_file(source)
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, configparser.Error) as exc:
        log.warning("Cannot read the old settings in %s (%s).", path, type(exc).__name__)
        return {}
    if not parser.has_section("preferences"):
        return {}
    section = parser["preferences"]
    return {name: _qsettings_value(section[name]) for name in OPTIONS if name in section}


_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}


def _qsettings_value(raw: str) -> object:
    r"""Text as QSettings wrote it: ``"..."`` around text with commas, semicolons or edge spaces,
    backslash escapes (``\\``, ``\"``, ``\n``, ``\x61``), ``@@`` for a leading ``@``, and
    unquoted commas between the items of a list. Other ``@`` forms (``@Invalid()``,
    ``@Variant(...)``) hold no text: ``None``."""
    items: list[str] = []
    item: list[str] = []
    quoted = False
    i = 0
    while i < len(raw):
        char = raw[i]
        i += 1
        if char == '"':
            quoted = not quoted
        elif char == "\\" and i < len(raw):
            char, i = _escape(raw, i)
            item.append(char)
        elif char == "," and not quoted:
            items.append("".join(item).strip())
            item = []
        else:
            item.append(char)
    if items:
        return [*items, "".join(item).strip()]
    value = "".join(item)
    if value.startswith("@@"):
        return value[1:]
    return None if value.startswith("@") else value


def _escape(raw: str, i: int) -> tuple[str, int]:
    """The character escaped at ``raw[i]`` (just after a backslash), and where reading goes on."""
    char = raw[i]
    if char in _ESCAPES:
        return _ESCAPES[char], i + 1
    digits, base = ("0123456789abcdefABCDEF", 16) if char == "x" else ("01234567", 8)
    start = i + 1 if char == "x" else i
    end = start
    while end < len(raw) and raw[end] in digits:
        end += 1
    if end > start:
        return chr(int(raw[start:end], base)), end
    return char, i + 1
