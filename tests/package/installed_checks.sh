#!/usr/bin/env bash
# What a user does with the installed package, run where it is installed
# (package_test.sh runs it in a throwaway root after dpkg -i, with PREFIX
# /usr): check and test the shipped rule set, route an example, read every
# man page, tab-complete, and build a C++ program with find_package(triage).
set -euo pipefail
prefix=${1:?the installation prefix}
consumer_source=${2:?tests/package/consumer}
version=${3:?the package version}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

triage=$prefix/bin/triage
share=$prefix/share/triage
"$triage" --version >"$work/version.txt" || fail "triage --version"
grep -qx "triage $version (rule language version [0-9]*)" "$work/version.txt" ||
  fail "triage --version: $(cat "$work/version.txt")"
"$triage" check "$share/rules/lokale-driehoek.yaml" || fail "triage check on the shipped rule set"
"$triage" test "$share/rules/lokale-driehoek.yaml" >/dev/null || fail "triage test on the shipped tests"
"$triage" route "$share/rules/lokale-driehoek.yaml" "$share/examples/cases/01-bedreiging.yaml" \
  --format jsonl -o "$work/routed.jsonl" || fail "routing a shipped example"
grep -q '"route": "om"' "$work/routed.jsonl" || fail "the shipped example's route"

# The rule-file schema, where the shipped rule file's first line points.
[[ -f $share/schema/triage-rules.schema.json ]] || fail "no schema in $share/schema"
"$triage" schema | cmp -s - "$share/schema/triage-rules.schema.json" ||
  fail "triage schema differs from the installed schema"
grep -q '^# yaml-language-server: \$schema=../schema/triage-rules.schema.json$' \
  "$share/rules/lokale-driehoek.yaml" || fail "the shipped rule file does not point to the schema"

# Every man page, as man shows it: triage(1) and one per verb.
pages=$prefix/share/man/man1
verbs=$("$triage" --help | awk '/^Subcommands:/ {on = 1; next} on && NF {print $1}')
[[ -n $verbs ]] || fail "no verbs in triage --help"
for page in triage $(for v in $verbs; do echo "triage-$v"; done); do
  [[ -f $pages/$page.1.gz ]] || fail "no man page $page(1)"
  LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$pages/$page.1.gz" >"$work/man.txt" 2>"$work/man.err"
  [[ ! -s $work/man.err ]] || fail "man -l $page.1.gz warns: $(cat "$work/man.err")"
  grep -q '^NAME' "$work/man.txt" || fail "$page(1) has no NAME"
done

# The completion loads from where bash-completion looks, and completes verbs.
bash -c "source '$prefix/share/bash-completion/completions/triage'
  COMP_WORDS=(triage ro); COMP_CWORD=1; _triage; [[ \${COMPREPLY[*]} == route ]]" ||
  fail "the bash completion"

# A C++ program that embeds the engine: find_package(triage), triage::engine.
cmake -S "$consumer_source" -B "$work/consumer" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" \
  >"$work/consumer.log" 2>&1 || { cat "$work/consumer.log"; fail "find_package(triage)"; }
cmake --build "$work/consumer" >"$work/consumer.log" 2>&1 ||
  { cat "$work/consumer.log"; fail "building against triage::engine"; }
"$work/consumer/route_one" "$share/rules/lokale-driehoek.yaml" \
  '{"case_id": "P-1", "explicit_threat": true}' >"$work/embedded.json" 2>/dev/null ||
  fail "the embedded engine routing a case"
grep -q '"case_id": "P-1", "status": "decided", "route": "om"' "$work/embedded.json" ||
  fail "the embedded engine's record: $(cat "$work/embedded.json")"
echo "installed: check, test, route, man pages, completion and find_package all fine"
