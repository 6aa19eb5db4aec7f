#!/usr/bin/env bash
# Installs Debian's ffmpeg (ffmpeg + ffprobe, with libx264) for `colorize video` on container files
# and for the video tests (test/video/: they fail with this script's name when ffmpeg is missing).
# Idempotent: exits at once when ffmpeg and ffprobe are already there.
set -euo pipefail
if command -v ffmpeg > /dev/null && command -v ffprobe > /dev/null; then
  exit 0
fi
if ! command -v apt-get > /dev/null; then
  echo "setup-ffmpeg: apt-get not found; install ffmpeg (with ffprobe and libx264) yourself" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq ffmpeg > /dev/null
ffmpeg -hide_banner -version | head -n 1
