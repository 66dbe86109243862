"""Page furniture and the document build: letterhead, running header, footer, paper size.

Page 1 carries the letterhead (logo or name on the left, the coach's block on the right); later
pages a slim running header. Every page ends with "date · CONFIDENTIAL · Page x of y": the total
page count needs the whole document, so pages are held back and numbered at save time
(``_numbered_canvas``). Every canvas call names the embedded family: no standard-14 font may
reach the PDF.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from reportlab.platypus.doctemplate import LayoutError

from coachdesk.documents.bidi import drawn
from coachdesk.documents.data import Letterhead
from coachdesk.documents.fonts import FontFamily, family
from coachdesk.documents.style import ACCENT, INK, MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, MUTED, RULE
from coachdesk.errors import InvalidInput
from coachdesk.formatting import format_date
from coachdesk.i18n import _, current_language


def page_size(name: str) -> tuple[float, float]:
    return LETTER if str(name).lower() == "letter" else A4


def _contact_lines(lh: Letterhead, with_name: bool) -> list[tuple[str, bool]]:
    lines: list[tuple[str, bool]] = []
    if with_name:
        lines.append((lh.coach_name, True))
        lines += [(t, False) for t in (lh.credentials, lh.business_name) if t]
    else:
        lines += [(t, False) for t in (lh.business_name,) if t]
    contact = " · ".join(t for t in (lh.email, lh.phone) if t)
    lines += [(t, False) for t in (contact, lh.website) if t]
    lines += [(t.strip(), False) for t in lh.postal_address.splitlines() if t.strip()]
    return lines


def _logo_reader(logo: bytes | None) -> Any:
    if not logo:
        return None
    from reportlab.lib.utils import ImageReader

    try:
        reader = ImageReader(io.BytesIO(logo))
        reader.getSize()
    except Exception:  # a damaged logo must never stop a document
        return None
    return reader


@dataclass(frozen=True)
class PageDecor:
    """What the page callbacks draw; built once per document."""

    letterhead: Letterhead | None
    doc_title: str
    doc_date: date
    fonts: FontFamily

    def letterhead_height(self) -> float:
        if self.letterhead is None:
            return 14 * mm
        logo = _logo_reader(self.letterhead.logo) is not None
        lines = len(_contact_lines(self.letterhead, with_name=logo))
        return max(lines * 10.5 + 4, 22 * mm if logo else 16 * mm) + 8 * mm

    def draw_first(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        width, height = doc.pagesize
        top = height - MARGIN_TOP
        canvas.saveState()
        lh = self.letterhead
        if lh is None:
            canvas.setFont(self.fonts.bold, 11)
            canvas.setFillColor(ACCENT)
            canvas.drawString(MARGIN_X, top - 11, "CoachDesk")
        else:
            reader = _logo_reader(lh.logo)
            if reader is not None:
                iw, ih = reader.getSize()
                scale = min(50 * mm / iw, 20 * mm / ih)
                w, h = iw * scale, ih * scale
                canvas.drawImage(reader, MARGIN_X, top - h, w, h, mask="auto")
            else:
                canvas.setFont(self.fonts.bold, 16)
                canvas.setFillColor(ACCENT)
                canvas.drawString(MARGIN_X, top - 16, drawn(lh.coach_name))
                if lh.credentials:
                    canvas.setFont(self.fonts.regular, 8.5)
                    canvas.setFillColor(MUTED)
                    canvas.drawString(MARGIN_X, top - 29, drawn(lh.credentials))
            y = top - 8
            for text, strong in _contact_lines(lh, with_name=reader is not None):
                canvas.setFont(
                    self.fonts.bold if strong else self.fonts.regular, 8.5 if strong else 8
                )
                canvas.setFillColor(INK if strong else MUTED)
                canvas.drawRightString(width - MARGIN_X, y, drawn(text))
                y -= 10.5
        rule_y = height - MARGIN_TOP - self.letterhead_height() + 4 * mm
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(1.2)
        canvas.line(MARGIN_X, rule_y, width - MARGIN_X, rule_y)
        canvas.restoreState()

    def draw_later(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        width, height = doc.pagesize
        y = height - MARGIN_TOP + 2 * mm
        canvas.saveState()
        canvas.setFont(self.fonts.regular, 7.5)
        canvas.setFillColor(MUTED)
        if self.letterhead is not None:
            who = " · ".join(
                t for t in (self.letterhead.coach_name, self.letterhead.business_name) if t
            )
            canvas.drawString(MARGIN_X, y, drawn(who))
        canvas.drawRightString(width - MARGIN_X, y, drawn(self.doc_title))
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, y - 2.5 * mm, width - MARGIN_X, y - 2.5 * mm)
        canvas.restoreState()

    def draw_footer(self, canvas: Canvas, page: int, total: int) -> None:
        width, _height = canvas._pagesize
        y = MARGIN_BOTTOM - 10 * mm
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, y + 4 * mm, width - MARGIN_X, y + 4 * mm)
        canvas.setFont(self.fonts.regular, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN_X, y, format_date(self.doc_date))
        canvas.drawRightString(
            width - MARGIN_X, y, _("Page {page} of {total}").format(page=page, total=total)
        )
        canvas.setFont(self.fonts.bold, 7.5)
        canvas.setFillColor(ACCENT)
        canvas.drawCentredString(width / 2, y, _("Confidential").upper())
        canvas.restoreState()


def _numbered_canvas(decor: PageDecor) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        """Holds pages back until save() so each footer can say "of y"."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            for state in self._held:
                self.__dict__.update(state)
                decor.draw_footer(self, self._pageNumber, total)
                super().showPage()
            super().save()

    return NumberedCanvas


