#!/bin/sh
# Runs one libFuzzer target for a short time, seeded with the XML test
# inputs of its document type; new corpus entries go to a scratch
# directory so the source tree is never written.
# usage: run_fuzz.sh TARGET SECONDS SEEDDIR...
set -u
target=$1; seconds=$2; shift 2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
seeds=""
for d in "$@"; do
    [ -d "$d" ] && seeds="$seeds $d"
done
# shellcheck disable=SC2086
"$target" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -error_exitcode=1 \
    -print_final_stats=1 -artifact_prefix="$scratch/" "$scratch" $seeds
rc=$?
for f in "$scratch"/crash-* "$scratch"/leak-* "$scratch"/timeout-*; do
    [ -e "$f" ] || continue
    echo "reproducer $f:"
    od -c "$f" | head -40
done
exit $rc
