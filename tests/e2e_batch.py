#!/usr/bin/env python3
"""End-to-end checks of fengong batches: many files, corrupt ones, every output format, SQLite,
the JSON Schema, the progress bar, interruption.

usage: e2e_batch.py FENGONG_BINARY REPO_DIR CHECK
Each CHECK is one CTest test; a failure prints what was expected and what came.
FENGONG_E2E_FILES sets the batch size (default 1000, the issue's figure).
"""
import csv, io, json, os, pty, re, shutil, signal, sqlite3, subprocess, sys, tempfile, time
import yaml

BIN, REPO, CHECK = os.path.abspath(sys.argv[1]), sys.argv[2], sys.argv[3]
SAMPLES = os.path.join(REPO, "samples")
SAMPLE_FILES = sorted(os.path.join(SAMPLES, f) for f in os.listdir(SAMPLES) if f.endswith(".txt"))
FILES = int(os.environ.get("FENGONG_E2E_FILES", "1000"))
CORRUPT = {  # relative path -> bytes that are not a text plan
    "district-1/scan.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
    "district-2/export.txt": bytes(range(256)) * 8,
    "district-3/blank.txt": b"",
}
ISSUE_QUERY = ("SELECT count(DISTINCT d.path) FROM documents d "
               "JOIN tasks t ON t.document_id = d.id JOIN targets g ON g.task_id = t.id "
               "WHERE g.unit = '人' AND g.value >= 1000")
CSV_COLUMNS = ["path", "sha256", "title", "region", "issuer", "doc_number", "date", "task_id",
               "task_number", "task_path", "task_title", "task_theme", "lead", "responsible",
               "open_list", "line_first", "line_last", "task_text", "target_kind", "value",
               "value_max", "unit", "comparator", "stretch", "deadline", "period", "metric",
               "target_text", "target_line"]


def run(*args, stdin=None, **kwargs):
    return subprocess.run([BIN, *args], capture_output=True, input=stdin, **kwargs)


def expect(cond, what, got=""):
    if not cond:
        print(f"FAIL: expected {what}\n  got: {str(got)[:3000]}")
        sys.exit(1)


def make_corpus(root, files=FILES):
    """`files` plans from the benchmark generator in four district folders, plus CORRUPT."""
    flat = os.path.join(root, "flat")
    subprocess.run([sys.executable, os.path.join(REPO, "bench", "make_corpus.py"), flat,
                    "--files", str(files - len(CORRUPT)), "--min-mb", "0"],
                   check=True, capture_output=True)
    corpus = os.path.join(root, "corpus")
    for i, name in enumerate(sorted(os.listdir(flat))[:files - len(CORRUPT)]):
        folder = os.path.join(corpus, f"district-{i % 4}")
        os.makedirs(folder, exist_ok=True)
        os.rename(os.path.join(flat, name), os.path.join(folder, name))
    for relative, data in CORRUPT.items():
        with open(os.path.join(corpus, relative), "wb") as f:
            f.write(data)
    shutil.rmtree(flat)
    return corpus


def relative_files(root):
    return sorted(os.path.relpath(os.path.join(d, f), root)
                  for d, _, names in os.walk(root) for f in names)


def leftovers(*roots):
    """Temporary or hidden files under the roots (nothing half-written may stay)."""
    found = []
    for root in roots:
        for d, _, names in os.walk(root):
            found += [os.path.join(d, n) for n in names if n.startswith(".") or n.endswith(".tmp")
                      or n.endswith("-journal")]
    return found


# A JSON Schema validator for the keywords schemas/fengong-1.schema.json uses (python3-jsonschema
# is not always importable by the python3 that runs the tests). Returns a list of errors.
TYPES = {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None)}


def type_ok(value, name):
    if name == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if name == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, TYPES[name])


