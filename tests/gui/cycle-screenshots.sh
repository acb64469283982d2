#!/bin/sh
# Takes screenshots of the six-month cycle's dialogs (light, dark, Arabic right-to-left) into
# OUTDIR (default: _build/cycle-screenshots/). Usage: tests/gui/cycle-screenshots.sh [BUILDDIR [OUTDIR]]
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$top/_build}
out=${2:-$build/cycle-screenshots}
mkdir -p "$out"
export CCP_DATA_DIR="$top/data" CCP_EXAMPLES_DIR="$top/data/examples"
export CCP_LOCALEDIR="$build/po" GSETTINGS_SCHEMA_DIR="$build/data" GSK_RENDERER=cairo NO_AT_BRIDGE=1
for variant in light dark rtl; do
  language=C
  [ "$variant" = rtl ] && language=ar
  LANGUAGE=$language LANG=C.UTF-8 LC_ALL=C.UTF-8 xvfb-run -a -s "-screen 0 1280x1024x24" \
    dbus-run-session -- "$build/tests/gui/ccp-cycle-screenshots" "$out" "$variant"
done
