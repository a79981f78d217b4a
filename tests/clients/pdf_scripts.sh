#!/usr/bin/env bash
# Every script typeset (issue 14), through the real binary and poppler: shaping, fallback,
# bidi, line breaking, kerning and format characters, on the resumes in tests/fixtures/scripts.
# Args: TAILOR_BINARY SOURCE_DIR SCRATCH_DIR
set -u
tailor=$1 src=$2 scratch=$3
rm -rf "$scratch" && mkdir -p "$scratch"
fail=0
die() { echo "FAIL: $*"; fail=1; }
fx=$src/tests/fixtures/scripts
# pdftotext wraps right-to-left text in bidi embedding controls (U+202A-U+202E), and moves
# the space at a change of direction inside them; the characters and their order are what
# count, so lines are compared without controls and spaces.
text() { pdftotext "$@" - | perl -CSD -pe 's/[\x{202A}-\x{202E}]//g'; }
squeeze() { perl -CSD -pe 's/\s+//g'; }

# 1. Ten scripts: every glyph drawn from an embedded font, every line given back in logical
# order, no '?' and no U+FFFD, and no warning.
"$tailor" build "$fx/many-scripts.resume" -o "$scratch/many.pdf" 2> "$scratch/many.err" || die "many-scripts does not build"
[ -s "$scratch/many.err" ] && die "many-scripts warns: $(cat "$scratch/many.err")"
text "$scratch/many.pdf" > "$scratch/many.txt"
squeeze < "$scratch/many.txt" > "$scratch/many.sq"
# The Hebrew line with "Go" inside: poppler orders the runs of a line by the page's main
# direction (left to right here), so the writer spans such a line with an ActualText that
# poppler reads back in logical order (mark_logical_order); the whole line must come back.
grep '^- ' "$fx/many-scripts.resume" | sed 's/^- //' | while IFS= read -r line; do
  sq=$(printf '%s' "$line" | squeeze)
  grep -qF -- "$sq" "$scratch/many.sq" || echo "line not given back in logical order: $line"
done > "$scratch/missing"
[ -s "$scratch/missing" ] && die "$(cat "$scratch/missing")"
grep -q $'\xef\xbf\xbd\|?' "$scratch/many.txt" && die "a '?' or U+FFFD in the text"
# Each bullet's sign is read with its own line, once: the Hebrew bullet's sign sits outside
# its line's logical-order span (Lbl, not LBody), and the span's text carries it instead, in
# pdftotext's default and -raw modes alike.
for mode in "" -raw; do
  text $mode "$scratch/many.pdf" > "$scratch/many$mode.txt"
  n=$(grep -o '•' "$scratch/many$mode.txt" | wc -l)
  [ "$n" -eq "$(grep -c '^- ' "$fx/many-scripts.resume")" ] || die "pdftotext $mode: $n bullet signs"
  grep -Eq '^ *• *בניתי את שירות' "$scratch/many$mode.txt" || die "pdftotext $mode: the Hebrew bullet's sign is not on its line: $(grep -n 'בניתי\|^•$' "$scratch/many$mode.txt")"
done
pdfinfo -struct-text "$scratch/many.pdf" | grep -A1 'Lbl' | grep -c '"•"' > "$scratch/lbl"
[ "$(cat "$scratch/lbl")" -eq "$(grep -c '^- ' "$fx/many-scripts.resume")" ] || die "a Lbl without its sign in the structure text"
# Poppler's own reading of right-to-left text (docs/accessibility.md, "Right-to-left text and
# poppler"): pdftotext gives a Hebrew or Arabic name in logical order, -struct-text appends the
# glyphs as drawn, left to right. Should poppler start reordering, this says so.
printf 'name: שלום עולם\nlang: he\n' > "$scratch/he-name.resume"
"$tailor" build -o "$scratch/he-name.pdf" "$scratch/he-name.resume" || die "one-line Hebrew does not build"
[ "$(text "$scratch/he-name.pdf" | head -1)" = "שלום עולם" ] || die "pdftotext: the Hebrew name not in logical order"
pdfinfo -struct-text "$scratch/he-name.pdf" | grep -qF '"םלוע םולש"' || echo "NOTE: poppler's -struct-text no longer reverses right-to-left runs; update docs/accessibility.md"

pdffonts "$scratch/many.pdf" > "$scratch/fonts"
for fam in Arabic Devanagari Georgian Armenian Thai; do
  grep -q "$fam" "$scratch/fonts" || die "no fallback font for $fam embedded: $(cat "$scratch/fonts")"
