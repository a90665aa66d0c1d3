#!/usr/bin/env python3
"""End-to-end checks of what fengong does with any input an analyst has: other encodings,
Traditional characters, and every kind of bad input in the README's table.

usage: e2e_input.py FENGONG_BINARY SAMPLES_DIR SHARED_DIR CHECK
Each CHECK is one CTest test; a failure prints what was expected and what came. Inputs are made
at test time in a temporary folder (nothing big is checked in).
"""
import contextlib, os, resource, shutil, subprocess, sys, tempfile, time
import yaml

BIN, SAMPLES, SHARED, CHECK = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
SAMPLE_FILES = sorted(os.path.join(SAMPLES, f) for f in os.listdir(SAMPLES) if f.endswith(".txt"))
NOBODY = 65534


def run(*args, stdin=None, as_nobody=False):
    def drop_privileges():
        os.setgroups([])
        os.setgid(NOBODY)
        os.setuid(NOBODY)
    return subprocess.run([BIN, *args], capture_output=True, input=stdin,
                          preexec_fn=drop_privileges if as_nobody else None)


def expect(cond, what, got=""):
    if not cond:
        print(f"FAIL: expected {what}\n  got: {got}")
        sys.exit(1)


def expect_error(args, code, message, **kwargs):
    """Runs fengong, expects exit `code` and `message` as the first line of stderr."""
    r = run(*args, **kwargs)
    err = r.stderr.decode(errors="replace")
    expect(r.returncode == code, f"exit {code}", f"{r.returncode}: {err}")
    first = err.splitlines()[0] if err else ""
    expect(first == message, f"the message\n  {message}", first)
    return r


@contextlib.contextmanager
def temp_dir():
    path = tempfile.mkdtemp(prefix="fengong-input-")
    os.chmod(path, 0o755)  # readable by the unprivileged user of the permission checks
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def write(folder, name, data):
    path = os.path.join(folder, name)
    with open(path, "wb") as f:
        f.write(data)
    return path


def parsed(path, *flags):
    r = run("parse", "-q", *flags, path)
    expect(r.returncode == 0, f"exit 0 for {path}", r.stderr.decode(errors="replace"))
    return yaml.safe_load(r.stdout.decode())


def without_source(doc):
    source = doc["document"]["source"]
    for key in ("path", "sha256", "encoding"):
        source.pop(key)
    return doc


def peak_child_rss_mb():
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


# --- encodings ---------------------------------------------------------------------------------

def check_encodings_match_utf8():
    """GB18030 and UTF-16LE-with-BOM copies of each sample give the UTF-8 output, except
    source.path, sha256 and encoding (which names what was detected)."""
    encodings = {"GB18030": lambda t: t.encode("gb18030"),
                 "UTF-16LE": lambda t: b"\xff\xfe" + t.encode("utf-16-le"),
                 "UTF-16BE": lambda t: t.encode("utf-16-be")}  # no BOM: detected
    with temp_dir() as tmp:
        for path in SAMPLE_FILES:
            text = open(path, encoding="utf-8").read()
            reference = without_source(parsed(path))
            for name, encode in encodings.items():
                copy = write(tmp, f"{name}-{os.path.basename(path)}", encode(text))
                doc = parsed(copy)
                expect(doc["document"]["source"]["encoding"] == name, f"encoding {name}",
                       doc["document"]["source"]["encoding"])
                expect(without_source(doc) == reference,
                       f"the {name} copy of {path} parses as the UTF-8 original")


def check_encoding_flag():
    with temp_dir() as tmp:
        def gbk_encodable(path):
            try:
                return open(path, encoding="utf-8").read().encode("gbk")
            except UnicodeEncodeError:
                return None
        sample = next(p for p in SAMPLE_FILES if gbk_encodable(p))
        gbk = write(tmp, "plan.txt", gbk_encodable(sample))
        doc = parsed(gbk, "--encoding", "gbk")
        expect(doc["document"]["source"]["encoding"] == "GBK", "encoding GBK (forced)",
               doc["document"]["source"]["encoding"])
        expect(without_source(doc) == without_source(parsed(sample)),
               "the forced GBK read matches the UTF-8 original")
        expect_error(["parse", "--encoding", "klingon", gbk], 2,
                     f"{gbk}: error: unknown encoding 'klingon' (try UTF-8, GB18030, GBK, Big5, "
                     "UTF-16LE)")


