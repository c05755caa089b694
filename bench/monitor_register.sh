#!/usr/bin/env bash
# The monitor on a big register: records N generated decisions (default
# 1,000,000; scripts/generate-year.sh, pseudonymised) into a new SQLite
# register, then times `triage monitor` over it (text, and HTML), with peak
# memory, and once more with half of them to show memory stays flat.
# Usage: bench/monitor_register.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
head -c 32 /dev/urandom > "$dir/key"
export TRIAGE_PSEUDONYM_KEY_FILE="$dir/key"
for count in $((n / 2)) "$n"; do
  scripts/generate-year.sh "$count" 2026 > "$dir/cases.jsonl"
  rm -f "$dir/register.db"*
  /usr/bin/time -f "record $count: %e s wall, %M KB peak RSS" \
    build/cli/triage route rules/lokale-driehoek.yaml "$dir/cases.jsonl" --record \
    --register "$dir/register.db" -o /dev/null 2>&1 | grep -v '^triage:'
  echo "register: $(du -h "$dir/register.db" | cut -f1)"
  /usr/bin/time -f "monitor $count (text): %e s wall, %U s user, %M KB peak RSS" \
    build/cli/triage monitor --register "$dir/register.db" --rules rules/lokale-driehoek.yaml \
    -o "$dir/monitor.txt" 2>&1 | grep -v '^triage:'
  /usr/bin/time -f "monitor $count (html, by month): %e s wall, %M KB peak RSS" \
    build/cli/triage monitor --register "$dir/register.db" --rules rules/lokale-driehoek.yaml \
    --by month -o "$dir/monitor.html" 2>&1 | grep -v '^triage:'
done
