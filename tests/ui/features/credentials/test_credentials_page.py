"""The Credential view over a real vault: its figures are the service's summary of a hand-built
practice, the logs' dialogs add, edit and delete entries (a CCE certificate goes into the vault),
and the exported log reads back with openpyxl."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from coachdesk.model import Credential
from coachdesk.services.credentials import cce, mentoring
from coachdesk.services.credentials.thresholds import icf_summary
from coachdesk.services.people import profile
from coachdesk.ui.features.credentials import CredentialsPage
from coachdesk.ui.features.credentials.cce_dialog import CceDialog
from coachdesk.ui.features.credentials.entry_dialogs import MentoringDialog
from coachdesk.ui.kit.practice import Practice
from coachdesk.vault import Vault
from tests.services.credentials import practice as built
from tests.services.credentials.practice import EXPECTED_ROWS, HEADER

WAIT_MS = 10_000


@pytest.fixture
def practice(open_vault: Vault) -> Iterator[Practice]:
    p = Practice(open_vault)
    p.load_zone()
    yield p
    p.finish()


@pytest.fixture
def built_practice(open_vault: Vault) -> Vault:
    with open_vault.session() as db, db.begin():
        built.build(db)
        data = profile.profile_fields(db)
        data.target_credential = Credential.ACC
        profile.update_profile(db, data)
    return open_vault


def shown_page(qtbot, practice: Practice) -> CredentialsPage:
    page = CredentialsPage(practice)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.show()
    return page


def test_the_figures_bars_and_log_are_the_services_summary(qtbot, practice, built_practice) -> None:
    page = shown_page(qtbot, practice)
    with built_practice.session() as db:
        summary = icf_summary(db)
    figures = {name: label.text() for name, label in page.standing.figures.items()}
    assert figures == {
        "total": str(summary.total_hours),
        "paid": str(summary.paid_hours),
        "pro_bono": str(summary.pro_bono_hours),
        "clients": str(summary.clients),
        "recent": str(summary.recent_hours),
    }
    assert figures["total"] == "11.25"
    assert figures["clients"] == "7"
    acc = page.standing.bars[Credential.ACC]
    assert (acc.value(), acc.maximum()) == (1125, 10000)
    assert (
        page.standing.needs[Credential.ACC]
        .text()
        .startswith("Still needed: 88.75 hours, 65.75 paid hours, 1 client,")
    )
    assert page.standing.frames[Credential.ACC].objectName() == "target"
    assert page.standing.frames[Credential.PCC].objectName() == ""
    assert "left off the log" in page.standing.since.text()
    model = page.log_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == HEADER
    shown = [(r.name, r.contact, r.paid_hours, r.pro_bono_hours) for r in model.rows]
    assert sorted(shown) == sorted((r[0], r[1], r[6], r[7]) for r in EXPECTED_ROWS)


def test_a_cce_activity_with_its_certificate_goes_into_the_vault(
    qtbot, practice, open_vault, tmp_path
) -> None:
    page = shown_page(qtbot, practice)
    page.cce.add_button.click()
    dialog = page.dialog
    assert isinstance(dialog, CceDialog)
    certificate = tmp_path / "ethics.pdf"
    certificate.write_bytes(b"%PDF-1.4 certificate of attendance")
    dialog.held_on.set_day(date(2026, 5, 4))
    dialog.provider.setText("ICF")
    dialog.title.setText("Ethics refresher")
    dialog.units.setValue(3)
    dialog.ethics_units.setValue(4)  # more than the units: refused, by field
    dialog.set_certificate(certificate)
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS, raising=False) as closed:
        dialog.submit()
        qtbot.waitUntil(lambda: not dialog.saving, timeout=WAIT_MS)
    assert not closed.signal_triggered
    assert dialog.error_text("ethics_units") == "Ethics units are part of the activity's units."
    with open_vault.session() as db:
        assert cce.list_cce(db) == []
    dialog.ethics_units.setValue(3)
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        dialog.submit()
    [row] = page.cce.model.rows
    assert (row.title, row.units, row.evidence_name) == (
        "Ethics refresher",
        Decimal(3),
        "ethics.pdf",
    )
    with open_vault.session() as db:
        data, name, mime = cce.cce_evidence(db, row.id)
    assert (data, name, mime) == (certificate.read_bytes(), "ethics.pdf", "application/pdf")
    assert "37.00 units" in page.standing.cce.text()


def test_mentoring_entries_are_added_edited_and_deleted(qtbot, practice, open_vault) -> None:
    page = shown_page(qtbot, practice)
    page.tabs.setCurrentWidget(page.mentoring)
    page.mentoring.add_button.click()
    dialog = page.dialog
    assert isinstance(dialog, MentoringDialog)
    dialog.mentor_email.setText("not an email")
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS, raising=False) as closed:
        dialog.submit()
        qtbot.waitUntil(lambda: not dialog.saving, timeout=WAIT_MS)
    assert not closed.signal_triggered
    assert dialog.error_text("mentor_name") == "This field is required."
    assert dialog.error_text("mentor_email") == "This is not a valid email address."
    dialog.mentor_name.setText("Ana Ruiz")
    dialog.mentor_email.setText("ana@mentor.example")
    dialog.minutes.setValue(90)
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        dialog.submit()
    assert [(r.mentor_name, r.hours) for r in page.mentoring.model.rows] == [
        ("Ana Ruiz", Decimal("1.50"))
    ]
    page.mentoring.table.selectRow(0)
    page.mentoring.edit_button.click()
    editor = page.dialog
    assert isinstance(editor, MentoringDialog)
    qtbot.waitUntil(editor.isEnabled, timeout=WAIT_MS)  # loaded: the form was disabled till then
    assert editor.mentor_name.text() == "Ana Ruiz"
    editor.group_size.setValue(6)
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        editor.submit()
    assert page.mentoring.model.rows[0].group_size == 6
    page.mentoring.table.selectRow(0)
    page.mentoring.delete_button.click()
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.confirm.button(QMessageBox.StandardButton.Yes).click()
    assert page.mentoring.model.rows == []
    with open_vault.session() as db:
        assert mentoring.list_mentoring(db) == []


def test_the_exported_log_reads_back_with_openpyxl(
    qtbot, practice, built_practice, tmp_path, monkeypatch
) -> None:
    page = shown_page(qtbot, practice)
    target = tmp_path / "log"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(target), ""))
    )
    with qtbot.waitSignal(page.exports.exported, timeout=WAIT_MS) as saved:
        page.export_buttons["xlsx"].click()
    path = Path(saved.args[0])
    assert path == tmp_path / "log.xlsx"
    sheet = openpyxl.load_workbook(path).worksheets[0]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0] == HEADER
    names = [row[0] for row in rows[1 : 1 + len(EXPECTED_ROWS)]]
    assert sorted(names) == sorted(r[0] for r in EXPECTED_ROWS)
    assert page.saved_note.text() == f"Saved to {path}"
