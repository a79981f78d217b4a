#!/usr/bin/env bash
# DOCX in real clients: every sample x every style (through the CLI) plus the writer's own
# fixtures (hostile text included) are opened by python-docx, pandoc and LibreOffice; Flat OPC
# is parsed; bytes are compared across runs and time zones.
# Args: TAILOR_BINARY SOURCE_DIR SCRATCH_DIR
set -euo pipefail
tailor=$(realpath "$1") src=$(realpath "$2") scratch=$(realpath -m "$3")
check="/usr/bin/python3 -P $src/tests/clients/docx_check.py"
rm -rf "$scratch"
mkdir -p "$scratch/fixtures" "$scratch/cli" "$scratch/pdf"
fail() { echo "FAIL: $*"; exit 1; }
start=$(date +%s)

# 1. The writer's fixtures (Azerbaijani + Cyrillic resume, hostile text) x 3 styles, written
#    by a test-only exporter in the unit-test binary, once per time zone.
tests_bin=$(dirname "$tailor")/../tests/tailor_tests
[ -x "$tests_bin" ] || fail "no test binary at $tests_bin to export the fixtures"
for tz in Asia/Baku America/Los_Angeles; do
  out="$scratch/fixtures-$(echo "$tz" | tr / _)"
  TZ=$tz TAILOR_DOCX_EXPORT_DIR=$out "$tests_bin" --gtest_filter='DocxExport.*' >/dev/null ||
    fail "fixture export under TZ=$tz"
done
diff -r "$scratch/fixtures-Asia_Baku" "$scratch/fixtures-America_Los_Angeles" >/dev/null ||
  fail "fixture bytes differ between TZ=Asia/Baku and TZ=America/Los_Angeles"
