#!/usr/bin/env bash
# Every sample x every style through the real binary and real PDF clients:
# qpdf --check, pdftotext (every word of the text output, in order, no poppler warning),
# pdffonts (every font embedded and subset), byte-identical rebuilds across time zones.
# Args: TAILOR_BINARY SOURCE_DIR SCRATCH_DIR
set -u
tailor=$1 src=$2 scratch=$3
rm -rf "$scratch" && mkdir -p "$scratch"
fail=0
die() { echo "FAIL: $*"; fail=1; }

# The CLI options this writer owns, which need no sample.
echo x > "$scratch/in.resume"
"$tailor" build --style nosuchstyle -o "$scratch/o.pdf" "$scratch/in.resume" 2> "$scratch/err"
[ $? -eq 1 ] || die "--style nosuchstyle should exit 1 (input error, like an unknown role; issue 8)"
grep -q "unknown style 'nosuchstyle'" "$scratch/err" || die "unknown style message: $(cat "$scratch/err")"
"$tailor" build --paper a5 -o "$scratch/o.pdf" "$scratch/in.resume" 2> "$scratch/err"
[ $? -eq 2 ] || die "--paper a5 should exit 2"
printf 'body_szie: 10\n' > "$scratch/bad.style"
"$tailor" build --style "$scratch/bad.style" -o "$scratch/o.pdf" "$scratch/in.resume" 2> "$scratch/err"
[ $? -eq 1 ] || die "a bad style file should exit 1"
grep -q "bad.style:1:1: error: unknown style key 'body_szie'" "$scratch/err" || die "style error not located: $(cat "$scratch/err")"
grep -q "did you mean 'body_size'" "$scratch/err" || die "no suggestion"
[ ! -e "$scratch/o.pdf" ] || die "a failed build left an output file"