def validate(value, schema, root, where="$"):
    if "$ref" in schema:
        node = root
        for part in schema["$ref"].lstrip("#/").split("/"):
            node = node[part]
        return validate(value, node, root, where)
    errors = []
    kinds = schema.get("type")
    if kinds is not None:
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if not any(type_ok(value, k) for k in kinds):
            return [f"{where}: {value!r} is not of type {kinds}"]
    if "const" in schema and value != schema["const"]:
        errors.append(f"{where}: {value!r} is not {schema['const']!r}")
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{where}: {value!r} is not one of {schema['enum']}")
    if isinstance(value, str):
        if "pattern" in schema and not re.search(schema["pattern"], value):
            errors.append(f"{where}: {value!r} does not match {schema['pattern']}")
        if len(value) < schema.get("minLength", 0):
            errors.append(f"{where}: {value!r} is too short")
    if type_ok(value, "number") and "minimum" in schema and value < schema["minimum"]:
        errors.append(f"{where}: {value} < {schema['minimum']}")
    if "oneOf" in schema:
        passing = [s for s in schema["oneOf"] if not validate(value, s, root, where)]
        if len(passing) != 1:
            errors.append(f"{where}: {value!r} matches {len(passing)} of oneOf, not 1")
    if isinstance(value, dict):
        props = schema.get("properties", {})
        errors += [f"{where}: missing {k}" for k in schema.get("required", []) if k not in value]
        for key, item in value.items():
            if key in props:
                errors += validate(item, props[key], root, f"{where}.{key}")
            elif schema.get("additionalProperties") is False:
                errors.append(f"{where}: unexpected key {key}")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0) or len(value) > schema.get("maxItems", 1 << 30):
            errors.append(f"{where}: {len(value)} items")
        if "items" in schema:
            for i, item in enumerate(value):
                errors += validate(item, schema["items"], root, f"{where}[{i}]")
    return errors


def load_schema():
    r = run("schema")
    expect(r.returncode == 0, "fengong schema exits 0", r.stderr.decode())
    schema = json.loads(r.stdout)
    with open(os.path.join(REPO, "schemas", "fengong-1.schema.json"), "rb") as f:
        expect(r.stdout == f.read(), "fengong schema prints schemas/fengong-1.schema.json as is")
    return schema


def check_schema_validates_samples():
    schema = load_schema()
    try:  # the reference validator too, when this python3 has it
        import jsonschema
        jsonschema.Draft202012Validator.check_schema(schema)
        reference = jsonschema.Draft202012Validator(schema)
    except ImportError:
        reference = None
    broken = {"schema": "fengong/2", "document": {}, "goals": [{"kind": "goal"}]}
    expect(len(validate(broken, schema, schema)) >= 3, "the validator rejects a broken document",
           validate(broken, schema, schema))
    for path in SAMPLE_FILES:
        for fmt in ("json", "yaml"):
            r = run("parse", "-q", "--format", fmt, path)
            expect(r.returncode == 0, f"exit 0 for {path}", r.stderr.decode())
            doc = json.loads(r.stdout) if fmt == "json" else yaml.safe_load(r.stdout.decode())
            errors = validate(doc, schema, schema)
            expect(not errors, f"{path} ({fmt}) valid against the schema", errors[:10])
            if reference is not None:
                errors = [e.message for e in reference.iter_errors(doc)]
                expect(not errors, f"{path} ({fmt}) valid for jsonschema too", errors[:10])


