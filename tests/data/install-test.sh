#!/bin/sh
# `meson install` must put every file where the programs and the desktop look for it.
#
# 1. Configures this source tree with a temporary --prefix (without the GUI, to stay quick),
#    installs it, and runs the installed ccplans from elsewhere with none of the variables that
#    point the tests at the source tree: it must find its data, and its translations, through the
#    paths compiled into it. Its answers must be the same as with the source tree's data.
# 2. With BUILD_DIR (the build under test, with the GUI), installs that build into a staging
#    directory and checks that the desktop file, metainfo, MIME definition, icons and GSettings
#    schema land in place and agree with one another.
#
# Usage: install-test.sh MESON SOURCE_ROOT GETTEXT_PACKAGE [BUILD_DIR BINDIR DATADIR APP_ID]
set -eu
meson=$1
src=$(cd "$2" && pwd)
domain=$3
build=${4:-}
bindir=${5:-}
datadir=${6:-}
app_id=${7:-}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ccp-install-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
unset DESTDIR CCP_DATA_DIR CCP_SCHEMA CCP_EXAMPLES_DIR CCP_ISO_CODES_DIR G_DEBUG LANGUAGE
export LC_ALL=C.UTF-8
status=0
fail () {
  echo "FAIL: $*"
  status=1
}

run_logged () {
  log=$1
  shift
  if ! "$@" > "$log" 2>&1; then
    cat "$log"
    echo "FAIL: $*"
    exit 1
  fi
}

# 1. A temporary prefix, built without optimisation: only the install layout matters here.
prefix=$tmp/prefix
run_logged "$tmp/setup.log" "$meson" setup --prefix="$prefix" -Dgui=false -Doptimization=0 \
  -Ddebug=false "$tmp/build" "$src"
run_logged "$tmp/compile.log" "$meson" compile -C "$tmp/build" -j 2
run_logged "$tmp/install.log" "$meson" install -C "$tmp/build" --no-rebuild
ccplans=$prefix/bin/ccplans
pkgdata=$prefix/share/creative-cities-plans
for f in vocabularies.xml member-cities.csv city-aliases.csv schema/creative-cities-plans-1.xsd; do
  [ -f "$pkgdata/$f" ] || fail "$pkgdata/$f was not installed"
done
set -- "$pkgdata"/examples/*.xml
[ -f "$1" ] || fail "no example was installed in $pkgdata/examples"

# Run from a directory that has nothing of the source tree.
mkdir "$tmp/elsewhere"
cd "$tmp/elsewhere"
if "$ccplans" validate "$@" > "$tmp/validate.out" 2>&1; then
  echo "ok: the installed ccplans validates the installed examples"
else
  cat "$tmp/validate.out"
  fail "the installed ccplans does not validate the installed examples"
fi

# Same answers with the installed data as with the source tree's, also on a plan with mistakes
# (which uses the vocabularies and the registry).
for f in "$pkgdata"/examples/*.xml "$pkgdata"/examples/mistakes/*.xml; do
  [ -f "$f" ] || continue
  for command in validate info; do
    code=0
    "$ccplans" $command "$f" > "$tmp/installed.out" 2>&1 || code=$?
    source_code=0
    CCP_DATA_DIR=$src/data "$ccplans" $command "$f" > "$tmp/source.out" 2>&1 || source_code=$?
    if [ $code -ne $source_code ] || ! cmp -s "$tmp/installed.out" "$tmp/source.out"; then
      diff "$tmp/source.out" "$tmp/installed.out" || true
      fail "ccplans $command $f: exit $code with the installed data, $source_code with the source's"
    elif [ $code -eq 2 ]; then
      cat "$tmp/installed.out"
      fail "ccplans $command $f cannot use the file (exit 2)"
    else
      echo "ok: ccplans $command $(basename "$f"): exit $code, as with the source tree's data"
    fi
  done
done

# And the data it found was the prefix's: without it, ccplans must fail.
mv "$pkgdata" "$pkgdata.away"
if "$ccplans" validate "$pkgdata.away/examples/$(basename "$1")" > /dev/null 2>&1; then
  fail "ccplans still succeeds without $pkgdata: it does not read its data from the prefix"
else
  echo "ok: ccplans reads its data from $pkgdata"
fi
mv "$pkgdata.away" "$pkgdata"

# Translations: each catalogue of po/LINGUAS is installed under the prefix...
localedir=$prefix/share/locale
for lang in $(sed -e 's/#.*//' "$src/po/LINGUAS"); do
  if [ -f "$localedir/$lang/LC_MESSAGES/$domain.mo" ]; then
    echo "ok: the $lang catalogue is installed"
  else
    fail "$localedir/$lang/LC_MESSAGES/$domain.mo was not installed"
  fi
