#!/usr/bin/env bash
# DOCX page flow in LibreOffice: the Word file of a style takes about as many pages as the PDF.
# Regression: in the date-column style every row's date paragraph kept with the next, which
# chains the rows, and LibreOffice moved each section's whole table to a page of its own
# (a 2-page PDF became 4 pages, one holding only the "Experience" heading).
# Args: TAILOR_BINARY SOURCE_DIR SCRATCH_DIR
set -euo pipefail
tailor=$(realpath "$1") src=$(realpath "$2") scratch=$(realpath -m "$3")
rm -rf "$scratch" && mkdir -p "$scratch"
fail() { echo "FAIL: $*"; exit 1; }
# shellcheck source=tests/clients/lib/office.bash
source "$src/tests/clients/lib/office.bash"
export SOURCE_DATE_EPOCH=1700000000 TZ=UTC
inputs=("$src/tests/clients/docx_addresses.resume" "$src/samples/backend-infra.resume")
styles=(classic sidebar datecolumn)
for in in "${inputs[@]}"; do
  base=$(basename "$in" .resume)
  for st in "${styles[@]}"; do
    for fmt in docx pdf; do
      "$tailor" build --style "$st" -o "$scratch/$base-$st.$fmt" "$in" 2>"$scratch/err" ||
        fail "tailor build $base --style $st ($fmt): $(cat "$scratch/err")"
    done
  done
done
mkdir -p "$scratch/lo"
office_to_pdf "$scratch" "$scratch/lo" "$scratch"/*.docx
pages() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }
for in in "${inputs[@]}"; do
  base=$(basename "$in" .resume)
  for st in "${styles[@]}"; do
    ours=$(pages "$scratch/$base-$st.pdf")
    lo=$(pages "$scratch/lo/$base-$st.pdf")
    # Word processors break lines their own way: one page more is allowed, not a page per table.
    (( lo <= ours + 1 )) || fail "$base in $st: LibreOffice lays the DOCX out on $lo pages, the PDF has $ours"
    echo "ok: $base in $st: DOCX $lo pages in LibreOffice, PDF $ours"
  done
done
