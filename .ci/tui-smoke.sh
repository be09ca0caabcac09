#!/usr/bin/env bash
# The full-screen wizard as a user meets it: the published binary in a detached tmux at 80x24,
# answered with send-keys (arrow keys, Enter, a digit and Enter), checked on the captured pane: the live
# probe against the demo lab reaches the diagnosis, q asks, Enter saves and leaves.
# Usage: .ci/tui-smoke.sh BINARY OUT_FILE
set -euo pipefail
binary=$1
out=$2
command -v tmux >/dev/null || { apt-get update -qq && apt-get install -y -qq tmux >/dev/null; }
session=oobw-ci-tui-$$
state=$(mktemp -d)
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$state"' EXIT

wait_for() { # text, seconds
  for _ in $(seq 1 $(( $2 * 10 ))); do
    tmux capture-pane -t "$session" -p > "$out" 2>/dev/null || true
    grep -qF -- "$1" "$out" && return 0
    sleep 0.1
  done
  echo "tui smoke: no '$1' on the screen after $2 s:"; cat "$out"; return 1
}

tmux new-session -d -s "$session" -x 80 -y 24 \
  "env OOBW_SESSION_DIR='$state' TERM=xterm-256color LANG=C.UTF-8 '$binary' demo --lang en; echo WIZARD-ENDED; sleep 60"
wait_for "What is going wrong?" 60
tmux send-keys -t "$session" Down Down Down Enter           # 4th symptom: redirection fails
wait_for "How does the redirection fail?" 20
tmux send-keys -t "$session" 3 Enter                         # a digit highlights, Enter chooses
wait_for "Diagnosis: IDE redirection and Serial over LAN are disabled" 30
grep -qF "amt.redirection" "$out" || { echo "tui smoke: the live check's evidence is missing"; cat "$out"; exit 1; }
tmux send-keys -t "$session" q
wait_for "Save the session and leave?" 10
tmux send-keys -t "$session" Enter
wait_for "WIZARD-ENDED" 20
grep -qF "oobwizard demo --resume" "$out" || { echo "tui smoke: no resume hint after leaving"; cat "$out"; exit 1; }
ls "$state"/*.json >/dev/null
echo "tui smoke: demo walked to the diagnosis at 80x24 and left with the session saved"
