#!/usr/bin/env python3
"""Runs every command that README.md and docs/*.md show, and compares the output where they
quote it, so the documentation cannot drift from the program.

Usage: run_doc_commands.py TAILOR SOURCE_DIR SCRATCH

What is run, per fenced block of a page:
- ```console blocks, and unlabelled blocks with "$ " lines: each "$ COMMAND" runs (one bash
  session per block, so `echo $?` sees the previous command); the lines after it, up to the
  next "$ ", are its expected standard output and error. A line "..." stands for any number of
  lines. A command with no lines after it is run but its output is not compared.
- ```sh blocks, and unlabelled blocks that start with "tailor ": the whole block runs as one
  bash script with `set -e`; it must exit 0.
- A block right after `<!-- docs-test: skip REASON -->` is not run (installs packages, runs
  until Ctrl-C, a synopsis with placeholders...). The reason is required.
- A block right after `<!-- docs-test: file NAME -->` is not run: its text becomes the file
  NAME in the folder where that page's commands run.
Every block runs in a fresh folder holding copies of samples/ and the tests/ folders the docs
read, and
the files the docs name: cv.resume, cv.json, resume.json, posting.txt, candidates/, resumes/,
cv.yaml, linkedin.zip, Basic_LinkedInDataExport.zip and linkedin-export/.
`tailor` on PATH is the binary under test; HOME is a folder of the sandbox.
"""
import os
import re
import shutil
import subprocess
import sys

FENCE = re.compile(r"^```([\w-]*)\n(.*?)^```[ \t]*$", re.S | re.M)
MARK = re.compile(r"<!--\s*docs-test:\s*(skip|file)\b\s*(.*?)\s*-->\s*$")


def pages(src):
    out = [os.path.join(src, "README.md")]
    docs = os.path.join(src, "docs")
    out += sorted(os.path.join(docs, f) for f in os.listdir(docs) if f.endswith(".md"))
    return out


def blocks(path):
    text = open(path, encoding="utf-8").read()
    for m in FENCE.finditer(text):
        before = text[: m.start()].rstrip("\n").split("\n")[-1]
        mark = MARK.search(before)
        line = text[: m.start()].count("\n") + 1
        yield line, m.group(1), m.group(2), mark


def kind_of(lang, body):
    lines = [l for l in body.split("\n") if l.strip()]
    if lang == "console" or (lang == "" and any(l.startswith("$ ") for l in lines)):
        return "console"
    if lang == "sh" or (lang == "" and lines and lines[0].startswith("tailor ")):
        return "sh" if any(re.search(r"(^|[\s;&|(])tailor\s", l) for l in lines) else None
    return None


def sandbox(root, src, tailor, files):
    os.makedirs(root)
    shutil.copytree(os.path.join(src, "samples"), os.path.join(root, "samples"))
    # Tailor opens inputs without following symbolic links: copy what the docs read.
    for sub in ("tests/fixtures", "tests/golden/errors", "tests/corpus/evidence"):
        shutil.copytree(os.path.join(src, sub), os.path.join(root, sub))
    shutil.copy(os.path.join(src, "samples", "aysel.resume"), os.path.join(root, "cv.resume"))
    subprocess.run([tailor, "convert", "cv.resume", "-o", "cv.json"], cwd=root, check=True,
                   stderr=subprocess.DEVNULL)
    shutil.copy(os.path.join(src, "tests/fixtures/jsonresume/sample.resume.json"),
                os.path.join(root, "resume.json"))
    shutil.copy(os.path.join(src, "tests/fixtures/jobs/example-devops.txt"),
                os.path.join(root, "posting.txt"))
    # Imports: a RenderCV file, and a LinkedIn export as a ZIP and as its folder.
    imp = os.path.join(src, "tests/fixtures/import")
    shutil.copy(os.path.join(imp, "rendercv/John_Doe_EngineeringresumesTheme_CV.yaml"),
                os.path.join(root, "cv.yaml"))
    for zip_name in ("linkedin.zip", "Basic_LinkedInDataExport.zip"):
        shutil.copy(os.path.join(imp, "linkedin/ngozi.zip"), os.path.join(root, zip_name))
    shutil.copytree(os.path.join(imp, "linkedin/ngozi"), os.path.join(root, "linkedin-export"))
    for folder in ("candidates", "resumes"):
        shutil.copytree(os.path.join(src, "samples"), os.path.join(root, folder))
    shutil.copy(os.path.join(root, "cv.json"), os.path.join(root, "candidates", "cv.json"))
    os.makedirs(os.path.join(root, "home"))
    for name, text in files.items():
        with open(os.path.join(root, name), "w", encoding="utf-8") as f:
            f.write(text)


