#!/usr/bin/python3
"""Reads a two-column PDF as plain `pdftotext` (poppler's reading order) does and fails when a
page reads the columns interleaved: the page's lines, in poppler's order, must be one column's,
then the other's (runs like L R or R L, never L R L). The gutter is found from the page itself,
as the widest band between the columns that no word crosses. Pages after the first start with
the running head (the name and "page N of M" over both columns), which is left out.
Used by pdf_columns_reading.sh. Args: PDF...; prints each page's runs with -v."""
import subprocess, sys
import xml.etree.ElementTree as ET

NS = "{http://www.w3.org/1999/xhtml}"


def pages(pdf):
    out = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], capture_output=True, check=True).stdout
    for page in ET.fromstring(out).iter(NS + "page"):
        lines = []
        for line in page.iter(NS + "line"):
            words = [(float(w.get("xMin")), float(w.get("xMax"))) for w in line.iter(NS + "word")]
            if words:
                lines.append((min(w[0] for w in words), max(w[1] for w in words),
                              float(line.get("yMin")), words))
        yield lines


def gutter(lines):
    spans = sorted(w for l in lines for w in l[3])
    best, end = None, spans[0][1]
    for a, b in spans[1:]:
        if a > end and (best is None or a - end > best[1] - best[0]):
            best = (end, a)
        end = max(end, b)
    return best


def runs(lines):
    g = gutter(lines) if lines else None
    if g is None or g[1] - g[0] < 8:
        return ""  # one column
    out = ""
    for x0, x1, _, _ in lines:
        side = "L" if x1 <= g[0] + 0.5 else "R" if x0 >= g[1] - 0.5 else ""
        if side and not out.endswith(side):
            out += side
    return out


verbose = "-v" in sys.argv[1:]
bad = 0
for pdf in [a for a in sys.argv[1:] if a != "-v"]:
    for n, lines in enumerate(pages(pdf), 1):
        if n > 1 and lines:
            top = min(l[2] for l in lines)
            lines = [l for l in lines if l[2] > top + 3]  # the running head's row
        r = runs(lines)
        if verbose:
            print(f"{pdf} page {n}: {r or 'one column'}")
        if len(r) > 2:
            print(f"{pdf} page {n}: the columns are read interleaved ({r})")
            bad += 1
sys.exit(1 if bad else 0)
