// Small UTF-8 helpers shared by the stages.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace fengong {

// Decodes the code point at text[*pos] and advances *pos past it. Invalid bytes decode as
// U+FFFD and advance by one byte. Inline for ASCII and CJK: every stage walks text with it.
// REQUIRES: *pos < text.size().
char32_t NextMultiByteCodePoint(std::string_view text, size_t* pos);  // any byte; the slow path
inline char32_t NextCodePoint(std::string_view text, size_t* pos) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data()) + *pos;
  if (s[0] < 0x80) {
    ++*pos;
    return s[0];
  }
  // Three bytes, as most CJK text: leads E1–EC and EE–EF can be neither overlong nor surrogates.
  if (((s[0] >= 0xE1 && s[0] <= 0xEC) || s[0] >= 0xEE) && s[0] <= 0xEF && *pos + 2 < text.size() &&
      (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
    *pos += 3;
    return (char32_t{s[0] & 0x0Fu} << 12) | (char32_t{s[1] & 0x3Fu} << 6) | (s[2] & 0x3Fu);
  }
  return NextMultiByteCodePoint(text, pos);
}
// Decodes the code point that ends just before text[*pos] and moves *pos back to its start.
char32_t PrevCodePoint(std::string_view text, size_t* pos);
void AppendUtf8(char32_t c, std::string* out);

bool IsValidUtf8(std::string_view bytes);
// Copies `bytes`, replacing each invalid sequence with U+FFFD.
std::string SanitizeUtf8(std::string_view bytes);
std::string Utf16ToUtf8(const std::u16string& text);

// Code points in `text`.
size_t CodePointCount(std::string_view text);
// min(CodePointCount(text), limit), reading no further than it needs: for length tests on
// passages that may be long (CodePointCount(text, n + 1) > n).
size_t CodePointCount(std::string_view text, size_t limit);
// True for CJK ideographs and CJK punctuation.
bool IsCjk(char32_t c);
bool IsHan(char32_t c);

// `text` without leading and trailing ASCII whitespace and U+3000.
std::string_view Trim(std::string_view text);

// text.find(needle, from) and text.rfind(needle), without a comparison call at every byte that
// matches the needle's first: in CJK text the lead byte of a needle is everywhere. FindBytes
// scans for the needle's last byte instead.
size_t FindBytes(std::string_view text, std::string_view needle, size_t from = 0);
size_t FindLastBytes(std::string_view text, std::string_view needle);

inline bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace fengong
