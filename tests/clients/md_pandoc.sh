#!/usr/bin/env bash
# Markdown through pandoc's GFM reader: every sample's words come back, in order (the same
# check as the PDF's); Markdown-special characters in the text come back literally; headings,
# lists, links and emphasis are real Markdown structure.
# Args: TAILOR_BINARY SOURCE_DIR SCRATCH_DIR
set -u
tailor=$1 src=$2 scratch=$3
rm -rf "$scratch" && mkdir -p "$scratch"
fail=0
die() { echo "FAIL: $*"; fail=1; }

shopt -s nullglob
for sample in "$src"/samples/*.resume "$src"/samples/*.json "$src"/tests/fixtures/scripts/*.resume; do
  base=$(basename "${sample%.*}")
  "$tailor" build --format md -o "$scratch/$base.md" "$sample" 2> "$scratch/err" || { die "$base: build: $(cat "$scratch/err")"; continue; }
  # pandoc's reader composes decomposed accents (NFC); compare in that form.
  "$tailor" build --format text "$sample" 2>/dev/null \
    | /usr/bin/python3 -c 'import sys, unicodedata; sys.stdout.write(unicodedata.normalize("NFC", sys.stdin.read()))' > "$scratch/$base.txt"
  pandoc -f gfm -t plain --wrap=none "$scratch/$base.md" -o "$scratch/$base.plain" 2> "$scratch/pandoc" || die "$base: pandoc failed"
  [ -s "$scratch/pandoc" ] && die "$base: pandoc warned: $(cat "$scratch/pandoc")"
  /usr/bin/python3 -P "$src/tests/clients/pdf_words.py" "$scratch/$base.txt" "$scratch/$base.plain" || die "$base: words missing or out of order"
  echo "ok $base: $(wc -w < "$scratch/$base.plain") words back through pandoc"
done

# Structure: a sample's headings, list items, links and emphasis as pandoc's AST sees them.
"$tailor" build --format md -o "$scratch/s.md" "$src/samples/backend-infra.resume" 2>/dev/null
pandoc -f gfm -t json "$scratch/s.md" | /usr/bin/python3 -P -c '
import json, sys
doc = json.load(sys.stdin)
seen = set()
def walk(x):
    if isinstance(x, dict):
        if "t" in x:
            t = x["t"]
            if t == "Header": seen.add("H%d" % x["c"][0])
            else: seen.add(t)
        for v in x.values(): walk(v)
    elif isinstance(x, list):
        for v in x: walk(v)
walk(doc["blocks"])
need = {"H1", "H2", "H3", "BulletList", "Link", "Strong", "Emph"}
missing = need - seen
if missing: print("missing:", sorted(missing)); sys.exit(1)
' || die "sample: Markdown structure"

# Text that looks like Markdown stays text.
cat > "$scratch/special.resume" <<'R'
name:     Ada *not emphasis* _nor this_ [not](a link)
headline: # not a heading <b>not html</b> &amp; not an entity

== Experience
=== Engineer | R&D
- 1. not an ordered list \ backslash `not code` ~~not struck~~ | not | a table |
- + not a nested list, * neither, > nor a quote; 50% of C:\path

== > Not a quote
> a line that looks like a quote
R
"$tailor" build --format md -o "$scratch/special.md" "$scratch/special.resume" 2> "$scratch/err" || die "special: build: $(cat "$scratch/err")"
pandoc -f gfm -t json "$scratch/special.md" > "$scratch/special.json"
pandoc -f gfm -t plain --wrap=none "$scratch/special.md" > "$scratch/special.plain"
grep -q '"t":"Emph"\|"t":"Strong"\|"t":"Link"\|"t":"Strikeout"\|"t":"Code"\|"t":"RawInline"\|"t":"OrderedList"\|"t":"BlockQuote"\|"t":"Table"' "$scratch/special.json" \
  && die "special: text became markup: $(cat "$scratch/special.md")"
for s in 'Ada *not emphasis* _nor this_ [not](a link)' '# not a heading <b>not html</b> &amp; not an entity' \
         '1. not an ordered list \ backslash `not code` ~~not struck~~ | not | a table |' \
         '+ not a nested list, * neither, > nor a quote; 50% of C:\path' 'R&D'; do
  grep -qF -- "$s" "$scratch/special.plain" || die "special: not literal: $s"
done
# Whole lines: a doubled escape ("\\\\>") would leave a stray backslash before the text.
for s in '> Not a quote' '> a line that looks like a quote'; do
  grep -qxF -- "$s" "$scratch/special.plain" || die "special: not literal as a whole line: $s"
done
echo "ok special characters stay literal"
exit $fail
