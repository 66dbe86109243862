"""Where the coach stands: the figures of ``icf summary``, a bar per credential with what it
still needs (the target credential highlighted), and the renewal cycle's CCE and mentor
coaching in words."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from coachdesk.formatting import format_date
from coachdesk.i18n import _, ngettext
from coachdesk.model import Credential
from coachdesk.services.credentials.thresholds import REQUIREMENTS, Standing, still_needed
from coachdesk.ui.features.credentials.overview import CredentialOverview
from coachdesk.ui.kit import look

FIGURES = ("total", "paid", "pro_bono", "clients", "recent")
TARGET_STYLE = "QFrame#target { border: 2px solid palette(highlight); border-radius: 6px; }"


class StandingPanel(QWidget):
    """``figures[name]``, ``bars[credential]`` and ``needs[credential]`` are the shown values."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figures: dict[str, QLabel] = {}
        self.bars: dict[Credential, QProgressBar] = {}
        self.needs: dict[Credential, QLabel] = {}
        self.frames: dict[Credential, QFrame] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(look.SPACING * 2)
        titles = (
            _("Total hours"),
            _("Paid hours"),
            _("Pro bono hours"),
            _("Clients counted"),
            _("Last 18 months"),
        )
        for column, (name, title) in enumerate(zip(FIGURES, titles, strict=True)):
            value = look.heading("–", scale=1.6)
            value.setObjectName(name)
            self.figures[name] = value
            grid.addWidget(value, 0, column)
            grid.addWidget(look.note(title), 1, column)
        self.since = look.note("")
        bars = QGridLayout()
        bars.setHorizontalSpacing(look.SPACING)
        for column, requirement in enumerate(REQUIREMENTS):
            bars.addWidget(self._credential_box(requirement.credential), 0, column)
        self.cce = QLabel()
        self.cce.setWordWrap(True)
        self.mentoring = QLabel()
        self.mentoring.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(look.SPACING - 4)
        layout.addLayout(grid)
        layout.addWidget(self.since)
        layout.addLayout(bars)
        layout.addWidget(self.cce)
        layout.addWidget(self.mentoring)

    def _credential_box(self, credential: Credential) -> QFrame:
        frame = QFrame()
        frame.setStyleSheet(TARGET_STYLE)
        self.frames[credential] = frame
        bar = QProgressBar()
        bar.setObjectName(f"{credential.value}_bar")
        bar.setTextVisible(True)
        self.bars[credential] = bar
        need = look.note("")
        self.needs[credential] = need
        box = QVBoxLayout(frame)
        box.addWidget(QLabel(f"<b>{credential.value.upper()}</b>"))
        box.addWidget(bar)
        box.addWidget(need)
        return frame

    def show_overview(self, view: CredentialOverview) -> None:
        s = view.summary
        values = (s.total_hours, s.paid_hours, s.pro_bono_hours, s.clients, s.recent_hours)
        for name, value in zip(FIGURES, values, strict=True):
            self.figures[name].setText(str(value))
        started = (
            _("Hours count from the start of your training, {day}.").format(
                day=format_date(s.training_start)
            )
            if s.training_start
            else _("Set the date your coach training started in Profile: hours count from it.")
        )
        left_off = (
            " "
            + ngettext(
                "{n} client is left off the log: they have not consented to be listed.",
                "{n} clients are left off the log: they have not consented to be listed.",
                s.left_off,
            ).format(n=s.left_off)
            if s.left_off
            else ""
        )
        self.since.setText(started + left_off)
        hours = {r.credential: r.hours for r in REQUIREMENTS}
        for standing in s.credentials:
            self._show_standing(standing, hours[standing.credential], view.target)
        self.cce.setText(cce_words(view))
        self.mentoring.setText(mentoring_words(view))

    def _show_standing(self, standing: Standing, required: int, target: Credential | None) -> None:
        credential = standing.credential
        bar, done = self.bars[credential], required * 100 - int(standing.missing.hours * 100)
        bar.setRange(0, required * 100)
        bar.setValue(done)
        bar.setFormat(_("{done} of {needed} h").format(done=f"{done / 100:.2f}", needed=required))
        self.needs[credential].setText(
            _("Met.")
            if standing.met
            else _("Still needed: {what}.").format(what=still_needed(standing))
        )
        frame = self.frames[credential]
        frame.setObjectName("target" if credential == target else "")
        frame.setToolTip(_("Your target credential") if credential == target else "")
        frame.setStyleSheet(TARGET_STYLE)  # the object name changed: match the rule again


def cce_words(view: CredentialOverview) -> str:
    c = view.cce_status
    due = (
        _("Renewal due {day}.").format(day=format_date(c.renewal_due_on))
        if c.renewal_due_on
        else _("No renewal date set (Profile).")
    )
    if c.met:
        still = _("CCE complete for this cycle.")
    else:
        still = _(
            "CCE still needed: {units} units ({core} Core Competencies, {ethics} ethics)."
        ).format(units=c.units_needed, core=c.core_needed, ethics=c.ethics_needed)
    earned = _("{units} CCE units since {day}.").format(
        units=c.units, day=format_date(c.cycle_start)
    )
    return f"{due} {earned} {still}"


def mentoring_words(view: CredentialOverview) -> str:
    m = view.mentoring_progress
    counted = _("Mentor coaching: {h} hours count.").format(h=m.counted_hours)
    if m.met:
        return counted + " " + _("The requirement is met.")
    return counted + " " + _("Still needed: {what}.").format(what="; ".join(m.missing))
