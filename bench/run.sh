#!/usr/bin/env bash
# Throughput benchmark for `fengong parse` on a 1,000-file corpus, at -j1 and -j2.
#
#   bench/run.sh [FENGONG_BINARY]
#
# FENGONG_BINARY defaults to the first existing of build/fengong, build-bench/fengong
# (relative to the repo root). The corpus (1000 files, ~37.6 MB, made from samples/*.txt by
# bench/make_corpus.py) is generated into a temp dir unless BENCH_CORPUS names an existing
# directory of *.txt files.
# BENCH_RUNS (default 5) runs per setting, taking turns; the best and the median wall time are
# reported (the machine may be shared: the best run is the least disturbed).
# BENCH_JOBS (default "1 2") the -j values; -jN runs pinned to cores 0..N-1 (taskset).
# Each -j also runs on the first quarter of the files, to show that peak RSS does not grow
# with the number of files.
# Exits non-zero only if the parser fails (or cannot be found / the corpus cannot be made).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUNS=${BENCH_RUNS:-5}
JOBS=${BENCH_JOBS:-"1 2"}

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
# The first quarter of the files, as a list, for the RSS-against-size run.
NQUARTER=$(( (NFILES + 3) / 4 ))
printf '%s\n' "${FILES[@]:0:NQUARTER}" >"$WORK/quarter.list"
printf '%s\n' "${FILES[@]}" >"$WORK/all.list"
bytes_of() { tr '\n' '\0' <"$1" | xargs -0 cat -- | wc -c; }
BYTES=$(bytes_of "$WORK/all.list")
QBYTES=$(bytes_of "$WORK/quarter.list")

HAVE_TASKSET=0
if command -v taskset >/dev/null 2>&1; then
  HAVE_TASKSET=1
else
  echo "bench: taskset not found (util-linux): running unpinned" >&2
fi
NCPU=$(nproc 2>/dev/null || echo 1)

# Peak RSS comes from GNU time (Debian package `time`); without it, wall time only.
HAVE_GTIME=0
if [[ -x /usr/bin/time ]] && /usr/bin/time -v true >/dev/null 2>&1; then
  HAVE_GTIME=1
else
  echo "bench: /usr/bin/time (Debian package 'time') not found: wall time only, no peak RSS" >&2
fi

now_ns() { date +%s%N; }

# run_once JOBS LIST OUTDIR TIMEFILE: parses the files of LIST; prints wall seconds.
run_once() {
  local jobs=$1 list=$2 out=$3 tfile=$4 t0 t1 rc=0
  local cmd=() pin=()
  if (( HAVE_GTIME )); then cmd=(/usr/bin/time -v -o "$tfile"); fi
  if (( HAVE_TASKSET && jobs <= NCPU )); then pin=(taskset -c "0-$((jobs - 1))"); fi
  t0=$(now_ns)
  "${pin[@]}" "${cmd[@]}" "$BIN" parse -q -j "$jobs" --files-from "$list" -o "$out" \
    >"$WORK/stdout" 2>"$WORK/stderr" || rc=$?
  t1=$(now_ns)
  if (( rc != 0 )); then
    echo "bench: parser failed (exit $rc) at -j$jobs; its stderr:" >&2
    head -n 20 "$WORK/stderr" >&2
    return 1
  fi
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f\n", (b - a) / 1e9 }'
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.4f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
rss_kb() { awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }' "$1"; }
cpu_s() { awk -F: '/User time|System time/ { s += $2 } END { printf "%.3f", s }' "$1"; }

# one_run JOBS LIST LABEL I: one timed run; appends wall s to T_<label>_<jobs>, updates RSS_*.
one_run() {
  local jobs=$1 list=$2 label=$3 i=$4 t out tfile rss=NA cpu=NA nout
  out=$WORK/out
  rm -rf "$out"
  tfile=$WORK/time-$label-$jobs-$i
  t=$(run_once "$jobs" "$list" "$out" "$tfile") || return 1
  eval "T_${label}_${jobs}+=(\"$t\")"
  if (( HAVE_GTIME )); then
    rss=$(rss_kb "$tfile")
    cpu=$(cpu_s "$tfile")
    local key="RSS_${label}_${jobs}"
    (( rss > ${!key:-0} )) && eval "$key=$rss"
  fi
  nout=$(find "$out" -type f | wc -l)
  printf '  run %d -j%s %-7s: wall %7.3f s  cpu %s s  rss %s kB  (%d outputs)\n' \
    "$i" "$jobs" "$label" "$t" "$cpu" "$rss" "$nout"
}

minimum() { sort -g | head -n 1; }
rss_mb() { local key="RSS_$1_$2"; [[ -n ${!key:-} ]] && awk -v k="${!key}" 'BEGIN { printf "%.1f", k / 1024 }' || echo NA; }

echo "binary: $BIN"
echo "jobs: $JOBS; runs per setting: $RUNS; cores: $NCPU; pinned: $( ((HAVE_TASKSET)) && echo yes || echo no)"
printf 'corpus: %d files, %.2f MB (%d bytes; 1 MB = 10^6 bytes); quarter: %d files\n' \
  "$NFILES" "$(awk -v b="$BYTES" 'BEGIN{print b/1e6}')" "$BYTES" "$NQUARTER"
echo

# The settings take turns, run after run, so that a busy neighbour slows them alike; the best
# (shortest) run is the figure least disturbed, the median the typical one.
for ((i = 1; i <= RUNS; i++)); do
  for jobs in $JOBS; do
    one_run "$jobs" "$WORK/all.list" all "$i" || { echo "bench: FAILED" >&2; exit 1; }
    one_run "$jobs" "$WORK/quarter.list" quarter "$i" || { echo "bench: FAILED" >&2; exit 1; }
  done
done

echo
printf '%-5s %6s %8s %8s %8s %9s %11s %13s\n' jobs files "best s" "median s" "MB/s" "files/s" "peak RSS MB" "RSS 1/4 files"
declare -A BEST
for jobs in $JOBS; do
  eval "times=(\"\${T_all_${jobs}[@]}\")"
  best=$(printf '%s\n' "${times[@]}" | minimum)
  med=$(printf '%s\n' "${times[@]}" | median)
  BEST[$jobs]=$best
  awk -v j="$jobs" -v b="$BYTES" -v n="$NFILES" -v t="$best" -v m="$med" -v r="$(rss_mb all "$jobs")" \
      -v q="$(rss_mb quarter "$jobs")" 'BEGIN {
    printf "-j%-3s %6d %8.3f %8.3f %8.2f %9.1f %11s %13s\n", j, n, t, m, b / 1e6 / t, n / t, r, q }'
done
echo "(MB/s and files/s from the best run; RSS is the peak over all runs)"
if [[ -n ${BEST[1]:-} && -n ${BEST[2]:-} ]]; then
  awk -v a="${BEST[1]}" -v b="${BEST[2]}" 'BEGIN {
    s = a / b; printf "speed-up -j2 over -j1 (best runs): %.2fx (goal >= 1.70x: %s)\n", s, ((s >= 1.7) ? "met" : "NOT met") }'
fi
exit 0
