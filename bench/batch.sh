#!/usr/bin/env bash
# Batch throughput: 200 inputs made from samples/*.resume with varied names, built to PDF and
# DOCX in one process with --jobs 2 (hyperfine), reported as resumes/s; then peak RSS
# (/usr/bin/time -f %M, Debian package `time`) of one resume and of the whole batch.
#
# Usage: bench/batch.sh [TAILOR_BINARY]   (or $TAILOR; default build-bench/src/tailor)
# Environment: COUNT (200), JOBS (2), RUNS (5), WARMUP (1), RESULTS_DIR.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
tailor=$(bench_tailor "${1:-}")
bench_need hyperfine
if [[ ! -x /usr/bin/time ]]; then
  echo "bench: /usr/bin/time is missing (Debian package: time)" >&2
  exit 2
fi
count=${COUNT:-200}
jobs=${JOBS:-2}
runs=${RUNS:-5}
warmup=${WARMUP:-1}
results=$(bench_results_dir)
work=$(mktemp -d /tmp/tailor-batch.XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$BENCH_ROOT"

# Inputs: the samples in turn, each with its own name (bench_inputs, bench/lib.sh).
bench_inputs "$work/in" "$count"
inputs=("${BENCH_INPUTS[@]}")
samples=(samples/*.resume)

# One build of everything first: it must succeed, and the count of outputs must be right.
if ! "$tailor" build "${inputs[@]}" --format pdf,docx --out-dir "$work/out" --jobs "$jobs" \
  2>"$work/first.log"; then
  cat "$work/first.log" >&2
  exit 1
fi
made=$(find "$work/out" -type f \( -name '*.pdf' -o -name '*.docx' \) | wc -l)
if ((made != 2 * count)); then
  echo "bench: expected $((2 * count)) outputs, found $made" >&2
  exit 1
fi

bench_machine
echo "tailor: $tailor"
echo "batch: $count inputs from ${#samples[@]} samples, --format pdf,docx --jobs $jobs"
load_before=$(bench_load)
hyperfine -N --warmup "$warmup" --runs "$runs" --prepare "rm -rf $work/out" \
  --export-json "$results/batch.json" --export-markdown "$results/batch.md" \
  -n "batch $count x pdf,docx --jobs $jobs" \
  "$tailor build ${inputs[*]} --format pdf,docx --out-dir $work/out --jobs $jobs"
mean=$(bench_ms "$results/batch.json" 0 mean)
median=$(bench_ms "$results/batch.json" 0 median)
echo
echo "load average: before $load_before, after $(bench_load)"
echo "batch wall: mean $mean ms, median $median ms; CPU (user+sys) $(bench_cpu_ms "$results/batch.json" 0) ms"
rate=$(/usr/bin/python3 -P -c "print('%.1f' % ($count / ($median / 1000)))")
echo "throughput (median): $rate resumes/s ($((2 * count)) outputs) (target >= 150: $(bench_le 150 "$rate"))"

# Peak RSS in KiB (GNU time's %M), one process each.
rss() { /usr/bin/time -f %M -o "$work/rss" "$@" >/dev/null 2>&1 && cat "$work/rss"; }
one=${inputs[0]}
rm -rf "$work/out"
pdf_kb=$(rss "$tailor" build "$one" -o "$work/one.pdf")
docx_kb=$(rss "$tailor" build "$one" -o "$work/one.docx")
both_kb=$(rss "$tailor" build "$one" --format pdf,docx --out-dir "$work/one")
batch_kb=$(rss "$tailor" build "${inputs[@]}" --format pdf,docx --out-dir "$work/out" --jobs "$jobs")
mb() { /usr/bin/python3 -P -c "print('%.1f' % ($1 / 1024))"; }
echo "peak RSS, one resume: pdf $(mb "$pdf_kb") MiB, docx $(mb "$docx_kb") MiB, pdf+docx $(mb "$both_kb") MiB (target <= 30 MB: $(bench_le "$both_kb" 29297))"
echo "peak RSS, batch of $count (pdf,docx, --jobs $jobs): $(mb "$batch_kb") MiB"
{
  echo "| measure | value |"
  echo "|---|---|"
  echo "| batch $count x pdf,docx --jobs $jobs, median | $median ms |"
  echo "| throughput | $rate resumes/s |"
  echo "| peak RSS one resume pdf / docx / pdf+docx | $(mb "$pdf_kb") / $(mb "$docx_kb") / $(mb "$both_kb") MiB |"
  echo "| peak RSS batch | $(mb "$batch_kb") MiB |"
  echo "| load average before / after | $load_before / $(bench_load) |"
} >"$results/batch-summary.md"
echo "exports: $results/batch.json $results/batch.md $results/batch-summary.md"
