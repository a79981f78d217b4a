#!/usr/bin/env bash
# The generated inputs of the scaling benchmarks (bench/gen-resume.sh, the same text as
# generated_resume() in bench/bench_support.hpp) must stay valid resumes of exactly N entries,
# or bench/scaling.sh would time an error path. Args: TAILOR_BINARY SOURCE_DIR SCRATCH_DIR.
set -uo pipefail
T=$1 SRC=$2 W=$3
fail() { echo "FAIL: $*" >&2; exit 1; }
{ rm -rf "$W" && mkdir -p "$W"; } || fail "cannot make $W"
for n in 3 30 120; do
  f=$W/gen$n.resume
  "$SRC/bench/gen-resume.sh" "$n" >"$f" || fail "gen-resume.sh $n exited non-zero"
  out=$("$T" check "$f" 2>&1) || fail "tailor check rejects the $n-entry resume: $out"
  # Entries of the model: experience entries plus the one education entry.
  got=$("$T" dump "$f" 2>&1 | grep -c '^ *entry @')
  [[ $got == $((n + 1)) ]] || fail "$n-entry resume dumps $got entries, expected $((n + 1))"
  echo "ok: $n entries"
done
