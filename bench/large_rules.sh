#!/usr/bin/env bash
# Large rule sets end to end: writes the benchmarks' generated sets as rule
# files (build/bench/triage_gen_rules), then times `triage check` on each
# with its peak memory, and `triage route` of N cases (default 100,000) from
# JSON Lines to full JSON Lines records on one thread. Compare the routing
# rate with BM_NarrowParseAndEvaluate1000 (parse and evaluate in memory).
# Usage: bench/large_rules.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
gen=build/bench/triage_gen_rules
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$gen" narrow > "$dir/narrow1000.yaml"
"$gen" narrow 10000 > "$dir/narrow10000.yaml"
for k in 3 4 5; do "$gen" "random$k" > "$dir/random$k.yaml"; done
"$gen" narrow-cases "$n" > "$dir/narrow-cases.jsonl"
"$gen" forty-cases "$n" > "$dir/forty-cases.jsonl"
for set in narrow1000 narrow10000 random3 random4 random5; do
  rc=0
  /usr/bin/time -f "check $set: %e s wall, %M KB peak RSS" \
    build/cli/triage check "$dir/$set.yaml" > /dev/null 2> "$dir/check.txt" || rc=$?
  tail -1 "$dir/check.txt"
  echo "  $(grep -c 'warning:' "$dir/check.txt" || true) warnings, $(grep -c 'error:' "$dir/check.txt" || true) errors, exit $rc"
  cases=$([[ $set == narrow* ]] && echo narrow-cases || echo forty-cases)
  /usr/bin/time -f "route $set, $n cases, 1 thread: %e s wall, %M KB peak RSS" \
    build/cli/triage route "$dir/$set.yaml" "$dir/$cases.jsonl" --format jsonl --threads 1 \
    -o "$dir/out.jsonl" 2>&1 | grep -v '^triage:'
  echo "  records out: $(wc -l < "$dir/out.jsonl")"
done