cp "$scratch/fixtures-Asia_Baku"/* "$scratch/fixtures/"
echo "fixtures: byte-identical under Asia/Baku and America/Los_Angeles"

# 2. Every sample x every style through the CLI. The expected name and section titles come
#    from the text writer, which shares nothing with the DOCX writer.
shopt -s nullglob
samples=("$src"/samples/*.resume)
styles=("$src"/templates/styles/*.style)
[ ${#samples[@]} -gt 0 ] || fail "no samples/*.resume in $src"
if [ ${#styles[@]} -eq 0 ]; then
  echo "note: no templates/styles/*.style yet; samples use the built-in default style"
  styles=(default)
fi
export SOURCE_DATE_EPOCH=1714564800
for sample in "${samples[@]}"; do
  stem=$(basename "$sample" .resume)
  for style in "${styles[@]}"; do
    sname=$(basename "$style" .style)
    base="$scratch/cli/$stem-$sname"
    sopt=()
    [ "$style" = default ] || sopt=(--style "$style")
    "$tailor" build "${sopt[@]}" -o "$base.docx" "$sample" 2>"$base.stderr" ||
      fail "tailor build $sample --style $sname: $(cat "$base.stderr")"
    "$tailor" build "${sopt[@]}" --format docx-xml -o "$base.xml" "$sample" 2>>"$base.stderr" ||
      fail "tailor build --format docx-xml $sample --style $sname"
    "$tailor" build "${sopt[@]}" --format text "$sample" 2>/dev/null >"$base.txt" ||
      fail "tailor build --format text $sample"
    # Name = first line; section titles = lines underlined with dashes.
    /usr/bin/python3 -P - "$base.txt" >"$base.expect" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
print(lines[0])
for a, b in zip(lines, lines[1:]):
    if a and b and set(b) == {"-"} and len(b) == len(a):
        print(a)
PY
  done
done
# Reproducibility through the real binary: again, under other time zones, byte for byte.
s0=${samples[0]} st0=${styles[0]}
ref="$scratch/cli/$(basename "$s0" .resume)-$(basename "$st0" .style).docx"
sopt=()
[ "$st0" = default ] || sopt=(--style "$st0")
for tz in UTC Asia/Baku America/Los_Angeles; do
  TZ=$tz "$tailor" build "${sopt[@]}" -o "$scratch/tz.docx" "$s0" 2>/dev/null
  cmp -s "$ref" "$scratch/tz.docx" || fail "CLI output differs under TZ=$tz"
done
echo "CLI: $(basename "$ref") byte-identical on rebuild under UTC, Asia/Baku, America/Los_Angeles"

all_docx=("$scratch"/fixtures/*.docx "$scratch"/cli/*.docx)
pairs=()
for f in "${all_docx[@]}"; do pairs+=("$f" "${f%.docx}.expect"); done

# 3. python-docx: every paragraph's text, the styles used, the name and each section heading.
$check docx "${pairs[@]}" || fail "python-docx checks"

# The hostile fixture: literal text, nothing injected (read back through python-docx).
# Compact puts the organisation on the heading line (7 paragraphs), the others under it (8).
for f in "$scratch"/fixtures/fixture-hostile-*.docx; do
  grep -qxF 'Ada </w:t></w:r><w:p>' "$f.paras" || fail "$f: hostile name not literal"
  case $f in
    *compact*) want=7 org=$'Engineer, R&D <Labs>\tGəncə · 2020-01' ;;
    *) want=8 org=$'R&D <Labs>\tGəncə' ;;
  esac
  grep -qxF "$org" "$f.paras" || fail "$f: 'R&D <Labs>' not literal"
  [ "$(wc -l <"$f.paras")" -eq $want ] || fail "$f: want $want paragraphs, got $(wc -l <"$f.paras")"
done

# The same through the CLI and the markup reader: tests/clients/docx_hostile.resume, plus a copy
# with a BEL control character, which must be dropped with a located warning.
hostile="$scratch/cli-hostile"
mkdir -p "$hostile"
cp "$src/tests/clients/docx_hostile.resume" "$hostile/hostile.resume"
printf -- '- Bell\x07here\n' >>"$hostile/hostile.resume"
"$tailor" build -o "$hostile/hostile.docx" "$hostile/hostile.resume" 2>"$hostile/stderr" ||
  fail "tailor build of the hostile resume: $(cat "$hostile/stderr")"
grep -q 'hostile.resume:9:3: warning: dropped U+0007' "$hostile/stderr" ||
  fail "no located warning for the dropped control character: $(cat "$hostile/stderr")"
/usr/bin/python3 -P - "$hostile/hostile.docx" <<'PY' || fail "hostile resume through the CLI"
import sys, docx
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
d = docx.Document(sys.argv[1])
got = [(p.style.name, "".join(t.text or "" for t in p._p.iter(W + "t"))) for p in d.paragraphs]
# Smart punctuation sets the quotes (docs/styles.md); the XML specials stay literal.
want = [("Title", "Ada </w:t></w:r><w:p>"),
        ("Headline", "\u201cQuoted\u201d & \u2018apostrophes\u2019 ]]> <!-- -->"),
        ("Contact", "ada@example.com"),
        ("Heading 1", "Experience & <Work>"),
        ("Entry Heading", "EngineerJan 2020"),
        ("Entry Details", "R&D <Labs>Gəncə"),
        ("List Bullet", "Kept &amp; and ]]> and \u201cquotes\u201d literal in the docs"),
        ("List Bullet", "Bellhere")]
if got != want:
    print("got: ", got)
    print("want:", want)
    sys.exit(1)
PY
echo "CLI: hostile resume reads back literally in python-docx; BEL dropped with a warning"

# An output name ending in .xml selects Flat OPC.
"$tailor" build -o "$hostile/hostile.xml" "$hostile/hostile.resume" 2>/dev/null ||
  fail "tailor build -o hostile.xml"
head -c 200 "$hostile/hostile.xml" | grep -q 'progid="Word.Document"' ||
  fail "-o *.xml did not write Flat OPC"

# 4. Flat OPC: well-formed, with the document and styles parts.
flat=()
for f in "${all_docx[@]}"; do flat+=("${f%.docx}.xml" "${f%.docx}.expect"); done
$check flat "${flat[@]}" || fail "Flat OPC checks"

# 5. pandoc -t plain gives back every paragraph python-docx found (-s keeps the Title).
ptxt=()
for f in "${all_docx[@]}"; do
  pandoc -s --wrap=none -f docx -t plain "$f" -o "$f.pandoc.txt" || fail "pandoc cannot read $f"
  ptxt+=("$f.pandoc.txt" "$f.paras")
done
$check text "${ptxt[@]}" || fail "pandoc lost content"

# 6. LibreOffice converts every file; the PDF text has the name and every section title.
t0=$(date +%s)
timeout 600 soffice -env:UserInstallation="file://$scratch/lo-profile" --headless --convert-to pdf \
  --outdir "$scratch/pdf" "${all_docx[@]}" >"$scratch/soffice.log" 2>&1 ||
  fail "soffice failed: $(cat "$scratch/soffice.log")"
t1=$(date +%s)
pdfs=()
for f in "${all_docx[@]}"; do
  pdf="$scratch/pdf/$(basename "${f%.docx}").pdf"
  [ -s "$pdf" ] || fail "soffice produced no PDF for $f"
  pdftotext -enc UTF-8 "$pdf" "$pdf.txt"
  pdfs+=("$pdf.txt" "${f%.docx}.expect")
done
$check text "${pdfs[@]}" || fail "LibreOffice PDF text lacks the name or a section"

# 7. Right-to-left documents in LibreOffice: an entry line with a Latin role or organisation
#    ("Senior Go Engineer", "Snapp") is laid out right to left like the rest, so it sits in
#    the right half of the page with its dates in the left half.
rtl="$scratch/rtl"
mkdir -p "$rtl"
for stem in hebrew-latin-role persian-latin-name; do
  "$tailor" build -o "$rtl/$stem.docx" "$src/tests/fixtures/scripts/$stem.resume" 2>/dev/null ||
    fail "tailor build $stem.resume"
done
timeout 300 soffice -env:UserInstallation="file://$scratch/lo-profile" --headless --convert-to pdf \
  --outdir "$rtl" "$rtl"/*.docx >"$scratch/soffice-rtl.log" 2>&1 ||
  fail "soffice failed on the right-to-left files: $(cat "$scratch/soffice-rtl.log")"
for pair in hebrew-latin-role:Senior persian-latin-name:Snapp; do
  stem=${pair%%:*} word=${pair#*:}
  pdftotext -bbox "$rtl/$stem.pdf" "$rtl/$stem.html"
  /usr/bin/python3 -P - "$rtl/$stem.html" "$word" <<'PY' || fail "$stem: Latin entry line not right to left"
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
width = float(re.search(r'<page width="([\d.]+)"', html).group(1))
words = [(float(a), float(b), w) for a, b, w in
         re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', html)]
latin = [w for w in words if w[2] == sys.argv[2]]
year = [w for w in words if w[2] == "2021"]
if not latin or not year:
    sys.exit(f"{sys.argv[2]!r} or 2021 not found")
if latin[0][0] < width / 2 or year[0][1] > width / 2:
    sys.exit(f"{sys.argv[2]} at x={latin[0][0]:.0f}, 2021 ends at x={year[0][1]:.0f}, page {width:.0f}")
PY
done
echo "LibreOffice: Latin entry lines of Hebrew and Persian resumes are right to left"

echo "OK: ${#all_docx[@]} DOCX files (${#samples[@]} samples x ${#styles[@]} styles + fixtures);" \
  "soffice $((t1 - t0)) s, total $(($(date +%s) - start)) s"
