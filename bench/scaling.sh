#!/usr/bin/env bash
# Scaling of the whole process: generated resumes of 3 and 120 entries (bench/gen-resume.sh),
# tailored to a role and built to PDF and to DOCX, in one hyperfine run. The target: the
# 120-entry build takes no more than 120/3 = 40 times the 3-entry one.
#
# Usage: bench/scaling.sh [TAILOR_BINARY]   (or $TAILOR; default build-bench/src/tailor)
# Environment: SMALL (3), LARGE (120), RUNS (20), WARMUP (3), ROLE, RESULTS_DIR.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
tailor=$(bench_tailor "${1:-}")
bench_need hyperfine
small=${SMALL:-3}
large=${LARGE:-120}
runs=${RUNS:-20}
warmup=${WARMUP:-3}
role=${ROLE:-Infrastructure Engineer}
results=$(bench_results_dir)
work=$(mktemp -d /tmp/tailor-scaling.XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$BENCH_ROOT"

bench/gen-resume.sh "$small" >"$work/small.resume"
bench/gen-resume.sh "$large" >"$work/large.resume"
for n in small large; do
  for ext in pdf docx; do
    "$tailor" build "$work/$n.resume" --role "$role" -o "$work/$n.$ext"
  done
done

bench_machine
echo "tailor: $tailor"
echo "inputs: $small entries ($(stat -c %s "$work/small.resume") B) and $large entries ($(stat -c %s "$work/large.resume") B), --role '$role'"
echo "pages: $small entries $(pdfinfo "$work/small.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}'), $large entries $(pdfinfo "$work/large.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')"
load_before=$(bench_load)
hyperfine -N --warmup "$warmup" --runs "$runs" \
  --export-json "$results/scaling.json" --export-markdown "$results/scaling.md" \
  -n "pdf $small entries" "$tailor build $work/small.resume --role '$role' -o $work/small.pdf" \
  -n "pdf $large entries" "$tailor build $work/large.resume --role '$role' -o $work/large.pdf" \
  -n "docx $small entries" "$tailor build $work/small.resume --role '$role' -o $work/small.docx" \
  -n "docx $large entries" "$tailor build $work/large.resume --role '$role' -o $work/large.docx"
bound=$(/usr/bin/python3 -P -c "print($large / $small)")
echo
echo "load average: before $load_before, after $(bench_load)"
for k in 0 2; do
  fmt=$([[ $k == 0 ]] && echo pdf || echo docx)
  s=$(bench_ms "$results/scaling.json" "$k" median)
  l=$(bench_ms "$results/scaling.json" "$((k + 1))" median)
  cs=$(bench_cpu_ms "$results/scaling.json" "$k")
  cl=$(bench_cpu_ms "$results/scaling.json" "$((k + 1))")
  r=$(bench_ratio "$l" "$s")
  echo "$fmt: median $s ms -> $l ms, ratio $r (bound $bound: $(bench_le "$r" "$bound")); CPU $cs ms -> $cl ms, ratio $(bench_ratio "$cl" "$cs")"
done
echo "exports: $results/scaling.json $results/scaling.md"
