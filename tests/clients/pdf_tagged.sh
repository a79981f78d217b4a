#!/usr/bin/env bash
# Tagged PDF (PDF/UA-1 structure) through real clients, on every sample with one style each
# (the structure does not depend on the style; the modern style's bars and a logo are covered
# once): pdfinfo says Tagged and 1.7; pdfinfo -struct-text walks H1, H2, Sect, L, LI, Lbl,
# LBody, P and Link and reads every word of the resume in order; the XMP packet is well-formed
# and names the title and PDF/UA part 1; every link annotation and page is tied to the tree;
# qpdf --check is clean.
# Args: TAILOR_BINARY SOURCE_DIR SCRATCH_DIR
set -u
tailor=$1 src=$2 scratch=$3
rm -rf "$scratch" && mkdir -p "$scratch"
fail=0
die() { echo "FAIL: $*"; fail=1; }

# A 2x1 PNG logo for a style with agency branding (the Figure with /Alt).
/usr/bin/python3 - "$scratch/acme-logo.png" <<'PY'
import struct, sys, zlib
def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
raw = b"\x00\xff\x00\x00\x00\x00\xff"
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 1, 8, 2, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PY
{ cat "$src/templates/styles/modern.style"; printf 'logo: acme-logo.png\nheader_text: Acme Talent\n'; } \
  > "$scratch/branded.style"

shopt -s nullglob
samples=("$src"/samples/*.resume "$src"/tests/fixtures/scripts/hebrew.resume)
i=0
for sample in "${samples[@]}"; do
  base=$(basename "${sample%.*}")
  styles=(classic compact modern "$scratch/branded.style")
  style=${styles[$((i % 4))]}
  i=$((i + 1))
  [ "$base" = hebrew ] && style=classic
  out="$scratch/$base.pdf"
  if ! SOURCE_DATE_EPOCH=1700000000 "$tailor" build --style "$style" -o "$out" "$sample" 2> "$scratch/err"; then
    die "$base: build failed: $(cat "$scratch/err")"; continue
  fi
  "$tailor" build --style "$style" --format text "$sample" > "$scratch/$base.txt" 2>/dev/null
  qpdf --check "$out" > "$scratch/qpdf" 2>&1 || die "$base: qpdf --check: $(cat "$scratch/qpdf")"
  pdfinfo "$out" > "$scratch/info" 2>&1
  grep -q '^Tagged: *yes' "$scratch/info" || die "$base: not Tagged: $(grep Tagged "$scratch/info")"
  grep -q '^PDF version: *1.7' "$scratch/info" || die "$base: not PDF 1.7"
  pdfinfo -struct-text "$out" > "$scratch/$base.struct" 2> "$scratch/poppler"
  [ -s "$scratch/poppler" ] && die "$base: poppler warned: $(head -3 "$scratch/poppler")"
  for t in Document H1 H2 Sect P L LI Lbl LBody Link; do
    grep -Eq "^ *$t( |$)" "$scratch/$base.struct" || die "$base: no $t in the structure tree"
  done
  # The tree's text, in tree order, holds every word of the text output in order (the same
  # check as pdftotext's reading order in pdf_samples.sh).
  /usr/bin/python3 -P - "$scratch/$base.struct" > "$scratch/$base.struct.txt" <<'PY'
import re, sys
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r'\s*"(.*)"\s*$', line)
    if m: print(m.group(1))
PY
  if [ "$base" = hebrew ]; then
    # poppler's -struct-text gives right-to-left runs in drawing (visual) order, so only
    # their presence is checked here; pdf_scripts.sh checks pdftotext's logical order.
    LC_ALL=C grep -q $'\xd7[\x90-\xaa]' "$scratch/$base.struct.txt" || die "$base: no Hebrew in the tree"
  else
    /usr/bin/python3 -P "$src/tests/clients/pdf_words.py" --strict "$scratch/$base.txt" "$scratch/$base.struct.txt" \
      || die "$base: the structure tree does not read the resume in order"
  fi
  # XMP: well-formed, with the title and the PDF/UA identification.
  pdfinfo -meta "$out" > "$scratch/$base.xmp"
  xmllint --noout "$scratch/$base.xmp" 2> "$scratch/xml" || die "$base: XMP not well-formed: $(head -2 "$scratch/xml")"
  grep -q '<pdfuaid:part>1</pdfuaid:part>' "$scratch/$base.xmp" || die "$base: no pdfuaid:part 1"
  title=$(awk -F': *' '/^Title:/ {sub(/^Title: */, ""); print; exit}' "$scratch/info")
  grep -qF "$title" "$scratch/$base.xmp" || die "$base: XMP title differs from Info: $title"
  # Objects: catalog, pages and link annotations tied to the tree.
  qpdf --json "$out" > "$scratch/$base.json"
  /usr/bin/python3 -P - "$scratch/$base.json" <<'PY' || die "$base: object checks"
