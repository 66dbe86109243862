"""``coachdesk --version`` and ``--help`` answer without loading the database, Qt or PDF stacks,
and still describe every subcommand exactly as its module registers it."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from coachdesk.cli import subcommands
from coachdesk.i18n import _

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("sqlalchemy", "PySide6", "reportlab", "pypdfium2", "coachdesk.model", "coachdesk.services")


def imported_by(*args: str) -> tuple[set[str], str]:
    """The modules ``python -m coachdesk ARGS`` imports (from ``-X importtime``), and its stdout."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "coachdesk", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    modules = {
        line.rsplit("|", 1)[1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    assert "coachdesk.cli" in modules, done.stderr[-2000:]
    return modules, done.stdout


def heavy_among(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))


@pytest.mark.parametrize("option", ["--version", "--help"])
def test_version_and_help_import_no_database_qt_or_pdf(option: str) -> None:
    modules, _out = imported_by(option)
    assert heavy_among(modules) == []


def test_help_lists_every_subcommand_with_its_help_line() -> None:
    _modules, out = imported_by("--help")
    listed = " ".join(out.split())
    for _module, names in subcommands.SUBCOMMANDS:
        for name, help_text in names:
            assert f"{name} {_(help_text)}" in listed


def registered(module_name: str) -> list[tuple[str, str]]:
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command")
    subcommands.command_module(module_name).register(
        commands, argparse.ArgumentParser(add_help=False)
    )
    return [(choice.dest, choice.help or "") for choice in commands._choices_actions]


@pytest.mark.parametrize("module_name", [module for module, _names in subcommands.SUBCOMMANDS])
def test_the_table_says_what_each_module_registers(module_name: str) -> None:
    table = dict(subcommands.SUBCOMMANDS)[module_name]
    assert registered(module_name) == [(name, _(help_text)) for name, help_text in table]


def test_every_command_module_is_in_the_table() -> None:
    on_disk = {p.stem for p in (ROOT / "coachdesk" / "cli").glob("*_commands.py")}
    registering = {m for m in on_disk if hasattr(subcommands.command_module(m), "register")}
    assert registering == {module for module, _names in subcommands.SUBCOMMANDS}


@pytest.mark.parametrize(
    ("argv", "module_name"),
    [
        (["today", "--json"], "practice_commands"),
        (["--vault", "today", "client", "list"], "client_commands"),
        (["--vault=x", "revenue"], "payment_commands"),
        (["-h"], None),
        (["no-such-command"], None),
        ([], None),
    ],
)
def test_the_probe_finds_the_subcommand_as_argparse_reads_it(
    argv: list[str], module_name: str | None
) -> None:
    assert subcommands.chosen_module(argv) == module_name
