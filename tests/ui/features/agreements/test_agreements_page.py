"""The Agreements view over a real vault: draft, preview, print, send, sign with a scan, freeze,
new version, and the clause check following the text as it is edited.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.errors import PdfReadError
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox
from sqlalchemy import select

from coachdesk.errors import ValidationError
from coachdesk.model import Agreement, AgreementStatus
from coachdesk.services.agreements import agreements
from coachdesk.services.agreements import documents as agreement_documents
from coachdesk.services.agreements import listing as agreement_list
from coachdesk.services.agreements.listing import AgreementListRow, AgreementView
from coachdesk.ui.features.agreements import AgreementsPage, scan_files
from coachdesk.ui.features.agreements.agreement_panel import PREVIEW_TAB
from coachdesk.ui.features.agreements.agreement_words import state_text
from coachdesk.ui.features.agreements.sent_dialog import SentDialog
from coachdesk.ui.features.agreements.table_model import STATUS, TODO, todo_text
from coachdesk.ui.kit.practice import Practice
from coachdesk.vault import Vault
from tests.services.factories import client, engagement

WAIT_MS = 15_000
A = AgreementStatus
# The smallest real PNG: one white pixel.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de"
    "0000000c4944415408d763f8ffff3f0005fe02fea7d6a4e10000000049454e44ae426082"
)


@pytest.fixture
def practice(open_vault: Vault) -> Iterator[Practice]:
    p = Practice(open_vault)
    p.load_zone()
    yield p
    p.finish()


@pytest.fixture
def amara(open_vault: Vault) -> int:
    with open_vault.session() as db, db.begin():
        return engagement(db, client(db, "Amara Okafor"), title="Leadership programme")


@pytest.fixture
def page(qtbot, practice: Practice) -> AgreementsPage:
    page = AgreementsPage(practice)
    qtbot.addWidget(page)
    page.resize(1200, 860)
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):  # nothing left loading behind a test
        page.show()
    return page


def status_of(page: AgreementsPage) -> A | None:
    current = page.panel.current
    return current.view.status if current is not None else None


def draft_one(qtbot, page: AgreementsPage, engagement_id: int) -> int:
    dialog = page.new_agreement(engagement_id)
    qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=WAIT_MS)
    with (
        qtbot.waitSignal(page.refreshed, timeout=WAIT_MS),
        qtbot.waitSignal(dialog.created, timeout=WAIT_MS) as created,
    ):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    agreement_id = created.args[0]
    qtbot.waitUntil(
        lambda: page.panel.current is not None and page.panel.current.view.id == agreement_id,
        timeout=WAIT_MS,
    )
    return agreement_id


def print_to_file(qtbot, page: AgreementsPage, out: Path, monkeypatch) -> None:
    """Print through the preview's own Print action, to a PDF file instead of a printer."""

    def accept(dialog: QPrintDialog) -> int:
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(out))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    page.panel.preview.print_action.trigger()
    expected = page.panel.preview.page_count()

    def printed() -> bool:
        try:
            return len(PdfReader(out).pages) == expected
        except (OSError, PdfReadError):
            return False

    qtbot.waitUntil(printed, timeout=WAIT_MS)


def pdf_text(pdf: bytes | Path) -> str:
    source = BytesIO(pdf) if isinstance(pdf, bytes) else pdf
    return "".join(page.extract_text() or "" for page in PdfReader(source).pages)


def ask_when_sent(qtbot, page: AgreementsPage) -> SentDialog:
    qtbot.mouseClick(page.panel.buttons["send"], Qt.MouseButton.LeftButton)
    dialog = page.panel.question
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def send(qtbot, page: AgreementsPage, day: date | None = None) -> None:
    dialog = ask_when_sent(qtbot, page)
    assert dialog.day() == page.panel.current.today, "today unless the coach says otherwise"
    if day is not None:
        dialog.sent_on.set_day(day)
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):  # the list, after the change
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: status_of(page) is A.SENT, timeout=WAIT_MS)


