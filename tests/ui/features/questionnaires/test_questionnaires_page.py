"""The Questionnaires view over a real vault: edit a template, write a client's PDF, import it
filled (pypdf), review and tick one change; fill a form in the app; the lock rule."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from coachdesk import vault
from coachdesk.model import Client, Goal, QuestionnaireAnswer
from coachdesk.model.enums import QuestionKind
from coachdesk.services.progress import goals
from coachdesk.services.progress.goals import GoalFields
from coachdesk.services.questionnaires import forms, templates
from coachdesk.services.questionnaires.shipped import EVALUATION, INTAKE, PREPARATION
from coachdesk.ui.features.questionnaires import QuestionnairesPage
from coachdesk.ui.features.questionnaires.questionnaires_page import ID_ROLE
from coachdesk.ui.features.questionnaires.review_dialog import ReviewDialog
from coachdesk.ui.features.questionnaires.template_editor import TemplateEditor
from coachdesk.ui.kit.practice import Practice
from coachdesk.vault import Vault
from tests.conftest import PASSPHRASE
from tests.services.factories import client
from tests.services.questionnaires.filling import fill_with_pypdf

WAIT_MS = 10_000


@pytest.fixture
def practice(open_vault: Vault) -> Iterator[Practice]:
    p = Practice(open_vault)
    p.load_zone()
    yield p
    p.finish()


@pytest.fixture
def zoe(open_vault: Vault) -> int:
    with open_vault.session() as db, db.begin():
        return client(db, "Zoë Łukasz", phone="+48 000")


def shown_page(qtbot, practice: Practice) -> QuestionnairesPage:
    page = QuestionnairesPage(practice)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.show()
    return page


def choose(page: QuestionnairesPage, open_vault: Vault, key: str, client_id: int) -> int:
    with open_vault.session() as db:
        template_id = templates.resolve_template(db, key)
    for row in range(page.template_list.count()):
        item = page.template_list.item(row)
        if item.data(ID_ROLE) == template_id:
            page.template_list.setCurrentItem(item)
    assert page.client.choose(client_id)
    return template_id


def test_edit_send_import_review_and_apply(
    qtbot, practice: Practice, open_vault: Vault, zoe: int, tmp_path: Path
) -> None:
    page = shown_page(qtbot, practice)
    assert page.template_list.count() == 4
    template_id = choose(page, open_vault, INTAKE, zoe)

    with qtbot.waitSignal(page.editor_opened, timeout=WAIT_MS) as opened:
        page.edit_button.click()
    editor: TemplateEditor = opened.args[0]
    editor.title.setText("Before we start")
    editor.title.textEdited.emit("Before we start")
    editor.list.setCurrentRow(0)
    editor.down_button.click()  # "what brings you" becomes question 2
    editor.add_button.click()
    editor.kind.setCurrentIndex(editor.kind.findData(QuestionKind.YES_NO))
    editor.label.setText("Have you read the privacy notice?")
    editor.label.textEdited.emit("Have you read the privacy notice?")
    editor.required.setChecked(True)
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        editor.buttons.button(editor.buttons.StandardButton.Save).click()
    with open_vault.session() as db:
        edited = templates.template_fields(db, template_id)
        assert templates.get_template(db, template_id).version == 2
    assert edited.title == "Before we start"
    assert edited.questions[1].label == "What brings you to coaching now?"
    assert edited.questions[-1].kind == QuestionKind.YES_NO
    assert edited.questions[-1].required

    out = tmp_path / "form.pdf"
    with qtbot.waitSignal(page.pdf_written, timeout=WAIT_MS):
        page.write_pdf(out)
    filled = tmp_path / "returned.pdf"
    # Question 1 is now the goal, 2 the scale after the swap: q1_short, q2_long, q3_scale.
    filled.write_bytes(
        fill_with_pypdf(
            out.read_bytes(),
            {
                "q1_short": "Delegate more",
                "q3_scale": "/6",
                "q7_short": "+48 601",
                "q13_yesno": "/yes",
            },
        )
    )
    with qtbot.waitSignal(page.review_opened, timeout=WAIT_MS) as reviewed:
        page.import_form(filled)
    review: ReviewDialog = reviewed.args[0]
    assert set(review.change_boxes) == {"phone", "goal:q1_short"}
    assert not any(box.isChecked() for box in review.change_boxes.values())
    review.change_boxes["goal:q1_short"].setChecked(True)
    with qtbot.waitSignal(review.stored, timeout=WAIT_MS):
        review.store_button.click()

    with open_vault.session() as db:
        stored = db.get(Client, zoe)
        goal = db.scalar(select(Goal).where(Goal.client_id == zoe))
        answers = db.scalars(select(QuestionnaireAnswer.value)).all()
        assert stored is not None
        assert stored.phone == "+48 000"  # not ticked
        assert goal is not None
        assert (goal.title, goal.baseline) == ("Delegate more", 6)
    assert "yes" in answers


def test_fill_in_now_stores_a_preparation(
    qtbot, practice: Practice, open_vault: Vault, zoe: int
) -> None:
    page = shown_page(qtbot, practice)
    choose(page, open_vault, PREPARATION, zoe)
    with qtbot.waitSignal(page.fill_opened, timeout=WAIT_MS) as opened:
        page.fill_button.click()
    dialog = opened.args[0]
    dialog.inputs["q1_long"].setPlainText("The offsite next week.")
    assert dialog.why_lock_waits() is not None  # typed text: a lock waits
    with qtbot.waitSignal(page.review_opened, timeout=WAIT_MS) as reviewed:
        dialog.buttons.accepted.emit()
    review: ReviewDialog = reviewed.args[0]
    with qtbot.waitSignal(review.stored, timeout=WAIT_MS):
        review.store_button.click()
    with open_vault.session() as db:
        [form] = forms.returned_forms(db, zoe)
    assert (form.source, form.answers[0].value) == ("app", "The offsite next week.")
    assert form.returned_at.date() <= date.today()


def test_a_lock_waits_for_an_edited_template_and_wipes_a_review(
    qtbot, practice: Practice, open_vault: Vault, zoe: int
) -> None:
    page = shown_page(qtbot, practice)
    choose(page, open_vault, PREPARATION, zoe)
    with qtbot.waitSignal(page.editor_opened, timeout=WAIT_MS) as opened:
        page.edit_button.click()
    editor: TemplateEditor = opened.args[0]
    assert editor.why_lock_waits() is None
    editor.title.textEdited.emit("Changed")
    assert editor.why_lock_waits() == "Not locked: save or cancel the form you are filling in."
    editor.wipe_for_lock()
    assert editor.questions == []
    assert not editor.isVisible()

    with qtbot.waitSignal(page.fill_opened, timeout=WAIT_MS) as filling:
        page.fill_button.click()
    dialog = filling.args[0]
    dialog.inputs["q1_long"].setPlainText("Something private.")
    with qtbot.waitSignal(page.review_opened, timeout=WAIT_MS) as reviewed:
        dialog.buttons.accepted.emit()
    review: ReviewDialog = reviewed.args[0]
    assert review.why_lock_waits() is None
    review.wipe_for_lock()
    assert review.review is None
    page.wipe_for_lock()
    assert page.template_list.count() == 0
    with open_vault.session() as db:
        assert forms.returned_forms(db, zoe) == []


def test_fill_in_now_asks_the_evaluation_scale_per_goal(
    qtbot, practice: Practice, open_vault: Vault, zoe: int
) -> None:
    with open_vault.session() as db, db.begin():
        lead = goals.create_goal(db, GoalFields(zoe, "Lead the team")).id
    page = shown_page(qtbot, practice)
    choose(page, open_vault, EVALUATION, zoe)
    with qtbot.waitSignal(page.fill_opened, timeout=WAIT_MS) as opened:
        page.fill_button.click()
    dialog = opened.args[0]
    assert f"q1_scale_g{lead}" in dialog.inputs
    assert "q1_scale" not in dialog.inputs
    seven = next(b for b in dialog.inputs[f"q1_scale_g{lead}"].buttons() if b.text() == "7")
    seven.setChecked(True)
    with qtbot.waitSignal(page.review_opened, timeout=WAIT_MS) as reviewed:
        dialog.buttons.accepted.emit()
    review: ReviewDialog = reviewed.args[0]
    review.change_boxes[f"rating:{lead}"].setChecked(True)
    with qtbot.waitSignal(review.stored, timeout=WAIT_MS):
        review.store_button.click()
    with open_vault.session() as db:
        assert [g.latest_score for g in goals.list_goals(db, zoe)] == [7]


def test_the_client_page_opens_the_view_with_its_client_chosen(
    qtbot, vault_dir: Path, request: pytest.FixtureRequest
) -> None:
    with vault.open(vault_dir, passphrase=PASSPHRASE) as v, v.session() as db, db.begin():
        who = client(db, "Zoë Łukasz")
    window = request.getfixturevalue("window")
    with qtbot.waitSignal(window.client_page.refreshed, timeout=WAIT_MS):
        window.open_client(who)
    window.client_page.forms_button.click()
    page = window.questionnaires_page
    assert window.current_view() is page
    qtbot.waitUntil(lambda: page.client.client_id() == who, timeout=WAIT_MS)


def test_delete_asks_first_and_keeps_the_template_on_cancel(
    qtbot, practice: Practice, open_vault: Vault
) -> None:
    page = shown_page(qtbot, practice)
    page.template_list.setCurrentRow(2)
    page.delete_button.click()
    box = next(w for w in page.findChildren(QMessageBox) if w.isVisible())
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert page.template_list.count() == 4
    page.delete_button.click()
    box = next(w for w in page.findChildren(QMessageBox) if w.isVisible())
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert page.template_list.count() == 3
