#!/usr/bin/env bash
# Starts a real Samba 4 Active Directory domain controller on 127.0.0.2 for the directory
# integration tests (issue 13): realm CORP.FABRIKAM.TEST, NetBIOS domain CORP, DC dc01.
# Provisioned fresh on every run (about 5 s), seeded (ad-seed*.ldif: the AMT OUs, the AMT account
# PC01$iME, site servers and the DCOM group nested through a second group, a tombstoned OU, a
# disjoint computer) and a read-only user for simple binds.
# Needs root (provisioning writes NT ACLs; the loopback alias). Installs the packages if missing.
# Nothing leaves the box: Samba listens on 127.0.0.2 only, has no DNS forwarder, and runs with a
# resolv.conf of its own that names itself (the machine's resolver is never asked).
# Idempotent: a DC left by an earlier run is stopped by its pid file and provisioned again.
# State (provisioned files, logs, pid file, ad.env) lives in $OOBW_AD_STATE (default /tmp/oobwizard-ad).
# The tests read $OOBW_AD_STATE/ad.env (or the environment variables of the same names).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
STATE="${OOBW_AD_STATE:-/tmp/oobwizard-ad}"
DC="$STATE/dc"
ADDR=127.0.0.2
REALM=CORP.FABRIKAM.TEST
BASE="DC=corp,DC=fabrikam,DC=test"
# Test-only secrets of a throw-away domain on loopback; they exist nowhere else.
ADMIN_PASSWORD='Passw0rd!Test1'
READER_USER=amtreader
READER_PASSWORD='Passw0rd!Read1'

log() { printf 'ad-up: %s\n' "$*" >&2; }
started_at=$(date +%s.%N)
elapsed() { awk -v s="$started_at" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }'; }

if [ "$(id -u)" -ne 0 ]; then
  log "needs root (Samba's provisioning writes NT ACLs and the loopback alias needs CAP_NET_ADMIN)"
  exit 1
fi

install_packages() {
  local missing=()
  command -v samba >/dev/null 2>&1 || [ -x /usr/sbin/samba ] || missing+=(samba samba-ad-dc samba-ad-provision samba-dsdb-modules winbind)
  command -v ldbadd >/dev/null 2>&1 || missing+=(ldb-tools)
  command -v ldapsearch >/dev/null 2>&1 || missing+=(ldap-utils)
  command -v dig >/dev/null 2>&1 || missing+=(bind9-dnsutils)
  command -v ip >/dev/null 2>&1 || [ -x /usr/sbin/ip ] || [ -x /sbin/ip ] || missing+=(iproute2)
  command -v unshare >/dev/null 2>&1 || missing+=(util-linux)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]}"
  # Package scripts must not start the distribution's smbd/nmbd/samba-ad-dc services (nmbd broadcasts).
  local made_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    made_policy=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  if [ "$made_policy" -eq 1 ]; then rm -f /usr/sbin/policy-rc.d; fi
  log "packages installed after $(elapsed) s"
}

stop_earlier() {
  local f="$DC/run/samba.pid"
  [ -f "$f" ] || return 0
  local pid; pid="$(cat "$f" 2>/dev/null || true)"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    log "stopping the DC of an earlier run (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$f"
}

ensure_alias() {
  local ipcmd current
  ipcmd="$(command -v ip || echo /usr/sbin/ip)"
  current="$("$ipcmd" -4 addr show dev lo)"
  if ! grep -q "inet ${ADDR}/" <<<"$current"; then
    "$ipcmd" addr add "${ADDR}/8" dev lo
    log "added loopback alias ${ADDR}"
  fi
}

ready() {
  ldapsearch -x -LLL -o nettimeout=1 -H "ldap://${ADDR}" -D "Administrator@${REALM}" -w "$ADMIN_PASSWORD" \
      -b "" -s base defaultNamingContext 2>/dev/null | grep -q "defaultNamingContext: ${BASE}" || return 1
  dig +time=1 +tries=1 +short @"$ADDR" "_ldap._tcp.corp.fabrikam.test" SRV 2>/dev/null | grep -q "389 dc01.corp.fabrikam.test" || return 1
}

install_packages
stop_earlier
ensure_alias
rm -rf "$DC"
mkdir -p "$DC"

# Provision. The forwarder is given only so that provision does not copy the host's nameserver;
# the line is removed below.
samba-tool domain provision --use-rfc2307 --server-role=dc --dns-backend=SAMBA_INTERNAL \
  --realm="$REALM" --domain=CORP --adminpass="$ADMIN_PASSWORD" --host-name=dc01 \
  --host-ip="$ADDR" --targetdir="$DC" --option="interfaces=${ADDR}" \
  --option="bind interfaces only=yes" --option="dns forwarder=${ADDR}" > "$STATE/provision.log" 2>&1 \
  || { cat "$STATE/provision.log" >&2; exit 1; }
log "provisioned after $(elapsed) s"

