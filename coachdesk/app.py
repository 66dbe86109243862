"""The GUI entry: a Qt application that leads to an open vault and shows the main window.

With ``coachdesk.ui`` this is the only place that imports Qt, so the CLI and everything below
stay headless.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

log = logging.getLogger(__name__)


def run(vault_dir: Path | None = None, argv: list[str] | None = None) -> int:
    """Start the GUI on ``vault_dir`` (default: the last or default vault); the exit code."""
    from PySide6.QtWidgets import QApplication

    import coachdesk
    from coachdesk.logs import setup_logging
    from coachdesk.ui.features.preferences.preferences import Preferences, apply_theme
    from coachdesk.ui.kit import look
    from coachdesk.ui.kit.errors import error_box, install_excepthook
    from coachdesk.ui.pdf.files import sweep_stale_viewer_folders
    from coachdesk.ui.shell.main_window import MainWindow
    from coachdesk.ui.shell.startup import open_interactively, starting_folder

    setup_logging()
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("CoachDesk")
    app.setOrganizationName("CoachDesk")
    app.setApplicationVersion(coachdesk.__version__)
    app.setDesktopFileName("io.github.coachdesk.CoachDesk")
    app.setStyle("Fusion")  # with the system palette, so light and dark themes both work
    apply_theme(Preferences.load().theme)  # before any window, so every widget starts right
    app.setWindowIcon(look.app_icon())
    install_excepthook()
    sweep_stale_viewer_folders()  # a crashed run's viewer copies hold client documents
    try:
        opened = open_interactively(starting_folder(vault_dir))
    except Exception as exc:  # never a traceback on screen: log it, say so calmly
        error_box(None, exc).exec()
        return 1
    if opened is None:
        return 0
    window = MainWindow(opened.vault, notice=opened.notice)
    window.quit_requested.connect(app.quit)
    window.show()
    code = app.exec()
    if window.vault is not None:  # quit while unlocked without closing the window
        window.close()
    return code