def sign_with_scan(qtbot, page: AgreementsPage, scan: Path) -> None:
    dialog = page.panel.sign()
    assert dialog is not None
    assert dialog.set_scan_file(scan)
    with (
        qtbot.waitSignal(page.refreshed, timeout=WAIT_MS),
        qtbot.waitSignal(dialog.signed, timeout=WAIT_MS),
    ):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: status_of(page) is A.SIGNED, timeout=WAIT_MS)


def test_draft_preview_print_and_save_as_pdf(
    qtbot, page: AgreementsPage, amara: int, tmp_path: Path, monkeypatch
) -> None:
    draft_one(qtbot, page, amara)
    panel = page.panel
    assert not panel.editor.isReadOnly()
    assert "Amara Okafor" in panel.editor.toPlainText()
    assert panel.clauses.missing() == []

    panel.tabs.setCurrentIndex(PREVIEW_TAB)
    qtbot.waitUntil(lambda: panel.preview.page_count() > 0, timeout=WAIT_MS)
    out = tmp_path / "printed.pdf"
    print_to_file(qtbot, page, out, monkeypatch)
    # Printing paints page images, so the printed file has the pages but no text layer;
    # the bytes it painted are the preview's, and Save as PDF gives them with their text.
    assert "Amara Okafor" in pdf_text(panel.preview.pdf_bytes)
    saved = tmp_path / "saved" / "agreement.pdf"
    saved.parent.mkdir()
    monkeypatch.setattr(
        "coachdesk.ui.pdf.files.QFileDialog.getSaveFileName",
        lambda *args, **kwargs: (str(saved), ""),
    )
    panel.preview.save_action.trigger()
    assert "Amara Okafor" in pdf_text(saved)
    assert "Leadership programme" in pdf_text(saved)


def test_sending_then_signing_with_a_scan_freezes_it(
    qtbot, page: AgreementsPage, amara: int, open_vault: Vault, tmp_path: Path
) -> None:
    first = draft_one(qtbot, page, amara)
    panel = page.panel
    send(qtbot, page)
    assert panel.editor.isReadOnly()
    row = page.model.row_of(first)
    assert page.model.index(row, TODO).data() == "Sent today, awaiting signature"

    dialog = panel.sign()
    assert dialog is not None
    assert not dialog.set_scan_file(tmp_path / "missing.png")
    assert "could not be read" in dialog.error_text("scan")
    dialog.submit()  # signed and scanned, but no scan chosen: the service says so, in place
    qtbot.waitUntil(
        lambda: dialog.error_text("scan") == "Attach the scan of the signed agreement.",
        timeout=WAIT_MS,
    )
    assert status_of(page) is A.SENT
    dialog.reject()
    scan = tmp_path / "signed.png"
    scan.write_bytes(PNG)
    sign_with_scan(qtbot, page, scan)
    assert panel.editor.isReadOnly()
    assert panel.title.isReadOnly()
    assert not panel.buttons["save"].isEnabled()
    assert panel.tabs.currentIndex() == PREVIEW_TAB
    assert panel.state.text().startswith("Frozen")
    assert "signed.png" in panel.state.text()
    with open_vault.session() as db:
        stored = agreement_list.get_scan(db, first)
        frozen = db.scalar(select(Agreement.pdf).where(Agreement.id == first))
        with pytest.raises(ValidationError) as refused:
            agreements.update_draft_text(db, first, "Changed", "changed text")
    assert "signed and can no longer change" in refused.value.fields["body"]
    assert (stored.data, stored.name, stored.mime) == (PNG, "signed.png", "image/png")
    qtbot.waitUntil(lambda: panel.preview.pdf_bytes == frozen, timeout=WAIT_MS)
    assert "Amara Okafor" in pdf_text(frozen)
    record = " ".join(pdf_text(frozen).split())
    assert "Signing record How: Signed and scanned." in record
    assert "Client: Amara Okafor, signed on" in record
    assert "signed.png" in record


