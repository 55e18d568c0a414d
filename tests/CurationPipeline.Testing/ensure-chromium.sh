#!/usr/bin/env bash
# Installs Debian's chromium for the browser tests when it is missing (Chromium.cs runs it headless
# through Microsoft.Playwright).
# Prints the executable's path. Needs root or passwordless sudo on a machine without chromium.
set -euo pipefail
if ! command -v chromium >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" != "0" ]; then SUDO="sudo -n"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >/dev/null
  $SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
command -v chromium
