#!/usr/bin/env bash
# The command-line I/O contract of issue 15, run as a user would in a shell: inputs through
# pipes are read once, every write to stdout is checked, special files are neither waited on
# nor replaced, SIGPIPE and SIGHUP stop a batch cleanly, binary formats stay off terminals,
# and --watch survives its folder being deleted and recreated.
# Args: TAILOR_BINARY SOURCE_DIR SCRATCH_DIR.
set -uo pipefail
T=$(readlink -f "$1") SRC=$(readlink -f "$2") W=$3
rm -rf "$W" && mkdir -p "$W" && cd "$W" || exit 1
CV=$SRC/samples/aysel.resume
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
name_of_cv=$(head -c 4096 "$CV" | sed -n 's/^name: *//p' | head -1)

# The reference text output, from the file itself.
"$T" build "$CV" -o ref.txt 2>/dev/null || fail "reference build"

stdin_pipe_input_is_read_once() {
  rm -f a.txt b.txt c.txt
  cat "$CV" | "$T" build /dev/stdin -o a.txt 2>a.err || fail "/dev/stdin build: exit $?"
  cmp -s a.txt ref.txt || fail "/dev/stdin: the output differs from the file's ($(wc -c <a.txt) bytes)"
  "$T" build <(cat "$CV") -o b.txt 2>b.err || fail "<(...) build: exit $?"
  cmp -s b.txt ref.txt || fail "<(...): the output differs from the file's"
  cat "$CV" | "$T" build - -o c.txt 2>c.err || fail "'-' build: exit $?"
  cmp -s c.txt ref.txt || fail "'-': the output differs from the file's"
  out=$(cat "$CV" | "$T" check -) || fail "check - : exit $?"
  [[ $out == "<stdin>: ok"* ]] || fail "check - said '$out'"
  # JSON through stdin needs --from (there is no extension to go by).
  "$T" convert "$CV" -o cv.json 2>/dev/null
  cat cv.json | "$T" build - --from json -o d.txt 2>/dev/null || fail "--from json: exit $?"
  grep -qF "$name_of_cv" d.txt || fail "--from json: the name is missing"
}

stdout_write_errors_exit_3() {
  local cmd rc
  for cmd in "convert $CV -t json" "match $CV --job $SRC/tests/fixtures/jobs/$(ls "$SRC/tests/fixtures/jobs" | head -1) --json" \
    "build $CV" "build $CV -o - --format pdf" "dump $CV" "check $CV"; do
    # shellcheck disable=SC2086
    "$T" $cmd >/dev/full 2>err.txt
    rc=$?
    [[ $rc == 3 ]] || fail "'$cmd > /dev/full' exited $rc, expected 3"
    grep -q "cannot write to standard output (/dev/full): No space left on device" err.txt ||
      fail "'$cmd > /dev/full' did not name the destination: $(tail -1 err.txt)"
  done
}

binary_formats_refused_on_a_terminal() {
  # script(1) gives tailor a pseudo-terminal as stdout.
  script -qec "$T build $CV --format pdf" /dev/null >tty.out 2>&1
  rc=$?
  [[ $rc == 2 ]] || fail "pdf to a terminal: exit $rc, expected 2"
  grep -q "refusing to write pdf to a terminal" tty.out || fail "pdf to a terminal: $(head -c 300 tty.out)"
  grep -q '%PDF' tty.out && fail "PDF bytes reached the terminal"
  # Through a pipe it is fine.
  "$T" build "$CV" --format pdf 2>/dev/null | head -c 5 | grep -q '%PDF' || fail "pdf to a pipe"
}

fifo_logo_does_not_hang() {
  mkfifo logo.png
  { grep -v '^name:' "$SRC/templates/styles/classic.style"; printf 'name: fifo\nlogo: %s\n' "$W/logo.png"; } >fifo.style
  timeout -k 5 10 "$T" build "$CV" --style ./fifo.style -o fifo.pdf 2>fifo.err
  rc=$?
  [[ $rc == 124 ]] && { fail "a FIFO logo made tailor hang"; return; }
  [[ $rc == 3 ]] || fail "FIFO logo: exit $rc, expected 3: $(cat fifo.err)"
  grep -q "FIFO" fifo.err || fail "FIFO logo: the message does not say FIFO: $(cat fifo.err)"
  [[ -e fifo.pdf ]] && fail "FIFO logo: an output was written"
  mkfifo job.txt
  timeout -k 5 10 "$T" match "$CV" --job job.txt >/dev/null 2>job.err
  rc=$?
  [[ $rc == 124 ]] && fail "a FIFO posting made tailor hang"
  [[ $rc == 3 ]] || fail "FIFO posting: exit $rc, expected 3"
}

