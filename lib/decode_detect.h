// Part of stage 1 (decode): what the bytes are before they are converted — another file format,
// a byte-order mark, or which encoding a plan's text is in.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace fengong {

// What a file that is not plain text is, e.g. "a PDF file" or "a Word document (DOCX)", from its
// leading bytes (and, for ZIP containers, the names of the parts inside); "" for none.
std::string SniffContainer(std::string_view bytes);

// What text that decoded fine really is when it is markup, e.g. "an HTML page"; "" for none.
std::string SniffMarkup(std::string_view text);

struct Bom {
  std::string encoding;  // "UTF-8", "UTF-16LE", …; "" when the bytes open with no BOM
  size_t length = 0;     // bytes the mark takes
};
Bom SniffBom(std::string_view bytes);

// The encoding of BOM-less bytes, among UTF-8, GB18030, Big5, UTF-16LE and UTF-16BE: each
// candidate converts a sample of the bytes and the one that reads with the fewest bad or
// implausible characters (controls, private-use, unassigned) wins. ICU's charset detector only
// breaks a tie, and only on a sample long enough for its statistics; a short tie goes to the
// first candidate (UTF-8, then GB18030). Returns "" for bytes with NUL bytes that read as UTF-16
// in neither byte order: binary data.
std::string DetectEncoding(std::string_view bytes);

// Characters that do not occur in a text document: C0/C1 controls other than tab, line ends and
// form feed, U+FFFD, private-use, surrogates, unassigned code points.
bool IsImplausibleInText(char32_t c);

}  // namespace fengong
