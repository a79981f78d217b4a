"""Opens DOCX files the way recruiters' tools do and checks what comes back.

Usage: docx_check.py docx|flat|pdf FILE EXPECT [FILE EXPECT ...]
EXPECT is a text file: the name on the first line, then one section title per line.
  docx: python-docx opens FILE; every expected string is a paragraph's text (text inside
        w:hyperlink included, which python-docx 0.8 leaves out of paragraph.text); prints the
        styles used; the core title starts with the name.
  flat: FILE is Flat OPC: well-formed, with /word/document.xml and /word/styles.xml parts.
  text: FILE is any text (pandoc -t plain, pdftotext): every expected string occurs in it,
        ignoring case and runs of white space.
Exit status 1 with one line per problem.
"""
import re
import sys
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PKG = "{http://schemas.microsoft.com/office/2006/xmlPackage}"
problems = []


def expected(path):
    with open(path, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f]
    return [l for l in lines if l]


# Smart punctuation (docs/styles.md): the PDF, DOCX and HTML print quotation marks, ’ and
# dashes where the text output keeps the source's ' " -- ---; compare them folded.
_QUOTES = str.maketrans({c: "'" for c in "\"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a\u2018\u2019\u201a\u300c\u300d\u300e\u300f"})
def fold_punctuation(s):
    s = s.translate(_QUOTES).replace("\u202f", "")
    return s.replace("\u2014", "---").replace("\u2013", "--")


def norm(s):
    return re.sub(r"\s+", " ", fold_punctuation(s)).strip().casefold()


def paragraph_text(p):
    # Every w:t under the paragraph, hyperlinks included; w:tab as a tab, w:br (the contact
    # line's line breaks) as a new line, as newer python-docx and pandoc read them.
    out = []
    for el in p._p.iter():
        if el.tag == W + "t":
            out.append(el.text or "")
        elif el.tag == W + "tab" and el.getparent().tag == W + "r":
            out.append("\t")
        elif el.tag == W + "br" and el.getparent().tag == W + "r":
            out.append("\n")
    return "".join(out)


def check_docx(path, exp):
    import docx  # python3-docx from Debian: run with /usr/bin/python3 -P

    from docx.text.paragraph import Paragraph

    d = docx.Document(path)
    # Every paragraph in document order, those in table cells too (the sidebar and
    # date-column layouts are borderless tables), row by row, cell by cell, as readers go.
    paras = [Paragraph(p, d._body) for p in d.element.body.iter(W + "p")]
    # A layout cell may be empty (no dates beside a paragraph): its one paragraph is not text.
    # (A list, not ids: lxml keeps one proxy per element only while a reference lives.)
    empty_cells = [
        c[0] for c in (list(tc.iter(W + "p")) for tc in d.element.body.iter(W + "tc"))
        if len(c) == 1 and not paragraph_text(Paragraph(c[0], d._body)).strip()
    ]
    paras = [p for p in paras if not any(p._p is e for e in empty_cells)]
    # A paragraph that only holds a picture (the sidebar's photo) has no text to check.
    paras = [p for p in paras if paragraph_text(p).strip() or not list(p._p.iter(W + "drawing"))]
    texts = [paragraph_text(p) for p in paras]
    styles = sorted({p.style.name for p in paras})
    name, sections = exp[0], exp[1:]
    if name not in texts:
        problems.append(f"{path}: no paragraph reads exactly {name!r}")
    title_paras = [paragraph_text(p) for p in paras if p.style.name == "Title"]
    if title_paras != [name]:
        problems.append(f"{path}: Title paragraphs are {title_paras!r}, want [{name!r}]")
    headings = [paragraph_text(p) for p in paras if p.style.name == "Heading 1"]
    def subsequence(part, whole):
        it = iter(whole)
        return all(h in it for h in part)

    # The sidebar layout reads the main column's sections, then the sidebar's: two runs, each
    # in the text output's order.
    two_columns = d.element.body.find(W + "tbl") is not None and sorted(headings) == sorted(
        sections
    ) and any(
        subsequence(headings[:k], sections) and subsequence(headings[k:], sections)
        for k in range(len(headings) + 1)
    )
    if headings != sections and not two_columns:
        problems.append(f"{path}: Heading 1 paragraphs {headings!r} != sections {sections!r}")
    for must in ("Title", "Heading 1"):
        if must not in styles:
            problems.append(f"{path}: style {must!r} not used")
    if not d.core_properties.title.startswith(name):
        problems.append(f"{path}: core title {d.core_properties.title!r} lacks the name")
    if any(not t.strip() for t in texts):
        problems.append(f"{path}: empty paragraph")
    with open(path + ".paras", "w", encoding="utf-8") as f:
        f.write("\n".join(texts) + "\n")
    print(f"{path}: {len(texts)} paragraphs; styles: {', '.join(styles)}")
    return texts


def check_flat(path, exp):
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        problems.append(f"{path}: not well-formed: {e}")
        return
    if root.tag != PKG + "package":
        problems.append(f"{path}: root is {root.tag}, not pkg:package")
    parts = {p.get(PKG + "name"): p for p in root.findall(PKG + "part")}
    for need in ("/word/document.xml", "/word/styles.xml"):
        if need not in parts:
            problems.append(f"{path}: no {need} part")
    with open(path, encoding="utf-8") as f:
        head = f.read(200)
    if '<?mso-application progid="Word.Document"?>' not in head:
        problems.append(f"{path}: no mso-application processing instruction")
    doc = parts.get("/word/document.xml")
    if doc is not None:
        texts = ["".join(t.text or "" for t in p.iter(W + "t")) for p in doc.iter(W + "p")]
        for e in exp:
            if e not in texts:
                problems.append(f"{path}: no paragraph reads {e!r}")


def check_text(path, exp):
    with open(path, encoding="utf-8", errors="replace") as f:
        got = norm(f.read())
    for e in exp:
        if norm(e) not in got:
            problems.append(f"{path}: {e!r} missing from the text")


def main():
    mode, args = sys.argv[1], sys.argv[2:]
    for path, exp_path in zip(args[0::2], args[1::2]):
        exp = expected(exp_path)
        {"docx": check_docx, "flat": check_flat, "text": check_text}[mode](path, exp)
    for p in problems:
        print("FAIL:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
