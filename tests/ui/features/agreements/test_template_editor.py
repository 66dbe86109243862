"""The agreement template editor over a real vault: checks, saves, resets, clause check, preview."""

from __future__ import annotations

from collections.abc import Iterator
from io import BytesIO

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coachdesk.model import EngagementKind
from coachdesk.services.agreements import agreements
from coachdesk.services.agreements import templates as agreement_templates
from coachdesk.ui.features.agreements.templates.dialog import TemplateEditorDialog
from coachdesk.ui.features.agreements.templates.editor import TemplateEditor
from coachdesk.ui.kit.practice import Practice
from coachdesk.vault import Vault
from tests.services.factories import client, engagement

WAIT_MS = 15_000
CONFIDENTIALITY = "## Confidentiality"


@pytest.fixture
def practice(open_vault: Vault) -> Iterator[Practice]:
    p = Practice(open_vault)
    p.load_zone()
    yield p
    p.finish()


@pytest.fixture
def editor(qtbot: QtBot, practice: Practice) -> TemplateEditor:
    """The editor shown on a new vault: the shipped coaching template is loaded."""
    widget = TemplateEditor(practice)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    with qtbot.waitSignal(widget.refreshed, timeout=WAIT_MS):  # stored, listed, text shown
        widget.show()
    assert widget.current is not None
    return widget


def stored(open_vault: Vault, template_id: int) -> agreement_templates.TemplateText:
    with open_vault.session() as db:
        return agreement_templates.template_text(db, template_id)


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)


def choose_builtin(qtbot: QtBot, editor: TemplateEditor, kind: EngagementKind) -> int:
    rows = editor.templates.rows.values()
    wanted = next(r.id for r in rows if r.builtin and r.kind is kind)
    editor.templates.select_id(wanted, quietly=False)
    qtbot.waitUntil(lambda: editor.current is not None and editor.current.id == wanted)
    return wanted


def confirm(qtbot: QtBot, editor: TemplateEditor, text: str) -> None:
    qtbot.waitUntil(lambda: editor.question is not None and editor.question.isVisible())
    box = editor.question
    assert box is not None
    button = next(b for b in box.buttons() if b.text() == text)
    button.click()


def test_builtin_templates_are_stored_and_listed(editor: TemplateEditor, open_vault: Vault) -> None:
    with open_vault.session() as db:
        rows = agreements.list_templates(db)
    assert {(r.kind, r.builtin) for r in rows} == {
        (EngagementKind.COACHING, True),
        (EngagementKind.MENTORING, True),
    }
    assert editor.templates.count() == 2
    assert editor.current is not None
    assert editor.current.builtin
    assert editor.body.toPlainText() == editor.current.body
    assert not editor.delete_button.isVisible()
    assert editor.reset_button.isVisible()


def test_unknown_placeholder_is_named_and_save_refused_then_valid_edit_saves(
    qtbot: QtBot, editor: TemplateEditor, open_vault: Vault
) -> None:
    t = choose_builtin(qtbot, editor, EngagementKind.COACHING)
    before = stored(open_vault, t)
    lines = before.body.count("\n")
    editor.body.moveCursor(editor.body.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor.body, "Fee: {{ feez }}")
    assert f"Unknown placeholder {{{{ feez }}}} on line {lines + 1}" in editor.problems.text()
    assert not editor.save_button.isEnabled()
    qtbot.mouseClick(editor.form.show_problem, Qt.MouseButton.LeftButton)
    assert editor.body.textCursor().selectedText() == "{{ feez }}"
    editor.save()  # Ctrl+S while refused does nothing
    qtbot.waitUntil(lambda: not editor.practice.tasks.busy, timeout=WAIT_MS)  # had it written
    assert stored(open_vault, t) == before

    editor.body.undo()  # takes the typed text away again
    editor.body.moveCursor(editor.body.textCursor().MoveOperation.End)
    editor.placeholders.select("fee")
    qtbot.mouseClick(editor.placeholders.insert, Qt.MouseButton.LeftButton)
    assert editor.body.toPlainText().endswith("{{ fee }}")
    assert editor.problems.text() == ""
    assert editor.save_button.isEnabled()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: stored(open_vault, t).version == before.version + 1, timeout=WAIT_MS)
    assert stored(open_vault, t).body.endswith("{{ fee }}")
    qtbot.waitUntil(lambda: editor.current is not None and editor.current.version == 2)
    assert not editor.is_dirty()


