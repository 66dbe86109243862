"""The Linux desktop entry, AppStream metainfo and icons agree, validate and match the app."""

from __future__ import annotations

import configparser
import importlib.util
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

import coachdesk

ROOT = Path(__file__).resolve().parent.parent.parent
LINUX = ROOT / "packaging" / "linux"
APP_ID = "io.github.coachdesk.CoachDesk"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"


def _render_icons() -> ModuleType:
    # packaging/ is not a package (and would shadow PyPI's "packaging"): load the script by path.
    spec = importlib.util.spec_from_file_location(
        "render_icons", ROOT / "packaging" / "render_icons.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_names_the_app_and_its_icon() -> None:
    entry = _desktop_entry()
    assert entry["Name"] == "CoachDesk"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    assert entry["Exec"].split()[0] == "coachdesk"
    assert entry["StartupWMClass"] == "CoachDesk"  # the X11 class the bundle's window gets


def test_metainfo_points_at_the_desktop_entry_and_lists_this_version() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("provides/binary") == _desktop_entry()["Exec"].split()[0]
    releases = [release.get("version") for release in root.iterfind("releases/release")]
    assert releases, "no <release> in the metainfo"
    assert releases[0] == coachdesk.__version__, "add a <release> for this version, newest first"


@pytest.mark.parametrize(
    ("tool", "args", "path"),
    [
        ("desktop-file-validate", [], DESKTOP),
        ("appstreamcli", ["validate", "--no-net"], METAINFO),
    ],
)
def test_validators_accept_the_files(tool: str, args: list[str], path: Path) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed (.ci/run installs it)")
    result = subprocess.run([tool, *args, str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_icons_are_rendered_at_every_size_into_the_hicolor_theme(
    qapp: QApplication, tmp_path: Path
) -> None:
    # qapp first: the script would otherwise start a QGuiApplication that widget tests cannot use.
    render_icons = _render_icons()
    written = render_icons.render(tmp_path)
    for size in (16, 32, 48, 64, 128, 256, 512):
        png = tmp_path / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert png in written
        image = QImage(str(png))
        assert (image.width(), image.height()) == (size, size)
        centre = image.pixelColor(size // 2, size // 2)
        corner = image.pixelColor(0, 0)
        assert centre.alpha() == 255, "the icon is drawn, not blank"
        assert corner.alpha() == 0, "rounded corners stay transparent"
    scalable = tmp_path / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert scalable.read_bytes() == (ROOT / "resources" / "icons" / "coachdesk.svg").read_bytes()
