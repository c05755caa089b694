#!/usr/bin/env bash
# Quick start 1: install what is missing, build, check the shipped rule set
# and route the example cases with it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh build
echo "== triage check rules/lokale-driehoek.yaml"
build/cli/triage check rules/lokale-driehoek.yaml
echo
echo "== triage route rules/lokale-driehoek.yaml examples/cases/*"
# One example case is invalid on purpose, so route exits 1: that is expected.
build/cli/triage route rules/lokale-driehoek.yaml examples/cases/* || [ $? -eq 1 ]
echo
echo "== triage audit examples/audit/lokale-driehoek-2026.2.yaml (owb-volume 10 -> 8) over 20,000 generated cases"
corpus=$(mktemp --suffix=.jsonl)
trap 'rm -f "$corpus"' EXIT
scripts/generate-corpus.sh 20000 > "$corpus"
build/cli/triage audit examples/audit/lokale-driehoek-2026.2.yaml "$corpus" \
  --baseline rules/lokale-driehoek.yaml --examples 3