def test_reset_to_default_restores_the_shipped_text(
    qtbot: QtBot, editor: TemplateEditor, open_vault: Vault
) -> None:
    t = choose_builtin(qtbot, editor, EngagementKind.MENTORING)
    shipped = agreement_templates.shipped_text(EngagementKind.MENTORING)
    editor.body.setPlainText("# Mentoring\n\nHello {{ client_name }}.\n")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: stored(open_vault, t).body != shipped, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: editor.current is not None and editor.current.version == 2)

    qtbot.mouseClick(editor.reset_button, Qt.MouseButton.LeftButton)
    confirm(qtbot, editor, "Reset")
    qtbot.waitUntil(lambda: stored(open_vault, t).body == shipped, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: editor.body.toPlainText() == shipped, timeout=WAIT_MS)
    assert stored(open_vault, t).version == 3


def test_clause_check_marks_confidentiality_missing_once_removed(
    qtbot: QtBot, editor: TemplateEditor
) -> None:
    def confidentiality() -> bool:
        return dict(editor.checklist.results)["Confidentiality and its limits"]

    assert confidentiality()
    assert editor.checklist.missing() == []
    text = editor.body.toPlainText()
    heading = next(line for line in text.splitlines() if line.startswith(CONFIDENTIALITY))
    editor.body.setPlainText(text.replace(heading + "\n", ""))
    assert not confidentiality()
    assert "Confidentiality and its limits" in editor.checklist.missing()
    label = editor.checklist.labels["Confidentiality and its limits"]
    assert label.text().startswith("✗")


def test_preview_renders_the_edited_text(qtbot: QtBot, editor: TemplateEditor) -> None:
    qtbot.waitUntil(editor.preview.is_current, timeout=WAIT_MS)
    assert editor.preview.pdf.page_count() >= 2
    editor.body.setPlainText("# Short agreement\n\nBetween {{ client_name }} and me.\n")
    qtbot.waitUntil(editor.preview.is_current, timeout=WAIT_MS)
    assert editor.preview.pdf.page_count() == 1
    assert "Between Sam Example and me." in pdf_text(editor.preview.pdf.pdf_bytes)


def test_copy_rename_default_and_delete_own_template(
    qtbot: QtBot, editor: TemplateEditor, open_vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    qtbot.mouseClick(editor.copy_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: editor.current is not None and not editor.current.builtin, timeout=WAIT_MS
    )
    copy = editor.current.id
    editor.name.setText("My executive agreement")
    editor.name.textEdited.emit("My executive agreement")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: stored(open_vault, copy).name == "My executive agreement", timeout=WAIT_MS
    )
    assert stored(open_vault, copy).version == 1  # renaming is not a new version of the text
    qtbot.waitUntil(editor.default_button.isEnabled, timeout=WAIT_MS)
    qtbot.mouseClick(editor.default_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.default_id == copy, timeout=WAIT_MS)
    assert "default for new agreements" in editor.templates.currentItem().text()

    qtbot.waitUntil(editor.delete_button.isVisible, timeout=WAIT_MS)
    qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    confirm(qtbot, editor, "Delete")
    qtbot.waitUntil(lambda: editor.templates.count() == 2, timeout=WAIT_MS)
    with open_vault.session() as db:
        assert copy not in {r.id for r in agreements.list_templates(db)}
    qtbot.waitUntil(lambda: editor.current is not None and editor.current.builtin, timeout=WAIT_MS)


def test_preview_with_a_chosen_engagement_and_nothing_left_after_clear(
    qtbot: QtBot, practice: Practice, open_vault: Vault
) -> None:
    with open_vault.session() as db, db.begin():
        engagement(db, client(db, "Zoë Łukasiewicz"), title="Career change")
    widget = TemplateEditor(practice)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.preview.source.count() == 2, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: widget.current is not None, timeout=WAIT_MS)
    assert widget.preview.source.itemText(1) == "Zoë Łukasiewicz – Career change"
    widget.preview.source.setCurrentIndex(1)
    widget.preview.source.activated.emit(1)
    qtbot.waitUntil(widget.preview.is_current, timeout=WAIT_MS)
    assert "Zoë Łukasiewicz" in pdf_text(widget.preview.pdf.pdf_bytes)

    widget.clear()  # the vault locks
    assert widget.preview.source.count() == 1
    assert widget.preview.pdf.pdf_bytes == b""


def test_dialog_asks_before_losing_changes(qtbot: QtBot, practice: Practice) -> None:
    dialog = TemplateEditorDialog(practice)
    qtbot.addWidget(dialog)
    dialog.show()
    editor = dialog.editor
    qtbot.waitUntil(lambda: editor.current is not None, timeout=WAIT_MS)
    assert not dialog.has_unsaved_input()
    item = editor.placeholders.tree.topLevelItem(0)
    editor.placeholders.tree.itemActivated.emit(item, 0)  # as a double-click does
    assert "{{ client_name }}" in editor.body.toPlainText()
    assert dialog.has_unsaved_input()
    dialog.reject()
    confirm(qtbot, editor, "Discard changes")
    qtbot.waitUntil(lambda: not dialog.isVisible())
