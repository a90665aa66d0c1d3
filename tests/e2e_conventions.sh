#!/usr/bin/env bash
# Parses the documents of tests/conventions (plans on other topics and in other layouts, written
# to the conventions of ../shared/docs/domain.md, with hand-made gold) and scores them with the
# shared scorer: the rules must hold beyond the five samples.
set -euo pipefail
src=$1 shared=$2
shift 2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$FENGONG" parse -q "$src"/tests/conventions/*.txt -o "$out"
python3 "$src/tests/check_score.py" "$src/tests/conventions" "$out" "$shared/eval/score.py" "$@"