# Told how far a layout has got, (flowables laid out, flowables in the story); it may raise
# ``Cancelled`` to stop. A context variable, so every document takes it without a parameter.
_progress: ContextVar[Callable[[int, int], None] | None] = ContextVar("pdf_progress", default=None)


@contextmanager
def reporting_to(progress: Callable[[int, int], None]) -> Iterator[None]:
    """Documents built inside report their layout to ``progress``, which may stop them by
    raising (the Cancel of a long document: 200,000 characters of notes take seconds)."""
    token = _progress.set(progress)
    try:
        yield
    finally:
        _progress.reset(token)


def build_pdf(
    story: list[Flowable],
    *,
    title: str,
    doc_date: date,
    letterhead: Letterhead | None,
    paper_size: str,
    author: str = "",
    subject: str = "",
    on_first: Callable[[Canvas, BaseDocTemplate], None] | None = None,
) -> bytes:
    """Lay ``story`` out on letterhead pages and return the PDF bytes."""
    fonts = family()
    decor = PageDecor(letterhead, title, doc_date, fonts)
    size = page_size(letterhead.paper_size if letterhead else paper_size)
    width, height = size
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf,
        pagesize=size,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        author=author,
        subject=subject,
        creator="CoachDesk",
        producer="CoachDesk",
        initialFontName=fonts.regular,
        lang=current_language() or "en",
    )
    frame_w = width - 2 * MARGIN_X
    first_h = height - MARGIN_TOP - MARGIN_BOTTOM - decor.letterhead_height()
    later_h = height - MARGIN_TOP - MARGIN_BOTTOM - 6 * mm

    def first(canvas: Canvas, d: BaseDocTemplate) -> None:
        decor.draw_first(canvas, d)
        if on_first is not None:
            on_first(canvas, d)

    doc.addPageTemplates(
        [
            PageTemplate(
                id="first",
                frames=[
                    Frame(
                        MARGIN_X,
                        MARGIN_BOTTOM,
                        frame_w,
                        first_h,
                        id="f1",
                        leftPadding=0,
                        rightPadding=0,
                    )
                ],
                onPage=first,
                autoNextPageTemplate="later",
            ),
            PageTemplate(
                id="later",
                frames=[
                    Frame(
                        MARGIN_X,
                        MARGIN_BOTTOM,
                        frame_w,
                        later_h,
                        id="f2",
                        leftPadding=0,
                        rightPadding=0,
                    )
                ],
                onPage=decor.draw_later,
            ),
        ]
    )
    progress = _progress.get()
    if progress is not None:
        laid_out = [0]
        total = len(story)

        def after(_flowable: Flowable) -> None:
            laid_out[0] += 1
            progress(min(laid_out[0], total), total)

        doc.afterFlowable = after
    try:
        doc.build(story, canvasmaker=_numbered_canvas(decor))
    except LayoutError:
        # ReportLab's message quotes the content that did not fit: never pass it on.
        raise InvalidInput(
            _("Part of this document is too long to fit on one page; shorten it and try again.")
        ) from None
    return buf.getvalue()