def check_invalid_bytes():
    """By default a bad byte becomes U+FFFD with a warning naming its line; --strict refuses the
    file with file:line:col, the line and a caret."""
    with temp_dir() as tmp:
        text = open(SAMPLE_FILES[0], encoding="utf-8").read().encode("utf-8")
        lines = text.split(b"\n")
        lines[4] = lines[4][:6] + b"\xff" + lines[4][6:]  # after two characters of line 5
        broken = write(tmp, "broken.txt", b"\n".join(lines))
        r = run("parse", broken)
        err = r.stderr.decode()
        expect(r.returncode == 0, "exit 0 with replacement", err)
        warning = (f"{broken}:5: warning: invalid-bytes: bytes \\xFF at column 3 are not valid "
                   "UTF-8; replaced with U+FFFD")
        expect(warning in err.splitlines(), f"the warning\n  {warning}", err)
        doc = yaml.safe_load(r.stdout.decode())
        expect(any(w["code"] == "invalid-bytes" and w["line"] == 5 for w in doc["warnings"]),
               "the warning in the output", doc["warnings"])
        r = expect_error(["parse", "--strict", broken], 4,
                         f"{broken}:5:3: error: bytes \\xFF are not valid UTF-8 (--strict refuses "
                         "them; without it they become U+FFFD with a warning)")
        shown = r.stderr.decode().splitlines()
        expect(len(shown) == 3 and shown[2].rstrip().endswith("^"), "the line and a caret", shown)


# --- Traditional script --------------------------------------------------------------------------

def traditional(text):
    """The text in Traditional characters, as ICU's uconv writes it (package icu-devtools)."""
    r = subprocess.run(["uconv", "-f", "utf-8", "-t", "utf-8", "-x", "Hans-Hant"],
                       input=text.encode("utf-8"), capture_output=True, check=True)
    return r.stdout


def check_traditional_scores():
    """The samples in Traditional characters, parsed with --to-simplified, score as the issue
    asks against the gold; a Big5 copy gives the same output as the UTF-8 one."""
    with temp_dir() as tmp:
        trad_dir, out = os.path.join(tmp, "trad"), os.path.join(tmp, "out")
        os.mkdir(trad_dir)
        for path in SAMPLE_FILES:
            write(trad_dir, os.path.basename(path), traditional(open(path, encoding="utf-8").read()))
        inputs = sorted(os.path.join(trad_dir, f) for f in os.listdir(trad_dir))
        r = run("parse", "-q", "--to-simplified", *inputs, "-o", out)
        expect(r.returncode == 0, "exit 0", r.stderr.decode())
        score = subprocess.run([sys.executable, os.path.join(SHARED, "eval", "score.py"),
                                os.path.join(SHARED, "gold"), out, "--min-task-f1", "0.94",
                                "--min-unit-f1", "0.92"], capture_output=True, text=True)
        print(score.stdout.splitlines()[-1] if score.stdout else score.stderr)
        expect(score.returncode == 0, "task F1 >= 0.94 and unit F1 >= 0.92", score.stdout)
        # As printed, the output keeps the Traditional characters.
        doc = parsed(inputs[0])
        expect(doc["tasks"] and doc["tasks"][0]["text"].encode("utf-8") in traditional(
            doc["tasks"][0]["text"]), "task text as printed (Traditional)", doc["tasks"][0]["text"])
        for path in inputs:
            # Big5 cannot hold every character ICU writes; those become '?' in both copies.
            big5 = open(path, encoding="utf-8").read().encode("cp950", errors="replace")
            utf8 = write(tmp, "utf8.txt", big5.decode("cp950").encode("utf-8"))
            doc = parsed(write(tmp, "big5.txt", big5))
            expect(doc["document"]["source"]["encoding"] == "Big5", f"Big5 detected for {path}",
                   doc["document"]["source"]["encoding"])
            expect(without_source(doc) == without_source(parsed(utf8)),
                   f"the Big5 copy of {path} parses as the UTF-8 one")