def test_scan_saves_out_and_a_new_version_supersedes_once_signed(
    qtbot, page: AgreementsPage, amara: int, tmp_path: Path, monkeypatch
) -> None:
    first = draft_one(qtbot, page, amara)
    panel = page.panel
    scan = tmp_path / "signed.png"
    scan.write_bytes(PNG)
    sign_with_scan(qtbot, page, scan)
    saved_copy = tmp_path / "copy.png"
    monkeypatch.setattr(
        "coachdesk.ui.features.agreements.scan_files.QFileDialog.getSaveFileName",
        lambda *args, **kwargs: (str(saved_copy), ""),
    )
    panel.buttons["scan"].click()
    qtbot.waitUntil(saved_copy.exists, timeout=WAIT_MS)
    assert saved_copy.read_bytes() == PNG
    assert saved_copy.stat().st_mode & 0o777 == 0o600

    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        qtbot.mouseClick(panel.buttons["version"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: panel.current is not None and panel.current.view.version == 2, timeout=WAIT_MS
    )
    second = panel.current.view.id
    assert status_of(page) is A.DRAFT
    assert not panel.editor.isReadOnly()
    assert "replaces version 1" in panel.state.text()
    dialog = panel.sign()
    assert dialog is not None
    dialog.method.setCurrentIndex(dialog.method.findData("typed"))
    # The list shown before this signing already holds both versions (Signed, Draft): only its
    # refresh after the signing can tell, so wait for that, not for the rows to be there.
    with (
        qtbot.waitSignal(page.refreshed, timeout=WAIT_MS),
        qtbot.waitSignal(dialog.signed, timeout=WAIT_MS),
    ):
        dialog.submit()
    qtbot.waitUntil(lambda: status_of(page) is A.SIGNED, timeout=WAIT_MS)
    page.which.setCurrentIndex(page.which.findData("all"))
    statuses = {
        agreement_id: page.model.index(page.model.row_of(agreement_id), STATUS).data()
        for agreement_id in (first, second)
    }
    assert statuses == {first: "Superseded", second: "Signed"}


def test_clause_check_follows_the_edited_text(qtbot, page: AgreementsPage, amara: int) -> None:
    draft_one(qtbot, page, amara)
    panel = page.panel
    text = panel.editor.toPlainText()
    start = text.index("## Confidentiality")
    end = text.index("## ", start + 3)
    panel.editor.setPlainText(text[:start] + text[end:])
    assert panel.clauses.missing() == ["Confidentiality and its limits"]
    rows = [panel.clauses.items.item(i).text() for i in range(panel.clauses.items.count())]
    assert "✗  Confidentiality and its limits" in rows
    assert "✓  Fees and payment" in rows
    assert panel.buttons["save"].isEnabled()

    panel.tabs.setCurrentIndex(PREVIEW_TAB)  # saves the draft first
    qtbot.waitUntil(lambda: not panel.has_unsaved_text(), timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: panel.current is not None and "## Confidentiality" not in panel.current.view.body,
        timeout=WAIT_MS,
    )
    assert panel.clauses.missing() == ["Confidentiality and its limits"]


def test_a_sent_agreement_replaced_by_a_new_version_shows_superseded(
    qtbot, page: AgreementsPage, amara: int, open_vault: Vault
) -> None:
    first = draft_one(qtbot, page, amara)
    with open_vault.session() as db, db.begin():
        agreements.mark_sent(db, first, date.today())
    page.panel.show_agreement(first)
    qtbot.waitUntil(lambda: status_of(page) is A.SENT, timeout=WAIT_MS)
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        qtbot.mouseClick(page.panel.buttons["version"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: page.panel.current is not None and page.panel.current.view.version == 2,
        timeout=WAIT_MS,
    )
    assert page.model.total() == 2
    assert page.model.row_of(first) is None  # the open list holds only what needs doing
    page.which.setCurrentIndex(page.which.findData("all"))
    assert page.model.index(page.model.row_of(first), STATUS).data() == "Superseded"
    assert page.selected_id() == page.panel.current.view.id  # still on the new version


def test_clear_drops_every_word(qtbot, page: AgreementsPage, amara: int) -> None:
    draft_one(qtbot, page, amara)
    page.clear()
    assert page.panel.editor.toPlainText() == ""
    assert page.panel.heading.text() == ""
    assert page.model.rowCount() == 0
    assert page.panel.preview.pdf_bytes == b""


@pytest.fixture
def two_drafts(qtbot, page: AgreementsPage, amara: int, open_vault: Vault) -> tuple[int, int]:
    """A draft for Amara and one for Bo, both listed, Amara's open."""
    with open_vault.session() as db, db.begin():
        bo = engagement(db, client(db, "Bo Lindqvist"), title="Career transition")
        ids = tuple(
            agreement_documents.draft_agreement(db, e, date(2026, 3, 1)).id for e in (amara, bo)
        )
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.show_agreement(ids[0])
    assert page.model.row_of(ids[1]) is not None
    qtbot.waitUntil(lambda: page.panel.shown_id() == ids[0], timeout=WAIT_MS)
    return ids[0], ids[1]


def stored_body(open_vault: Vault, agreement_id: int) -> str:
    with open_vault.session() as db:
        return agreements.get_agreement(db, agreement_id).body


def type_at_end(page: AgreementsPage, words: str) -> None:
    cursor = page.panel.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    page.panel.editor.setTextCursor(cursor)
    page.panel.editor.insertPlainText(words)


def test_opening_another_agreement_saves_the_edited_draft_first(
    qtbot, page: AgreementsPage, two_drafts: tuple[int, int], open_vault: Vault
) -> None:
    amaras, bos = two_drafts
    type_at_end(page, "\nWe meet at the library on Fridays.\n")
    assert page.panel.has_unsaved_text()
    page.table.selectRow(page.model.row_of(bos))
    qtbot.waitUntil(lambda: page.panel.shown_id() == bos, timeout=WAIT_MS)
    assert "library on Fridays" in stored_body(open_vault, amaras)
    assert "Bo Lindqvist" in page.panel.editor.toPlainText()
    assert not page.panel.has_unsaved_text()

    page.table.selectRow(page.model.row_of(amaras))
    qtbot.waitUntil(lambda: page.panel.shown_id() == amaras, timeout=WAIT_MS)
    assert "library on Fridays" in page.panel.editor.toPlainText()


def test_a_draft_hidden_by_the_find_box_keeps_its_typed_text(
    qtbot, page: AgreementsPage, two_drafts: tuple[int, int], open_vault: Vault, practice: Practice
) -> None:
    amaras, _bos = two_drafts
    type_at_end(page, "\nWe meet at the library on Fridays.\n")
    page.search.setText("Lindqvist")
    assert page.model.row_of(amaras) is None
    assert page.stack.currentWidget() is page.panel
    assert "library on Fridays" in page.panel.editor.toPlainText()
    with open_vault.session() as db, db.begin():  # a change elsewhere reloads the list
        chen = engagement(db, client(db, "Chen Wei"))
        agreement_documents.draft_agreement(db, chen, date(2026, 3, 1))
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        practice.changed.emit("agreements")
    assert page.model.total() == 3
    assert page.panel.has_unsaved_text()
    assert "library on Fridays" in page.panel.editor.toPlainText()

    page.search.clear()
    assert page.selected_id() == amaras
    assert "library on Fridays" in page.panel.editor.toPlainText()
    assert page.keep_as_draft()
    assert "library on Fridays" in stored_body(open_vault, amaras)


def test_keep_as_draft_saves_now_or_says_why_it_cannot(
    qtbot, page: AgreementsPage, two_drafts: tuple[int, int], open_vault: Vault
) -> None:
    amaras, bos = two_drafts
    assert page.keep_as_draft()  # nothing typed: nothing to keep
    type_at_end(page, "\nSessions by video when travelling.\n")
    assert page.keep_as_draft()
    assert "by video when travelling" in stored_body(open_vault, amaras)
    assert not page.panel.has_unsaved_text()

    page.panel.title.clear()
    page.panel.title.textEdited.emit("")
    type_at_end(page, "Never lost.\n")
    assert not page.keep_as_draft()
    assert page.panel.problem.text() == "Title: This field is required."
    assert page.panel.problem.isVisibleTo(page.panel)
    assert "Never lost." not in stored_body(open_vault, amaras)
    loaded = page.panel.current
    page.table.selectRow(page.model.row_of(bos))  # refused too: the draft stays open
    assert page.panel.shown_id() == amaras
    assert page.selected_id() == amaras
    qtbot.waitUntil(lambda: page.panel.current is not loaded, timeout=WAIT_MS)  # reloaded
    assert page.panel.shown_id() == amaras
    assert page.panel.editor.toPlainText().endswith("Never lost.\n")
    assert page.panel.problem.text() == "Title: This field is required."

    page.panel.save_draft()  # Ctrl+S says it in the same words, in the same place
    page.panel.problem.clear()
    qtbot.waitUntil(lambda: page.panel.problem.text() != "", timeout=WAIT_MS)
    assert page.panel.problem.text() == "Title: This field is required."
    page.panel.title.setText("Agreement with Amara")
    page.panel.title.textEdited.emit("Agreement with Amara")
    page.table.selectRow(page.model.row_of(bos))
    qtbot.waitUntil(lambda: page.panel.shown_id() == bos, timeout=WAIT_MS)
    assert stored_body(open_vault, amaras).endswith("Never lost.\n")
    assert page.panel.problem.text() == ""


def test_mark_as_sent_asks_first_when_sections_are_missing(
    qtbot, page: AgreementsPage, amara: int, open_vault: Vault
) -> None:
    first = draft_one(qtbot, page, amara)
    panel = page.panel
    text = panel.editor.toPlainText()
    start = text.index("## Confidentiality")
    panel.editor.setPlainText(text[:start] + text[text.index("## ", start + 3) :])
    box = ask_when_sent(qtbot, page)
    assert box.warning.text().startswith("Send without: Confidentiality and its limits?")
    assert box.buttons.button(QDialogButtonBox.StandardButton.Cancel).isDefault()
    box.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert panel.question is None
    assert status_of(page) is A.DRAFT
    with open_vault.session() as db:
        assert agreements.get_agreement(db, first).status is A.DRAFT

    box = ask_when_sent(qtbot, page)
    assert box.send_button.text() == "Mark as sent"
    box.send_button.click()
    qtbot.waitUntil(lambda: status_of(page) is A.SENT, timeout=WAIT_MS)
    assert "## Confidentiality" not in stored_body(open_vault, first)


def test_mark_as_sent_takes_the_day_the_coach_picks(
    qtbot, page: AgreementsPage, amara: int, open_vault: Vault
) -> None:
    first = draft_one(qtbot, page, amara)
    today = page.panel.current.today
    dialog = ask_when_sent(qtbot, page)
    dialog.sent_on.set_day(today + timedelta(days=2))
    assert dialog.day() == today, "never after today"
    dialog.reject()
    send(qtbot, page, today - timedelta(days=3))
    with open_vault.session() as db:
        assert agreements.get_agreement(db, first).sent_on == today - timedelta(days=3)
    assert (
        page.model.index(page.model.row_of(first), TODO).data() == "Awaiting signature for 3 days"
    )


def test_new_agreement_on_an_engagement_with_a_draft_says_so_under_the_field(
    qtbot, page: AgreementsPage, amara: int, open_vault: Vault
) -> None:
    draft_one(qtbot, page, amara)
    message = "This engagement already has a draft agreement (version 1): edit that one."
    dialog = page.new_agreement(amara)
    qtbot.waitUntil(lambda: dialog.choices is not None, timeout=WAIT_MS)
    assert dialog.engagement_box.error.text() == message
    assert dialog.height() >= dialog.sizeHint().height()  # grown to show it, not squeezed
    assert not dialog.ok_button.isEnabled()
    dialog.reject()

    with open_vault.session() as db, db.begin():
        bo = engagement(db, client(db, "Bo Lindqvist"))
    dialog = page.new_agreement(bo)
    qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=WAIT_MS)
    with open_vault.session() as db, db.begin():  # drafted meanwhile, e.g. from another window
        agreement_documents.draft_agreement(db, bo, date(2026, 3, 1))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.engagement_box.error.text() == message, timeout=WAIT_MS)
    assert dialog.engagement_box.error.isVisibleTo(dialog)
    assert not dialog.ok_button.isEnabled()


