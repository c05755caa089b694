#!/usr/bin/env bash
# `triage interview` and `triage route` on a real terminal, through tmux: the
# officer types answers (send-keys), and what the screen shows is checked
# (capture-pane), including going back and "weet ik niet". A private tmux
# server on its own socket, stopped at the end.
#
# Usage: TRIAGE=build/cli/triage tests/cli/interview_tmux.sh
set -euo pipefail
triage=$(realpath "${TRIAGE:?set TRIAGE to the triage binary}")
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
sock="$work/tmux-0.sock"
sessions=0
stop() { tmux -S "$sock" kill-server 2>/dev/null || true; }
trap 'stop; rm -rf "$work"' EXIT

screen() { tmux -S "$sock" capture-pane -p -J -S -200; }
fail() {
  echo "FAIL: $*" >&2
  echo "--- screen:" >&2
  screen >&2
  exit 1
}
# Waits (up to 30 s: the machine may be busy) until the screen shows the
# fixed string $1.
wait_for() {
  for _ in $(seq 600); do
    if screen | grep -qF -- "$1"; then return 0; fi
    sleep 0.05
  done
  fail "never on the screen: $1"
}
# Waits until the screen shows the fixed string $1 on $2 lines: a question
# asked again is on the screen already once.
wait_count() {
  for _ in $(seq 600); do
    [[ $(screen | grep -cF -- "$1") == "$2" ]] && return 0
    sleep 0.05
  done
  fail "not $2 times on the screen: $1"
}
# Waits until triage asks for an answer: the last line is the prompt alone.
wait_prompt() {
  for _ in $(seq 600); do
    [[ $(screen | sed 's/ *$//' | grep -v '^$' | tail -1) == ">" ]] && return 0
    sleep 0.05
  done
  fail "never asked for an answer"
}
type_line() {
  wait_prompt
  tmux -S "$sock" send-keys -l -- "$1" && tmux -S "$sock" send-keys Enter
}
# Each run on a server of its own.
start() {
  stop
  sessions=$((sessions + 1))
  sock="$work/tmux-$sessions.sock"
  tmux -S "$sock" new-session -d -x 200 -y 80 -c "$root" \
    "NO_COLOR=1 '$triage' $*; echo \"EXIT=\$?\"; sleep 60"
}

# An interview: a wrong answer, back, don't know, and the decision.
start interview rules/lokale-driehoek.yaml
wait_for "Vraag 1: Is er een expliciete bedreiging geuit?"
type_line "7"
wait_for "'7' is geen van de keuzes"
type_line "nee"
wait_for "Vraag 2:"
type_line "terug"
wait_count "Vraag 1: Is er een expliciete bedreiging geuit?" 2
type_line "2"
wait_count "Vraag 2: Zijn persoonsgegevens" 2
type_line "?"
wait_for "nog mogelijk: Openbaar Ministerie"
wait_for "Vraag 3:"
type_line "1"
wait_for "Vraag 4:"
# The answer typed is on the screen once: a terminal echoes it, triage
# does not repeat it.
[[ $(screen | grep -c "^> 2 *$") == 1 ]] || fail "an answer typed on the terminal is shown twice"
answers=0
while ! screen | grep -qF "feiten gevraagd"; do
  # Answer whatever comes next with its first choice (or a small number).
  wait_prompt
  question=$(screen | grep "^Vraag " | tail -1)
  if screen | tail -3 | grep -qF "(een geheel getal"; then type_line "2"; else type_line "1"; fi
  answers=$((answers + 1))
  ((answers < 14)) || fail "the interview does not end: $question"
  for _ in $(seq 600); do
    [[ $(screen | sed 's/ *$//' | grep -v '^$' | tail -1) == ">" ]] && break
    screen | grep -qF "feiten gevraagd" && break
    sleep 0.05
  done
done
wait_for "EXIT=0"
screen | grep -qE "^zaak 1: .*\[(om|riec_liec|owb|de_escalatie)\]$" || fail "no decision shown"
screen | grep -qE "^[0-9]+ van 14 feiten gevraagd$" || fail "no count of questions"

# route, reading a terminal, says what it waits for and points to interview.
start route rules/lokale-driehoek.yaml
wait_for "reading cases from the terminal"
wait_for "triage interview rules/lokale-driehoek.yaml"
tmux -S "$sock" send-keys C-d
wait_for "0 zaken: 0 besloten"
wait_for "EXIT=0"
echo "ok: interview and route on a terminal (tmux)"
