#!/usr/bin/env bash
# The service's load benchmark: 64 clients post fund requests over HTTP on
# 127.0.0.1 to a real qf server; each reply waits for its fsync. Prints
# sustained requests/s and p50/p99 latency.
# usage: bench/serve.sh [REQUESTS]
set -euo pipefail
cd "$(dirname "$0")/.."
go test ./service -run '^$' -bench '^BenchmarkFund$' -benchtime "${1:-50000}x" | grep Benchmark
