"""The "Import clients" dialog over a real vault and real files, driven like a coach would."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from coachdesk.services.exchange.contacts_import import apply
from coachdesk.services.people import clients
from coachdesk.ui.features.clients import ClientsPage
from coachdesk.ui.features.clients.table_model import NAME as LIST_NAME
from coachdesk.ui.features.exchange.contacts_import_dialog import ImportDialog
from coachdesk.ui.features.exchange.plan_model import (
    NAME,
    ORGANISATION,
    PHONE,
    REASON,
    ROW,
    STATUS,
)
from coachdesk.ui.kit.long_work import STEPS
from coachdesk.ui.kit.practice import Practice
from coachdesk.vault import Vault
from tests.services.factories import client

WAIT_MS = 10_000
SHEET = (
    "First Name;Last Name;E-mail Address;Mobile Phone;Company\n"
    "Zoë;Müller;zoe@example.org;+49 170 1234567;Acme\n"
    "Sam;Rivers;sam@;;\n"
    "Amara;Okafor;amara@example.org;;Northwind\n"
    "Łukasz;Dvořák;lukasz@example.org;;\n"
    "Ben;Adams;ben@example.org;+44 7700 900000;\n"
)


@pytest.fixture
def practice(open_vault: Vault) -> Iterator[Practice]:
    p = Practice(open_vault)
    p.load_zone()
    yield p
    p.finish()


@pytest.fixture
def sheet(tmp_path: Path, open_vault: Vault) -> Path:
    """An Outlook-style sheet in Windows-1252 against a vault that already holds Amara."""
    with open_vault.session() as db, db.begin():
        client(db, "Amara Okafor", email="amara@example.org")
    path = tmp_path / "contacts.csv"
    path.write_bytes(SHEET.replace("Łukasz;Dvořák", "Lukas;Dvorak").encode("cp1252"))
    return path


def open_dialog(qtbot, practice: Practice, path: Path) -> ImportDialog:
    dialog = ImportDialog(practice)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.open_file(path)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)
    return dialog


def column(dialog: ImportDialog, col: int, role: int = Qt.ItemDataRole.DisplayRole) -> list:
    model = dialog.model
    return [model.index(row, col).data(role) for row in range(model.rowCount())]


def test_preview_then_import_the_ticked_rows(qtbot, practice: Practice, sheet: Path) -> None:
    page = ClientsPage(practice)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT_MS)

    dialog = open_dialog(qtbot, practice, sheet)
    assert column(dialog, ROW) == ["2", "3", "4", "5", "6"]
    assert column(dialog, NAME) == [
        "Zoë Müller",
        "Sam Rivers",
        "Amara Okafor",
        "Lukas Dvorak",
        "Ben Adams",
    ]
    assert column(dialog, PHONE) == ["+49 170 1234567", "", "", "", "+44 7700 900000"]
    assert column(dialog, ORGANISATION) == ["Acme", "", "Northwind", "", ""]
    assert [
        dialog.model.headerData(c, Qt.Orientation.Horizontal) for c in (PHONE, ORGANISATION)
    ] == [
        "Phone",
        "Organisation",
    ]
    assert column(dialog, STATUS) == ["New", "Invalid", "Likely duplicate", "New", "New"]
    assert column(dialog, REASON)[1] == "Email: This is not a valid email address."
    checked, unchecked = Qt.CheckState.Checked, Qt.CheckState.Unchecked
    assert column(dialog, ROW, Qt.ItemDataRole.CheckStateRole) == [
        checked,
        None,  # an invalid row has no tick to give
        unchecked,  # a likely duplicate waits for the coach to decide
        checked,
        checked,
    ]
    assert "3 new · 1 likely duplicate · 1 invalid" in dialog.summary.text()
    assert "Windows-1252" in dialog.summary.text()
    assert dialog.mapping.isVisible()
    assert dialog.import_button.text() == "Import 3 clients"
    invalid = dialog.model.index(1, ROW)
    assert not dialog.model.flags(invalid) & Qt.ItemFlag.ItemIsUserCheckable
    assert not dialog.model.setData(invalid, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)

    # Untick Ben with the keyboard, as a coach going down the list would.
    dialog.table.setFocus()
    dialog.table.setCurrentIndex(dialog.model.index(4, ROW))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert dialog.model.index(4, ROW).data(Qt.ItemDataRole.CheckStateRole) == unchecked
    assert dialog.import_button.text() == "Import 2 clients"

    with qtbot.waitSignal(dialog.imported, timeout=WAIT_MS) as imported:
        dialog.import_button.click()
    assert imported.args == [2]
    assert dialog.result() == ImportDialog.DialogCode.Accepted
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=WAIT_MS)
    listed = [page.model.index(r, LIST_NAME).data() for r in range(page.model.rowCount())]
    assert sorted(listed) == ["Amara Okafor", "Lukas Dvorak", "Zoë Müller"]


def test_mapping_an_unrecognised_column_plans_again(
    qtbot, practice: Practice, tmp_path: Path, open_vault: Vault
) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("Person,Reach at\nZoë Müller,zoe@example.org\n", encoding="utf-8-sig")
    dialog = open_dialog(qtbot, practice, path)
    assert column(dialog, STATUS) == ["Invalid"]
    assert dialog.hint.isVisible()
    assert "No column holds a name" in dialog.hint.text()
    assert not dialog.import_button.isEnabled()

    dialog.mapping.set_field(0, "display_name")
    qtbot.waitUntil(lambda: column(dialog, STATUS) == ["New"], timeout=WAIT_MS)
    dialog.mapping.set_field(1, "email")
    qtbot.waitUntil(lambda: column(dialog, 2) == ["zoe@example.org"], timeout=WAIT_MS)
    assert not dialog.hint.isVisible()
    with qtbot.waitSignal(dialog.imported, timeout=WAIT_MS):
        dialog.import_button.click()
    with open_vault.session() as db:
        assert [(r.name, r.email) for r in clients.list_clients(db)] == [
            ("Zoë Müller", "zoe@example.org")
        ]


def test_choose_a_vcard_file(
    qtbot, practice: Practice, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "cards.vcf"
    path.write_text(
        "BEGIN:VCARD\nVERSION:3.0\nFN:Zoë Müller\nEMAIL:zoe@example.org\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:4.0\nFN:Łukasz Dvořák\nEND:VCARD\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    dialog = ImportDialog(practice)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choose_button.click()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2 and not dialog.busy, timeout=WAIT_MS)
    assert column(dialog, NAME) == ["Zoë Müller", "Łukasz Dvořák"]
    assert not dialog.mapping.isVisible()  # a vCard has no columns to map
    assert dialog.import_button.text() == "Import 2 clients"


def test_a_file_that_cannot_be_read_says_so_and_imports_nothing(
    qtbot, practice: Practice, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "coachdesk.ui.features.exchange.contacts_import_dialog.show_error",
        lambda parent, exc: shown.append(exc.message),
    )
    dialog = open_dialog(qtbot, practice, tmp_path / "gone.csv")
    assert len(shown) == 1
    assert "gone.csv" in shown[0]
    assert dialog.model.rowCount() == 0
    assert not dialog.import_button.isEnabled()
    assert dialog.choose_button.isEnabled()


def test_ten_thousand_rows_load_into_the_preview(qtbot, practice: Practice, tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    rows = "".join(f"Given{n},Family{n},p{n}@example.org\n" for n in range(10_000))
    path.write_text("First Name,Last Name,E-mail Address\n" + rows, encoding="utf-8")
    dialog = open_dialog(qtbot, practice, path)
    assert dialog.model.rowCount() == 10_000
    assert dialog.import_button.text() == "Import 10000 clients"


def test_a_failed_import_keeps_the_dialog_and_adds_nobody(
    qtbot, practice: Practice, sheet: Path, open_vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_dialog(qtbot, practice, sheet)
    shown: list[BaseException] = []
    monkeypatch.setattr(
        "coachdesk.ui.features.exchange.contacts_import_dialog.show_error",
        lambda parent, exc: shown.append(exc),
    )
    real_insert = apply.insert

    def failing_insert(table):
        if failing_insert.calls:
            raise OSError("disk full")
        failing_insert.calls += 1
        return real_insert(table)

    failing_insert.calls = 0
    monkeypatch.setattr(apply, "BATCH", 1)
    monkeypatch.setattr(apply, "insert", failing_insert)
    dialog.import_button.click()
    assert dialog.job is not None
    assert dialog.job.dialog.isVisible()  # the progress dialog, with its own Cancel
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)
    assert dialog.job is None
    assert len(shown) == 1
    assert isinstance(shown[0], OSError)
    assert dialog.isVisible()
    assert dialog.model.rowCount() == 5
    assert dialog.import_button.text() == "Import 3 clients"
    with open_vault.session() as db:
        assert [row.name for row in clients.list_clients(db)] == ["Amara Okafor"]


def test_the_import_shows_its_progress_and_cancel_takes_back_every_row(
    qtbot, practice: Practice, sheet: Path, open_vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = ClientsPage(practice)
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT_MS)
    dialog = open_dialog(qtbot, practice, sheet)
    imported: list[int] = []
    dialog.imported.connect(imported.append)
    # One client per batch; the worker holds after the first batch until the coach has acted.
    first_batch_in, go_on = threading.Event(), threading.Event()
    real_insert = apply.insert
    calls: list[object] = []

    def held_insert(table):
        calls.append(table)
        if len(calls) == 2:
            first_batch_in.set()
            go_on.wait(WAIT_MS / 1000)
        return real_insert(table)

    monkeypatch.setattr(apply, "BATCH", 1)
    monkeypatch.setattr(apply, "insert", held_insert)
    dialog.import_button.click()
    job = dialog.job
    assert job is not None
    bar = job.dialog.bar
    qtbot.waitUntil(first_batch_in.is_set, timeout=WAIT_MS)
    # 1 of 3 ticked clients written: the bar says a third, not just "busy".
    qtbot.waitUntil(lambda: (bar.maximum(), bar.value()) == (STEPS, STEPS // 3), timeout=WAIT_MS)
    assert not dialog.import_button.isEnabled()

    qtbot.mouseClick(job.dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert "Stopping" in job.dialog.detail.text()
    go_on.set()
    qtbot.waitUntil(lambda: dialog.job is None, timeout=WAIT_MS)

    assert len(calls) == 2  # it stopped at the report after the second batch
    assert imported == []
    assert dialog.isVisible()
    assert dialog.hint.isVisible()
    assert dialog.hint.text() == "Import stopped; nothing was imported."
    assert "3 new" in dialog.summary.text()
    assert dialog.import_button.text() == "Import 3 clients"
    assert dialog.import_button.isEnabled(), "the coach can try again"
    with open_vault.session() as db:
        assert [row.name for row in clients.list_clients(db)] == ["Amara Okafor"]
    assert page.model.rowCount() == 1


def test_every_reason_is_shown_whole_in_the_preview(qtbot, practice: Practice, sheet: Path) -> None:
    dialog = open_dialog(qtbot, practice, sheet)
    table = dialog.table
    width = table.columnWidth(REASON)
    metrics = table.fontMetrics()
    reasons = [r for r in column(dialog, REASON) if r]
    assert reasons
    for row, reason in enumerate(column(dialog, REASON)):
        if not reason:
            continue
        wrap = Qt.TextFlag.TextWordWrap if table.wordWrap() else Qt.TextFlag.TextSingleLine
        needed = metrics.boundingRect(0, 0, width - 8, 10_000, wrap, reason)
        assert needed.width() <= width - 8, reason
        assert needed.height() <= table.rowHeight(row), reason
        assert dialog.model.index(row, REASON).data(Qt.ItemDataRole.ToolTipRole) == reason
