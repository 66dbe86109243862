"""The desktop app at 20x a career (10,000 clients): start-up and the moments a coach waits on.

Run: ``pytest tests/perf -m perf -s -k app``. Figures, not assertions:
- whole-process time from start to the unlocked main window showing Today, as a ratio to a bare
  PySide6 window started the same way (goal <= 2.5x);
- a filter keystroke on the clients table, opening a client page with 500 sessions, opening the
  notes editor: medians in ms (goals 16, 50, 50).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication

from coachdesk import vault
from coachdesk.services.sessions import sessions
from coachdesk.ui.features.clients.client_page import ClientPage
from coachdesk.ui.features.clients.clients_page import ClientsPage
from coachdesk.ui.features.notes.editor import NotesEditor
from coachdesk.ui.kit.practice import Practice
from tests.conftest import PASSPHRASE
from tests.perf.conftest import BUSY_CLIENT

pytestmark = pytest.mark.perf
ROOT = Path(__file__).resolve().parent.parent.parent
RUNS = 5

BARE = """
import os, sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1180, 760)
window.show()
app.processEvents()
os._exit(0)
"""

APP = """
import os, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from coachdesk import vault
from coachdesk.ui.shell.main_window import MainWindow
app = QApplication(sys.argv[:1])
app.setStyle("Fusion")
window = MainWindow(vault.open(Path(sys.argv[1]), passphrase=sys.argv[2]))
window.show()
from PySide6.QtCore import QEventLoop
while window.practice.tasks.busy or window.today_page.isHidden():
    app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
app.processEvents()
os._exit(0)
"""


def whole_process_ms(code: str, *args: str) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], env=env, check=True, cwd=ROOT)
    return (time.perf_counter() - started) * 1000


def settle(practice: Practice) -> None:
    app = QApplication.instance()
    while practice.tasks.busy:  # wait for events rather than spin: a spin starves the worker
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
    app.processEvents()


def median_ms(action: Callable[[], None], practice: Practice, runs: int = 15) -> float:
    action()
    settle(practice)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        settle(practice)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def report(label: str, value: float, goal: str) -> None:
    print(f"  {label:<52} {value:9.1f}   (goal {goal})")


def test_start_up_against_a_bare_window(demo_vault_dir: Path, tmp_path: Path) -> None:
    home = {"COACHDESK_HOME": str(tmp_path)}
    os.environ.update(home)
    with vault.open(demo_vault_dir, passphrase=PASSPHRASE) as v:
        v.rolling_backup()  # today's automatic backup, so the runs below measure start-up only
    whole_process_ms(APP, str(demo_vault_dir), PASSPHRASE)  # warm the file cache
    bare = statistics.median(whole_process_ms(BARE) for _ in range(RUNS))
    app = statistics.median(
        whole_process_ms(APP, str(demo_vault_dir), PASSPHRASE) for _ in range(RUNS)
    )
    print(f"\nstart-up to Today at 10,000 clients (median of {RUNS} whole processes)")
    report("bare PySide6 window (ms)", bare, "")
    report("CoachDesk, unlocked, Today shown (ms)", app, "")
    report("ratio", app / bare, "<= 2.5x")


def test_views_at_scale(qtbot, demo_vault_dir: Path) -> None:
    with vault.open(demo_vault_dir, passphrase=PASSPHRASE) as v:
        practice = Practice(v)
        practice.load_zone()
        page = ClientsPage(practice)
        qtbot.addWidget(page)
        page.show()
        page.refresh()
        settle(practice)
        print("\nthe app at 10,000 clients (median of 15)")
        words = iter(["ann", "an", "ann", "a", "ann"] * 10)
        report(
            "filter keystroke on the clients table (ms)",
            median_ms(lambda: page.filter.setText(next(words)), practice),
            "<= 16 ms",
        )
        client = ClientPage(practice)
        qtbot.addWidget(client)
        client.show()
        report(
            f"open a client page ({BUSY_CLIENT=}, 500+ sessions) (ms)",
            median_ms(lambda: client.show_client(BUSY_CLIENT), practice),
            "<= 50 ms",
        )
        with v.session() as db:
            session_id = sessions.list_sessions(db, BUSY_CLIENT, newest_first=True, limit=1)[0].id

        def open_editor() -> None:
            for editor in NotesEditor.all_open():
                editor.keep_as_draft()
                editor.close()
            NotesEditor.open_for(practice, session_id)

        report("open the notes editor (ms)", median_ms(open_editor, practice), "<= 50 ms")
        for editor in NotesEditor.all_open():
            editor.keep_as_draft()
            editor.close()
        practice.finish()