done
awk 'NR > 2 && ($(NF-4) != "yes" || $(NF-3) != "yes" || $(NF-2) != "yes") {print}' "$scratch/fonts" > "$scratch/unembedded"
[ -s "$scratch/unembedded" ] && die "fonts not embedded, subset and mapped: $(cat "$scratch/unembedded")"
qpdf --check "$scratch/many.pdf" > /dev/null || die "qpdf rejects many-scripts.pdf"

# 2. Kerning: AVAVAV is narrower than AAAVVV (Liberation Serif kerns A·V).
"$tailor" build "$fx/kerning.resume" -o "$scratch/kern.pdf" || die "kerning does not build"
pdftotext -bbox "$scratch/kern.pdf" - | awk -F'"' '/>AVAVAV</ {av = $6 - $2} />AAAVVV</ {aa = $6 - $2}
  END {if (!(av > 0 && aa > 0 && av < aa - 1)) {print "AVAVAV " av " AAAVVV " aa; exit 1}}' ||
  die "kerning not visible"

# 3. A Hebrew resume is laid out right to left (-bbox gives right-to-left words in glyph order): the name and headings end at the right
# margin, the dates start at the left one, and the Latin word inside a Hebrew line keeps its
# place in the logical text.
"$tailor" build "$fx/hebrew.resume" -o "$scratch/he.pdf" 2> "$scratch/he.err" || die "hebrew does not build"
text "$scratch/he.pdf" > "$scratch/he.txt"
squeeze < "$scratch/he.txt" | grep -qF "בניתיאתשירותGoעבור40סניפים" || die "the Go bullet does not read in order: $(cat "$scratch/he.txt")"
pdftotext -bbox "$scratch/he.pdf" - > "$scratch/he.bbox"
width=$(grep -o '<page width="[0-9.]*' "$scratch/he.bbox" | head -1 | cut -d'"' -f2)
awk -F'"' -v w="$width" '/>(תקציר|ריצקת)</ {n++; if ($6 < w * 0.85) {print "heading not on the right: " $0; exit 1}} END {if (!n) exit 1}' "$scratch/he.bbox" || die "heading not mirrored"
awk -F'"' -v w="$width" '/>Apr</ {n++; if ($2 > w * 0.3) {print "dates not on the left: " $0; exit 1}} END {if (!n) exit 1}' "$scratch/he.bbox" || die "dates not mirrored"
awk -F'"' -v w="$width" '/>•</ {n++; if ($2 < w * 0.5) {print "bullet not on the right: " $0; exit 1}} END {if (!n) exit 1}' "$scratch/he.bbox" || die "bullets not mirrored"

# 3b. A right-to-left language mirrors the page even when the resume opens with a Latin name.
"$tailor" build "$fx/persian-latin-name.resume" -o "$scratch/fa.pdf" 2> "$scratch/fa.err" || die "persian-latin-name does not build"
pdftotext -bbox "$scratch/fa.pdf" - > "$scratch/fa.bbox"
width=$(grep -o '<page width="[0-9.]*' "$scratch/fa.bbox" | head -1 | cut -d'"' -f2)
awk -F'"' -v w="$width" '/>(خلاصه|هصالخ)</ {n++; if ($6 < w * 0.85) {print "heading not on the right: " $0; exit 1}} END {if (!n) exit 1}' "$scratch/fa.bbox" || die "Latin-named Persian resume not mirrored (heading)"
awk -F'"' -v w="$width" '/>•</ {n++; if ($2 < w * 0.5) {print "bullet not on the right: " $0; exit 1}} END {if (!n) exit 1}' "$scratch/fa.bbox" || die "Latin-named Persian resume not mirrored (bullet)"
awk -F'"' -v w="$width" '/>2021</ {n++; if ($2 > w * 0.3) {print "dates not on the left: " $0; exit 1}} END {if (!n) exit 1}' "$scratch/fa.bbox" || die "Persian dates not mirrored"

# 4. Format characters are never drawn, decomposed accents come out composed.
"$tailor" build "$fx/ignorables.resume" -o "$scratch/ign.pdf" || die "ignorables does not build"
text "$scratch/ign.pdf" > "$scratch/ign.txt"
grep -q "zerowidth joiner marked wordjoined softhyphen Mélanie Müller" "$scratch/ign.txt" || die "format characters drawn: $(cat "$scratch/ign.txt")"
grep -q $'\xe2\x80\x8b\|\xe2\x80\x8d\|\xef\xbb\xbf\|\xc2\xad' "$scratch/ign.txt" && die "a format character is in the text"

