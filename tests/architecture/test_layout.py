"""The tree shows the architecture: the ui in floors with no loose modules, no module too long."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent.parent / "coachdesk"
FLOORS = {"__init__.py", "shell", "features", "kit", "pdf", "__pycache__"}
LONGEST = 400
# Alembic migrations are frozen history: they are never edited, so their length is not a design.
FROZEN = PACKAGE / "vault" / "migrations" / "versions"


def test_the_ui_package_holds_only_its_floors() -> None:
    loose = sorted(p.name for p in (PACKAGE / "ui").iterdir() if p.name not in FLOORS)
    assert loose == [], f"put these in shell, features, kit or pdf: {loose}"


def test_every_feature_is_a_package_with_a_docstring() -> None:
    for feature in sorted((PACKAGE / "ui" / "features").iterdir()):
        if feature.suffix == ".py" or feature.name == "__pycache__":
            continue
        face = feature / "__init__.py"
        assert face.is_file(), f"{feature.name} is not a package"
        assert face.read_text(encoding="utf-8").lstrip().startswith('"""'), feature.name


def test_no_module_is_longer_than_a_reader_can_hold() -> None:
    long = {
        str(p.relative_to(PACKAGE)): n
        for p in PACKAGE.rglob("*.py")
        if FROZEN not in p.parents
        and (n := len(p.read_text(encoding="utf-8").splitlines())) > LONGEST
    }
    assert long == {}, f"split these (over {LONGEST} lines): {long}"
