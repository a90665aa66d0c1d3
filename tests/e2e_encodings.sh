#!/usr/bin/env bash
# Parses the plans of tests/encodings — saved in encodings other than UTF-8 (GB18030 with CRLF line
# ends, UTF-16LE with a byte-order mark), so e2e_variants.py, which rewrites UTF-8 text, cannot
# hold them — and scores them with the shared scorer. Each plan has one mismatched bracket on a
# known line: the warning must name that input line, counted in the decoded text.
set -euo pipefail
src=$1 shared=$2
shift 2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$FENGONG" parse -q "$src"/tests/encodings/*.txt -o "$out"
expect() {  # FILE ENCODING LINE: the recorded encoding and the unmatched-bracket warning's line
  grep -q "encoding: $2\$" "$out/$1.yaml" || { echo "FAIL $1: encoding is not $2"; exit 1; }
  grep -A1 "line: $3\$" "$out/$1.yaml" | grep -q "code: unmatched-bracket" ||
    { echo "FAIL $1: no unmatched-bracket warning on line $3"; exit 1; }
}
expect tianxin-tuoyu-fuwu-gb18030 GB18030 21
expect liuyang-wenwu-baohu-utf16 UTF-16LE 9
python3 "$src/tests/check_score.py" "$src/tests/encodings" "$out" "$shared/eval/score.py" "$@"
