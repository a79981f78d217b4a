#!/usr/bin/env bash
# Addresses in DOCX paragraphs in LibreOffice (issue 16): tests/clients/docx_addresses.resume,
# with URLs, e-mail addresses and phone numbers at random places in its summary, entry lines,
# descriptions and bullets, is built in a one-column style and in the two styles with narrow
# columns (sidebar, datecolumn), converted to PDF, and every address python-docx reads in the
# DOCX appears whole on one line of `pdftotext -layout` (LibreOffice used to break them after
# a hyphen or slash). python-docx and pandoc still read each address exactly.
# Args: TAILOR_BINARY SOURCE_DIR SCRATCH_DIR
set -euo pipefail
tailor=$(realpath "$1") src=$(realpath "$2") scratch=$(realpath -m "$3")
rm -rf "$scratch" && mkdir -p "$scratch"
fail() { echo "FAIL: $*"; exit 1; }
# shellcheck source=tests/clients/lib/office.bash
source "$src/tests/clients/lib/office.bash"
export SOURCE_DATE_EPOCH=1700000000 TZ=UTC
resume="$src/tests/clients/docx_addresses.resume"
styles=(classic compact sidebar datecolumn)
for st in "${styles[@]}"; do
  "$tailor" build --style "$src/templates/styles/$st.style" -o "$scratch/$st.docx" "$resume" \
    2>"$scratch/$st.stderr" || fail "tailor build --style $st: $(cat "$scratch/$st.stderr")"
done
office_to_pdf "$scratch" "$scratch" "$scratch"/*.docx
for st in "${styles[@]}"; do
  [ -s "$scratch/$st.pdf" ] || fail "soffice produced no PDF for $st.docx"
  pdftotext -layout -enc UTF-8 "$scratch/$st.pdf" "$scratch/$st.txt"
  pandoc -t plain --wrap=none -o "$scratch/$st.pandoc.txt" "$scratch/$st.docx"
  /usr/bin/python3 -P - "$scratch/$st.docx" "$scratch/$st.txt" "$scratch/$st.pandoc.txt" <<'PY' ||
import re, sys
import docx
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
def strip(t):
    return t.lstrip("([{<\"'").rstrip(".,;:!?)]}>\"'")
def address(t):
    if "://" in t or t.startswith("www.") or re.fullmatch(r"[^@\s]+@[\w-]+(\.[\w-]+)*\.[A-Za-z]{2,}", t):
        return True
    m = re.fullmatch(r"([\w-]+(\.[\w-]+)*\.[A-Za-z]{2,})(/\S*)?", t)
    if m and (m.group(3) or "-" in m.group(1)):
        return True
    return re.fullmatch(r"\+?[\d().-]+", t) is not None and len(re.findall(r"\d", t)) >= 7
# Every paragraph's text as python-docx holds it, hyperlinks included (python-docx 0.8 leaves
# them out of paragraph.text), w:br as a new line.
d = docx.Document(sys.argv[1])
texts = []
for p in d.element.body.iter(W + "p"):
    s = [(el.text or "") if el.tag == W + "t" else "\n" if el.tag == W + "br" else " "
         for el in p.iter() if el.tag in (W + "t", W + "br", W + "tab")]
    texts.append("".join(s))
want = [strip(t) for x in texts for t in x.split() if address(strip(t))]
assert len(want) >= 20, want
lines = [[strip(t) for t in l.split()] for l in open(sys.argv[2], encoding="utf-8")]
pandoc = open(sys.argv[3], encoding="utf-8").read()
bad = 0
for a in sorted(set(want)):
    whole = sum(l.count(a) for l in lines)
    if whole < want.count(a):
        print(f"{sys.argv[2]}: {a!r} is broken across lines ({whole} of {want.count(a)} whole)")
        bad += 1
    if a not in pandoc:
        print(f"{sys.argv[3]}: pandoc does not give back {a!r}")
        bad += 1
print(f"{sys.argv[1]}: {len(want)} addresses, {bad} problems")
sys.exit(1 if bad else 0)
PY
    fail "$st: an address is not whole"
done
echo "OK: ${#styles[@]} DOCX files, every address whole on one line in LibreOffice"
