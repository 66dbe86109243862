"""mypy finds no type error in coachdesk beyond the baseline, and the baseline only shrinks.

The baseline (``mypy_baseline.txt``) lists the errors that predate the checker by file, error code
and message, with a count for repeats: no line numbers, so an edit elsewhere in a file leaves it
alone. A new error fails the test; so does a listed error that no longer occurs, so that a fix
is taken off the list and the error cannot come back unnoticed. After fixing errors (never to
accept new ones), regenerate it with ``python tests/architecture/test_types.py --update``.

mypy keeps its cache in ``.mypy_cache``: a first run takes about half a minute, later ones a
second or two.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
BASELINE = Path(__file__).with_name("mypy_baseline.txt")
# "coachdesk/x.py:12: error: Message  [code]" (notes and the summary are not errors)
ERROR_LINE = re.compile(r"^(?P<path>[^:]+):\d+: error: (?P<message>.*?)  \[(?P<code>[\w-]+)\]$")
BASELINE_LINE = re.compile(
    r"^(?P<path>\S+)  \[(?P<code>[\w-]+)\]  (?P<message>.*?)(?:  x(?P<count>\d+))?$"
)
Entry = tuple[str, str, str]  # file, error code, message


def run_mypy() -> tuple[str, Counter[Entry]]:
    """The mypy version and the errors it finds in coachdesk, as configured in pyproject.toml."""
    version = subprocess.run(
        [sys.executable, "-m", "mypy", "--version"], capture_output=True, text=True, check=True
    ).stdout.split()[1]
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            "pyproject.toml",
            "--no-error-summary",
            "--no-pretty",
            "--no-color-output",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    # 0: no errors, 1: errors found; anything else means mypy could not check the code.
    assert result.returncode in (0, 1), result.stdout + result.stderr
    return version, errors_in(result.stdout.splitlines())


def errors_in(lines: Iterable[str]) -> Counter[Entry]:
    found: Counter[Entry] = Counter()
    for line in lines:
        match = ERROR_LINE.match(line)
        if match:
            found[(match["path"].replace("\\", "/"), match["code"], match["message"])] += 1
    return found


def baseline_text(version: str, errors: Counter[Entry]) -> str:
    lines = [
        f"# mypy {version} errors in coachdesk older than the checker: file  [code]  message  xN",
        "# Fix errors, then regenerate (never by hand): python tests/architecture/test_types.py"
        " --update",
    ]
    for (path, code, message), count in sorted(errors.items()):
        lines.append(f"{path}  [{code}]  {message}" + (f"  x{count}" if count > 1 else ""))
    return "\n".join(lines) + "\n"


def read_baseline(text: str) -> tuple[str, Counter[Entry]]:
    """The mypy version the baseline was made with, and its errors."""
    version, entries = "", Counter[Entry]()
    for line in text.splitlines():
        if line.startswith("# mypy "):
            version = line.split()[2]
        elif line and not line.startswith("#"):
            match = BASELINE_LINE.match(line)
            assert match, f"not a baseline line: {line!r}"
            entries[(match["path"], match["code"], match["message"])] = int(match["count"] or 1)
    return version, entries


def _listing(entries: Counter[Entry]) -> str:
    return baseline_text("", entries).split("\n", 2)[2]


def test_mypy_finds_no_error_beyond_the_baseline_and_every_listed_one_still_occurs() -> None:
    made_with, expected = read_baseline(BASELINE.read_text(encoding="utf-8"))
    version, found = run_mypy()
    new, fixed = found - expected, expected - found
    problems = []
    if new:
        problems.append("New type errors (fix them; the baseline is not for new ones):\n")
        problems.append(_listing(new))
    if fixed:
        problems.append("Fixed — remove from the baseline (python tests/architecture/")
        problems.append(f"test_types.py --update):\n{_listing(fixed)}")
    if problems and version != made_with:
        problems.append(f"(the baseline was made with mypy {made_with}; this is mypy {version})")
    report = "".join(problems)
    assert not report, report


def test_the_baseline_names_no_line_and_counts_repeats() -> None:
    """Moving an error within its file leaves the baseline as it is; twins are counted."""
    output = [
        'coachdesk/a.py:3: error: Name "x" is not defined  [name-defined]',
        'coachdesk/a.py:40: error: Name "x" is not defined  [name-defined]',
        "coachdesk/a.py:40: note: See https://mypy.readthedocs.io",
        "coachdesk/b.py:7: error: Cannot assign to a method  [method-assign]",
    ]
    moved = [line.replace(":40:", ":41:") for line in output]
    errors = errors_in(output)
    assert errors_in(moved) == errors
    text = baseline_text("1.0", errors)
    assert 'coachdesk/a.py  [name-defined]  Name "x" is not defined  x2' in text.splitlines()
    assert read_baseline(text) == ("1.0", errors)


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit("usage: python tests/architecture/test_types.py --update")
    _made_with, before = read_baseline(BASELINE.read_text(encoding="utf-8"))
    version, now = run_mypy()
    BASELINE.write_text(baseline_text(version, now), encoding="utf-8")
    print(f"{BASELINE.relative_to(ROOT)}: {len(before - now)} gone, {len(now - before)} added")
    if now - before:
        print(f"Added (should they not be fixed instead?):\n{_listing(now - before)}")
