#!/usr/bin/env python3
"""Runs ../shared/eval/score.py and fails when a figure is below the issue's thresholds."""
import os, re, subprocess, sys

THRESHOLDS = {  # figure -> minimum (the parse and targets issues' "done when")
    "tasks": 0.97, "units (any role)": 0.95, "units (lead)": 0.93,
    "units (responsible)": 0.93, "path accuracy": 0.90, "metadata accuracy": 0.90,
    "targets (in tasks)": 0.92, "comparator accuracy": 0.95, "goals (document)": 0.90,
}

# check_score.py GOLD OUT [SCORER] [FIGURE=MIN ...]: SCORER defaults to ../eval/score.py beside
# GOLD (the shared gold); FIGURE=MIN pairs replace the thresholds above for that run.
gold, out = sys.argv[1], sys.argv[2]
rest = sys.argv[3:]
score = os.path.join(os.path.dirname(os.path.abspath(gold)), "eval", "score.py")
if rest and "=" not in rest[0]:
    score, rest = rest[0], rest[1:]
if rest:
    THRESHOLDS = {name: float(value) for name, value in (pair.rsplit("=", 1) for pair in rest)}
text = subprocess.run([sys.executable, score, gold, out], capture_output=True, text=True,
                      check=True).stdout
print(text)
failed = []
for name, minimum in THRESHOLDS.items():
    m = re.search(re.escape(name) + r"\s+(?:P=\S+ R=\S+ F1=(\S+)|\d+/\d+ = (\S+))", text)
    if not m:
        failed.append(f"{name}: not in the scorer's output")
        continue
    got = float(m.group(1) or m.group(2))
    if got < minimum:
        failed.append(f"{name}: {got:.3f} < {minimum}")
for line in failed:
    print("FAIL", line)
sys.exit(1 if failed else 0)
