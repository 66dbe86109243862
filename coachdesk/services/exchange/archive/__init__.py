"""The whole practice, or one client's data, as a portable archive, and back into a new vault.

A ZIP holds one JSON document with every row of every table (``docs/export-format.md``), a CSV per
table for spreadsheets, and the agreement PDFs, scans and the coach's logo as files. With a
passphrase the ZIP is written straight into an AES-256-GCM container, so no plaintext copy ever
touches the disk.
"""

from coachdesk.services.exchange.archive.common import (
    ArchiveUnreadable,
    ExportSummary,
    ImportSummary,
    Progress,
)
from coachdesk.services.exchange.archive.container import is_encrypted_archive
from coachdesk.services.exchange.archive.exporter import export_practice
from coachdesk.services.exchange.archive.importer import import_practice

__all__ = [
    "ArchiveUnreadable",
    "ExportSummary",
    "ImportSummary",
    "Progress",
    "export_practice",
    "import_practice",
    "is_encrypted_archive",
]
