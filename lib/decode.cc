#include "decode.h"

#include <algorithm>
#include <cstring>
#include <memory>

#include <fmt/format.h>
#include <unicode/ucnv.h>

#include "utf8.h"

namespace fengong {
namespace {

bool StartsWith(std::string_view bytes, std::string_view prefix) {
  return bytes.substr(0, prefix.size()) == prefix;
}

// Names a container format the bytes open with, or "" for none.
std::string SniffFormat(std::string_view bytes) {
  if (StartsWith(bytes, "%PDF-")) return "a PDF file";
  if (StartsWith(bytes, "PK\x03\x04")) return "a ZIP container (DOCX, XLSX or similar)";
  if (StartsWith(bytes, "\xD0\xCF\x11\xE0")) return "an old Office file (DOC or XLS)";
  if (StartsWith(bytes, "{\\rtf")) return "an RTF file";
  return "";
}

std::string SniffBom(std::string_view bytes, size_t* bom_length) {
  struct Bom { std::string_view bytes; const char* name; };
  static const Bom kBoms[] = {{"\xEF\xBB\xBF", "UTF-8"},
                              {std::string_view("\xFF\xFE\x00\x00", 4), "UTF-32LE"},
                              {std::string_view("\x00\x00\xFE\xFF", 4), "UTF-32BE"},
                              {"\xFF\xFE", "UTF-16LE"},
                              {"\xFE\xFF", "UTF-16BE"}};
  for (const auto& bom : kBoms) {
    if (StartsWith(bytes, bom.bytes)) {
      *bom_length = bom.bytes.size();
      return bom.name;
    }
  }
  *bom_length = 0;
  return "";
}

// Converts `bytes` from `encoding` to UTF-8 with ICU; invalid sequences become U+FFFD.
Result<std::string> ConvertWithIcu(std::string_view bytes, const std::string& encoding) {
  UErrorCode error = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open(encoding.c_str(), &error),
                                                          ucnv_close);
  if (U_FAILURE(error)) {
    return Status::Error(Status::Code::kBadEncoding,
                         fmt::format("unknown encoding '{}'", encoding));
  }
  std::u16string utf16(bytes.size() + 2, u'\0');
  int32_t n = ucnv_toUChars(conv.get(), reinterpret_cast<UChar*>(utf16.data()),
                            static_cast<int32_t>(utf16.size()), bytes.data(),
                            static_cast<int32_t>(bytes.size()), &error);
  if (U_FAILURE(error)) {
    return Status::Error(Status::Code::kBadEncoding,
                         fmt::format("cannot decode as {}: {}", encoding, u_errorName(error)));
  }
  utf16.resize(n);
  return Utf16ToUtf8(utf16);
}

// "\r\n" and lone "\r" become "\n".
std::string NormalizeLineEnds(std::string text) {
  if (text.find('\r') == std::string::npos) return text;
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

// Reports each line that holds a replacement character. Jumps from one U+FFFD to the next and
// counts the line ends in between, rather than comparing at every byte.
void ReportReplacements(const std::string& text, Diagnostics* diagnostics) {
  static const std::string_view kReplacement = "\xEF\xBF\xBD";
  int line = 1;
  int reported_line = 0;
  size_t counted = 0;  // line ends before this offset are in `line`
  for (size_t at = text.find(kReplacement); at != std::string::npos;
       at = text.find(kReplacement, at + kReplacement.size())) {
    line += static_cast<int>(std::count(text.begin() + counted, text.begin() + at, '\n'));
    counted = at;
    if (line != reported_line) {
      diagnostics->Warn(line, WarningCode::kInvalidBytes,
                        "bytes that are not valid in the input encoding were replaced with U+FFFD");
      reported_line = line;
    }
  }
}

bool HasBinaryBytes(std::string_view bytes) {
  return std::memchr(bytes.data(), '\0', bytes.size()) != nullptr;
}

}  // namespace

Result<DecodedText> Decode(std::string_view bytes, const DecodeOptions& options,
                           Diagnostics* diagnostics) {
  if (bytes.empty()) return Status::Error(Status::Code::kNotText, "the file is empty");
  std::string format = SniffFormat(bytes);
  if (!format.empty()) {
    return Status::Error(Status::Code::kNotText,
                         fmt::format("this is {}, not text; convert it to text first", format));
  }
  size_t bom_length = 0;
  std::string encoding = options.encoding.empty() ? SniffBom(bytes, &bom_length) : options.encoding;
  std::string_view body = bytes.substr(bom_length);
  if (encoding.empty()) {
    if (HasBinaryBytes(body)) {
      return Status::Error(Status::Code::kNotText, "the file holds binary data, not text");
    }
    encoding = IsValidUtf8(body) ? "UTF-8" : "GB18030";
  }
  DecodedText decoded;
  decoded.encoding = encoding;
  if (encoding == "UTF-8") {
    decoded.text = SanitizeUtf8(body);
  } else {
    Result<std::string> converted = ConvertWithIcu(body, encoding);
    if (!converted.ok()) return converted.status();
    decoded.text = std::move(converted.value());
  }
  decoded.text = NormalizeLineEnds(std::move(decoded.text));
  ReportReplacements(decoded.text, diagnostics);
  if (Trim(decoded.text).empty()) {
    return Status::Error(Status::Code::kNotText, "the file holds only whitespace");
  }
  return decoded;
}

}  // namespace fengong
