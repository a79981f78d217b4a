#!/usr/bin/env bash
# The HTML page in a real browser: every sample x style is loaded by ONE headless Chromium
# (html_cdp.py, DevTools over a pipe), with no console message, error or fetch; each page is
# printed to PDF and pdftotext of that PDF holds every word of the resume in order; tidy finds
# no error; the photo and a style's logo are embedded (data: URIs of the files' bytes), decoded
# by the browser at the style's size, shape and side, and printed; the page has no script but its JSON-LD, whose Person data parses; a hostile resume
# cannot close the JSON-LD script or inject markup.
# Args: TAILOR_BINARY SOURCE_DIR SCRATCH_DIR
set -u
tailor=$1 src=$2 scratch=$3
rm -rf "$scratch" && mkdir -p "$scratch"
fail=0
die() { echo "FAIL: $*"; fail=1; }

cat > "$scratch/hostile.resume" <<'R'
name:     Ada </script><script>alert(1)</script>
headline: "Quoted" & 'apostrophes' <!-- <b>bold?</b>
email:    ada@example.com
link:     Bad <javascript:alert(1)>
link:     Site <https://ada.example.com/?a=1&b="2">

== Experience & <Work>
=== Engineer | R&D <Labs> | Gəncə | 2020-01 – present
- Kept &amp; and ]]> and "quotes" literal; see [docs](https://example.com/a b)
R

shopt -s nullglob
pages=()
for sample in "$src"/samples/*.resume "$src"/samples/*.json "$scratch/hostile.resume"; do
  base=$(basename "${sample%.*}")
  for style in classic modern compact; do
    [ "$base" = hostile ] && [ "$style" != classic ] && continue
    page="$scratch/$base-$style.html"
    if ! "$tailor" build --style $style --format html -o "$page" "$sample" 2> "$scratch/err"; then
      die "$base/$style: build failed: $(cat "$scratch/err")"; continue
    fi
    "$tailor" build --style $style --format text "$sample" > "$scratch/$base-$style.txt" 2>/dev/null
    tidy -errors -q "$page" > /dev/null 2> "$scratch/tidy"
    grep -q 'Error:' "$scratch/tidy" && die "$base/$style: tidy: $(grep Error: "$scratch/tidy" | head -3)"
    # No script but the JSON-LD data block, and it parses as schema.org Person.
    n=$(grep -o '<script' "$page" | wc -l)
    [ "$n" -eq 1 ] || die "$base/$style: $n script elements"
    sed -n 's:.*<script type="application/ld+json">\(.*\)</script>.*:\1:p' "$page" \
      | /usr/bin/python3 -P -c 'import json,sys; d=json.load(sys.stdin); sys.exit(0 if d["@type"]=="Person" and d["name"] else 1)' \
      || die "$base/$style: JSON-LD does not parse as a Person"
    grep -Eq '<html lang="[^"]+" dir="(ltr|rtl)">' "$page" || die "$base/$style: no lang and dir"
    pages+=("$page")
  done
done

# The header's pictures: the photo, and a style's logo, embedded as data: URIs (the page stays
# one file), shaped and placed as in the PDF; checked in the browser below.
cp "$src/tests/fixtures/photos/rgb.jpg" "$scratch/face.jpg"
cp "$src/tests/fixtures/photos/palette.png" "$scratch/acme-logo.png"
printf 'name: Lalə Məmmədova\nheadline: SRE\nphoto: face.jpg\nemail: lale@example.az\n\n== Experience\n=== SRE | Azercell | Bakı | 2020-01 – 2024-02\n- Ran the on-call rota\n' > "$scratch/photo.resume"
printf 'name: נועה כהן\nheadline: מהנדסת תוכנה\nphoto: face.jpg\n\n== ניסיון\n=== מהנדסת | וויקס | תל אביב | 2017-02 – 2021-03\n- כתבתי את מערכת ההתאמות\n' > "$scratch/photo-he.resume"
printf 'extends: classic\nlogo: acme-logo.png\n' > "$scratch/agency.style"
img_pages=()
for case in classic:photo modern:photo compact:photo "$scratch/agency.style":photo classic:photo-he; do
  style=${case%:*} resume=${case##*:}
  page="$scratch/img-$(basename "${style%.style}")-$resume.html"
  if ! "$tailor" build --style "$style" --format html -o "$page" "$scratch/$resume.resume" 2> "$scratch/err" || [ -s "$scratch/err" ]; then
    die "$page: build failed or warned: $(cat "$scratch/err")"; continue
  fi
  tidy -errors -q "$page" > /dev/null 2> "$scratch/tidy"
  grep -q 'Error:' "$scratch/tidy" && die "$page: tidy: $(grep Error: "$scratch/tidy" | head -3)"
  # The data: URI holds the file's bytes exactly.
  /usr/bin/python3 -P - "$page" "$scratch/face.jpg" "$scratch/acme-logo.png" <<'PY' || die "$page: the embedded pictures are not the files"
import base64, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
imgs = re.findall(r'<img class="(\w+)" src="data:(image/\w+);base64,([A-Za-z0-9+/=]+)" alt="([^"]*)">', page)
want = {"photo": ("image/jpeg", sys.argv[2])}
if "agency" in sys.argv[1]: want["logo"] = ("image/png", sys.argv[3])
assert sorted(c for c, *_ in imgs) == sorted(want), imgs and [c for c, *_ in imgs]
for cls, mime, data, alt in imgs:
    assert mime == want[cls][0], (cls, mime)
    assert base64.b64decode(data, validate=True) == open(want[cls][1], "rb").read(), cls
PY
  img_pages+=("$page")
done

# One browser for every page; a screenshot of the first few.
timeout 300 /usr/bin/python3 -P "$src/tests/clients/html_cdp.py" --screenshot --images "${img_pages[@]}" "${pages[@]}" > "$scratch/cdp" 2>&1 \
  || die "chromium: $(head -5 "$scratch/cdp")"
for page in "${pages[@]}"; do
  b=$(basename "${page%.html}")
  [ -s "$page.print.pdf" ] || { die "$b: not printed"; continue; }
  pdftotext -enc UTF-8 "$page.print.pdf" "$page.print.txt" 2>/dev/null
  /usr/bin/python3 -P "$src/tests/clients/pdf_words.py" "$scratch/$b.txt" "$page.print.txt" || die "$b: printed words missing or out of order"
  echo "ok $b: loaded, printed ($(pdfinfo "$page.print.pdf" | awk '/^Pages:/ {print $2}') pages)"
done

# Each picture decoded, at the style's size (pt = 4/3 px) and shape, on its side of the header;
# the printed page holds it.
for page in "${img_pages[@]}"; do
  [ -s "$page.images.json" ] || { die "$page: no image report"; continue; }
  /usr/bin/python3 -P - "$page" <<'PY' || die "$(basename "$page"): pictures wrong in the browser"
import json, sys
name = sys.argv[1].rsplit("/", 1)[1]
r = json.load(open(sys.argv[1] + ".images.json"))
hdr = r["header"]
imgs = {i["cls"]: i for i in r["images"]}
# style: (photo size pt, border radius, photo at the header's right?)
expect = {"classic": (62, "50%", True), "modern": (64, "16.6667%", False),
          "compact": (48, "0px", True), "agency": (62, "50%", False)}
style = name.split("-")[1]
size, radius, right = expect[style]
if name.endswith("photo-he.html"):
    right = not right  # a right-to-left page mirrors: the end of the line is the left
p = imgs["photo"]
ok = p["complete"] and p["natural"] == [60, 80] and p["fit"] == "cover"
ok = ok and abs(p["box"]["width"] - size * 4 / 3) < 0.5 and abs(p["box"]["height"] - size * 4 / 3) < 0.5
ok = ok and p["radius"] == radius
ok = ok and (abs(p["box"]["right"] - hdr["right"]) < 1 if right else abs(p["box"]["left"] - hdr["left"]) < 1)
ok = ok and p["alt"].startswith("Photo of ")
if style == "agency":
    l = imgs["logo"]
    ok = ok and l["complete"] and l["alt"] == "acme logo" and abs(l["box"]["right"] - hdr["right"]) < 1
    ok = ok and abs(l["box"]["height"] - 22 * 2.2 * 4 / 3) < 0.5  # 2.2 x classic's 22 pt name
if not ok:
    print(name, json.dumps(r))
sys.exit(0 if ok else 1)
PY
  n=$(pdfimages -list "$page.print.pdf" 2>/dev/null | tail -n +3 | wc -l)
  want=1; case $page in *agency*) want=2 ;; esac
  [ "$n" -ge "$want" ] || die "$(basename "$page"): $n images in the printed page"
  echo "ok $(basename "$page"): pictures embedded, placed and printed"
done
# --anonymize removes the photo, as in the PDF and DOCX; a picture that cannot be embedded is
# a warning (never silently missing), and the page is still written.
"$tailor" build --anonymize --style classic --format html -o "$scratch/anon-photo.html" "$scratch/photo.resume" 2>/dev/null
grep -q '<img' "$scratch/anon-photo.html" && die "--anonymize kept the photo in the page"
for bad in missing.jpg https://example.com/me.jpg notes.txt; do
  echo "not an image" > "$scratch/notes.txt"
  sed "s|photo: face.jpg|photo: $bad|" "$scratch/photo.resume" > "$scratch/bad.resume"
  "$tailor" build --style classic --format html -o "$scratch/bad.html" "$scratch/bad.resume" 2> "$scratch/err" || die "photo $bad: the build failed"
  grep -q "bad.resume:3:8: warning: .*photo '.*$bad'.*left out" "$scratch/err" || die "photo $bad: no warning: $(cat "$scratch/err")"
  grep -q '<img' "$scratch/bad.html" && die "photo $bad: an image in the page"
done
printf 'extends: classic\nlogo: no-such-logo.png\n' > "$scratch/nologo.style"
"$tailor" build --style "$scratch/nologo.style" --format html -o "$scratch/nologo.html" "$scratch/photo.resume" 2> "$scratch/err" || die "missing logo: the build failed"
grep -q "warning: cannot read the logo '.*no-such-logo.png'" "$scratch/err" || die "missing logo: no warning: $(cat "$scratch/err")"

# The hostile page: nothing became markup, the unsafe link is text, safe links say noopener.
h="$scratch/hostile-classic.html"
grep -q '<script>alert' "$h" && die "hostile: a script element was injected"
grep -q 'href="javascript' "$h" && die "hostile: a javascript: link"
grep -o '<a [^>]*>' "$h" | grep -v 'rel="noopener"' && die "hostile: a link without rel=noopener"
grep -q '</script><script' "$h" && die "hostile: the JSON-LD was closed early"
pdftotext -enc UTF-8 "$h.print.pdf" - | grep -qF 'Ada </script><script>alert(1)</script>' || die "hostile: the name is not shown literally"

# Tailoring and --anonymize reach the page as they reach every format.
"$tailor" build --anonymize --format html -o "$scratch/anon.html" "$src/samples/aysel.resume" 2>/dev/null
"$tailor" build --anonymize --format text "$src/samples/aysel.resume" > "$scratch/anon.txt" 2>/dev/null
grep -q 'aysel@example.az\|Hüseynova\|Nizami' "$scratch/anon.html" && die "--anonymize: personal data left in the page"
grep -q "$(head -1 "$scratch/anon.txt")" "$scratch/anon.html" || die "--anonymize: the candidate reference is missing"
"$tailor" build --role "Infrastructure Engineer" --format html -o "$scratch/role.html" "$src/samples/aysel.resume" 2>/dev/null
"$tailor" build --role "Infrastructure Engineer" --format text "$src/samples/aysel.resume" > "$scratch/role.txt" 2>/dev/null
grep -qF "$(sed -n 2p "$scratch/role.txt" | sed 's/&/\&amp;/g')" "$scratch/role.html" || die "--role: the tailored headline is missing"
exit $fail
