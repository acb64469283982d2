#!/bin/sh
# Plan files are .xml files told apart by their root element: install the shared-mime-info
# definition into a throw-away data directory and ask GIO, as GNOME's file manager does, what type
# each file has. Plans must get their own type, with or without the .xml extension; other XML
# files, even ones that look a bit like plans, must stay application/xml.
# Usage: check-mime.sh MERGED_MIME_XML DATA_DIR [CCPLANS]
set -eu
mime_xml="$1"
data="$2"
ccplans="${3:-}"
ns="urn:creativecities:plans:1"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ccp-mime-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
mkdir -p "$tmp/share/mime/packages" "$tmp/home" "$tmp/files"
cp "$mime_xml" "$tmp/share/mime/packages/org.creativecities.Plans.xml"
if ! update-mime-database "$tmp/share/mime" > "$tmp/update.log" 2>&1; then
  cat "$tmp/update.log"
  exit 1
fi
for t in city-plan field-plan; do
  if ! grep -qF "$ns $t application/vnd.creativecities.$t+xml" "$tmp/share/mime/XMLnamespaces"; then
    echo "update-mime-database did not register the root element $t"
    exit 1
  fi
done

export XDG_DATA_HOME="$tmp/home"
export XDG_DATA_DIRS="$tmp/share:/usr/local/share:/usr/share"
export GIO_USE_VFS=local
unset G_DEBUG

status=0
expect () {
  got=$(gio info -a standard::content-type "$1" | sed -n 's/^ *standard::content-type: //p')
  if [ "$got" = "$2" ]; then
    echo "ok: $1: $got"
  else
    echo "FAIL: $1: expected $2, GIO says ${got:-nothing}"
    status=1
  fi
}

# The type follows from each example's root element and namespace (read with xmllint).
mkdir "$tmp/city-plans"
for f in "$data"/examples/*.xml "$data"/examples/mistakes/*.xml; do
  [ -e "$f" ] || continue
  root=$(xmllint --xpath 'local-name(/*)' "$f")
  uri=$(xmllint --xpath 'namespace-uri(/*)' "$f")
  if [ "$uri" = "$ns" ]; then
    type="application/vnd.creativecities.$root+xml"
  else
    type=application/xml
  fi
  expect "$f" "$type"
  case "$f:$type" in
    */mistakes/*) ;;
    *:application/vnd.creativecities.city-plan+xml) cp "$f" "$tmp/city-plans/" ;;
  esac
  # Saved from an e-mail without its extension.
  cp "$f" "$tmp/files/plan-without-extension"
  expect "$tmp/files/plan-without-extension" "$type"
done

# A field plan as ccplans writes it.
if [ -n "$ccplans" ]; then
  code=0
  CCP_DATA_DIR=$data "$ccplans" merge -o "$tmp/files/consolidated.xml" "$tmp"/city-plans/*.xml \
    > "$tmp/merge.out" 2>&1 || code=$?
  if [ $code -le 1 ]; then
    expect "$tmp/files/consolidated.xml" application/vnd.creativecities.field-plan+xml
  else
    cat "$tmp/merge.out"
    echo "FAIL: ccplans merge wrote no field plan (exit $code)"
    status=1
  fi
fi

# A plan-like root element in another namespace, and XML that is not a plan.
set -- "$data"/examples/*.xml
sed "s|$ns|urn:example:other|" "$1" > "$tmp/files/other-namespace.xml"
expect "$tmp/files/other-namespace.xml" application/xml
cp "$data/vocabularies.xml" "$tmp/files/vocabularies.xml"
expect "$tmp/files/vocabularies.xml" application/xml
cp "$data/schema/creative-cities-plans-1.xsd" "$tmp/files/schema.xml"
expect "$tmp/files/schema.xml" application/xml
exit $status
