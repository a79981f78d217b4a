# shellcheck shell=bash
# Shared by the bench/*.sh scripts (sourced, not run): the tailor binary, the source root,
# a scratch folder, the batch inputs, the load average, and small checks. Not a benchmark by
# itself.

# The source root, whatever the caller's working directory.
BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# The tailor binary: first argument, else $TAILOR, else build-bench/src/tailor (a fresh
# `cmake -B build-bench -G Ninja -DTAILOR_BUILD_BENCH=ON -DCMAKE_BUILD_TYPE=Release` build).
bench_tailor() {
  local t=${1:-${TAILOR:-$BENCH_ROOT/build-bench/src/tailor}}
  [[ $t == */* ]] || t=$(command -v "$t" || echo "$t")
  if [[ ! -x $t ]]; then
    echo "bench: no tailor binary at $t (give its path as the first argument or in \$TAILOR)" >&2
    exit 2
  fi
  (cd "$(dirname "$t")" && echo "$(pwd)/$(basename "$t")")
}

# Where the hyperfine exports go: $RESULTS_DIR, else build-bench/bench-results.
bench_results_dir() {
  local d=${RESULTS_DIR:-$BENCH_ROOT/build-bench/bench-results}
  mkdir -p "$d"
  (cd "$d" && pwd)
}

# A batch's inputs: bench_inputs DIR COUNT writes COUNT resumes DIR/cv000.resume ... (the
# samples in turn, each with its own first x last name pair, so no two inputs are the same
# document) and sets the array BENCH_INPUTS to their paths, in order.
bench_inputs() {
  local dir=$1 count=$2 i f name
  local first=(Aysel Kamran Ləman Nigar Orxan Rəşad Səbinə Tural Ülviyyə Elçin)
  local last=(Hüseynova Əliyev Məmmədova Qasımov İsmayılova Rzayev Babayeva Quliyev Şükürova
    Nəsirov Kərimova Abbasov Həsənova Cəfərov Mehdiyeva Səfərov Əhmədova Bağırov Zeynalova
    Vəliyev)
  local samples=("$BENCH_ROOT"/samples/*.resume)
  mkdir -p "$dir"
  BENCH_INPUTS=()
  for ((i = 0; i < count; i++)); do
    f=$(printf '%s/cv%03d.resume' "$dir" "$i")
    name="${first[i % ${#first[@]}]} ${last[(i / ${#first[@]}) % ${#last[@]}]}"
    sed "s/^name:.*/name:     $name/" "${samples[i % ${#samples[@]}]}" >"$f"
    BENCH_INPUTS+=("$f")
  done
}

bench_need() {
  local tool
  for tool in "$@"; do
    if ! command -v "$tool" >/dev/null; then
      echo "bench: $tool is not installed (Debian package: see scripts/packages-test.txt)" >&2
      exit 2
    fi
  done
}

# The machine, for the record: cores, load average now, tool versions.
bench_machine() {
  echo "machine: $(nproc) cores, $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

bench_load() { cut -d' ' -f1-3 /proc/loadavg; }

# A field of a hyperfine JSON export, in milliseconds: bench_ms FILE INDEX FIELD (mean, median,
# stddev, min, max, user, system).
bench_ms() {
  /usr/bin/python3 -P -c '
import json, sys
r = json.load(open(sys.argv[1]))["results"][int(sys.argv[2])]
print("%.2f" % (r[sys.argv[3]] * 1000))' "$@"
}

# Mean CPU time (user + system) of a hyperfine result, in milliseconds: bench_cpu_ms FILE INDEX.
# Steadier than wall time on a loaded machine, where waiting for a core inflates wall time.
bench_cpu_ms() {
  /usr/bin/python3 -P -c '
import json, sys
r = json.load(open(sys.argv[1]))["results"][int(sys.argv[2])]
print("%.2f" % ((r["user"] + r["system"]) * 1000))' "$@"
}

# a / b with two decimals.
bench_ratio() {
  /usr/bin/python3 -P -c 'import sys; print("%.2f" % (float(sys.argv[1]) / float(sys.argv[2])))' "$@"
}

# "yes" when a <= b (floats), else "no".
bench_le() {
  /usr/bin/python3 -P -c 'import sys; print("yes" if float(sys.argv[1]) <= float(sys.argv[2]) else "no")' "$@"
}