# --- bad inputs: one check per row of the README's table ----------------------------------------

def not_text(name, data, message):
    with temp_dir() as tmp:
        path = write(tmp, name, data)
        expect_error(["parse", path], 4, f"{path}: error: {message}")


def check_empty():
    not_text("empty.txt", b"", "the file is empty")


def check_whitespace_only():
    not_text("blank.txt", b" \r\n\t\n\xe3\x80\x80\n", "the file holds only whitespace")


def check_binary():
    not_text("junk.txt", bytes(range(256)) * 16, "the file holds binary data, not text")


def check_pdf():
    not_text("plan.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n",
             "this is a PDF file, not plain text; convert it to text first")


def zip_file(part_names):
    import io, zipfile
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        for name in part_names:
            z.writestr(name, "<x>一、开展活动</x>")
    return buffer.getvalue()


def check_docx():
    not_text("plan.docx", zip_file(["word/document.xml", "word/styles.xml"]),
             "this is a Word document (DOCX), not plain text; convert it to text first")


def check_xlsx():
    not_text("plan.xlsx", zip_file(["xl/workbook.xml", "xl/worksheets/sheet1.xml"]),
             "this is an Excel workbook (XLSX), not plain text; convert it to text first")


def check_html():
    page = "<!DOCTYPE html>\n<html><head><title>方案</title></head>\n<body><p>一、开展活动</p></body></html>\n"
    not_text("plan.html", page.encode("utf-8"),
             "this is an HTML page, not plain text; convert it to text first")
    not_text("plan.txt", page.encode("gb18030"),
             "this is an HTML page, not plain text; convert it to text first")


def check_missing_path():
    with temp_dir() as tmp:
        path = os.path.join(tmp, "no-such-plan.txt")
        expect_error(["parse", path], 3, f"{path}: error: no such file")


def check_directory():
    with temp_dir() as tmp:
        expect_error(["parse", tmp], 3, f"{tmp}: error: is a directory, not a file")


def check_unreadable():
    with temp_dir() as tmp:
        path = write(tmp, "locked.txt", open(SAMPLE_FILES[0], "rb").read())
        os.chmod(path, 0)
        as_nobody = os.geteuid() == 0  # root reads any file: run fengong as nobody instead
        if as_nobody:
            probe = run("--version", as_nobody=True)
            if probe.returncode != 0:
                print("SKIP: running as root and cannot run fengong as nobody:",
                      probe.stderr.decode())
                return
        expect_error(["parse", path], 3, f"{path}: error: cannot open: Permission denied",
                     as_nobody=as_nobody)


