"""Client checks on every output of a hostile case: each file must be valid for a real
reader, and no link in it may use a scheme other than https, http, mailto or tel.

  PDF   qpdf --check; every object (qpdf --json) holds no JavaScript, Launch or other action
        that runs or opens something, and every /URI is safe.
  DOCX  unzip -t; every XML part parses; python-docx opens it; every external relationship
        target is safe.
  JSON  parses; every string under a key naming a link (url, website, ...) is empty or safe.
  text  (files and the captured stdout) no address shown in a link position: "(scheme:...)".

Usage: /usr/bin/python3 -P check_outputs.py OUT_DIR [STDOUT_FILE]
"""
import html
import json
import pathlib
import re
import subprocess
import sys
import urllib.parse
import xml.dom.minidom
import zipfile

SAFE = {"http", "https", "mailto", "tel"}
BAD_KEYS = {"/JS", "/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/GoToR",
            "/GoToE", "/EmbeddedFile", "/EmbeddedFiles", "/RichMedia", "/OpenAction", "/AA"}
problems = []


def scheme_of(url):
    """The scheme a browser or PDF viewer would see: spaces, controls, tabs and newlines
    dropped, percent escapes and HTML entities decoded first, so obfuscation cannot hide it."""
    s = html.unescape(urllib.parse.unquote(url))
    s = re.sub(r"[\t\n\r]", "", s).lstrip("".join(chr(i) for i in range(0x21)))
    m = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", s)
    return m.group(1).lower() if m else ""


def check_url(where, url):
    """A target is unsafe when, after de-obfuscation, it has a scheme other than the four
    allowed ones. A scheme-less address ("github.com/ada") is a relative link, not a script."""
    scheme = scheme_of(url)
    if scheme and scheme not in SAFE:
        problems.append(f"{where}: unsafe link target {url[:80]!r}")


def walk_pdf(where, v):
    if isinstance(v, dict):
        for k, x in v.items():
            if k in BAD_KEYS:
                problems.append(f"{where}: PDF object has {k}")
            if k == "/S" and x in ("/JavaScript", "/Launch", "/SubmitForm", "/ImportData"):
                problems.append(f"{where}: PDF action of type {x}")
            if k == "/URI":
                check_url(where, x[2:] if isinstance(x, str) and x[:2] in ("u:", "b:") else str(x))
            walk_pdf(where, x)
    elif isinstance(v, list):
        for x in v:
            walk_pdf(where, x)


def check_pdf(path):
    r = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    if r.returncode != 0:
        problems.append(f"{path.name}: qpdf --check exit {r.returncode}: {r.stdout[-300:]}")
        return
    r = subprocess.run(["qpdf", "--json=2", "--json-key=qpdf", str(path)],
                       capture_output=True, text=True)
    if r.returncode != 0:
        problems.append(f"{path.name}: qpdf --json failed: {r.stderr[-300:]}")
        return
    walk_pdf(path.name, json.loads(r.stdout))
    r = subprocess.run(["pdftotext", str(path), "-"], capture_output=True)
    if r.returncode != 0:
        problems.append(f"{path.name}: pdftotext exit {r.returncode}")


def check_docx(path):
    r = subprocess.run(["unzip", "-tq", str(path)], capture_output=True, text=True)
    if r.returncode != 0:
        problems.append(f"{path.name}: unzip -t: {r.stdout[-300:]}")
        return
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if not (name.endswith(".xml") or name.endswith(".rels")):
                continue
            try:
                dom = xml.dom.minidom.parseString(z.read(name))
            except Exception as e:  # noqa: BLE001 - any parse failure is the finding
                problems.append(f"{path.name}/{name}: not well-formed XML: {e}")
                continue
            for rel in dom.getElementsByTagName("Relationship"):
                if rel.getAttribute("TargetMode") == "External":
                    check_url(f"{path.name}/{name}", rel.getAttribute("Target"))
    try:
        import docx  # python3-docx, visible to /usr/bin/python3 only

        docx.Document(str(path))
    except Exception as e:  # noqa: BLE001
        problems.append(f"{path.name}: python-docx cannot open it: {e}")


LINK_KEY = re.compile(r"(url|website|link|href|uri)s?$", re.I)


def walk_json(where, v, key=""):
    if isinstance(v, dict):
        for k, x in v.items():
            walk_json(f"{where}.{k}", x, k)
    elif isinstance(v, list):
        for i, x in enumerate(v):
            walk_json(f"{where}[{i}]", x, key)
    elif isinstance(v, str) and LINK_KEY.search(key):
        check_url(where, v)


def check_json(path):
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except Exception as e:  # noqa: BLE001
        problems.append(f"{path.name}: not valid JSON: {e}")
        return
    walk_json(path.name, data)


LINK_POSITION = re.compile(r"\(([A-Za-z][A-Za-z0-9+.-]*):")


def check_text(name, text):
    for m in LINK_POSITION.finditer(text):
        if m.group(1).lower() not in SAFE:
            problems.append(f"{name}: an unsafe address in a link position: {m.group(0)!r}")


def main():
    out = pathlib.Path(sys.argv[1])
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        suffix = path.suffix.lower()
        if suffix == ".pdf":
            check_pdf(path)
        elif suffix == ".docx":
            check_docx(path)
        elif suffix == ".json":
            check_json(path)
        elif suffix in (".txt", ".text"):
            check_text(path.name, path.read_text(encoding="utf-8", errors="replace"))
    if len(sys.argv) > 2:
        check_text("stdout", pathlib.Path(sys.argv[2]).read_text(encoding="utf-8",
                                                                   errors="replace"))
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