import json, sys
objs = json.load(open(sys.argv[1]))["qpdf"][1]
def get(ref): return objs.get("obj:" + ref, {}).get("value")
cat = next(v["value"] for v in objs.values() if isinstance(v.get("value"), dict) and v["value"].get("/Type") == "/Catalog")
ok = True
def need(cond, what):
    global ok
    if not cond: print(what); ok = False
need(get(cat["/MarkInfo"]) if isinstance(cat.get("/MarkInfo"), str) else cat.get("/MarkInfo", {}).get("/Marked") is True, "MarkInfo /Marked true")
need("/Lang" in cat, "catalog /Lang")
need(cat.get("/ViewerPreferences", {}).get("/DisplayDocTitle") is True, "DisplayDocTitle")
need("/Metadata" in cat and "/StructTreeRoot" in cat, "Metadata and StructTreeRoot")
for v in objs.values():
    d = v.get("value")
    if not isinstance(d, dict): continue
    if d.get("/Type") == "/Page":
        need(d.get("/Tabs") == "/S" and "/StructParents" in d, "page /Tabs /S and /StructParents")
    if d.get("/Subtype") == "/Link":
        need("/StructParent" in d and "/Contents" in d, "link annotation /StructParent and /Contents")
sys.exit(0 if ok else 1)
PY
  case "$style" in
    *branded.style)
      grep -Eq '^ *Figure' "$scratch/$base.struct" || die "$base: the logo is no Figure"
      qpdf --qdf --object-streams=disable "$out" "$scratch/$base.qdf.pdf"
      grep -aq '/Alt' "$scratch/$base.qdf.pdf" || die "$base: the Figure has no /Alt"
      grep -aq '/Artifact' "$scratch/$base.qdf.pdf" || die "$base: no artifacts"
      pdftotext "$out" - | grep -q 'Acme Talent' || die "$base: header text not drawn"
      grep -q 'Acme Talent' "$scratch/$base.struct.txt" && die "$base: the running header is in the tree (artifact)"
      ;;
  esac
  echo "ok $base ($(basename "$style")): tagged, $(grep -c '' "$scratch/$base.struct") tree lines"
done

# A cluster run (Devanagari, Thai) is its own sequence with /ActualText; the invisible word
# space before it is inside that sequence, so its ActualText must start with the space
# (without it pdftotext read "Hindi:भुगतान").
"$tailor" build -o "$scratch/scripts.pdf" "$src/tests/fixtures/scripts/many-scripts.resume" 2>/dev/null
pdftotext -enc UTF-8 "$scratch/scripts.pdf" "$scratch/scripts.txt"
grep -q 'Hindi: भुगतान प्रणाली विकसित की' "$scratch/scripts.txt" || die "cluster run lost its word space or its clusters: $(grep Hindi "$scratch/scripts.txt")"
grep -q 'Thai: พัฒนาระบบชำระเงิน' "$scratch/scripts.txt" || die "Thai cluster run: $(grep Thai "$scratch/scripts.txt")"
exit $fail
