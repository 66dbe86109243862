"""The engagement editor over a real vault: checks as the coach types, saving, usage warnings."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from coachdesk.model import EngagementStatus, FeeModel, SessionStatus
from coachdesk.services.engagements import engagements
from coachdesk.services.sessions import sessions
from coachdesk.ui.features.clients import ClientPage
from coachdesk.ui.features.engagements import EngagementDialog
from coachdesk.ui.kit.practice import Practice
from coachdesk.ui.shell.progress_windows import ProgressWindows
from coachdesk.vault import Vault
from tests.services.factories import client, engagement, session

WAIT_MS = 10_000


@pytest.fixture
def practice(open_vault: Vault) -> Iterator[Practice]:
    p = Practice(open_vault)
    p.load_zone()
    yield p
    p.finish()


def open_dialog(qtbot, practice: Practice, **which: int) -> EngagementDialog:
    dialog = EngagementDialog(practice, None, **which)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.original is not None, timeout=WAIT_MS)
    return dialog


def type_into(qtbot, line, text: str) -> None:
    line.setFocus()
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Delete)
    qtbot.keyClicks(line, text)


def test_a_bad_fee_is_named_under_the_fee_and_blocks_saving(
    qtbot, practice: Practice, open_vault: Vault
) -> None:
    with open_vault.session() as db, db.begin():
        amara = client(db, "Amara Okafor")
    dialog = open_dialog(qtbot, practice, client_id=amara)
    form = dialog.form
    assert not dialog.save_button.isEnabled()  # no title yet
    type_into(qtbot, form.title, "Leadership programme")
    assert dialog.save_button.isEnabled()

    type_into(qtbot, form.fee_amount, "12,3x")
    assert form.error_text("fee_amount") == "This is not an amount."
    assert not dialog.save_button.isEnabled()

    type_into(qtbot, form.fee_amount, "1500")
    assert form.error_text("fee_amount") == ""
    assert dialog.save_button.isEnabled()
    form.planned.setValue(8)
    form.fee_model.setCurrentIndex(form.fee_model.findData(FeeModel.PACKAGE.value))
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    with open_vault.session() as db:
        stored = engagements.engagement_fields(db, saved.args[0])
    assert stored.client_id == amara
    assert stored.title == "Leadership programme"
    assert (stored.fee_amount, stored.fee_model, stored.planned_sessions) == (
        Decimal("1500.00"),
        FeeModel.PACKAGE,
        8,
    )


def test_service_messages_show_as_typed(qtbot, practice: Practice, open_vault: Vault) -> None:
    with open_vault.session() as db, db.begin():
        amara = client(db, "Amara Okafor")
    dialog = open_dialog(qtbot, practice, client_id=amara)
    form = dialog.form
    type_into(qtbot, form.title, "Mentoring")
    type_into(qtbot, form.currency, "eu")
    assert form.error_text("currency").startswith("Use a three-letter currency code")
    type_into(qtbot, form.currency, "jpy")
    assert form.currency.text() == "JPY"
    type_into(qtbot, form.fee_amount, "100.50")
    assert form.error_text("fee_amount") == "JPY amounts have no decimals."
    assert not dialog.save_button.isEnabled()


def test_editing_shows_usage_and_warns_when_sessions_run_out(
    qtbot, practice: Practice, open_vault: Vault
) -> None:
    today = date.today()
    now = datetime.now(UTC).replace(microsecond=0)
    with open_vault.session() as db, db.begin():
        amara = client(db, "Amara Okafor")
        e = engagement(
            db,
            amara,
            planned_sessions=3,
            start_date=today - timedelta(days=60),
            end_date=today + timedelta(days=5),
            status=EngagementStatus.ACTIVE,
        )
        for weeks in (6, 4):
            s = session(db, amara, now - timedelta(weeks=weeks), engagement_id=e)
            sessions.set_status(db, s, SessionStatus.COMPLETED)
    dialog = open_dialog(qtbot, practice, engagement_id=e)
    assert dialog.usage.text().startswith("Next: session 3 of 3")
    assert dialog.warning.isVisibleTo(dialog)
    assert "Only one planned session is left." in dialog.warning.text()
    assert "ends in 5 days" in dialog.warning.text()
    statuses = [dialog.form.status.itemData(i) for i in range(dialog.form.status.count())]
    assert statuses == ["active", "completed", "ended_early"]

    type_into(qtbot, dialog.form.title, "Leadership, extended")
    dialog.form.has_end.setChecked(False)
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        dialog.submit()
    with open_vault.session() as db:
        stored = engagements.engagement_fields(db, e)
    assert (stored.title, stored.end_date) == ("Leadership, extended", None)


def test_client_page_opens_the_editor(qtbot, practice: Practice, open_vault: Vault) -> None:

    with open_vault.session() as db, db.begin():
        amara = client(db, "Amara Okafor")
        e = engagement(db, amara, title="Leadership programme")
    page = ClientPage(practice)
    qtbot.addWidget(page)
    windows = ProgressWindows(practice, page)  # as the main window opens them
    page.show()
    page.show_client(amara)
    qtbot.waitUntil(lambda: page.view is not None, timeout=WAIT_MS)
    links = {b.text(): b for b in page.details.findChildren(QPushButton)}
    qtbot.mouseClick(links["New engagement…"], Qt.MouseButton.LeftButton)
    dialog = windows.open.get("engagement")
    assert isinstance(dialog, EngagementDialog)
    assert dialog.engagement_id is None
    assert dialog.client_id == amara
    dialog.discard()
    qtbot.waitUntil(lambda: "engagement" not in windows.open, timeout=WAIT_MS)

    qtbot.mouseClick(links["Edit…"], Qt.MouseButton.LeftButton)
    dialog = windows.open.get("engagement")
    assert isinstance(dialog, EngagementDialog)
    assert dialog.engagement_id == e
    qtbot.waitUntil(lambda: dialog.original is not None, timeout=WAIT_MS)
    assert dialog.form.title.text() == "Leadership programme"
    type_into(qtbot, dialog.form.title, "Leadership programme, phase 2")
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        dialog.submit()
    qtbot.waitUntil(
        lambda: "phase 2" in " ".join(label.text() for label in page.details.findChildren(QLabel)),
        timeout=WAIT_MS,
    )
