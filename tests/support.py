"""Helpers shared by tests: file fingerprints and subprocess runs of real CoachDesk code."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path


def fingerprint(folder: Path) -> dict[str, str]:
    """sha256 of every file under ``folder``, by relative path: equal means byte-identical."""
    if folder.is_file():
        return {folder.name: hashlib.sha256(folder.read_bytes()).hexdigest()}
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def all_bytes(folder: Path) -> list[tuple[Path, bytes]]:
    return [(path, path.read_bytes()) for path in sorted(folder.rglob("*")) if path.is_file()]


def python(code: str, env: dict[str, str] | None = None, **kwargs: object) -> subprocess.Popen:
    """Start ``code`` in a fresh interpreter that imports this checkout."""
    full_env = {**os.environ, **(env or {})}
    root = str(Path(__file__).resolve().parent.parent)
    full_env["PYTHONPATH"] = root + os.pathsep + full_env.get("PYTHONPATH", "")
    return subprocess.Popen([sys.executable, "-c", code], env=full_env, **kwargs)  # type: ignore[call-overload]
