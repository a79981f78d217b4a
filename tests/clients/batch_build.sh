#!/usr/bin/env bash
# Issue 7 "Must show": 30 inputs + 1 broken file x 2 roles x 2 formats with --jobs 2; then
# --if-changed touches nothing, one edited input rebuilds exactly its 4 outputs, and
# anonymised outputs name no one. Args: TAILOR_BINARY SOURCE_DIR SCRATCH_DIR.
set -uo pipefail
T=$1 SRC=$2 W=$3
fail() { echo "FAIL: $*" >&2; exit 1; }
rm -rf "$W" && mkdir -p "$W/in" || fail "cannot make $W"
cd "$W" || exit 1

# The PDF and DOCX writers when this build has them, else the text writers.
known=$("$T" build /dev/null --format '?' 2>&1)
if [[ $known == *pdf* && $known == *docx* ]]; then FORMATS=pdf,docx; EXTS="pdf docx"
else FORMATS=text,native; EXTS="txt native"; fi
echo "formats: $FORMATS"

# Thirty inputs from the samples, with varied and awkward file names and distinct people.
samples=("$SRC"/samples/*.resume)
names=("Aysel Hüseynova" "UPPER_case" "dots.in.name" "Алиев Руслан" "with  spaces"
       "quote's & (paren)" "--dash-first" "ünïcödé" "x" "Kamran Əliyev")
for i in $(seq 1 30); do
  s=${samples[$(( i % ${#samples[@]} ))]}
  f="in/${names[$(( i % ${#names[@]} ))]} $i.resume"
  sed -e "s/^name: .*/name: Person$i Testov$i/" -e "s/^email: .*/email: person$i@mail$i.example/" \
      -e "s/^phone: .*/phone: +994 50 700 $(printf %02d "$i") $(printf %02d "$i")/" "$s" > "$f"
done
printf 'name: Broken Person\n\n== Experience\n=== Dev | Acme | | 2020-13\n' > in/broken.resume
mapfile -t inputs < <(ls in/*.resume | LC_ALL=C sort)
[[ ${#inputs[@]} == 31 ]] || fail "expected 31 inputs, made ${#inputs[@]}"

roles="Backend Engineer,Infrastructure Engineer"
build() { "$T" build "${inputs[@]}" --role "$roles" --format "$FORMATS" --out-dir out --jobs 2 "$@"; }

# 1. The batch: 120 outputs, none for the broken file, its position named, exit non-zero.
build 2> first.err; rc=$?
[[ $rc == 1 ]] || { cat first.err; fail "exit code $rc, expected 1 (input error)"; }
n=$(find out -type f ! -name .tailor-manifest | wc -l)
[[ $n == 120 ]] || fail "expected 120 outputs, found $n"
for e in $EXTS; do
  c=$(find out -type f -name "*.$e" | wc -l)
  [[ $c == 60 ]] || fail "expected 60 .$e outputs, found $c"
done
find out -name 'broken*' | grep -q . && fail "an output exists for the broken input"
grep -Eq '^in/broken\.resume:4:25: error: ' first.err || { cat first.err; fail "broken file not named with line:col"; }
tmp=$(find out -name '.*.tmp-*')
[[ -z $tmp ]] || fail "temporary files left: $tmp"
bad=$(find out -type f ! -name .tailor-manifest | sed 's|^out/||' | grep -v -E '^[a-z0-9-]+\.[a-z]+$')
[[ -z $bad ]] || fail "unsafe output names: $bad"
grep -q 'built 120 outputs from 30 inputs in .*; 1 input failed: in/broken.resume' first.err \
  || { tail -1 first.err; fail "summary line"; }
echo "ok: 120 outputs, broken input reported at its position, rc=1, no temporary files"
tail -1 first.err

# 2. --if-changed touches nothing: same inode, mtime (ns) and size for every file.
snap() { find out -type f -printf '%P %i %T@ %s\n' | LC_ALL=C sort; }
snap > before
build --if-changed 2> second.err; rc=$?
[[ $rc == 1 ]] || fail "second run exit code $rc"
snap > after
diff before after > /dev/null || { diff before after; fail "--if-changed touched files"; }
grep -q 'nothing to build: 120 outputs up to date' second.err || fail "second summary: $(tail -1 second.err)"
echo "ok: --if-changed touched nothing"

# 3. Editing one input rebuilds exactly its 4 outputs (and the manifest).
target=${inputs[4]}
sed -i 's/^headline: .*/headline: Edited Headline/' "$target"
build --if-changed 2> third.err
snap > third
changed=$(diff <(cut -d' ' -f1-3 before) <(cut -d' ' -f1-3 third) | grep '^>' | cut -d' ' -f2 | LC_ALL=C sort)
n=$(grep -vc '^.tailor-manifest$' <<< "$changed")
[[ $n == 4 ]] || fail "expected 4 rebuilt outputs, got: $changed"
grep -q '^.tailor-manifest$' <<< "$changed" || fail "manifest not updated"
stem=$(grep -v '^.tailor-manifest$' <<< "$changed" | head -1 | sed -E 's/-(backend|infrastructure)-engineer\..*//')
for f in $(grep -v '^.tailor-manifest$' <<< "$changed"); do
  [[ $f == "$stem"-* ]] || fail "rebuilt $f, which is not from $target"
done
grep -q 'built 4 outputs from 1 input in .*; 116 up to date' third.err || fail "third summary: $(tail -1 third.err)"
echo "ok: editing $target rebuilt exactly: $(grep -v manifest <<< "$changed" | tr '\n' ' ')"

# 4. Anonymised outputs contain no name, email, phone or profile link of any input.
"$T" build "${inputs[@]}" --anonymize --format "$FORMATS" --out-dir anon --jobs 2 2> anon.err
texts=()
for f in anon/*; do
  case $f in
    *.pdf) pdftotext -enc UTF-8 "$f" "$f.extracted" || fail "pdftotext $f"; texts+=("$f.extracted") ;;
    *.docx) unzip -p "$f" word/document.xml word/_rels/document.xml.rels > "$f.extracted" || fail "unzip $f"
            texts+=("$f.extracted") ;;
    *) texts+=("$f") ;;
  esac
done
[[ ${#texts[@]} == 60 ]] || fail "expected 60 anonymised outputs, got ${#texts[@]}"
for f in anon/*.pdf anon/*.docx; do
  [[ -e $f ]] || continue
  # Metadata (Author, Title) must not name the candidate either.
  case $f in *.pdf) pdfinfo "$f" >> "$f.extracted" 2>/dev/null ;;
             *.docx) unzip -p "$f" docProps/core.xml >> "$f.extracted" 2>/dev/null ;; esac
done
for i in "${inputs[@]}"; do
  [[ $i == in/broken.resume ]] && continue
  secrets=$(sed -nE -e 's/^(name|email|phone|address): *(.*[^ ]) *$/\2/p' \
                    -e 's/^link: .*<https?:\/\/(www\.)?([^>]*)>.*/\2/p' "$i")
  first=$(sed -nE 's/^name: *([^ ]+).*/\1/p' "$i")
  secrets+=$'\n'"$first"
  phone_digits=$(sed -nE 's/^phone: *//p' "$i" | tr -cd '0-9')
  [[ $(wc -l <<< "$secrets") -ge 5 ]] || fail "too few secrets found in $i"
  if hit=$(grep -F -l -f <(grep . <<< "$secrets") "${texts[@]}"); then
    fail "anonymised output leaks data of $i: $hit"
  fi
  for t in "${texts[@]}"; do
    [[ $(tr -cd '0-9' < "$t") == *"$phone_digits"* ]] && fail "$t contains the phone digits of $i"
  done
done
grep -q 'Candidate [0-9A-F]\{6\}' "${texts[0]}" || fail "no candidate reference in ${texts[0]}"
echo "ok: anonymised outputs contain no name, email, phone, address or profile link"
