#!/usr/bin/env bash
# Builds the libFuzzer fuzzers with clang in build-fuzz/ and runs each for
# SECONDS (first argument, default 600), on seed corpora made from the
# repository's own files; every crash is left in build-fuzz/crashes/ and
# fails the run. scripts/test.sh runs it briefly; run it long by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
dir=build-fuzz
CXX=clang++ cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" -DTRIAGE_FUZZ=ON -DTRIAGE_TESTS=OFF \
  -DTRIAGE_BENCH=OFF >/dev/null
cmake --build "$dir" --parallel "$(nproc)" --target fuzz_rule_file fuzz_expression \
  fuzz_cases_json fuzz_cases_jsonlines fuzz_cases_yaml fuzz_cases_csv fuzz_differential

# Seeds: the rule files and tests, the examples' cases, the rules' `when`s.
seeds=$dir/seeds
rm -rf "$seeds"
mkdir -p "$seeds"/{rule_file,expression,cases_json,cases_jsonlines,cases_yaml,cases_csv,differential}
for f in rules/*.yaml examples/audit/*.yaml tests/golden/diagnostics/*.yaml tests/schema/*.yaml \
  tests/schema/broken/*.yaml; do
  cp "$f" "$seeds/rule_file/$(echo "$f" | tr / _)"
done
grep -ho 'when: .*' rules/*.yaml | sed 's/^when: /x/' | split -l 1 - "$seeds/expression/when-"
cp examples/cases/*.json "$seeds/cases_json/"
cp examples/cases/*.jsonl "$seeds/cases_jsonlines/"
cp examples/cases/*.yaml "$seeds/cases_yaml/"
find examples tests -name '*.csv' -exec cp {} "$seeds/cases_csv/" \; 2>/dev/null || true
printf 'case_id;b;e;i\nZ-1;ja;alfa;12\n' >"$seeds/cases_csv/dutch.csv"
head -c 64 /dev/urandom >"$seeds/differential/random"

mkdir -p "$dir/crashes"
status=0
for name in rule_file expression cases_json cases_jsonlines cases_yaml cases_csv differential; do
  corpus=$dir/corpus/$name
  mkdir -p "$corpus"
  echo "== fuzz_$name for ${seconds}s"
  if ! "$dir/fuzz/fuzz_$name" "$corpus" "$seeds/$name" -max_total_time="$seconds" \
    -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$dir/crashes/$name-" >"$dir/fuzz_$name.log" 2>&1; then
    echo "fuzz_$name found a problem:"
    tail -40 "$dir/fuzz_$name.log"
    status=1
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$dir/fuzz_$name.log" | tr '\n' ' '
  echo "corpus $(ls "$corpus" | wc -l) inputs"
done
exit $status