special_outputs_are_refused() {
  mkfifo out.pdf
  timeout -k 5 10 "$T" build "$CV" -o out.pdf 2>sp.err
  rc=$?
  [[ $rc == 3 ]] || fail "-o FIFO: exit $rc, expected 3"
  [[ -p out.pdf ]] || fail "-o FIFO: the FIFO was replaced"
  ln -s /proc/self/fd/1 link.txt
  "$T" build "$CV" -o link.txt >/dev/null 2>sp.err
  rc=$?
  [[ $rc == 3 ]] || fail "-o symlink: exit $rc, expected 3"
  [[ -L link.txt ]] || fail "-o symlink: the link was replaced"
  # -o /dev/null as root: tested on a copy of the device (same major and minor), so a
  # regression can never replace the system's /dev/null.
  if [[ $(id -u) == 0 ]] && mknod null c 1 3 2>/dev/null; then
    "$T" build "$CV" -o null --format text 2>sp.err
    rc=$?
    [[ $rc == 3 ]] || fail "-o a character device as root: exit $rc, expected 3"
    [[ -c null ]] || fail "-o a character device: the device was replaced"
  fi
}

sigpipe_stops_the_batch_cleanly() {
  mkdir -p many
  for i in $(seq 1 200); do cp "$CV" "many/cv$i.resume"; done
  rm -rf pout
  "$T" build many/*.resume --format text --out-dir pout --jobs 2 2>&1 | head -c 1 >/dev/null
  rc=${PIPESTATUS[0]}
  [[ $rc == 3 ]] || fail "SIGPIPE on stderr: exit $rc, expected 3"
  tmp=$(find pout -name '.*.tmp-*' 2>/dev/null)
  [[ -z $tmp ]] || fail "SIGPIPE left temporary files: $tmp"
  [[ -f pout/.tailor-manifest ]] || fail "SIGPIPE: no manifest"
  listed=$(tail -n +2 pout/.tailor-manifest | cut -d' ' -f4- | LC_ALL=C sort)
  present=$(find pout -type f ! -name .tailor-manifest -printf '%P\n' | LC_ALL=C sort)
  [[ $listed == "$present" ]] || fail "SIGPIPE: manifest and files disagree"
  # stdout closed early: an I/O error, not a silent death.
  "$T" build "$CV" --format text 2>pipe.err | head -c 1 >/dev/null
  rc=${PIPESTATUS[0]}
  [[ $rc == 3 || $rc == 0 ]] || fail "closed stdout: exit $rc"
}

second_signal_ends_at_once() {
  mkfifo slow.resume
  "$T" build slow.resume -o slow.txt 2>slow.err &
  pid=$!
  sleep 0.3
  kill -TERM $pid
  sleep 0.3
  if kill -0 $pid 2>/dev/null; then
    kill -TERM $pid
    sleep 0.3
  fi
  if kill -0 $pid 2>/dev/null; then
    fail "tailor blocked on a FIFO input survived two SIGTERMs"
    kill -KILL $pid
  fi
  wait $pid
  rc=$?
  [[ $rc == 143 ]] || fail "SIGTERM while blocked on a FIFO input: exit $rc, expected 143"
  rm -f slow.resume
}

watch_survives_folder_recreation() {
  mkdir -p wdir
  cp "$CV" wdir/cv.resume
  rm -rf wout
  "$T" build wdir/cv.resume --out-dir wout --format text --watch 2>watch.err &
  pid=$!
  for _ in $(seq 100); do [[ -f wout/cv.txt ]] && break; sleep 0.05; done
  rm -rf wdir
  sleep 0.3
  mkdir wdir
  sed 's/^name: .*/name: Restored Name/' "$CV" >wdir/cv.resume
  for _ in $(seq 100); do grep -q "Restored Name" wout/cv.txt 2>/dev/null && break; sleep 0.05; done
  kill -INT $pid
  wait $pid
  grep -q "Restored Name" wout/cv.txt || fail "--watch went silent after its folder was recreated"
}

for t in stdin_pipe_input_is_read_once stdout_write_errors_exit_3 binary_formats_refused_on_a_terminal \
  fifo_logo_does_not_hang special_outputs_are_refused sigpipe_stops_the_batch_cleanly \
  second_signal_ends_at_once watch_survives_folder_recreation; do
  before=$failures
  $t
  ((failures == before)) && echo "ok: $t" || echo "FAILED: $t"
done
exit $((failures > 0))
