"""ICF benchmarks on the demo practice at 20x a career (10,000 clients, ~200,000 sessions).

Run: ``pytest tests/perf -m perf -s -k credentials``. Prints medians beside the issue's targets
(summary <= 100 ms, XLSX log <= 2 s); the machines are shared and noisy, so nothing is asserted.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from coachdesk import vault
from coachdesk.model import CoachingSession
from coachdesk.services.credentials.log_export import log_csv, log_xlsx
from coachdesk.services.credentials.thresholds import icf_summary
from coachdesk.vault import Vault
from tests.conftest import PASSPHRASE
from tests.perf.conftest import TODAY
from tests.perf.test_practice_bench import median_ms, report

pytestmark = pytest.mark.perf


@pytest.fixture(scope="module")
def practice(demo_vault_dir: Path) -> Iterator[Vault]:
    v = vault.open(demo_vault_dir, passphrase=PASSPHRASE)
    yield v
    v.close()


def test_icf_summary_and_log_exports(practice: Vault) -> None:
    with practice.session() as db:
        sessions = db.scalar(select(func.count()).select_from(CoachingSession))
        print(f"\nICF at {sessions:,} sessions (median)")
        report("icf summary", median_ms(lambda: icf_summary(db, TODAY)), 100)
        report("log as XLSX (with the drill-down sheet)", median_ms(lambda: log_xlsx(db), 3), 2000)
        report("log as CSV", median_ms(lambda: log_csv(db), 3), 2000)
