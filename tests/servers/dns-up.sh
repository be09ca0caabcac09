#!/usr/bin/env bash
# Starts the DNS test servers on loopback for the integration tests (issue 5):
#   dnsmasq on 127.0.0.3:5353 and bind9 (named) on 127.0.0.4:5354, both serving fabrikam.test
#   and 0.0.127.in-addr.arpa from tests/servers/{dnsmasq.conf.in,bind/}. No forwarders, no
#   recursion: nothing leaves the box, 127.0.0.1:53 and the machine's resolver are never touched.
# Idempotent: servers already answering are restarted from a clean state directory.
# State (configs, logs, pid files, servers.env) lives in $OOBW_DNS_STATE (default /tmp/oobwizard-dns).
# The tests read $OOBW_DNS_STATE/servers.env (or the OOBW_DNSMASQ / OOBW_BIND environment variables).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
STATE="${OOBW_DNS_STATE:-/tmp/oobwizard-dns}"
DNSMASQ_ADDR=127.0.0.3
DNSMASQ_PORT=5353
BIND_ADDR=127.0.0.4
BIND_PORT=5354

log() { printf 'dns-up: %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo -n "$@"; else "$@"; fi
}

install_packages() {
  local missing=()
  command -v dnsmasq >/dev/null 2>&1 || [ -x /usr/sbin/dnsmasq ] || missing+=(dnsmasq-base)
  command -v named >/dev/null 2>&1 || [ -x /usr/sbin/named ] || missing+=(bind9)
  command -v dig >/dev/null 2>&1 || missing+=(bind9-dnsutils)
  command -v ip >/dev/null 2>&1 || [ -x /usr/sbin/ip ] || [ -x /sbin/ip ] || missing+=(iproute2)
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]}"
  # Package scripts must not start the distribution's named service (it would bind port 53).
  local made_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | as_root tee /usr/sbin/policy-rc.d >/dev/null
    as_root chmod +x /usr/sbin/policy-rc.d
    made_policy=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  if [ "$made_policy" -eq 1 ]; then as_root rm -f /usr/sbin/policy-rc.d; fi
}

stop_pidfile() {
  local f="$1"
  [ -f "$f" ] || return 0
  local pid; pid="$(cat "$f" 2>/dev/null || true)"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$f"
}

ensure_alias() {
  local addr="$1" ipcmd
  ipcmd="$(command -v ip || echo /usr/sbin/ip)"
  # Read the list first: grep -q closing the pipe early would fail the pipeline under pipefail.
  local current; current="$("$ipcmd" -4 addr show dev lo)"
  if ! grep -q "inet ${addr}/" <<<"$current"; then
    as_root "$ipcmd" addr add "${addr}/8" dev lo
    log "added loopback alias ${addr}"
  fi
}

wait_for() {
  local addr="$1" port="$2" name="$3"
  for _ in $(seq 1 50); do
    local answer; answer="$(dig +time=1 +tries=1 +short @"$addr" -p "$port" pc01.fabrikam.test A 2>/dev/null || true)"
    if [ "$answer" = "127.0.0.10" ]; then
      return 0
    fi
    sleep 0.1
  done
  log "$name on $addr:$port did not answer; see $STATE"
  return 1
}

install_packages
mkdir -p "$STATE"
# Restart from a clean state: stop what an earlier run left.
stop_pidfile "$STATE/dnsmasq/dnsmasq.pid"
stop_pidfile "$STATE/bind/named.pid"
rm -rf "$STATE/dnsmasq" "$STATE/bind"
mkdir -p "$STATE/dnsmasq" "$STATE/bind"

ensure_alias "$DNSMASQ_ADDR"
ensure_alias "$BIND_ADDR"

# dnsmasq
sed -e "s|@STATE@|$STATE/dnsmasq|g" -e "s|@ADDR@|$DNSMASQ_ADDR|g" -e "s|@PORT@|$DNSMASQ_PORT|g" \
  "$HERE/dnsmasq.conf.in" > "$STATE/dnsmasq/dnsmasq.conf"
if [ "$(id -u)" -ne 0 ]; then sed -i -e '/^user=/d' -e '/^group=/d' "$STATE/dnsmasq/dnsmasq.conf"; fi
DNSMASQ="$(command -v dnsmasq || echo /usr/sbin/dnsmasq)"
"$DNSMASQ" --conf-file="$STATE/dnsmasq/dnsmasq.conf"

# bind9
cp "$HERE"/bind/db.* "$STATE/bind/"
sed -e "s|@STATE@|$STATE/bind|g" -e "s|@ADDR@|$BIND_ADDR|g" -e "s|@PORT@|$BIND_PORT|g" \
  "$HERE/bind/named.conf.in" > "$STATE/bind/named.conf"
NAMED="$(command -v named || echo /usr/sbin/named)"
if [ "$(id -u)" -eq 0 ]; then
  "$NAMED" -u root -c "$STATE/bind/named.conf" 2>"$STATE/bind/named.stderr" || { cat "$STATE/bind/named.stderr" >&2; exit 1; }
else
  "$NAMED" -c "$STATE/bind/named.conf" 2>"$STATE/bind/named.stderr" || { cat "$STATE/bind/named.stderr" >&2; exit 1; }
fi

wait_for "$DNSMASQ_ADDR" "$DNSMASQ_PORT" dnsmasq
wait_for "$BIND_ADDR" "$BIND_PORT" named

cat > "$STATE/servers.env" <<ENV
OOBW_DNSMASQ=${DNSMASQ_ADDR}:${DNSMASQ_PORT}
OOBW_BIND=${BIND_ADDR}:${BIND_PORT}
ENV
log "dnsmasq ${DNSMASQ_ADDR}:${DNSMASQ_PORT}, named ${BIND_ADDR}:${BIND_PORT} ready; addresses in $STATE/servers.env"
