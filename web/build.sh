#!/usr/bin/env bash
# Builds the round page into ../site/assets with the pinned toolchain
# (package-lock.json): npm ci, then esbuild bundles src/main.js with
# @openzeppelin/merkle-tree, viem and contracts/build/QFRound.abi. The output
# is committed; scripts/test.sh checks that a rebuild gives the same bytes.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --silent
out=../site/assets
mkdir -p "$out"
node_modules/.bin/esbuild src/main.js --bundle --minify --format=iife --target=es2020 \
  --legal-comments=linked --loader:.abi=json --log-level=warning --outfile="$out/app.js"
cp src/index.html src/app.css "$out/"
