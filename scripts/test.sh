#!/usr/bin/env bash
# The project's test command (README): go vet, go test, and the cross-checks
# against the real @openzeppelin/merkle-tree (npm, pinned in scripts/ozcheck).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== gofmt"
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './scripts/ozcheck/node_modules/*'))
if [ -n "$unformatted" ]; then
  echo "$unformatted" >&2
  echo "gofmt: the files above are not formatted; run gofmt -w on them and commit" >&2
  exit 1
fi

echo "== go vet"
go vet ./...

echo "== OpenZeppelin merkle-tree (pinned) for cross-checks"
(cd scripts/ozcheck && npm ci --no-audit --no-fund --silent)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
node scripts/ozcheck/gen.mjs 1 120 > "$tmp/oz-cases.json"

echo "== geth (pinned) for the geth --dev integration test"
QF_GETH=$(bash scripts/geth.sh)
export QF_GETH

echo "== chromium (Debian's package) for the round page's browser tests"
QF_CHROMIUM=$(bash scripts/chromium.sh) || { echo "could not install chromium: the browser tests (site/) need it" >&2; exit 1; }
export QF_CHROMIUM
export QF_ARTIFACTS="$PWD/.artifacts/browser"   # the browser tests' screenshots

echo "== go test"
QF_OZ_CASES="$tmp/oz-cases.json" go test -count=1 ./...

echo "== go test -race on the packages that run goroutines"
# calc and cqf (parallel by gap and by donor chunks: their tests that run those paths,
# on -short sizes), ingest (chunked fast path), internal/par and friends,
# service (HTTP + batching writer), store (bulk writers). -short keeps the
# race-instrumented run (5-10x slower) to sizes that still use every worker.
go test -race -short -count=1 -run 'Deterministic|AddBlock|QFGapsPaths' ./calc
go test -race -short -count=1 -run 'Deterministic|CQFFiveAgents' ./cqf
go test -race -short -count=1 ./ingest ./internal/... ./service ./store

echo "== qf calc output loaded and verified by @openzeppelin/merkle-tree"
go build -o "$tmp/qf" ./cmd/qf
"$tmp/qf" calc --contributions app/demodata/contributions.csv --gaps app/demodata/gaps.csv \
  --pool 1000000000000000000000 --out "$tmp/demo" > /dev/null
node scripts/ozcheck/verify.mjs "$tmp/demo"
"$tmp/qf" calc --contributions app/demodata/contributions.csv --gaps app/demodata/gaps.csv \
  --pool 1000000000000000000000 --out "$tmp/demo-lines" --proofs lines > /dev/null
node scripts/ozcheck/verify.mjs "$tmp/demo-lines"

echo "== golden rounds (testdata/) loaded and verified by @openzeppelin/merkle-tree"
for golden in testdata/*/; do
  node scripts/ozcheck/verify.mjs "${golden%/}"
done

echo "== contract artifacts and bindings rebuild to what is committed"
committed=$(mktemp -d)
cp -r contracts/build contracts/*.go "$committed/"
bash contracts/build.sh
for f in build allodistribution.go cqfround.go oddtoken.go qfround.go reentranttoken.go skimtoken.go testtoken.go; do
  diff -r "$committed/$f" "contracts/$f" > /dev/null || { echo "contracts/$f: rebuilding changed the committed artifacts; run bash contracts/build.sh and commit" >&2; exit 1; }
done

echo "== round page assets rebuild to what is committed (web/ → site/assets, pinned npm toolchain)"
page=$(mktemp -d)
cp -r site/assets/. "$page/"
bash web/build.sh
diff -r "$page" site/assets > /dev/null || { echo "site/assets: rebuilding the page changed the committed files; run bash web/build.sh and commit" >&2; exit 1; }

echo "== service load benchmark, briefly (durable fund requests over HTTP, alone and with 4 /stats pollers)"
bash bench/serve.sh 5000 50

echo "== publication benchmark, briefly (every leaf's proof: a 20k-pledge cqf round, a 50k-contribution calc)"
bash bench/proofs.sh 20000 50000
echo "== stored-path benchmark, briefly (import, stats, re-import, match at 1 and 2 cores vs qf calc; roots checked)"
QF_BENCH_RUNS=1 QF_BENCH_OUT="$tmp/bench-store" bash bench/store.sh 20000 200 5000 1

echo "== fuzz targets, briefly"
# Plain go test above already ran every seed corpus (f.Add and testdata/fuzz).
# Here each target runs a fixed count of new inputs, never a duration: a
# -fuzztime in seconds races Go's fuzz coordinator at the deadline under load
# ("context deadline exceeded", fixed only in Go 1.27). -parallel 2 matches CI.
fuzz() { # package, target, count: quiet unless it finds something
  go test "$1" -run '^$' -fuzz "^$2\$" -fuzztime "$3x" -parallel 2 > "$tmp/fuzz.log" 2>&1 || { tail -40 "$tmp/fuzz.log"; echo "fuzzing $2 failed" >&2; exit 1; }
}
# Counts sized to a few seconds each on 2 busy cores (measured: 20k
# FuzzDistribute 1.5 s, 50k FuzzIsqrt 3 s, 5k FuzzFastPath 2.6 s, 50k
# FuzzSWAR 3 s, 5k FuzzMultiProof 3 s; the rest is building).
fuzz ./calc FuzzDistribute 60000
fuzz ./calc FuzzIsqrt 150000
fuzz ./ingest FuzzFastPath 15000
fuzz ./ingest FuzzSWAR 150000
fuzz ./merkle FuzzMultiProof 15000
fuzz ./calc FuzzGrantsStackCapLoop 20000
echo "fuzzing found nothing"