def check_long_line():
    """10 MB on one line (a plan whose line breaks were lost): parsed, with a long-line warning,
    in bounded memory."""
    text = "".join(open(p, encoding="utf-8").read() for p in SAMPLE_FILES).replace("\n", " ")
    data = (text.encode("utf-8") * (10_000_000 // len(text.encode("utf-8")) + 1))[:10_000_000]
    data = data.decode("utf-8", errors="ignore").encode("utf-8")
    with temp_dir() as tmp:
        path = write(tmp, "one-line.txt", data)
        start = time.monotonic()
        r = run("parse", path, "-o", os.path.join(tmp, "out"))
        seconds = time.monotonic() - start
        err = r.stderr.decode()
        expect(r.returncode == 0, "exit 0", err[:2000])
        warning = (f"{path}:1: warning: long-line: the line is 10.0 MB long: its line breaks were "
                   "probably lost when the text was copied, and tasks may be missed")
        expect(warning in err.splitlines(), f"the warning\n  {warning}", err[:2000])
        rss = peak_child_rss_mb()
        print(f"10 MB line: {seconds:.1f} s, peak RSS {rss:.0f} MB")
        expect(rss < 40 * 10, "peak RSS under 40x the input", f"{rss:.0f} MB")


def check_huge_file():
    """200 MB: refused before it is read (the limit is --max-input-mb, default 64), so memory
    stays small whatever the size; standard input stops being read at the limit."""
    with temp_dir() as tmp:
        path = os.path.join(tmp, "huge.txt")
        block = open(SAMPLE_FILES[0], "rb").read()
        with open(path, "wb") as f:
            for _ in range(200_000_000 // len(block) + 1):
                f.write(block)
        size = os.path.getsize(path)
        expect_error(["parse", path], 4,
                     f"{path}: error: the input is {size / 1e6:.1f} MB, over the 64 MB limit for "
                     "one plan (a plan is rarely over 1 MB; --max-input-mb raises the limit)")
        rss = peak_child_rss_mb()
        print(f"200 MB file: refused, peak RSS {rss:.0f} MB")
        expect(rss < 50, "peak RSS under 50 MB for a refused file", f"{rss:.0f} MB")
        with open(path, "rb") as f:
            r = subprocess.run([BIN, "parse", "-"], stdin=f, capture_output=True)
        err = r.stderr.decode()
        expected = ("-: error: the input is over 64.0 MB, over the 64 MB limit for one plan (a "
                    "plan is rarely over 1 MB; --max-input-mb raises the limit)")
        expect(r.returncode == 4 and err.splitlines()[0] == expected,
               f"exit 4 and\n  {expected}", f"{r.returncode}: {err}")
        rss = peak_child_rss_mb()
        print(f"200 MB on standard input: refused, peak RSS {rss:.0f} MB")
        expect(rss < 150, "peak RSS under 150 MB", f"{rss:.0f} MB")


def check_unwritable_output():
    with temp_dir() as tmp:
        stem = os.path.splitext(os.path.basename(SAMPLE_FILES[0]))[0]
        # A folder that cannot be made: its parent is a file (fails even for root).
        blocker = write(tmp, "a-file", b"x")
        out = os.path.join(blocker, "out")
        expect_error(["parse", SAMPLE_FILES[0], "-o", out], 6,
                     f"{out}: error: cannot create the output folder: Not a directory")
        # A folder without write permission.
        locked = os.path.join(tmp, "locked")
        os.mkdir(locked, 0o555)
        os.chmod(locked, 0o555)
        as_nobody = os.geteuid() == 0  # root writes anywhere: run fengong as nobody instead
        if as_nobody and run("--version", as_nobody=True).returncode != 0:
            print("SKIP (permission part): running as root and cannot run fengong as nobody")
            return
        target = os.path.join(locked, stem + ".yaml")
        expect_error(["parse", "-q", SAMPLE_FILES[0], "-o", locked], 6,
                     f"{target}: error: cannot write: Permission denied", as_nobody=as_nobody)
        expect(os.listdir(locked) == [], "nothing left in the folder", os.listdir(locked))


def check_no_tasks():
    with temp_dir() as tmp:
        path = write(tmp, "note.txt", "关于做好春节期间安全工作的通知\n各单位：请做好值班安排。\n".encode())
        r = run("parse", path)
        err = r.stderr.decode()
        expect(r.returncode == 0, "exit 0 for text without tasks", err)
        warning = f"{path}:0: warning: no-tasks: no numbered task or task table was found"
        expect(warning in err.splitlines(), f"the warning\n  {warning}", err)
        doc = yaml.safe_load(r.stdout.decode())
        expect(doc["tasks"] == [] and any(w["code"] == "no-tasks" for w in doc["warnings"]),
               "no tasks and a no-tasks warning in the output", doc["warnings"])


CHECKS = {name[len("check_"):]: fn for name, fn in globals().items() if name.startswith("check_")}
if CHECK not in CHECKS:
    sys.exit(f"unknown check {CHECK}; known: {sorted(CHECKS)}")
CHECKS[CHECK]()
print(f"ok: {CHECK}")
