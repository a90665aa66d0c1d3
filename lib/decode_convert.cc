#include "decode_convert.h"

#include <memory>

#include <fmt/format.h>
#include <unicode/ucnv.h>
#include <unicode/utf16.h>

#include "utf8.h"

namespace fengong {
namespace {

using ConverterPtr = std::unique_ptr<UConverter, void (*)(UConverter*)>;

ConverterPtr OpenConverter(const std::string& encoding, UErrorCode* error) {
  return ConverterPtr(ucnv_open(encoding.c_str(), error), ucnv_close);
}

bool IsBadSequence(UErrorCode error) {
  return error == U_ILLEGAL_CHAR_FOUND || error == U_INVALID_CHAR_FOUND ||
         error == U_TRUNCATED_CHAR_FOUND || error == U_ILLEGAL_ESCAPE_SEQUENCE ||
         error == U_UNSUPPORTED_ESCAPE_SEQUENCE;
}

// Appends UTF-16 chunks as UTF-8. A high surrogate at the end of a chunk waits for its partner
// in the next one, since the converter may split a pair across two output buffers.
class Utf8Appender {
 public:
  explicit Utf8Appender(std::string* out) : out_(out) {}

  void Append(const UChar* units, size_t length) {
    for (size_t i = 0; i < length; ++i) AppendUnit(units[i]);
  }
  void AppendCodePoint(char32_t c) {
    FlushPending();
    AppendUtf8(c, out_);
  }
  // Where the next character will go.
  size_t size() {
    FlushPending();
    return out_->size();
  }

 private:
  void AppendUnit(UChar unit) {
    if (pending_ != 0) {
      char32_t high = pending_;
      pending_ = 0;
      if (U16_IS_TRAIL(unit)) {
        AppendUtf8(U16_GET_SUPPLEMENTARY(high, unit), out_);
        return;
      }
      AppendUtf8(0xFFFD, out_);
    }
    if (U16_IS_LEAD(unit)) {
      pending_ = unit;
    } else {
      AppendUtf8(U16_IS_TRAIL(unit) ? 0xFFFD : unit, out_);
    }
  }
  void FlushPending() {
    if (pending_ != 0) AppendUtf8(0xFFFD, out_);
    pending_ = 0;
  }

  std::string* out_;
  char32_t pending_ = 0;
};

std::string InvalidBytes(UConverter* converter) {
  char bytes[32];
  int8_t length = sizeof bytes;
  UErrorCode error = U_ZERO_ERROR;
  ucnv_getInvalidChars(converter, bytes, &length, &error);
  return U_SUCCESS(error) ? std::string(bytes, length) : std::string();
}

}  // namespace

Result<Converted> ConvertToUtf8(std::string_view bytes, const std::string& encoding,
                                const ConvertOptions& options) {
  UErrorCode error = U_ZERO_ERROR;
  ConverterPtr converter = OpenConverter(encoding, &error);
  if (U_FAILURE(error)) {
    return Status::Error(Status::Code::kInvalidArgument,
                         fmt::format("unknown encoding '{}'", encoding));
  }
  ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &error);
  if (U_FAILURE(error)) {
    return Status::Error(Status::Code::kInternal, fmt::format("ICU: {}", u_errorName(error)));
  }
  Converted converted;
  converted.text.reserve(bytes.size() + bytes.size() / 2);
  Utf8Appender out(&converted.text);
  const char* source = bytes.data();
  const char* const source_end = bytes.data() + bytes.size();
  const UBool flush = !options.prefix_only;
  UChar buffer[8192];
  for (;;) {
    UChar* target = buffer;
    error = U_ZERO_ERROR;
    ucnv_toUnicode(converter.get(), &target, buffer + std::size(buffer), &source, source_end,
                   nullptr, flush, &error);
    out.Append(buffer, static_cast<size_t>(target - buffer));
    if (error == U_BUFFER_OVERFLOW_ERROR) continue;
    if (!IsBadSequence(error)) break;
    if (converted.bad.size() < options.max_recorded) {
      converted.bad.push_back(BadSequence{out.size(), InvalidBytes(converter.get())});
    }
    ++converted.bad_count;
    out.AppendCodePoint(0xFFFD);
    if (options.stop_at_first_bad) break;
  }
  if (U_FAILURE(error) && !IsBadSequence(error)) {
    return Status::Error(Status::Code::kInternal, fmt::format("ICU cannot convert from {}: {}",
                                                              encoding, u_errorName(error)));
  }
  out.size();  // flushes a lone high surrogate left at the end
  return converted;
}

std::string StandardEncodingName(const std::string& encoding) {
  UErrorCode error = U_ZERO_ERROR;
  ConverterPtr converter = OpenConverter(encoding, &error);
  if (U_FAILURE(error)) return "";
  const char* canonical = ucnv_getName(converter.get(), &error);
  if (U_FAILURE(error) || canonical == nullptr) return "";
  for (const char* standard : {"MIME", "IANA"}) {
    UErrorCode standard_error = U_ZERO_ERROR;
    const char* name = ucnv_getStandardName(canonical, standard, &standard_error);
    if (U_SUCCESS(standard_error) && name != nullptr) return name;
  }
  return canonical;
}

std::string HexBytes(std::string_view bytes) {
  std::string out;
  for (unsigned char c : bytes) out += fmt::format("\\x{:02X}", c);
  return out;
}

}  // namespace fengong
