#!/bin/sh
# Every catalogue in po/LINGUAS must translate every string of the current code: regenerates the
# template from po/POTFILES.in into a temporary directory, with the xgettext options of meson's
# i18n.gettext (preset 'glib', po/ as GETTEXTDATADIRS for the vocabulary ITS rules), merges each
# catalogue into it and fails listing every msgid that a catalogue lacks, leaves untranslated or
# marks fuzzy. po/ itself is never modified: to bring the catalogues up to date, run
# `meson compile -C BUILDDIR creative-cities-plans-update-po` and translate what this lists.
# Usage: check-catalogues-current.sh SOURCE_ROOT [PACKAGE]
set -eu
top="$1"
package="${2:-creative-cities-plans}"
po="$top/po"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# The same keywords and flags as meson's 'glib' preset (mesonbuild/modules/i18n.py).
GETTEXTDATADIRS="$po" xgettext --package-name="$package" -f "$po/POTFILES.in" -D "$top" \
  -k_ -o "$tmp/$package.pot" \
  --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dcgettext:2 \
  --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format --flag=g_print:1:c-format \
  --flag=g_printerr:1:c-format --flag=g_printf:1:c-format --flag=g_fprintf:2:c-format \
  --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format

total=$(msgattrib --no-obsolete "$tmp/$package.pot" | grep -c '^msgid ' || true)
# The header entry (msgid "") is not a string of the code.
total=$((total - 1))
echo "template: $total strings from $(grep -vc '^[[:space:]]*\(#\|$\)' "$po/POTFILES.in") files"

# msgctxt and msgid of each entry of a PO file, one per line ("context|msgid").
list_entries() {
  msgattrib --no-wrap --no-obsolete "$1" | awk '
    /^msgctxt "/ { ctx = substr($0, 10, length($0) - 10); next }
    /^msgid "/ { id = substr($0, 8, length($0) - 8); inid = 1; next }
    /^"/ && inid { id = id substr($0, 2, length($0) - 2); next }
    { if (inid && id != "") print (ctx != "" ? ctx "|" : "") id; inid = 0; if (!/^msgid/) ctx = "" }
    END { if (inid && id != "") print (ctx != "" ? ctx "|" : "") id }'
}

status=0
langs=$(sed -e 's/#.*//' "$po/LINGUAS" | tr -s '[:space:]' ' ')
for lang in $langs; do
  if [ ! -f "$po/$lang.po" ]; then
    echo "$lang: po/$lang.po is missing"
    status=1
    continue
  fi
  # Fuzzy matching off: a string the catalogue does not have is reported as untranslated, not as
  # a guess.
  msgmerge --quiet --no-fuzzy-matching -o "$tmp/$lang.po" "$po/$lang.po" "$tmp/$package.pot"
  msgattrib --force-po --untranslated --no-obsolete -o "$tmp/$lang.untranslated.po" "$tmp/$lang.po"
  msgattrib --force-po --only-fuzzy --no-obsolete -o "$tmp/$lang.fuzzy.po" "$tmp/$lang.po"
  untranslated=$(list_entries "$tmp/$lang.untranslated.po")
  fuzzy=$(list_entries "$tmp/$lang.fuzzy.po")
  n_untranslated=$(printf '%s' "$untranslated" | grep -c '' || true)
  n_fuzzy=$(printf '%s' "$fuzzy" | grep -c '' || true)
  if [ "$n_untranslated" -eq 0 ] && [ "$n_fuzzy" -eq 0 ]; then
    echo "$lang: all $total strings translated"
    continue
  fi
  status=1
  echo "$lang: $n_untranslated untranslated, $n_fuzzy fuzzy, of $total strings"
  printf '%s\n' "$untranslated" | sed '/^$/d; s/^/  untranslated: /'
  printf '%s\n' "$fuzzy" | sed '/^$/d; s/^/  fuzzy: /'
done
exit $status
