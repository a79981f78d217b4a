#!/usr/bin/env bash
# The HTML page in a real browser: every sample x style is loaded by ONE headless Chromium
# (html_cdp.py, DevTools over a pipe), with no console message, error or fetch; each page is
# printed to PDF and pdftotext of that PDF holds every word of the resume in order; tidy finds
# no error; the page has no script but its JSON-LD, whose Person data parses; a hostile resume
# cannot close the JSON-LD script or inject markup.
# Args: TAILOR_BINARY SOURCE_DIR SCRATCH_DIR
set -u
tailor=$1 src=$2 scratch=$3
rm -rf "$scratch" && mkdir -p "$scratch"
fail=0
die() { echo "FAIL: $*"; fail=1; }

cat > "$scratch/hostile.resume" <<'R'
name:     Ada </script><script>alert(1)</script>
headline: "Quoted" & 'apostrophes' <!-- <b>bold?</b>
email:    ada@example.com
link:     Bad <javascript:alert(1)>
link:     Site <https://ada.example.com/?a=1&b="2">

== Experience & <Work>
=== Engineer | R&D <Labs> | Gəncə | 2020-01 – present
- Kept &amp; and ]]> and "quotes" literal; see [docs](https://example.com/a b)
R

shopt -s nullglob
pages=()
for sample in "$src"/samples/*.resume "$src"/samples/*.json "$scratch/hostile.resume"; do
  base=$(basename "${sample%.*}")
  for style in classic modern compact; do
    [ "$base" = hostile ] && [ "$style" != classic ] && continue
    page="$scratch/$base-$style.html"
    if ! "$tailor" build --style $style --format html -o "$page" "$sample" 2> "$scratch/err"; then
      die "$base/$style: build failed: $(cat "$scratch/err")"; continue
    fi
    "$tailor" build --style $style --format text "$sample" > "$scratch/$base-$style.txt" 2>/dev/null
    tidy -errors -q "$page" > /dev/null 2> "$scratch/tidy"
    grep -q 'Error:' "$scratch/tidy" && die "$base/$style: tidy: $(grep Error: "$scratch/tidy" | head -3)"
    # No script but the JSON-LD data block, and it parses as schema.org Person.
    n=$(grep -o '<script' "$page" | wc -l)
    [ "$n" -eq 1 ] || die "$base/$style: $n script elements"
    sed -n 's:.*<script type="application/ld+json">\(.*\)</script>.*:\1:p' "$page" \
      | /usr/bin/python3 -P -c 'import json,sys; d=json.load(sys.stdin); sys.exit(0 if d["@type"]=="Person" and d["name"] else 1)' \
      || die "$base/$style: JSON-LD does not parse as a Person"
    grep -Eq '<html lang="[^"]+" dir="(ltr|rtl)">' "$page" || die "$base/$style: no lang and dir"
    pages+=("$page")
  done
done

# One browser for every page; a screenshot of the first few.
timeout 300 /usr/bin/python3 -P "$src/tests/clients/html_cdp.py" --screenshot "${pages[@]}" > "$scratch/cdp" 2>&1 \
  || die "chromium: $(head -5 "$scratch/cdp")"
for page in "${pages[@]}"; do
  b=$(basename "${page%.html}")
  [ -s "$page.print.pdf" ] || { die "$b: not printed"; continue; }
  pdftotext -enc UTF-8 "$page.print.pdf" "$page.print.txt" 2>/dev/null
  /usr/bin/python3 -P "$src/tests/clients/pdf_words.py" "$scratch/$b.txt" "$page.print.txt" || die "$b: printed words missing or out of order"
  echo "ok $b: loaded, printed ($(pdfinfo "$page.print.pdf" | awk '/^Pages:/ {print $2}') pages)"
done

# The hostile page: nothing became markup, the unsafe link is text, safe links say noopener.
h="$scratch/hostile-classic.html"
grep -q '<script>alert' "$h" && die "hostile: a script element was injected"
grep -q 'href="javascript' "$h" && die "hostile: a javascript: link"
grep -o '<a [^>]*>' "$h" | grep -v 'rel="noopener"' && die "hostile: a link without rel=noopener"
grep -q '</script><script' "$h" && die "hostile: the JSON-LD was closed early"
pdftotext -enc UTF-8 "$h.print.pdf" - | grep -qF 'Ada </script><script>alert(1)</script>' || die "hostile: the name is not shown literally"

# Tailoring and --anonymize reach the page as they reach every format.
"$tailor" build --anonymize --format html -o "$scratch/anon.html" "$src/samples/aysel.resume" 2>/dev/null
"$tailor" build --anonymize --format text "$src/samples/aysel.resume" > "$scratch/anon.txt" 2>/dev/null
grep -q 'aysel@example.az\|Hüseynova\|Nizami' "$scratch/anon.html" && die "--anonymize: personal data left in the page"
grep -q "$(head -1 "$scratch/anon.txt")" "$scratch/anon.html" || die "--anonymize: the candidate reference is missing"
"$tailor" build --role "Infrastructure Engineer" --format html -o "$scratch/role.html" "$src/samples/aysel.resume" 2>/dev/null
"$tailor" build --role "Infrastructure Engineer" --format text "$src/samples/aysel.resume" > "$scratch/role.txt" 2>/dev/null
grep -qF "$(sed -n 2p "$scratch/role.txt" | sed 's/&/\&amp;/g')" "$scratch/role.html" || die "--role: the tailored headline is missing"
exit $fail
