"""Regenerate the README's screenshots of the app from a fresh demo practice.

Run from the repository: ``xvfb-run -s "-screen 0 1400x900x24" python tools/screenshots.py``
(or with ``QT_QPA_PLATFORM=offscreen``). It makes a throwaway vault under a temporary
``COACHDESK_HOME``, fills it with the demo practice, opens the main window at 1400×900 and saves
every sidebar view, an agreement's preview, Preferences, a client page, the progress report
dialog, the notes editor and a goal page, in the light and the dark theme, to
``docs/app/<view>-<theme>.png``. Nothing of the coach's own setup is read or changed.
"""

from __future__ import annotations

import os
import re
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
    _bill_the_year(created.vault, date.today())
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
    window.practice.vault = None
    created.vault.close()
    print(f"Saved the screenshots in {OUT.relative_to(ROOT)}")
    return 0


def _bill_the_year(v: object, today: date) -> None:
    """Invoice each month's held sessions of this year, most paid ten days later, the latest
    and every fifth left open: the Revenue view and Today's overdue rows have figures to show."""
    from datetime import timedelta

    from coachdesk.services.billing import invoices, payments, sources
    from coachdesk.services.billing.payments import PaymentFields

    with v.session() as db, db.begin():  # type: ignore[attr-defined]
        for month in range(1, today.month + 1):
            start = date(today.year, month, 1)
            end = min((start + timedelta(days=32)).replace(day=1) - timedelta(days=1), today)
            drafts = sources.invoice_held_sessions_for_everyone(db, start, end)
            for n, invoice_id in enumerate(drafts):
                invoices.issue_invoice(db, invoice_id, end)
                paid_on = end + timedelta(days=10)
                if paid_on <= today and n % 5:
                    total = invoices.get_invoice(db, invoice_id).gross_total
                    amount = total if n % 7 else (total / 2).quantize(total)
                    payments.add_payment(db, PaymentFields(invoice_id, amount, paid_on))


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
