#!/usr/bin/env bash
# An interrupted batch (SIGINT, SIGTERM, SIGHUP) stops scheduling, leaves no temporary or partial
# file, records what it finished in the manifest, and exits 130 / 143 / 129. A rerun with
# --if-changed then builds only what is missing. Args: TAILOR_BINARY SOURCE_DIR SCRATCH_DIR.
set -uo pipefail
T=$1 SRC=$2 W=$3
fail() { echo "FAIL: $*" >&2; exit 1; }
rm -rf "$W" && mkdir -p "$W/in" && cd "$W" || exit 1
N=200
samples=("$SRC"/samples/*.resume)
for i in $(seq 1 $N); do cp "${samples[$(( i % ${#samples[@]} ))]}" "in/cv$i.resume"; done

# The reference: the same batch, uninterrupted.
"$T" build in/*.resume --format text,native --out-dir ref --jobs 2 2> ref.err || fail "reference build"

for sig in INT TERM HUP; do
  want=$(case $sig in INT) echo 130 ;; TERM) echo 143 ;; HUP) echo 129 ;; esac)
  rm -rf out
  "$T" build in/*.resume --format text,native --out-dir out --jobs 2 2> "$sig.err" &
  pid=$!
  # Interrupt once the build is under way.
  for _ in $(seq 1000); do [[ -n $(ls out 2>/dev/null | head -1) ]] && break; sleep 0.005; done
  kill -"$sig" "$pid"
  wait "$pid"; rc=$?
  n=$(find out -type f ! -name .tailor-manifest | wc -l)
  if [[ $rc == 0 ]]; then
    echo "note: the build finished before SIG$sig arrived ($n outputs); nothing to check"
    continue
  fi
  [[ $rc == "$want" ]] || { tail -3 "$sig.err"; fail "exit code $rc after SIG$sig, expected $want"; }
  grep -q "interrupted by SIG$sig" "$sig.err" || fail "no interruption summary: $(tail -1 "$sig.err")"
  tmp=$(find out -name '.*.tmp-*')
  [[ -z $tmp ]] || fail "temporary files left after SIG$sig: $tmp"
  (( n > 0 )) || fail "expected a partial build, got no output"
  # Every file that exists is complete, and the manifest lists exactly those files.
  for f in out/*; do cmp -s "$f" "ref/${f#out/}" || fail "$f differs from an uninterrupted build"; done
  listed=$(tail -n +2 out/.tailor-manifest | cut -d' ' -f4- | LC_ALL=C sort)
  present=$(find out -type f ! -name .tailor-manifest -printf '%P\n' | LC_ALL=C sort)
  [[ $listed == "$present" ]] || fail "manifest and files disagree after SIG$sig"
  # The rerun builds exactly the rest. (On a busy machine the signal can land after the last
  # output was committed, while the summary is written: then the rest is nothing.)
  "$T" build in/*.resume --format text,native --out-dir out --jobs 2 --if-changed 2> "$sig.rerun.err" \
    || fail "rerun failed"
  if (( n == 2 * N )); then want_summary="nothing to build: $n outputs up to date"
  else want_summary="built $(( 2 * N - n )) outputs? from .*; $n up to date"; fi
  grep -Eq "$want_summary" "$sig.rerun.err" || fail "rerun summary: $(tail -1 "$sig.rerun.err")"
  echo "ok: SIG$sig -> exit $rc, $n complete outputs, no temporary files; rerun built the other $(( 2 * N - n ))"
done

# A second Ctrl-C exits at once: still 130, still no temporary file. Five times, since the
# second signal can land on any thread at any point of a file's creation.
for round in 1 2 3 4 5; do
  rm -rf out
  "$T" build in/*.resume --format text,native --out-dir out --jobs 2 2> twice.err &
  pid=$!
  for _ in $(seq 200); do [[ -n $(ls out 2>/dev/null | head -1) ]] && break; sleep 0.01; done
  kill -INT "$pid"; kill -INT "$pid"
  wait "$pid"; rc=$?
  if [[ $rc == 0 ]]; then
    echo "note: the build finished before the second SIGINT; nothing to check"
  else
    [[ $rc == 130 ]] || fail "exit code $rc after two SIGINTs, expected 130"
    tmp=$(find out -name '.*.tmp-*')
    [[ -z $tmp ]] || fail "temporary files left after two SIGINTs: $tmp"
    for f in out/*; do cmp -s "$f" "ref/${f#out/}" || fail "$f is not complete after two SIGINTs"; done
    echo "ok: two SIGINTs -> exit 130 at once, $(ls out | wc -l) complete outputs, no temporary files"
  fi
done
