"""The menu commands that open dialogs: each opens what it names, and a lock closes them all."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from coachdesk.model import ClientStatus
from coachdesk.services.agreements import agreements
from coachdesk.services.agreements import documents as agreement_documents
from coachdesk.ui.features.agreements.templates.dialog import TemplateEditorDialog
from coachdesk.ui.features.engagements import EngagementDialog
from coachdesk.ui.features.exchange.archive_import_dialog import ImportDialog as ArchiveImportDialog
from coachdesk.ui.features.exchange.calendar_dialog import CalendarDialog
from coachdesk.ui.features.exchange.export_dialog import ExportDialog
from coachdesk.ui.features.help import (
    AboutDialog,
    GettingStartedDialog,
    ShortcutsDialog,
    WhereIsMyDataDialog,
)
from coachdesk.ui.features.profile.profile_dialog import ProfileDialog
from coachdesk.ui.features.vault.passphrase_change import ChangePassphraseDialog
from coachdesk.ui.shell.main_window import MainWindow
from coachdesk.vault import open_vault
from tests.conftest import PASSPHRASE
from tests.services.factories import client, engagement

WAIT_MS = 10_000


def opened(window: MainWindow, kind: type[QDialog]) -> QDialog:
    found = [d for d in window.commands.open_dialogs() if isinstance(d, kind) and d.isVisible()]
    assert len(found) == 1, kind.__name__
    return found[0]


def test_each_command_opens_its_dialog_and_lock_closes_every_one(qtbot, window: MainWindow) -> None:
    a = window.menu_actions
    for action, kind in (
        (a.profile, ProfileDialog),
        (a.templates, TemplateEditorDialog),
        (a.export_everything, ExportDialog),
        (a.import_archive, ArchiveImportDialog),
        (a.export_calendar, CalendarDialog),
        (a.where_is_my_data, WhereIsMyDataDialog),
        (a.about, AboutDialog),
        (a.shortcuts, ShortcutsDialog),
        (a.getting_started, GettingStartedDialog),
    ):
        action.trigger()
        opened(window, kind)
    a.templates.trigger()  # a second request raises the open editor instead of another
    opened(window, TemplateEditorDialog)
    where = opened(window, WhereIsMyDataDialog)
    assert isinstance(where, WhereIsMyDataDialog)
    assert window.vault is not None
    assert where.vault_path.text() == str(window.vault.folder)

    window.locking.lock()
    assert window.vault is None
    assert window.commands.open_dialogs() == []
    assert not [d for d in window.findChildren(QDialog) if d.isVisible()]


def test_client_commands_ask_for_a_client_then_act_on_the_one_shown(
    qtbot, window: MainWindow
) -> None:
    window.menu_actions.new_engagement.trigger()
    assert "Open a client first" in window.statusBar().currentMessage()
    assert "engagement" not in window.progress_windows.open
    window.statusBar().clearMessage()
    window.menu_actions.edit_client.trigger()  # Ctrl+E with no client: never "New client"
    assert "Open a client first" in window.statusBar().currentMessage()
    assert window.clients_page.dialog is None

    assert window.vault is not None
    with window.vault.session() as db, db.begin():
        amara = client(db, "Amara Okafor", status=ClientStatus.ACTIVE)
    window.open_client(amara)
    qtbot.waitUntil(lambda: window.client_page.view is not None, timeout=WAIT_MS)
    window.menu_actions.new_engagement.trigger()
    dialog = window.progress_windows.open.get("engagement")
    assert isinstance(dialog, EngagementDialog)
    assert dialog.isVisible()
    dialog.discard()

    window.menu_actions.export_client.trigger()
    export = opened(window, ExportDialog)
    assert export.client_id == amara


def test_lock_waits_for_an_edited_template(qtbot, window: MainWindow) -> None:
    window.menu_actions.templates.trigger()
    dialog = opened(window, TemplateEditorDialog)
    assert isinstance(dialog, TemplateEditorDialog)
    editor = dialog.editor
    qtbot.waitUntil(lambda: editor.current is not None, timeout=WAIT_MS)
    editor.body.setPlainText(editor.body.toPlainText() + "\nOne more line.\n")
    window.locking.lock()
    assert window.vault is not None, "typed template text would have been lost"
    assert "Not locked" in window.statusBar().currentMessage()
    dialog.discard()
    window.locking.lock()
    assert window.vault is None


def test_lock_waits_for_typed_engagement_and_report_text(qtbot, window: MainWindow) -> None:
    assert window.vault is not None
    with window.vault.session() as db, db.begin():
        amara = client(db, "Amara Okafor", status=ClientStatus.ACTIVE)
    window.open_client(amara)
    qtbot.waitUntil(lambda: window.client_page.view is not None, timeout=WAIT_MS)

    window.menu_actions.new_engagement.trigger()
    engagement = window.progress_windows.open.get("engagement")
    assert isinstance(engagement, EngagementDialog)
    qtbot.waitUntil(lambda: engagement.original is not None, timeout=WAIT_MS)
    qtbot.keyClicks(engagement.form.title, "Leadership programme")
    window.locking.lock()
    assert window.vault is not None, "a half-typed engagement would have been lost"
    engagement.discard()

    window.menu_actions.progress_report.trigger()
    report = window.progress_windows.open["report"]
    qtbot.keyClicks(report.form.summary, "Steady progress on delegation.")
    window.locking.lock()
    assert window.vault is not None, "the coach's summary would have been lost"
    report.discard()
    window.locking.lock()
    assert window.vault is None


def test_lock_waits_until_a_new_recovery_key_is_written_down(qtbot, window: MainWindow) -> None:
    window.menu_actions.preferences.trigger()
    preferences = window.preferences_dialog
    assert preferences is not None
    keys = window.commands.new_recovery_key(preferences)
    assert keys is not None
    qtbot.keyClicks(keys.passphrase, PASSPHRASE)
    keys.make_button.click()
    qtbot.waitUntil(lambda: keys.pages.currentIndex() == 1, timeout=WAIT_MS)
    window.locking.lock()
    assert window.vault is not None, "the only copy of the new key was on screen"
    assert "recovery key" in window.statusBar().currentMessage()
    keys.key_page.confirm.setChecked(True)
    keys.done_button.click()
    window.locking.lock()
    assert window.vault is None


def test_preferences_ask_the_window_for_the_passphrase_dialog(qtbot, window: MainWindow) -> None:
    window.menu_actions.preferences.trigger()
    preferences = window.preferences_dialog
    assert preferences is not None
    qtbot.mouseClick(preferences.change_passphrase, Qt.MouseButton.LeftButton)
    change = opened(window, ChangePassphraseDialog)
    assert change.parent() is preferences  # over the preferences, as it was opened from there
    window.locking.lock()
    assert window.vault is None
    assert not change.isVisible()
    assert window.preferences_dialog is None
    assert not [d for d in window.findChildren(QDialog) if d.isVisible()]


def test_quitting_waits_for_an_edited_template(qtbot, window: MainWindow) -> None:
    window.menu_actions.templates.trigger()
    dialog = opened(window, TemplateEditorDialog)
    assert isinstance(dialog, TemplateEditorDialog)
    editor = dialog.editor
    qtbot.waitUntil(lambda: editor.current is not None, timeout=WAIT_MS)
    editor.body.setPlainText(editor.body.toPlainText() + "\nOne more line.\n")
    window.close()
    assert window.vault is not None, "the template's changes would have been lost"
    assert editor.question is not None
    assert editor.question.isVisible()  # the editor asks, as when its own window is closed
    dialog.discard()
    window.close()
    assert window.vault is None


def test_quitting_keeps_an_edited_agreement_draft(qtbot, window: MainWindow) -> None:
    assert window.vault is not None
    with window.vault.session() as db, db.begin():
        amara = client(db, "Amara Okafor", status=ClientStatus.ACTIVE)
        draft = agreement_documents.draft_agreement(db, engagement(db, amara), date.today()).id
    page = window.agreements_page
    window.show_page(page)
    page.show_agreement(draft)
    qtbot.waitUntil(lambda: page.panel.shown_id() == draft, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.panel.current is not None, timeout=WAIT_MS)
    page.panel.title.clear()
    page.panel.title.textEdited.emit("")
    window.close()
    assert window.vault is not None, "an untitled draft cannot be saved: quitting waits"
    assert "Title" in page.panel.problem.text()

    page.panel.title.setText("Coaching agreement")
    page.panel.title.textEdited.emit("Coaching agreement")
    editor = page.panel.editor
    editor.setPlainText(editor.toPlainText() + "\nSessions by video when travelling.\n")
    vault_folder = window.vault.folder
    window.close()
    assert window.vault is None
    with open_vault(vault_folder, passphrase=PASSPHRASE) as again, again.session() as db:
        assert "by video when travelling" in agreements.get_agreement(db, draft).body


def test_new_session_from_a_client_books_there_and_the_list_stays_the_list(
    qtbot, window: MainWindow
) -> None:
    from coachdesk.ui.features.sessions import ScheduleDialog
    from coachdesk.ui.features.sessions.sessions_page import LIST

    with window.vault.session() as db, db.begin():
        amara = client(db, "Amara Okafor")
    window.open_client(amara)
    qtbot.waitUntil(window.client_page.session_button.isEnabled, timeout=WAIT_MS)
    window.client_page.session_button.click()
    dialog = window.sessions_page.dialog
    assert isinstance(dialog, ScheduleDialog)
    assert dialog.isVisible()
    assert window.current_view() is window.clients_area
    assert window.clients_area.currentWidget() is window.client_page
    dialog.reject()

    window.show_page(window.sessions_page)
    window.sessions_page.set_mode(LIST)
    window.menu_actions.schedule_session.trigger()
    assert isinstance(window.sessions_page.dialog, ScheduleDialog)
    window.sessions_page.dialog.reject()
    assert window.current_view() is window.sessions_page
    assert window.sessions_page.stack.currentIndex() == LIST
