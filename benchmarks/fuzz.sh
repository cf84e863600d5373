#!/usr/bin/env bash
# A long fuzzing session: mutated Kalmar files through validate, inventory, map and publish.
#   benchmarks/fuzz.sh [EXAMPLES]    (default 500; the normal test suite runs 15)
# Each session draws new mutations; a failure prints the mutation as a recipe to reproduce it.
set -euo pipefail
cd "$(dirname "$0")/.."
PROCESSKIT_FUZZ_EXAMPLES=${1:-500} PROCESSKIT_FUZZ_RANDOM=1 \
  exec .venv/bin/python -m pytest -q -p no:cacheprovider tests/test_fuzz.py -k mutated
