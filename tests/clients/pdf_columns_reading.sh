#!/usr/bin/env bash
# The sidebar style read by plain `pdftotext` (poppler's reading order, what most ATS pipelines
# run): every page reads one column whole, then the other, with the sidebar on the right and on
# the left, on A4 and Letter (pdf_columns.py). Poppler reads blocks whose rows line up across
# the two columns as a table, row by row; the layout keeps the columns' rows from lining up
# (src/writer/pdf/column_order.hpp). Args: TAILOR_BINARY SOURCE_DIR SCRATCH_DIR
set -u
tailor=$1 src=$2 scratch=$3
rm -rf "$scratch" && mkdir -p "$scratch"
fail=0
printf 'extends: sidebar\nsidebar_side: left\n' > "$scratch/left.style"
for sample in "$src"/samples/*.resume; do
  base=$(basename "$sample" .resume)
  for style in sidebar left; do
    s=$style; [ $style = left ] && s="$scratch/left.style"
    papers="a4"; [ $base = aysel ] && papers="a4 letter"
    for paper in $papers; do
      out="$scratch/$base-$style-$paper.pdf"
      SOURCE_DATE_EPOCH=1700000000 "$tailor" build --style "$s" --paper $paper -o "$out" "$sample" \
        2> "$scratch/err" || { echo "FAIL: $base/$style/$paper: build: $(cat "$scratch/err")"; fail=1; continue; }
      /usr/bin/python3 -P "$src/tests/clients/pdf_columns.py" "$out" || fail=1
    done
  done
done
[ $fail = 0 ] && echo "ok: every sidebar page reads as whole columns"
exit $fail
