#!/usr/bin/env bash
# What a process pays before any resume work (docs/performance.md, "Start-up"): the shared
# libraries it loads, and the pages it touches. Neither a PDF nor a DOCX build may load libzip
# or the libcrypto it links: the DOCX container is written with zlib, and libzip is opened on
# first use, by a LinkedIn import, which must still get it. With the static runtime (every
# build but the sanitizer ones)
# the binary needs no libstdc++, yaml-cpp, libcrypto or libzip. `tailor --version` touches at
# most 8 times the pages of /bin/true (4 times when measured; 14 times when a static
# initialiser wrote one word into each of 512 pages of .bss): a ratio, not a time. And a PDF
# build never lowers its heap's break: freed memory is kept, not faulted in twice; whole PDF
# and DOCX builds touch at most 16 and 11 times the pages of /bin/true, and a batch of 20
# documents at most 1.4 times those of one.
set -u
tailor=$1 src=$2 scratch=$3
fail=0
die() { echo "FAIL: $*"; fail=1; }
rm -rf "$scratch" && mkdir -p "$scratch"
cd "$scratch" || exit 1

needed=$(readelf -d "$tailor" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
# A sanitizer build (clang links its runtime statically and exports __asan_*/__ubsan_*)
# keeps yaml-cpp and libcrypto shared, and ASan's shadow memory changes the page counts.
sanitized=no
if [[ "$needed" == *libasan* || "$needed" == *libubsan* ]] ||
  nm -D "$tailor" 2>/dev/null | grep -q -e ' __asan_init' -e ' __ubsan_handle'; then
  sanitized=yes
fi
# Which shared objects a run opens (the dynamic loader's own list, dlopen included).
loaded() { LD_DEBUG=files "$@" 2>&1 >/dev/null | sed -n 's/.*file=\([^ ]*\) \[0\];  needed by.*/\1/p; s/.*file=\([^ ]*\) \[0\];  dynamically loaded by.*/\1/p'; }

# libcrypto is the one libzip pulls in; a binary that links it itself (the sanitizer builds keep
# it shared, for SHA-256) loads it anyway, and the static-link checks below cover the others.
unwanted="libzip libbz2"
grep -q "^libcrypto" <<<"$needed" || unwanted+=" libcrypto"
pdf_libs=$(loaded "$tailor" build "$src/samples/aysel.resume" -o aysel.pdf)
[ -s aysel.pdf ] || die "the PDF build failed"
for lib in $unwanted; do
  grep -q "$lib" <<<"$pdf_libs" && die "a PDF build loads $lib: $(tr '\n' ' ' <<<"$pdf_libs")"
done
docx_libs=$(loaded "$tailor" build "$src/samples/aysel.resume" -o aysel.docx)
[ "$(head -c 2 aysel.docx 2>/dev/null)" = "PK" ] || die "the DOCX build made no ZIP package"
for lib in $unwanted; do
  grep -q "$lib" <<<"$docx_libs" && die "a DOCX build loads $lib: $(tr '\n' ' ' <<<"$docx_libs")"
done
# Built with HarfBuzz from Debian's source (cmake/harfbuzz_source.cmake), a PDF build loads
# libharu and what it needs, and nothing of the HarfBuzz and fontconfig stack: a new shared
# object here costs every process its mapping and relocations (docs/performance.md).
if [ "${TAILOR_STATIC_PDF_STACK:-0}" = 1 ]; then
  for kind in PDF DOCX; do
    libs=$pdf_libs
    [ $kind = DOCX ] && libs=$docx_libs
    for lib in $libs; do
      case $(basename "$lib") in
        libhpdf-*.so | libpng16.so.16 | libz.so.1 | libm.so.6 | libc.so.6) ;;
        *) die "a $kind build with the static PDF stack loads $lib: $(tr '\n' ' ' <<<"$libs")" ;;
      esac
    done
  done
  [ "$(wc -w <<<"$pdf_libs")" -eq 5 ] || die "a PDF build loads $(wc -w <<<"$pdf_libs") shared objects, not 5: $(tr '\n' ' ' <<<"$pdf_libs")"
