#!/usr/bin/env bash
# Unreachable functions: golang.org/x/tools/cmd/deadcode (pinned, through the
# Go module proxy) over every package and its tests. Prints what it finds
# beyond the allow-list (scripts/deadcode.allow: one extended regular
# expression per line, matched against deadcode's "file:line:col: unreachable
# func: name" lines, each with a comment saying why it stays) and exits 1 when
# there is any. Not in scripts/test.sh: it type-checks the whole program with
# SSA, which takes minutes on a loaded 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."

DEADCODE_VERSION=v0.52.0
out=$(go run "golang.org/x/tools/cmd/deadcode@${DEADCODE_VERSION}" -test ./...)
allow=$(grep -v '^\s*\(#\|$\)' scripts/deadcode.allow || true)
if [ -n "$allow" ]; then
  left=$(printf '%s\n' "$out" | grep -v -E -f <(printf '%s\n' "$allow") || true)
else
  left=$out
fi
if [ -n "$left" ]; then
  printf '%s\n' "$left"
  echo "deadcode: the functions above are unreachable from any command or test; remove them, or add them to scripts/deadcode.allow with the reason" >&2
  exit 1
fi
echo "deadcode: clean"