def check_batch_with_corrupt_files():
    with tempfile.TemporaryDirectory() as tmp:
        corpus = make_corpus(tmp)
        out, db = os.path.join(tmp, "out"), os.path.join(tmp, "plans.db")
        r = run("parse", "-j", "2", "--format", "json", corpus, "-o", out, "--sqlite", db)
        err = r.stderr.decode()
        expect(r.returncode == 7, "exit 7 (some inputs failed)", f"{r.returncode}: {err[-2000:]}")
        failed = [line for line in err.splitlines() if line.startswith("  failed: ")]
        expect(len(failed) == 3, "three inputs listed as failed", failed)
        for relative in CORRUPT:
            expect(any(os.path.join(corpus, relative) in line for line in failed),
                   f"{relative} named among the failures", failed)
        summary = [line for line in err.splitlines() if line.startswith("fengong: ")]
        expect(len(summary) == 1 and f"{FILES} files: {FILES - 3} ok" in summary[0]
               and "3 failed" in summary[0], "one summary line", summary)
        expected = sorted(re.sub(r"\.txt$", ".json", f) for f in relative_files(corpus)
                          if f not in CORRUPT)
        expect(relative_files(out) == expected, f"{FILES - 3} outputs mirroring the corpus",
               set(relative_files(out)) ^ set(expected))
        expect(not leftovers(out, tmp), "no temporary file left behind", leftovers(out, tmp))
        docs = [json.load(open(os.path.join(out, f), encoding="utf-8")) for f in expected]
        schema = load_schema()
        # Every output is valid: each distinct document in full (files of equal bytes differ
        # only in source.path), and every file's keys.
        distinct = {d["document"]["source"]["sha256"]: d for d in docs}
        for doc in distinct.values():
            errors = validate(doc, schema, schema)
            expect(not errors, f"{doc['document']['source']['path']} valid", errors[:5])
        expect(all(list(d) == list(schema["required"]) for d in docs), "every output whole")
        check_database(db, docs)
        # Again over the same files: rows are replaced, not added.
        r = run("parse", "-q", "-j", "2", corpus, "--sqlite", db)
        expect(r.returncode == 7 and r.stdout == b"", "exit 7 and nothing on stdout with --sqlite",
               r.returncode)
        check_database(db, docs)


def check_database(db, docs):
    con = sqlite3.connect(db)
    count = lambda sql: con.execute(sql).fetchone()[0]
    shas = {d["document"]["source"]["sha256"] for d in docs}
    expect(count("SELECT count(*) FROM documents") == len(shas), f"{len(shas)} documents",
           count("SELECT count(*) FROM documents"))
    by_sha = {d["document"]["source"]["sha256"]: d for d in docs}  # the later file of equal bytes
    kept = list(by_sha.values())
    expect(count("SELECT count(*) FROM tasks") == sum(len(d["tasks"]) for d in kept), "every task")
    units = sum(len(t["lead"]) + len(t["responsible"]) for d in kept for t in d["tasks"])
    expect(count("SELECT count(*) FROM task_units") == units, f"{units} task units")
    targets = sum(len(d["goals"]) + sum(len(t["targets"]) for t in d["tasks"]) for d in kept)
    expect(count("SELECT count(*) FROM targets") == targets, f"{targets} targets")
    expect(count("SELECT count(*) FROM warnings") == sum(len(d["warnings"]) for d in kept),
           "every warning")
    answer = count(ISSUE_QUERY)
    want = len({d["document"]["source"]["path"] for d in kept for t in d["tasks"]
                for g in t["targets"] if g["unit"] == "人" and g["value"] >= 1000})
    expect(answer == want, f"the issue's query answers {want}", answer)
    indexes = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    expect({"targets_unit_value", "tasks_document", "task_units_task"} <= indexes, "indexes",
           indexes)
    con.close()


def check_same_output_for_any_jobs():
    with tempfile.TemporaryDirectory() as tmp:
        corpus = make_corpus(tmp, files=60)
        outputs = {}
        for jobs in ("1", "2", "5"):
            r = run("parse", "-q", "-j", jobs, "--format", "jsonl", corpus)
            expect(r.returncode == 7, f"exit 7 at -j{jobs}", r.returncode)
            outputs[jobs] = (r.stdout, r.stderr)
        expect(outputs["1"] == outputs["2"] == outputs["5"],
               "the same stdout and stderr bytes at -j1, -j2, -j5")


