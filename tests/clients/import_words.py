#!/usr/bin/python3
"""Every word of a RenderCV file's content must survive `tailor convert` and a build: the words
of every scalar under cv: (keys are names, not content), read here with PyYAML, independently
of Tailor's yaml-cpp reader, must appear in the output text (argv[2]). Markdown markers and
link targets are syntax, not words; dates are checked by their year, since Tailor writes
them in its own format ("2018-09" becomes "Sep 2018").
Usage: import_words.py CV.yaml OUTPUT.txt"""
import re, sys, yaml

DATE_KEYS = {"date", "start_date", "end_date"}
# An icon name is design, not content. The PDF header shows each link by its address, not its
# label (the text output shows both), so link labels (a custom connection's, a network and user
# name) are checked in the text output only.
SKIP_KEYS = {"fontawesome_icon"}
if sys.argv[2].endswith(".pdf.txt"):
    SKIP_KEYS.update({"placeholder", "network", "username"})
cv = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))["cv"]
out = open(sys.argv[2], encoding="utf-8").read()
# Line breaks (PDF) and repeated spaces do not separate words differently.
# Smart punctuation (docs/styles.md): the PDF, DOCX and HTML print quotation marks, ’ and
# dashes where the text output keeps the source's ' " -- ---; compare them folded.
_QUOTES = str.maketrans({c: "'" for c in "\"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a\u2018\u2019\u201a\u300c\u300d\u300e\u300f"})
def fold_punctuation(s):
    s = s.translate(_QUOTES).replace("\u202f", "")
    return s.replace("\u2014", "---").replace("\u2013", "--")
flat = " ".join(fold_punctuation(out).split()).casefold()
flat = re.sub(r"https?://", "", flat)

def scalars(node, key=None):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from scalars(v, k)
    elif isinstance(node, list):
        for v in node:
            yield from scalars(v, key)
    elif node is not None:
        yield key, str(node)

missing = []
count = 0
for key, text in scalars(cv):
    if key in SKIP_KEYS:
        continue
    if key in DATE_KEYS:
        # "present" is written in the document's language; the year is the word that stays.
        words = re.findall(r"\b\d{4}\b", text)
    else:
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # [label](url) -> label
        text = text.replace("**", "").replace("*", "")
        text = re.sub(r"https?://", "", fold_punctuation(text))
        # A web address may be shown without its final "/".
        words = [w.strip(".,;:()'\"").rstrip("/") for w in text.split()]
    for w in words:
        if not w or re.fullmatch(r"[-\u2013\u2014|]+", w):
            continue
        count += 1
        if w.casefold() not in flat:
            missing.append(f"{key}: {w}")
if missing:
    print(f"{len(missing)} of {count} words missing from {sys.argv[2]}:")
    for m in missing[:40]:
        print("  " + m)
    sys.exit(1)
print(f"all {count} words of {sys.argv[1]} found in {sys.argv[2]}")