def environment(tailor, root):
    env = dict(os.environ)
    env["PATH"] = os.path.dirname(os.path.abspath(tailor)) + os.pathsep + env.get("PATH", "")
    env["HOME"] = os.path.join(root, "home")
    env["TZ"] = "UTC"
    env["LC_ALL"] = "C.UTF-8"
    for var in ("TAILOR_DATA_DIR", "XDG_DATA_HOME", "SOURCE_DATE_EPOCH"):
        env.pop(var, None)
    return env


def matches(expected, actual):
    """expected lines against actual lines; "..." matches any run of lines."""
    memo = {}

    def go(i, j):
        if (i, j) in memo:
            return memo[i, j]
        if i == len(expected):
            r = j == len(actual)
        elif expected[i] == "...":
            r = go(i + 1, j) or (j < len(actual) and go(i, j + 1))
        else:
            r = j < len(actual) and expected[i] == actual[j] and go(i + 1, j + 1)
        memo[i, j] = r
        return r

    return go(0, 0)


def console_commands(body):
    cmds = []
    for line in body.rstrip("\n").split("\n"):
        if line.startswith("$ "):
            cmds.append([line[2:], []])
        elif cmds:
            cmds[-1][1].append(line.rstrip())
    return cmds


def run_console(body, root, env):
    cmds = console_commands(body)
    script = ["exec 2>&1", "__rc=0"]
    for n, (cmd, _) in enumerate(cmds):
        script += [f"echo '@@docs-cmd {n}'", f"(exit $__rc); {cmd}", "__rc=$?"]
    p = subprocess.run(["bash", "-c", "\n".join(script)], cwd=root, env=env,
                       capture_output=True, text=True, timeout=120)
    outputs = re.split(r"^@@docs-cmd \d+\n", p.stdout, flags=re.M)[1:]
    problems = []
    for (cmd, expected), got in zip(cmds, outputs):
        while expected and expected[-1] == "":
            expected.pop()
        actual = [l.rstrip() for l in got.rstrip("\n").split("\n")] if got.strip() else []
        if expected and not matches(expected, actual):
            problems.append(f"$ {cmd}\n--- the docs say:\n" + "\n".join(expected) +
                            "\n--- the program says:\n" + "\n".join(actual))
    return problems


def run_sh(body, root, env):
    p = subprocess.run(["bash", "-c", "set -e\n" + body], cwd=root, env=env,
                       capture_output=True, text=True, timeout=120)
    if p.returncode != 0:
        return [f"exit {p.returncode}:\n{body}--- output:\n{p.stdout}{p.stderr}"]
    return []


def main():
    tailor, src, scratch = sys.argv[1:4]
    tailor = os.path.abspath(tailor)
    shutil.rmtree(scratch, ignore_errors=True)
    os.makedirs(scratch)
    ran = failed = skipped = 0
    for page in pages(src):
        rel = os.path.relpath(page, src)
        found = list(blocks(page))
        files = {m.group(2): body for _, _, body, m in found if m and m.group(1) == "file"}
        for line, lang, body, mark in found:
            kind = kind_of(lang, body)
            if mark and mark.group(1) == "file":
                continue
            if kind is None:
                continue
            if mark and mark.group(1) == "skip":
                if not mark.group(2):
                    print(f"FAIL {rel}:{line}: a skip marker needs a reason")
                    failed += 1
                skipped += 1
                continue
            root = os.path.join(scratch, f"{rel.replace('/', '_')}-{line}")
            sandbox(root, src, tailor, files)
            env = environment(tailor, root)
            run = run_console if kind == "console" else run_sh
            problems = run(body, root, env)
            ran += 1
            if problems:
                failed += 1
                for p in problems:
                    print(f"FAIL {rel}:{line}\n{p}\n")
    print(f"docs commands: {ran} blocks run, {skipped} skipped, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
