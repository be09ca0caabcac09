#!/usr/bin/env bash
# Stops the Samba AD DC that ad-up.sh started, by its pid file only (the root samba process stops
# smbd, winbindd and its workers). Idempotent; leaves the loopback alias (harmless, and other
# helpers may share it) and the logs in $OOBW_AD_STATE.
set -uo pipefail
STATE="${OOBW_AD_STATE:-/tmp/oobwizard-ad}"
f="$STATE/dc/run/samba.pid"
if [ -f "$f" ]; then
  pid="$(cat "$f" 2>/dev/null || true)"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  fi
fi
rm -f "$f" "$STATE/ad.env"
echo "ad-down: stopped" >&2
exit 0
