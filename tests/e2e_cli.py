#!/usr/bin/env python3
"""End-to-end checks of the fengong CLI: determinism, schema keys, formats, exit codes.

usage: e2e_cli.py FENGONG_BINARY SAMPLES_DIR CHECK
Each CHECK is one CTest test; a failure prints what was expected and what came.
"""
import json, os, subprocess, sys, tempfile
import yaml

BIN, SAMPLES, CHECK = sys.argv[1], sys.argv[2], sys.argv[3]
SAMPLE_FILES = sorted(os.path.join(SAMPLES, f) for f in os.listdir(SAMPLES) if f.endswith(".txt"))

DOC_KEYS = ["schema", "document", "goals", "tasks", "units", "warnings"]
META_KEYS = ["title", "region", "issuer", "doc_number", "date", "period", "source"]
SOURCE_KEYS = ["path", "sha256", "encoding", "layout"]
TASK_KEYS = ["id", "number", "path", "theme", "title", "text", "lead", "responsible",
             "open_list", "targets", "lines"]
UNIT_KEYS = ["name", "canonical", "level", "role", "collective", "tasks"]
WARNING_KEYS = ["line", "code", "message"]


def run(*args, stdin=None):
    return subprocess.run([BIN, *args], capture_output=True, input=stdin)


def expect(cond, what, got=""):
    if not cond:
        print(f"FAIL: expected {what}\n  got: {got}")
        sys.exit(1)


def keys_in_order(mapping, keys, where):
    expect(list(mapping.keys()) == keys, f"{where} keys {keys}", list(mapping.keys()))


def check_deterministic():
    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
        for out in (a, b):
            r = run("parse", "-q", *SAMPLE_FILES, "-o", out)
            expect(r.returncode == 0, "exit 0", r.stderr.decode())
        for f in sorted(os.listdir(a)):
            expect(open(os.path.join(a, f), "rb").read() == open(os.path.join(b, f), "rb").read(),
                   f"{f} byte-identical on two runs")


def check_schema_keys():
    for path in SAMPLE_FILES:
        r = run("parse", "-q", path)
        expect(r.returncode == 0, f"exit 0 for {path}", r.stderr.decode())
        doc = yaml.safe_load(r.stdout.decode())
        keys_in_order(doc, DOC_KEYS, path)
        keys_in_order(doc["document"], META_KEYS, "document")
        keys_in_order(doc["document"]["source"], SOURCE_KEYS, "document.source")
        expect(doc["schema"] == "fengong/1", "schema fengong/1", doc["schema"])
        expect(len(doc["tasks"]) > 0, f"tasks in {path}")
        for task in doc["tasks"]:
            keys_in_order(task, TASK_KEYS, "task")
        for unit in doc["units"]:
            keys_in_order(unit, UNIT_KEYS, "unit")
        for warning in doc["warnings"]:
            keys_in_order(warning, WARNING_KEYS, "warning")
        ids = [t["id"] for t in doc["tasks"]]
        expect(len(ids) == len(set(ids)), "unique task ids", ids)


def check_json_matches_yaml():
    for path in SAMPLE_FILES:
        y = yaml.safe_load(run("parse", "-q", path).stdout.decode())
        j = json.loads(run("parse", "-q", "--format", "json", path).stdout.decode())
        expect(y == j, f"JSON and YAML hold the same document for {path}")


def check_stdin():
    data = open(SAMPLE_FILES[0], "rb").read()
    r = run("parse", "-q", "-", stdin=data)
    expect(r.returncode == 0, "exit 0 reading stdin", r.stderr.decode())
    expect(yaml.safe_load(r.stdout.decode())["document"]["source"]["path"] == "-", "path '-'")


def check_bad_inputs():
    with tempfile.TemporaryDirectory() as tmp:
        def write(name, data):
            p = os.path.join(tmp, name)
            open(p, "wb").write(data)
            return p
        cases = [  # (argument, exit code, words the message must hold)
            (os.path.join(tmp, "missing.txt"), 3, "no such file"),
            (tmp, 3, "directory"),
            (write("empty.txt", b""), 4, "empty"),
            (write("blank.txt", b" \n\t\n\xe3\x80\x80\n"), 4, "whitespace"),
            (write("doc.pdf", b"%PDF-1.4\n%\xe2\xe3\n1 0 obj"), 4, "PDF"),
            (write("doc.docx", b"PK\x03\x04\x14\x00\x06\x00"), 4, "ZIP"),
            (write("junk.bin", bytes(range(256)) * 4), 4, "binary"),
        ]
        for arg, code, words in cases:
            r = run("parse", arg)
            err = r.stderr.decode()
            expect(r.returncode == code, f"exit {code} for {os.path.basename(arg)}",
                   f"{r.returncode}: {err}")
            expect(words in err and arg in err, f"message naming {arg} with '{words}'", err)
        # A batch with one broken file: the good one is written, exit 7.
        out = os.path.join(tmp, "out")
        r = run("parse", "-q", SAMPLE_FILES[0], os.path.join(tmp, "empty.txt"), "-o", out)
        expect(r.returncode == 7, "exit 7 for a batch with a failure", r.returncode)
        stem = os.path.splitext(os.path.basename(SAMPLE_FILES[0]))[0]
        expect(os.path.exists(os.path.join(out, stem + ".yaml")), "the good output written")
        expect(not [f for f in os.listdir(out) if f.endswith(".tmp")], "no temporary files left")


def check_text_without_tasks():
    with tempfile.TemporaryDirectory() as tmp:
        p = os.path.join(tmp, "note.txt")
        open(p, "w", encoding="utf-8").write("这是一段普通的文字，没有任何任务。\n")
        r = run("parse", p)
        expect(r.returncode == 0, "exit 0 for text without tasks", r.stderr.decode())
        doc = yaml.safe_load(r.stdout.decode())
        expect(any(w["code"] == "no-tasks" for w in doc["warnings"]), "a no-tasks warning",
               doc["warnings"])
        expect("no-tasks" in r.stderr.decode(), "the warning echoed on stderr", r.stderr.decode())


def check_usage():
    r = run("pars", "x.txt")
    expect(r.returncode == 2 and "did you mean 'parse'" in r.stderr.decode(),
           "exit 2 with a suggestion", r.stderr.decode())
    r = run("parse")
    expect(r.returncode == 2, "exit 2 without inputs", r.returncode)
    r = run("--version")
    expect(r.returncode == 0 and r.stdout.decode().startswith("fengong "), "a version line")


def check_bad_grammar():
    # The built-in structure.yaml with its appendix pattern broken: the error names that line.
    source = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "grammars",
                          "structure.yaml")
    lines = open(source, encoding="utf-8").read().split("\n")
    broken = next(i for i, line in enumerate(lines) if line.startswith("appendix:"))
    lines[broken] = "appendix: '^附件('"
    with tempfile.TemporaryDirectory() as tmp:
        open(os.path.join(tmp, "structure.yaml"), "w", encoding="utf-8").write("\n".join(lines))
        r = run("parse", "--grammars", tmp, SAMPLE_FILES[0])
        err = r.stderr.decode()
        expect(r.returncode == 5, "exit 5 for a broken grammar", f"{r.returncode}: {err}")
        expect(f"grammars/structure.yaml:{broken + 1}" in err and "missing )" in err,
               "the grammar file, line and RE2 error", err)


CHECKS = {name[len("check_"):]: fn for name, fn in globals().items() if name.startswith("check_")}
if CHECK not in CHECKS:
    sys.exit(f"unknown check {CHECK}; known: {sorted(CHECKS)}")
CHECKS[CHECK]()
print(f"ok: {CHECK}")
