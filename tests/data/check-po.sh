#!/bin/sh
# Every translation catalogue must compile with msgfmt --check (header, domain, and c-format
# placeholders that match their msgid), and be listed in po/LINGUAS, else it is never built nor
# installed. No catalogue at all is fine: translators add them.
# Usage: check-po.sh PO_DIR
set -eu
po="$1"
status=0
langs=$(sed -e 's/#.*//' "$po/LINGUAS" | tr -s '[:space:]' ' ')
for lang in $langs; do
  if [ ! -f "$po/$lang.po" ]; then
    echo "po/LINGUAS lists $lang, but po/$lang.po does not exist"
    status=1
  fi
done
count=0
for f in "$po"/*.po; do
  [ -e "$f" ] || continue
  lang=$(basename "$f" .po)
  count=$((count + 1))
  case " $langs " in
    *" $lang "*) ;;
    *)
      echo "po/$lang.po is not listed in po/LINGUAS, so it would never be installed"
      status=1
      ;;
  esac
  printf 'po/%s.po: ' "$lang"
  if ! msgfmt --check --statistics -o /dev/null "$f" 2>&1; then
    echo "po/$lang.po does not pass msgfmt --check"
    status=1
  fi
done
echo "$count catalogue(s) checked"
exit $status
