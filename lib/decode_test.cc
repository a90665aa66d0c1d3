#include "decode.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "decode_detect.h"

namespace fengong {
namespace {

std::string CodeName(Status::Code code) {
  switch (code) {
    case Status::Code::kNotText:
      return "not-text";
    case Status::Code::kBadEncoding:
      return "bad-encoding";
    case Status::Code::kInvalidArgument:
      return "invalid-argument";
    default:
      return "other";
  }
}

std::string Escaped(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else {
      out += c;
    }
  }
  return out;
}

// "GB18030 \"text\" warn{…}…" or "not-text{message}".
std::string DumpDecode(std::string_view bytes, const DecodeOptions& options = {}) {
  Diagnostics diagnostics;
  Result<DecodedText> decoded = Decode(bytes, options, &diagnostics);
  if (!decoded.ok()) {
    return CodeName(decoded.status().code()) + "{" + decoded.status().ToString() + "}";
  }
  std::string out = decoded.value().encoding + " \"" + Escaped(decoded.value().text) + "\"";
  for (const Warning& w : diagnostics.warnings()) out += " " + w.Dump();
  return out;
}

DecodeOptions Forced(const char* encoding) {
  DecodeOptions options;
  options.encoding = encoding;
  return options;
}

DecodeOptions Strict() {
  DecodeOptions options;
  options.invalid_bytes = InvalidBytes::kFail;
  return options;
}

std::string_view Bytes(const char* data, size_t size) { return std::string_view(data, size); }
#define BYTES(literal) Bytes(literal, sizeof(literal) - 1)

struct DecodeCase {
  std::string_view bytes;
  std::string expected;
};

TEST_CASE("Decode: byte-order marks name the encoding and are dropped") {
  const DecodeCase cases[] = {
      {BYTES("\xEF\xBB\xBF"
             "科协\n"),
       "UTF-8 \"科协\\n\""},
      {BYTES("\xFF\xFE\xD1\x79\x4F\x53\x0A\x00"), "UTF-16LE \"科协\\n\""},
      {BYTES("\xFE\xFF\x79\xD1\x53\x4F\x00\x0A"), "UTF-16BE \"科协\\n\""},
      {BYTES("\xFF\xFE\x00\x00\xD1\x79\x00\x00\x4F\x53\x00\x00"), "UTF-32LE \"科协\""},
      {BYTES("\x00\x00\xFE\xFF\x00\x00\x79\xD1\x00\x00\x53\x4F"), "UTF-32BE \"科协\""},
      {BYTES("\x84\x31\x95\x33\xBF\xC6\xD0\xAD"), "GB18030 \"科协\""},
  };
  for (const DecodeCase& c : cases) CHECK(DumpDecode(c.bytes) == c.expected);
}

TEST_CASE("Decode: detection among UTF-8, GB18030, Big5 and UTF-16 validates by converting") {
  const DecodeCase cases[] = {
      {"一、开展活动\n", "UTF-8 \"一、开展活动\\n\""},
      {"plain ASCII\n", "UTF-8 \"plain ASCII\\n\""},
      // GB18030: 区 is C7F8, which Big5 reads as a private-use (user-defined) character.
      {BYTES("\xC7\xF8\xBF\xC6\xD0\xAD"), "GB18030 \"区科协\""},
      {BYTES("1. \xC7\xF8\xBF\xC6\xD0\xAD\xC7\xA3\xCD\xB7\xA3\xAC\xB8\xF7\xBD\xD6\xB5\xC0\xB8\xBA"
             "\xD4\xF0\xA1\xA3\n"),
       "GB18030 \"1. 区科协牵头，各街道负责。\\n\""},
      // Big5: 區科協牽頭，各街道負責。 GB18030 reads several of these pairs as private-use.
      {BYTES("\xB0\xCF\xAC\xEC\xA8\xF3\xB2\x6F\xC0\x59\xA1\x41\xA6\x55\xB5\xF3\xB9\x44\xAD\x74\xB3"
             "\x64\xA1\x43"),
       "Big5 \"區科協牽頭，各街道負責。\""},
      // UTF-16 without a BOM: the NUL high bytes of ASCII characters give it away.
      {BYTES("\x00\x4E\x01\x30\x00\x5F\x55\x5C\x3B\x6D\xA8\x52\x0A\x00"),
       "UTF-16LE \"一、开展活动\\n\""},
      {BYTES("\x4E\x00\x30\x01\x5F\x00\x5C\x55\x6D\x3B\x52\xA8\x00\x0A"),
       "UTF-16BE \"一、开展活动\\n\""},
  };
  for (const DecodeCase& c : cases) CHECK(DumpDecode(c.bytes) == c.expected);
}

TEST_CASE("Decode: --encoding forces one and records its standard name") {
  CHECK(DumpDecode(BYTES("\xBF\xC6\xD0\xAD"), Forced("gbk")) == "GBK \"科协\"");
  CHECK(DumpDecode(BYTES("\xBF\xC6\xD0\xAD"), Forced("gb18030")) == "GB18030 \"科协\"");
  CHECK(DumpDecode(BYTES("\xEF\xBB\xBF"
                         "科协"),
                   Forced("utf-8")) == "UTF-8 \"科协\"");
  CHECK(DumpDecode(BYTES("\xFF\xFE\xD1\x79\x4F\x53"), Forced("UTF-16LE")) == "UTF-16LE \"科协\"");
  CHECK(DumpDecode("科协", Forced("no-such-encoding")) ==
        "invalid-argument{unknown encoding 'no-such-encoding' (try UTF-8, GB18030, GBK, Big5, "
        "UTF-16LE)}");
}

TEST_CASE("Decode: line ends become \\n") {
  CHECK(DumpDecode("a\r\nb\rc\n") == "UTF-8 \"a\\nb\\nc\\n\"");
  CHECK(DumpDecode(BYTES("\xFF\xFE"
                         "a\0\r\0\n\0b\0")) == "UTF-16LE \"a\\nb\"");
}

TEST_CASE("Decode: invalid bytes become U+FFFD with a warning naming the line, or fail --strict") {
  CHECK(DumpDecode("科协\n工作\xFF计划\n") ==
        "UTF-8 \"科协\\n工作\xEF\xBF\xBD计划\\n\" warn{2 invalid-bytes: bytes \\xFF at column 3 "
        "are not valid UTF-8; replaced with U+FFFD}");
  CHECK(DumpDecode("a\xFF\xFE\r\nb\n") ==
        "UTF-8 \"a\xEF\xBF\xBD\xEF\xBF\xBD\\nb\\n\" warn{1 invalid-bytes: bytes \\xFF at column 2 "
        "are not valid UTF-8; replaced with U+FFFD}");
  CHECK(DumpDecode("科协\r\n工作\xFF计划\n", Strict()) ==
        "bad-encoding{<input>:2:3: bytes \\xFF are not valid UTF-8 (--strict refuses them; "
        "without it they become U+FFFD with a warning)}");
  CHECK(DumpDecode(BYTES("\xBF\xC6\n\xD0\xAD\x80"), Forced("GB18030")) ==
        "GB18030 \"科\\n协\xEF\xBF\xBD\" warn{2 invalid-bytes: bytes \\x80 at column 2 are not "
        "valid GB18030; replaced with U+FFFD}");
  CHECK(DumpDecode(BYTES("\xBF\xC6\n\xD0\xAD\x80"),
                   [] {
                     DecodeOptions o = Strict();
                     o.encoding = "GB18030";
                     return o;
                   }()) ==
        "bad-encoding{<input>:2:2: bytes \\x80 are not valid GB18030 (--strict refuses "
        "them; without it they become U+FFFD with a warning)}");
}

TEST_CASE("Decode: what is not a text plan says what it is") {
  const DecodeCase cases[] = {
      {"", "not-text{the file is empty}"},
      {" \n\t\n\xE3\x80\x80\r\n", "not-text{the file holds only whitespace}"},
      {"\xEF\xBB\xBF", "not-text{the file holds only whitespace}"},
      {"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n",
       "not-text{this is a PDF file, not plain text; convert it to text first}"},
      {BYTES("PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml"
             "PK\x03\x04\x14\x00word/document.xml"),
       "not-text{this is a Word document (DOCX), not plain text; convert it to text first}"},
      {BYTES("PK\x03\x04\x14\x00\x06\x00xl/workbook.xml"),
       "not-text{this is an Excel workbook (XLSX), not plain text; convert it to text first}"},
      {BYTES("PK\x03\x04\x14\x00\x06\x00"),
       "not-text{this is a ZIP archive, not plain text; convert it to text first}"},
      {BYTES("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0"),
       "not-text{this is an old Word document (DOC or WPS), not plain text; convert it to text "
       "first}"},
      {"{\\rtf1\\ansi 科协}",
       "not-text{this is an RTF document, not plain text; convert it to text first}"},
      {"<!DOCTYPE html>\n<html><body>一、开展活动</body></html>\n",
       "not-text{this is an HTML page, not plain text; convert it to text first}"},
      {BYTES("\xFF\xFE<\0h\0t\0m\0l\0>\0"),
       "not-text{this is an HTML page, not plain text; convert it to text first}"},
      {"  <HTML>\n<HEAD><TITLE>x</TITLE></HEAD>",
       "not-text{this is an HTML page, not plain text; convert it to text first}"},
      {BYTES("\x00\x01\x02\x03\xFF\xFE\x00\x00\x10\x11"),
       "not-text{the file holds binary data, not text}"},
      {BYTES("\x01\x02\x03\x04\x05\x06\x07\x08\x0E\x0F\x10\x11\x12\x13\x14\x15\x16\x17\x18 abc"),
       "not-text{the file holds binary data, not text}"},
  };
  for (const DecodeCase& c : cases) CHECK(DumpDecode(c.bytes) == c.expected);
}

TEST_CASE("Decode: an HTML-looking line inside a plan is text") {
  CHECK(DumpDecode("一、开展<html>活动\n") == "UTF-8 \"一、开展<html>活动\\n\"");
}

TEST_CASE("Decode: a line too long for a plan gets a long-line warning") {
  std::string line(70 * 1024, 'x');
  Diagnostics diagnostics;
  Result<DecodedText> decoded = Decode("a\n" + line + "\nb\n", {}, &diagnostics);
  REQUIRE(decoded.ok());
  REQUIRE(diagnostics.warnings().size() == 1);
  CHECK(diagnostics.warnings()[0].Dump() ==
        "warn{2 long-line: the line is 0.1 MB long: its line breaks were probably lost when the "
        "text was copied, and tasks may be missed}");
}

TEST_CASE("Decode: a long GB18030 text is not taken for UTF-8 because of an ASCII preamble") {
  std::string bytes(100 * 1024, 'a');
  bytes += "\n\xC7\xF8\xBF\xC6\xD0\xAD\n";
  Diagnostics diagnostics;
  Result<DecodedText> decoded = Decode(bytes, {}, &diagnostics);
  REQUIRE(decoded.ok());
  CHECK(decoded.value().encoding == "GB18030");
  CHECK(diagnostics.warnings().size() == 1);  // the long line, not invalid bytes
}

TEST_CASE("IsImplausibleInText: controls, private use and unassigned, not text") {
  CHECK(IsImplausibleInText(0x01));
  CHECK(IsImplausibleInText(0x85));
  CHECK(IsImplausibleInText(0xE000));
  CHECK(IsImplausibleInText(0xFFFD));
  CHECK(IsImplausibleInText(0xFFFF));
  CHECK_FALSE(IsImplausibleInText('\t'));
  CHECK_FALSE(IsImplausibleInText('\n'));
  CHECK_FALSE(IsImplausibleInText(0x4E00));
  CHECK_FALSE(IsImplausibleInText(0x3001));
  CHECK_FALSE(IsImplausibleInText(0xFF0C));
}

}  // namespace
}  // namespace fengong
