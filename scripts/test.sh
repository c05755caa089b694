#!/usr/bin/env bash
# Quick start 2: install what is missing, build, and run every test:
# the Catch2 suite through CTest, `triage check` on every rule file, and the
# suite again under AddressSanitizer and UndefinedBehaviorSanitizer.
# Set TRIAGE_NO_SANITIZE=1 to skip the sanitizer run. The sanitizer build is
# optimised less (-O1, line tables only) and checks the standard library's
# preconditions too (_GLIBCXX_ASSERTIONS); it runs an eighth of the
# differential test's rule sets (the normal run does them all).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh build -DTRIAGE_WERROR=ON

echo "== triage check rules/*.yaml, triage test on each rule set with tests"
build/cli/triage check rules/*.yaml
for f in rules/*.test.yaml; do
  [ -e "$f" ] && build/cli/triage test "$f" --coverage
done

if [ "${TRIAGE_NO_SANITIZE:-}" != "1" ]; then
  echo "== tests under ASan + UBSan"
  scripts/build.sh build-sanitize -DTRIAGE_SANITIZE=ON -DTRIAGE_BENCH=OFF \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -D_GLIBCXX_ASSERTIONS"
  (cd build-sanitize && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
     TRIAGE_DIFF_SCALE=0.125 \
     ctest --output-on-failure --parallel "$(nproc)" >ctest.log 2>&1) || {
    tail -50 build-sanitize/ctest.log; exit 1; }
  tail -3 build-sanitize/ctest.log
fi

echo "== tests"
cd build
ctest --output-on-failure --parallel "$(nproc)"
