#!/usr/bin/env bash
# Throughput benchmark for `fengong parse` on one core.
#
#   bench/run.sh [FENGONG_BINARY]
#
# FENGONG_BINARY defaults to the first existing of build/fengong, build-bench/fengong
# (relative to the repo root). The corpus (>= 1000 files, >= 15 MB, made from
# samples/*.txt by bench/make_corpus.py) is generated into a temp dir unless
# BENCH_CORPUS names an existing directory of *.txt files.
# BENCH_RUNS (default 3) runs per output format; the median wall time is reported.
# Exits non-zero only if the parser fails (or cannot be found / the corpus cannot be made).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUNS=${BENCH_RUNS:-3}

if [[ $# -ge 1 ]]; then
  BIN=$1
else
  BIN=
  for cand in "$REPO/build/fengong" "$REPO/build-bench/fengong"; do
    if [[ -x $cand ]]; then BIN=$cand; break; fi
  done
  if [[ -z $BIN ]]; then
    echo "bench: no fengong binary in build/ or build-bench/; build one or pass its path" >&2
    exit 2
  fi
fi
if [[ ! -x $BIN ]]; then
  echo "bench: $BIN is not an executable" >&2
  exit 2
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/fengong-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

if [[ -n ${BENCH_CORPUS:-} && -d $BENCH_CORPUS ]]; then
  CORPUS=$BENCH_CORPUS
  echo "corpus: $CORPUS (BENCH_CORPUS)"
else
  CORPUS=$WORK/corpus
  echo -n "corpus: generating in $CORPUS ... "
  python3 "$REPO/bench/make_corpus.py" "$CORPUS"
fi

shopt -s nullglob
FILES=("$CORPUS"/*.txt)
shopt -u nullglob
NFILES=${#FILES[@]}
if [[ $NFILES -eq 0 ]]; then
  echo "bench: no *.txt in $CORPUS" >&2
  exit 2
fi
BYTES=$(cat -- "${FILES[@]}" | wc -c)

# Pin to one core when taskset (util-linux) is there.
PIN=()
if command -v taskset >/dev/null 2>&1; then
  PIN=(taskset -c 0)
else
  echo "bench: taskset not found (util-linux): running unpinned" >&2
fi

# Peak RSS comes from GNU time (Debian package `time`); without it, wall time only.
HAVE_GTIME=0
if [[ -x /usr/bin/time ]] && /usr/bin/time -v true >/dev/null 2>&1; then
  HAVE_GTIME=1
else
  echo "bench: /usr/bin/time (Debian package 'time') not found: wall time only, no peak RSS" >&2
fi

# One process when the argument list fits, else xargs batches.
ARGLEN=$(printf '%s\0' "${FILES[@]}" | wc -c)
ARGMAX=$(getconf ARG_MAX 2>/dev/null || echo 131072)
BATCHED=0
if (( ARGLEN > ARGMAX / 2 )); then
  BATCHED=1
  echo "bench: argument list too long ($ARGLEN bytes): running in xargs batches" >&2
fi

now_ns() { date +%s%N; }

# run_once FORMAT OUTDIR TIMEFILE: runs the parser over the whole corpus; prints wall seconds.
run_once() {
  local fmt=$1 out=$2 tfile=$3 t0 t1 rc=0
  local cmd=()
  if (( HAVE_GTIME )); then cmd=(/usr/bin/time -v -o "$tfile"); fi
  if (( BATCHED )); then
    t0=$(now_ns)
    printf '%s\0' "${FILES[@]}" |
      "${PIN[@]}" "${cmd[@]}" xargs -0 "$BIN" parse -q --format "$fmt" -o "$out" \
      >"$WORK/stdout" 2>"$WORK/stderr" || rc=$?
    t1=$(now_ns)
  else
    t0=$(now_ns)
    "${PIN[@]}" "${cmd[@]}" "$BIN" parse -q --format "$fmt" "${FILES[@]}" -o "$out" \
      >"$WORK/stdout" 2>"$WORK/stderr" || rc=$?
    t1=$(now_ns)
  fi
  if (( rc != 0 )); then
    echo "bench: parser failed (exit $rc) on --format $fmt; its stderr:" >&2
    head -n 20 "$WORK/stderr" >&2
    return 1
  fi
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f\n", (b - a) / 1e9 }'
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.4f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "binary: $BIN"
echo "pinning: ${PIN[*]:-none}; runs per format: $RUNS"
printf 'corpus: %d files, %.2f MB (%d bytes; 1 MB = 10^6 bytes)\n' "$NFILES" "$(awk -v b="$BYTES" 'BEGIN{print b/1e6}')" "$BYTES"
echo

FAIL=0
RESULTS=()
for fmt in yaml json; do
  times=()
  peak_kb=0
  for ((i = 1; i <= RUNS; i++)); do
    out=$WORK/out-$fmt
    rm -rf "$out"
    mkdir -p "$out"
    tfile=$WORK/time-$fmt-$i
    if ! t=$(run_once "$fmt" "$out" "$tfile"); then FAIL=1; break; fi
    times+=("$t")
    rss=NA
    cpu=NA
    if (( HAVE_GTIME )); then
      rss=$(awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }' "$tfile")
      cpu=$(awk -F: '/User time|System time/ { s += $2 } END { printf "%.3f", s }' "$tfile")
      if (( rss > peak_kb )); then peak_kb=$rss; fi
    fi
    nout=$(find "$out" -maxdepth 1 -type f | wc -l)
    printf '  %-4s run %d: wall %8.3f s  cpu %s s  rss %s kB  (%d outputs)\n' "$fmt" "$i" "$t" "$cpu" "$rss" "$nout"
  done
  if (( FAIL )); then
    echo "bench: FAILED: the parser exited non-zero" >&2
    exit 1
  fi
  med=$(printf '%s\n' "${times[@]}" | median)
  rss_mb=NA
  (( HAVE_GTIME )) && rss_mb=$(awk -v k="$peak_kb" 'BEGIN { printf "%.1f", k / 1024 }')
  RESULTS+=("$(awk -v f="$fmt" -v b="$BYTES" -v n="$NFILES" -v t="$med" -v r="$rss_mb" 'BEGIN {
    printf "%-6s %10.2f %7d %10.3f %9.2f %9.1f %13s", f, b / 1e6, n, t, b / 1e6 / t, n / t, r }')")
done

echo
printf '%-6s %10s %7s %10s %9s %9s %13s\n' format "MB" files "median s" "MB/s" "files/s" "peak RSS MB"
for line in "${RESULTS[@]}"; do echo "$line"; done
exit 0
