"""Where the CLI gets passphrases and recovery keys: a prompt on a terminal, else the environment.

Scripts set ``COACHDESK_PASSPHRASE`` (and ``COACHDESK_NEW_PASSPHRASE`` for ``passwd``,
``COACHDESK_RECOVERY_KEY`` for recovery, ``COACHDESK_EXPORT_PASSPHRASE`` for an encrypted
export, ``COACHDESK_BACKUP_PASSPHRASE`` for a backup made before a re-key); a person at a
terminal is asked and nothing is echoed. The process entry takes them
out of the environment at once (``take_from_environment``), so no child process (keyring's
backend probes, a PDF viewer) inherits them.
"""

from __future__ import annotations

import getpass
import os
import sys

from coachdesk.errors import InvalidInput
from coachdesk.i18n import _

PASSPHRASE_ENV = "COACHDESK_PASSPHRASE"
NEW_PASSPHRASE_ENV = "COACHDESK_NEW_PASSPHRASE"
RECOVERY_KEY_ENV = "COACHDESK_RECOVERY_KEY"
EXPORT_PASSPHRASE_ENV = "COACHDESK_EXPORT_PASSPHRASE"
BACKUP_PASSPHRASE_ENV = "COACHDESK_BACKUP_PASSPHRASE"
SECRET_ENVS = (
    PASSPHRASE_ENV,
    NEW_PASSPHRASE_ENV,
    RECOVERY_KEY_ENV,
    EXPORT_PASSPHRASE_ENV,
    BACKUP_PASSPHRASE_ENV,
)
_taken: dict[str, str] = {}


def take_from_environment() -> None:
    """Move the secret variables out of ``os.environ`` into this process's memory only."""
    for env in SECRET_ENVS:
        value = os.environ.pop(env, None)
        if value is not None:
            _taken[env] = value


def _secret_from_env(env: str) -> str | None:
    value = os.environ.get(env)
    return value if value is not None else _taken.get(env)


def has_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def from_env_or_prompt(env: str, prompt: str) -> str:
    """The secret from ``env`` if set, else from a prompt on a terminal, else a clear error."""
    value = _secret_from_env(env)
    if value is not None:
        return value
    if has_terminal():
        return getpass.getpass(prompt)
    raise InvalidInput(
        _("No terminal to ask for it: set {env} or run this in a terminal.").format(env=env)
    )


def new_secret(env: str, prompt: str) -> str:
    """A new passphrase: from ``env``, or typed twice at a terminal."""
    if _secret_from_env(env) is not None or not has_terminal():
        return from_env_or_prompt(env, prompt)
    first = getpass.getpass(prompt)
    if getpass.getpass(_("Type it again: ")) != first:
        raise InvalidInput(_("The two passphrases differ."))
    return first


def passphrase() -> str:
    return from_env_or_prompt(PASSPHRASE_ENV, _("Passphrase: "))


def passphrase_given() -> bool:
    return _secret_from_env(PASSPHRASE_ENV) is not None


def recovery_key() -> str:
    return from_env_or_prompt(RECOVERY_KEY_ENV, _("Recovery key: "))


def backup_passphrase() -> str:
    """The passphrase a backup made before a re-key was made with."""
    return from_env_or_prompt(BACKUP_PASSPHRASE_ENV, _("Passphrase the backup was made with: "))


def new_export_passphrase() -> str:
    """The passphrase an encrypted export is written with: typed twice, as it cannot be reset."""
    return new_secret(EXPORT_PASSPHRASE_ENV, _("Passphrase for the export: "))


def export_passphrase() -> str:
    """The passphrase of an encrypted export being imported."""
    return from_env_or_prompt(EXPORT_PASSPHRASE_ENV, _("Passphrase of the export: "))
