#!/usr/bin/env bash
# End-to-end routing benchmark: generates a JSON Lines corpus of N cases for
# the shipped rule set (default 400,000) and times `triage route` from JSON
# Lines to JSON Lines on one thread and on every core, with peak memory.
# Usage: bench/route_corpus.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-400000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
scripts/generate-corpus.sh "$n" > "$dir/cases.jsonl"
echo "corpus: $n cases, $(du -h "$dir/cases.jsonl" | cut -f1)"
for threads in 1 0; do
  label=$([ "$threads" = 0 ] && echo "all $(nproc) cores" || echo "1 thread")
  /usr/bin/time -f "route, $label: %e s wall, %M KB peak RSS" \
    build/cli/triage route rules/lokale-driehoek.yaml "$dir/cases.jsonl" \
    --format jsonl --threads "$threads" -o "$dir/out.jsonl"
  echo "records out: $(wc -l < "$dir/out.jsonl")"
done
