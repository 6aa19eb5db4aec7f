#!/usr/bin/env bash
# Installs Debian's chromium for the studio's browser tests (playwright-core drives it; no browser
# is downloaded by npm). Idempotent: exits at once when chromium is already there.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if ! command -v apt-get > /dev/null; then
  echo "setup-browser: apt-get not found; install chromium yourself (or set COLORIZE_CHROMIUM)" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium > /dev/null
/usr/bin/chromium --version
