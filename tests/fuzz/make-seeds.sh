#!/usr/bin/env bash
# Builds the fuzz seed corpora from files the project already keeps (nothing is duplicated
# in git). Usage: make-seeds.sh SOURCE_DIR OUT_DIR  -> OUT_DIR/<target>/ per fuzz target.
set -euo pipefail
src=$1
out=$2
rm -rf "$out"
mkdir -p "$out"/{markup,json,rules,style,pipeline}
shopt -s nullglob

copy() {  # copy TARGET FILE...: each file under a name that keeps where it came from
  local target=$1
  shift
  for f in "$@"; do
    cp "$f" "$out/$target/$(basename "$(dirname "$f")")-$(basename "$f")"
  done
}

resumes=("$src"/samples/*.resume "$src"/tests/fixtures/jobs/*.resume)
jsons=("$src"/tests/fixtures/jsonresume/*.json "$src"/tests/fixtures/jobs/*.json)
copy markup "${resumes[@]}" "$src"/tests/golden/errors/*.resume
copy json "${jsons[@]}"
copy rules "$src"/templates/roles/*.rules "$src"/tests/golden/rules-errors/*.rules
copy style "$src"/templates/styles/*.style

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
