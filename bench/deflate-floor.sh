#!/usr/bin/env bash
# The deflate floor (issue 20): what deflating a PDF's own streams costs, with the bytes Tailor
# writes today (zlib at libharu's default level) and with libdeflate at three levels.
#   1. cold: every stream of one tailored PDF (samples/aysel.resume), as one process deflates
#      them;
#   2. warm: the streams of a batch of COUNT distinct resumes (bench_inputs), each distinct
#      content once (the batch's shared_deflate cache deflates a repeated font program, map
#      or ToUnicode once), divided by COUNT: what a further document of a batch deflates.
# deflate_floor.c checks that zlib gives exactly the PDF's bytes before it times anything.
#
# Usage: bench/deflate-floor.sh [TAILOR_BINARY]   (or $TAILOR; default build-bench/src/tailor)
# Environment: COUNT (20), ROUNDS (200), ROLE. libdeflate is timed when libdeflate-dev is
# installed (apt-get install libdeflate-dev); it is not a dependency of Tailor.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
tailor=$(bench_tailor "${1:-}")
bench_need cc python3
count=${COUNT:-20}
rounds=${ROUNDS:-200}
role=${ROLE:-Infrastructure Engineer}
work=$(mktemp -d /tmp/tailor-deflate.XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$BENCH_ROOT"

flags=() libs=(-lz)
if [[ -f /usr/include/libdeflate.h ]]; then
  flags=(-DWITH_LIBDEFLATE) libs+=(-ldeflate)
else
  echo "libdeflate-dev is not installed: zlib only"
fi
cc -O2 -Wall -Wextra "${flags[@]}" bench/deflate_floor.c -o "$work/deflate_floor" "${libs[@]}"

# extract OUT_DIR PDF...: each distinct deflated stream of the PDFs as OUT_DIR/NNN.raw (its
# contents) and OUT_DIR/NNN.z (the PDF's bytes); prints the pairs' paths.
extract() {
  /usr/bin/python3 -P - "$@" <<'PY'
import re, sys, zlib
out, pdfs = sys.argv[1], sys.argv[2:]
seen, k = set(), 0
for path in pdfs:
    data = open(path, "rb").read()
    for m in re.finditer(rb"stream\r?\n", data):
        d = zlib.decompressobj()
        try:
            raw = d.decompress(data[m.end():]) + d.flush()
        except zlib.error:
            continue  # not a deflated stream (an image's DCT, say)
        if not d.eof:
            continue
        z = data[m.end():len(data) - len(d.unused_data)]
        if raw in seen:
            continue
        seen.add(raw)
        open(f"{out}/{k:04d}.raw", "wb").write(raw)
        open(f"{out}/{k:04d}.z", "wb").write(z)
        print(f"{out}/{k:04d}.raw {out}/{k:04d}.z")
        k += 1
PY
}

bench_machine
echo "tailor: $tailor"

mkdir -p "$work/cold"
"$tailor" build samples/aysel.resume --role "$role" -o "$work/cold.pdf"
echo "== cold: one PDF ($(stat -c %s "$work/cold.pdf") bytes)"
# shellcheck disable=SC2046
"$work/deflate_floor" "$rounds" $(extract "$work/cold" "$work/cold.pdf")

bench_inputs "$work/in" "$count"
"$tailor" build "${BENCH_INPUTS[@]}" --role "$role" --format pdf --jobs 1 --out-dir "$work/out" \
  >/dev/null 2>&1
mkdir -p "$work/warm"
pairs=$(extract "$work/warm" "$work"/out/*.pdf)
echo "== warm: $count PDFs, distinct streams only; divide by $count for one document"
# shellcheck disable=SC2086
"$work/deflate_floor" "$((rounds / 10 > 5 ? rounds / 10 : 5))" $pairs
echo "load average after: $(bench_load)"
