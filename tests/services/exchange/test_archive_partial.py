"""An export cut off by a crash: what it leaves is visible, private, and cleared next time."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from coachdesk import vault
from coachdesk.services.exchange.archive import export_practice
from tests.conftest import PASSPHRASE
from tests.services import factories
from tests.services.archive_samples import new_vault

ROOT = Path(__file__).resolve().parents[3]
# Exports, then dies without any cleanup (as on a kill or a power cut) once all is written but
# before the file is moved into place.
CRASHING_EXPORT = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from coachdesk import vault
    from coachdesk.services.exchange.archive import export_practice

    def crash(done, total):
        if done > 0:
            os._exit(9)

    with vault.open(Path(sys.argv[1]), passphrase=sys.argv[3]) as v, v.session() as db:
        export_practice(db, Path(sys.argv[2]), progress=crash)
    """
)


@pytest.fixture
def practice(tmp_path: Path) -> Path:
    folder = tmp_path / "vault"
    v = new_vault(folder)
    with v.session() as db, db.begin():
        factories.client(db, "Amara Okafor")
    v.close()
    return folder


def export(folder: Path, dest: Path) -> None:
    with vault.open(folder, passphrase=PASSPHRASE) as v, v.session() as db:
        export_practice(db, dest)


def test_a_crash_leaves_a_visible_private_partial_that_the_next_export_clears(
    practice: Path, tmp_path: Path
) -> None:
    exports = tmp_path / "exports"
    exports.mkdir()
    dest = exports / "practice.zip"
    dest.write_bytes(b"last week's export")
    env = {**os.environ, "COACHDESK_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [sys.executable, "-c", CRASHING_EXPORT, str(practice), str(dest), PASSPHRASE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 9, done.stderr
    assert sorted(p.name for p in exports.iterdir()) == ["practice.zip", "practice.zip.partial"]
    partial = exports / "practice.zip.partial"
    assert stat.S_IMODE(partial.stat().st_mode) == 0o600
    assert dest.read_bytes() == b"last week's export"
    export(practice, dest)
    assert [p.name for p in exports.iterdir()] == ["practice.zip"]
    assert zipfile.is_zipfile(dest)


def test_a_leftover_partial_is_never_written_through(practice: Path, tmp_path: Path) -> None:
    """A symlink or a readable-by-all file in the partial's place is replaced, not reused."""
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_bytes(b"someone else's file")
    dest = tmp_path / "practice.zip"
    (tmp_path / "practice.zip.partial").symlink_to(elsewhere)
    export(practice, dest)
    assert elsewhere.read_bytes() == b"someone else's file"
    assert not (tmp_path / "practice.zip.partial").exists()
    open_partial = tmp_path / "again.zip.partial"
    open_partial.write_bytes(b"stale")
    open_partial.chmod(0o644)
    export(practice, tmp_path / "again.zip")
    assert stat.S_IMODE((tmp_path / "again.zip").stat().st_mode) == 0o600
    assert not open_partial.exists()
    assert zipfile.is_zipfile(dest)
    assert zipfile.is_zipfile(tmp_path / "again.zip")
