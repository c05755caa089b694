#!/usr/bin/env bash
# Writes a synthetic JSON Lines corpus of N cases for the shipped rule set
# (every fact of rules/lokale-driehoek.yaml, values drawn at random with a
# fixed seed, so the same N gives the same file). No personal data.
# Usage: scripts/generate-corpus.sh N > cases.jsonl
set -euo pipefail
n=${1:?usage: scripts/generate-corpus.sh N > cases.jsonl}
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
}'