mkdir -p "$DC/run" "$DC/log" "$DC/cache"
conf="$DC/etc/smb.conf"
sed -i -e '/dns forwarder/d' "$conf"
# Plain simple binds (the probes also test the strong-auth refusal against LDAPS/StartTLS hints),
# no NetBIOS broadcasts, no dynamic DNS updates, everything under $DC.
sed -i -e "/^\[global\]/a\\
\\tldap server require strong auth = no\\
\\tdisable netbios = yes\\
\\tserver services = -nbt -wrepl -dnsupdate\\
\\tpid directory = ${DC}/run\\
\\tlog file = ${DC}/log/log.%m\\
\\tlock directory = ${DC}/cache\\
\\tstate directory = ${DC}/cache" "$conf"

# TLS for LDAPS/StartTLS: a test CA and a DC certificate that names both dc01.corp.fabrikam.test and
# 127.0.0.2 (clients connect to the address found by SRV; Samba's own self-signed one has no address).
tls="$DC/tls"
mkdir -p "$tls"
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=OobWizard Test DC CA" \
  -keyout "$tls/ca.key" -out "$tls/ca.pem" -addext "basicConstraints=critical,CA:TRUE" \
  -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=dc01.corp.fabrikam.test" -keyout "$tls/key.pem" -out "$tls/dc.csr" 2>/dev/null
printf 'subjectAltName=DNS:dc01.corp.fabrikam.test,IP:%s\nextendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature,keyEncipherment\n' "$ADDR" > "$tls/ext.cnf"
openssl x509 -req -in "$tls/dc.csr" -CA "$tls/ca.pem" -CAkey "$tls/ca.key" -CAcreateserial -days 30 \
  -extfile "$tls/ext.cnf" -out "$tls/cert.pem" 2>/dev/null
chmod 600 "$tls/key.pem" "$tls/ca.key"
sed -i -e "/^\[global\]/a\\
\\ttls enabled = yes\\
\\ttls keyfile = ${tls}/key.pem\\
\\ttls certfile = ${tls}/cert.pem\\
\\ttls cafile = ${tls}/ca.pem" "$conf"

# Seed offline through sam.ldb (same modules as over LDAP, no network round trips).
ldbadd -H "$DC/private/sam.ldb" "$HERE/ad-seed.ldif" > "$STATE/seed.log" 2>&1 || { cat "$STATE/seed.log" >&2; exit 1; }
# A tombstone: an OU that existed and was deleted (ad.container says so when it can see it).
ldbdel -H "$DC/private/sam.ldb" "OU=Retired AMT,${BASE}" >> "$STATE/seed.log" 2>&1 || { cat "$STATE/seed.log" >&2; exit 1; }
samba-tool user create "$READER_USER" "$READER_PASSWORD" -s "$conf" -H "$DC/private/sam.ldb" \
  --description="read-only account for the OobWizard directory probes" >> "$STATE/seed.log" 2>&1 \
  || { cat "$STATE/seed.log" >&2; exit 1; }
log "seeded after $(elapsed) s"

echo "nameserver ${ADDR}" > "$DC/resolv.conf"
unshare -m --propagation private sh -c \
  "mount --bind '$DC/resolv.conf' /etc/resolv.conf && exec samba -D -s '$conf'"

for _ in $(seq 1 150); do
  if ready; then break; fi
  sleep 0.2
done
if ! ready; then
  log "the DC on ${ADDR} did not answer LDAP and DNS within 30 s; see $DC/log and $STATE"
  exit 1
fi
ldapadd -x -H "ldap://${ADDR}" -D "Administrator@${REALM}" -w "$ADMIN_PASSWORD" \
  -f "$HERE/ad-seed-amt-account.ldif" >> "$STATE/seed.log" 2>&1 || { cat "$STATE/seed.log" >&2; exit 1; }

cat > "$STATE/ad.env" <<ENV
OOBW_AD_DC=${ADDR}
OOBW_AD_DOMAIN=corp.fabrikam.test
OOBW_AD_BASE=${BASE}
OOBW_AD_USER=${READER_USER}@${REALM}
OOBW_AD_PASSWORD=${READER_PASSWORD}
OOBW_AD_ADMIN=Administrator@${REALM}
OOBW_AD_ADMIN_PASSWORD=${ADMIN_PASSWORD}
OOBW_AD_CA=${tls}/ca.pem
ENV
pid="$(cat "$DC/run/samba.pid")"
# Memory of the whole process tree as PSS (shared pages split between the ~50 prefork workers).
tree="$(ps -e -o pid=,ppid= | awk -v root="$pid" '{ parent[$1] = $2 } END { for (p in parent) { q = p; while (q in parent && q != root && q != 1) q = parent[q]; if (q == root) print p } }')"
pss_kb=0; count=0
for p in $tree; do
  v="$(awk '/^Pss:/ { print $2 }' "/proc/$p/smaps_rollup" 2>/dev/null || true)"
  [ -n "$v" ] && pss_kb=$((pss_kb + v)) && count=$((count + 1))
done
log "Samba AD DC ${REALM} on ${ADDR} ready after $(elapsed) s (pid $pid, $count processes, PSS $((pss_kb / 1024)) MB); settings in $STATE/ad.env"
