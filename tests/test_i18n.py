"""The translation function: the process's language, a document's language on its own thread,
and gettext's own environment lookup, against a real compiled catalogue."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from coachdesk import i18n
from coachdesk.i18n import _, current_language, document_language, ngettext, set_language


@pytest.fixture
def german(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A German catalogue in a temporary locale folder, as the shipped ones are laid out."""
    catalog = Catalog(locale="de", domain=i18n.DOMAIN)
    catalog.add("Saved {name}.", "{name} gespeichert.")
    catalog.add(("{n} session", "{n} sessions"), ("{n} Sitzung", "{n} Sitzungen"))
    folder = tmp_path / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with (folder / f"{i18n.DOMAIN}.mo").open("wb") as out:
        write_mo(out, catalog)
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n._translations_for.cache_clear()
    yield
    i18n._translations_for.cache_clear()


def test_set_language_switches_the_process(german: None) -> None:
    assert _("Saved {name}.") == "Saved {name}."
    set_language("de")
    assert _("Saved {name}.") == "{name} gespeichert."
    assert ngettext("{n} session", "{n} sessions", 3) == "{n} Sitzungen"
    assert ngettext("{n} session", "{n} sessions", 1) == "{n} Sitzung"
    assert current_language() == "de"
    set_language("fr")  # no catalogue: English, nothing fails
    assert _("Saved {name}.") == "Saved {name}."


def test_the_environment_is_read_as_gettext_reads_it(
    german: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANGUAGE", "de:en")
    set_language(None)
    assert _("Saved {name}.") == "{name} gespeichert."
    assert current_language() == "de"


def test_a_documents_language_stays_on_its_thread(german: None) -> None:
    seen: list[str] = []
    inside = threading.Event()
    done = threading.Event()

    def render() -> None:
        with document_language("de"):
            inside.set()
            done.wait(5)
            seen.append(_("Saved {name}."))

    worker = threading.Thread(target=render)
    worker.start()
    inside.wait(5)
    assert _("Saved {name}.") == "Saved {name}."
    done.set()
    worker.join(5)
    assert seen == ["{name} gespeichert."]
    with document_language(""):
        assert current_language() == "en"
