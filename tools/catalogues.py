"""Keep CoachDesk's translation catalogues in step with the code, one command per step.

Run from the repository with the project's Python::

    python tools/catalogues.py extract        # the template resources/locale/coachdesk.pot
    python tools/catalogues.py update         # every language's .po from the template
    python tools/catalogues.py init fr        # a new language's .po
    python tools/catalogues.py compile        # every .po to its .mo (committed, as the app
                                              # and the bundle read them from resources/)
    python tools/catalogues.py all            # extract, update and compile

The template has no source locations and is sorted by message, so moving code around does not
change it and two branches' catalogue changes merge line by line. tests/test_catalogues.py checks
that the committed files are what these commands make.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = ROOT / "resources" / "locale"
MAPPING = LOCALE_DIR / "babel.cfg"
TEMPLATE = LOCALE_DIR / "coachdesk.pot"
DOMAIN = "coachdesk"
# The translation functions of coachdesk.i18n: _, ngettext and the module-level marker N_.
KEYWORDS = ("_", "ngettext:1,2", "N_")


def extract_arguments(output: Path) -> list[str]:
    """pybabel's arguments for extracting the template to ``output`` (the test uses them too)."""
    keywords = [arg for keyword in KEYWORDS for arg in ("-k", keyword)]
    return [
        "pybabel",
        "extract",
        "-F",
        str(MAPPING),
        "--no-default-keywords",
        *keywords,
        "--add-comments=TRANSLATORS:",
        "--no-location",
        "--sort-output",
        "--project=CoachDesk",
        "--copyright-holder=CoachDesk",
        "--msgid-bugs-address=",
        "-o",
        str(output),
        str(ROOT),
    ]


def _pybabel(arguments: list[str]) -> None:
    CommandLineInterface().run(arguments)


def messages(path: Path) -> list[tuple[object, ...]]:
    """A catalogue's messages with what the template says of each, its header aside."""
    with path.open("rb") as file:
        catalog = read_po(file)
    return [(m.id, m.context, sorted(m.flags), m.auto_comments) for m in catalog if m.id]


def extract() -> None:
    """Write the template, unless only its date would change (so it merges without conflicts)."""
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / TEMPLATE.name
        _pybabel(extract_arguments(fresh))
        if not TEMPLATE.exists() or messages(fresh) != messages(TEMPLATE):
            shutil.copyfile(fresh, TEMPLATE)


def update() -> None:
    _pybabel(
        [
            "pybabel",
            "update",
            "-i",
            str(TEMPLATE),
            "-d",
            str(LOCALE_DIR),
            "-D",
            DOMAIN,
            "--ignore-obsolete",
            "--ignore-pot-creation-date",
        ]
    )


def init(language: str) -> None:
    _pybabel(
        [
            "pybabel",
            "init",
            "-i",
            str(TEMPLATE),
            "-d",
            str(LOCALE_DIR),
            "-D",
            DOMAIN,
            "-l",
            language,
        ]
    )


def compile_all() -> None:
    _pybabel(["pybabel", "compile", "-d", str(LOCALE_DIR), "-D", DOMAIN, "--statistics"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    steps = parser.add_subparsers(dest="step", required=True)
    steps.add_parser("extract", help="write the template from the code")
    steps.add_parser("update", help="bring every .po up to the template")
    steps.add_parser("init", help="start a new language's .po").add_argument("language")
    steps.add_parser("compile", help="compile every .po to its .mo")
    steps.add_parser("all", help="extract, update and compile")
    args = parser.parse_args(argv)
    if args.step in ("extract", "all"):
        extract()
    if args.step in ("update", "all"):
        update()
    if args.step == "init":
        init(args.language)
    if args.step in ("compile", "all"):
        compile_all()
    return 0


if __name__ == "__main__":
    sys.exit(main())
