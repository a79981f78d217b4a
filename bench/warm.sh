#!/usr/bin/env bash
# The warm path (issue 20): what each further document of a batch costs once start-up is
# paid. COUNT distinct tailored resumes (the samples with varied names, bench_inputs in
# bench/lib.sh, as bench/batch.sh makes them) are built to PDF in one process:
#   1. instructions per document (callgrind, independent of load): a batch of COUNT_CG
#      inputs minus a batch of one, divided by COUNT_CG - 1, --jobs 1;
#   2. throughput with --jobs 2 and with --jobs 1 (hyperfine, medians; wall time, so the
#      load average is printed beside it);
#   3. the durability syscalls of one --jobs 2 batch (strace -c: syncfs, fsync, rename).
#
# Usage: bench/warm.sh [TAILOR_BINARY]   (or $TAILOR; default build-bench/src/tailor)
# Environment: COUNT (200), COUNT_CG (40), RUNS (5), ROLE, RESULTS_DIR.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
tailor=$(bench_tailor "${1:-}")
bench_need hyperfine valgrind strace
count=${COUNT:-200}
count_cg=${COUNT_CG:-40}
runs=${RUNS:-5}
role=${ROLE:-Infrastructure Engineer}
results=$(bench_results_dir)
work=$(mktemp -d /tmp/tailor-warm.XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$BENCH_ROOT"

bench_inputs "$work/in" "$count"
inputs=("${BENCH_INPUTS[@]}")

bench_machine
echo "tailor: $tailor"

# 1. Instructions per document.
ir() {
  rm -rf "$work/out"
  valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" \
    "$tailor" build "${inputs[@]:0:$1}" --role "$role" --format pdf --jobs 1 \
    --out-dir "$work/out" >/dev/null 2>&1
  awk '/^summary:/ {print $2}' "$work/cg.out"
}
one=$(ir 1)
many=$(ir "$count_cg")
per=$(((many - one) / (count_cg - 1)))
echo "instructions: batch of 1 $one, batch of $count_cg $many, per further document $per"

# 2. Throughput.
load_before=$(bench_load)
hyperfine -N --warmup 1 --runs "$runs" --prepare "rm -rf $work/out" \
  --export-json "$results/warm.json" \
  -n "jobs 2" "$tailor build ${inputs[*]} --role '$role' --format pdf --jobs 2 --out-dir $work/out" \
  -n "jobs 1" "$tailor build ${inputs[*]} --role '$role' --format pdf --jobs 1 --out-dir $work/out"
for k in 0 1; do
  median=$(bench_ms "$results/warm.json" "$k" median)
  rate=$(/usr/bin/python3 -P -c "print('%.0f' % ($count / ($median / 1000)))")
  echo "jobs $((2 - k)): median $median ms for $count PDFs = $rate PDFs/s, $(bench_ratio "$median" "$count") ms per PDF; CPU $(bench_cpu_ms "$results/warm.json" "$k") ms"
done
echo "load average: before $load_before, after $(bench_load)"

# 3. Durability syscalls.
rm -rf "$work/out"
strace -f -c -e trace=fsync,fdatasync,syncfs,rename -o "$work/strace" \
  "$tailor" build "${inputs[@]}" --role "$role" --format pdf --jobs 2 --out-dir "$work/out" \
  >/dev/null 2>&1
echo "durability syscalls of one --jobs 2 batch of $count:"
sed -n '1,/^------ .*total/p' "$work/strace" | grep -E 'syncfs|fsync|fdatasync|rename|total'
