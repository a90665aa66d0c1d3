#!/usr/bin/env python3
"""End-to-end checks of `fengong diff` and of the unit/theme normalisation it relies on.

usage: e2e_diff.py FENGONG_BINARY SAMPLES_DIR EXPECTED_DIR CHECK
       e2e_diff.py FENGONG_BINARY SAMPLES_DIR EXPECTED_DIR --update   (rewrite the expected outputs)
Each CHECK is one CTest test; a failure prints what was expected and what came.
"""
import csv, io, json, os, subprocess, sys, tempfile
import yaml

BIN, SAMPLES, EXPECTED, CHECK = sys.argv[1:5]
SAMPLE_FILES = sorted(os.path.join(SAMPLES, f) for f in os.listdir(SAMPLES) if f.endswith(".txt"))
THREE = [os.path.join(SAMPLES, f) for f in ("jiangbei-task-division.txt",
                                              "chongyang-measures-table.txt",
                                              "jinjiang-implementation-plan.txt")]
JINJIANG = THREE[2]

# The checked-in outputs: (file under tests/expected, diff arguments). Inputs are named relative
# to the repository so that the outputs hold the same paths wherever the tree is checked out.
EXPECTED_RUNS = [
    ("diff-three-districts.csv", ["--format", "csv"] + THREE),
    ("diff-five-samples.txt", ["--format", "table", "--color", "never"] + SAMPLE_FILES),
    ("diff-five-samples.md", ["--format", "md"] + SAMPLE_FILES),
    ("diff-jiangbei-jinjiang.yaml", ["--format", "yaml", THREE[0], THREE[2]]),
]


def run(*args, env=None):
    return subprocess.run([BIN, *args], capture_output=True, env=env,
                          cwd=os.path.dirname(os.path.abspath(SAMPLES)))


def rel(path):
    return os.path.relpath(path, os.path.dirname(os.path.abspath(SAMPLES)))


def expect(cond, what, got=""):
    if not cond:
        print(f"FAIL: expected {what}\n  got: {got}")
        sys.exit(1)


def parse(path):
    r = run("parse", "-q", path)
    expect(r.returncode == 0, f"parse exit 0 for {path}", r.stderr.decode())
    return yaml.safe_load(r.stdout.decode())


def check_unit_roles():
    """>= 95 % of unit occurrences in the samples' output carry a role or are collective."""
    occurrences = with_role = entries = entries_with_role = 0
    missing = []
    for path in SAMPLE_FILES:
        doc = parse(path)
        known = {u["name"]: (u["role"] is not None or u["collective"]) for u in doc["units"]}
        entries += len(doc["units"])
        entries_with_role += sum(known.values())
        for task in doc["tasks"]:
            for name in task["lead"] + task["responsible"]:
                occurrences += 1
                with_role += known.get(name, False)
                if not known.get(name, False):
                    missing.append(name)
        for u in doc["units"]:
            expect(u["canonical"], f"a canonical name for {u['name']}", u)
    share = with_role / occurrences
    print(f"unit occurrences with a role or collective: {with_role}/{occurrences} = {share:.1%}; "
          f"unit entries: {entries_with_role}/{entries}")
    expect(share >= 0.95, ">= 95 % of unit occurrences with a role", f"{share:.1%} {missing}")
    expect(entries_with_role / entries >= 0.95, ">= 95 % of unit entries with a role")


def check_themes():
    """Samples get themes; a plan on another topic keeps null themes without errors."""
    for path in SAMPLE_FILES:
        tasks = parse(path)["tasks"]
        themed = sum(t["theme"] is not None for t in tasks)
        expect(themed >= 0.8 * len(tasks), f">= 80 % of tasks themed in {path}",
               f"{themed}/{len(tasks)}")
    with tempfile.TemporaryDirectory() as tmp:
        plan = os.path.join(tmp, "yingshang.txt")
        open(plan, "w", encoding="utf-8").write(
            "某区优化营商环境实施方案\n一、主要任务\n"
            "1.压缩企业开办时间。全面推行企业开办一网通办，企业开办时间压缩至1个工作日以内。"
            "（牵头单位：区市场监管局）\n"
            "2.降低企业用电成本。简化用电报装流程，低压小微企业用电报装零投资。（牵头单位：区发改委）\n"
            "3.提升跨境贸易便利化水平。推进国际贸易单一窗口建设。（牵头单位：区商务委）\n")
        doc = parse(plan)
        expect(len(doc["tasks"]) == 3, "three tasks", len(doc["tasks"]))
        expect(all(t["theme"] is None for t in doc["tasks"]), "null themes",
               [t["theme"] for t in doc["tasks"]])
        expect([u["role"] for u in doc["units"]] ==
               ["market-regulation", "development-reform", "commerce"], "roles of other offices",
               [u["role"] for u in doc["units"]])


