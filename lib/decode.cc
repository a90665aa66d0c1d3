#include "decode.h"

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

#include "decode_convert.h"
#include "decode_detect.h"
#include "utf8.h"

namespace fengong {
namespace {

// A line this long is a plan whose line breaks were lost (a PDF copied as one paragraph).
constexpr size_t kLongLineBytes = 64 * 1024;

Status NotText(std::string message) {
  return Status::Error(Status::Code::kNotText, std::move(message));
}

Status OtherFormat(const std::string& what) {
  return NotText(fmt::format("this is {}, not plain text; convert it to text first", what));
}

// A 1-based line and column (in characters) of the converted text, whose line ends are still
// as printed: "\r\n", "\r" and "\n" each end a line. Positions must be asked for in order.
class PositionCounter {
 public:
  explicit PositionCounter(std::string_view text) : text_(text) {}

  SourcePos At(size_t offset) {
    for (; pos_ < offset && pos_ < text_.size(); ++pos_) {
      char c = text_[pos_];
      bool crlf = c == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n';
      if ((c == '\n' || c == '\r') && !crlf) {
        ++line_;
        column_ = 1;
      } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && !crlf) {
        ++column_;
      }
    }
    return SourcePos{"", line_, column_};
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  int line_ = 1;
  int column_ = 1;
};

struct Chosen {
  std::string encoding;     // the name output records
  std::string_view body;    // the bytes to convert
  bool valid_utf8 = false;  // known to be valid UTF-8 already
};

// --encoding, else a byte-order mark, else detection.
Result<Chosen> ChooseEncoding(std::string_view bytes, const DecodeOptions& options) {
  if (!options.encoding.empty()) {
    std::string name = StandardEncodingName(options.encoding);
    if (name.empty()) {
      return Status::Error(Status::Code::kInvalidArgument,
                           fmt::format("unknown encoding '{}' (try UTF-8, GB18030, GBK, Big5, "
                                       "UTF-16LE)",
                                       options.encoding));
    }
    return Chosen{name, bytes};  // a BOM, if any, decodes to U+FEFF and is dropped below
  }
  Bom bom = SniffBom(bytes);
  if (!bom.encoding.empty()) return Chosen{bom.encoding, bytes.substr(bom.length)};
  // Most plans: valid UTF-8, checked once here rather than again by detection and conversion.
  if (std::memchr(bytes.data(), '\0', bytes.size()) == nullptr && IsValidUtf8(bytes)) {
    return Chosen{"UTF-8", bytes, true};
  }
  std::string detected = DetectEncoding(bytes);
  if (detected.empty()) return NotText("the file holds binary data, not text");
  return Chosen{detected, bytes};
}

Result<Converted> Convert(const Chosen& chosen, InvalidBytes invalid_bytes) {
  if (chosen.encoding == "UTF-8" && (chosen.valid_utf8 || IsValidUtf8(chosen.body))) {
    Converted converted;
    converted.text.assign(chosen.body);
    return converted;
  }
  ConvertOptions options;
  options.stop_at_first_bad = invalid_bytes == InvalidBytes::kFail;
  return ConvertToUtf8(chosen.body, chosen.encoding, options);
}

Status FirstBadSequence(const Converted& converted, const std::string& encoding) {
  const BadSequence& bad = converted.bad.front();
  SourcePos pos = PositionCounter(converted.text).At(bad.text_offset);
  return Status::Error(Status::Code::kBadEncoding,
                       fmt::format("bytes {} are not valid {} (--strict refuses them; without "
                                   "it they become U+FFFD with a warning)",
                                   HexBytes(bad.bytes), encoding),
                       pos);
}

// What counts as junk in the opening of a text: bytes that were valid UTF-8 need only their
// control characters counted (one pass over bytes); converted text is asked about every character.
enum class Junk { kControls, kImplausible };

bool IsControlAt(std::string_view text, size_t i) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x20 || c == 0x7F) return IsImplausibleInText(c);
  return c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F;
}

