#!/usr/bin/env bash
# Runs every test: the doctest unit tests and the end-to-end runs of the CLI on samples/.
set -euo pipefail
cd "$(dirname "$0")/.."
ctest --test-dir build --output-on-failure
