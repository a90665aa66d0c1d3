#!/usr/bin/env bash
# Parses every sample with the CLI and scores the output against the gold annotations.
set -euo pipefail
src=$1 shared=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$FENGONG" parse -q "$src"/samples/*.txt -o "$out"
python3 "$src/tests/check_score.py" "$shared/gold" "$out"
