"""A questionnaire as a fillable PDF: one AcroForm field per question, on the coach's letterhead.

Any PDF reader fills it in offline. Field names are stable (``q3_scale``; a multiple choice has
one checkbox per option, ``q4_multi_2``), so a returned form is read by name. A hidden read-only
field, and the document's keywords, carry ``IDENTITY_MARKER`` with the template id and version,
the client id and the form's random token: import tells a foreign PDF, another client's form and
another version apart with them. Form widgets are drawn in Helvetica: ReportLab's AcroForm
takes only the standard fonts, and the reader draws typed answers with its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from coachdesk.documents.data import Letterhead
from coachdesk.documents.fonts import family
from coachdesk.documents.pages import build_pdf
from coachdesk.documents.style import ACCENT, INK, MUTED, RULE, esc, paragraphs, styles
from coachdesk.i18n import _

IDENTITY_FIELD = "coachdesk_form"
IDENTITY_MARKER = "coachdesk-questionnaire/1"
SCALE_POINTS = tuple(str(n) for n in range(11))
FIELD_FONT = "Helvetica"
TEXT_HEIGHT = 7 * mm
LONG_HEIGHT = 30 * mm
BOX = 4.2 * mm


@dataclass(frozen=True)
class FormIdentity:
    """Who and what a form is for; written into the PDF, checked when it comes back."""

    template_id: int
    template_version: int
    client_id: int
    token: str

    def encode(self) -> str:
        return (
            f"{IDENTITY_MARKER};t={self.template_id};v={self.template_version};"
            f"c={self.client_id};k={self.token}"
        )

    @staticmethod
    def decode(text: str) -> FormIdentity | None:
        """The identity in ``text``, or None when it holds no marker of ours."""
        marker, _sep, rest = text.strip().partition(";")
        if marker != IDENTITY_MARKER:
            return None
        parts = dict(p.split("=", 1) for p in rest.split(";") if "=" in p)
        try:
            return FormIdentity(int(parts["t"]), int(parts["v"]), int(parts["c"]), parts["k"])
        except (KeyError, ValueError):
            return None


@dataclass(frozen=True)
class FormQuestion:
    """One question as printed; ``name`` is its field's (see ``field_names``)."""

    name: str
    kind: str  # a QuestionKind value
    label: str
    help: str = ""
    choices: tuple[str, ...] = ()
    required: bool = False


@dataclass(frozen=True)
class QuestionnaireData:
    title: str
    introduction: str
    client_name: str
    issued_on: date
    questions: tuple[FormQuestion, ...]
    identity: FormIdentity
    letterhead: Letterhead | None = None
    paper_size: str = "A4"


def choice_value(index: int) -> str:
    """A choice's export value: a PDF name, so never the option's own words."""
    return f"c{index + 1}"


def option_field(name: str, index: int) -> str:
    """The checkbox field of a multiple choice's option."""
    return f"{name}_{index + 1}"


