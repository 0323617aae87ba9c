#!/usr/bin/env bash
# The publication benchmark (issue 21): every leaf's proof of large rounds.
#
# 1. A coordinated-QF round of PLEDGES pledges (2,000 gaps, PLEDGES/2
#    donors; 200,000 gives ~180k leaves): qf cqf without --out (the solve)
#    and with --out (solve + cqf.json + tree.json + proofs.jsonl); the
#    difference is the publication. Then qf proof --bundle finds the first,
#    a middle and the last line's leaf.
# 2. A pool round of CONTRIBUTIONS contributions (2,000 gaps): qf calc,
#    qf calc --out (proofs/<gap>.json) and --out --proofs lines, and
#    qf verify bundle of the last.
#
# usage: bench/proofs.sh [PLEDGES [CONTRIBUTIONS [SEED]]]   (defaults 200000 1000000 1)
# QF_BENCH_GEN=shared generates with ../shared/bench/gen_round.py (the
# issue's rounds) instead of bench/genround; QF_BENCH_FILES=1 also times
# the cqf round with one file per leaf (--proofs files), for comparison.
# Prints wall and CPU (user+sys) seconds: on a shared machine compare CPU.
set -euo pipefail
cd "$(dirname "$0")/.."
pledges=${1:-200000} contribs=${2:-1000000} seed=${3:-1}
out=bench/out/proofs; mkdir -p "$out"
go build -o "$out/qf" ./cmd/qf
qf=$out/qf

gen() { # N GAPS DONORS DIR
  [ -f "$4/contributions.csv" ] && return
  if [ "${QF_BENCH_GEN:-}" = shared ]; then
    python3 "${QF_SHARED:-../shared}/bench/gen_round.py" "$1" "$2" "$3" "$seed" "$4"
  else
    go run ./bench/genround "$1" "$2" "$3" "$seed" "$4"
  fi
}

TIMEFORMAT='%R %U %S'
timed() { # LABEL CMD...: runs CMD (stdout discarded), prints and keeps its times
  local label=$1; shift
  { time "$@" > /dev/null; } 2> "$out/time"
  read -r wall user sys < <(tail -1 "$out/time")
  cpu=$(echo "$user + $sys" | bc)
  printf '%-44s %8.2f s wall %8.2f s cpu\n' "$label" "$wall" "$cpu"
  last_wall=$wall last_cpu=$cpu
}

cqf="$out/cqf-$pledges-$seed"
gen "$pledges" 2000 $((pledges / 2)) "$cqf"
echo "== qf cqf: $pledges pledges"
timed "solve (no --out)" "$qf" cqf -c "$cqf/contributions.csv" -g "$cqf/gaps.csv" --sigma 1e-9
solve_wall=$last_wall solve_cpu=$last_cpu
rm -rf "$out/cqf-pub"
timed "solve + --out (proofs.jsonl)" "$qf" cqf -c "$cqf/contributions.csv" -g "$cqf/gaps.csv" --sigma 1e-9 --out "$out/cqf-pub"
leaves=$(wc -l < "$out/cqf-pub/proofs.jsonl")
printf '%-44s %8.2f s wall %8.2f s cpu  (%d leaves, proofs.jsonl %d MiB, tree.json %d MiB)\n' "publication (difference)" \
  "$(echo "$last_wall - $solve_wall" | bc)" "$(echo "$last_cpu - $solve_cpu" | bc)" "$leaves" \
  $(( $(stat -c %s "$out/cqf-pub/proofs.jsonl") >> 20 )) $(( $(stat -c %s "$out/cqf-pub/tree.json") >> 20 ))
root=$(sed -n 's/^ *"root": "\(0x[0-9a-f]*\)",*$/\1/p' "$out/cqf-pub/qf-manifest.json")
for n in 1 $(( (leaves + 1) / 2 )) "$leaves"; do
  line=$(sed -n "${n}p" "$out/cqf-pub/proofs.jsonl")
  gap=$(sed 's/.*"gap":"\([0-9]*\)".*/\1/' <<< "$line")
  account=$(sed 's/.*"recipient":"\(0x[0-9a-fA-F]*\)".*/\1/' <<< "$line")
  timed "qf proof --bundle (line $n)" "$qf" proof --bundle "$out/cqf-pub" --gap "$gap" --account "$account" --out "$out/found.json"
  grep -q "\"root\": \"$root\"" "$out/found.json" || { echo "line $n: the proof found is not for root $root" >&2; exit 1; }
  grep -q "\"recipient\": \"$account\"" "$out/found.json" || { echo "line $n: found another leaf than $account's" >&2; exit 1; }
done
if [ "${QF_BENCH_FILES:-}" = 1 ]; then
  rm -rf "$out/cqf-files"
  timed "solve + --out --proofs files" "$qf" cqf -c "$cqf/contributions.csv" -g "$cqf/gaps.csv" --sigma 1e-9 --out "$out/cqf-files" --proofs files
  rm -rf "$out/cqf-files"
fi

pool=1000000000000000000000000
round="$out/pool-$contribs-$seed"
gen "$contribs" 2000 200000 "$round"
echo "== qf calc: $contribs contributions"
timed "calc (no --out)" "$qf" calc -c "$round/contributions.csv" -g "$round/gaps.csv" --pool "$pool"
rm -rf "$out/calc-files" "$out/calc-lines"
timed "calc --out (proofs/<gap>.json)" "$qf" calc -c "$round/contributions.csv" -g "$round/gaps.csv" --pool "$pool" --out "$out/calc-files"
timed "calc --out --proofs lines" "$qf" calc -c "$round/contributions.csv" -g "$round/gaps.csv" --pool "$pool" --out "$out/calc-lines" --proofs lines
timed "verify bundle (proofs.jsonl)" "$qf" verify bundle "$out/calc-lines"
[ "$(ls "$out/calc-files/proofs" | wc -l)" = "$(wc -l < "$out/calc-lines/proofs.jsonl")" ] || { echo "calc: the two layouts hold different numbers of proofs" >&2; exit 1; }
rm -rf "$out/cqf-pub" "$out/calc-files" "$out/calc-lines"
