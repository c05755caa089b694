#!/usr/bin/env bash
# Remakes the example monitoring page: two generated years (3,000 cases in
# 2025, 4,000 in 2026) over a dozen municipalities, recorded into a throwaway register with a
# throwaway pseudonym key, then `triage monitor` as HTML and a screenshot of
# it in headless Chromium. Run from anywhere after a build.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
triage=${TRIAGE:-$root/build/cli/triage}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$root/scripts/generate-year.sh" 3000 2025 > "$work/year.jsonl"
"$root/scripts/generate-year.sh" 4000 2026 >> "$work/year.jsonl"
head -c 32 /dev/urandom > "$work/key"
TRIAGE_PSEUDONYM_KEY_FILE="$work/key" "$triage" route "$root/rules/lokale-driehoek.yaml" \
  "$work/year.jsonl" --record --register "$work/year.db" --officer voorbeeld -o /dev/null
"$triage" monitor --register "$work/year.db" --rules "$root/rules/lokale-driehoek.yaml" \
  -o "$root/examples/monitor/monitor.html"
"$triage" monitor --register "$work/year.db" --rules "$root/rules/lokale-driehoek.yaml" \
  > "$root/examples/monitor/monitor.txt"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1500,3400 \
  --screenshot="$root/examples/monitor/monitor.png" \
  "file://$root/examples/monitor/monitor.html" 2>/dev/null
echo "examples/monitor: monitor.html, monitor.txt, monitor.png"
