"""Memory an import takes stays in proportion to the file it reads: measured as the growth of
peak resident memory in a fresh interpreter (C allocations too, vobject's and zlib's), never as
time. Each file once cost hundreds of times its size."""

from __future__ import annotations

import subprocess
import textwrap
from pathlib import Path

import pytest

from tests.services.hostile_files import bomb_archive, photo_vcard, swapped_entry
from tests.support import python

MIB = 1024 * 1024

MEASURE = """
import resource, sys
from pathlib import Path
from coachdesk.errors import CoachDeskError
{imports}
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    {call}
    outcome = "read"
except CoachDeskError as exc:
    outcome = "refused: " + exc.message
grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
print(grown * 1024, outcome)
"""


def peak_growth(imports: str, call: str) -> tuple[int, str]:
    """How many bytes the peak memory grew by while ``call`` ran, and what came of it."""
    code = MEASURE.format(imports=textwrap.dedent(imports), call=call)
    proc = python(code, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    grown, _, outcome = out.strip().partition(" ")
    return int(grown), outcome


def load(path: Path) -> tuple[int, str]:
    return peak_growth(
        "from coachdesk.services.exchange.contacts_import import load_contacts",
        f"load_contacts(Path({str(path)!r})).candidates()",
    )


def test_a_vcard_with_a_large_photo_takes_about_its_size(tmp_path: Path) -> None:
    path = tmp_path / "photo.vcf"
    path.write_bytes(photo_vcard(8 * MIB))
    grown, outcome = load(path)
    assert outcome == "read"
    assert grown < 3 * path.stat().st_size


def test_a_csv_of_tiny_cells_is_refused_within_a_few_times_its_size(tmp_path: Path) -> None:
    path = tmp_path / "cells.csv"
    row = ",".join(["ab"] * 100) + "\n"
    path.write_text("Name," + row + row * (30 * MIB // len(row)))
    grown, outcome = load(path)
    assert outcome.startswith("refused: cells.csv is too large for one import")
    assert grown < 8 * path.stat().st_size


def import_archive(vault_dir: Path, archive: Path) -> tuple[int, str]:
    return peak_growth(
        f"""
        from coachdesk import vault
        from coachdesk.services.exchange.archive import import_practice
        from tests.conftest import PASSPHRASE
        v = vault.open(Path({str(vault_dir)!r}), passphrase=PASSPHRASE)
        """,
        f"import_practice(v.session(), Path({str(archive)!r}))",
    )


def test_a_zip_bomb_is_refused_without_inflating_it(vault_dir: Path, tmp_path: Path) -> None:
    bomb = bomb_archive(tmp_path / "bomb.zip", 256 * MIB)
    grown, outcome = import_archive(vault_dir, bomb)
    assert outcome.startswith("refused: The export is damaged or hostile")
    assert grown < 16 * MIB


@pytest.fixture
def practice_zip(tmp_path: Path) -> Path:
    from coachdesk.services.exchange.archive import export_practice
    from tests.services.archive_samples import fill_rich, new_vault

    dest = tmp_path / "practice.zip"
    v = new_vault(tmp_path / "source")
    try:
        fill_rich(v)
        with v.session() as db:
            export_practice(db, dest)
    finally:
        v.close()
    return dest


def test_a_file_larger_than_recorded_is_refused_before_it_is_read(
    vault_dir: Path, practice_zip: Path, tmp_path: Path
) -> None:
    swapped = swapped_entry(practice_zip, tmp_path / "swapped.zip", "-logo.png", bytes(64 * MIB))
    grown, outcome = import_archive(vault_dir, swapped)
    assert outcome.startswith("refused: The export is damaged")
    assert grown < 32 * MIB
