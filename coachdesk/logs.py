"""Logging to a private file in the user's data folder.

Log records carry ids and counts, never client text; SQLAlchemy runs with ``hide_parameters``.
"""

from __future__ import annotations

import io
import logging
import os
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

from coachdesk.paths import data_dir

LOG_NAME = "coachdesk.log"


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating log whose every file, the first and each after rollover, is 0600."""

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.chmod(self.baseFilename, 0o600)
        return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)


def log_unexpected(logger: logging.Logger, what: str, exc: BaseException) -> None:
    """Log an unexpected error by its type and where it happened, never its message: messages
    of third-party errors can quote client text (a SQL parameter, a paragraph that did not fit).
    """
    frames = "\n".join(
        f"  {frame.filename}:{frame.lineno} in {frame.name}"
        for frame in traceback.extract_tb(exc.__traceback__)
    )
    logger.error("%s: %s\n%s", what, type(exc).__qualname__, frames)


def log_file() -> Path:
    return data_dir() / "logs" / LOG_NAME


def setup_logging(level: int = logging.INFO) -> Path:
    """Send this process's log records to the rotating log file; returns its path."""
    path = log_file()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(path.parent, 0o700)
    handler = PrivateRotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers = [h for h in root.handlers if not isinstance(h, RotatingFileHandler)]
    root.addHandler(handler)
    root.setLevel(level)
    logging.getLogger("alembic").setLevel(logging.WARNING)  # one line per plugin on every open
    return path
