"""Regenerate the README's screenshots of the app from a fresh demo practice.

Run from the repository: ``xvfb-run -s "-screen 0 1400x900x24" python tools/screenshots.py``
(or with ``QT_QPA_PLATFORM=offscreen``). It makes a throwaway vault under a temporary
``COACHDESK_HOME``, fills it with the demo practice, opens the main window at 1400×900 and saves
every sidebar view, an agreement's preview, Preferences, a client page, the progress report
dialog, the notes editor and a goal page, in the light and the dark theme, to
``docs/app/<view>-<theme>.png``; the Credential view's PDF summary of the ICF log, rendered with
``pdftoppm``, to ``docs/app/credential-summary.png``. Nothing of the coach's own setup is read or
changed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "app"
SIZE = (1400, 900)
SETTLE_S = 0.6  # after the last task finished: layouts, fonts and charts are drawn
PASSPHRASE = "screenshots only, thrown away"


def main() -> int:
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory(prefix="coachdesk-shots-") as home:
        os.environ["COACHDESK_HOME"] = home
        return _shoot(Path(home))


def _shoot(home: Path) -> int:
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import select

    from coachdesk import vault
    from coachdesk.model import Agreement, CoachingSession, Goal
    from coachdesk.services.demo.practice import fill_demo
    from coachdesk.ui.features.preferences.preferences import apply_theme
    from coachdesk.ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    folder = home / "vault"
    created = vault.create(folder, PASSPHRASE)
    fill_demo(created.vault.engine, clients=24, seed=3, today=date.today())
    with created.vault.session() as db:
        client_id, session_id = db.execute(
            select(CoachingSession.client_id, CoachingSession.id)
            .where(CoachingSession.shared_notes != "")
            .order_by(CoachingSession.starts_at.desc())
        ).first() or (None, None)
        goal_id = db.scalar(select(Goal.id).where(Goal.client_id == client_id))
        agreement_id = db.scalar(select(Agreement.id).order_by(Agreement.id.desc()))
    window = MainWindow(created.vault)
    window.resize(*SIZE)
    window.show()
    OUT.mkdir(parents=True, exist_ok=True)
    for theme in ("light", "dark"):
        apply_theme(theme)
        window.clients_area.setCurrentWidget(window.clients_page)  # the list, not the last client
        for index, title in enumerate(window.navigation.titles()):
            window.show_view(index)
            _save(app, window, f"{_slug(title)}-{theme}", window.grab)
        if agreement_id is not None:
            window.show_view(window.navigation.pages.indexOf(window.agreements_page))
            window.agreements_page.show_agreement(agreement_id)
            _settle(app, window)  # the list reloads, then the selected agreement loads
            _save(app, window, f"agreement-preview-{theme}", window.grab)
        window.edit_preferences()
        _save(app, window, f"preferences-{theme}", lambda: _front(app, window).grab())
        _close_others(app, window)
        if client_id is not None:
            window.open_client(client_id)
            window.progress_report()
            _save(app, window, f"report-dialog-{theme}", lambda: _front(app, window).grab())
            _close_others(app, window)
            _save(app, window, f"client-{theme}", window.grab)
        if goal_id is not None:
            window.practice.open_goal.emit(goal_id)
            _save(app, window, f"goal-{theme}", lambda: _front(app, window).grab())
            _close_others(app, window)
        if session_id is not None:
            window.open_notes(session_id)
            _save(app, window, f"notes-editor-{theme}", lambda: _front(app, window).grab())
            _close_others(app, window)
    _render_summary(created.vault, home)
    window.practice.vault = None
    created.vault.close()
    print(f"Saved the screenshots in {OUT.relative_to(ROOT)}")
    return 0


def _render_summary(opened: object, home: Path) -> None:
    """The exported PDF summary's first page as a picture (needs poppler's ``pdftoppm``)."""
    from coachdesk.services.credentials.summary_pdf import credential_summary_pdf

    if shutil.which("pdftoppm") is None:
        print("  credential-summary.png skipped: pdftoppm is not installed")
        return
    with opened.session() as db:  # type: ignore[attr-defined]
        pdf = credential_summary_pdf(db)
    source = home / "summary.pdf"
    source.write_bytes(pdf)
    target = OUT / "credential-summary"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-singlefile", str(source), str(target)],
        check=True,
    )
    print("  credential-summary.png")


def _settle(app: object, window: object) -> None:
    """Let every read finish and the window paint (a screenshot never waits on a clock)."""
    quiet_since = time.monotonic()
    deadline = quiet_since + 30
    while time.monotonic() < deadline:
        app.processEvents()  # type: ignore[attr-defined]
        if window.tasks.busy:  # type: ignore[attr-defined]
            quiet_since = time.monotonic()
        elif time.monotonic() - quiet_since > SETTLE_S:
            return
        time.sleep(0.02)


def _save(app: object, window: object, name: str, grab: Callable[[], object]) -> None:
    _settle(app, window)
    grab().save(str(OUT / f"{name}.png"))  # type: ignore[attr-defined]
    print(f"  {name}.png")


def _front(app: object, window: object) -> object:
    """The newest top-level window besides the main one (the goal page, the notes editor)."""
    others = [w for w in app.topLevelWidgets() if w.isVisible() and w is not window]  # type: ignore[attr-defined]
    return others[-1] if others else window


def _close_others(app: object, window: object) -> None:
    for widget in app.topLevelWidgets():  # type: ignore[attr-defined]
        if widget.isVisible() and widget is not window:
            widget.hide()  # not close(): a window may ask about typed text, and wait
    _settle(app, window)


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.casefold()).strip("-")


if __name__ == "__main__":
    sys.exit(main())
