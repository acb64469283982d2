#!/bin/sh
# Runs one libFuzzer harness on its seed corpus (make-seeds.sh).
#   run-fuzzer.sh FUZZER NAME 0        replays every seed and regression input once (meson test)
#   run-fuzzer.sh FUZZER NAME SECONDS  fuzzes for SECONDS; crashes land in $CCP_FUZZ_ARTIFACTS
#                                      (default: the current folder) as NAME-crash-*
set -eu

if [ $# -ne 3 ]; then
  echo "usage: $0 FUZZER NAME SECONDS" >&2
  exit 2
fi
fuzzer=$1
name=$2
seconds=$3
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/ccp-fuzz-$name.XXXXXX")
trap 'rm -rf "$work"' EXIT

sh "$here/make-seeds.sh" "$work/seeds"
artifacts=${CCP_FUZZ_ARTIFACTS:-$PWD}
mkdir -p "$artifacts" "$work/corpus"

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"

# Not exec: the EXIT trap must still remove the scratch folder.
# libFuzzer's own crash status is 77, which meson takes for "skipped": say 1 instead.
set +e
if [ "$seconds" -eq 0 ]; then
  "$fuzzer" -runs=0 -timeout=10 -error_exitcode=1 -timeout_exitcode=1 "$work/seeds/$name"
else
  # New inputs go to the scratch corpus; the seeds are only read.
  "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -error_exitcode=1 -timeout_exitcode=1 \
    -dict="$here/plans.dict" -artifact_prefix="$artifacts/$name-" "$work/corpus" "$work/seeds/$name"
fi
exit $?
