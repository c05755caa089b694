#!/usr/bin/env bash
# Builds the libFuzzer fuzzers with clang in build-fuzz/ and runs each on
# seed corpora made from the repository's own files, with every input in
# tests/fuzz/regressions/ (what the fuzzers found before) and the kept
# corpus of the long runs (tests/fuzz/corpus/NAME.tar.gz, minimized with
# -merge=1) among them.
#
#   scripts/fuzz.sh [SECONDS]  by hand: each fuzzer SECONDS (default 600),
#                              at random, growing build-fuzz/corpus/
#   scripts/fuzz.sh --ci       scripts/test.sh: each fuzzer runs every seed,
#                              regression and kept input once (-runs=0), and
#                              nothing at random: a mutating run explores
#                              other inputs on each machine and run (libFuzzer
#                              orders seeds of one size as the directory
#                              lists them; coverage follows addresses), so it
#                              made CI fail at random on new findings. New
#                              findings come from the long runs by hand.
#
# Every crash is left in build-fuzz/crashes/ and fails the run. A finding is
# fixed, and its input kept as tests/fuzz/regressions/NAME-what-it-was.
set -euo pipefail
cd "$(dirname "$0")/.."
ci=0
seconds=600
if [ "${1:-}" = "--ci" ]; then
  ci=1
elif [ -n "${1:-}" ]; then
  seconds=$1
fi
dir=build-fuzz
CXX=clang++ cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" -DTRIAGE_FUZZ=ON -DTRIAGE_TESTS=OFF \
  -DTRIAGE_BENCH=OFF >/dev/null
names=(rule_file expression cases_json cases_jsonlines cases_yaml cases_csv differential)
cmake --build "$dir" --parallel "$(nproc)" --target "${names[@]/#/fuzz_}"

# Seeds: the rule files and tests, the examples' cases, the rules' `when`s,
# and the regressions, each under the fuzzer its name starts with.
seeds=$dir/seeds
rm -rf "$seeds"
for name in "${names[@]}"; do mkdir -p "$seeds/$name"; done
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
printf 'triage-differential-seed-0123456789abcdef' >"$seeds/differential/fixed"
for name in "${names[@]}"; do
  for f in tests/fuzz/regressions/"$name"-*; do
    [ -e "$f" ] && cp "$f" "$seeds/$name/"
  done
  kept=tests/fuzz/corpus/$name.tar.gz
  [ -e "$kept" ] && tar -xzf "$kept" -C "$seeds/$name"
done

mkdir -p "$dir/crashes"
status=0
for name in "${names[@]}"; do
  if [ $ci = 1 ]; then
    corpus=$(mktemp -d)
    bound=(-runs=0)
    echo "== fuzz_$name: every seed, regression and kept input, once"
  else
    corpus=$dir/corpus/$name
    mkdir -p "$corpus"
    bound=("-max_total_time=$seconds")
    echo "== fuzz_$name for ${seconds}s"
  fi
  if ! "$dir/fuzz/fuzz_$name" "$corpus" "$seeds/$name" "${bound[@]}" \
    -max_len=65536 -timeout=60 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$dir/crashes/$name-" >"$dir/fuzz_$name.log" 2>&1; then
    echo "fuzz_$name found a problem:"
    tail -40 "$dir/fuzz_$name.log"
    status=1
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$dir/fuzz_$name.log" | tr '\n' ' '
  echo "corpus $(ls "$corpus" | wc -l) inputs"
  [ $ci = 1 ] && rm -rf "$corpus"
done
exit $status
