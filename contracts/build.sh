#!/usr/bin/env bash
# Rebuilds the contract artifacts and Go bindings from contracts/*.sol:
#   bash contracts/build.sh
# solc-js and @openzeppelin/contracts are pinned in contracts/solc/package.json
# (installed here from its lock file), abigen is go-ethereum's at the module's
# version. CI runs this and fails if anything committed changes.
set -euo pipefail
cd "$(dirname "$0")"
(cd solc && npm ci --no-audit --no-fund --silent)
node solc/compile.mjs
geth=$(cd .. && go list -m -f '{{.Version}}' github.com/ethereum/go-ethereum)
for n in AlloAllocations AlloDistribution CQFRound OddToken QFRound ReentrantToken SkimToken TestToken; do
  lower=$(echo "$n" | tr 'A-Z' 'a-z')
  (cd .. && go run "github.com/ethereum/go-ethereum/cmd/abigen@$geth" --v2 --abi "contracts/build/$n.abi" --bin "contracts/build/$n.bin" \
    --pkg contracts --type "$n" --out "contracts/$lower.go")
done
