#!/usr/bin/env bash
# What the test suite needs besides Python packages (part of the README's test command and
# of .ci/run): Debian's chromium and chromium-driver for the browser tests, and axe-core (npm)
# for their accessibility checks, unpacked into a cache outside the repository
# (PANTAU_AXE_DIR, default ~/.cache/pantau/axe-core). Does nothing that is already done.
set -euo pipefail
AXE_VERSION="4.14"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

need=()
command -v chromium >/dev/null || need+=(chromium)
command -v chromedriver >/dev/null || need+=(chromium-driver)
command -v npm >/dev/null || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  echo "test_setup: apt-get install ${need[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

AXE_DIR="${PANTAU_AXE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pantau/axe-core}"
if [ ! -f "$AXE_DIR/axe.min.js" ]; then
  echo "test_setup: npm pack axe-core@$AXE_VERSION into $AXE_DIR" >&2
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "axe-core@$AXE_VERSION" >/dev/null && tar xzf axe-core-*.tgz)
  mkdir -p "$AXE_DIR"
  cp "$tmp/package/axe.min.js" "$tmp/package/LICENSE" "$AXE_DIR/"
  rm -rf "$tmp"
fi
