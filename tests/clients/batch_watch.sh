#!/usr/bin/env bash
# `tailor build --watch`: rebuilds on save (editors save by rename), prints diagnostics on
# every rebuild, keeps the last good output while the input is broken, stops on SIGINT with
# exit code 130 and no temporary files. Args: TAILOR_BINARY SOURCE_DIR SCRATCH_DIR.
set -uo pipefail
T=$1 SRC=$2 W=$3
fail() { echo "FAIL: $*" >&2; [[ -f $W/watch.err ]] && sed 's/^/  watch.err: /' "$W/watch.err" >&2; kill -9 "${pid:-0}" 2>/dev/null; exit 1; }
rm -rf "$W" && mkdir -p "$W/in" && cd "$W" || exit 1
cp "$SRC/samples/aysel.resume" in/cv.resume

# Waits up to 10 s for a condition.
wait_for() { for _ in $(seq 100); do eval "$1" && return 0; sleep 0.1; done; return 1; }
# Saves like vim or VS Code: write a new file, then rename it over the old one.
save() { cat > in/.cv.resume.new && mv in/.cv.resume.new in/cv.resume; }

"$T" build in/cv.resume --format text --out-dir out --watch 2> watch.err &
pid=$!
wait_for 'grep -Eq "watching [0-9]+ files? for changes" watch.err' || fail "watch mode did not start"
[[ -f out/cv.txt ]] || fail "first build wrote nothing"
grep -q 'Aysel' out/cv.txt || fail "unexpected first output"

sed 's/^headline: .*/headline: Watched Headline One/' "$SRC/samples/aysel.resume" | save
wait_for 'grep -q "Watched Headline One" out/cv.txt' || fail "no rebuild after a save by rename"
echo "ok: rebuilt after a save by rename"

# In-place write (echo >>), as some tools do.
echo "% appended" >> in/cv.resume
sed -i 's/^headline: .*/headline: Watched Headline Two/' in/cv.resume
wait_for 'grep -q "Watched Headline Two" out/cv.txt' || fail "no rebuild after an in-place write"
echo "ok: rebuilt after an in-place write"

# A broken save: the diagnostic is printed, the previous output stays whole.
printf 'name: X\n== Experience\n=== a | b | | 2020-13\n' | save
wait_for 'grep -q "^in/cv.resume:3:[0-9]*: error: month 13" watch.err' || fail "no diagnostic for a broken save"
grep -q "Watched Headline Two" out/cv.txt || fail "the last good output was replaced"
echo "ok: diagnostic printed with file:line:col; last good output kept"

sed 's/^headline: .*/headline: Watched Headline Three/' "$SRC/samples/aysel.resume" | save
wait_for 'grep -q "Watched Headline Three" out/cv.txt' || fail "no rebuild after fixing the input"
echo "ok: rebuilt after the fix"

kill -INT "$pid"
wait "$pid"; rc=$?
[[ $rc == 130 ]] || fail "exit code after SIGINT: $rc, expected 130"
tmp=$(find out in -name '.*.tmp-*')
[[ -z $tmp ]] || fail "temporary files left: $tmp"
echo "ok: SIGINT ends --watch with 130, no temporary files"

# Editing a --rules profile while watching: the profile is reloaded and the outputs rebuilt
# with the new one (not the profile loaded at start).
sed -e 's/^role "Backend Engineer"/role "Watch Engineer"/' -e '/^alias /d' \
    -e 's/^title "Backend Engineer"/title "Watch Engineer"/' \
    -e 's/^sections .*/sections summary, experience, skills, projects, education, certifications/' \
    "$SRC/templates/roles/backend-engineer.rules" > my.rules
cp "$SRC/samples/aysel.resume" in/cv.resume
rm -rf out2
"$T" build in/cv.resume --rules ./my.rules --format text --out-dir out2 --watch 2> watch2.err &
pid=$!
out=out2/cv-watch-engineer.txt
wait_for "[[ -f $out ]] && grep -Eq 'watching [0-9]+ files' watch2.err" || { cat watch2.err; fail "watch with --rules did not start"; }
first_heading() { grep -m1 -E '^(Summary|Skills)$' "$out"; }
[[ $(first_heading) == Summary ]] || fail "expected Summary first, got $(first_heading)"
sed -i 's/^sections .*/sections skills, summary, experience, projects, education, certifications/' my.rules
wait_for '[[ $(first_heading) == Skills ]]' || { cat watch2.err; fail "profile edit not applied while watching"; }
kill -INT "$pid"; wait "$pid"
echo "ok: an edited --rules profile is reloaded and applied by --watch"
