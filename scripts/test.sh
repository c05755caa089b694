#!/usr/bin/env bash
# Quick start 2: install what is missing, build, and run every test:
# the Catch2 suites through CTest, `triage check` on every rule file, the
# suites again under AddressSanitizer and UndefinedBehaviorSanitizer, and a
# run of each libFuzzer fuzzer (clang) over its seeds, regressions and kept
# corpus.
# Set TRIAGE_NO_SANITIZE=1 to skip the sanitizer run. The sanitizer build is
# optimised less (-O1, line tables only) and checks the standard library's
# preconditions too (_GLIBCXX_ASSERTIONS); it runs an eighth of the
# randomized agreement tests' rule sets (the normal run does them all), and
# takes Catch2's runner from the normal build.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh build -DTRIAGE_WERROR=ON

echo "== triage check rules/*.yaml, triage test on each rule set with tests"
build/cli/triage check rules/*.yaml
for f in rules/*.test.yaml; do
  [ -e "$f" ] && build/cli/triage test "$f" --coverage
done

if [ "${TRIAGE_NO_SANITIZE:-}" = "1" ]; then
  echo "== tests"
  cd build
  exec ctest --output-on-failure --parallel "$(nproc)"
fi

# The normal tests run while the sanitizer build compiles: their long tail
# is a few tests on one core, which the build fills. Their report comes last.
rm -f build/ctest.status
(cd build && { ctest --output-on-failure --parallel "$(nproc)" >ctest.log 2>&1; echo $? >ctest.status; }) &
tests=$!
trap 'kill "$tests" 2>/dev/null || true' EXIT

echo "== tests under ASan + UBSan"
scripts/build.sh build-sanitize -DTRIAGE_SANITIZE=ON -DTRIAGE_BENCH=OFF \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -D_GLIBCXX_ASSERTIONS" \
  -DTRIAGE_TEST_MAIN_FROM="$PWD/build/tests/libtriage_test_main.a"
(cd build-sanitize && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
   TRIAGE_DIFF_SCALE=0.125 \
   ctest --output-on-failure --parallel "$(nproc)" >ctest.log 2>&1) || {
  tail -50 build-sanitize/ctest.log; exit 1; }
tail -3 build-sanitize/ctest.log

# The fuzzers, the same way each time: every seed, regression and kept
# input through each (scripts/fuzz.sh SECONDS runs them at random and long, by
# hand, where new findings come from).
echo "== fuzzers"
scripts/fuzz.sh --ci

echo "== tests"
wait "$tests" || true
if [ "$(cat build/ctest.status 2>/dev/null)" != "0" ]; then
  grep -v "Test *#.* Passed" build/ctest.log | tail -80
  exit 1
fi
tail -3 build/ctest.log
