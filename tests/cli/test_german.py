"""With ``LANGUAGE=de`` the command line speaks German: its help, argparse's own headings and
errors, and CoachDesk's error messages, from the committed catalogue (run as a coach runs it)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def german(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LANGUAGE": "de"}
    env.pop("COACHDESK_PASSPHRASE", None)
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def test_the_help_is_german() -> None:
    done = german("--help")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Aufruf: coachdesk")
    assert "CoachDesk: eine private Praxisverwaltung für Coaches und Mentoren." in done.stdout
    assert "Optionen:" in done.stdout
    assert "diese Hilfe anzeigen und beenden" in done.stdout
    assert "Exit-Codes:" in done.stdout
    assert "show this help message" not in done.stdout


def test_a_subcommand_help_is_german() -> None:
    done = german("client", "--help")
    assert done.returncode == 0, done.stderr
    assert "Klienten hinzufügen, auflisten, anzeigen, bearbeiten, archivieren oder löschen" in (
        " ".join(done.stdout.split())
    )
    assert "einen Klienten archivieren (es wird nichts gelöscht)" in done.stdout


def test_errors_are_german(tmp_path: Path) -> None:
    missing = german("--vault", str(tmp_path / "none"), "client", "list")
    assert missing.returncode == 1
    assert missing.stderr.startswith("coachdesk: ")
    assert "Setzen Sie COACHDESK_PASSPHRASE" in missing.stderr

    usage = german("client", "lst")
    assert usage.returncode == 2
    assert "Fehler: Argument ACTION: ungültige Auswahl: 'lst'" in usage.stderr
