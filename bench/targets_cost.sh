#!/usr/bin/env bash
# What share of `fengong parse` the target and goal extraction costs, measured as instructions
# (callgrind, inclusive cost of ExtractTargets + ExtractGoals over ParseDocument), so the
# figure does not depend on a noisy machine. Goal (the targets issue): at most 30 %.
#
#   bench/targets_cost.sh [BUILD_DIR]     # default build-prof, configured RelWithDebInfo
#
# BENCH_CORPUS names a directory of *.txt (default: 60 files made by make_corpus.py).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${1:-$REPO/build-prof}
command -v valgrind >/dev/null || { echo "targets_cost: valgrind is not installed" >&2; exit 2; }
if [[ ! -x $BUILD/fengong ]]; then
  cmake -S "$REPO" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  ninja -C "$BUILD" fengong >/dev/null
fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/fengong-cost.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
CORPUS=${BENCH_CORPUS:-}
if [[ -z $CORPUS ]]; then
  CORPUS=$WORK/corpus
  python3 "$REPO/bench/make_corpus.py" "$CORPUS" --files 60 --min-mb 1 >/dev/null
fi
valgrind --tool=callgrind --callgrind-out-file="$WORK/cg.out" \
  "$BUILD/fengong" parse -q "$CORPUS"/*.txt -o "$WORK/out" 2>/dev/null
callgrind_annotate --inclusive=yes "$WORK/cg.out" 2>/dev/null | python3 -c '
import re, sys
cost = {}
for line in sys.stdin:
    m = re.match(r"\s*([\d,]+)\s+\(\s*[\d.]+%\)\s+\S*:?\s*(?:\S+:)?(fengong::\w+)\(", line)
    if m:
        cost.setdefault(m.group(2), int(m.group(1).replace(",", "")))
total = cost.get("fengong::ParseDocument")
if not total:
    sys.exit("targets_cost: ParseDocument not found in the profile (build with symbols)")
figures = cost.get("fengong::ExtractTargets", 0) + cost.get("fengong::ExtractGoals", 0)
print(f"ParseDocument  {total:>15,} instructions")
print(f"targets+goals  {figures:>15,} instructions  = {100 * figures / total:.1f} % of parsing")
'
