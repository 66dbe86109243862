"""Errors a user can meet, each with its own message and CLI exit code.

The UI turns them into dialogs and the CLI into one line on stderr, so every message is written for
a coach, not a programmer, and never carries client text.
"""

from __future__ import annotations

from coachdesk.i18n import _

EXIT_OK = 0
EXIT_INVALID_INPUT = 1
EXIT_USAGE = 2
EXIT_WRONG_KEY = 3
EXIT_IN_USE = 4
EXIT_BAD_VAULT = 5
EXIT_INTERNAL = 70


class CoachDeskError(Exception):
    """Base of every error that is shown to the user rather than reported as a bug."""

    exit_code = EXIT_INVALID_INPUT

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidInput(CoachDeskError):
    """The user asked for something that cannot be done as given (missing passphrase, bad path)."""


class ValidationError(InvalidInput):
    """One or more fields are invalid; ``fields`` maps each field name to its message."""

    def __init__(self, fields: dict[str, str]) -> None:
        self.fields = dict(fields)
        super().__init__("; ".join(f"{name}: {msg}" for name, msg in self.fields.items()))


class Cancelled(CoachDeskError):
    """The user stopped long work (export, import, backup); nothing was left half-written."""

    def __init__(self, message: str = "") -> None:
        super().__init__(message or _("Stopped; nothing was changed."))


class VaultExists(InvalidInput):
    """Refuses to create a vault over an existing one: a vault is never silently replaced."""


class VaultReadOnly(InvalidInput):
    """The vault folder cannot be written (permissions, a read-only disk): nothing is changed."""


class KeychainUnavailable(InvalidInput):
    """This computer has no secure keychain, or it refused the request."""


class WrongPassphrase(CoachDeskError):
    """The passphrase, recovery key or remembered key does not open this vault."""

    exit_code = EXIT_WRONG_KEY


class BackupBeforeRekey(WrongPassphrase):
    """The backup was made before the vault was re-keyed: it opens with the passphrase (or
    recovery key) of its day, which the restore needs as well as today's."""


class VaultInUse(CoachDeskError):
    """Another CoachDesk process has the vault open."""

    exit_code = EXIT_IN_USE

    def __init__(self, message: str, pid: int | None = None, host: str | None = None) -> None:
        super().__init__(message)
        self.pid = pid
        self.host = host


class NotAVault(CoachDeskError):
    """The path is not a CoachDesk vault (empty folder, a file, a plain SQLite database...)."""

    exit_code = EXIT_BAD_VAULT


class VaultCorrupt(CoachDeskError):
    """The vault's files are damaged: the key file, or the database failed its checks."""

    exit_code = EXIT_BAD_VAULT


class InsecureSetup(CoachDeskError):
    """This installation cannot guarantee encryption (no SQLCipher, temp data on disk)."""

    exit_code = EXIT_BAD_VAULT


class VaultTooNew(CoachDeskError):
    """The vault was written by a newer CoachDesk whose schema this version does not know."""

    exit_code = EXIT_BAD_VAULT


def describe_exit_codes() -> str:
    """The exit-code table shown in ``--help`` and mirrored in the README."""
    return "\n".join(
        [
            _("exit codes:"),
            _("  0  success"),
            _("  1  invalid input (a message names the field or the problem)"),
            _("  2  usage error (unknown command or option)"),
            _("  3  wrong passphrase, recovery key or remembered key"),
            _("  4  the vault is open in another CoachDesk process"),
            _("  5  not a vault, a damaged vault, or a vault from a newer CoachDesk"),
            _("  70 an unexpected internal error (details in the log file)"),
        ]
    )


class FormRefused(InvalidInput):
    """A returned questionnaire was not read, and nothing was stored; each subclass says why."""


class NotAPdf(FormRefused):
    """The file is not a PDF at all (a photo, a Word file, an empty file)."""


class DamagedPdf(FormRefused):
    """The file starts as a PDF but cannot be read: cut short in the download, or damaged."""


class ForeignForm(FormRefused):
    """The PDF is not a questionnaire this vault sent (another tool's, another practice's)."""


class FormForAnotherClient(FormRefused):
    """The questionnaire was sent to another client than the one it is being imported for."""


class FormOutdated(FormRefused):
    """The questionnaire was made from an earlier version of a template edited since."""


class FormFlattened(FormRefused):
    """The PDF reader printed or saved the form flat: its fields, and so its answers, are gone."""


class FormAlreadyReturned(FormRefused):
    """This questionnaire's answers are already in the vault."""
