#!/bin/sh
# The metainfo lists data/screenshots/*.png as screenshots once -Dscreenshots_url says where they
# are published. Whatever that build option is, check here that the screenshots element validates
# with a web address in its place (example.org is reserved for examples), and that every image it
# names exists in data/screenshots/ and is a PNG.
# Usage: check-screenshots.sh MERGED_METAINFO SCREENSHOTS_DIR
set -eu
merged="$1"
shots="$2"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ccp-screenshots-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
base=https://example.org/creative-cities-plans/screenshots
sed "s|@SCREENSHOTS_URL@|$base|g" "$merged" > "$tmp/org.creativecities.Plans.metainfo.xml"
appstreamcli validate --no-net --explain "$tmp/org.creativecities.Plans.metainfo.xml"

status=0
count=$(xmllint --xpath 'count(/component/screenshots/screenshot/image)' \
        "$tmp/org.creativecities.Plans.metainfo.xml")
if [ "$count" -eq 0 ]; then
  echo "the metainfo lists no screenshot"
  exit 1
fi
i=1
while [ "$i" -le "$count" ]; do
  url=$(xmllint --xpath "string((/component/screenshots/screenshot/image)[$i])" \
        "$tmp/org.creativecities.Plans.metainfo.xml")
  name=${url#"$base"/}
  file="$shots/$name"
  if [ "$name" = "$url" ]; then
    echo "FAIL: $url is not under @SCREENSHOTS_URL@/"
    status=1
  elif [ ! -f "$file" ]; then
    echo "FAIL: $url names data/screenshots/$name, which does not exist"
    status=1
  elif [ "$(head -c 8 "$file" | od -An -tx1 | tr -d ' \n')" != 89504e470d0a1a0a ]; then
    echo "FAIL: data/screenshots/$name is not a PNG"
    status=1
  else
    # Width and height: big-endian 32-bit integers at bytes 16 and 20 of the IHDR chunk.
    size=$(od -An -tu1 -j16 -N8 "$file" \
           | awk '{ printf "%dx%d", (($1 * 256 + $2) * 256 + $3) * 256 + $4,
                                    (($5 * 256 + $6) * 256 + $7) * 256 + $8 }')
    echo "ok: $url is data/screenshots/$name ($size)"
  fi
  i=$((i + 1))
done
exit $status
