#!/usr/bin/env bash
# Install (or, with --uninstall, remove) this CoachDesk folder for the current user: the app goes
# to ~/.local/opt/CoachDesk, `coachdesk` to ~/.local/bin, and the menu entry, AppStream metainfo
# and icons to ~/.local/share, so CoachDesk appears in the desktop's application menu.
# Run it from the unpacked dist/CoachDesk folder: ./install.sh   Needs no root.
set -euo pipefail
app_id=io.github.coachdesk.CoachDesk
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
opt=$HOME/.local/opt/CoachDesk
bin=$HOME/.local/bin

refresh() {
  if command -v update-desktop-database >/dev/null; then
    update-desktop-database -q "$data/applications" 2>/dev/null || true
  fi
  if command -v gtk-update-icon-cache >/dev/null && [ -d "$data/icons/hicolor" ]; then
    gtk-update-icon-cache -q -t "$data/icons/hicolor" 2>/dev/null || true
  fi
}

if [ "${1:-}" = --uninstall ]; then
  rm -rf "$opt"
  rm -f "$bin/coachdesk" "$data/applications/$app_id.desktop" "$data/metainfo/$app_id.metainfo.xml"
  find "$data/icons/hicolor" -name "$app_id.*" -delete 2>/dev/null || true
  refresh
  echo "CoachDesk is removed. Your vaults and settings are kept."
  exit 0
fi

[ -x "$here/CoachDesk" ] || { echo "Run install.sh from the CoachDesk folder." >&2; exit 1; }
if [ "$here" != "$opt" ]; then
  rm -rf "$opt.new"
  mkdir -p "$(dirname "$opt")"
  cp -a "$here" "$opt.new"
  rm -rf "$opt"
  mv "$opt.new" "$opt"
fi
mkdir -p "$bin" "$data/applications" "$data/metainfo"
ln -sfn "$opt/CoachDesk" "$bin/coachdesk"
sed "s|^Exec=.*|Exec=$opt/CoachDesk|" "$opt/share/applications/$app_id.desktop" \
  >"$data/applications/$app_id.desktop"
cp "$opt/share/metainfo/$app_id.metainfo.xml" "$data/metainfo/"
mkdir -p "$data/icons/hicolor"
cp -r "$opt/share/icons/hicolor/." "$data/icons/hicolor/"
refresh
echo "CoachDesk is installed: find it in your applications menu, or run 'coachdesk'."
