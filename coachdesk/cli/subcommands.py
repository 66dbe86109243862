"""Every subcommand's name, help line and module, declared here so the parser stays cheap.

Building the full parser imported every subcommand module, and with them SQLAlchemy and the
services: ``coachdesk --version`` paid 0.4 s before printing a line. Now only the module of the
subcommand being run is imported; the others are listed by name and help line (for ``--help``
and for argparse's "invalid choice" message) from this table. tests/cli/test_lazy_parser.py
checks that the table says what each module registers.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Sequence
from types import ModuleType

from coachdesk.i18n import N_

# (module under coachdesk.cli, ((subcommand, help line), ...)), in the order ``--help`` lists them.
SUBCOMMANDS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "vault_commands",
        (
            ("init", N_("create a new vault and print its recovery key once")),
            ("check", N_("open the vault, verify its integrity and print counts")),
            ("passwd", N_("change the vault's passphrase")),
            ("backup", N_("write an encrypted backup of the vault")),
            (
                "restore",
                N_(
                    "replace the vault's data with a backup (the current data is kept as a "
                    "backup first)"
                ),
            ),
            ("keychain", N_("remember or forget the vault's key on this computer")),
        ),
    ),
    ("client_commands", (("client", N_("add, list, show, edit, archive or erase clients")),)),
    (
        "rights_commands",
        (("retention", N_("clients past the practice's retention period, and keeping")),),
    ),
    ("sponsor_commands", (("sponsor", N_("add, list, show or edit sponsors")),)),
    ("engagement_commands", (("engagement", N_("add, list or show engagements")),)),
    (
        "session_commands",
        (("session", N_("add, list, show, edit or delete coaching sessions, or their notes")),),
    ),
    (
        "goal_commands",
        (
            ("goal", N_("add, list, rate or delete a client's goals")),
            ("action", N_("add, list, complete, edit or delete action items")),
        ),
    ),
    ("profile_commands", (("profile", N_("show or set the coach's profile")),)),
    ("icf_commands", (("icf", N_("the ICF client coaching log and credential progress")),)),
    (
        "career_commands",
        (
            ("cce", N_("add or list continuing coach education (CCE) activities")),
            ("mentoring", N_("add or list mentor coaching received")),
            ("supervision", N_("add or list supervision and reflective practice")),
        ),
    ),
    (
        "document_commands",
        (
            ("agreement", N_("coaching agreements as PDF")),
            ("report", N_("progress reports as PDF")),
        ),
    ),
    (
        "practice_commands",
        (
            ("search", N_("search clients, notes, goals and action items")),
            ("today", N_("what needs attention today")),
            ("demo", N_("fill an empty vault with a realistic demo practice")),
        ),
    ),
    (
        "form_commands",
        (("form", N_("questionnaires as fillable PDFs, and their answers")),),
    ),
    ("import_commands", (("import", N_("bring clients or a whole exported practice in")),)),
    (
        "archive_commands",
        (
            ("export", N_("the whole practice (or one client's data) as a ZIP archive")),
            ("calendar", N_("sessions for a calendar app")),
        ),
    ),
    ("invoice_commands", (("invoice", N_("invoices and credit notes")),)),
    (
        "payment_commands",
        (
            ("payment", N_("payments received against invoices")),
            ("revenue", N_("a year's revenue by month and client")),
        ),
    ),
)


def command_module(module_name: str) -> ModuleType:
    return importlib.import_module(f"coachdesk.cli.{module_name}")


class _NotACommandLine(Exception):
    """The probe could not read the line; the real parser will say why."""


class _Probe(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise _NotACommandLine(message)


def chosen_module(argv: Sequence[str] | None) -> str | None:
    """The module of the subcommand ``argv`` names, read by argparse's own rules (``--vault DIR``
    before it, abbreviations); None when there is none or the line does not parse.
    """
    probe = _Probe(add_help=False)
    probe.add_argument("--vault")
    commands = probe.add_subparsers(dest="command")
    owner: dict[str, str] = {}
    for module_name, names in SUBCOMMANDS:
        for name, _help in names:
            commands.add_parser(name, add_help=False)
            owner[name] = module_name
    try:
        args, _rest = probe.parse_known_args(argv)
    except _NotACommandLine:
        return None
    return owner.get(args.command) if args.command else None
