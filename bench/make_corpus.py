#!/usr/bin/env python3
"""Build a deterministic benchmark corpus for `fengong parse` from samples/*.txt.

    make_corpus.py OUT_DIR [--files N] [--min-mb MB] [--samples DIR]

Every file is built from the real sample documents: one sample, or (sometimes)
two samples concatenated, with the body section of the first one repeated k
times so that file sizes spread from ~10 KB to ~60 KB. Deterministic variations
(random.Random(0)): ASCII <-> full-width digit swaps, CRLF line ends, a UTF-8
BOM. Same arguments, same bytes.

At least N files are written, and more are added until the corpus holds at
least MB megabytes (1 MB = 10^6 bytes). Standard library only.
"""

import argparse
import os
import re
import sys
from pathlib import Path
import random

MB = 1_000_000
MIN_SIZE = 10_000   # target size range of one file, bytes
MAX_SIZE = 60_000
NAME_RE = re.compile(r"^c\d{5}-[A-Za-z0-9-]+\.txt$")

# Top-level heading of a prose plan: 一、 … or 1、 at the start of a line.
HEADING_RE = re.compile(r"^(?:[一二三四五六七八九十]+、|[0-9]+、)")

ASCII_TO_FULL = str.maketrans("0123456789", "０１２３４５６７８９")
FULL_TO_ASCII = str.maketrans("０１２３４５６７８９", "0123456789")


def split_header_body(text):
    """Return (header, body): body is the part that can be repeated.

    Prose plans: the body starts at the first top-level heading (一、 / 1、).
    Tables (tab-separated rows): the body starts after the blank line that
    ends the header row, so repeating it repeats whole rows.
    """
    lines = text.split("\n")
    start = None
    for i, line in enumerate(lines):
        if HEADING_RE.match(line):
            start = i
            break
    if start is None or any(l.startswith("\t") for l in lines[:start]):
        # Table: first blank line after the first tab-indented line.
        first_tab = next((i for i, l in enumerate(lines) if l.startswith("\t")), None)
        start = None
        if first_tab is not None:
            for i in range(first_tab, len(lines)):
                if lines[i].strip() == "":
                    start = i + 1
                    break
    if start is None or start >= len(lines):
        start = len(lines) // 5
    header = "\n".join(lines[:start]) + "\n"
    body = "\n".join(lines[start:])
    if not body.endswith("\n"):
        body += "\n"
    return header, body


def load_samples(sample_dir):
    paths = sorted(Path(sample_dir).glob("*.txt"))
    if not paths:
        sys.exit(f"make_corpus: no *.txt in {sample_dir}")
    samples = []
    for p in paths:
        text = p.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
        header, body = split_header_body(text)
        samples.append((p.stem, text, header, body))
    return samples


def make_file(rng, samples):
    """Return (name_part, bytes) of one corpus file."""
    stem, _text, header, body = samples[rng.randrange(len(samples))]
    tag = stem
    hsize = len(header.encode("utf-8"))
    bsize = max(1, len(body.encode("utf-8")))
    target = rng.randint(MIN_SIZE, MAX_SIZE)

    second = None
    if rng.random() < 0.25:  # two samples concatenated, if that fits in MAX_SIZE
        cand = samples[rng.randrange(len(samples))]
        csize = len(cand[1].encode("utf-8"))
        if hsize + bsize + csize <= MAX_SIZE:
            second = cand
            target -= csize
            tag += "+" + cand[0]

    k = max(1, round((target - hsize) / bsize))
    text = header + body * k
    if second is not None:
        if not text.endswith("\n\n"):
            text += "\n"
        text += second[1]

    r = rng.random()
    if r < 0.12:
        text = text.translate(ASCII_TO_FULL)
        tag += "-fw"
    elif r < 0.18:
        text = text.translate(FULL_TO_ASCII)
        tag += "-hw"
    if rng.random() < 0.15:
        text = text.replace("\n", "\r\n")
        tag += "-crlf"
    data = text.encode("utf-8")
    if rng.random() < 0.10:
        data = b"\xef\xbb\xbf" + data
        tag += "-bom"
    return tag, data


def main(argv=None):
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir")
    ap.add_argument("--files", type=int, default=1000, help="minimum file count (1000)")
    ap.add_argument("--min-mb", type=float, default=15.0, help="minimum total size in MB of 10^6 bytes (15)")
    ap.add_argument("--samples", default=str(here.parent / "samples"), help="sample directory")
    args = ap.parse_args(argv)

    samples = load_samples(args.samples)
    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    # Remove an earlier corpus of ours (only our own file names) so reruns give the same set.
    for p in out.iterdir():
        if p.is_file() and NAME_RE.match(p.name.replace("+", "-")):
            p.unlink()

    rng = random.Random(0)
    total = 0
    n = 0
    while n < args.files or total < args.min_mb * MB:
        tag, data = make_file(rng, samples)
        name = f"c{n:05d}-{tag.replace('+', '-')}.txt"
        (out / name).write_bytes(data)
        total += len(data)
        n += 1
    print(f"{n} files, {total / MB:.2f} MB ({total} bytes) in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
