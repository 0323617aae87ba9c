#!/usr/bin/env bash
# Times `qf calc` and the peer baseline (../shared/bench/peer_ts.mjs: BigInt
# calculator + @openzeppelin/merkle-tree) on the same generated round, side by
# side in one run, plus qf's import + match into Pebble; prints the ratio.
# usage: bench/compare.sh [N_CONTRIB N_GAPS N_DONORS SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${QF_SHARED:-../shared}
n=${1:-1000000} g=${2:-2000} d=${3:-200000} seed=${4:-1}
out=bench/out; mkdir -p "$out"
round="$out/round-$n-$g-$d-$seed"
[ -f "$round/contributions.csv" ] || python3 "$shared/bench/gen_round.py" "$n" "$g" "$d" "$seed" "$round"
peer="$out/peer"; mkdir -p "$peer"
cp "$shared/bench/peer_ts.mjs" "$shared/bench/package.json" "$peer/"
(cd "$peer" && [ -d node_modules ] || npm install --no-audit --no-fund --silent)
go build -o "$out/qf" ./cmd/qf
pool=1000000000000000000000000
now() { date +%s.%N; }
runs=${QF_BENCH_RUNS:-3}
: > "$out/times"
for _ in $(seq "$runs"); do # alternate, so both see the same machine state
  t0=$(now); node "$peer/peer_ts.mjs" "$round" "$pool" > "$out/peer.json"; t1=$(now)
  "$out/qf" calc --contributions "$round/contributions.csv" --gaps "$round/gaps.csv" --pool "$pool" --json > "$out/qf.json"; t2=$(now)
  echo "$t0 $t1 $t2" >> "$out/times"
done
rm -rf "$out/db"
"$out/qf" --db "$out/db" import gaps "$round/gaps.csv" > /dev/null
"$out/qf" --db "$out/db" round create --pool "$pool" > /dev/null
t3=$(now)
/usr/bin/time -f "%M" -o "$out/import.rss" "$out/qf" --db "$out/db" import contributions --round 1 "$round/contributions.csv" > /dev/null
/usr/bin/time -f "%M" -o "$out/match.rss" "$out/qf" --db "$out/db" match --round 1 > /dev/null
t4=$(now)
python3 - "$t3" "$t4" "$out" <<'PY'
import sys, statistics
t3, t4 = map(float, sys.argv[1:3]); out = sys.argv[3]
runs = [tuple(map(float, l.split())) for l in open(f"{out}/times")]
peers = [b - a for a, b, _ in runs]; qfs = [c - b for _, b, c in runs]
peer, qf = statistics.median(peers), statistics.median(qfs)
rss = max(int(open(f"{out}/{k}.rss").read().split()[-1]) for k in ("import", "match"))
print("runs (peer / qf / ratio): " + "; ".join(f"{p:.2f} / {q:.2f} / {p/q:.1f}x" for p, q in zip(peers, qfs)))
print(f"peer_ts.mjs        {peer:7.2f} s   (median of {len(runs)})")
print(f"qf calc            {qf:7.2f} s   ratio {peer/qf:5.1f}x (target 20x)")
print(f"qf import + match  {t4-t3:7.2f} s   peak RSS {rss/1024:.0f} MiB (targets 10 s, 1024 MiB)")
PY
