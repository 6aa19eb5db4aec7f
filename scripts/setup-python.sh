#!/usr/bin/env bash
# Installs Debian's PyTorch for /usr/bin/python3 (python3-torch), which the attention trainer's
# own checks need (test/attention/trainer.test.ts runs training/attention/test_train.py: the
# squared TV loss against its literal sum and a finite-difference gradient, the axial reach, the
# resume test). Nothing else in the test suite needs it: the trained models are committed.
# Idempotent: exits at once when torch imports. A failed install is reported, not fatal: the
# trainer test then skips, saying so.
set -uo pipefail
if /usr/bin/python3 -c 'import torch' > /dev/null 2>&1; then
  exit 0
fi
if ! command -v apt-get > /dev/null; then
  echo "setup-python: apt-get not found; install python3-torch yourself (the trainer test skips without it)" >&2
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
if $SUDO apt-get update -qq && $SUDO apt-get install -y -qq python3-torch > /dev/null; then
  /usr/bin/python3 -c 'import torch; print("torch", torch.__version__)'
else
  echo "setup-python: could not install python3-torch; test/attention/trainer.test.ts will skip" >&2
fi
exit 0
