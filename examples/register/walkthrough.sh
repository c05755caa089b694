#!/usr/bin/env bash
# The walk-through of examples/register/README.md as a script: a pseudonym
# key, a synthetic year of 20,000 cases recorded in a register, verify, show,
# a quarter exported as CSV, and then the register tampered with through
# sqlite3. Everything happens in a temporary folder, removed at the end.
#
# Exits 0 only when the register verifies before the tampering and fails
# verification (exit 1, naming the entries) after it, and no initiator's
# name appears in clear in the register's files or in the exports.
#
# Usage (from the repository root, after a build):
#   examples/register/walkthrough.sh
#   TRIAGE=build-asan/cli/triage examples/register/walkthrough.sh
set -euo pipefail

here=$(pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
triage=${TRIAGE:-build/cli/triage}
case $triage in
  /*) ;;
  */*) [ -n "${TRIAGE:-}" ] && triage=$here/$triage || triage=$root/$triage ;;
  *) triage=$(command -v "$triage" || true) ;;
esac
cd "$root"
rules=rules/lokale-driehoek.yaml

fail() { echo "walkthrough: FAILED: $*" >&2; exit 1; }
step() { printf '\n== %s\n' "$*"; }
[ -x "$triage" ] || { echo "walkthrough: no triage binary at $triage (build first, or set TRIAGE)" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "walkthrough: needs the sqlite3 tool (apt-get install sqlite3)" >&2; exit 2; }

work=$(mktemp -d /tmp/triage-walkthrough.XXXXXX)
trap 'rm -rf "$work"' EXIT
# Never the caller's own register or key: this one is tampered with.
export TRIAGE_REGISTER=$work/register-2026.db
export TRIAGE_PSEUDONYM_KEY_FILE=$work/triage-key
start=$SECONDS

step "a pseudonym key"
head -c 32 /dev/urandom > "$TRIAGE_PSEUDONYM_KEY_FILE"
chmod 600 "$TRIAGE_PSEUDONYM_KEY_FILE"

step "a year of cases: scripts/generate-year.sh 20000 2026"
scripts/generate-year.sh 20000 2026 > "$work/cases-2026.jsonl"
cases=$(wc -l < "$work/cases-2026.jsonl")
[ "$cases" -eq 20000 ] || fail "generate-year.sh wrote $cases cases, not 20000"

step "route and record"
"$triage" route "$rules" "$work/cases-2026.jsonl" --record --officer 'M. Hoekstra' \
  -o "$work/decisions-2026.jsonl" 2> "$work/route.err" || { cat "$work/route.err" >&2; fail "route --record"; }
cat "$work/route.err"
grep -q '20000 zaken: 20000 besloten, 0 nog niet te bepalen, 0 zonder route, 0 ongeldig' "$work/route.err" ||
  fail "not every case of the year was decided"
grep -q 'recorded 20000 decisions' "$work/route.err" || fail "not every decision was recorded"

step "verify"
"$triage" log verify || fail "the register does not verify before anyone touched it"

step "one case: log show 2026-00004"
"$triage" log show 2026-00004

step "the same case decided again: an explicit threat came to light"
grep '"case_id": "2026-00004"' "$work/cases-2026.jsonl" |
  sed 's/"explicit_threat": false/"explicit_threat": true/' |
  "$triage" route "$rules" --record --officer 'M. Hoekstra'
"$triage" log show 2026-00004 | tee "$work/show.txt"
grep -q '^case 2026-00004: 2 decisions recorded' "$work/show.txt" || fail "log show does not give both decisions"
"$triage" log verify || fail "the register does not verify after a second batch"

step "repeat initiators, counted by pseudonym"
sqlite3 -header -column "$TRIAGE_REGISTER" "
  SELECT count(*) AS cases,
         substr(json_extract(body, '\$.case.initiator_name'), 13, 16) AS pseudonym,
         min(json_extract(body, '\$.case.municipality')) AS municipality
    FROM triage_entries
   GROUP BY json_extract(body, '\$.case.initiator_name')
   ORDER BY cases DESC LIMIT 5"

