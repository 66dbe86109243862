"""The Agreements view over a real vault: draft, preview, print, send, sign with a scan, freeze,
new version, and the clause check following the text as it is edited.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.errors import PdfReadError
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog
from sqlalchemy import select

from coachdesk.errors import ValidationError
from coachdesk.model import Agreement, AgreementStatus
from coachdesk.services import agreement_list, agreements
from coachdesk.ui.agreements import AgreementsPage
from coachdesk.ui.agreements.agreement_panel import PREVIEW_TAB
from coachdesk.ui.agreements.table_model import STATUS, TODO
from coachdesk.ui.practice import Practice
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
    page.show()
    return page


def status_of(page: AgreementsPage) -> A | None:
    current = page.panel.current
    return current.view.status if current is not None else None


def draft_one(qtbot, page: AgreementsPage, engagement_id: int) -> int:
    dialog = page.new_agreement(engagement_id)
    qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=WAIT_MS)
    with qtbot.waitSignal(dialog.created, timeout=WAIT_MS) as created:
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


def send(qtbot, page: AgreementsPage) -> None:
    qtbot.mouseClick(page.panel.buttons["send"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: status_of(page) is A.SENT, timeout=WAIT_MS)


def sign_with_scan(qtbot, page: AgreementsPage, scan: Path) -> None:
    dialog = page.panel.sign()
    assert dialog is not None
    assert dialog.set_scan_file(scan)
    with qtbot.waitSignal(dialog.signed, timeout=WAIT_MS):
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
        "coachdesk.ui.pdf_files.QFileDialog.getSaveFileName",
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
    qtbot.waitUntil(lambda: page.model.row_of(first) is not None, timeout=WAIT_MS)
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
        "coachdesk.ui.agreements.scan_files.QFileDialog.getSaveFileName",
        lambda *args, **kwargs: (str(saved_copy), ""),
    )
    panel.buttons["scan"].click()
    qtbot.waitUntil(saved_copy.exists, timeout=WAIT_MS)
    assert saved_copy.read_bytes() == PNG
    assert saved_copy.stat().st_mode & 0o777 == 0o600

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
    with qtbot.waitSignal(dialog.signed, timeout=WAIT_MS):
        dialog.submit()
    qtbot.waitUntil(lambda: status_of(page) is A.SIGNED, timeout=WAIT_MS)
    page.which.setCurrentIndex(page.which.findData("all"))
    qtbot.waitUntil(lambda: page.model.row_of(first) is not None, timeout=WAIT_MS)
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
    qtbot.mouseClick(page.panel.buttons["version"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: page.panel.current is not None and page.panel.current.view.version == 2,
        timeout=WAIT_MS,
    )
    qtbot.waitUntil(lambda: page.model.total() == 2, timeout=WAIT_MS)
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
