#!/usr/bin/env bash
# The importers through the real binary and real clients (issue 19): the RenderCV sample and
# Tailor's own RenderCV fixture convert to .resume, and every word of their content is in
# the text output and in the PDF (pdftotext; import_words.py reads the YAML with PyYAML);
# the YAMLResume and LinkedIn fixtures convert and build.
# Args: TAILOR_BINARY SOURCE_DIR SCRATCH_DIR
set -u
tailor=$1 src=$2 scratch=$3
rm -rf "$scratch" && mkdir -p "$scratch"
fail=0
die() { echo "FAIL: $*"; fail=1; }
fx=$src/tests/fixtures/import

for yaml in "$fx"/rendercv/John_Doe_EngineeringresumesTheme_CV.yaml "$fx"/rendercv/leyla.yaml; do
  base=$(basename "${yaml%.*}")
  "$tailor" convert "$yaml" -o "$scratch/$base.resume" 2> "$scratch/$base.convert.err" ||
    die "$base: convert failed: $(head -5 "$scratch/$base.convert.err")"
  "$tailor" build "$scratch/$base.resume" --format text -o "$scratch/$base.txt" 2> /dev/null ||
    die "$base: text build of the converted file failed"
  "$tailor" build "$scratch/$base.resume" -o "$scratch/$base.pdf" 2> /dev/null ||
    die "$base: PDF build of the converted file failed"
  pdftotext -enc UTF-8 "$scratch/$base.pdf" "$scratch/$base.pdf.txt" || die "$base: pdftotext"
  python3 "$src/tests/clients/import_words.py" "$yaml" "$scratch/$base.txt" ||
    die "$base: words lost in the text output"
  python3 "$src/tests/clients/import_words.py" "$yaml" "$scratch/$base.pdf.txt" ||
    die "$base: words lost in the PDF"
  # Read directly, without converting first: the same text.
  "$tailor" build "$yaml" --format text -o "$scratch/$base.direct.txt" 2> /dev/null ||
    die "$base: direct build failed"
  cmp -s "$scratch/$base.txt" "$scratch/$base.direct.txt" ||
    die "$base: building the YAML and building its conversion differ"
done

for input in "$fx"/yamlresume/xiaoming.yaml "$fx"/linkedin/ngozi.zip "$fx"/linkedin/maximilian; do
  base=$(basename "$input")
  "$tailor" build "$input" -o "$scratch/$base.pdf" 2> "$scratch/$base.err" ||
    die "$base: PDF build failed: $(head -3 "$scratch/$base.err")"
  qpdf --check "$scratch/$base.pdf" > /dev/null 2>&1 || die "$base: qpdf --check"
done
exit $fail
