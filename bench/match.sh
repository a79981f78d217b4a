#!/usr/bin/env bash
# Ranking at scale (issue 17): `tailor match --job POSTING --csv` over COUNT generated resumes
# with --jobs JOBS (hyperfine), then the per-core throughput of a sharded build (one shard of
# the same inputs, --jobs 1, tailored PDFs) that docs/scale.md quotes.
#
# Usage: bench/match.sh [TAILOR_BINARY]   (or $TAILOR; default build-bench/src/tailor)
# Environment: COUNT (1000), JOBS (2), RUNS (10), WARMUP (2), BUILD_COUNT (200), RESULTS_DIR.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
tailor=$(bench_tailor "${1:-}")
bench_need hyperfine
count=${COUNT:-1000}
jobs=${JOBS:-2}
runs=${RUNS:-10}
warmup=${WARMUP:-2}
build_count=${BUILD_COUNT:-200}
results=$(bench_results_dir)
work=$(mktemp -d /tmp/tailor-match.XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$BENCH_ROOT"
posting=tests/fixtures/jobs/infrastructure.txt

# Inputs: the samples in turn, each a different person (name and e-mail), so no two inputs
# are the same document and every reference differs.
samples=(samples/*.resume)
mkdir -p "$work/in"
for ((i = 0; i < count; i++)); do
  f=$(printf '%s/in/cv%04d.resume' "$work" "$i")
  sed -e "s/^name:.*/name:     Person $i Example/" -e "s/^email:.*/email:    person$i@example.org/" \
    "${samples[i % ${#samples[@]}]}" >"$f"
done

# The ranking must succeed and list every resume.
"$tailor" match --job "$posting" --csv --jobs "$jobs" "$work"/in/*.resume >"$work/rank.csv"
rows=$(($(wc -l <"$work/rank.csv") - 1))
if ((rows != count)); then
  echo "bench: expected $count ranked rows, found $rows" >&2
  exit 1
fi

bench_machine
echo "tailor: $tailor"
echo "match: $count resumes from ${#samples[@]} samples against $posting, --csv --jobs $jobs"
load_before=$(bench_load)
hyperfine -N --warmup "$warmup" --runs "$runs" \
  --export-json "$results/match.json" \
  -n "match $count --csv --jobs $jobs" \
  "$tailor match --job $posting --csv --jobs $jobs $(echo "$work"/in/*.resume)"
median=$(bench_ms "$results/match.json" 0 median)
echo "load average: before $load_before, after $(bench_load)"
echo "match wall: median $median ms; CPU (user+sys) $(bench_cpu_ms "$results/match.json" 0) ms (target < 2000 ms: $(bench_le "$median" 2000))"

# Per-core build throughput: shard 0/1 of the first BUILD_COUNT inputs, --jobs 1, one role, PDF.
inputs=("$work"/in/cv0*.resume)
inputs=("${inputs[@]:0:$build_count}")
hyperfine -N --warmup 1 --runs 3 --prepare "rm -rf $work/out" \
  --export-json "$results/shard-build.json" -n "build $build_count pdf --jobs 1 --shard 0/1" \
  "$tailor build ${inputs[*]} --role Backend\\ Engineer --format pdf --out-dir $work/out --jobs 1 --shard 0/1"
bmedian=$(bench_ms "$results/shard-build.json" 0 median)
rate=$(/usr/bin/python3 -P -c "print('%.1f' % ($build_count / ($bmedian / 1000)))")
echo "build per core: $build_count tailored PDFs in $bmedian ms median = $rate resumes/s"
mrate=$(/usr/bin/python3 -P -c "print('%.0f' % ($count / ($median / 1000) / $jobs))")
echo "match per core: $mrate resumes/s"
