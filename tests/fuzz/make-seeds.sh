#!/bin/sh
# Writes the seed corpus of each harness into OUTDIR/NAME (reader, validator, merge, roster,
# review): the shipped examples (valid and with mistakes), the small hostile files of
# tests/data/hostile, the kept regression inputs of tests/fuzz/regressions (NAME-*), for the
# merge every ordered pair of examples joined by the separator fuzz-merge.c splits on, for the
# roster the shipped CSVs and a few malformed ones, and for the review file the example review.
set -eu

if [ $# -ne 1 ]; then
  echo "usage: $0 OUTDIR" >&2
  exit 2
fi
out=$1
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)

examples=$(find "$top/data/examples" -name '*.xml' -type f | sort)

for name in reader validator merge; do
  mkdir -p "$out/$name"
  for f in $examples; do
    cp "$f" "$out/$name/example-$(basename "$f")"
  done
  for f in "$here"/regressions/"$name"-*; do
    [ -f "$f" ] && cp "$f" "$out/$name/"
  done
done

for f in "$top"/tests/data/hostile/*; do
  [ -f "$f" ] && cp "$f" "$out/reader/hostile-$(basename "$f")"
done

# The roster: the shipped registry and aliases, and small CSVs of each shape it must refuse.
mkdir -p "$out/roster"
cp "$top/data/member-cities.csv" "$out/roster/member-cities.csv"
cp "$top/data/city-aliases.csv" "$out/roster/city-aliases.csv"
printf 'city,country_iso2,field,year_designated\r\nBologna,IT,music,2006\r\n' > "$out/roster/crlf.csv"
printf '\357\273\277city,country_iso2,field\n"Kırşehir, TR",TR,music\n' > "$out/roster/bom-quoted.csv"
printf 'city,country_iso2,field\nBologna,ITA,music\n' > "$out/roster/bad-country.csv"
printf 'city,country_iso2,field\n"unclosed,IT,music\n' > "$out/roster/unclosed.csv"
for f in "$here"/regressions/roster-*; do
  [ -f "$f" ] && cp "$f" "$out/roster/"
done

# The review file (issue 18): the shipped example, a plan (wrong root) and the hostile files.
mkdir -p "$out/review"
for f in "$top"/data/examples/reviews/*.xml "$top/data/examples/bologna-music-2027-h1.xml"; do
  [ -f "$f" ] && cp "$f" "$out/review/$(basename "$f")"
done
for f in "$top"/tests/data/hostile/*; do
  [ -f "$f" ] && cp "$f" "$out/review/hostile-$(basename "$f")"
done
for f in "$here"/regressions/review-*; do
  [ -f "$f" ] && cp "$f" "$out/review/"
done

# Format 1.0 field plans (upgraded when read; their report values are JSON), for the reader
# and, with a city plan, for the merge.
for f in "$top"/tests/data/format-1.0/*.xml "$top"/tests/data/hostile/field-plan-1.0-*.xml; do
  [ -f "$f" ] || continue
  cp "$f" "$out/reader/format-1.0-$(basename "$f")"
  cp "$f" "$out/validator/format-1.0-$(basename "$f")"
  { cat "$f"; printf '\n\000\000--8<--\000\000\n'; cat "$top/data/examples/bologna-music-2027-h1.xml"; } \
    > "$out/merge/format-1.0-$(basename "$f" .xml).bin"
done

i=0
for a in $examples; do
  for b in $examples; do
    [ "$a" = "$b" ] && continue
    i=$((i + 1))
    { cat "$a"; printf '\n\000\000--8<--\000\000\n'; cat "$b"; } > "$out/merge/pair-$i.bin"
  done
done
