"""The subject access pack: a letter to the client saying what is enclosed, why the data is
held, how long and what their rights are, then everything held about them, section by section.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table

from coachdesk.documents import templates
from coachdesk.documents.access_pack_data import AccessPackData, PackEntry, PackSection
from coachdesk.documents.pages import build_pdf, page_size
from coachdesk.documents.style import MARGIN_X, RULE, esc, para, paragraphs, styles, table_style
from coachdesk.formatting import format_date
from coachdesk.i18n import _, ngettext


def _bullets(items: list[str]) -> list[Flowable]:
    st = styles()
    return [
        Paragraph(esc(item), st.bullet_last if n == len(items) - 1 else st.bullet, bulletText="•")
        for n, item in enumerate(items)
    ]


def _private_notes_sentence(data: AccessPackData) -> str:
    n = data.private_note_count
    if n == 0:
        return _("I keep no private working notes about you.")
    if data.private_notes_included:
        return ngettext(
            "My private working notes of {n} session are included in this pack.",
            "My private working notes of {n} sessions are included in this pack.",
            n,
        ).format(n=n)
    return ngettext(
        "I also keep private working notes of {n} session, for my own reflection as your "
        "coach; they are not included in this pack. Ask me if you want them too.",
        "I also keep private working notes of {n} sessions, for my own reflection as your "
        "coach; they are not included in this pack. Ask me if you want them too.",
        n,
    ).format(n=n)


def _letter(data: AccessPackData) -> list[Flowable]:
    st = styles()
    story: list[Flowable] = []
    recipient = "\n".join(line for line in (data.client_name, data.client_address) if line)
    story += [para(recipient, st.body), para(format_date(data.letter_date), st.small)]
    story += [Spacer(1, 6 * mm), para(_("Your personal data"), st.title), Spacer(1, 4 * mm)]
    story.append(para(_("Dear {name},").format(name=data.client_name), st.body))
    if data.received_on is not None:
        opening = _(
            "You asked on {date} for a copy of the personal data I hold about you. This pack "
            "answers your request under Article 15 of the GDPR."
        ).format(date=format_date(data.received_on))
    else:
        opening = _(
            "This pack holds a copy of the personal data I hold about you, as Article 15 of "
            "the GDPR entitles you to."
        )
    story.append(para(opening, st.body))
    story.append(para(_("What is enclosed"), st.h3))
    enclosed = [section.title for section in data.sections if section.entries]
    enclosed.append(
        _("The same data in a machine-readable form: the JSON and CSV files in this archive.")
    )
    story += _bullets(enclosed)
    story.append(para(_private_notes_sentence(data), st.body))
    story.append(para(_("What the data is used for"), st.h3))
    story.append(
        para(
            _(
                "I use it to coach you: to prepare and follow up our sessions, to keep to our "
                "agreement, to invoice, and to log coaching hours for my professional "
                "credential, where you are named only if you agreed to it. I share none of it "
                "with anyone else unless our agreement says so."
            ),
            st.body,
        )
    )
    story.append(para(_("How long it is kept"), st.h3))
    story.append(
        para(
            ngettext(
                "I keep your records for {n} year after our last engagement ends. Then I "
                "either erase them or anonymise them, keeping only the dates and hours of "
                "sessions, without anything that identifies you. Invoices are kept as long as "
                "tax law requires.",
                "I keep your records for {n} years after our last engagement ends. Then I "
                "either erase them or anonymise them, keeping only the dates and hours of "
                "sessions, without anything that identifies you. Invoices are kept as long as "
                "tax law requires.",
                data.retention_years,
            ).format(n=data.retention_years),
            st.body,
        )
    )
    story.append(para(_("Your rights"), st.h3))
    story += _bullets(
        [
            _("You may ask me to correct anything that is wrong or incomplete."),
            _("You may ask me to erase your data, or to stop or restrict using it."),
            _("You may take this data to someone else: the enclosed files are for that."),
            _("You may complain to your data protection authority."),
        ]
    )
    story.append(para(_("Yours sincerely,"), st.body))
    story.append(para(data.letterhead.coach_name, st.body))
    return story


def _facts(entry: PackEntry, width: float) -> list[Flowable]:
    st = styles()
    rows = [[para(label, st.label), para(value, st.cell)] for label, value in entry.facts if value]
    if not rows:
        return []
    table = Table(rows, colWidths=[38 * mm, width - 38 * mm], hAlign="LEFT")
    table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("LINEBELOW", (0, -1), (-1, -1), 0.3, RULE),
        )
    )
    return [table]


def _agreement_text(text: str) -> list[Flowable]:
    """An agreement's markup one level down from the pack's own headings: its title and
    headings as subheadings, bullets as bullets, signature lines as plain lines."""
    st = styles()
    blocks = templates.parse(text)
    story: list[Flowable] = []
    for i, block in enumerate(blocks):
        if block.kind in ("title", "heading"):
            story.append(para(block.text, st.h3))
        elif block.kind == "bullet":
            last = i + 1 >= len(blocks) or blocks[i + 1].kind != "bullet"
            bullet = st.bullet_last if last else st.bullet
            story.append(Paragraph(esc(block.text), bullet, bulletText="•"))
        elif block.kind == "sign":
            role, _bar, name = block.text.partition("|")
            story.append(para(f"{role.strip()}: {name.strip()}", st.body))
        else:
            story.append(para(block.text, st.body))
    return story


def _section(section: PackSection, width: float) -> list[Flowable]:
    st = styles()
    title = para(section.title, st.h2)
    if not section.entries:
        return [KeepTogether([title, para(section.empty or _("Nothing is held."), st.small)])]
    story: list[Flowable] = []
    for n, entry in enumerate(section.entries):
        head: list[Flowable] = [para(entry.heading, st.h3), *_facts(entry, width)]
        # The section's title goes with its first entry's facts, never alone at a page's foot.
        story += [KeepTogether([title, *head] if n == 0 else head), Spacer(1, 2 * mm)]
        story += _agreement_text(entry.text) if entry.markup else paragraphs(entry.text)
    return story


def render_access_pack(data: AccessPackData) -> bytes:
    """The access pack as PDF bytes: the letter on page one, the record from page two."""
    st = styles()
    width = page_size(data.letterhead.paper_size)[0] - 2 * MARGIN_X
    story = _letter(data)
    story += [
        PageBreak(),
        para(_("Your record"), st.title),
        para(_("Everything held about {name}.").format(name=data.client_name), st.subtitle),
    ]
    for section in data.sections:
        story += _section(section, width)
    return build_pdf(
        story,
        title=_("Your personal data – {client}").format(client=data.client_name),
        doc_date=data.letter_date,
        letterhead=data.letterhead,
        paper_size=data.letterhead.paper_size,
        author=data.letterhead.coach_name,
    )
