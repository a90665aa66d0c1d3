#!/usr/bin/env python3
"""The same plans as they reach analysts by other routes, scored against the same gold.

A plan copied out of a PDF comes hard-wrapped with page numbers between its lines and often
without blank lines; one from a web page is indented with ideographic spaces; typists mix
half-width and full-width forms and print unit annotations in any brackets. Each variant here
rewrites every plan of samples/ and tests/conventions/ one such way (deterministically, without
touching table cells) and must score as well as the plans themselves.

  e2e_variants.py FENGONG SOURCE_DIR SHARED_DIR
"""
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bench"))
from make_corpus import ASCII_TO_FULL, FULL_TO_ASCII  # noqa: E402

WRAP_CHARS = 38        # a narrow PDF column
LINES_PER_PAGE = 45    # a page number after every this many output lines
# figure -> minimum over every variant: today's scores less a small margin.
THRESHOLDS = {"tasks": 0.995, "units (any role)": 0.995, "targets (in tasks)": 0.995,
              "path accuracy": 0.97, "metadata accuracy": 0.99}


def in_table(line):
    """A table row (TAB cells, box-drawn in any line set, a markdown or ASCII grid row) or a
    line laid out by runs of spaces (a space-aligned table's row, an issuer and print date set
    apart): a PDF prints it on one line, never wrapped."""
    return ("\t" in line or any("\u2500" <= c <= "\u257f" for c in line)
            or line.lstrip().startswith(("|", "+"))  # a markdown or ASCII grid row
            or re.search(r"\S {2,}\S", line) is not None)


# What a wrap never cuts: a web copy's character reference (&ldquo;), which a PDF prints as the
# character it stands for, and an item's marker (13.) run on after the item before it, which
# typesetting keeps together as one word.
UNBREAKABLE = re.compile(r"&#?[0-9A-Za-z]{1,8};|(?<![0-9.])[0-9]{1,3}[.、．](?![0-9])")


def wrapped(line):
    pieces, start = [], 0
    while len(line) - start > WRAP_CHARS:
        cut = start + WRAP_CHARS
        for m in UNBREAKABLE.finditer(line, max(start, cut - 10), cut + 10):
            if m.start() < cut < m.end():
                cut = m.start() if m.start() > start else m.end()
        pieces.append(line[start:cut])
        start = cut
    return pieces + [line[start:]]


def pdf_wrapped(text):
    out, page = [], 1
    for line in text.split("\n"):
        pieces = [line]
        if not in_table(line) and len(line) > WRAP_CHARS:
            pieces = wrapped(line)
        for piece in pieces:
            out.append(piece)
            if len(out) % LINES_PER_PAGE == 0:
                page += 1
                out += ["", f"— {page} —", ""]
    return "\n".join(out)


def without_blank_lines(text):
    if "\t" in text:  # a cell table's rows are told apart by blank lines
        return text
    return "\n".join(line for line in text.split("\n") if line.strip())


def indented(text):
    return "\n".join("\u3000\u3000" + line if line.strip() and not in_table(line) else line
                     for line in text.split("\n"))


HALF_WIDTH_PUNCTUATION = str.maketrans("（）：；，！？", "():;,!?")
ANNOTATION = re.compile(r"（((?:牵头|责任|配合)(?:单位|部门)[^（）\n]*)）")

VARIANTS = {
    "pdf-wrapped": pdf_wrapped,
    "pdf-wrapped-no-blank-lines": lambda text: without_blank_lines(pdf_wrapped(text)),
    "web-indented": indented,
    "ascii-digits": lambda text: text.translate(FULL_TO_ASCII),
    "full-width-digits": lambda text: text.translate(ASCII_TO_FULL),
    "half-width-punctuation": lambda text: text.translate(HALF_WIDTH_PUNCTUATION),
    "annotations-in-〔〕": lambda text: ANNOTATION.sub(r"〔\1〕", text),
    "annotations-mismatched": lambda text: ANNOTATION.sub(r"（\1〕", text),
}


def score(scorer, gold, out):
    text = subprocess.run([sys.executable, scorer, gold, out], capture_output=True, text=True,
                          check=True).stdout
    figures = {}
    for name in THRESHOLDS:
        m = re.search(re.escape(name) + r"\s+(?:P=\S+ R=\S+ F1=(\S+)|\d+/\d+ = (\S+))", text)
        figures[name] = float(m.group(1) or m.group(2)) if m else None
    return figures


def main():
    fengong, source, shared = sys.argv[1:4]
    scorer = os.path.join(shared, "eval", "score.py")
    sets = [(os.path.join(source, "samples"), os.path.join(shared, "gold")),
            (os.path.join(source, "tests", "conventions"), os.path.join(source, "tests", "conventions"))]
    failed = []
    with tempfile.TemporaryDirectory() as work:
        for name, rewrite in VARIANTS.items():
            for plans, gold in sets:
                label = f"{name} {os.path.relpath(plans, source)}"
                inputs = os.path.join(work, label.replace(" ", "_").replace("/", "_"), "in")
                outputs = os.path.join(os.path.dirname(inputs), "out")
                os.makedirs(inputs)
                for file in sorted(os.listdir(plans)):
                    if not file.endswith(".txt"):
                        continue
                    with open(os.path.join(plans, file), encoding="utf-8-sig") as f:
                        text = f.read()
                    with open(os.path.join(inputs, file), "w", encoding="utf-8") as f:
                        f.write(rewrite(text))
                subprocess.run([fengong, "parse", "-q", inputs, "-o", outputs], check=True)
                figures = score(scorer, gold, outputs)
                print(label + ": " + ", ".join(f"{k} {v:.3f}" for k, v in figures.items()
                                              if v is not None))
                for figure, minimum in THRESHOLDS.items():
                    got = figures[figure]
                    if got is None or got < minimum:
                        failed.append(f"{label}: {figure} {got} < {minimum}")
    for line in failed:
        print("FAIL", line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
