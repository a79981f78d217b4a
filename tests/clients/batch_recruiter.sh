#!/usr/bin/env bash
# The recruiter workflow end to end: candidate profiles, anonymised, in an agency style with a
# logo, header and footer line, to PDF and DOCX. Checks the branding in both formats, the
# names of the files, and that no candidate is named anywhere (text, metadata, file names).
# Args: TAILOR_BINARY SOURCE_DIR SCRATCH_DIR.
set -uo pipefail
T=$1 SRC=$2 W=$3
fail() { echo "FAIL: $*" >&2; exit 1; }
rm -rf "$W" && mkdir -p "$W/candidates" && cd "$W" || exit 1
cp "$SRC"/samples/*.resume candidates/
cp "$SRC/docs/previews/classic.png" logo.png
{ grep -v -E '^(name|description):' "$SRC/templates/styles/classic.style"
  printf 'name: agency\nlogo: logo.png\nheader_text: Presented by Example Talent Ltd\n'
  printf 'footer_text: Example Talent Ltd, confidential\n'; } > agency.style

"$T" build candidates/*.resume --anonymize --style ./agency.style --format pdf,docx \
  --name '{ref}-{style}.{ext}' --out-dir blind 2> build.err || { cat build.err; fail "build failed"; }
n=$(ls blind | wc -l)
[[ $n == 8 ]] || fail "expected 8 outputs, got $n: $(ls blind)"
for f in blind/*; do
  [[ $(basename "$f") =~ ^candidate-[0-9a-f]{12}-agency\.(pdf|docx)$ ]] || fail "unexpected name $f"
done
for f in blind/*.pdf; do
  txt=$(pdftotext -enc UTF-8 "$f" -) || fail "pdftotext $f"
  grep -q 'Presented by Example Talent Ltd' <<< "$txt" || fail "$f: no header line"
  grep -q 'Example Talent Ltd, confidential' <<< "$txt" || fail "$f: no footer line"
  [[ $(pdfimages -list "$f" | tail -n +3 | wc -l) -ge 1 ]] || fail "$f: no logo image"
  pdfinfo "$f" | grep -q '^Author: *Candidate [0-9A-F]\{12\}$' || fail "$f: author is not the reference"
  pdftotext -enc UTF-8 "$f" "$f.txt"
  pdfinfo "$f" >> "$f.txt"
done
for f in blind/*.docx; do
  parts=$(unzip -l "$f")
  grep -q 'word/media/' <<< "$parts" || fail "$f: no logo image part"
  unzip -p "$f" 'word/header*.xml' | grep -q 'Presented by Example Talent Ltd' || fail "$f: no header"
  unzip -p "$f" 'word/footer*.xml' | grep -q 'Example Talent Ltd, confidential' || fail "$f: no footer"
  unzip -p "$f" 'word/*.xml' 'word/_rels/*' docProps/core.xml > "$f.txt"
done
for i in candidates/*.resume; do
  secrets=$(sed -nE -e 's/^(name|email|phone|address): *(.*[^ ]) *$/\2/p' \
                    -e 's/^link: .*<https?:\/\/(www\.)?([^>]*)>.*/\2/p' "$i")
  secrets+=$'\n'$(sed -nE 's/^name: *([^ ]+) +([^ ]+).*/\1\n\2/p' "$i")
  if hit=$(grep -F -l -f <(grep . <<< "$secrets") blind/*.txt); then
    fail "output names the candidate of $i: $hit"
  fi
done
echo "ok: 8 anonymised, branded outputs (logo, header, footer in PDF and DOCX); no candidate named"
