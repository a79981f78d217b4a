#!/usr/bin/env bash
# The header's photo in real clients: each PNG colour type and JPEG colour space of
# tests/fixtures/photos is drawn in the PDF (pdfimages -list, the pixels under the frame match
# the RGB original's) and put in the DOCX (word/media/photo.*, its a:prstGeom); --anonymize
# and a style without photo_size leave it out; a missing file or a FIFO is a warning.
# Args: TAILOR_BINARY SOURCE_DIR SCRATCH_DIR
set -u
tailor=$1 src=$2 scratch=$3
rm -rf "$scratch" && mkdir -p "$scratch"
fail=0
die() { echo "FAIL: $*"; fail=1; }
export SOURCE_DATE_EPOCH=1700000000 TZ=UTC

resume() {  # resume FILE PHOTO
  printf 'name: Lalə Məmmədova\nheadline: SRE\nphoto: %s\nemail: lale@example.az\n\n== Experience\n=== SRE | Azercell | Bakı | 2020-01 – 2024-02\n- Ran the on-call rota\n' "$2" >"$1"
}
# The colour under the middle of the photo frame, from a 72 dpi render: the frame is the
# non-white region at the top right of page 1 in classic.
centre_rgb() {
  pdftoppm -r 72 -f 1 -l 1 -singlefile "$1" "$scratch/page" >/dev/null 2>&1
  /usr/bin/python3 -P - "$scratch/page.ppm" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
parts, pos = [], 0
while len(parts) < 4:  # P6 width height maxval, separated by white space
    while data[pos:pos + 1].isspace():
        pos += 1
    end = pos
    while not data[end:end + 1].isspace():
        end += 1
    parts.append(data[pos:end])
    pos = end
w, h = int(parts[1]), int(parts[2])
px = data[pos + 1:]
# Scan the top 112 px right of the header text (which classic narrows to leave the photo its
# place) for non-white pixels; print their bounding box's width and centre colour.
xs, ys = [], []
for y in range(0, 112):  # the photo: 57 to 119 pt from the top; the first rule is lower
    for x in range(w * 80 // 100, w):
        r, g, b = px[(y * w + x) * 3:(y * w + x) * 3 + 3]
        if r + g + b < 720:
            xs.append(x)
            ys.append(y)
if not xs:
    print("none")
else:
    cx, cy = (min(xs) + max(xs)) // 2, (min(ys) + max(ys)) // 2
    i = (cy * w + cx) * 3
    print(max(xs) - min(xs) + 1, *px[i:i + 3])
PY
}

ref=""
for img in rgb.png rgba.png palette.png gray.png rgb16.png rgb.jpg cmyk.jpg gray.jpg; do
  dir="$scratch/${img//./-}"
  mkdir -p "$dir"
  cp "$src/tests/fixtures/photos/$img" "$dir/$img"
  resume "$dir/cv.resume" "$img"
  if ! "$tailor" build --style classic -o "$dir/cv.pdf" "$dir/cv.resume" 2>"$dir/err"; then
    die "$img: PDF build failed: $(cat "$dir/err")"
    continue
  fi
  [ -s "$dir/err" ] && die "$img: warnings: $(cat "$dir/err")"
  n=$(pdfimages -list "$dir/cv.pdf" | tail -n +3 | awk '$3 == "image"' | wc -l)
  [ "$n" -eq 1 ] || die "$img: pdfimages lists $n images, want 1"
  qpdf --check "$dir/cv.pdf" >/dev/null 2>&1 || die "$img: qpdf --check"
  got=$(centre_rgb "$dir/cv.pdf")
  case $img in
    rgb.png) ref=$got ;;
    gray.*) ;;  # grey: only that something is drawn
  esac
  [ "$got" != none ] || die "$img: nothing drawn where the photo goes"
  if [ -n "$ref" ]; then
    read -r rw _ <<<"$ref"
    [ "$rw" = "${got%% *}" ] || die "$img: frame ${got%% *} px wide, the RGB PNG's is $rw"
  fi
  if [ -n "$ref" ] && [ "${img%%.*}" != gray ]; then
    # Same frame size, and colours within 40 of the RGB PNG's (JPEG loss, 16 palette colours).
    read -r rw rr rg rb <<<"$ref"
    read -r gw gr gg gb <<<"$got"
    for pair in "$rr $gr" "$rg $gg" "$rb $gb"; do
      set -- $pair
      d=$(($1 - $2))
      [ ${d#-} -le 40 ] || die "$img: centre colour $gr,$gg,$gb far from the RGB PNG's $rr,$rg,$rb"
    done
  fi
  "$tailor" build --style classic -o "$dir/cv.docx" "$dir/cv.resume" 2>/dev/null || die "$img: DOCX build"
  ext=${img##*.}
  [ "$ext" = jpg ] && ext=jpeg
  unzip -l "$dir/cv.docx" | grep -q "word/media/photo.$ext" || die "$img: no word/media/photo.$ext in the DOCX"
  unzip -p "$dir/cv.docx" word/document.xml | grep -q 'prst="ellipse"' || die "$img: no ellipse geometry (classic's circle)"
  echo "ok $img: PDF image drawn ($got), DOCX word/media/photo.$ext"
done

dir="$scratch/rgb-jpg"
# Shapes: modern is rounded on the left, compact square; engineering shows none.
"$tailor" build --style modern -o "$dir/m.docx" "$dir/cv.resume" 2>/dev/null
unzip -p "$dir/m.docx" word/document.xml | grep -q 'prst="roundRect"' || die "modern: no roundRect"
"$tailor" build --style engineering -o "$dir/e.pdf" "$dir/cv.resume" 2>/dev/null
[ "$(pdfimages -list "$dir/e.pdf" | tail -n +3 | wc -l)" -eq 0 ] || die "engineering drew a photo"
# --anonymize removes it from both.
"$tailor" build --anonymize --style classic -o "$dir/a.pdf" "$dir/cv.resume" 2>/dev/null || die "anonymize PDF"
[ "$(pdfimages -list "$dir/a.pdf" | tail -n +3 | wc -l)" -eq 0 ] || die "--anonymize kept the photo in the PDF"
"$tailor" build --anonymize --style classic -o "$dir/a.docx" "$dir/cv.resume" 2>/dev/null || die "anonymize DOCX"
unzip -l "$dir/a.docx" | grep -q "word/media/photo" && die "--anonymize kept the photo in the DOCX"
# A missing file and a FIFO: a located warning each, the resume still builds, nothing blocks.
resume "$scratch/missing.resume" "nowhere.jpg"
"$tailor" build --style classic -o "$scratch/missing.pdf" "$scratch/missing.resume" 2>"$scratch/err" || die "missing photo failed the build"
grep -q "missing.resume:3:8: warning: cannot read the photo" "$scratch/err" || die "missing photo: $(cat "$scratch/err")"
mkfifo "$scratch/fifo.jpg"
resume "$scratch/fifo.resume" "fifo.jpg"
timeout 20 "$tailor" build --style classic -o "$scratch/fifo.pdf" "$scratch/fifo.resume" 2>"$scratch/err" || die "a FIFO photo failed or blocked the build"
grep -q "warning: cannot read the photo" "$scratch/err" || die "FIFO photo: $(cat "$scratch/err")"
timeout 20 "$tailor" build --style classic -o "$scratch/fifo.docx" "$scratch/fifo.resume" 2>"$scratch/err" || die "a FIFO photo failed or blocked the DOCX"
exit $fail
