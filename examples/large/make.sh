#!/usr/bin/env bash
# Remakes the large example: 1,000 generated first-hit rules over 40 facts
# (build/bench/triage_gen_rules narrow, the set of BM_Narrow1000), the
# output of `triage check` on it, 200 generated cases and their records.
# With --verify it writes nothing and fails when `triage` now says
# something other than the files kept here (a CTest test runs that).
# Run from anywhere after a build.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
triage=${TRIAGE:-$root/build/cli/triage}
here=$root/examples/large
out=$here
if [ "${1:-}" = --verify ]; then
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
  cp "$here/narrow-1000.yaml" "$here/cases.jsonl" "$out/"
else
  "$root/build/bench/triage_gen_rules" narrow 1000 > "$here/narrow-1000.yaml"
  "$root/build/bench/triage_gen_rules" narrow-cases 200 > "$here/cases.jsonl"
fi
cd "$out"
rc=0
"$triage" check narrow-1000.yaml > check.txt 2>&1 || rc=$?
[ "$rc" -le 1 ] || { cat check.txt >&2; exit "$rc"; }
"$triage" route narrow-1000.yaml cases.jsonl --format jsonl -o records.jsonl 2> route.txt
if [ "$out" != "$here" ]; then
  for f in check.txt route.txt records.jsonl; do
    diff -u "$here/$f" "$out/$f" || { echo "examples/large/$f is not what triage says now: run examples/large/make.sh" >&2; exit 1; }
  done
  echo "examples/large: check.txt, route.txt and records.jsonl are what triage says"
else
  echo "examples/large: narrow-1000.yaml, check.txt, cases.jsonl, route.txt, records.jsonl"
fi
