#!/usr/bin/env bash
# End to end: the whole `tailor` process (PDF, DOCX, both) against `pandoc resume.md -o
# resume.docx` on the same content, side by side in one hyperfine run, then the ratios.
# `tailor --version` is timed too: the floor every build pays (exec and dynamic linking).
#
# Usage: bench/e2e.sh [TAILOR_BINARY]   (or $TAILOR; default build-bench/src/tailor)
# Environment: RUNS (default 30), WARMUP (5), INPUT (samples/aysel.resume),
#              ROLE (Infrastructure Engineer), RESULTS_DIR (build-bench/bench-results).
#
# The Markdown for pandoc is made from the same tailored resume: tailor's text output
# (`build --role R --format text`) through bench/peers/text-to-markdown.awk. Bold and italic
# are lost (the text writer drops them), so pandoc gets slightly less work than tailor.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
tailor=$(bench_tailor "${1:-}")
bench_need hyperfine pandoc
runs=${RUNS:-30}
warmup=${WARMUP:-5}
input=${INPUT:-samples/aysel.resume}
role=${ROLE:-Infrastructure Engineer}
results=$(bench_results_dir)
work=$(mktemp -d /tmp/tailor-e2e.XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$BENCH_ROOT"

"$tailor" build "$input" --role "$role" --format text -o "$work/resume.txt"
awk -f bench/peers/text-to-markdown.awk "$work/resume.txt" >"$work/resume.md"
cp "$work/resume.md" "$results/e2e-resume.md"

# One run of each first: every command must succeed before it is timed.
"$tailor" build "$input" --role "$role" -o "$work/tailor.pdf"
"$tailor" build "$input" --role "$role" -o "$work/tailor.docx"
pandoc "$work/resume.md" -o "$work/pandoc.docx"

bench_machine
echo "tailor: $tailor ($("$tailor" --version | head -1))"
echo "pandoc: $(pandoc --version | head -1)"
echo "input:  $input --role '$role' ($(wc -l <"$work/resume.md") lines of Markdown for pandoc)"
load_before=$(bench_load)

hyperfine -N --warmup "$warmup" --runs "$runs" \
  --export-json "$results/e2e.json" --export-markdown "$results/e2e.md" \
  -n "tailor pdf" "$tailor build $input --role '$role' -o $work/tailor.pdf" \
  -n "tailor docx" "$tailor build $input --role '$role' -o $work/tailor.docx" \
  -n "tailor pdf+docx" "$tailor build $input --role '$role' --format pdf,docx --out-dir $work/both" \
  -n "pandoc md->docx" "pandoc $work/resume.md -o $work/pandoc.docx" \
  -n "tailor --version (start-up floor)" "$tailor --version"

pdf=$(bench_ms "$results/e2e.json" 0 median)
docx=$(bench_ms "$results/e2e.json" 1 median)
both=$(bench_ms "$results/e2e.json" 2 median)
pandoc=$(bench_ms "$results/e2e.json" 3 median)
echo
echo "load average: before $load_before, after $(bench_load)"
echo "sizes: tailor.pdf $(stat -c %s "$work/tailor.pdf") B, tailor.docx $(stat -c %s "$work/tailor.docx") B, pandoc.docx $(stat -c %s "$work/pandoc.docx") B"
echo "wall medians: tailor pdf $pdf ms, tailor docx $docx ms, tailor pdf+docx $both ms, pandoc docx $pandoc ms"
echo "ratio pandoc docx / tailor pdf:  $(bench_ratio "$pandoc" "$pdf")x"
echo "ratio pandoc docx / tailor docx: $(bench_ratio "$pandoc" "$docx")x (target >= 30x: $(bench_le 30 "$(bench_ratio "$pandoc" "$docx")"))"
echo "tailor pdf median <= 15 ms: $(bench_le "$pdf" 15)"
echo "start-up floor (tailor --version, loads every shared library, builds nothing): $(bench_ms "$results/e2e.json" 4 median) ms median"
cpu=()
for k in 0 1 2 3 4; do cpu[k]=$(bench_cpu_ms "$results/e2e.json" "$k"); done
echo "CPU means (user+sys): tailor pdf ${cpu[0]} ms, tailor docx ${cpu[1]} ms, tailor pdf+docx ${cpu[2]} ms, pandoc docx ${cpu[3]} ms, tailor --version ${cpu[4]} ms"
echo "CPU ratio pandoc docx / tailor docx: $(bench_ratio "${cpu[3]}" "${cpu[1]}")x"
echo "exports: $results/e2e.json $results/e2e.md $results/e2e-resume.md"