class _Field(Flowable):
    """A question's label above its field(s); the widgets are placed where the label ends."""

    def __init__(self, question: FormQuestion) -> None:
        super().__init__()
        self.question = question
        st = styles()
        mark = f' <font color="{ACCENT.hexval()}">*</font>' if question.required else ""
        self.label = Paragraph(esc(question.label) + mark, st.h3)
        self.help = Paragraph(esc(question.help), st.small) if question.help else None
        self.avail = 0.0

    def _body_height(self) -> float:
        kind = self.question.kind
        if kind == "long_text":
            return LONG_HEIGHT
        if kind == "scale":
            return BOX + 5 * mm
        if kind in ("single_choice", "multiple_choice"):
            return len(self.question.choices) * (BOX + 2 * mm)
        return TEXT_HEIGHT

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.avail = avail_width
        self.label_h = self.label.wrap(self.avail, avail_height)[1]
        self.help_h = self.help.wrap(self.avail, avail_height)[1] if self.help else 0.0
        self.height = self.label_h + self.help_h + 2 * mm + self._body_height() + 5 * mm
        return self.avail, self.height

    def draw(self) -> None:
        canv, q = self.canv, self.question
        top = self.height
        self.label.drawOn(canv, 0, top - self.label_h)
        top -= self.label_h
        if self.help:
            self.help.drawOn(canv, 0, top - self.help_h)
            top -= self.help_h
        top -= 2 * mm
        form: Any = canv.acroForm
        common: dict[str, Any] = {
            "relative": True,
            "borderColor": RULE,
            "fillColor": None,
            "textColor": INK,
            "forceBorder": True,
        }
        flags = "required" if q.required else ""
        if q.kind in ("short_text", "date", "long_text"):
            height = LONG_HEIGHT if q.kind == "long_text" else TEXT_HEIGHT
            form.textfield(
                name=q.name,
                tooltip=q.label,
                x=0,
                y=top - height,
                width=self.avail,
                height=height,
                fontName=FIELD_FONT,
                fontSize=10,
                borderWidth=0.6,
                fieldFlags=(flags + " multiline").strip() if q.kind == "long_text" else flags,
                **common,
            )
        elif q.kind == "scale":
            step = self.avail / len(SCALE_POINTS)
            for i, point in enumerate(SCALE_POINTS):
                x = i * step + (step - BOX) / 2
                self._radio_button(form, q, point, (x, top - BOX), q.label, common=common)
                canv.setFont(family().regular, 7.5)
                canv.setFillColor(MUTED)
                canv.drawCentredString(x + BOX / 2, top - BOX - 3.5 * mm, point)
        elif q.kind == "yes_no":
            for i, (value, words) in enumerate((("yes", _("Yes")), ("no", _("No")))):
                x = i * 30 * mm
                self._radio_button(form, q, value, (x, top - BOX), q.label, common=common)
                self._option_text(words, x + BOX + 2 * mm, top - BOX)
        else:
            for i, option in enumerate(q.choices):
                y = top - (i + 1) * (BOX + 2 * mm) + 2 * mm
                if q.kind == "single_choice":
                    self._radio_button(form, q, choice_value(i), (0, y), option, common=common)
                else:
                    form.checkbox(
                        name=option_field(q.name, i),
                        tooltip=option,
                        x=0,
                        y=y,
                        size=BOX,
                        buttonStyle="check",
                        borderWidth=0.6,
                        **common,
                    )
                self._option_text(option, BOX + 2 * mm, y)

    @staticmethod
    def _radio_button(
        form: Any,
        q: FormQuestion,
        value: str,
        at: tuple[float, float],
        tooltip: str,
        *,
        common: dict[str, Any],
    ) -> None:
        form.radio(
            name=q.name,
            value=value,
            tooltip=tooltip,
            x=at[0],
            y=at[1],
            size=BOX,
            buttonStyle="circle",
            shape="circle",
            borderWidth=0.6,
            fieldFlags=("noToggleToOff radio " + ("required" if q.required else "")).strip(),
            **common,
        )

    def _option_text(self, text: str, x: float, y: float) -> None:
        self.canv.setFont(family().regular, 9.5)
        self.canv.setFillColor(INK)
        self.canv.drawString(x, y + 1, text)


def _identity_field(data: QuestionnaireData) -> Any:
    def draw(canvas: Any, _doc: Any) -> None:
        canvas.acroForm.textfield(
            name=IDENTITY_FIELD,
            value=data.identity.encode(),
            x=0,
            y=0,
            width=1,
            height=1,
            fieldFlags="readOnly",
            annotationFlags="hidden",
            fontName=FIELD_FONT,
            borderWidth=0,
        )

    return draw


def render_questionnaire(data: QuestionnaireData) -> bytes:
    """The fillable PDF's bytes."""
    st = styles()
    story: list[Flowable] = [Paragraph(esc(data.title), st.title)]
    story.append(Paragraph(esc(_("For {name}").format(name=data.client_name)), st.subtitle))
    if data.introduction.strip():
        story += paragraphs(data.introduction, st.body)
    if any(q.required for q in data.questions):
        story.append(Paragraph(esc(_("Questions marked * need an answer.")), st.small))
    story.append(Spacer(0, 4 * mm))
    story += [_Field(q) for q in data.questions]
    return build_pdf(
        story,
        title=data.title,
        doc_date=data.issued_on,
        letterhead=data.letterhead,
        paper_size=data.paper_size,
        author=data.letterhead.coach_name if data.letterhead else "",
        subject=data.identity.encode(),
        on_first=_identity_field(data),
    )
