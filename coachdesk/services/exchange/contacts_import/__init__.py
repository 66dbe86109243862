"""Importing clients from address-book exports (CSV, vCard): read, judge each row, then add
the chosen rows in the caller's one transaction."""

from coachdesk.services.exchange.contacts_import.apply import Progress, import_rows
from coachdesk.services.exchange.contacts_import.headers import (
    FIELD_KEYS,
    apply_map_options,
    field_labels,
    lacks_name,
)
from coachdesk.services.exchange.contacts_import.plan import (
    ImportPlan,
    PlannedRow,
    RowStatus,
    plan_import,
)
from coachdesk.services.exchange.contacts_import.source import (
    CSV,
    VCARD,
    ContactFile,
    load_contacts,
)

__all__ = [
    "CSV",
    "FIELD_KEYS",
    "VCARD",
    "ContactFile",
    "ImportPlan",
    "PlannedRow",
    "Progress",
    "RowStatus",
    "apply_map_options",
    "field_labels",
    "import_rows",
    "lacks_name",
    "load_contacts",
    "plan_import",
]
