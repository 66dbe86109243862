#!/usr/bin/env bash
# Smoke test of the built bundle (bash packaging/build.sh first): run dist/CoachDesk/CoachDesk as a
# coach would, on a fresh vault in a temporary folder, and fail on the first thing that breaks.
# PDFs are read back with the dev venv's pypdf (PYTHON, default .venv/bin/python; '.[test]').
# The GUI is started on X11 under xvfb-run when it is installed (CI installs it), else offscreen.
set -euo pipefail
cd "$(dirname "$0")/.."
app=${COACHDESK_BUNDLE:-dist/CoachDesk/CoachDesk}
python=${PYTHON:-.venv/bin/python}
[ -x "$app" ] || { echo "no bundle at $app: run packaging/build.sh" >&2; exit 1; }
app=$(cd "$(dirname "$app")" && pwd)/$(basename "$app")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export COACHDESK_HOME=$work/home COACHDESK_PASSPHRASE="smoke-test passphrase 42"
unset COACHDESK_NEW_PASSPHRASE COACHDESK_RECOVERY_KEY
step() { echo "--- $*"; }
fail() { echo "SMOKE TEST FAILED: $*" >&2; exit 1; }

step "--version"
expected=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' coachdesk/__init__.py)
version=$("$app" --version)
[[ $version == *"$expected"* ]] || fail "--version printed '$version', expected $expected"

step "init, check (Alembic migrations, SQLCipher)"
"$app" init --json >"$work/init.json"
"$python" - "$work/init.json" <<'PY'
import json, sys
key = json.load(open(sys.argv[1]))["recovery_key"]
assert len(key.split("-")) == 8, key
PY
"$app" check --json >"$work/check.json"
"$python" - "$work/check.json" <<'PY'
import json, sys
check = json.load(open(sys.argv[1]))
assert check["integrity"] == "ok" and check["problems"] == 0, check
PY
set +e
COACHDESK_PASSPHRASE="not the passphrase" "$app" check >/dev/null 2>&1
code=$?
set -e
[ "$code" = 3 ] || fail "a wrong passphrase exited with $code, expected 3"

step "demo, client, engagement, backup"
"$app" demo --clients 5 --seed 1
"$app" client add --name "Zoë Łukasz-Дмитрий" --json >"$work/client.json"
client=$("$python" -c 'import json, sys; print(json.load(open(sys.argv[1]))["id"])' "$work/client.json")
"$app" engagement add --client "$client" --title "Leadership programme" --start 2026-12-01 \
  --sessions 6 --fee 150 --currency EUR >/dev/null
"$app" backup --out "$work/smoke.cdbackup" >/dev/null
[ -s "$work/smoke.cdbackup" ] || fail "backup wrote nothing"

step "agreement pdf, report progress (ReportLab, resources, bundled fonts)"
"$app" agreement pdf --client "$client" --out "$work/agreement.pdf"
"$app" report progress --client 1 --out "$work/progress.pdf"
"$app" form pdf --template intake --client "$client" --out "$work/intake.pdf" >/dev/null
[ -s "$work/intake.pdf" ] || fail "the intake questionnaire wrote nothing"
"$python" - "$work" <<'PY'
import stat, sys
from pathlib import Path

from pypdf import PdfReader

