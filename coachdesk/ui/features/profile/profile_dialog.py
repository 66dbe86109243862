"""Edit › Your profile…: the letterhead and practice defaults, checked as the coach types.

Saving goes through the service (one transaction for the fields and the logo); its field
messages come back under the fields and nothing typed is lost.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialogButtonBox, QVBoxLayout, QWidget
from shiboken6 import isValid

from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.services.people import profile
from coachdesk.services.people.profile import ProfileFields
from coachdesk.ui.features.profile.profile_form import ProfileForm
from coachdesk.ui.kit import look
from coachdesk.ui.kit import practice as kinds
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.form_dialog import FormDialog
from coachdesk.ui.kit.local_defaults import local_defaults
from coachdesk.ui.kit.practice import Practice

Loaded = tuple[ProfileFields, bytes | None, str]


def load_profile(db: Any) -> Loaded:
    """The saved profile and logo, or this computer's defaults before the first save."""
    fields = profile.profile_fields(db) if profile.profile_saved(db) else local_defaults()
    logo, mime = profile.profile_logo(db)
    return fields, logo, mime


def save_profile(form: ProfileForm) -> Any:
    """The write for ``practice.write``: the fields, then the logo if it was changed."""
    data = form.fields()
    logo = (form.logo.data, form.logo.mime) if form.logo_changed() else None

    def work(db: Any) -> None:
        profile.update_profile(db, data)
        if logo is not None:
            profile.set_logo(db, logo[0], logo[1])

    return work


class ProfileDialog(FormDialog):
    """The coach's profile; ``saved`` once it is stored."""

    saved = Signal()

    def __init__(self, practice: Practice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.practice = practice
        self.setWindowTitle(_("Your profile"))
        self.form = ProfileForm(self)
        self.form.edited.connect(self._edited)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(look.SPACING)
        layout.addWidget(
            look.note(
                _(
                    "Your name, business and logo head every agreement and report; the "
                    "defaults fill in each new engagement."
                )
            )
        )
        layout.addWidget(self.form, 1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(880)
        self.form.setEnabled(False)
        self.save_button.setEnabled(False)
        practice.read(load_profile, self._loaded, self._load_failed, parent=self)

    def _loaded(self, loaded: Loaded) -> None:
        if not isValid(self):
            return
        self.form.show_fields(*loaded)
        self.form.setEnabled(True)
        self._dirty = False
        self._update()
        self.form.focus_first()

    def _load_failed(self, exc: BaseException) -> None:
        if isValid(self):
            show_error(self.parentWidget(), exc)
            super().reject()

    def _edited(self) -> None:
        self._dirty = True
        self._update()

    def _update(self) -> None:
        ready = self.form.isEnabled() and not self.saving and not self.form.problems()
        self.save_button.setEnabled(ready)

    def submit(self) -> None:
        if self.saving or self.form.problems():
            return
        self.saving = True
        self.form.setEnabled(False)
        self._update()
        self.practice.write(
            save_profile(self.form), self._done, self._failed, changes=kinds.PROFILE, parent=self
        )

    def _done(self, _result: None) -> None:
        if not isValid(self):
            return
        self.saving = False
        self._dirty = False
        self.practice.load_zone()
        self.saved.emit()
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self.saving = False
        self.form.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.form.show_all_problems(exc.fields)
        else:
            show_error(self, exc)
        self._update()

    # -- closing --------------------------------------------------------------------------
    def discard_question(self) -> str:
        return _("You have changed your profile and not saved it yet.")

    def wipe(self) -> None:
        self.form.show_fields(ProfileFields())
