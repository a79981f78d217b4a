# Tailor's plain-text output (`build --format text`) -> pandoc Markdown of the same resume, for
# bench/e2e.sh and bench/side-by-side.sh: the name as a level-1 heading, section titles as
# level-2 headings, entry heading lines ("Role | Organisation | Place | Dates") as level-3
# headings, "- " bullets as a list and every other line as its own paragraph.
function esc(s) { gsub(/[\\`*_<>\[\]#]/, "\\\\&", s); return s }
{ line[NR] = $0 }
END {
  in_header = 1; prev = ""
  for (i = 1; i <= NR; i++) {
    l = line[i]
    if (i == 1) { print "# " esc(l); print ""; continue }
    if (l == "") { if (prev == "item") print ""; prev = ""; continue }
    if (line[i + 1] ~ /^-+$/ && length(line[i + 1]) >= 3) {
      in_header = 0; print "## " esc(l); print ""; prev = "heading"; i++; continue
    }
    if (!in_header && l ~ /^- /) { print "- " esc(substr(l, 3)); prev = "item"; continue }
    if (prev == "item") print ""
    if (!in_header && index(l, " | ") > 0) { print "### " esc(l); print ""; prev = "heading"; continue }
    print esc(l); print ""; prev = "para"
  }
}
