"""The committed catalogues are what ``tools/catalogues.py`` makes from the code, and their
translations keep every placeholder and accelerator: a German coach never meets an English
string, a ``KeyError`` from a renamed ``{placeholder}`` or a menu with two shortcuts.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.frontend import CommandLineInterface
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import catalogues  # noqa: E402  (tools/ is not a package)

COMPLETE = ("de",)  # languages whose every message must be translated
LANGUAGES = sorted(
    path.parent.parent.name for path in catalogues.LOCALE_DIR.glob("*/LC_MESSAGES/*.po")
)
# {name} placeholders, and the %-formats of argparse's own messages (cli/argparse_words.py).
_FIELD = re.compile(r"\{[^{}]*\}|%\([^)]*\)[sdr]|%[sdr]")
_ACCELERATOR = re.compile(r"&(?!&)(?=\w)")


def _po(path: Path) -> Catalog:
    with path.open("rb") as file:
        return read_po(file)


def _po_file(language: str) -> Path:
    return catalogues.LOCALE_DIR / language / "LC_MESSAGES" / f"{catalogues.DOMAIN}.po"


def _compiled(catalog: Catalog) -> dict[object, object]:
    """A compiled catalogue's translations, keyed by message (a plural's id and forms as tuples)."""

    def frozen(value: object) -> object:
        return value if isinstance(value, str) else tuple(value)  # type: ignore[arg-type]

    return {(frozen(m.id), m.context): frozen(m.string) for m in catalog if m.id}


def _forms(message: Message) -> Iterator[tuple[str, str]]:
    """(source, translation) pairs: for a plural, the first form answers the singular or the
    plural (languages whose "one" form also covers 0), every other form the plural."""
    if isinstance(message.id, str):
        yield message.id, str(message.string)
        return
    singular, plural = message.id[0], message.id[1]
    for index, form in enumerate(message.string):
        if index == 0 and _fields(form) == _fields(singular):
            yield singular, form
        else:
            yield plural, form


def _fields(text: str) -> set[str]:
    return set(_FIELD.findall(text.replace("{{", "").replace("}}", "")))


def test_the_template_is_a_fresh_extraction(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.pot"
    CommandLineInterface().run(catalogues.extract_arguments(fresh))
    assert catalogues.messages(catalogues.TEMPLATE) == catalogues.messages(fresh), (
        "the catalogue template is out of date: run python tools/catalogues.py all"
    )


def test_no_message_is_read_as_a_percent_format_by_mistake() -> None:
    """CoachDesk formats with {names}; a "%" in such a message that gettext reads as a format
    ("Tax {rate} % on" holds "% o") would make translators keep a conversion that does not exist.
    Only argparse's own messages are %-formats, and they have no {names}."""
    flagged = [
        m.id for m in _po(catalogues.TEMPLATE) if "python-format" in m.flags and "{" in str(m.id)
    ]
    assert not flagged


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_catalogue_follows_the_template(language: str) -> None:
    template = {m.id for m in _po(catalogues.TEMPLATE) if m.id}
    translated = {m.id for m in _po(_po_file(language)) if m.id}
    assert translated == template, "run python tools/catalogues.py update"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_compiled_catalogue_is_a_fresh_compile_of_its_source(language: str) -> None:
    compiled = _po_file(language).with_suffix(".mo")
    fresh = io.BytesIO()
    write_mo(fresh, _po(_po_file(language)))
    fresh.seek(0)
    with compiled.open("rb") as file:
        committed = read_mo(file)
    fresh_catalog = read_mo(fresh)
    assert _compiled(committed) == _compiled(fresh_catalog), (
        "run python tools/catalogues.py compile"
    )


@pytest.mark.parametrize("language", COMPLETE)
def test_a_complete_language_leaves_nothing_untranslated_or_fuzzy(language: str) -> None:
    catalog = _po(_po_file(language))
    untranslated = [
        m.id
        for m in catalog
        if m.id and (not m.string or (not isinstance(m.string, str) and not all(m.string)))
    ]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert not untranslated
    assert not fuzzy
    assert catalog.num_plurals == 2


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_every_placeholder_and_accelerator(language: str) -> None:
    wrong = []
    for message in _po(_po_file(language)):
        if not message.id or not message.string:
            continue
        for source, translation in _forms(message):
            if not translation:
                continue
            if _fields(translation) != _fields(source):
                wrong.append(f"placeholders: {source!r} -> {translation!r}")
            if len(_ACCELERATOR.findall(translation)) != len(_ACCELERATOR.findall(source)):
                wrong.append(f"accelerator: {source!r} -> {translation!r}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_plural_has_every_form_of_its_language(language: str) -> None:
    catalog = _po(_po_file(language))
    short = [
        m.id
        for m in catalog
        if m.id
        and not isinstance(m.id, str)
        and any(m.string)
        and len(m.string) != catalog.num_plurals
    ]
    assert not short
