#!/usr/bin/env bash
# The hostile-input corpus runner: every tests/hostile/**/*.expect is one case (format in
# tests/hostile/README.md). Runs the real tailor binary from the source root, so paths in the
# golden stderr read tests/hostile/...; checks the exit code, the exact stderr, and output
# properties with real clients (qpdf, pdftotext, python-docx, unzip). Adding a case is adding
# files: nothing here names a case.
# Usage: hostile.sh TAILOR_BINARY SOURCE_DIR SCRATCH_DIR [CASE-SUBSTRING]
set -u
tailor=$(readlink -f "$1")
src=$(readlink -f "$2")
scratch_root=$3
only=${4:-}
mkdir -p "$scratch_root"
scratch_root=$(readlink -f "$scratch_root")
py=/usr/bin/python3
cd "$src" || exit 1

pass=0
fail=0
failed=()

# Runs one case; prints why it failed and returns 1 on failure.
run_case() {
  local expect=$1
  local rel=${expect#"$src"/}
  local dir stem name
  dir=$(dirname "$rel")
  stem=$(basename "$rel" .expect)
  name="${dir#tests/hostile/}/$stem"
  local scratch="$scratch_root/${name//\//_}"
  rm -rf "$scratch"
  mkdir -p "$scratch/out"

  local args="" want_exit="" input="" in_golden=0 golden="" stdin_from="" stdout_to=""
  local -a checks=() setups=()
  while IFS= read -r line || [[ -n $line ]]; do
    if ((in_golden)); then
      golden+="$line"$'\n'
      continue
    fi
    case $line in
      '#'* | '') ;;
      'args: '*) args=${line#args: } ;;
      'exit: '*) want_exit=${line#exit: } ;;
      'input: '*) input=${line#input: } ;;
      'stdin: '*) stdin_from=${line#stdin: } ;;
      'stdout: '*) stdout_to=${line#stdout: } ;;
      'generate: '*)
        local spec=${line#generate: }
        local ext=${spec%% *} expr=${spec#* }
        input="$scratch/$stem$ext"
        if ! "$py" -P -c "import sys
v = ${expr}
open(sys.argv[1], 'wb').write(v.encode() if isinstance(v, str) else v)" "$input"; then
          echo "$name: cannot generate the input"
          return 1
        fi
        ;;
      'setup: '*) setups+=("${line#setup: }") ;;
      '--- stderr') in_golden=1 ;;
      *) checks+=("$line") ;;
    esac
  done <"$expect"

  if [[ -z $input ]]; then
    local -a siblings=()
    for f in "$dir/$stem".*; do
      [[ $f == *.expect ]] || siblings+=("$f")
    done
    if ((${#siblings[@]} == 1)); then input=${siblings[0]}; fi
  fi
  if [[ -z $args || -z $want_exit ]]; then
    echo "$name: the .expect file needs 'args:' and 'exit:' lines"
    return 1
  fi
  local out="$scratch/out"
  args=${args//\{in\}/$input}
  args=${args//\{out\}/$out}
  args=${args//\{scratch\}/$scratch}
  args=${args//\{src\}/$src}

  local setup
  for setup in "${setups[@]}"; do
    setup=${setup//\{in\}/$input}
    setup=${setup//\{out\}/$out}
    # shellcheck disable=SC2086 # a setup line is split into words on purpose
    if ! do_setup "$name" $setup; then
      return 2  # do_setup said why
    fi
  done
  local before=""
  [[ -f $input ]] && before=$(sha256sum <"$input")

  local -a argv
  eval "argv=($args)"
  local rc
  if [[ -n $stdin_from || -n $stdout_to ]]; then
    # stdin: FILE comes through a pipe (read once, as `cat FILE | tailor ...`); stdout: PATH
    # sends standard output there (e.g. /dev/full).
    stdin_from=${stdin_from//\{in\}/$input}
    cat "${stdin_from:-/dev/null}" | "$tailor" "${argv[@]}" >"${stdout_to:-$scratch/stdout}" 2>"$scratch/stderr"
    rc=${PIPESTATUS[1]}
    [[ -n $stdout_to ]] && : >"$scratch/stdout"
  else
    "$tailor" "${argv[@]}" >"$scratch/stdout" 2>"$scratch/stderr" </dev/null
    rc=$?
  fi
  local ok=0
  if [[ $rc != "$want_exit" ]]; then
    echo "$name: exit $rc, expected $want_exit"
    head -c 2000 "$scratch/stderr"
    ok=1
  fi
  if ((in_golden)); then
    # Paths under the scratch folder are machine-specific, and build prints its time.
    sed -E -e "s|$scratch|{scratch}|g" -e 's| in [0-9.]+ s \([0-9.]+/s\)$| in {time}|' \
      "$scratch/stderr" >"$scratch/stderr.shown"
    if [[ ${UPDATE_GOLDEN:-} == 1 ]]; then
      sed -n '1,/^--- stderr$/p' "$expect" >"$scratch/expect.new"
      cat "$scratch/stderr.shown" >>"$scratch/expect.new"
      cp "$scratch/expect.new" "$expect"
      golden=$(cat "$scratch/stderr.shown"; printf x)
      golden=${golden%x}
    fi
    if ! diff -u <(printf '%s' "$golden") "$scratch/stderr.shown" >"$scratch/stderr.diff"; then
      echo "$name: stderr differs from the golden text in $rel:"
      head -c 4000 "$scratch/stderr.diff"
      ok=1
    fi
  fi
  local check
  for check in "${checks[@]}"; do
    case $check in
      'stderr-has: '*)
        if ! grep -qF -- "${check#stderr-has: }" "$scratch/stderr"; then
          echo "$name: stderr lacks '${check#stderr-has: }'"
          ok=1
        fi
        ;;
      'stdout-has: '*)
        if ! grep -qF -- "${check#stdout-has: }" "$scratch/stdout"; then
          echo "$name: stdout lacks '${check#stdout-has: }'"
          ok=1
        fi
        ;;
      'stdout-lacks: '*)
        if grep -qiF -- "${check#stdout-lacks: }" "$scratch/stdout"; then
          echo "$name: stdout contains '${check#stdout-lacks: }'"
          ok=1
        fi
        ;;
      'stderr-lines: '*)
        local n
        n=$(wc -l <"$scratch/stderr")
        if ((n > ${check#stderr-lines: })); then
          echo "$name: stderr has $n lines, at most ${check#stderr-lines: } expected"
          ok=1
        fi
        ;;
      'outputs: '*)
        # The files the run must leave in {out}, sorted, space-separated ("none" for none).
        local want=${check#outputs: } got
        got=$(cd "$out" && find . -mindepth 1 | sed 's|^\./||' | sort | tr '\n' ' ' | sed 's/ $//')
        [[ $want == none ]] && want=""
        if [[ $got != "$want" ]]; then
          echo "$name: {out} holds '$got', expected '$want'"
          ok=1
        fi
        ;;
      'input-intact')
        if [[ $(sha256sum <"$input") != "$before" ]]; then
          echo "$name: the input file was changed"
          ok=1
        fi
        ;;
      'file-has: '*)
        local spec=${check#file-has: }
        local file=${spec%% *} text=${spec#* }
        file=${file//\{out\}/$out}
        if ! grep -qF -- "$text" "$file" 2>/dev/null; then
          echo "$name: ${file#"$scratch"/} lacks '$text'"
          ok=1
        fi
        ;;
      'outputs-safe')
        if ! "$py" -P "$src/tests/hostile/check_outputs.py" "$out" "$scratch/stdout"; then
          echo "$name: an output failed its client checks (above)"
          ok=1
        fi
        ;;
      'pdftext-has: '*)
        local word=${check#pdftext-has: } pdf found=0
        for pdf in "$out"/*.pdf; do
          if [[ -f $pdf ]] && pdftotext -enc UTF-8 "$pdf" - | tr -d '\n' | grep -qF -- "$word"; then
            found=1
          fi
        done
        if ((!found)); then
          echo "$name: no PDF in {out} has the text '${word:0:40}…' (pdftotext)"
          ok=1
        fi
        ;;
      'pdf-pages-at-most: '*)
        local most=${check#pdf-pages-at-most: } pdf pages
        for pdf in "$out"/*.pdf; do
          pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
          if [[ -z $pages || $pages -gt $most ]]; then
            echo "$name: $(basename "$pdf") has ${pages:-no} pages, more than $most (pdfinfo)"
            ok=1
          fi
        done
        ;;
      'docxtext-has: '*)
        local word=${check#docxtext-has: } docx found=0
        for docx in "$out"/*.docx; do
          if [[ -f $docx ]] && "$py" -P -c "import docx,sys; d=docx.Document(sys.argv[1]); sys.exit(0 if sys.argv[2] in ''.join(p.text for p in d.paragraphs) else 1)" "$docx" "$word"; then
            found=1
          fi
        done
        if ((!found)); then
          echo "$name: no DOCX in {out} has the text '${word:0:40}…' (python-docx)"
          ok=1
        fi
        ;;
      *)
        echo "$name: unknown check '$check' in $rel"
        ok=1
        ;;
    esac
  done
  return $ok
}

mounts=()
cleanup() {
  local m
  for m in "${mounts[@]}"; do umount "$m" 2>/dev/null; done
}
trap cleanup EXIT

# Prepares the scene of a case. Returns 1 (after saying why) when this machine cannot, e.g.
# mounting a tiny file system needs root; the in-process tests cover the same path then.
do_setup() {
  local name=$1 kind=$2
  shift 2
  case $kind in
    mkdir) mkdir -p "$@" ;;
    fifo) mkfifo "$1" ;;
    chardev)
      # chardev PATH: a copy of /dev/null (root only), so `-o` on a device is tested without
      # ever risking the system's own /dev/null.
      if [[ $(id -u) != 0 ]] || ! mknod "$1" c 1 3 2>/dev/null; then
        echo "$name: skipped (cannot make a device node here)"
        return 1
      fi
      ;;
    symlink) ln -s "$1" "$2" ;;
    write) mkdir -p "$(dirname "$1")" && printf '%s' "${*:2}" >"$1" ;;
    tmpfs)
      # tmpfs DIR SIZE [ro]: a small file system, to fill it or to make it read-only.
      mkdir -p "$1"
      local opts="size=$2"
      if [[ $(id -u) != 0 ]] || ! mount -t tmpfs -o "$opts" tmpfs "$1" 2>/dev/null; then
        echo "$name: skipped (cannot mount a tmpfs here; covered by the fault-injection test)"
        return 1
      fi
      mounts+=("$1")
      ;;
    fill)
      # fill DIR: a filler file takes all the space that is left.
      head -c 100000000 /dev/zero >"$1/filler" 2>/dev/null
      return 0  # the write stops at ENOSPC, as intended
      ;;
    readonly)
      # readonly DIR: remount a tmpfs read-only (root) or take the write bit away.
      if [[ $(id -u) == 0 ]]; then
        mount -o remount,ro "$1" || return 1
      else
        chmod a-w "$1"
      fi
      ;;
    *)
      echo "$name: unknown setup '$kind'"
      return 1
      ;;
  esac
}

skipped=0
cases=$(find "$src/tests/hostile" -name '*.expect' | sort)
if [[ -z $cases ]]; then
  echo "no cases found under tests/hostile"
  exit 1
fi
for expect in $cases; do
  [[ -n $only && $expect != *"$only"* ]] && continue
  run_case "$expect"
  case $? in
    0) pass=$((pass + 1)) ;;
    2) skipped=$((skipped + 1)) ;;
    *)
      fail=$((fail + 1))
      failed+=("${expect#"$src"/tests/hostile/}")
      ;;
  esac
  cleanup
  mounts=()
done
echo "hostile corpus: $pass passed, $fail failed, $skipped skipped"
if ((fail > 0)); then
  printf '  failed: %s\n' "${failed[@]}"
  exit 1
fi
