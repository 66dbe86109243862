"""Services import the invoice data at start-up: that must not load the PDF and XML libraries."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_the_data_loads_without_reportlab_lxml_or_factur_x() -> None:
    code = (
        "import json, sys\n"
        "from coachdesk.documents.invoices.data import InvoiceDocument\n"
        "import coachdesk.documents.invoices as invoices\n"
        "heavy = ['reportlab', 'lxml', 'facturx', 'segno', 'pypdf']\n"
        "before = [m for m in heavy if m in sys.modules]\n"
        "invoices.render_invoice_pdf\n"
        "print(json.dumps([before, 'reportlab' in sys.modules]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout) == [[], True]
