"""What this computer suggests for a new practice: its time zone, currency and paper size."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QTimeZone

from coachdesk.model import PaperSize
from coachdesk.services.people.profile import ProfileFields
from coachdesk.ui.kit.fields import zone_names


def local_defaults() -> ProfileFields:
    """A new profile that fits this computer: its time zone, currency and paper."""
    locale = QLocale()
    zone = bytes(QTimeZone.systemTimeZoneId().data()).decode() or "UTC"
    if zone not in zone_names():
        zone = "UTC"
    currency = locale.currencySymbol(QLocale.CurrencySymbolFormat.CurrencyIsoCode) or "EUR"
    imperial = locale.measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return ProfileFields(
        time_zone=zone,
        default_currency=currency if len(currency) == 3 else "EUR",
        paper_size=PaperSize.LETTER if imperial else PaperSize.A4,
    )
