#!/usr/bin/env bash
# Where the time goes: callgrind (instruction counts, stable on a loaded machine, unlike wall
# time) of one PDF build and one DOCX build of samples/aysel.resume tailored to a role, then
# the top functions by inclusive cost and the total instruction count of each; then a batch
# of BATCH inputs to PDF and DOCX in one process, where start-up is paid once.
#
# Usage: bench/profile.sh [TAILOR_BINARY]   (or $TAILOR; default build-bench/src/tailor)
# Environment: TOP (30 inclusive rows), SELF (15 self-cost rows), BATCH (20 inputs; 0: none), INPUT, ROLE, RESULTS_DIR (the callgrind.out files are kept there).
# Function names come from the symbol table; for inlined callees and source lines, profile a
# RelWithDebInfo build (-O2 -g) instead of Release.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
tailor=$(bench_tailor "${1:-}")
bench_need valgrind callgrind_annotate
top=${TOP:-30}
self=${SELF:-15}
input=${INPUT:-samples/aysel.resume}
role=${ROLE:-Infrastructure Engineer}
results=$(bench_results_dir)
work=$(mktemp -d /tmp/tailor-profile.XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$BENCH_ROOT"

# The function rows of callgrind_annotate (after its third rule line), the first N of them.
annotate() {
  callgrind_annotate "$1" --threshold=100 "$2" 2>/dev/null |
    awk -v top="$3" '
      /^-+$/ { rule++; next }
      rule >= 3 && NF > 0 && $1 ~ /^[0-9,]+$/ && shown < top { print; shown++ }'
}

bench_machine
echo "tailor: $tailor"
for fmt in pdf docx; do
  out=$results/callgrind.$fmt.out
  # --jobs 1: one thread, so the costs are not split across worker threads.
  valgrind --tool=callgrind --callgrind-out-file="$out" \
    "$tailor" build "$input" --role "$role" --jobs 1 -o "$work/resume.$fmt" 2>"$work/valgrind.log" || {
    cat "$work/valgrind.log" >&2
    exit 1
  }
  total=$(awk '/^summary:/ {print $2}' "$out")
  echo
  echo "== $fmt: $input --role '$role', $total instructions (Ir) in the whole process"
  echo "-- top $top by inclusive cost (the function and everything it calls)"
  annotate --inclusive=yes "$out" "$top"
  echo "-- top $self by self cost (the function's own instructions)"
  annotate --inclusive=no "$out" "$self"
done

# A batch, where start-up is paid once: what each further document costs. BATCH=0 skips it.
batch=${BATCH:-20}
if ((batch > 0)); then
  samples=(samples/*.resume)
  mkdir -p "$work/in"
  for ((i = 0; i < batch; i++)); do
    sed "s/^name:.*/name:     Person $i/" "${samples[i % ${#samples[@]}]}" >"$work/in/cv$i.resume"
  done
  out=$results/callgrind.batch.out
  valgrind --tool=callgrind --callgrind-out-file="$out" \
    "$tailor" build "$work"/in/*.resume --role "$role" --format pdf,docx --out-dir "$work/out" \
    --jobs 1 >"$work/valgrind.log" 2>&1 || {
    cat "$work/valgrind.log" >&2
    exit 1
  }
  total=$(awk '/^summary:/ {print $2}' "$out")
  echo
  echo "== batch: $batch inputs x pdf,docx --role '$role' --jobs 1, $total instructions (Ir), $((total / batch)) per input"
  echo "-- top $top by inclusive cost"
  annotate --inclusive=yes "$out" "$top"
  echo "-- top $self by self cost"
  annotate --inclusive=no "$out" "$self"
fi
echo
echo "callgrind files: $results/callgrind.{pdf,docx,batch}.out (kcachegrind or callgrind_annotate)"