done
# ...and the installed ccplans reads catalogues from there: give it one (for a language no
# translator has made yet) that translates the first line of its help.
msgid=$("$ccplans" --help | head -n 1)
mkdir -p "$localedir/eo/LC_MESSAGES"
cat > "$tmp/test.po" <<EOF
msgid ""
msgstr "Content-Type: text/plain; charset=UTF-8\n"

msgid "$msgid"
msgstr "TRANSLATED $msgid"
EOF
msgfmt -o "$localedir/eo/LC_MESSAGES/$domain.mo" "$tmp/test.po"
translated=$(LANGUAGE=eo "$ccplans" --help | head -n 1)
if [ "$translated" = "TRANSLATED $msgid" ]; then
  echo "ok: ccplans reads its translations from $localedir"
else
  fail "ccplans printed \"$translated\" with a catalogue in $localedir that translates \"$msgid\""
fi

# 2. The build under test, staged.
if [ -n "$build" ]; then
  stage=$tmp/stage
  run_logged "$tmp/stage.log" "$meson" install -C "$build" --no-rebuild --destdir "$stage"
  bin=$stage$bindir
  share=$stage$datadir
  desktop=$share/applications/$app_id.desktop
  metainfo=$share/metainfo/$app_id.metainfo.xml
  mime=$share/mime/packages/$app_id.xml
  for f in "$bin/creative-cities-plans" "$bin/ccplans" "$desktop" "$metainfo" "$mime" \
           "$share/icons/hicolor/scalable/apps/$app_id.svg" \
           "$share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg" \
           "$share/glib-2.0/schemas/$app_id.gschema.xml" \
           "$share/creative-cities-plans/vocabularies.xml"; do
    if [ -f "$f" ]; then
      echo "ok: installed ${f#"$stage"}"
    else
      fail "${f#"$stage"} was not installed"
    fi
  done
  if [ $status -eq 0 ]; then
    desktop-file-validate "$desktop" || fail "the installed desktop file does not validate"
    appstreamcli validate --no-net "$metainfo" > "$tmp/appstream.out" 2>&1 \
      || { cat "$tmp/appstream.out"; fail "the installed metainfo does not validate"; }

    # The desktop file starts an installed program and shows an installed icon.
    exec_program=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")
    [ -x "$bin/$exec_program" ] || fail "Exec=$exec_program is not an installed program"
    icon=$(sed -n 's/^Icon=//p' "$desktop")
    [ -f "$share/icons/hicolor/scalable/apps/$icon.svg" ] || fail "Icon=$icon is not installed"

    # The metainfo launches that desktop file and provides installed programs.
    launchable=$(xmllint --xpath 'string(/component/launchable[@type="desktop-id"])' "$metainfo")
    [ "$launchable" = "$app_id.desktop" ] || fail "the metainfo launches $launchable"
    n=$(xmllint --xpath 'count(/component/provides/binary)' "$metainfo")
    i=1
    while [ "$i" -le "$n" ]; do
      binary=$(xmllint --xpath "string((/component/provides/binary)[$i])" "$metainfo")
      [ -x "$bin/$binary" ] || fail "the metainfo provides $binary, which is not installed"
      i=$((i + 1))
    done

    # The desktop file, the metainfo and the MIME definition name the same types.
    sed -n 's/^MimeType=//p' "$desktop" | tr ';' '\n' | sed '/^$/d' | sort > "$tmp/desktop.types"
    n=$(xmllint --xpath 'count(/component/provides/mediatype)' "$metainfo")
    i=1
    while [ "$i" -le "$n" ]; do
      xmllint --xpath "string((/component/provides/mediatype)[$i])" "$metainfo"
      echo
      i=$((i + 1))
    done | sed '/^$/d' | sort > "$tmp/metainfo.types"
    n=$(xmllint --xpath "count(/*/*[local-name()='mime-type'])" "$mime")
    i=1
    while [ "$i" -le "$n" ]; do
      xmllint --xpath "string((/*/*[local-name()='mime-type'])[$i]/@type)" "$mime"
      echo
      i=$((i + 1))
    done | sed '/^$/d' | sort > "$tmp/mime.types"
    if cmp -s "$tmp/desktop.types" "$tmp/mime.types" \
       && cmp -s "$tmp/metainfo.types" "$tmp/mime.types" && [ -s "$tmp/mime.types" ]; then
      echo "ok: the desktop file, the metainfo and the MIME definition name the same types:" \
        "$(tr '\n' ' ' < "$tmp/mime.types")"
    else
      fail "the types differ: desktop file: $(cat "$tmp/desktop.types");" \
        "metainfo: $(cat "$tmp/metainfo.types"); MIME definition: $(cat "$tmp/mime.types")"
    fi
  fi
fi
exit $status
