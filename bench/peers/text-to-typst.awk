# Tailor's plain-text output (`build --format text`) -> a Typst source of the same resume, for
# bench/side-by-side.sh: the name as a large bold centred line, the header lines centred,
# section titles as level-2 headings with a rule, entry lines ("Role | Organisation | Place |
# Dates") as a bold role and the dates pushed right, "- " bullets as a list and every other
# line as a paragraph. Font and sizes follow the classic style (Liberation Serif, 10 pt).
function esc(s) {
  gsub(/[\\#*_`$<>@\[\]~\/=+-]/, "\\\\&", s)
  return s
}
BEGIN {
  print "#set page(paper: \"a4\", margin: (x: 18mm, y: 16mm))"
  print "#set text(font: \"Liberation Serif\", size: 10pt, lang: \"en\")"
  print "#set par(justify: false, spacing: 0.55em)"
  print "#show heading.where(level: 2): it => block(above: 1.1em, below: 0.5em)[" \
        "#text(size: 11.5pt, weight: \"bold\", upper(it.body)) #v(-0.7em) #line(length: 100%, stroke: 0.5pt)]"
}
{ line[NR] = $0 }
END {
  in_header = 1
  for (i = 1; i <= NR; i++) {
    l = line[i]
    if (i == 1) { print "#align(center, text(size: 20pt, weight: \"bold\")[" esc(l) "])"; continue }
    if (l == "") { print ""; continue }
    if (line[i + 1] ~ /^-+$/ && length(line[i + 1]) >= 3) {
      in_header = 0; print ""; print "== " esc(l); print ""; i++; continue
    }
    if (in_header) { print "#align(center)[" esc(l) "]"; continue }
    if (l ~ /^- /) { print "- " esc(substr(l, 3)); continue }
    n = split(l, f, / \| /)
    if (n > 1) {
      rest = ""
      for (k = 2; k < n; k++) rest = rest " | " esc(f[k])
      print "*" esc(f[1]) "*" rest " #h(1fr) " esc(f[n]) " \\"
      continue
    }
    print esc(l); print ""
  }
}
