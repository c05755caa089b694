#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL server: initdb in a temporary
# folder, listening only on a Unix socket there, stopped and removed when the
# command ends. The command sees:
#   TRIAGE_TEST_POSTGRES  a URL of the server's "postgres" database
#   TRIAGE_TEST_PG_CTL    a command that takes pg_ctl's arguments for it
#                         ("$TRIAGE_TEST_PG_CTL stop -m immediate", "... start")
#   TRIAGE_TEST_PG_DATA   its data folder (to look for clear text on disk)
#   TRIAGE_TEST_BACKENDS  postgres (the register tests run against it)
# Usage: scripts/with-postgres.sh COMMAND [ARGS...]
set -euo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "with-postgres: no PostgreSQL server found (install postgresql-15: scripts/setup.sh)" >&2
  exit 2
fi

dir=$(mktemp -d /tmp/triage-pg.XXXXXX)
# initdb refuses to run as root: the server then runs as postgres (or nobody).
as=()
if [ "$(id -u)" -eq 0 ]; then
  user=postgres
  id -u "$user" >/dev/null 2>&1 || user=nobody
  chown "$user" "$dir"
  as=(setpriv --reuid="$(id -u "$user")" --regid="$(id -g "$user")" --clear-groups --)
fi
ctl="${as[*]} $bin/pg_ctl -D $dir/data -l $dir/log -w -o \"-k $dir -c listen_addresses='' -c fsync=${TRIAGE_PG_FSYNC:-off}\""

stop() {
  eval "$ctl stop -m immediate" >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

(cd "$dir" && "${as[@]}" "$bin/initdb" -D "$dir/data" -A trust -U triage --no-sync >"$dir/initdb.log" 2>&1) || {
  cat "$dir/initdb.log" >&2
  exit 2
}
eval "$ctl start" >/dev/null || { cat "$dir/log" >&2; exit 2; }

export TRIAGE_TEST_POSTGRES="postgresql:///postgres?host=$dir&user=triage"
export TRIAGE_TEST_PG_CTL="$ctl"
export TRIAGE_TEST_PG_DATA="$dir/data"
export TRIAGE_TEST_BACKENDS=postgres
status=0
"$@" || status=$?
exit $status
