#!/usr/bin/env bash
# The persistent font-match cache (src/writer/pdf/font_cache.hpp) against a private fontconfig
# setup: a second build reuses the record and gives the same bytes; adding a font to a font
# folder makes the record stale, so the new face is found; a valid record does not start
# fontconfig; a corrupt record is ignored;
# TAILOR_FONT_CACHE=off writes none.
# Args: TAILOR_BINARY SOURCE_DIR SCRATCH_DIR
set -u
tailor=$1 src=$2 scratch=$3
rm -rf "$scratch" && mkdir -p "$scratch/fonts"
fail=0
die() { echo "FAIL: $*"; fail=1; }
dejavu=/usr/share/fonts/truetype/dejavu
[ -f "$dejavu/DejaVuSans.ttf" ] && [ -f "$dejavu/DejaVuSans-Bold.ttf" ] || {
  echo "FAIL: fonts-dejavu-core is not installed"
  exit 1
}
cp "$dejavu/DejaVuSans.ttf" "$scratch/fonts/"
cat > "$scratch/fonts.conf" <<CONF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>$scratch/fonts</dir>
  <cachedir>$scratch/fccache</cachedir>
</fontconfig>
CONF
printf 'body_font: DejaVu Sans\nheading_font: DejaVu Sans\n' > "$scratch/dejavu.style"
export FONTCONFIG_FILE="$scratch/fonts.conf" TAILOR_CACHE_DIR="$scratch/cache"
unset TAILOR_FONT_CACHE
build() { "$tailor" build --style "$scratch/dejavu.style" -o "$1" "$src/samples/aysel.resume"; }
record="$scratch/cache/fonts-1.cache"

build "$scratch/one.pdf" || die "first build failed"
[ -f "$record" ] || die "no cache record written at $record"
grep -q $'^face\tDejaVu Sans\t1\t0\t' "$record" || die "the record has no bold face: $(cat "$record")"
pdffonts "$scratch/one.pdf" | grep -q "DejaVuSans-Bold" && die "a bold face was embedded before one was installed"
sum1=$(sha256sum < "$record")

build "$scratch/two.pdf" || die "second build failed"
cmp -s "$scratch/one.pdf" "$scratch/two.pdf" || die "the build from the cache record differs"
[ "$(sha256sum < "$record")" = "$sum1" ] || die "a valid record was rewritten"
# A valid record answers alone: fontconfig is not started, so its configuration is not read
# (a record wrongly found stale is rewritten with the same bytes, which the check above misses).
if command -v strace >/dev/null; then
  opened=$(strace -f -e trace=open,openat -o /dev/stdout "$tailor" build --style "$scratch/dejavu.style" \
    -o "$scratch/two-b.pdf" "$src/samples/aysel.resume" 2>/dev/null)
  grep -q "fonts.conf" <<<"$opened" && die "a build with a valid record started fontconfig"
  cmp -s "$scratch/one.pdf" "$scratch/two-b.pdf" || die "the traced build differs"
else
  die "strace is not installed (scripts/packages-test.txt)"
fi

# Installing a face changes the font folder: the record is stale and fontconfig is asked again.
cp "$dejavu/DejaVuSans-Bold.ttf" "$scratch/fonts/"
build "$scratch/three.pdf" || die "build after adding a font failed"
pdffonts "$scratch/three.pdf" | grep -q "DejaVuSans-Bold" ||
  die "the newly installed bold face was not used (stale record trusted): $(pdffonts "$scratch/three.pdf")"
grep -q "DejaVuSans-Bold.ttf" "$record" || die "the record was not refreshed"

# A corrupt record is ignored, never trusted.
printf 'tailor font cache 1\nface\tDejaVu Sans\t1\t0\t0\t1\tDejaVu Sans\t/nonexistent.ttf\n' > "$record"
build "$scratch/four.pdf" || die "a corrupt record broke the build"
cmp -s "$scratch/three.pdf" "$scratch/four.pdf" || die "a corrupt record changed the output"

# TAILOR_FONT_CACHE=off: no record at all.
TAILOR_CACHE_DIR="$scratch/cache-off" TAILOR_FONT_CACHE=off build "$scratch/five.pdf" || die "build without cache failed"
[ ! -e "$scratch/cache-off" ] || die "TAILOR_FONT_CACHE=off still wrote $(ls "$scratch/cache-off")"
cmp -s "$scratch/three.pdf" "$scratch/five.pdf" || die "the uncached build differs"
# A record's font files are checked when their faces are used, not all at load: a record names
# every face any build asked for, world-text fallbacks included. A face this build does not
# use, with a file that is not as recorded, leaves the record valid (fontconfig not started)...
build "$scratch/six.pdf" || die "build before the unused face failed"
sed -i "/^end\$/i stamp\t1.0 0 0\t$scratch/fonts/Unused.ttf" "$record"
sed -i "/^end\$/i face\tUnused Family\t0\t0\t0\t1\tUnused Family\t$scratch/fonts/Unused.ttf" "$record"
opened=$(strace -f -e trace=open,openat,stat,newfstatat -o /dev/stdout "$tailor" build --style "$scratch/dejavu.style" \
  -o "$scratch/seven.pdf" "$src/samples/aysel.resume" 2>/dev/null)
grep -q "open.*fonts.conf" <<<"$opened" && die "an unused face's file made the record stale"
grep -q "Unused.ttf" <<<"$opened" && die "a build checked the file of a face it does not use"
cmp -s "$scratch/three.pdf" "$scratch/seven.pdf" || die "the build with an unused stale face differs"
# ...while a used face's file changed in place (its folder unchanged) makes the record stale.
touch -d '2001-02-03 04:05:06' "$scratch/fonts/DejaVuSans.ttf"
opened=$(strace -f -e trace=open,openat -o /dev/stdout "$tailor" build --style "$scratch/dejavu.style" \
  -o "$scratch/eight.pdf" "$src/samples/aysel.resume" 2>/dev/null)
grep -q "fonts.conf" <<<"$opened" || die "a changed font file in use did not make the record stale"
grep -q "Unused Family" "$record" && die "the stale record was not rewritten: $(cat "$record")"
cmp -s "$scratch/three.pdf" "$scratch/eight.pdf" || die "the build after the font file changed differs"
# A face the record lacks is asked of fontconfig and added; the rewritten record keeps no face
# whose file was never checked and is not as recorded.
sed -i "/^end\$/i stamp\t1.0 0 0\t$scratch/fonts/Unused.ttf" "$record"
sed -i "/^end\$/i face\tUnused Family\t0\t0\t0\t1\tUnused Family\t$scratch/fonts/Unused.ttf" "$record"
sed -i "/^face\tDejaVu Sans\t0\t1\t/d" "$record"
build "$scratch/nine.pdf" || die "build with a face missing from the record failed"
grep -q $'^face\tDejaVu Sans\t0\t1\t' "$record" || die "the missing face was not added: $(cat "$record")"
grep -q "Unused Family" "$record" && die "a rewritten record kept a face whose file is not as recorded"
cmp -s "$scratch/three.pdf" "$scratch/nine.pdf" || die "the build with a face missing from the record differs"
exit $fail
