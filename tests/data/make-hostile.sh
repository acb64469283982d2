#!/bin/sh
# Generates into DIR the hostile inputs that are too large or too special to commit (the small
# ones live in tests/data/hostile/). Used by tests/cli/test-hostile.py; also handy by hand:
#   tests/data/make-hostile.sh /tmp/hostile && ccplans validate /tmp/hostile/*
# Every file is something a plan "received by email" could be; the tools must refuse each one
# at once, in bounded memory, with a message that names it.
set -eu

if [ $# -ne 1 ]; then
  echo "usage: $0 DIR" >&2
  exit 2
fi
dir=$1
mkdir -p "$dir"
cd "$dir"

root='<city-plan xmlns="urn:creativecities:plans:1" version="1.0"'
root="$root"' id="0c4c1a86-0d6e-4f62-9d43-3b6d2a1e7f10" revision="1"'
root="$root"' modified="2026-11-25T16:45:00Z" status="draft">'
decl='<?xml version="1.0" encoding="UTF-8"?>'

# 3 GB that cost no disk: must be refused from its size, never read.
rm -f sparse-3g.xml
truncate -s 3G sparse-3g.xml

# Opening a FIFO for reading blocks until a writer comes: must be refused before open().
rm -f fifo.xml
mkfifo fifo.xml

# A loop of symbolic links, and a link to a device that never ends.
rm -f loop-a.xml loop-b.xml dev-zero.xml
ln -s loop-b.xml loop-a.xml
ln -s loop-a.xml loop-b.xml
ln -s /dev/zero dev-zero.xml

# A folder with a plan's name.
rm -rf directory.xml
mkdir directory.xml

# A 40 MB attribute value (below the 64 MB file limit, so the parser sees it).
{
  printf '%s\n<city-plan xmlns="urn:creativecities:plans:1" version="1.0" id="' "$decl"
  head -c 40000000 /dev/zero | tr '\0' 'a'
  printf '" revision="1" modified="2026-11-25T16:45:00Z" status="draft">\n'
  printf '  <city country="IT">Bologna</city>\n  <field>music</field>\n'
  printf '  <period>2027-H1</period>\n</city-plan>\n'
} > attribute-40mb.xml

# 100,000 nested elements: a recursive parser or tree walk would overflow its stack.
{
  printf '%s\n%s\n  <activities>\n' "$decl" "$root"
  yes '<activity>' | head -n 100000 | tr -d '\n'
  yes '</activity>' | head -n 100000 | tr -d '\n'
  printf '\n  </activities>\n</city-plan>\n'
} > deep-100000.xml

# Billion laughs: 10 levels of 10 references, 10^9 copies of "lol" when expanded.
{
  printf '%s\n<!DOCTYPE city-plan [\n  <!ENTITY lol "lol">\n' "$decl"
  prev=lol
  for i in 1 2 3 4 5 6 7 8 9; do
    printf '  <!ENTITY lol%s "' "$i"
    for _ in 1 2 3 4 5 6 7 8 9 10; do printf '&%s;' "$prev"; done
    printf '">\n'
    prev=lol$i
  done
  printf ']>\n%s\n  <city country="IT">&lol9;</city>\n</city-plan>\n' "$root"
} > billion-laughs.xml

# Quadratic blow-up: one 100 kB entity referenced 50,000 times (5 GB expanded, no nesting,
# so limits on entity depth do not catch it).
{
  printf '%s\n<!DOCTYPE city-plan [\n  <!ENTITY big "' "$decl"
  head -c 100000 /dev/zero | tr '\0' 'x'
  printf '">\n]>\n%s\n  <city country="IT">' "$root"
  yes '&big;' | head -n 50000 | tr -d '\n'
  printf '</city>\n</city-plan>\n'
} > quadratic-blowup.xml
