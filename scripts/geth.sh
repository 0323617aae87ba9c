#!/usr/bin/env bash
# Installs the geth the integration test runs (geth --dev on 127.0.0.1) into
# .bin/ and prints its path. Pinned: later versions may not build here.
set -euo pipefail
cd "$(dirname "$0")/.."
version=v1.17.5
bin="$PWD/.bin"
if [ -x "$bin/geth" ] && "$bin/geth" version 2>/dev/null | grep -q "^Version: ${version#v}"; then
  echo "$bin/geth"
  exit 0
fi
mkdir -p "$bin"
GOBIN="$bin" go install "github.com/ethereum/go-ethereum/cmd/geth@$version" >&2
echo "$bin/geth"
