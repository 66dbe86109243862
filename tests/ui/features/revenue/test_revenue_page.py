"""The Revenue view over a real vault: the table holds the service's figures, the chart paints
bars in the series' colours (none for an empty year), and the accountant's CSV is written."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from coachdesk.formatting import format_money
from coachdesk.model import SessionStatus
from coachdesk.services.billing import invoices, payments, revenue
from coachdesk.services.billing.invoices import InvoiceFields, LineFields
from coachdesk.services.billing.payments import PaymentFields
from coachdesk.services.people import profile
from coachdesk.ui.features.revenue.revenue_page import RevenuePage
from coachdesk.ui.kit import look
from coachdesk.ui.kit.look import Colour
from coachdesk.ui.kit.practice import Practice
from coachdesk.vault import Vault
from tests.services import factories as make

WAIT_MS = 10_000
YEAR = 2026
D = Decimal


@pytest.fixture
def practice(open_vault: Vault) -> Iterator[Practice]:
    p = Practice(open_vault)
    p.load_zone()
    yield p
    p.finish()


@pytest.fixture
def year(open_vault: Vault) -> None:
    with open_vault.session() as db, db.begin():
        profile.update_profile(db, profile.ProfileFields(name="Sam Rivera"))
        amara = make.client(db, "Amara Okafor")
        ben = make.client(db, "Ben Carter")
        for client, price, month in ((amara, "400.00", 2), (ben, "150.00", 5), (amara, "90", 5)):
            invoice = invoices.create_draft(
                db, InvoiceFields(client, lines=[LineFields("Coaching", D(1), D(price), D(0))])
            )
            invoices.issue_invoice(db, invoice, date(YEAR, month, 10))
            if client == amara and month == 2:
                payments.add_payment(db, PaymentFields(invoice, D("250.00"), date(YEAR, 3, 1)))
        make.session(
            db,
            amara,
            datetime(YEAR, 2, 3, 9, tzinfo=UTC),
            status=SessionStatus.COMPLETED,
            duration_minutes=120,
        )


@pytest.fixture
def page(qtbot, practice: Practice, year: None) -> RevenuePage:
    shown = RevenuePage(practice)
    qtbot.addWidget(shown)
    shown.resize(1100, 800)
    shown.year.blockSignals(True)
    shown.year.setValue(YEAR)
    shown.year.blockSignals(False)
    with qtbot.waitSignal(shown.refreshed, timeout=WAIT_MS):
        shown.show()
    return shown


def rows(table) -> list[list[str]]:
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_the_tables_hold_the_services_figures(page: RevenuePage, open_vault: Vault) -> None:
    with open_vault.session() as db:
        figures = revenue.year_revenue(db, YEAR)
    assert page.data == figures
    months = rows(page.months)
    assert len(months) == 13
    assert months[1] == ["Feb", "€400.00", "€0.00", "€150.00"]
    assert months[2] == ["Mar", "€0.00", "€250.00", "€0.00"]
    assert months[-1] == ["Total", "€640.00", "€250.00", "€390.00"]
    assert rows(page.clients) == [
        ["Amara Okafor", "€490.00", "€250.00", "€240.00"],
        ["Ben Carter", "€150.00", "€0.00", "€150.00"],
    ]
    assert months[-1][1] == format_money(figures.invoiced, "EUR")
    assert page.summary.text() == "2.00 hours coached · average fee €320.00 per hour (net) · in EUR"


def painted(page: RevenuePage, colour: Colour) -> int:
    """How many pixels of the chart below its legend are in ``colour``."""
    chart = page.chart
    image = QImage(chart.size(), QImage.Format.Format_RGB32)
    image.fill(chart.palette().window().color())
    chart.render(image)
    wanted = look.colour(colour, chart.palette()).rgb()
    below_legend = 3 * chart.fontMetrics().height()
    return sum(
        1
        for y in range(below_legend, image.height())
        for x in range(image.width())
        if image.pixel(x, y) == wanted
    )


def test_the_chart_paints_bars_in_the_series_colours(qtbot, page: RevenuePage) -> None:
    for colour in (Colour.INFO, Colour.SUCCESS, Colour.WARNING):
        assert painted(page, colour) > 100, colour
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.year.setValue(YEAR - 1)
    assert page.data is not None
    assert page.data.invoiced == 0
    assert painted(page, Colour.INFO) == 0


def test_the_accountants_csv(qtbot, page: RevenuePage, tmp_path: Path) -> None:
    dest = tmp_path / "invoices.csv"
    with qtbot.waitSignal(page.exported, timeout=WAIT_MS) as written:
        page.export_csv(dest)
    assert written.args == [dest]
    lines = list(csv.reader(dest.read_text(encoding="utf-8-sig").splitlines()))
    assert lines[0][:4] == ["number", "kind", "issue date", "buyer"]
    assert [(line[3], line[-3]) for line in lines[1:]] == [
        ("Amara Okafor", "400.00"),
        ("Ben Carter", "150.00"),
        ("Amara Okafor", "90.00"),
    ]


def test_lock_clears_the_figures(page: RevenuePage) -> None:
    page.wipe_for_lock()
    assert page.data is None
    assert page.months.rowCount() == page.clients.rowCount() == 0
    assert page.chart.months == ()
