#!/usr/bin/env python3
"""Writes the fuzzer's seed corpus into OUT_DIR: every sample as it is, re-encoded (GB18030,
UTF-16LE with BOM, UTF-16BE without), in Traditional characters (UTF-8 and Big5, when ICU's uconv
is installed), and cut to its first 2 KB (short inputs run fastest).

usage: fuzz/make_seed_corpus.py OUT_DIR [SAMPLES_DIR]
"""
import os, shutil, subprocess, sys

out = sys.argv[1]
samples = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "samples")
os.makedirs(out, exist_ok=True)


def write(name, data):
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)


def traditional(text):
    if not shutil.which("uconv"):
        return None
    r = subprocess.run(["uconv", "-f", "utf-8", "-t", "utf-8", "-x", "Hans-Hant"],
                       input=text.encode("utf-8"), capture_output=True)
    return r.stdout.decode("utf-8") if r.returncode == 0 else None


for name in sorted(os.listdir(samples)):
    if not name.endswith(".txt"):
        continue
    stem = name[:-4]
    text = open(os.path.join(samples, name), encoding="utf-8").read()
    write(f"{stem}.utf8", text.encode("utf-8"))
    write(f"{stem}.head.utf8", text.encode("utf-8")[:2048])
    write(f"{stem}.gb18030", text.encode("gb18030"))
    write(f"{stem}.utf16le", b"\xff\xfe" + text.encode("utf-16-le"))
    write(f"{stem}.head.utf16be", text[:700].encode("utf-16-be"))
    hant = traditional(text)
    if hant:
        write(f"{stem}.hant.utf8", hant.encode("utf-8"))
        write(f"{stem}.head.big5", hant[:700].encode("cp950", errors="replace"))
print(f"{len(os.listdir(out))} seeds in {out}")
