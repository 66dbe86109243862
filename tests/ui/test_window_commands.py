"""The menu commands that open dialogs: each opens what it names, and a lock closes them all."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from coachdesk.model import ClientStatus
from coachdesk.ui.agreements.template_dialog import TemplateEditorDialog
from coachdesk.ui.engagements import EngagementDialog
from coachdesk.ui.exporting.calendar_dialog import CalendarDialog
from coachdesk.ui.exporting.export_dialog import ExportDialog
from coachdesk.ui.exporting.import_dialog import ImportDialog as ArchiveImportDialog
from coachdesk.ui.help import AboutDialog, WhereIsMyDataDialog
from coachdesk.ui.main_window import MainWindow
from coachdesk.ui.profile.profile_dialog import ProfileDialog
from tests.services.factories import client

WAIT_MS = 10_000


def opened(window: MainWindow, kind: type[QDialog]) -> QDialog:
    found = [d for d in window.commands.open_dialogs() if isinstance(d, kind) and d.isVisible()]
    assert len(found) == 1, kind.__name__
    return found[0]


def test_each_command_opens_its_dialog_and_lock_closes_every_one(qtbot, window: MainWindow) -> None:
    a = window.actions
    for action, kind in (
        (a.profile, ProfileDialog),
        (a.templates, TemplateEditorDialog),
        (a.export_everything, ExportDialog),
        (a.import_archive, ArchiveImportDialog),
        (a.export_calendar, CalendarDialog),
        (a.where_is_my_data, WhereIsMyDataDialog),
        (a.about, AboutDialog),
    ):
        action.trigger()
        opened(window, kind)
    a.templates.trigger()  # a second request raises the open editor instead of another
    opened(window, TemplateEditorDialog)
    where = opened(window, WhereIsMyDataDialog)
    assert isinstance(where, WhereIsMyDataDialog)
    assert window.vault is not None
    assert where.vault_path.text() == str(window.vault.folder)

    window.lock()
    assert window.vault is None
    assert window.commands.open_dialogs() == []
    assert not [d for d in window.findChildren(QDialog) if d.isVisible()]


def test_client_commands_ask_for_a_client_then_act_on_the_one_shown(
    qtbot, window: MainWindow
) -> None:
    window.actions.new_engagement.trigger()
    assert "Open a client first" in window.statusBar().currentMessage()
    assert window.client_page.engagement_dialog is None

    assert window.vault is not None
    with window.vault.session() as db, db.begin():
        amara = client(db, "Amara Okafor", status=ClientStatus.ACTIVE)
    window.open_client(amara)
    qtbot.waitUntil(lambda: window.client_page.view is not None, timeout=WAIT_MS)
    window.actions.new_engagement.trigger()
    dialog = window.client_page.engagement_dialog
    assert isinstance(dialog, EngagementDialog)
    assert dialog.isVisible()
    dialog.discard()

    window.actions.export_client.trigger()
    export = opened(window, ExportDialog)
    assert export.client_id == amara


def test_lock_waits_for_an_edited_template(qtbot, window: MainWindow) -> None:
    window.actions.templates.trigger()
    dialog = opened(window, TemplateEditorDialog)
    assert isinstance(dialog, TemplateEditorDialog)
    editor = dialog.editor
    qtbot.waitUntil(lambda: editor.current is not None, timeout=WAIT_MS)
    editor.body.setPlainText(editor.body.toPlainText() + "\nOne more line.\n")
    window.lock()
    assert window.vault is not None, "typed template text would have been lost"
    assert "Not locked" in window.statusBar().currentMessage()
    dialog.discard()
    window.lock()
    assert window.vault is None
