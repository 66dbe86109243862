"""The client dialog's ICF log fields over a real vault: consent (yes, date, how), and the
confidentiality policy's alias and organisation contact, refused by field when incomplete."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from coachdesk.services.people import clients
from coachdesk.ui.features.clients import ClientDialog
from coachdesk.ui.kit.practice import Practice
from coachdesk.vault import Vault
from tests.services.factories import client

WAIT_MS = 10_000


@pytest.fixture
def practice(open_vault: Vault) -> Iterator[Practice]:
    p = Practice(open_vault)
    p.load_zone()
    yield p
    p.finish()


def test_consent_and_confidentiality_are_saved_and_a_missing_alias_is_named(
    qtbot, practice, open_vault
) -> None:
    with open_vault.session() as db, db.begin():
        amara = client(db, "Amara Okafor")
    dialog = ClientDialog(practice, None, amara)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.original is not None, timeout=WAIT_MS)
    listing = dialog.form.listing
    assert not listing.consent.isChecked()
    assert not listing.alias.isEnabled()
    listing.confidential.setChecked(True)
    listing.org_contact.setText("hr@northwind")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.saving, timeout=WAIT_MS)
    assert dialog.isVisible()
    assert dialog.form.error_text("confidential_alias") == (
        "A confidential client needs an alias for the log."
    )
    assert dialog.form.error_text("org_contact_email") == "This is not a valid email address."
    with open_vault.session() as db:
        assert not clients.client_fields(db, amara).confidential

    listing.alias.setText("Confidential client 3")
    listing.org_contact.setText("hr@northwind.example")
    listing.consent.setChecked(True)
    listing.consent_on.set_optional_day(date(2026, 3, 2))
    listing.consent_how.setText("In the signed agreement")
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        dialog.submit()
    with open_vault.session() as db:
        saved = clients.client_fields(db, amara)
    assert (saved.log_consent, saved.log_consent_on, saved.log_consent_how) == (
        True,
        date(2026, 3, 2),
        "In the signed agreement",
    )
    assert (saved.confidential, saved.confidential_alias, saved.org_contact_email) == (
        True,
        "Confidential client 3",
        "hr@northwind.example",
    )
