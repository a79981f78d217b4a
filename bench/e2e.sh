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
# (`build --role R --format text`) with the name as a level-1 heading, section titles as
# level-2 headings, entry heading lines ("Role | Organisation | Place | Dates") as level-3
# headings, "- " bullets as a list and every other line as its own paragraph. Bold and italic
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

# tailor's plain text -> pandoc Markdown (see the header comment).
text_to_markdown() {
  awk '
    function esc(s) { gsub(/[\\`*_<>\[\]#]/, "\\\\&", s); return s }
    { line[NR] = $0 }
    END {
      in_header = 1; prev = ""
      for (i = 1; i <= NR; i++) {
        l = line[i]
        if (i == 1) { print "# " esc(l); print ""; continue }
        if (l == "") { if (prev == "item") print ""; prev = ""; continue }
        if (line[i + 1] ~ /^-+$/ && length(line[i + 1]) >= 3) {
          in_header = 0; print "## " esc(l); print ""; prev = "heading"; i++; continue
        }
        if (!in_header && l ~ /^- /) { print "- " esc(substr(l, 3)); prev = "item"; continue }
        if (prev == "item") print ""
        if (!in_header && index(l, " | ") > 0) { print "### " esc(l); print ""; prev = "heading"; continue }
        print esc(l); print ""; prev = "para"
      }
    }'
}

"$tailor" build "$input" --role "$role" --format text -o "$work/resume.txt"
text_to_markdown <"$work/resume.txt" >"$work/resume.md"
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