def check_jsonl_and_csv_load_in_python():
    with tempfile.TemporaryDirectory() as tmp:
        corpus = make_corpus(tmp, files=40)
        jsonl, table = os.path.join(tmp, "all.jsonl"), os.path.join(tmp, "all.csv")
        for fmt, out in (("jsonl", jsonl), ("csv", table)):
            r = run("parse", "-q", "--format", fmt, corpus, "-o", out)
            expect(r.returncode == 7, f"exit 7 for --format {fmt}", r.stderr.decode())
        loader = ("import json, csv, sys\n"
                  "docs = [json.loads(line) for line in open(sys.argv[1], encoding='utf-8')]\n"
                  "rows = list(csv.DictReader(open(sys.argv[2], encoding='utf-8', newline='')))\n"
                  "print(json.dumps([[d['document']['source']['path'] for d in docs],\n"
                  "                  [[r['path'], r['task_id'], r['value']] for r in rows],\n"
                  "                  list(rows[0].keys())]))\n")
        r = subprocess.run([sys.executable, "-c", loader, jsonl, table], capture_output=True)
        expect(r.returncode == 0, "python3 json and csv load the outputs", r.stderr.decode())
        paths, rows, columns = json.loads(r.stdout)
        expect(columns == CSV_COLUMNS, "the documented CSV columns", columns)
        names = [os.path.join(corpus, f) for f in relative_files(corpus) if f not in CORRUPT]
        expect(paths == names, "one JSON line per parsed file, in input order", paths[:3])
        docs = [json.loads(run("parse", "-q", "--format", "json", p).stdout) for p in names]
        expect([json.loads(l) for l in open(jsonl, encoding="utf-8")] == docs,
               "each JSON line holds the same document as --format json")
        want = []
        for d in docs:
            path = d["document"]["source"]["path"]
            rows_of_doc = [[path, "", str(g["value"])] for g in d["goals"]]
            for t in d["tasks"]:
                rows_of_doc += [[path, t["id"], str(g["value"])] for g in t["targets"]] or \
                               [[path, t["id"], ""]]
            want += rows_of_doc or [[path, "", ""]]
        expect(rows == want, "a CSV row per goal, per task target, per task without one",
               [r for r in rows if r not in want][:5])
        data = open(table, "rb").read()
        expect(data.endswith(b"\r\n") and b"\r\n" in data.split(b"\n", 1)[0] + b"\n",
               "CRLF line ends (RFC 4180)")


def check_progress_on_terminal_only():
    with tempfile.TemporaryDirectory() as tmp:
        corpus = make_corpus(tmp, files=30)
        leader, follower = pty.openpty()
        proc = subprocess.Popen([BIN, "parse", "--format", "jsonl", corpus, "-o",
                                 os.path.join(tmp, "a.jsonl")], stderr=follower,
                                stdout=subprocess.DEVNULL)
        os.close(follower)
        seen = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        proc.wait()
        os.close(leader)
        text = seen.decode(errors="replace")
        expect(re.search(r"\[[#.]{24}\] \d+/30 files .* MB/s  ETA ", text),
               "a progress bar on a terminal", text[-600:])
        expect("fengong: 30 files: 27 ok" in text, "the summary on a terminal", text[-600:])
        r = run("parse", "--format", "jsonl", corpus, "-o", os.path.join(tmp, "b.jsonl"))
        err = r.stderr.decode()
        expect("ETA" not in err and "\r" not in err, "no bar when stderr is not a terminal",
               err[-600:])
        expect(err.count("fengong: 30 files: 27 ok") == 1, "the summary line anyway", err[-600:])
        r = run("parse", "-q", "--format", "jsonl", corpus, "-o", os.path.join(tmp, "c.jsonl"))
        err = r.stderr.decode()
        expect("fengong: 30 files" not in err and err.count("error") == 3,
               "-q: only the three errors", err)


