#!/usr/bin/env bash
# End-to-end recording benchmark: routes a JSON Lines corpus of N cases
# (default 400,000) to a file, then the same with --record into a new SQLite
# register and into a throwaway PostgreSQL server (scripts/with-postgres.sh,
# fsync on), each timed in the same sitting; then the register benchmark
# (records per second, batches of 1 and of 8,192, both backends).
# Usage: bench/record_corpus.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-400000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
scripts/generate-corpus.sh "$n" > "$dir/cases.jsonl"
echo "corpus: $n cases, $(du -h "$dir/cases.jsonl" | cut -f1)"
run() {
  local label=$1
  shift
  /usr/bin/time -f "$label: %e s wall, %U s user, %S s sys, %M KB peak RSS" \
    build/cli/triage route rules/lokale-driehoek.yaml "$dir/cases.jsonl" --format jsonl \
    -o "$dir/out.jsonl" "$@" 2>&1 | grep -v '^triage:'
}
run "route to a file"
run "route to a file and record (SQLite)" --record --register "$dir/register.db"
echo "register: $(du -h "$dir/register.db" | cut -f1)"
export TRIAGE_PG_FSYNC=on
scripts/with-postgres.sh bash -c "
  $(declare -f run); dir=$dir
  run 'route to a file and record (PostgreSQL)' --record --register \"\$TRIAGE_TEST_POSTGRES\"
  build/bench/triage_register_bench --benchmark_min_time=1"
