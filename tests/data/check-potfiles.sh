#!/bin/sh
# Every file with translatable strings must be listed in po/POTFILES.in (else translators never
# see its strings), and every listed file must exist.
set -eu
top="$1"
cd "$top"
status=0
required=""
potfiles=po/POTFILES.in
listed=$(grep -v '^[[:space:]]*#' "$potfiles" | sed '/^[[:space:]]*$/d')
for f in $listed; do
  if [ ! -f "$f" ]; then
    echo "$potfiles lists $f, which does not exist"
    status=1
  fi
done
# Code and templates: those that mark strings. Data files: every one that carries text for people.
code=$(find src ui -type f \( -name '*.c' -o -name '*.ui' \) | sort)
for f in $code; do
  if grep -qE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|g_dngettext|ngettext)\(|translatable="yes"' "$f"; then
    required="$required $f"
  fi
done
required="$required data/vocabularies.xml $(find data -maxdepth 1 -type f \( -name '*.in' -o -name '*.gschema.xml' \) | sort)"
for f in $required; do
  if ! printf '%s\n' $listed | grep -qxF "$f"; then
    echo "$f has translatable strings but is not listed in $potfiles"
    status=1
  fi
done
[ $status -eq 0 ] && echo "$potfiles lists every file with translatable strings"
exit $status
