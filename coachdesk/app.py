"""The GUI entry: a Qt application that leads to an open vault and shows the main window.

With ``coachdesk.ui`` this is the only place that imports Qt, so the CLI and everything below
stay headless.
"""

from __future__ import annotations

import importlib
import logging
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QApplication

    from coachdesk.vault import Vault

log = logging.getLogger(__name__)

# What the unlocked window needs and the unlock dialog does not: imported on a background thread
# once the first window has painted (started earlier, the thread's share of the GIL delayed that
# paint by a third), while the coach types, so Enter finds them loaded.
WARM_MODULES = ("coachdesk.vault.vault", "coachdesk.ui.shell.main_window")


def _warm_imports() -> None:
    from coachdesk.logs import log_unexpected

    for name in WARM_MODULES:
        try:
            importlib.import_module(name)
        except Exception as exc:  # the main thread imports it again and reports it there
            log_unexpected(log, f"background import of {name}", exc)
            return


def _warm_after_first_paint(app: QApplication) -> QObject:
    """An event filter on ``app`` that starts the background imports at the first paint."""
    from PySide6.QtCore import QEvent, QObject

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint:
                app.removeEventFilter(self)
                threading.Thread(target=_warm_imports, name="warm-imports", daemon=True).start()
            return False

    first_paint = FirstPaint(app)
    app.installEventFilter(first_paint)
    return first_paint


def _use_coach_locale(opened: Vault) -> None:
    """The coach's formats and language, before the main window builds its first label."""
    from coachdesk.formatting import use_coach_locale
    from coachdesk.services.people.profile import coach_locale

    with opened.session() as db:
        use_coach_locale(coach_locale(db))


def run(vault_dir: Path | None = None, argv: list[str] | None = None) -> int:
    """Start the GUI on ``vault_dir`` (default: the last or default vault); the exit code."""
    from PySide6.QtWidgets import QApplication

    import coachdesk
    from coachdesk.logs import setup_logging
    from coachdesk.ui.features.preferences.preferences import Preferences, apply_theme
    from coachdesk.ui.kit import look, qt_words
    from coachdesk.ui.kit.errors import error_box, install_excepthook
    from coachdesk.ui.pdf.files import sweep_stale_viewer_folders
    from coachdesk.ui.shell.startup import open_interactively, starting_folder

    setup_logging()
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("CoachDesk")
    app.setOrganizationName("CoachDesk")
    app.setApplicationVersion(coachdesk.__version__)
    app.setDesktopFileName("io.github.coachdesk.CoachDesk")
    app.setStyle("Fusion")  # with the system palette, so light and dark themes both work
    qt_words.install(app)  # OK, Cancel and Qt's dialogs in the catalogue's language
    apply_theme(Preferences.load().theme)  # before any window, so every widget starts right
    app.setWindowIcon(look.app_icon())
    install_excepthook()
    sweep_stale_viewer_folders()  # a crashed run's viewer copies hold client documents
    warming = _warm_after_first_paint(app)  # noqa: F841 - the filter lives as long as run()
    try:
        opened = open_interactively(starting_folder(vault_dir))
    except Exception as exc:  # never a traceback on screen: log it, say so calmly
        error_box(None, exc).exec()
        return 1
    if opened is None:
        return 0
    _use_coach_locale(opened.vault)
    from coachdesk.ui.shell.main_window import MainWindow

    window = MainWindow(opened.vault, notice=opened.notice)
    window.quit_requested.connect(app.quit)
    window.show()
    code = app.exec()
    if window.vault is not None:  # quit while unlocked without closing the window
        window.close()
    return code