def csv_rows(text):
    return list(csv.reader(io.StringIO(text)))


def check_volunteer_row():
    """The three districts' science-volunteer targets (2000, 1000, 8000 人) share one csv row,
    with their comparators and lead units."""
    r = run("diff", "--format", "csv", *THREE)
    expect(r.returncode == 1, "exit 1 (the districts differ)", r.returncode)
    rows = csv_rows(r.stdout.decode())
    header = rows[0]
    docs = [header[i] for i in range(3, len(header) - 2, 3)]
    expect(docs == ["江北区", "崇阳县", "锦江区"], "the three districts as columns", docs)
    wanted = [">= 2000 人", ">= 1000 人", ">= 8000 人"]
    found = [row for row in rows[1:] if row[0] == "target"
             and [row[3 + 3 * i].split(" by ")[0] for i in range(3)] == wanted]
    targets = [row[:12] for row in rows[1:] if row[0] == "target" and "人" in row[1]]
    expect(len(found) == 1, f"one target row holding {wanted}", targets)
    row = found[0]
    for i, doc in enumerate(docs):
        expect(row[4 + 3 * i], f"lead units for {doc}", row)
    expect("区科协" in row[4] and "区教育局" in row[10], "the lead units of 江北区 and 锦江区", row)


def jinjiang_next_version(tmp):
    """A copy of the jinjiang plan with task 7 deleted, 区新经济和科技局 renamed to its alias in
    task 1, and the volunteer target raised from 8000 to 9000."""
    lines = open(JINJIANG, encoding="utf-8").read().split("\n")
    deleted = [i for i, l in enumerate(lines) if l.startswith("7.开展职业精神宣传教育")]
    expect(len(deleted) == 1, "task 7 found once in the sample", deleted)
    del lines[deleted[0]]
    renamed = [i for i, l in enumerate(lines) if l.startswith("1.培养青少年科学精神")]
    expect(len(renamed) == 1 and lines[renamed[0]].count("区新经济和科技局") == 1,
           "task 1 naming 区新经济和科技局 once")
    lines[renamed[0]] = lines[renamed[0]].replace("区新经济和科技局", "区新经济与科技局")
    text = "\n".join(lines)
    expect(text.count("不少于8000人") == 1, "the 8000 target once")
    path = os.path.join(tmp, "jinjiang-v2.txt")
    open(path, "w", encoding="utf-8").write(text.replace("不少于8000人", "不少于9000人"))
    return path


def check_versions_three_changes():
    """One task deleted, one unit renamed to an alias, one target changed: exactly those three
    rows, and the rename is no difference."""
    with tempfile.TemporaryDirectory() as tmp:
        v2 = jinjiang_next_version(tmp)
        r = run("diff", "--format", "json", JINJIANG, v2)
        expect(r.returncode == 1, "exit 1", f"{r.returncode} {r.stderr.decode()}")
        report = json.loads(r.stdout.decode())
        expect(report["mode"] == "versions", "versions mode chosen by itself", report["mode"])
        got = [(row["section"], row["key"], row["field"], row["differs"]) for row in report["rows"]]
        want = [("renamed", "2.1.1", "units", False),
                ("removed", "2.3.7", "task", True),
                ("changed", "3.5.29", "targets", True)]
        expect(got == want, want, got)
        targets = report["rows"][2]["cells"]
        expect(targets[0]["value"].startswith(">= 8000 人") and
               targets[1]["value"].startswith(">= 9000 人"), "8000 → 9000",
               [c["value"] for c in targets])
        r = run("diff", JINJIANG, JINJIANG)
        expect(r.returncode == 0, "exit 0 for a plan against itself", r.returncode)


