"""Agreement templates: editable text with named placeholders, and a light markup.

Placeholders
    ``{{ client_name }}`` is replaced by its value (spaces inside the braces are optional). Only
    the names in ``PLACEHOLDERS`` exist; a template naming any other is refused, naming it.

Conditional blocks
    ``{{#sponsor_name}} ... {{/sponsor_name}}`` keeps its content only when that value is not
    empty; ``{{^sponsor_name}} ... {{/sponsor_name}}`` only when it is empty. Blocks may span lines
    and nest. A line holding nothing but a block tag disappears with its line break. This is how
    the sponsor paragraph and the sponsor's signature block appear only when there is a sponsor.

Markup (interpreted after the placeholders are filled)
    ``# Title`` document title, ``## Heading`` section heading, ``- item`` bullet,
    ``@sign Role | Name`` a signature block with signature and date lines, a blank line ends a
    paragraph, ``%%`` starts a comment line that is dropped. Everything else is literal text: ``<``
    and ``&`` print as typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coachdesk.documents import clause_headings
from coachdesk.documents.shipped_templates import language_code
from coachdesk.errors import ValidationError
from coachdesk.i18n import N_, _

PLACEHOLDERS: dict[str, str] = {
    "client_name": N_("The client's full name"),
    "client_email": N_("The client's email address"),
    "client_organisation": N_("The client's organisation, if any"),
    "coach_name": N_("Your name as it appears on the agreement"),
    "coach_business": N_("Your business name"),
    "coach_credentials": N_("Your credentials, e.g. ICF PCC"),
    "coach_email": N_("Your email address"),
    "coach_phone": N_("Your phone number"),
    "coach_address": N_("Your postal address"),
    "sponsor_name": N_("The sponsoring organisation (empty when there is none)"),
    "sponsor_contact": N_("The sponsor's contact person"),
    "engagement_kind": N_("coaching or mentoring"),
    "engagement_title": N_("The title of the engagement"),
    "start_date": N_("The first day of the engagement"),
    "end_date": N_("The planned last day of the engagement"),
    "cadence": N_("How often sessions take place"),
    "session_minutes": N_("The length of a session in minutes"),
    "planned_sessions": N_("The number of sessions planned"),
    "session_mode": N_("How sessions are held (video call, phone, in person)"),
    "session_location": N_("Where sessions are held, or the video link policy"),
    "fee_model": N_("Per session, package, monthly retainer or pro bono"),
    "fee": N_("The fee with its currency, e.g. €1,200.00"),
    "currency": N_("The ISO currency code, e.g. EUR"),
    "payment_terms": N_("When and how invoices are paid"),
    "cancellation_notice_hours": N_("Hours of notice needed to move a session without charge"),
    "late_cancel_rule": N_("What happens when a session is cancelled late or missed"),
    "communication": N_("Contact between sessions"),
    "confidentiality_notes": N_("Anything added to the standard confidentiality terms"),
    "sponsor_sharing": N_("What is reported to the sponsor"),
    "records_retention": N_("How long records are kept"),
    "goals": N_("The engagement's goals, one bullet each"),
    "agreement_date": N_("The date of the agreement"),
    "version": N_("The version number of the agreement"),
}

_TAG = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
_NAME = re.compile(r"^\s*([#^/]?)\s*([A-Za-z_][A-Za-z0-9_]*)\s*$")
_STANDALONE = re.compile(r"^[ \t]*(\{\{\s*[#^/]\s*\w+\s*\}\})[ \t]*\r?\n", re.MULTILINE)
_BLOCK = re.compile(r"\{\{\s*([#^])\s*(\w+)\s*\}\}(.*?)\{\{\s*/\s*\2\s*\}\}", re.DOTALL)
_VALUE = re.compile(r"\{\{\s*(\w+)\s*\}\}")


def placeholder_descriptions() -> list[tuple[str, str]]:
    """(name, translated description) for the template editor's list."""
    return [(name, _(text)) for name, text in PLACEHOLDERS.items()]


def strip_comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("%%"))


def unknown_placeholders(text: str) -> list[str]:
    """Names used in ``text`` that are not placeholders (in order of first use, once each)."""
    unknown: list[str] = []
    for match in _TAG.finditer(strip_comments(text)):
        found = _NAME.match(match.group(1))
        name = found.group(2) if found else match.group(1).strip()
        if name not in PLACEHOLDERS and name not in unknown:
            unknown.append(name)
    return unknown


