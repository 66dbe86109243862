"""The coach's profile dialog over a real vault: checks as the coach types, saves, keeps a logo."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel

from coachdesk.model import Credential, PaperSize
from coachdesk.services.people import profile
from coachdesk.ui.features.profile.profile_dialog import ProfileDialog
from coachdesk.ui.kit.practice import PROFILE, Practice
from coachdesk.vault import Vault

WAIT_MS = 10_000


@pytest.fixture
def practice(open_vault: Vault) -> Iterator[Practice]:
    p = Practice(open_vault)
    yield p
    p.finish()


@pytest.fixture
def dialog(qtbot, practice: Practice) -> ProfileDialog:
    opened = ProfileDialog(practice)
    qtbot.addWidget(opened)
    opened.show()
    qtbot.waitUntil(opened.form.isEnabled, timeout=WAIT_MS)
    return opened


def png_file(folder: Path) -> Path:
    image = QImage(120, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("#2f7f86"))
    path = folder / "logo.png"
    assert image.save(str(path))
    return path


def test_bad_email_is_named_then_the_profile_saves(
    qtbot, dialog: ProfileDialog, practice: Practice, open_vault: Vault, tmp_path: Path
) -> None:
    form = dialog.form
    qtbot.keyClicks(form.inputs["name"], "Zoe Nowak")
    qtbot.keyClicks(form.inputs["email"], "zoe@nowhere")
    assert form.error_text("email") == "This is not a valid email address."
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(form.fee, "12x")
    assert form.error_text("default_fee") == "This is not an amount."

    form.inputs["email"].clear()
    qtbot.keyClicks(form.inputs["email"], "zoe@example.org")
    form.fee.clear()
    qtbot.keyClicks(form.fee, "180")
    assert form.error_text("email") == ""
    assert form.error_text("default_fee") == ""
    form.time_zone.setCurrentText("Europe/Warsaw")
    form.paper.setCurrentIndex(form.paper.findData(PaperSize.LETTER.value))
    assert form.logo.load_file(png_file(tmp_path))
    assert dialog.save_button.isEnabled()

    with qtbot.waitSignal(practice.changed, timeout=WAIT_MS) as changed:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert changed.args == [PROFILE]
    with open_vault.session() as db:
        saved = profile.profile_fields(db)
        logo, mime = profile.profile_logo(db)
    assert saved.name == "Zoe Nowak"
    assert saved.email == "zoe@example.org"
    assert saved.default_fee == Decimal("180.00")
    assert saved.time_zone == "Europe/Warsaw"
    assert saved.paper_size is PaperSize.LETTER
    assert mime == "image/png"
    assert logo is not None
    assert logo.startswith(b"\x89PNG")
    assert str(practice.zone) == "Europe/Warsaw"  # views show times in the new zone


def test_a_file_that_is_not_an_image_is_refused(
    qtbot, dialog: ProfileDialog, tmp_path: Path
) -> None:
    fake = tmp_path / "logo.png"
    fake.write_bytes(b"not a picture at all")
    assert not dialog.form.logo.load_file(fake)
    assert dialog.form.error_text("logo") == "This file is not a valid PNG image."
    assert not dialog.form.logo.remove.isEnabled()  # nothing was taken


def test_logo_can_be_removed(qtbot, practice: Practice, open_vault: Vault, tmp_path: Path) -> None:
    with open_vault.session() as db, db.begin():
        profile.update_profile(db, profile.ProfileFields(name="Sam Rivera"))
        profile.set_logo(db, png_file(tmp_path).read_bytes(), "image/png")
    dialog = ProfileDialog(practice)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.form.isEnabled, timeout=WAIT_MS)
    assert dialog.form.inputs["name"].text() == "Sam Rivera"
    assert dialog.form.logo.preview.pixmap() is not None
    assert not dialog.form.logo.preview.pixmap().isNull()
    qtbot.mouseClick(dialog.form.logo.remove, Qt.MouseButton.LeftButton)
    assert dialog.form.logo.preview.text() == "No logo"
    with qtbot.waitSignal(practice.changed, timeout=WAIT_MS):
        dialog.submit()
    with open_vault.session() as db:
        assert profile.profile_logo(db) == (None, "")
        assert profile.profile_fields(db).name == "Sam Rivera"


def test_a_half_typed_time_zone_is_named_inline_and_the_typing_is_kept(
    qtbot, dialog: ProfileDialog
) -> None:
    """ "Europe" is a folder of the zone database: it once raised from the checker."""
    form = dialog.form
    line = form.time_zone.lineEdit()
    line.clear()
    qtbot.keyClicks(line, "Europe")
    assert form.error_text("time_zone").startswith("Unknown time zone")
    assert form.time_zone.currentText() == "Europe"
    qtbot.keyClicks(line, "/Warsaw")
    assert form.error_text("time_zone") == ""
    assert form.time_zone.currentText() == "Europe/Warsaw"


def test_training_start_target_credential_and_renewal_are_saved(
    qtbot, dialog: ProfileDialog, practice: Practice, open_vault: Vault
) -> None:
    form = dialog.form
    qtbot.keyClicks(form.inputs["name"], "Zoe Nowak")
    assert form.training_start.optional_day() is None
    form.training_start.set_optional_day(date(2024, 6, 1))
    form.renewal_due_on.set_optional_day(date(2027, 6, 30))
    form.target.setCurrentIndex(form.target.findData(Credential.PCC.value))
    with qtbot.waitSignal(practice.changed, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with open_vault.session() as db:
        saved = profile.profile_fields(db)
    assert (saved.training_start, saved.renewal_due_on, saved.target_credential) == (
        date(2024, 6, 1),
        date(2027, 6, 30),
        Credential.PCC,
    )


def test_formats_and_language_offer_locales_in_their_own_words_and_are_saved(
    qtbot, dialog: ProfileDialog, practice: Practice, open_vault: Vault
) -> None:
    form = dialog.form
    names = [form.formats.itemText(i) for i in range(form.formats.count())]
    assert names[0].startswith("The system's (")
    assert {"Deutsch (Schweiz)", "français (France)", "English (United Kingdom)"} <= set(names)
    assert "español (España)" in names
    notes = [label.text() for label in dialog.findChildren(QLabel)]
    assert "Language changes apply after a restart." in notes
    qtbot.keyClicks(form.inputs["name"], "Zoe Nowak")
    form.formats.setCurrentIndex(form.formats.findData("de_CH"))
    with qtbot.waitSignal(practice.changed, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with open_vault.session() as db:
        assert profile.profile_fields(db).locale == "de_CH"


def test_a_locale_set_from_the_command_line_is_shown(
    qtbot, practice: Practice, open_vault: Vault
) -> None:
    with open_vault.session() as db, db.begin():
        data = profile.profile_fields(db)
        data.locale = "it_IT"
        profile.update_profile(db, data)
    opened = ProfileDialog(practice)
    qtbot.addWidget(opened)
    opened.show()
    qtbot.waitUntil(opened.form.isEnabled, timeout=WAIT_MS)
    assert opened.form.formats.currentData() == "it_IT"
    assert opened.form.formats.currentText() == "italiano (Italia)"
