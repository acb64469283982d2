#!/bin/sh
# The examples are what people copy: every valid one must pass the XSD with a standard validator,
# and the ones with typical mistakes must still be well-formed.
set -eu
data="$1"
schema="$data/schema/creative-cities-plans-1.xsd"
xmllint --noout "$schema"
status=0
for f in "$data"/examples/*.xml; do
  xmllint --noout --nonet --schema "$schema" "$f" || status=1
done
# Review files (format 1.1, the six-month cycle) are of the same schema.
for f in "$data"/examples/reviews/*.xml; do
  [ -e "$f" ] || continue
  xmllint --noout --nonet --schema "$schema" "$f" || status=1
done
for f in "$data"/examples/mistakes/*.xml; do
  [ -e "$f" ] || continue
  xmllint --noout --nonet "$f" || status=1
done
exit $status
