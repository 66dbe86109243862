"""A coach with invoicing details in the profile, on a fresh vault."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy.orm import Session

from coachdesk.services.people import profile

TODAY = date(2026, 3, 31)


@pytest.fixture
def coach(db: Session) -> Session:
    data = profile.profile_fields(db)
    data.name = "Zoë Łukasz"
    data.business_name = "Łukasz Coaching"
    data.postal_address = "Hauptstraße 1\n10115 Berlin"
    data.tax_id = "DE136695976"
    data.iban = "DE89 3704 0044 0532 0130 00"
    data.bic = "COBADEFFXXX"
    data.default_tax_rate = Decimal("19")
    data.payment_terms_days = 14
    profile.update_profile(db, data)
    return db
