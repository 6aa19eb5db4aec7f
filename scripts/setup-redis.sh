#!/usr/bin/env bash
# Installs Debian's redis-server for the queue's integration tests (test/queue/: each test run
# starts its own server on a free loopback port and stops it after). Idempotent: exits at once
# when redis-server is already there. Nothing is started here.
set -euo pipefail
if command -v redis-server > /dev/null; then
  exit 0
fi
if ! command -v apt-get > /dev/null; then
  echo "setup-redis: apt-get not found; install redis-server yourself (the queue tests skip without it)" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# Debian's package starts a service on port 6379 where systemd runs; the tests use their own.
$SUDO apt-get install -y -qq redis-server > /dev/null
redis-server --version
