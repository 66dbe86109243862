"""The log file is private and never holds the text of an unexpected error."""

from __future__ import annotations

import logging
from pathlib import Path

from coachdesk.logs import log_unexpected, setup_logging


def test_log_files_are_private_even_after_rollover(tmp_path: Path) -> None:
    path = setup_logging()
    handler = next(h for h in logging.getLogger().handlers if hasattr(h, "doRollover"))
    logging.getLogger("coachdesk.test").info("first file")
    handler.doRollover()
    logging.getLogger("coachdesk.test").info("second file")
    handler.flush()
    assert path.parent.stat().st_mode & 0o777 == 0o700
    files = sorted(path.parent.glob("coachdesk.log*"))
    assert len(files) == 2
    for file in files:
        assert file.stat().st_mode & 0o777 == 0o600, file.name


def test_unexpected_errors_are_logged_without_their_message() -> None:
    path = setup_logging()
    try:
        raise RuntimeError("Zoë told me she is leaving her husband")
    except RuntimeError as exc:
        log_unexpected(logging.getLogger("coachdesk.test"), "while saving", exc)
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "RuntimeError" in text
    assert "leaving" not in text