work = Path(sys.argv[1])
for name, needle in (("agreement.pdf", "Zoë Łukasz-Дмитрий"), ("progress.pdf", "Progress")):
    path = work / name
    assert stat.S_IMODE(path.stat().st_mode) == 0o600, f"{name} is not private to its owner"
    reader = PdfReader(path)
    text = "".join(page.extract_text() for page in reader.pages)
    assert needle in text, f"{name} lacks {needle!r}"
    fonts = {
        str(font["/BaseFont"]).split("+")[-1]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert fonts and all(f.startswith("DejaVuSans") for f in fonts), f"{name} fonts: {fonts}"
PY

step "import vcard, calendar export (vobject, icalendar, time zone data)"
printf '%s\r\n' "BEGIN:VCARD" "VERSION:3.0" "FN:Ingrid Sølvberg" "N:Sølvberg;Ingrid;;;" \
  "EMAIL:ingrid@fjordlight.example" "END:VCARD" "BEGIN:VCARD" "VERSION:4.0" \
  "FN:Tomás Ó Briain" "N:Ó Briain;Tomás;;;" "TEL:+353 1 555 0142" "END:VCARD" >"$work/two.vcf"
"$app" import vcard "$work/two.vcf" --json >"$work/vcard.json"
"$app" calendar export --out "$work/sessions.ics" --from 2000-01-01 --to 2099-12-31 >/dev/null
"$python" - "$work" <<'PY'
import json, stat, sys
from pathlib import Path

from icalendar import Calendar

work = Path(sys.argv[1])
plan = json.loads((work / "vcard.json").read_text())
assert plan["imported"] == 2, plan
ics = work / "sessions.ics"
assert stat.S_IMODE(ics.stat().st_mode) == 0o600, "the .ics is not private to its owner"
calendar = Calendar.from_ical(ics.read_bytes())
events = calendar.walk("VEVENT")
assert events, "the calendar holds no sessions"
assert all(str(e["uid"]).endswith(".coachdesk") for e in events)
assert calendar.walk("VTIMEZONE"), "no VTIMEZONE: the zone data is missing from the bundle"
PY

step "export --encrypt, then import archive into a second vault"
export COACHDESK_EXPORT_PASSPHRASE="smoke-test export passphrase"
"$app" export --encrypt --out "$work/practice.cdexport" --json >"$work/export.json"
"$app" init --vault "$work/second" --json >/dev/null
"$app" import archive "$work/practice.cdexport" --vault "$work/second" --json >"$work/import.json"
"$app" client list --all --json --vault "$work/second" >"$work/second-clients.json"
unset COACHDESK_EXPORT_PASSPHRASE
"$python" - "$work" <<'PY'
import json, stat, sys
from pathlib import Path

work = Path(sys.argv[1])
sealed = work / "practice.cdexport"
assert stat.S_IMODE(sealed.stat().st_mode) == 0o600, "the export is not private to its owner"
assert sealed.read_bytes().startswith(b"CoachDesk encrypted export\n\x00"), "not encrypted"
assert "Zo\u00eb".encode() not in sealed.read_bytes()
exported = json.loads((work / "export.json").read_text())
imported = json.loads((work / "import.json").read_text())
assert exported["encrypted"] is True, exported
assert imported["counts"] == exported["counts"], (imported, exported)
names = {c["name"] for c in json.loads((work / "second-clients.json").read_text())}
for name in ("Zoë Łukasz-Дмитрий", "Ingrid Sølvberg", "Tomás Ó Briain"):
    assert name in names, f"{name} did not come back: {sorted(names)}"
PY

step "GUI: the welcome window on a fresh home"
export COACHDESK_HOME=$work/gui-home app GUI_SECONDS=${GUI_SECONDS:-20}
# Inside a virtual X server: wait until a window of class CoachDesk is mapped, then close the app.
window_shown() {
  "$app" & pid=$!
  for _ in $(seq $((GUI_SECONDS * 2))); do
    if xwininfo -root -tree | grep -q '("CoachDesk" "CoachDesk")'; then
      kill "$pid"; wait "$pid" 2>/dev/null; return 0
    fi
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.5
  done
  kill "$pid"; return 1
}
if command -v xvfb-run >/dev/null && command -v xwininfo >/dev/null; then
  # xvfb-run is a POSIX sh script, which drops exported bash functions: pass the body instead.
  xvfb-run -a -s "-screen 0 1280x800x24" env QT_QPA_PLATFORM=xcb \
    bash -c "$(declare -f window_shown); window_shown" \
    >"$work/gui.out" 2>&1 || { cat "$work/gui.out" >&2; fail "no CoachDesk window on X11"; }
else
  # No X server to look at: alive until timeout stops it (124) means it reached the event loop.
  set +e
  QT_QPA_PLATFORM=offscreen timeout 8 "$app" >"$work/gui.out" 2>&1
  code=$?
  set -e
  [ "$code" = 124 ] || { cat "$work/gui.out" >&2; fail "the GUI exited early with $code"; }
fi
if grep -E "Traceback|Error:|qt\.qpa\.plugin|Could not load" "$work/gui.out" >&2; then
  fail "the GUI wrote errors"
fi
if grep -h -E " (ERROR|CRITICAL) " "$COACHDESK_HOME"/logs/*.log 2>/dev/null >&2; then
  fail "the GUI logged errors"
fi
echo "SMOKE TEST PASSED"
