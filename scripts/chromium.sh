#!/usr/bin/env bash
# Installs the distribution's Chromium (Debian package "chromium") for the
# browser tests of the round page (site/browser_test.go) and prints its path.
# Needs root or sudo; prints nothing and exits 1 when it cannot install.
set -euo pipefail
for b in chromium chromium-browser; do
  if p=$(command -v "$b"); then echo "$p"; exit 0; fi
done
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo -n "$@"; else return 1; fi; }
export DEBIAN_FRONTEND=noninteractive
as_root apt-get update -qq >&2
as_root apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >&2
command -v chromium