# 5. A soft hyphen shows only where the line breaks at it.
"$tailor" build "$fx/soft-hyphen.resume" -o "$scratch/shy.pdf" || die "soft-hyphen does not build"
# -raw: the default mode joins a word hyphenated at a line end, hyphen dropped.
text -raw "$scratch/shy.pdf" > "$scratch/shy.txt"
grep -q -- '-$' "$scratch/shy.txt" || die "no line ends with the soft hyphen's '-': $(cat "$scratch/shy.txt")"
grep -q -- '-[^ ]' "$scratch/shy.txt" && die "a soft hyphen drawn inside a word: $(grep -- '-[^ ]' "$scratch/shy.txt")"

# 6. A script no installed font has: one warning naming it and a package, nothing drawn.
"$tailor" build "$fx/vithkuqi.resume" -o "$scratch/vi.pdf" 2> "$scratch/vi.err" || die "vithkuqi does not build"
[ "$(grep -c 'warning:' "$scratch/vi.err")" -eq 1 ] || die "expected one warning: $(cat "$scratch/vi.err")"
grep -q "Vithkuqi" "$scratch/vi.err" && grep -q "fonts-noto" "$scratch/vi.err" || die "warning does not name the script and package: $(cat "$scratch/vi.err")"
text "$scratch/vi.pdf" > "$scratch/vi.txt"
grep -q $'\xef\xbf\xbd\|?' "$scratch/vi.txt" && die "a '?' or U+FFFD drawn"
grep -q "first line" "$scratch/vi.txt" || die "the rest of the line went missing"

# 7. A style may name its fonts by file: TrueType, and OpenType with CFF outlines.
ttf=/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf
otf=/usr/share/fonts/opentype/urw-base35/NimbusSans-Regular.otf
"$tailor" build --format text "$src/samples/aysel.resume" > "$scratch/aysel.txt"
for font in "$ttf" "$otf"; do
  [ -r "$font" ] || { die "$font is missing (scripts/packages.txt)"; continue; }
  printf 'body_font: %s\nheading_font: %s\n' "$font" "$font" > "$scratch/path.style"
  "$tailor" build --style "$scratch/path.style" "$src/samples/aysel.resume" -o "$scratch/path.pdf" 2> "$scratch/path.err" ||
    die "a style naming $font does not build: $(cat "$scratch/path.err")"
  [ -s "$scratch/path.err" ] && die "a style naming $font warns: $(cat "$scratch/path.err")"
  pdffonts "$scratch/path.pdf" > "$scratch/path.fonts"
  want="CID TrueType"; case $font in *.otf) want="CID Type 0C";; esac
  grep -q "$want" "$scratch/path.fonts" || die "$font not embedded as $want: $(cat "$scratch/path.fonts")"
  text "$scratch/path.pdf" | squeeze > "$scratch/path.sq"
  grep -qF "$(printf '%s' 'Designed the idempotent payment API in Go' | squeeze)" "$scratch/path.sq" ||
    die "text not given back with $font"
  qpdf --check "$scratch/path.pdf" > /dev/null || die "qpdf rejects the PDF with $font"
done

# 8. Bullet signs, running heads and page numbers fall back like body text: a style whose font
# (Liberation Serif) has neither the bullet sign nor Georgian, on a two-page Georgian resume.
{
  printf 'name: ნინო ბერიძე\nlang: ka\nemail: nino@example.ge\n\n== Experience\n'
  printf '=== Engineer | Polyglot Labs | Tbilisi | 2020-01 – present\n'
  for i in $(seq 1 70); do printf -- '- Shipped release %s of the payment service in Go\n' "$i"; done
} > "$scratch/ka.resume"
printf 'body_font: Liberation Serif\nheading_font: Liberation Serif\nbullet: \xe2\x9c\x93\n' > "$scratch/ka.style"
"$tailor" build --style "$scratch/ka.style" "$scratch/ka.resume" -o "$scratch/ka.pdf" 2> "$scratch/ka.err" || die "the Georgian two-page resume does not build: $(cat "$scratch/ka.err")"
[ -s "$scratch/ka.err" ] && die "the Georgian two-page resume warns: $(cat "$scratch/ka.err")"
[ "$(pdfinfo "$scratch/ka.pdf" | awk '/^Pages:/ {print $2}')" -ge 2 ] || die "the Georgian resume is not two pages long"
text -f 2 -l 2 "$scratch/ka.pdf" > "$scratch/ka2.txt"
grep -q "ნინო ბერიძე" "$scratch/ka2.txt" || die "running head not drawn in Georgian: $(head -3 "$scratch/ka2.txt")"
grep -q "გვერდი 2 / " "$scratch/ka2.txt" || die "page number not drawn in Georgian: $(head -3 "$scratch/ka2.txt")"
[ "$(text "$scratch/ka.pdf" | grep -c '✓')" -ge 70 ] || die "bullet signs the style's font lacks were not drawn"
pdffonts "$scratch/ka.pdf" | grep -q Georgian || die "no Georgian fallback face embedded"

exit $fail
