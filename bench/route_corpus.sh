#!/usr/bin/env bash
# End-to-end routing benchmark: generates a JSON Lines corpus of N cases for
# the shipped rule set (default 400,000) and times `triage route` from JSON
# Lines to JSON Lines, with peak memory. Usage: bench/route_corpus.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-400000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
awk -v n="$n" 'BEGIN {
  srand(1);
  split("burgemeester wethouder raadslid ambtenaar", role, " ");
  split("aangifte aansprakelijkstelling woo_verzoek bezwaar_beroep klacht tuchtklacht integriteitsmelding kort_geding", inst, " ");
  split("voldoende beperkt geen", cap, " ");
  for (i = 0; i < n; i++) {
    printf "{\"case_id\": \"c%d\", \"role\": \"%s\", \"instrument\": \"%s\", \"procedures_12m\": %d, \"initiators\": %d, \"explicit_threat\": %s, \"false_report_suspected\": %s, \"doxing\": %s, \"subversion_link\": %s, \"personal_life_affected\": %s, \"prior_dialogue_failed\": %s, \"legal_capacity\": \"%s\"}\n",
      i, role[int(rand()*4)+1], inst[int(rand()*8)+1], int(rand()*16), int(rand()*4)+1,
      rand()<0.05?"true":"false", rand()<0.05?"true":"false", rand()<0.05?"true":"false",
      rand()<0.05?"true":"false", rand()<0.2?"true":"false", rand()<0.3?"true":"false",
      cap[int(rand()*3)+1];
  }
}' > "$dir/cases.jsonl"
echo "corpus: $n cases, $(du -h "$dir/cases.jsonl" | cut -f1)"
/usr/bin/time -f "route: %e s wall, %M KB peak RSS" \
  build/cli/triage route rules/lokale-driehoek.yaml "$dir/cases.jsonl" \
  --format jsonl -o "$dir/out.jsonl"
echo "records out: $(wc -l < "$dir/out.jsonl")"
