#!/bin/sh
# Takes screenshots of the main screens (light, dark, Arabic right-to-left) into
# OUTDIR (default: data/screenshots/). Usage: tests/gui/screenshots.sh [BUILDDIR [OUTDIR]]
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$top/_build}
out=${2:-$top/data/screenshots}
mkdir -p "$out"
export CCP_DATA_DIR="$top/data" CCP_EXAMPLES_DIR="$top/data/examples"
export CCP_LOCALEDIR="$build/po" GSETTINGS_SCHEMA_DIR="$build/data" GSK_RENDERER=cairo NO_AT_BRIDGE=1
for variant in light dark rtl; do
  # glibc honours LANGUAGE under C.UTF-8 (not under plain C), so no Arabic locale is needed.
  language=C
  [ "$variant" = rtl ] && language=ar
  LANGUAGE=$language LANG=C.UTF-8 LC_ALL=C.UTF-8 xvfb-run -a -s "-screen 0 1280x1024x24" \
    "$build/tests/gui/ccp-screenshots" "$out" "$variant"
done
# Usable at 800x600.
xvfb-run -a -s "-screen 0 1280x1024x24" "$build/tests/gui/ccp-screenshots" "$out" small 800 600