shopt -s nullglob
samples=("$src"/samples/*.resume "$src"/samples/*.json)
if [ ${#samples[@]} -eq 0 ]; then
  echo "note: no samples/ yet; only the option checks ran (PdfWriter.* covers generated documents)"
  exit $fail
fi

for sample in "${samples[@]}"; do
  base=$(basename "${sample%.*}")
  for style in $(cd "$src/templates/styles" && ls *.style | sed "s/\.style$//"); do
    # The text writer with the same style: same section order and date format.
    if ! "$tailor" build --style $style --format text "$sample" > "$scratch/$base.txt" 2> "$scratch/$base.txt.err"; then
      die "$base: does not read: $(head -3 "$scratch/$base.txt.err")"
      continue
    fi
    out="$scratch/$base-$style.pdf"
    if ! SOURCE_DATE_EPOCH=1700000000 TZ=UTC "$tailor" build --style $style -o "$out" "$sample" 2> "$scratch/err"; then
      die "$base/$style: build failed: $(cat "$scratch/err")"; continue
    fi
    qpdf --check "$out" > "$scratch/qpdf" 2>&1 || die "$base/$style: qpdf --check: $(cat "$scratch/qpdf")"
    pdftotext -enc UTF-8 "$out" "$scratch/$base-$style.pdf.txt" 2> "$scratch/poppler"
    [ -s "$scratch/poppler" ] && die "$base/$style: poppler warned: $(cat "$scratch/poppler")"
    pdffonts "$out" | tail -n +3 > "$scratch/fonts"
    [ -s "$scratch/fonts" ] || die "$base/$style: no fonts"
    while read -r line; do
      echo "$line" | grep -Eq ' yes +yes +yes' || die "$base/$style: font not embedded+subset: $line"
    done < "$scratch/fonts"
    # Two columns: each section is checked from its heading (a page holds the main column's
    # part, then the sidebar's), in poppler's reading order and in the content order (-raw),
    # the main column whole, then the sidebar whole, page by page; pdf_columns.py checks that
    # no page reads the columns interleaved.
    cols=()
    reading=1
    if "$tailor" styles "$style" | grep -qx 'layout: sidebar'; then
      cols=(--columns)
      /usr/bin/python3 -P "$src/tests/clients/pdf_columns.py" "$out" || die "$base/$style: columns interleaved in reading order"
    fi
    if [ $reading = 1 ]; then
      /usr/bin/python3 -P "$src/tests/clients/pdf_words.py" "${cols[@]}" "$scratch/$base.txt" "$scratch/$base-$style.pdf.txt" || die "$base/$style: words missing or out of order"
    fi
    pdftotext -raw -enc UTF-8 "$out" "$scratch/$base-$style.raw.txt" 2> "$scratch/poppler"
    [ -s "$scratch/poppler" ] && die "$base/$style: poppler warned (-raw): $(cat "$scratch/poppler")"
    /usr/bin/python3 -P "$src/tests/clients/pdf_words.py" --strict "${cols[@]}" "$scratch/$base.txt" "$scratch/$base-$style.raw.txt" || die "$base/$style: words out of content order"
    # Byte-identical across time zones, with and without SOURCE_DATE_EPOCH.
    for tz in UTC Asia/Baku America/Los_Angeles; do
      SOURCE_DATE_EPOCH=1700000000 TZ=$tz "$tailor" build --style $style -o "$scratch/tz.pdf" "$sample" 2>/dev/null
      cmp -s "$out" "$scratch/tz.pdf" || die "$base/$style: differs under TZ=$tz"
      env -u SOURCE_DATE_EPOCH TZ=$tz "$tailor" build --style $style -o "$scratch/tz-nodate.pdf" "$sample" 2>/dev/null
      if [ "$tz" = UTC ]; then cp "$scratch/tz-nodate.pdf" "$scratch/ref-nodate.pdf"; fi
      cmp -s "$scratch/ref-nodate.pdf" "$scratch/tz-nodate.pdf" || die "$base/$style: differs under TZ=$tz without SOURCE_DATE_EPOCH"
    done
    pdfinfo "$scratch/ref-nodate.pdf" | grep -q CreationDate && die "$base/$style: a date without SOURCE_DATE_EPOCH"
    echo "ok $base/$style: $(stat -c %s "$out") bytes, $(pdfinfo "$out" | awk '/^Pages:/ {print $2}') pages"
  done
done

# --max-pages 1 on every sample: one page, or exit 4 with how much is over.
for sample in "${samples[@]}"; do
  base=$(basename "${sample%.*}")
  "$tailor" build --max-pages 1 -o "$scratch/$base-fit.pdf" "$sample" 2> "$scratch/err"
  rc=$?
  if [ $rc -eq 0 ]; then
    pdfinfo "$scratch/$base-fit.pdf" | grep -Eq '^Pages: +1$' || die "$base: --max-pages 1 gave more than one page"
    echo "ok $base: --max-pages 1 fits"
  elif [ $rc -eq 4 ]; then
    grep -Eq 'it is [0-9]+ lines? too long \([0-9]+ pt past the end of page 1\)' "$scratch/err" || die "$base: no 'how much is over': $(cat "$scratch/err")"
    [ ! -e "$scratch/$base-fit.pdf" ] || die "$base: a failed fit left a file"
    echo "ok $base: --max-pages 1 refused: $(head -1 "$scratch/err" | sed 's/.*: error: //')"
  else
    die "$base: --max-pages 1 exit $rc: $(cat "$scratch/err")"
  fi
done

# A 120-entry resume in markup: paginates, keeps its last bullet, numbers its pages.
{
  printf 'name: Ləman Əliyeva\nheadline: Archivist\nemail: leman@example.az\n\n== Experience\n'
  for i in $(seq 1 120); do
    printf '=== Archivist %d | Milli Arxiv | Bakı | 2001-01 – 2002-02\n' "$i"
    printf -- '- Catalogued şəxsi arxivlər and Русские рукописи, box %d\n' "$i"
    printf -- '- Digitised the ledgers of entry %d\n\n' "$i"
  done
  printf '=== Archivist 121 | Milli Arxiv | Bakı | 2003-01 – 2004-02\n- Ənənəvi sonuncu bənd: the very last bullet\n'
} > "$scratch/long.resume"
if "$tailor" build --style modern -o "$scratch/long.pdf" "$scratch/long.resume" 2> "$scratch/err"; then
  pages=$(pdfinfo "$scratch/long.pdf" | awk '/^Pages:/ {print $2}')
  [ "$pages" -gt 5 ] || die "long: only $pages pages"
  pdftotext -enc UTF-8 -f "$pages" -l "$pages" "$scratch/long.pdf" "$scratch/last.txt" 2> "$scratch/poppler"
  [ -s "$scratch/poppler" ] && die "long: poppler warned"
  grep -q "Ənənəvi sonuncu bənd: the very last bullet" "$scratch/last.txt" || die "long: last bullet not on the last page"
  grep -q "page $pages of $pages" "$scratch/last.txt" || die "long: no 'page $pages of $pages'"
  pdftotext -enc UTF-8 "$scratch/long.pdf" "$scratch/long.txt"
  for p in $(seq 2 "$pages"); do grep -q "page $p of $pages" "$scratch/long.txt" || die "long: no 'page $p of $pages'"; done
  # Keep-with-next: no page ends with an entry heading whose first bullet is on the next page.
  for p in $(seq 1 $((pages - 1))); do
    last=$(pdftotext -raw -enc UTF-8 -f "$p" -l "$p" "$scratch/long.pdf" - | grep -v '^\s*$' | tail -1)
    case "$last" in Milli*|Archivist*) die "long: page $p ends with an entry heading: $last" ;; esac
  done
  qpdf --check "$scratch/long.pdf" > /dev/null || die "long: qpdf"
  echo "ok long: $pages pages, last bullet kept"
else
  die "long: build failed: $(cat "$scratch/err")"
fi
exit $fail
