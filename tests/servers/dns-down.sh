#!/usr/bin/env bash
# Stops the servers dns-up.sh started, by their pid files only. Idempotent; leaves the loopback
# aliases (harmless, and other helpers may share them) and the logs in $OOBW_DNS_STATE.
set -uo pipefail
STATE="${OOBW_DNS_STATE:-/tmp/oobwizard-dns}"
for f in "$STATE/dnsmasq/dnsmasq.pid" "$STATE/bind/named.pid"; do
  [ -f "$f" ] || continue
  pid="$(cat "$f" 2>/dev/null || true)"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid" 2>/dev/null || true; fi
  pids+=("$pid")
done
for pid in "${pids[@]:-}"; do
  [ -n "$pid" ] || continue
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
done
rm -f "$STATE/dnsmasq/dnsmasq.pid" "$STATE/bind/named.pid" "$STATE/servers.env"
echo "dns-down: stopped" >&2
exit 0
