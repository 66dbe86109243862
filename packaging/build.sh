#!/usr/bin/env bash
# Build the one-folder app in dist/CoachDesk/: the CoachDesk executable, its _internal/ folder and,
# on Linux, share/ (desktop entry, AppStream metainfo, hicolor icons) plus install.sh.
#
#   bash packaging/build.sh
#
# Uses the venv in COACHDESK_BUILD_VENV (default .venv), creating it and installing '.[package]'
# when it is missing or has no PyInstaller. Linux needs binutils (objdump) and fonts-dejavu-core.
set -euo pipefail
cd "$(dirname "$0")/.."
app_id=io.github.coachdesk.CoachDesk
venv=${COACHDESK_BUILD_VENV:-.venv}
started=$(date +%s)

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c "import PyInstaller, coachdesk" >/dev/null 2>&1; then
  "$venv/bin/pip" install -q -e '.[package]'
fi

rm -rf build/icons dist/CoachDesk
"$venv/bin/python" packaging/render_icons.py build/icons >/dev/null
"$venv/bin/python" -m PyInstaller --noconfirm --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/coachdesk.spec

if [ "$(uname -s)" = Linux ]; then
  share=dist/CoachDesk/share
  mkdir -p "$share/applications" "$share/metainfo" "$share/icons"
  cp -r build/icons/hicolor "$share/icons/"
  cp "packaging/linux/$app_id.desktop" "$share/applications/"
  cp "packaging/linux/$app_id.metainfo.xml" "$share/metainfo/"
  install -m 0755 packaging/linux/install.sh dist/CoachDesk/install.sh
fi

echo "Built dist/CoachDesk in $(( $(date +%s) - started )) s ($(du -sh dist/CoachDesk | cut -f1))"
