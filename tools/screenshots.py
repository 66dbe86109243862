"""Regenerate the README's screenshots of the app from a fresh demo practice.

Run from the repository: ``xvfb-run -s "-screen 0 1400x900x24" python tools/screenshots.py``
(or with ``QT_QPA_PLATFORM=offscreen``). It makes a throwaway vault under a temporary
``COACHDESK_HOME``, fills it with the demo practice (and the year's invoices), opens the
main window at 1400×900 and saves every sidebar view, an agreement's preview, the invoice editor
beside its preview, Preferences, a client page, the progress report dialog, the notes editor and
a goal page, in the light and the dark theme, to ``docs/app/<view>-<theme>.png``; the Credential
view's PDF summary of the ICF log, rendered with ``pdftoppm``, to
``docs/app/credential-summary.png``. Nothing of the coach's own setup is read or changed.
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
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "app"
SIZE = (1400, 900)
SETTLE_S = 0.6  # after the last task finished: layouts, fonts and charts are drawn
PASSPHRASE = "screenshots only, thrown away"


# ``--language de``: the app in that language (and its formats): Today, the clients, a client's
# page and the notes editor, light theme, saved as ``today-de.png`` and so on.
LANGUAGE_VIEWS = ("today", "clients")


def main() -> int:
    sys.path.insert(0, str(ROOT))
    language = sys.argv[sys.argv.index("--language") + 1] if "--language" in sys.argv else None
    with tempfile.TemporaryDirectory(prefix="coachdesk-shots-") as home:
        os.environ["COACHDESK_HOME"] = home
        return _shoot(Path(home), language)


def _shoot(home: Path, language: str | None = None) -> int:
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import select

    from coachdesk import vault
    from coachdesk.model import Agreement, CoachingSession, Goal
    from coachdesk.ui.features.preferences.preferences import apply_theme
    from coachdesk.ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    if language is not None:
        _use_language(language)
    folder = home / "vault"
    created = vault.create(folder, PASSPHRASE)
    draft_id = _fill_demo(created.vault, date.today())
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
    if language is not None:
        _shoot_language(app, window, language, client_id, session_id)
        window.practice.vault = None
        created.vault.close()
        return 0
    for theme in ("light", "dark"):
        apply_theme(theme)
        _shoot_theme(app, window, theme, draft_id, (agreement_id, client_id, goal_id, session_id))
    _render_documents(created.vault, home)
    window.practice.vault = None
    created.vault.close()
    print(f"Saved the screenshots in {OUT.relative_to(ROOT)}")
    return 0


def _shoot_theme(
    app: Any, window: Any, theme: str, draft_id: int | None, ids: tuple[int | None, ...]
) -> None:
    """Every view and window of the README, in one theme."""
    agreement_id, client_id, goal_id, session_id = ids
    window.clients_area.setCurrentWidget(window.clients_page)  # the list, not the last client
    for index, title in enumerate(window.navigation.titles()):
        window.show_view(index)
        _save(app, window, f"{_slug(title)}-{theme}", window.grab)
    if agreement_id is not None:
        window.show_view(window.navigation.pages.indexOf(window.agreements_page))
        window.agreements_page.show_agreement(agreement_id)
        _settle(app, window)  # the list reloads, then the selected agreement loads
        _save(app, window, f"agreement-preview-{theme}", window.grab)
    _shoot_editor(app, window, draft_id, theme)
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


def _use_language(language: str) -> None:
    from coachdesk.formatting import set_formats_locale
    from coachdesk.i18n import set_language

    set_language(language)
    set_formats_locale({"de": "de_DE", "fr": "fr_FR", "es": "es_ES"}.get(language, language))


def _shoot_language(
    app: object, window: object, language: str, client_id: int | None, session_id: int | None
) -> None:
    """The views a coach meets first, in ``language``."""
    for index, name in enumerate(LANGUAGE_VIEWS):
        window.show_view(index)  # type: ignore[attr-defined]
        _save(app, window, f"{name}-{language}", window.grab)  # type: ignore[attr-defined]
    if client_id is not None:
        window.open_client(client_id)  # type: ignore[attr-defined]
        _save(app, window, f"client-{language}", window.grab)  # type: ignore[attr-defined]
    if session_id is not None:
        window.open_notes(session_id)  # type: ignore[attr-defined]
        _save(app, window, f"notes-editor-{language}", lambda: _front(app, window).grab())  # type: ignore[attr-defined]
        _close_others(app, window)


def _shoot_editor(app: object, window: object, draft_id: int | None, theme: str) -> None:
    if draft_id is None:
        return
    money = window.money_page  # type: ignore[attr-defined]
    window.show_page(money)  # type: ignore[attr-defined]
    _settle(app, window)
    money.invoice_actions.open_invoice(money.model.row_at(money.model.row_of(draft_id)))
    _save(app, window, f"invoice-editor-{theme}", lambda: _front(app, window).grab())
    _close_others(app, window)


def _fill_demo(opened: object, today: date) -> int | None:
    """The demo practice, and the year's held sessions (three months at least) invoiced, each
    month issued the day after it ended; older months paid, the last two in part, some of last
    month's left as drafts. Returns a draft's id, for the editor's screenshot."""
    from datetime import timedelta
    from decimal import Decimal

    from coachdesk.services.billing import invoices, payments, sources
    from coachdesk.services.billing.ledger import get_invoice
    from coachdesk.services.billing.payments import PaymentFields
    from coachdesk.services.demo.practice import fill_demo
    from coachdesk.services.people import profile

    fill_demo(opened.engine, clients=24, seed=3, today=today)  # type: ignore[attr-defined]
    with opened.session() as db, db.begin():  # type: ignore[attr-defined]
        details = replace(
            profile.profile_fields(db),
            postal_address="Lindenstraße 12\n10969 Berlin\nGermany",
            tax_id="DE136695976",
            iban="DE89 3704 0044 0532 0130 00",
            bic="COBADEFFXXX",
            invoice_footer="Thank you for your trust in our work together.",
        )
        profile.update_profile(db, details)

    first = today.replace(day=1)
    months = []
    for _n in range(max(3, today.month - 1)):  # the year so far: the Revenue view's chart
        end = first - timedelta(days=1)
        first = end.replace(day=1)
        months.append((first, end))
    draft = None
    with opened.session() as db, db.begin():  # type: ignore[attr-defined]
        for age, (start, end) in enumerate(reversed(months)):
            for n, invoice_id in enumerate(
                sources.invoice_held_sessions_for_everyone(db, start, end)
            ):
                if age == len(months) - 1 and n % 2 == 0:
                    draft = invoice_id
                    continue  # last month's: some drafts still to check
                issued = end + timedelta(days=1)
                invoices.issue_invoice(db, invoice_id, issued)
                total = get_invoice(db, invoice_id).gross_total
                paid = (
                    total
                    if age < len(months) - 2 or n % 3 == 0
                    else (total / 2).quantize(Decimal("0.01"))
                )
                if age < len(months) - 1 or n % 3 == 0:
                    payments.add_payment(
                        db, PaymentFields(invoice_id, paid, min(issued + timedelta(days=9), today))
                    )
    return draft


def _render_documents(opened: object, home: Path) -> None:
    """The first page of an issued invoice and of the Credential view's PDF summary as pictures
    (needs poppler's ``pdftoppm``)."""
    from sqlalchemy import select

    from coachdesk.model import Invoice
    from coachdesk.services.billing.invoice_document import invoice_pdf
    from coachdesk.services.credentials.summary_pdf import credential_summary_pdf

    if shutil.which("pdftoppm") is None:
        print("  invoice.png and credential-summary.png skipped: pdftoppm is not installed")
        return
    with opened.session() as db:  # type: ignore[attr-defined]
        numbered = select(Invoice.id).where(Invoice.number.is_not(None))
        issued = db.scalar(numbered.order_by(Invoice.id))
        pdfs = {"credential-summary": credential_summary_pdf(db)}
        if issued is not None:
            pdfs["invoice"] = invoice_pdf(db, issued)
    for name, pdf in pdfs.items():
        source = home / f"{name}.pdf"
        source.write_bytes(pdf)
        target = OUT / name
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", "-f", "1", "-singlefile", str(source), str(target)],
            check=True,
        )
        print(f"  {name}.png")


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