// More than one character in ten of the text's opening is junk, and not just a few bad bytes in
// a short text: binary data, which shows itself from its first bytes.
bool LooksBinary(std::string_view text, Junk kind) {
  constexpr size_t kFewJunk = 16;
  std::string_view opening = text.substr(0, 64 * 1024);
  size_t junk = 0, characters = 0;
  if (kind == Junk::kControls) {
    for (size_t i = 0; i < opening.size(); ++i) junk += IsControlAt(opening, i);
    if (junk < kFewJunk) return false;  // most texts: their characters need no counting
    for (char c : opening) characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  } else {
    for (size_t pos = 0; pos < opening.size(); ++characters) {
      junk += IsImplausibleInText(NextCodePoint(opening, &pos));
    }
  }
  return junk >= kFewJunk && junk * 10 > characters;
}

// One invalid-bytes warning per line that had any, then one for those past the recorded ones.
void ReportBadSequences(const Converted& converted, const std::string& encoding,
                        Diagnostics* diagnostics) {
  PositionCounter counter(converted.text);
  int reported_line = 0;
  for (const BadSequence& bad : converted.bad) {
    SourcePos pos = counter.At(bad.text_offset);
    if (pos.line == reported_line) continue;
    reported_line = pos.line;
    diagnostics->Warn(pos.line, WarningCode::kInvalidBytes,
                      fmt::format("bytes {} at column {} are not valid {}; replaced with U+FFFD",
                                  HexBytes(bad.bytes), pos.column, encoding));
  }
  if (converted.bad_count > converted.bad.size()) {
    diagnostics->Warn(reported_line, WarningCode::kInvalidBytes,
                      fmt::format("{} more invalid byte sequences after this line were replaced "
                                  "with U+FFFD",
                                  converted.bad_count - converted.bad.size()));
  }
}

// "\r\n" and lone "\r" become "\n", in place.
void NormalizeLineEnds(std::string* text) {
  if (text->find('\r') == std::string::npos) return;
  size_t out = 0;
  for (size_t i = 0; i < text->size(); ++i) {
    char c = (*text)[i];
    if (c == '\r') {
      c = '\n';
      if (i + 1 < text->size() && (*text)[i + 1] == '\n') ++i;
    }
    (*text)[out++] = c;
  }
  text->resize(out);
}

void ReportLongLines(std::string_view text, Diagnostics* diagnostics) {
  int line = 1;
  for (size_t start = 0; start < text.size(); ++line) {
    size_t end = std::min(text.find('\n', start), text.size());
    if (end - start > kLongLineBytes) {
      diagnostics->Warn(line, WarningCode::kLongLine,
                        fmt::format("the line is {:.1f} MB long: its line breaks were probably "
                                    "lost when the text was copied, and tasks may be missed",
                                    static_cast<double>(end - start) / 1e6));
    }
    start = end + 1;
  }
}

// A byte-order mark read as text (under --encoding) is not part of the plan.
void DropLeadingBom(Converted* converted) {
  static constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (std::string_view(converted->text).substr(0, kBom.size()) != kBom) return;
  converted->text.erase(0, kBom.size());
  for (BadSequence& bad : converted->bad) bad.text_offset -= kBom.size();
}

}  // namespace

Result<DecodedText> Decode(std::string_view bytes, const DecodeOptions& options,
                           Diagnostics* diagnostics) {
  if (bytes.empty()) return NotText("the file is empty");
  std::string container = SniffContainer(bytes);
  if (!container.empty()) return OtherFormat(container);
  Result<Chosen> chosen = ChooseEncoding(bytes, options);
  if (!chosen.ok()) return chosen.status();
  const std::string& encoding = chosen.value().encoding;
  Result<Converted> converted = Convert(chosen.value(), options.invalid_bytes);
  if (!converted.ok()) return converted.status();
  Converted& text = converted.value();
  DropLeadingBom(&text);
  const bool valid_utf8 = encoding == "UTF-8" && text.bad_count == 0;
  if (LooksBinary(text.text, valid_utf8 ? Junk::kControls : Junk::kImplausible)) {
    return NotText("the file holds binary data, not text");
  }
  if (text.bad_count > 0 && options.invalid_bytes == InvalidBytes::kFail) {
    return FirstBadSequence(text, encoding);
  }
  ReportBadSequences(text, encoding, diagnostics);
  std::string markup = SniffMarkup(text.text);
  if (!markup.empty()) return OtherFormat(markup);
  NormalizeLineEnds(&text.text);
  if (Trim(text.text).empty()) return NotText("the file holds only whitespace");
  ReportLongLines(text.text, diagnostics);
  return DecodedText{std::move(text.text), encoding};
}

}  // namespace fengong
