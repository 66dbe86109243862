"""The shipped agreement templates in every language, and the ICF clause check in each."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from coachdesk.documents import templates
from coachdesk.documents.agreement import render_agreement
from coachdesk.documents.agreement_text import default_template
from coachdesk.documents.clause_headings import CLAUSES
from coachdesk.documents.shipped_templates import (
    AGREEMENTS_DIR,
    default_template_text,
    language_code,
    shipped_languages,
)
from tests.documents import samples
from tests.documents.pdfcheck import reader, text

LANGUAGES = ["en", "de", "es", "fr"]
TRANSLATED = ["de", "es", "fr"]
KINDS = ["coaching", "mentoring"]
EVERY = [(kind, lang) for kind in KINDS for lang in LANGUAGES]
LABELS = [label() for _key, label in CLAUSES]

# The headings a coach reading each language's coaching agreement must find printed.
PRINTED = {
    "en": ["Coaching agreement", "The parties", "Confidentiality and its limits", "Signatures"],
    "de": [
        "Coaching-Vereinbarung",
        "Die Vertragsparteien",
        "Was Coaching ist – und was nicht",
        "Vertraulichkeit und ihre Grenzen",
        "Berichte an den Auftraggeber",
        "Beendigung der Zusammenarbeit",
        "Unterschriften",
    ],
    "fr": [
        "Contrat de coaching",
        "Ce qu’est le coaching, et ce qu’il n’est pas",
        "Rôles et responsabilités",
        "Confidentialité et ses limites",
        "Compte rendu au commanditaire",
        "Fin de l’accompagnement",
        "Signatures",
    ],
    "es": [
        "Acuerdo de coaching",
        "Qué es el coaching y qué no es",
        "Cancelación y cambio de fecha",
        "Confidencialidad y sus límites",
        "Información al patrocinador",
        "Comunicación entre sesiones",
        "Firmas",
    ],
}


def tags(text: str) -> Counter[str]:
    """Every placeholder and block tag outside comments, spacing inside the braces aside."""
    body = templates.strip_comments(text)
    return Counter(re.sub(r"\s+", "", tag) for tag in re.findall(r"\{\{.*?\}\}", body))


def headings(text: str) -> list[str]:
    return re.findall(r"^## .*$", text, flags=re.MULTILINE)


def test_the_shipped_languages_are_listed_english_first() -> None:
    assert shipped_languages() == LANGUAGES


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("lang", TRANSLATED)
def test_a_translation_has_the_english_placeholders_sections_and_comments(
    kind: str, lang: str
) -> None:
    english, translated = default_template_text(kind), default_template_text(kind, lang)
    assert translated != english
    templates.check_template(translated)
    assert tags(translated) == tags(english)
    assert len(headings(translated)) == len(headings(english)) == len(LABELS)
    comments = [line for line in translated.splitlines() if line.startswith("%%")]
    assert len(comments) == len([line for line in english.splitlines() if line.startswith("%%")])
    assert translated.splitlines()[len(comments)].startswith("# ")


@pytest.mark.parametrize(
    ("asked", "shipped"),
    [
        ("", "en"),
        ("en", "en"),
        ("de", "de"),
        ("de_DE", "de"),
        ("DE-at", "de"),
        ("fr_CA.UTF-8", "fr"),
        ("es", "es"),
        ("it", "en"),
        ("../../secret", "en"),
    ],
)
def test_the_template_follows_the_language_and_falls_back_to_english(
    asked: str, shipped: str
) -> None:
    for kind in KINDS:
        name = f"{kind}_default.txt" if shipped == "en" else f"{kind}_default.{shipped}.txt"
        expected = (AGREEMENTS_DIR / name).read_text(encoding="utf-8")
        assert default_template_text(kind, asked) == expected
        assert default_template(kind, asked) == expected


def test_english_stays_the_default_and_other_kinds_get_coaching() -> None:
    coaching = (AGREEMENTS_DIR / "coaching_default.txt").read_text(encoding="utf-8")
    assert default_template() == coaching
    assert default_template_text("team", "de") == default_template_text("coaching", "de")
    assert language_code("pt_BR") == "pt"
    assert language_code("C") == "en"


@pytest.mark.parametrize(("kind", "lang"), EVERY)
@pytest.mark.parametrize("sponsored", [True, False])
def test_every_template_covers_every_clause(kind: str, lang: str, sponsored: bool) -> None:
    text = default_template_text(kind, lang)
    for language in (lang, None):
        checks = templates.clause_check(text, sponsored=sponsored, language=language)
        expected = [label for label in LABELS if sponsored or label != "Reporting to the sponsor"]
        assert [name for name, _present in checks] == expected
        assert all(present for _name, present in checks), (language, checks)


@pytest.mark.parametrize(("kind", "lang"), EVERY)
def test_each_clause_is_missing_exactly_when_its_heading_is_removed(kind: str, lang: str) -> None:
    text = default_template_text(kind, lang)
    for language in (lang, None):
        for heading, label in zip(headings(text), LABELS, strict=True):
            without = text.replace(heading + "\n", "", 1)
            checks = templates.clause_check(without, sponsored=True, language=language)
            missing = [name for name, present in checks if not present]
            assert missing == [label], (language, heading)


@pytest.mark.parametrize(
    ("lang", "heading"),
    [
        ("de", "## VERTRAULICHKEIT"),
        ("de", "## Schweigepflicht und Vertraulichkeit"),
        ("fr", "## Confidentialite"),
        ("fr", "## CONFIDENTIALITÉ"),
        ("es", "## confidencialidad"),
        ("es", "## CONFIDENCIALIDAD Y LÍMITES"),
    ],
)
def test_headings_match_whatever_their_case_and_accents(lang: str, heading: str) -> None:
    checks = dict(templates.clause_check(heading + "\n", language=lang))
    assert checks["Confidentiality and its limits"] is True
    assert checks["Records"] is False


def test_a_keyword_counts_only_at_the_start_of_a_word() -> None:
    checks = dict(templates.clause_check("## Unvertraulichkeit\n", language="de"))
    assert checks["Confidentiality and its limits"] is False


def test_the_given_language_decides_and_without_one_the_headings_do() -> None:
    german = default_template_text("coaching", "de")
    in_english = dict(templates.clause_check(german, language="en"))
    assert in_english["Confidentiality and its limits"] is False
    assert all(present for _name, present in templates.clause_check(german, language="de_DE"))
    assert all(present for _name, present in templates.clause_check(german, language="it"))


def pdftotext(pdf: bytes, tmp_path: Path) -> str:
    """Poppler's reading of the PDF, whitespace collapsed: a second reader besides pypdf."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed (apt-get install poppler-utils)")
    source = tmp_path / "agreement.pdf"
    source.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(source), "-"], capture_output=True, check=True)
    return re.sub(r"\s+", " ", out.stdout.decode("utf-8"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_prints_its_headings(lang: str, tmp_path: Path) -> None:
    pdf = render_agreement(samples.agreement(), default_template_text("coaching", lang))
    for read in (text(pdf), pdftotext(pdf, tmp_path)):
        for heading in PRINTED[lang]:
            assert heading in read, (lang, heading)
        assert samples.CLIENT in read
        assert "{{" not in read


@pytest.mark.parametrize(("kind", "lang"), EVERY)
def test_the_signature_heading_stays_on_the_page_of_the_signatures(kind: str, lang: str) -> None:
    template = default_template_text(kind, lang)
    pdf = render_agreement(samples.agreement(engagement_kind=kind), template)
    last = " ".join((reader(pdf).pages[-1].extract_text() or "").split())
    assert headings(template)[-1].removeprefix("## ") in last
    assert last.count("Signature") >= 3
