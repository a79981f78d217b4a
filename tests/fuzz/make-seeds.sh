#!/usr/bin/env bash
# Builds the fuzz seed corpora from files the project already keeps (nothing is duplicated
# in git). Usage: make-seeds.sh SOURCE_DIR OUT_DIR  -> OUT_DIR/<target>/ per fuzz target.
set -euo pipefail
src=$1
out=$2
rm -rf "$out"
mkdir -p "$out"/{markup,json,rules,style,posting,pipeline,shaping,yaml,linkedin}
shopt -s nullglob

copy() {  # copy TARGET FILE...: each file under a name that keeps where it came from
  local target=$1
  shift
  for f in "$@"; do
    cp "$f" "$out/$target/$(basename "$(dirname "$f")")-$(basename "$f")"
  done
}

resumes=("$src"/samples/*.resume "$src"/tests/fixtures/jobs/*.resume)
jsons=("$src"/tests/fixtures/jsonresume/*.json "$src"/tests/fixtures/resume-schema/*.json
  "$src"/tests/fixtures/jobs/*.json)
copy markup "${resumes[@]}" "$src"/tests/golden/errors/*.resume
copy json "${jsons[@]}"
copy rules "$src"/templates/roles/*.rules "$src"/tests/golden/rules-errors/*.rules
copy style "$src"/templates/styles/*.style
# The yaml target picks its reader by the first byte (even: RenderCV, odd: YAMLResume;
# tests/fuzz/entries.cpp). The fixtures all start with '#' (odd), so each RenderCV one goes in
# behind a blank line (even), or only the YAMLResume reader would ever see them.
copy yaml "$src"/tests/fixtures/import/yamlresume/*.yaml
for f in "$src"/tests/fixtures/import/rendercv/*.yaml; do
  { printf '\n'; cat "$f"; } >"$out/yaml/rendercv-$(basename "$f")"
done
copy linkedin "$src"/tests/fixtures/import/linkedin/*.zip
copy posting "$src"/tests/fixtures/jobs/*.txt "$src"/tests/fixtures/jobs/*.json
# The shaping target reads three lines (name, summary, bullet): every three text lines of the
# world-text and locale fixtures, so each script and direction starts the search.
for f in "$src"/tests/fixtures/scripts/*.resume "$src"/tests/fixtures/locales/*.resume; do
  grep -v '^%' "$f" | split -l 3 - "$out/shaping/$(basename "$f" .resume)-"
done

# Inputs just over the reader's limits (src/base/limits.hpp), too big to keep in git: more
# entries and more blocks than a resume may hold, a line and a JSON string over 64 KiB, and a
# file over 10 MiB (one line, so that the line limit still stops it early if that limit grows).
repeat() {  # repeat COUNT LINE
  local i
  for ((i = 0; i < $1; i++)); do printf '%s\n' "$2"; done
}
letters() { head -c "$1" /dev/zero | tr '\0' a; }
{
  printf 'name: A\n\n== Experience\n'
  repeat 1001 '=== R'
} >"$out/markup/limits-entries.resume"
{
  printf 'name: A\n\n== Experience\n=== R | O\n'
  repeat 10001 '- a'
} >"$out/markup/limits-blocks.resume"
{
  printf 'name: A\n\n== Summary\n'
  letters 65537
} >"$out/markup/limits-long-line.resume"
letters $((10 * 1024 * 1024 + 1)) >"$out/markup/limits-too-large.resume"
# A CSV file of an export with one field over the limit (the linkedin target's first byte "("
# names Profile.csv).
{
  printf '('
  head -c 50001 /dev/zero | tr '\0' ','
} >"$out/linkedin/limits-csv-fields"
# Two export ZIPs past the archive caps (too big for git, and made with Python's zipfile, as
# the hostile corpus makes its own): 10,001 entries, and six CSV files of 9 MiB each that pass
# the per-file size and ratio checks but unpack to more than 50 MiB together.
if command -v python3 >/dev/null; then
  python3 - "$out/linkedin" <<'PY'
import io, random, sys, zipfile
out = sys.argv[1]
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w") as z:
    for i in range(10001):
        z.writestr("f%d" % i, "")
open(out + "/limits-zip-entries.zip", "wb").write(buf.getvalue())
rng = random.Random(15)
block = bytearray(64 * 1024)
for i in range(0, len(block), 48):
    block[i] = rng.randrange(32, 127)
data = bytes(block) * (9 * 16)
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
    for name in ["Profile", "Positions", "Education", "Skills", "Languages", "Projects"]:
        z.writestr(name + ".csv", data)
open(out + "/limits-zip-total.zip", "wb").write(buf.getvalue())
PY
fi
{
  printf '{"basics": {"name": "'
  letters 65537
  printf '"}}'
} >"$out/json/limits-long-string.json"

# The pipeline target reads one option byte first (tests/fuzz/entries.hpp): bits 0-3 role,
# 4-5 style, 6 --max-pages 1, 7 letter paper. Each input goes in under a few option bytes so
# every role, every style and both paper sizes are in the seeds.
i=0
for f in "${resumes[@]}" "${jsons[@]:0:1}"; do
  for k in 0 1 2; do
    role=$(((i * 3 + k) % 9))
    opts=$((role | ((k % 3) << 4) | ((i % 2) << 6) | ((k == 1) << 7)))
    {
      printf "\\$(printf '%03o' "$opts")"
      cat "$f"
    } >"$out/pipeline/$(basename "$f").$opts"
  done
  i=$((i + 1))
done
