#!/usr/bin/env bash
# The service's load benchmark over real sockets: qf serve runs in one
# process on a fresh database (2,000 gaps, as built here), the load
# generator (bench/loadgen) in another. It adds 50 agents over the API,
# closes ROUNDS rounds, then 64 clients post fund requests (each reply
# after its fsync: durable) -- once alone, once with 4 clients polling
# /api/gaps/funding/stats and a gap's funding. Prints req/s, p50 and p99 of
# both runs and the polled run's share of the unpolled rate.
#
# usage: bench/serve.sh [REQUESTS [ROUNDS [POLL]]]   (defaults 50000, 500, stats)
# POLL healthz makes the pollers read /healthz instead: a control showing
# what any 4 busy clients take from funding on this machine.
# The server runs with its default limits except the per-address rate
# (every client is 127.0.0.1) and the access log (to a file in the tmp dir).
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-50000}
rounds=${2:-500}
poll=${3:-stats}
tmp=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

# QF and LOADGEN name prebuilt binaries (to compare builds at the same
# moment); by default both are built from this checkout.
if [ -n "${QF:-}" ]; then cp "$QF" "$tmp/qf"; else go build -o "$tmp/qf" ./cmd/qf; fi
if [ -n "${LOADGEN:-}" ]; then cp "$LOADGEN" "$tmp/loadgen"; else go build -o "$tmp/loadgen" ./bench/loadgen; fi
export QF_DB="$tmp/db"
{
  echo gap,recipient
  for i in $(seq 1 2000); do printf '%d,0x%040x\n' "$i" $((0xb0000 + i)); done
} > "$tmp/gaps.csv"
"$tmp/qf" import gaps "$tmp/gaps.csv" > /dev/null
admin=$("$tmp/qf" agent add ops --admin --json | sed -n 's/.*"key": "\(.*\)".*/\1/p')
port=$((20000 + RANDOM % 20000))
"$tmp/qf" serve --addr "127.0.0.1:$port" --rate-per-ip 0 --access-log "$tmp/access.log" 2> "$tmp/serve.err" &
pid=$!
for _ in $(seq 1 100); do
  grep -q "serving on" "$tmp/serve.err" 2>/dev/null && break
  kill -0 "$pid" 2>/dev/null || { cat "$tmp/serve.err" >&2; exit 1; }
  sleep 0.1
done
grep -q "serving on" "$tmp/serve.err" || { echo "qf serve did not start" >&2; cat "$tmp/serve.err" >&2; exit 1; }
"$tmp/loadgen" -url "http://127.0.0.1:$port" -admin-key "$admin" -requests "$requests" -rounds "$rounds" -clients 64 -pollers 4 -poll "$poll"
echo "access log: $(wc -l < "$tmp/access.log") lines"