# The quarter the decisions were recorded in (--from/--to select by recorded_at).
recorded=$(sqlite3 "$TRIAGE_REGISTER" "SELECT min(recorded_at) FROM triage_entries")
year=${recorded:0:4}
q=$(( (10#${recorded:5:2} - 1) / 3 ))
from=$(printf '%s-%02d' "$year" $((q * 3 + 1)))
to=$(printf '%s-%02d' "$year" $((q * 3 + 3)))
step "a quarter as CSV: log export --format csv --from $from --to $to"
"$triage" log export --format csv --from "$from" --to "$to" -o "$work/register-q.csv"
rows=$(( $(wc -l < "$work/register-q.csv") - 1 ))
[ "$rows" -eq 20001 ] || fail "the quarter's CSV has $rows entries, not 20001"
head -c 400 "$work/register-q.csv"; echo " ..."
"$triage" log export -o "$work/register.jsonl"

step "no initiator's name in clear"
grep -o '"initiator_name": "[^"]*"' "$work/cases-2026.jsonl" | cut -d'"' -f4 | sort -u > "$work/names.txt"
echo "$(wc -l < "$work/names.txt") distinct initiators in the cases"
grep -qF 'Harm Wolterink' "$work/names.txt" || fail "the name list is not what it should be"
grep -qaF -f "$work/names.txt" "$work/cases-2026.jsonl" || fail "the name search finds nothing even in the cases"
for f in "$TRIAGE_REGISTER"* "$work/register-q.csv" "$work/register.jsonl" "$work/decisions-2026.jsonl"; do
  if found=$(grep -aoF -f "$work/names.txt" "$f" | sort -u | head -3) && [ -n "$found" ]; then
    fail "$(basename "$f") holds initiators' names in clear: $found"
  fi
  echo "$(basename "$f"): no names"
done

step "tampering: the triggers refuse UPDATE and DELETE"
for sql in "UPDATE triage_entries SET status = 'invalid' WHERE seq = 51" \
           "DELETE FROM triage_entries WHERE seq = 59"; do
  if sqlite3 "$TRIAGE_REGISTER" "$sql" 2> "$work/sqlite.err"; then
    fail "sqlite3 was allowed to: $sql"
  fi
  cat "$work/sqlite.err"
  grep -q 'append-only' "$work/sqlite.err" || fail "the refusal does not say why"
done
"$triage" log verify || fail "a refused change broke the register"

# A threat case and its entry, to be hidden from the OM.
read -r changed changed_case < <(sqlite3 -separator ' ' "$TRIAGE_REGISTER" \
  "SELECT seq, case_id FROM triage_entries WHERE json_extract(body, '\$.record.rule') = 'om-bedreiging' ORDER BY seq LIMIT 1")
read -r removed removed_case < <(sqlite3 -separator ' ' "$TRIAGE_REGISTER" \
  "SELECT seq, case_id FROM triage_entries WHERE json_extract(body, '\$.record.route') = 'om' AND seq > $changed ORDER BY seq LIMIT 1")

step "tampering: the trigger dropped, entry $changed ($changed_case) sent to de-escalation instead of the OM"
sqlite3 "$TRIAGE_REGISTER" <<SQL
DROP TRIGGER triage_entries_no_update;
UPDATE triage_entries
   SET body = replace(body, '"route": "om", "routes": ["om"]', '"route": "de_escalatie", "routes": ["de_escalatie"]')
 WHERE seq = $changed;
SQL
status=0
"$triage" log verify > "$work/verify.out" 2>&1 || status=$?
cat "$work/verify.out"
[ "$status" -eq 1 ] || fail "log verify exited $status after an entry was changed, not 1"
grep -q "entry $changed (case [^)]*) was changed" "$work/verify.out" || fail "log verify does not name entry $changed"

step "tampering: entry $removed ($removed_case) deleted"
sqlite3 "$TRIAGE_REGISTER" <<SQL
DROP TRIGGER triage_entries_no_delete;
DELETE FROM triage_entries WHERE seq = $removed;
SQL
status=0
"$triage" log verify > "$work/verify.out" 2>&1 || status=$?
cat "$work/verify.out"
[ "$status" -eq 1 ] || fail "log verify exited $status after an entry was removed, not 1"
grep -q "entry $changed (case [^)]*) was changed" "$work/verify.out" || fail "log verify no longer names entry $changed"
grep -q "entry $removed was removed" "$work/verify.out" || fail "log verify does not name entry $removed"

echo
echo "walkthrough: passed in $(( SECONDS - start )) s: the register verified before the tampering, log verify named both changes after it (exit 1), and no initiator's name was stored in clear"
