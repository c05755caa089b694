#!/usr/bin/env bash
# The bash completion as bash runs it: the script the build writes
# ($COMPLETION) sourced into bash, _triage called with the words typed so
# far, COMPREPLY compared with what a user should be offered.
set -euo pipefail
export LC_ALL=C  # sort as bytes: --help before audit, in any locale
completion=${COMPLETION:?the completion script to test}
triage=${TRIAGE:?the triage binary}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"
mkdir -p regels/oud
touch lokale-driehoek.yaml kort.yml zaken.csv zaken.jsonl regels/nieuw.yaml

# shellcheck source=/dev/null
source "$completion"
failures=0

# offered WORDS... -- EXPECTED: the words typed (the last is being
# completed), and what must be offered, sorted, space-separated.
offered() {
  local words=() expected
  while [[ $1 != -- ]]; do words+=("$1"); shift; done
  shift
  expected=$*
  COMP_WORDS=("${words[@]}")
  COMP_CWORD=$((${#words[@]} - 1))
  COMPREPLY=()
  # As bash runs a completion: without errexit (a compgen that finds
  # nothing returns 1).
  set +e
  _triage
  set -e
  local got
  got=$(printf '%s\n' "${COMPREPLY[@]}" | sed '/^$/d' | sort | tr '\n' ' ' | sed 's/ $//')
  if [[ $got != "$expected" ]]; then
    echo "FAIL: '${words[*]}' offers '$got', expected '$expected'"
    failures=$((failures + 1))
  fi
}

# The verbs are those of triage --help.
verbs=$("$triage" --help | awk '/^Subcommands:/ {on = 1; next} on && NF {print $1}' |
  sort | tr '\n' ' ' | sed 's/ $//')
[[ $verbs == *route* ]] || { echo "FAIL: no verbs in triage --help"; exit 1; }
offered triage '' -- --help --version $verbs
offered triage ro -- route
offered triage --version '' -- --help --version $verbs
# A rule file: *.yaml, *.yml and the folders on the way to one.
offered triage check '' -- kort.yml lokale-driehoek.yaml regels
offered triage check regels/ -- regels/nieuw.yaml regels/oud
offered triage route lok -- lokale-driehoek.yaml
# After the rule file, case files: any file.
offered triage route lokale-driehoek.yaml zak -- zaken.csv zaken.jsonl
offered triage route lokale-driehoek.yaml --lang nl zak -- zaken.csv zaken.jsonl
# An option's value: its choices, a file, or nothing to guess.
offered triage route --format '' -- csv json jsonl test text
offered triage route --input-format j -- json jsonl
offered triage route -o zaken.j -- zaken.jsonl
offered triage route --officer '' --
offered triage audit new.yaml --baseline lok -- lokale-driehoek.yaml
offered triage monitor --by '' -- month quarter year
offered triage log '' -- export show verify
# The options of the verb typed, and only those.
offered triage route --thr -- --threads
offered triage interview --ca -- --case --case-id
offered triage check --for -- --format
offered triage log --reg -- --register

if ((failures > 0)); then
  echo "$failures completion(s) wrong"
  exit 1
fi
echo "completion: all offered as expected"
