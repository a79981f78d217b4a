#!/usr/bin/env bash
# Progress output: on a terminal, one bar redrawn in place (done/total, failures, rate) and a
# summary; without one, one plain line per output. Args: TAILOR_BINARY SOURCE_DIR SCRATCH_DIR.
set -uo pipefail
T=$1 SRC=$2 W=$3
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v script > /dev/null || fail "script(1) (bsdutils) is needed to give tailor a terminal"
rm -rf "$W" && mkdir -p "$W/in" && cd "$W" || exit 1
for i in $(seq 1 12); do cp "$SRC/samples/aysel.resume" "in/cv$i.resume"; done
printf 'name: X\n== Experience\n=== a | b | | 2020-13\n' > in/zz-broken.resume

# On a terminal (script(1) runs it on a pseudo-terminal; its stderr goes there).
script -qec "'$T' build in/*.resume --format text --out-dir tty --jobs 2" /dev/null > tty.log
bars=$(grep -o $'\r\e\\[K\\[[#.]*\\] [0-9]*/13' tty.log | wc -l)
(( bars >= 1 )) || { cat -v tty.log | head; fail "no progress bar redrawn in place"; }
grep -q $'\\] 13/13  1 failed  [0-9.]*/s' tty.log || { cat -v tty.log | tail -3; fail "final bar without done/total, failures and rate"; }
grep -q 'built 12 outputs from 12 inputs in .*; 1 input failed: in/zz-broken.resume' tty.log || fail "no summary on the terminal"
grep -q '^\[1/13\] wrote' tty.log && fail "plain lines on a terminal"
grep -Eq 'in/zz-broken.resume:3:[0-9]+: error: month 13' tty.log || fail "diagnostic missing on the terminal"
echo "ok: terminal: $bars bar redraws, final 13/13 with 1 failure and the rate, summary"

# Without a terminal: plain lines, one per output, in command-line order.
"$T" build in/*.resume --format text --out-dir plain --jobs 2 2> plain.log
grep -q $'\e' plain.log && fail "escape sequences without a terminal"
[[ $(grep -c '^\[[0-9]*/13\] wrote plain/' plain.log) == 12 ]] || fail "expected 12 'wrote' lines"
[[ $(grep -c '^\[[0-9]*/13\] failed plain/' plain.log) == 1 ]] || fail "expected 1 'failed' line"
[[ $(grep -o '^\[[0-9]*/13\]' plain.log | tr -d '[]' | cut -d/ -f1 | tr '\n' ' ') == "1 2 3 4 5 6 7 8 9 10 11 12 13 " ]] \
  || fail "counters out of order"
echo "ok: no terminal: one plain line per output, in order"
