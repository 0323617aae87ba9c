#!/usr/bin/env bash
# The project's test command (README): go vet, go test, and the cross-checks
# against the real @openzeppelin/merkle-tree (npm, pinned in scripts/ozcheck).
set -euo pipefail
cd "$(dirname "$0")/.."

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

echo "== qf calc output loaded and verified by @openzeppelin/merkle-tree"
go build -o "$tmp/qf" ./cmd/qf
"$tmp/qf" calc --contributions app/demodata/contributions.csv --gaps app/demodata/gaps.csv \
  --pool 1000000000000000000000 --out "$tmp/demo" > /dev/null
node scripts/ozcheck/verify.mjs "$tmp/demo"

echo "== contract artifacts and bindings rebuild to what is committed"
committed=$(mktemp -d)
cp -r contracts/build contracts/*.go "$committed/"
bash contracts/build.sh
for f in build allodistribution.go cqfround.go qfround.go testtoken.go; do
  diff -r "$committed/$f" "contracts/$f" > /dev/null || { echo "contracts/$f: rebuilding changed the committed artifacts; run bash contracts/build.sh and commit" >&2; exit 1; }
done

echo "== round page assets rebuild to what is committed (web/ → site/assets, pinned npm toolchain)"
page=$(mktemp -d)
cp -r site/assets/. "$page/"
bash web/build.sh
diff -r "$page" site/assets > /dev/null || { echo "site/assets: rebuilding the page changed the committed files; run bash web/build.sh and commit" >&2; exit 1; }

echo "== service load benchmark, briefly (durable fund requests over HTTP)"
bash bench/serve.sh 10000

echo "== fuzz targets, briefly"
fuzz() { # package, target: quiet unless it finds something
  go test "$1" -run '^$' -fuzz "^$2\$" -fuzztime 10s > "$tmp/fuzz.log" 2>&1 || { tail -40 "$tmp/fuzz.log"; echo "fuzzing $2 failed" >&2; exit 1; }
}
fuzz ./calc FuzzDistribute
fuzz ./calc FuzzIsqrt
fuzz ./ingest FuzzFastPath
fuzz ./ingest FuzzSWAR
echo "fuzzing found nothing"
