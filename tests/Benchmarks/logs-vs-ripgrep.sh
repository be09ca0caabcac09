#!/usr/bin/env bash
# Log triage against ripgrep on the same generated corpus, side by side in one run: the two commands
# in turn (A B A B ...) after one warm-up each, timed by GNU time as whole processes; prints every pair,
# the medians and the median of the per-pair ratios (oobwizard / rg), and oobwizard's peak memory.
#
#   tests/Benchmarks/logs-vs-ripgrep.sh            # 1 GiB corpus, 5 pairs
#   MIB=256 PAIRS=3 tests/Benchmarks/logs-vs-ripgrep.sh
#
# Needs ripgrep (apt-get install ripgrep) and GNU time (apt-get install time); not part of CI.
# The corpus is generated (tests/Benchmarks/LogCorpus.cs) into $CORPUS, never into the repository.
# ripgrep gets every signature text as a fixed, case-insensitive pattern (rg -i -F -f), which is
# what the triage's fast path searches for before it parses the lines around a hit.
set -euo pipefail
cd "$(dirname "$0")/../.."

MIB="${MIB:-1024}"
PAIRS="${PAIRS:-5}"
CORPUS="${CORPUS:-${TMPDIR:-/tmp}/oobwizard-corpus-${MIB}m.log}"
OUT="artifacts/bench"
TIME=/usr/bin/time

command -v rg >/dev/null || { echo "ripgrep is missing: apt-get install ripgrep" >&2; exit 2; }
[ -x "$TIME" ] || { echo "GNU time is missing: apt-get install time" >&2; exit 2; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p "$OUT"
echo "== publish (Release, single file) to $OUT/publish"
dotnet publish src/OobWizard.Cli -c Release -r linux-x64 -o "$OUT/publish" >/dev/null
dotnet build tests/Benchmarks -c Release >/dev/null

if [ ! -s "$CORPUS" ]; then
  echo "== generate a $MIB MiB corpus at $CORPUS"
  dotnet run -c Release --no-build --project tests/Benchmarks -- log-corpus "$CORPUS" "$MIB"
fi
FRAGMENTS="$OUT/fragments.txt"
dotnet run -c Release --no-build --project tests/Benchmarks -- log-fragments "$FRAGMENTS"
echo "corpus: $CORPUS ($(stat -c %s "$CORPUS") bytes), $(wc -l <"$FRAGMENTS") fixed fragments"

A=("$OUT/publish/oobwizard" logs "$CORPUS")
B=(rg -i -F -f "$FRAGMENTS" "$CORPUS")

# One run: "wall user sys maxrss_kib" on a line of its own.
run() { "$TIME" -f '%e %U %S %M' -o "$OUT/time.txt" "$@" >/dev/null 2>&1 || true; cat "$OUT/time.txt"; }

echo "== warm-up"
run "${A[@]}" >/dev/null
run "${B[@]}" >/dev/null

printf '%-5s %28s   %28s   %s\n' pair "oobwizard wall/user/sys s, MiB" "rg wall/user/sys s, MiB" "ratio wall, cpu"
: >"$OUT/pairs.txt"
for i in $(seq 1 "$PAIRS"); do
  read -r aw au as am < <(run "${A[@]}")
  read -r bw bu bs bm < <(run "${B[@]}")
  echo "$aw $au $as $am $bw $bu $bs $bm" >>"$OUT/pairs.txt"
  awk -v i="$i" -v aw="$aw" -v au="$au" -v as="$as" -v am="$am" -v bw="$bw" -v bu="$bu" -v bs="$bs" -v bm="$bm" 'BEGIN {
    printf "%-5d %8.2f %6.2f %6.2f %6.0f   %8.2f %6.2f %6.2f %6.0f   %5.2f %5.2f\n",
      i, aw, au, as, am / 1024, bw, bu, bs, bm / 1024, aw / bw, (au + as) / (bu + bs) }'
done

# Medians over the pairs; the ratios are taken pair by pair, then the median of those.
awk '
  function median(a, n,   i, j, t) {
    for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  { n++; aw[n] = $1; ac[n] = $2 + $3; am[n] = $4 / 1024; bw[n] = $5; bc[n] = $6 + $7; bm[n] = $8 / 1024
    rw[n] = $1 / $5; rc[n] = ($2 + $3) / ($6 + $7) }
  END {
    printf "median  oobwizard: wall %.2f s, cpu %.2f s, peak %.0f MiB\n", median(aw, n), median(ac, n), median(am, n)
    printf "median  rg:        wall %.2f s, cpu %.2f s, peak %.0f MiB\n", median(bw, n), median(bc, n), median(bm, n)
    printf "median ratio oobwizard/rg: wall %.2f, cpu %.2f (below 1: faster than rg)\n", median(rw, n), median(rc, n)
    max = 0; for (i = 1; i <= n; i++) if (am[i] > max) max = am[i]
    printf "oobwizard peak memory over all runs: %.0f MiB\n", max
  }' "$OUT/pairs.txt"