def check_template(text: str) -> None:
    """Refuse a template with unknown placeholders or unclosed blocks, naming each problem."""
    problems = [
        _("Unknown placeholder {{{{ {name} }}}}.").format(name=name)
        for name in unknown_placeholders(text)
    ]
    body = _STANDALONE.sub(r"\1", strip_comments(text))
    while True:
        reduced = _BLOCK.sub("", body)
        if reduced == body:
            break
        body = reduced
    for match in re.finditer(r"\{\{\s*([#^/])\s*(\w+)\s*\}\}", body):
        problems.append(
            _("The block {{{{{mark}{name}}}}} is not opened and closed in pairs.").format(
                mark=match.group(1), name=match.group(2)
            )
        )
    if problems:
        raise ValidationError({"template": " ".join(problems)})


def render(template_text: str, values: dict[str, str]) -> str:
    """Fill the template's placeholders and blocks; the result is still markup text."""
    check_template(template_text)
    filled = {name: str(values.get(name, "") or "") for name in PLACEHOLDERS}
    body = _STANDALONE.sub(r"\1", strip_comments(template_text))

    def block(match: re.Match[str]) -> str:
        mark, name, inner = match.groups()
        keep = bool(filled[name].strip()) == (mark == "#")
        return _BLOCK.sub(block, inner) if keep else ""

    body = _BLOCK.sub(block, body)
    body = _VALUE.sub(lambda m: filled[m.group(1)], body)
    return re.sub(r"\n{3,}", "\n\n", body).strip() + "\n"


@dataclass(frozen=True)
class Block:
    """One piece of rendered markup: kind is title, heading, bullet, sign or para."""

    kind: str
    text: str


def parse(text: str) -> list[Block]:
    """Rendered template text -> blocks, paragraphs joined across single line breaks."""
    blocks: list[Block] = []
    lines: list[str] = []

    def flush() -> None:
        if lines:
            blocks.append(Block("para", "\n".join(lines)))
            lines.clear()

    for raw in strip_comments(text).splitlines():
        line = raw.rstrip()
        markers = (("# ", "title"), ("## ", "heading"), ("- ", "bullet"), ("@sign ", "sign"))
        kind = next((k for m, k in markers if line.startswith(m)), None)
        if kind is not None:
            flush()
            blocks.append(Block(kind, line.split(" ", 1)[1].strip()))
        elif not line.strip():
            flush()
        else:
            lines.append(line)
    flush()
    return blocks


def clause_check(
    text: str, *, sponsored: bool = False, language: str | None = None
) -> list[tuple[str, bool]]:
    """ICF-recommended sections -> whether a ``##`` heading in ``text`` covers each.

    Headings are matched by keywords that must start a word (so "nature" is not found in
    "Signatures"), ignoring case and accents; block tags are ignored, so a raw template and a
    rendered agreement both work. The keywords are those of ``language`` when one is shipped,
    else of the language whose keywords find the most sections (English on a tie), so a German
    heading counts in a German template. Sponsor reporting is listed only when ``sponsored``.
    """
    bare = _TAG.sub("", strip_comments(text))
    headings = [clause_headings.plain(b.text) for b in parse(bare) if b.kind == "heading"]
    found = _covered(_keyword_table(headings, language), headings)
    return [
        (label(), key in found)
        for key, label in clause_headings.CLAUSES
        if sponsored or key != "sponsor"
    ]


def _keyword_table(headings: list[str], language: str | None) -> dict[str, tuple[str, ...]]:
    code = language_code(language) if language else ""
    if code in clause_headings.KEYWORDS:
        return clause_headings.KEYWORDS[code]
    return max(clause_headings.KEYWORDS.values(), key=lambda table: len(_covered(table, headings)))


def _covered(table: dict[str, tuple[str, ...]], headings: list[str]) -> set[str]:
    """The clause keys that some heading covers with one of ``table``'s keywords."""
    return {
        key
        for key, keywords in table.items()
        if any(_starts_a_word(k, h) for h in headings for k in keywords)
    }


def _starts_a_word(keyword: str, heading: str) -> bool:
    return re.search(r"\b" + re.escape(keyword), heading) is not None