def test_a_scan_past_the_limit_is_refused_by_name(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(scan_files, "MAX_SCAN_BYTES", 1024)
    fits = tmp_path / "fits.pdf"
    fits.write_bytes(b"%PDF-1.7" + b"\0" * (1024 - 8))
    assert scan_files.read_scan(fits)[1:] == ("fits.pdf", "application/pdf")
    big = tmp_path / "big scan.pdf"
    big.write_bytes(b"%PDF-1.7" + b"\0" * 1024)
    with pytest.raises(ValidationError) as refused:
        scan_files.read_scan(big)
    assert refused.value.fields["scan"].startswith("big scan.pdf is larger than")


def test_the_wait_for_a_signature_reads_the_same_in_the_list_and_the_panel() -> None:
    row = AgreementListRow(
        1, 1, "Amara Okafor", 1, "Leadership", "Agreement", 1, A.SENT,
        date(2026, 3, 1), None, 1, False,
    )  # fmt: skip
    assert todo_text(row) == "Awaiting signature for 1 day"
    assert todo_text(replace(row, days_waiting=12)) == "Awaiting signature for 12 days"
    assert todo_text(replace(row, days_waiting=0)) == "Sent today, awaiting signature"
    view = AgreementView(
        1, 1, "Amara Okafor", "Leadership", "Agreement", "text", 1, A.SENT, date(2026, 3, 1),
        None, None, None, None, False, "", False, None,
    )  # fmt: skip
    assert state_text(view, date(2026, 3, 2)) == "Sent 1 March 2026. Awaiting signature for 1 day."
    assert state_text(view, date(2026, 3, 1)) == "Sent 1 March 2026. Awaiting signature."


def test_the_save_draft_button_saves_without_an_error(
    qtbot, page: AgreementsPage, amara: int, open_vault: Vault
) -> None:
    """Its clicked(bool) once reached save_draft as ``then=False``: "Something went wrong"."""
    agreement_id = draft_one(qtbot, page, amara)
    panel = page.panel
    panel.editor.appendPlainText("Saved by the button.")
    assert panel.has_unsaved_text()
    qtbot.mouseClick(panel.buttons["save"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.has_unsaved_text(), timeout=WAIT_MS)
    assert "Saved by the button." in stored_body(open_vault, agreement_id)
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]


def test_a_find_with_no_match_says_so(
    qtbot, page: AgreementsPage, two_drafts: tuple[int, int]
) -> None:
    assert not page.no_match.isVisible()
    page.search.setText("zebra")
    assert page.model.rowCount() == 0
    assert page.no_match.isVisible()
    assert page.no_match.text() == "No agreements match “zebra”."
    page.search.clear()
    assert not page.no_match.isVisible()