fi
zip_libs=$(loaded "$tailor" build "$src/tests/fixtures/import/linkedin/maximilian.zip" \
  --format text -o linkedin.txt)
grep -q "Maximilian" linkedin.txt 2>/dev/null || die "the LinkedIn export was not read"
grep -q "libzip" <<<"$zip_libs" || die "a LinkedIn import did not open libzip: $(tr '\n' ' ' <<<"$zip_libs")"

if [[ "$needed" == *libstdc++* || $sanitized == yes ]]; then
  echo "note: shared C++ runtime or sanitizers; the static-link checks are skipped"
else
  for lib in libstdc++ libgcc_s libyaml-cpp libcrypto libzip; do
    grep -q "^$lib" <<<"$needed" && die "the binary links $lib dynamically: $(tr '\n' ' ' <<<"$needed")"
  done
  # Freed heap stays in the process (src/cli/heap.cpp): a build that gives the top of its heap
  # back to the kernel faults the same pages in again (about 90 of a PDF build's faults).
  if command -v strace >/dev/null; then
    breaks=$(strace -e trace=brk -o /dev/stdout "$tailor" build "$src/samples/aysel.resume" \
      -o heap.pdf 2>/dev/null | sed -n 's/^brk(0x[0-9a-f]*) *= 0x\([0-9a-f]*\)$/\1/p')
    lowered=0 last=0
    for b in $breaks; do
      ((16#$b < last)) && lowered=$((lowered + 1))
      last=$((16#$b))
    done
    [ "$(wc -l <<<"$breaks")" -ge 2 ] || die "strace saw no heap growth in a PDF build"
    [ "$lowered" -eq 0 ] || die "a PDF build gave heap back to the kernel $lowered times (brk lowered)"
  else
    die "strace is not installed (scripts/packages-test.txt)"
  fi
  pages() { /usr/bin/time -f %R "$@" 2>&1 >/dev/null | tail -1; }
  base=$(pages /bin/true) ours=$(pages "$tailor" --version)
  if [[ "$base" =~ ^[0-9]+$ && "$ours" =~ ^[0-9]+$ ]]; then
    ((ours <= 8 * base)) || die "tailor --version touches $ours pages, /bin/true $base (bound: 8 times)"
    echo "pages: tailor --version $ours, /bin/true $base"
    # Whole builds, the same way: 10.8 times /bin/true for the PDF and 7.1 times for the DOCX
    # when measured (12 times for the PDF while the heap was trimmed); the bounds are 1.5 times
    # those, so a new shared object or a start-up copy of a large table trips them.
    pdf_pages=$(pages "$tailor" build "$src/samples/aysel.resume" -o pages.pdf)
    docx_pages=$(pages "$tailor" build "$src/samples/aysel.resume" -o pages.docx)
    ((pdf_pages <= 16 * base)) || die "a PDF build touches $pdf_pages pages, /bin/true $base (bound: 16 times)"
    ((docx_pages <= 11 * base)) || die "a DOCX build touches $docx_pages pages, /bin/true $base (bound: 11 times)"
    echo "pages: PDF build $pdf_pages, DOCX build $docx_pages"
    # A batch reuses its heap for each further document: 20 PDFs and DOCX of one resume touched
    # 1.14 times the pages of the single PDF when measured, 1.66 times when glibc mapped every
    # large buffer afresh (the mmap threshold fixed at 128 KB). Page counts are exact enough
    # for a tighter bound than times would be.
    mkdir -p batch-in
    for i in $(seq 1 20); do cp "$src/samples/aysel.resume" "batch-in/cv$i.resume"; done
    batch_pages=$(pages "$tailor" build batch-in/*.resume --format pdf,docx --out-dir batch-out --jobs 1)
    ((batch_pages * 10 <= pdf_pages * 14)) ||
      die "a batch of 20 PDF and DOCX touches $batch_pages pages, one PDF $pdf_pages (bound: 1.4 times)"
    echo "pages: batch of 20 PDF and DOCX $batch_pages"
  else
    die "cannot count page faults with /usr/bin/time: '$base' '$ours'"
  fi
fi
[ $fail -eq 0 ] && echo "startup: OK"
exit $fail
