"""The Backups view: the list of backups, Back up now, Restore, and where automatic ones go."""

from coachdesk.ui.features.backups.backups_page import BackupsPage
from coachdesk.ui.features.backups.restore_flow import (
    RestoreOutcome,
    RestoreRequest,
    restore_and_reopen,
)

__all__ = ["BackupsPage", "RestoreOutcome", "RestoreRequest", "restore_and_reopen"]
