#!/usr/bin/python3
"""Checks that the words of `tailor build --format text` (argv[1]) appear in pdftotext's
output (argv[2]): the header's words anywhere in it, the body word for word and in order.
Used by pdf_samples.sh and by PdfWriter.TextWriterWordsAppearInOrder."""
import re, sys
# Entry headings are checked the same way for `pdftotext` (poppler's reading order) and, with
# --strict, for `pdftotext -raw` (content-stream order): all of a heading's words must come
# together, before the entry's body. The PDF writer wraps each heading line (left part and
# right-aligned part) in an /ActualText span so that poppler's reading order cannot put the
# right-aligned dates/location after the lines beside them (see layout.cpp, mark_span).
# --columns (two-column styles): a page holds the main column's part of the text, then the
# sidebar's, so the sections do not follow the text output's order across pages; each section
# is checked on its own, word for word from its heading, in the same way.
columns = "--columns" in sys.argv[1:]
args = [a for a in sys.argv[1:] if a not in ("--strict", "--columns")]
text = open(args[0], encoding="utf-8").read().split("\n")
pdf = open(args[1], encoding="utf-8").read()
# Page furniture (running head with "page N of M") is not part of the text output.
pdf = re.sub(r"page \d+ of \d+", " ", pdf)
# Smart punctuation (docs/styles.md): the PDF, DOCX and HTML print quotation marks, ’ and
# dashes where the text output keeps the source's ' " -- ---; compare them folded.
_QUOTES = str.maketrans({c: "'" for c in "\"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a\u2018\u2019\u201a\u300c\u300d\u300e\u300f"})
def fold_punctuation(s):
    s = s.translate(_QUOTES).replace("\u202f", "")
    return s.replace("\u2014", "---").replace("\u2013", "--")
def words(s):
    s = fold_punctuation(s)
    out = []
    for w in s.split():
        if re.fullmatch(r"[-|\u2022\u2013\u00b7]+", w):
            continue  # bullets and separators differ by design
        if re.fullmatch(r"\((https?|mailto|tel):\S*\)[.,;:]?", w):
            continue  # the PDF links the label; the text writer prints the address too
        # The PDF shows web addresses without their scheme (the link keeps it).
        out.append(re.sub(r"^(https?://|mailto:)", "", w).casefold())
    return out
# The header (before the first underlined heading) is laid out differently: check its
# words are present; the body must appear word for word, in order.
body_start = next((i - 1 for i, l in enumerate(text) if i and re.fullmatch(r"-+", l)), len(text))
pw = words(pdf)
joined = " ".join(pw)
for w in words("\n".join(text[:body_start])):
    w = re.sub(r"^(https?://|mailto:)", "", w).rstrip("/")
    if w.endswith(":") and len(w) > 1:
        continue  # "GitHub:" labels; the PDF shows the address
    if w not in joined:
        print("header word missing:", w); sys.exit(1)
# Words may be cut across lines (a 400-character URL), so the body is matched as a stream of
# non-space characters: each expected word must occur after the previous one.
stream = "".join(pw)
pos = 0
for i, line in enumerate(text[body_start:]):
    if re.fullmatch(r"-+", line):
        continue
    if columns and i + 1 < len(text) - body_start and re.fullmatch(r"-+", text[body_start + i + 1]):
        # A section heading: its section starts where the heading is.
        head = "".join(words(line))
        f = stream.find(head)
        if f < 0:
            print("section heading missing:", line); sys.exit(1)
        pos = f + len(head)
        continue
    lw = words(line)
    if " | " in line:
        # The heading's parts are together, though not in the text writer's order (the
        # stacked layout has role, dates, organisation, location).
        span = sum(len(w) for w in lw) + 40  # slack: a running head may sit between
        if columns and lw:
            # The other column's part of a page may sit between two entries of a section
            # that runs on to the next page: the entry starts where its first word is next.
            nxt = stream.find(lw[0], pos)
            pos = nxt if nxt >= 0 else pos
        window = stream[pos:pos + span]
        end = pos
        for w in lw:
            f = window.find(w)
            if f < 0:
                print("entry heading word not with its entry:", w, "in", repr(window)); sys.exit(1)
            end = max(end, pos + f + len(w))
        pos = end
        continue
    for w in lw:
        f = stream.find(w, pos)
        if f < 0:
            print("missing or out of order:", w, "after", repr(stream[max(0, pos-40):pos])); sys.exit(1)
        pos = f + len(w)