def check_saved_outputs():
    """Saved YAML and JSON outputs diff like the text they came from."""
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in ("yaml", "json"):
            r = run("parse", "-q", "--format", fmt, JINJIANG)
            saved = os.path.join(tmp, "jinjiang." + fmt)
            open(saved, "wb").write(r.stdout)
            r = run("diff", "--format", "json", JINJIANG, saved)
            report = json.loads(r.stdout.decode())
            expect(r.returncode == 0 and report["rows"] == [] and report["mode"] == "versions",
                   f"no difference between the text and its saved {fmt}", r.stdout.decode()[:400])
        r = run("diff", "--format", "csv", *THREE)
        saved = []
        for i, path in enumerate(THREE):
            out = os.path.join(tmp, f"{i}.yaml")
            open(out, "wb").write(run("parse", "-q", path).stdout)
            saved.append(out)
        r2 = run("diff", "--format", "csv", *saved)
        expect(r.stdout == r2.stdout, "the same districts diff from saved outputs")
        bad = os.path.join(tmp, "bad.yaml")
        open(bad, "w").write("schema: fengong/1\ndocument: [\n")
        r = run("diff", JINJIANG, bad)
        err = r.stderr.decode()
        expect(r.returncode == 4 and bad + ":" in err, "exit 4 naming the broken saved output",
               f"{r.returncode} {err}")


def check_cli_contract():
    """Usage errors, modes and colour."""
    r = run("diff", JINJIANG)
    expect(r.returncode == 2, "exit 2 with one input", r.returncode)
    r = run("diff", "--mode", "versions", *THREE)
    expect(r.returncode == 2, "exit 2 for versions of three", r.returncode)
    r = run("diff", "--format", "xml", *THREE)
    expect(r.returncode == 2, "exit 2 for an unknown format", r.returncode)
    r = run("diff", "--mode", "districts", JINJIANG, JINJIANG)
    expect(r.returncode == 0, "exit 0: a plan side by side with itself agrees", r.returncode)
    r = run("diff", "--mode", "versions", THREE[0], THREE[2])
    expect(r.returncode == 1 and b"removed" in r.stdout, "versions forced on two districts")
    r = run("diff", *THREE)
    expect(b"\x1b[" not in r.stdout, "no colour when stdout is not a terminal")
    env = dict(os.environ, NO_COLOR="1")
    r = run("diff", "--color", "always", *THREE, env=env)
    expect(b"\x1b[" in r.stdout, "colour when asked for with --color always")
    r = run("diff", "missing.txt", JINJIANG)
    expect(r.returncode == 3, "exit 3 for a missing input", r.returncode)


def render(args):
    r = run("diff", *[rel(a) if a in SAMPLE_FILES else a for a in args])
    expect(r.returncode in (0, 1), f"exit 0 or 1 for diff {' '.join(args)}", r.stderr.decode())
    return r.stdout.decode()


def check_expected_outputs():
    """The diffs of the samples match the checked-in outputs in tests/expected."""
    for name, args in EXPECTED_RUNS:
        got = render(args)
        path = os.path.join(EXPECTED, name)
        want = open(path, encoding="utf-8", newline="").read() if os.path.exists(path) else None
        if got != want:
            print(f"FAIL: {name} differs from the expected output (rerun with --update after "
                  f"checking the change)\n--- expected\n{want}\n--- got\n{got}")
            sys.exit(1)


def update():
    os.makedirs(EXPECTED, exist_ok=True)
    for name, args in EXPECTED_RUNS:
        open(os.path.join(EXPECTED, name), "w", encoding="utf-8", newline="").write(render(args))
        print(f"wrote {name}")


if CHECK == "--update":
    update()
    sys.exit(0)
CHECKS = {name[len("check_"):]: fn for name, fn in globals().items() if name.startswith("check_")}
if CHECK not in CHECKS:
    sys.exit(f"unknown check {CHECK}; known: {sorted(CHECKS)}")
CHECKS[CHECK]()
print(f"ok: {CHECK}")
