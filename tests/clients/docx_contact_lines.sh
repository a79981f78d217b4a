#!/usr/bin/env bash
# The DOCX contact line in LibreOffice (issue 16): a resume with eight long contact items
# (tests/clients/docx_contact.resume) in every one-column style is converted to PDF, and every
# item (the e-mail, phone, place, address and each link as shown, without its scheme) appears
# whole on one line of `pdftotext -layout`; no line starts with the separator. Also the
# sidebar of samples/infrastructure.resume, whose LinkedIn address fills the column exactly
# (LibreOffice broke it after a hyphen).
# Args: TAILOR_BINARY SOURCE_DIR SCRATCH_DIR
set -euo pipefail
tailor=$(realpath "$1") src=$(realpath "$2") scratch=$(realpath -m "$3")
rm -rf "$scratch" && mkdir -p "$scratch"
fail() { echo "FAIL: $*"; exit 1; }
# shellcheck source=tests/clients/lib/office.bash
source "$src/tests/clients/lib/office.bash"
export SOURCE_DATE_EPOCH=1700000000 TZ=UTC
long="$src/tests/clients/docx_contact.resume"
# The sidebar lists one item a line in a narrow column, where an item far longer than the
# column must wrap; every other style sets the line across the page.
cases=()
for st in classic modern compact engineering datecolumn; do cases+=("$long:$st"); done
cases+=("$src/samples/infrastructure.resume:sidebar")
for c in "${cases[@]}"; do
  resume=${c%:*} st=${c##*:} name=$(basename "${c%:*}" .resume)-${c##*:}
  "$tailor" build --style "$src/templates/styles/$st.style" -o "$scratch/$name.docx" "$resume" \
    2>"$scratch/$name.stderr" || fail "tailor build $resume --style $st: $(cat "$scratch/$name.stderr")"
done
office_to_pdf "$scratch" "$scratch" "$scratch"/*.docx
for c in "${cases[@]}"; do
  resume=${c%:*} name=$(basename "${c%:*}" .resume)-${c##*:}
  [ -s "$scratch/$name.pdf" ] || fail "soffice produced no PDF for $name.docx"
  pdftotext -layout -enc UTF-8 -l 1 "$scratch/$name.pdf" "$scratch/$name.txt"
  /usr/bin/python3 -P - "$resume" "$scratch/$name.txt" <<'PY' || fail "$name: a contact item is broken"
import re, sys
items = []
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r"(email|phone|location|address):\s+(.*\S)", line)
    if m:
        items.append(m.group(2))
    m = re.match(r"link:.*<(\w+:(//)?)?(.*?)/?>", line)
    if m:
        items.append(m.group(3))
assert len(items) >= 4, items
lines = [re.sub(r"\s+", " ", l).strip() for l in open(sys.argv[2], encoding="utf-8")]
bad = [i for i in items if not any(i in l for l in lines)]
for i in bad:
    print(f"{sys.argv[2]}: {i!r} is not whole on one line")
starts = [l for l in lines if l.startswith("\u00b7")]
for l in starts:
    print(f"{sys.argv[2]}: a line starts with the separator: {l!r}")
sys.exit(1 if bad or starts else 0)
PY
done
echo "OK: ${#cases[@]} DOCX files, every contact item whole on one line in LibreOffice"
