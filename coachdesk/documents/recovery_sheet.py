"""The printable recovery key, offered once when a vault is created.

The key is the only way back into a vault whose passphrase is forgotten, so the sheet shows it
large, in a monospaced face, in groups that are easy to copy by hand, with plain instructions.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, KeepTogether, Paragraph, Spacer, Table

from coachdesk.documents.data import RecoverySheetData
from coachdesk.documents.pages import build_pdf, page_size
from coachdesk.documents.style import (
    ACCENT,
    INK,
    MARGIN_X,
    PANEL,
    esc,
    para,
    section,
    styles,
    table_style,
)
from coachdesk.formatting import format_date
from coachdesk.i18n import _

GROUPS_PER_LINE = 4


def key_lines(recovery_key: str) -> list[str]:
    """``"ABCD-EFGH-..."`` -> lines of four dash-separated groups."""
    groups = [g for g in recovery_key.replace(" ", "-").split("-") if g]
    return [
        " - ".join(groups[i : i + GROUPS_PER_LINE]) for i in range(0, len(groups), GROUPS_PER_LINE)
    ]


def _key_box(data: RecoverySheetData, width: float) -> Flowable:
    st = styles()
    lines = "<br/>".join(esc(line) for line in key_lines(data.recovery_key))
    box = Table(
        [[para(_("Recovery key"), st.label)], [Paragraph(lines, st.key)]],
        colWidths=[width],
        hAlign="LEFT",
    )
    box.setStyle(
        table_style(
            ("BACKGROUND", (0, 0), (-1, -1), PANEL),
            ("BOX", (0, 0), (-1, -1), 1.2, ACCENT),
            ("LEFTPADDING", (0, 0), (-1, -1), 12),
            ("RIGHTPADDING", (0, 0), (-1, -1), 12),
            ("TOPPADDING", (0, 0), (-1, 0), 9),
            ("BOTTOMPADDING", (0, -1), (-1, -1), 14),
        )
    )
    return box


def _details(data: RecoverySheetData, width: float) -> Flowable:
    st = styles()
    rows = [
        [para(_("Vault"), st.label), para(data.vault_name, st.cell)],
        [para(_("Vault ID"), st.label), para(data.vault_id, st.cell)],
        [para(_("Created"), st.label), para(format_date(data.created_on), st.cell)],
    ]
    table = Table(rows, colWidths=[30 * mm, width - 30 * mm], hAlign="LEFT")
    table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        )
    )
    return table


def _numbered(items: list[str]) -> list[Flowable]:
    st = styles()
    return [
        Paragraph(esc(text), st.bullet, bulletText=f"{n}.") for n, text in enumerate(items, start=1)
    ]


def render_recovery_sheet(data: RecoverySheetData) -> bytes:
    """The recovery sheet as PDF bytes."""
    st = styles()
    width = page_size(data.paper_size)[0] - 2 * MARGIN_X
    intro = _(
        "This key opens your CoachDesk vault if you forget your passphrase. It is shown only "
        "once and CoachDesk does not keep a copy: without the passphrase or this key, nobody, "
        "including CoachDesk, can recover your records."
    )
    story: list[Flowable] = [
        para(_("Vault recovery key"), st.title),
        para(data.vault_name, st.subtitle),
        para(intro, st.body),
        Spacer(1, 4),
        _key_box(data, width),
        Spacer(1, 8),
        _details(data, width),
    ]
    story += section(
        _("If you forget your passphrase"),
        _numbered(
            [
                _("Open CoachDesk and choose this vault."),
                _('On the unlock screen, choose "Use recovery key instead".'),
                _("Type the key above. Capitals, spaces and dashes do not matter."),
                _("Choose a new passphrase. Your records are unchanged."),
            ]
        ),
    )
    story += section(
        _("Keep this sheet safe"),
        [
            Paragraph(esc(text), st.bullet, bulletText="•")
            for text in (
                _("Store it away from your computer, for example in a locked drawer or a safe."),
                _("Anyone with this key and a copy of your vault can read your client records."),
                _("Do not keep a photo or scan of it on the computer that holds the vault."),
            )
        ],
    )
    line = HRFlowable(width="100%", thickness=0.6, color=INK, spaceBefore=28, spaceAfter=2)
    story.append(KeepTogether([line, para(_("Where I keep this sheet"), st.label)]))
    return build_pdf(
        story,
        title=_("Vault recovery key – {vault}").format(vault=data.vault_name),
        doc_date=data.created_on,
        letterhead=None,
        paper_size=data.paper_size,
        author="CoachDesk",
    )
