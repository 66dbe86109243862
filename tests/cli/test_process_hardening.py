"""The real entry point forbids core dumps and takes secrets out of the environment first."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from tests.support import python

# The entry point as installed, with the command dispatch wrapped to report, from inside the
# command, what the process looks like when the command's own code runs.
ENTRY = """
import json, os, resource, sys
import coachdesk.cli as cli
from coachdesk import hardening

real_run = cli.run

def reporting_run(args):
    status = {
        "core_limit": list(resource.getrlimit(resource.RLIMIT_CORE)),
        "dumpable": hardening.is_dumpable() if sys.platform.startswith("linux") else None,
        "secrets_in_environ": sorted(k for k in os.environ if k in SECRETS),
    }
    code = real_run(args)
    print(json.dumps({**status, "exit": code}), flush=True)
    return code

cli.run = reporting_run
sys.argv = ["coachdesk", "check", "--vault", FOLDER]
from coachdesk.__main__ import main
main()
"""
SECRETS = [
    "COACHDESK_PASSPHRASE",
    "COACHDESK_NEW_PASSPHRASE",
    "COACHDESK_RECOVERY_KEY",
    "COACHDESK_EXPORT_PASSPHRASE",
]


def run_entry(folder: Path) -> dict:
    env = {name: "set by a script" for name in SECRETS}
    env["COACHDESK_PASSPHRASE"] = PASSPHRASE
    code = f"SECRETS = {set(SECRETS)!r}\nFOLDER = {str(folder)!r}\n{ENTRY}"
    proc = python(code, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    return json.loads(out.strip().splitlines()[-1])


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX resource limits")
def test_the_entry_point_forbids_core_dumps(vault_dir: Path) -> None:
    status = run_entry(vault_dir)
    assert status["core_limit"] == [0, 0]
    if sys.platform.startswith("linux"):
        assert status["dumpable"] is False


def test_secrets_leave_the_environment_and_still_open_the_vault(vault_dir: Path) -> None:
    status = run_entry(vault_dir)
    assert status["secrets_in_environ"] == [], "children started later must not inherit them"
    assert status["exit"] == 0, "the passphrase taken from the environment still opens it"


def test_a_child_process_does_not_inherit_the_passphrase() -> None:
    code = (
        "import os, subprocess, sys\n"
        "from coachdesk.cli import secrets\n"
        "secrets.take_from_environment()\n"
        "assert secrets.passphrase() == 'kept in memory'\n"
        "child = 'import os; print(os.environ.get(\"COACHDESK_PASSPHRASE\"))'\n"
        "print(subprocess.run([sys.executable, '-c', child], capture_output=True, text=True)"
        ".stdout.strip())\n"
    )
    proc = python(
        code, env={"COACHDESK_PASSPHRASE": "kept in memory"}, stdout=subprocess.PIPE, text=True
    )
    out, _err = proc.communicate(timeout=60)
    assert proc.returncode == 0
    assert out.strip() == "None"