def check_interrupt_leaves_nothing_half_written():
    with tempfile.TemporaryDirectory() as tmp:
        # Enough files that the batch is still running when the signal comes 0.7 s in, even at
        # the 50 MB/s goal (2,000 files are ~75 MB); a faster parser finished 400 in time.
        corpus = make_corpus(tmp, files=2000)
        out, db = os.path.join(tmp, "all.jsonl"), os.path.join(tmp, "plans.db")
        folder = os.path.join(tmp, "out")
        for args in (["--format", "jsonl", "-o", out, "--sqlite", db], ["-o", folder]):
            proc = subprocess.Popen([BIN, "parse", "-q", "-j", "1", corpus, *args],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            time.sleep(0.7)
            proc.send_signal(signal.SIGINT)
            _, err = proc.communicate()
            expect(proc.returncode == 130, "exit 130 when interrupted", f"{proc.returncode}: {err}")
            expect(b"interrupted" in err, "a message saying so", err)
            expect(not leftovers(tmp), "no temporary file left", leftovers(tmp))
        expect(not os.path.exists(out), "no JSONL file from an interrupted batch")
        con = sqlite3.connect(db)
        tables = con.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
        expect(tables == 0, "nothing committed to the database", tables)
        written = relative_files(folder)
        expect(0 < len(written) < 397, "some whole outputs in the folder", len(written))
        for f in written:
            json_or_yaml = yaml.safe_load(open(os.path.join(folder, f), encoding="utf-8"))
            expect(json_or_yaml["schema"] == "fengong/1", f"{f} whole")


def check_inputs_from_lists_and_globs():
    with tempfile.TemporaryDirectory() as tmp:
        corpus = make_corpus(tmp, files=20)
        listed = [os.path.relpath(os.path.join(corpus, f), tmp) for f in relative_files(corpus)
                  if f.startswith("district-0/")]
        out = os.path.join(tmp, "out")
        r = run("parse", "-q", "--files-from", "-", "--glob", "corpus/district-1/*.txt", "-o", out,
                stdin="\n".join(listed).encode(), cwd=tmp)
        expect(r.returncode == 7, "exit 7 (district-1 holds a corrupt file)", r.stderr.decode())
        got = relative_files(out)
        want = sorted([f[:-4] + ".yaml" for f in listed] +
                      [f[:-4] + ".yaml" for f in relative_files(os.path.join(corpus, "district-1"))
                       if "scan" not in f])
        expect(got == want, "list entries mirror their listed path, glob matches their base", got)
        # Two inputs named alike, given one by one: the second never overwrites the first.
        a, b = (os.path.join(tmp, d, "plan.txt") for d in ("a", "b"))
        for path, sample in ((a, SAMPLE_FILES[0]), (b, SAMPLE_FILES[1])):
            os.makedirs(os.path.dirname(path))
            shutil.copy(sample, path)
        flat = os.path.join(tmp, "flat")
        r = run("parse", "-q", a, b, "-o", flat)
        err = r.stderr.decode()
        expect(r.returncode == 7 and f"{b}: error: its output" in err and f"output of {a}" in err,
               "exit 7, the second input refused", f"{r.returncode}: {err}")
        source = yaml.safe_load(open(os.path.join(flat, "plan.yaml"), encoding="utf-8"))
        expect(source["document"]["source"]["path"] == a, "the first input's output kept")
        r = run("parse", "-q", "--glob", "nothing/*.txt", cwd=tmp)
        expect(r.returncode == 3 and "nothing/*.txt: error: no file matches" in r.stderr.decode(),
               "exit 3 for a glob that matches nothing", r.stderr.decode())


def check_unwritable_outputs_stop_the_batch():
    with tempfile.TemporaryDirectory() as tmp:
        corpus = make_corpus(tmp, files=12)
        blocker = os.path.join(tmp, "a-file")
        open(blocker, "w").close()
        for args in (["--format", "jsonl", "-o", os.path.join(blocker, "all.jsonl")],
                     ["--sqlite", os.path.join(blocker, "plans.db")],
                     ["-o", os.path.join(blocker, "out")]):
            r = run("parse", "-q", corpus, *args)
            expect(r.returncode == 6 and blocker in r.stderr.decode(),
                   f"exit 6 naming the output for {args}", f"{r.returncode}: {r.stderr.decode()}")
        with open("/dev/full", "wb") as full:
            r = subprocess.run([BIN, "parse", "-q", "--format", "jsonl", corpus], stdout=full,
                               stderr=subprocess.PIPE)
        expect(r.returncode == 6 and b"standard output" in r.stderr,
               "exit 6 when standard output is full", f"{r.returncode}: {r.stderr.decode()}")
        expect(not leftovers(tmp), "no temporary file left", leftovers(tmp))


CHECKS = {name[len("check_"):]: fn for name, fn in globals().items() if name.startswith("check_")}
if CHECK not in CHECKS:
    sys.exit(f"unknown check {CHECK}; known: {sorted(CHECKS)}")
CHECKS[CHECK]()
print(f"ok: {CHECK}")
