#!/usr/bin/env bash
# Drives `vbp shell` in a real terminal (tmux) as a person would: completion of a command, of --by values
# and of a Chinese county name, one query, Ctrl-C during a scan of a 2 M-line ledger read ten times, `set format json`,
# Ctrl-D. Needs target/vbp.jar (./mvnw package) and tmux. Every screen is kept in target/shell-dialogue/.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/vbp.jar
out=target/shell-dialogue
session="vbp-dialogue-$$"
rm -rf "$out" && mkdir -p "$out"
export LANG=C.UTF-8 LC_ALL=C.UTF-8
vbp() { java -XX:+UseSerialGC -jar "$jar" "$@"; }

ws="$out/.vbp"
vbp --workspace "$ws" import institutions sample-data/institutions.csv -q > /dev/null
vbp --workspace "$ws" import ledger sample-data/ledger.csv -q > /dev/null
vbp sample ledger --rows 2000000 --institutions sample-data/institutions.csv --out "$out/ledger-2m.csv" -q > /dev/null

screen() { tmux capture-pane -t "$session" -p -J; }
fail() {
  echo "shell dialogue: $1" >&2
  screen > "$out/failed.txt" 2>/dev/null || true
  cat "$out/failed.txt" >&2 || true
  tmux kill-session -t "$session" 2>/dev/null || true
  exit 1
}
# wait_for TEXT SECONDS: until the screen shows TEXT (a fixed string)
wait_for() {
  local end=$((SECONDS + $2))
  while ! screen | grep -qF -- "$1"; do
    [ $SECONDS -lt $end ] || fail "waited $2 s for '$1'"
    sleep 0.2
  done
}
step() { screen > "$out/$1.txt"; }

tmux -u new-session -d -s "$session" -x 160 -y 50 \
  "TERM=xterm-256color java -XX:+UseSerialGC -jar $jar shell --workspace $ws; echo \"shell exit \$?\"; sleep 60"
trap 'tmux kill-session -t "$session" 2>/dev/null || true' EXIT
wait_for "vbp(" 120

# 1. completion of a command name (also after a habitual leading "vbp")
tmux send-keys -t "$session" 'vbp onl' Tab
wait_for "vbp onl""ine-rate" 30
step 1-command

# 2. the values of --by
tmux send-keys -t "$session" ' --by ' Tab Tab
wait_for "institution" 30
screen | grep -q "month" || fail "--by values not listed"
step 2-by-values
tmux send-keys -t "$session" C-u
sleep 0.5

# 3. a Chinese county name from the workspace's institutions, then the query
tmux send-keys -t "$session" 'online-rate --by county --where county=西' Tab
wait_for "county=西昌市" 60
step 3-county
tmux send-keys -t "$session" Enter
wait_for "warning: the summary covers all 17 rows" 120
screen | grep -q "^西昌市 " || fail "the query's row is missing"
step 4-query
tmux send-keys -t "$session" C-l
sleep 0.5

# 4. Ctrl-C during a scan of 20 M lines (the 2 M-line ledger ten times: one pass takes about a second on one
#    core, too short to be sure the key arrives while it runs): back at the prompt, the shell still answers
ledgers=""
for _ in 1 2 3 4 5 6 7 8 9 10; do ledgers="$ledgers --ledger $out/ledger-2m.csv"; done
tmux send-keys -t "$session" "online-rate$ledgers --by county --threads 1" Enter
wait_for "lines" 120
tmux send-keys -t "$session" C-c
wait_for "[cancelled]" 60
step 5-cancelled

# 5. set format json, shown in the prompt, used by the next query
tmux send-keys -t "$session" C-l
tmux send-keys -t "$session" 'set format json' Enter
wait_for " json)>" 30
tmux send-keys -t "$session" 'online-rate --by level --columns level,online_rate' Enter
wait_for '"level": "三级"' 120
screen | grep -qF '"online_rate": 0.' || fail "no online_rate in the JSON"
step 6-json

# 6. Ctrl-D leaves with exit 0
tmux send-keys -t "$session" C-d
wait_for "shell exit 0" 30
step 7-exit
echo "shell dialogue: completion, query, Ctrl-C, set format json and exit all as expected (screens in $out/)"
