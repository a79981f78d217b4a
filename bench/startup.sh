#!/usr/bin/env bash
# Start-up and whole-process cost, binary against binary (docs/performance.md, "Start-up"):
# for each tailor binary given, its size, the shared objects it loads, and for `--version`,
# `check`, a PDF and a DOCX build of the same resume: instructions (callgrind, independent of
# load), page faults, and process time; then one interleaved hyperfine run of the PDF builds.
#
# Usage: bench/startup.sh BINARY...   (e.g. a copy of main's build and this tree's build)
# Environment: RUNS (default 100), WARMUP (10), INPUT (samples/aysel.resume),
#              RESULTS_DIR (build-bench/bench-results).
#
# Times on a shared machine are only as good as its load, printed before and after; the
# instruction and page-fault counts are the figures to compare there.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_need valgrind hyperfine perf
[ $# -ge 1 ] || { echo "usage: bench/startup.sh BINARY..." >&2; exit 2; }
runs=${RUNS:-100}
warmup=${WARMUP:-10}
input=${INPUT:-samples/aysel.resume}
results=$(bench_results_dir)
work=$(mktemp -d /tmp/tailor-startup.XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$BENCH_ROOT"

bins=()
for b in "$@"; do bins+=("$(bench_tailor "$b")"); done

# The commands, by name; OUT is replaced per binary so no two runs share an output file.
declare -A cmd=(
  [version]="--version"
  [check]="check $input"
  [pdf]="build $input -o OUT.pdf"
  [docx]="build $input -o OUT.docx"
)
order=(version check pdf docx)

instructions() {  # BINARY ARGS...: callgrind's total, user space of the whole process
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
faults_and_ms() {  # BINARY ARGS...: "page-faults task-clock-ms", mean of $runs
  perf stat -x, -r "$runs" -e page-faults,task-clock "$@" 2>&1 >/dev/null |
    awk -F, '/page-faults/ {f=$1} /task-clock/ {t=$1} END {printf "%d %.2f\n", f, t}'
}

bench_machine
echo "input: $input; $runs runs per time"
printf '\n| binary | size | shared objects | command | instructions | page faults | process time (ms) |\n'
printf '|---|---:|---:|---|---:|---:|---:|\n'
i=0
for b in "${bins[@]}"; do
  i=$((i + 1))
  size=$(stat -c %s "$b")
  dsos=$(ldd "$b" | grep -vc -e linux-vdso -e ld-linux)
  for c in "${order[@]}"; do
    args=${cmd[$c]//OUT/$work/b$i}
    # shellcheck disable=SC2086
    "$b" $args >/dev/null  # must succeed before it is measured
    # shellcheck disable=SC2086
    n=$(instructions "$b" $args)
    # shellcheck disable=SC2086
    read -r f t < <(faults_and_ms "$b" $args)
    printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$b" "$size" "$dsos" "$c" "$n" "$f" "$t"
  done
done
for c in pdf docx; do
  [ "$i" -lt 2 ] && break
  first=$(stat -c %s "$work/b1.$c")
  for j in $(seq 2 "$i"); do
    cmp -s "$work/b1.$c" "$work/b$j.$c" || echo "note: the $c of binary $j differs from binary 1's ($first bytes)"
  done
done

echo
echo "load before hyperfine: $(bench_load)"
hf=()
j=0
for b in "${bins[@]}"; do
  j=$((j + 1))
  hf+=("$b build $input -o $work/h$j.pdf")
done
hyperfine -N -w "$warmup" -r "$runs" --export-json "$results/startup.json" "${hf[@]}"
echo "load after: $(bench_load)"
j=0
for b in "${bins[@]}"; do
  echo "PDF, $b: median $(bench_ms "$results/startup.json" $j median) ms, user + system $(bench_cpu_ms "$results/startup.json" $j) ms"
  j=$((j + 1))
done
