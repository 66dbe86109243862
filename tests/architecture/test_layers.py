"""DESIGN.md's layering holds: no Qt below the UI, imports point downward, imports are cheap."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def test_import_linter_contracts_hold() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 4 kept, 0 broken" in result.stdout


def test_importing_coachdesk_defines_things_and_does_nothing_else(tmp_path: Path) -> None:
    home = tmp_path / "home"
    code = (
        "import json, sys\n"
        "import coachdesk, coachdesk.cli, coachdesk.vault, coachdesk.paths, coachdesk.errors\n"
        "heavy = ['PySide6', 'reportlab', 'alembic', 'pypdfium2']\n"
        "print(json.dumps([m for m in heavy if m in sys.modules]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={"COACHDESK_HOME": str(home), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout) == []
    assert not home.exists(), "importing must not create folders"


def test_the_window_starts_without_loading_the_pdf_libraries() -> None:
    """Start-up time: ReportLab and PDFium load on the first document, not with the window."""
    code = (
        "import json, sys\n"
        "import coachdesk.ui.shell.main_window\n"
        "print(json.dumps([m for m in ('reportlab', 'pypdfium2') if m in sys.modules]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout) == []


def test_the_unlock_dialog_shows_before_the_database_and_pdf_stacks_load(tmp_path: Path) -> None:
    """Start-up time: launch paints the unlock dialog from Qt and the key file reader alone; the
    rest loads on a background thread while the coach types (coachdesk/app.py)."""
    code = (
        "import json, sys\n"
        "import coachdesk.app\n"
        "from coachdesk.ui.features.preferences.preferences import Preferences, apply_theme\n"
        "from coachdesk.ui.kit.errors import error_box, install_excepthook\n"
        "from coachdesk.ui.shell.startup import open_interactively, starting_folder\n"
        "from coachdesk.ui.features.vault.unlock_dialog import UnlockDialog\n"
        "heavy = ['sqlalchemy', 'sqlcipher3', 'alembic', 'reportlab', 'pypdfium2',\n"
        "         'coachdesk.model', 'coachdesk.services', 'coachdesk.ui.shell.main_window']\n"
        "print(json.dumps([m for m in heavy if m in sys.modules]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={"COACHDESK_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout) == []
