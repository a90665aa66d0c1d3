#include "utf8.h"

#include <algorithm>
#include <cstring>

namespace fengong {
namespace {

// Length of the sequence that starts with `lead`, or 0 when it cannot start one.
int SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

char32_t NextMultiByteCodePoint(std::string_view text, size_t* pos) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  size_t i = *pos;
  int length = SequenceLength(s[i]);
  if (length == 0 || i + length > text.size()) {
    *pos = i + 1;
    return 0xFFFD;
  }
  if (length == 1) {
    *pos = i + 1;
    return s[i];
  }
  char32_t c = s[i] & (0xFF >> (length + 1));
  for (int k = 1; k < length; ++k) {
    if (!IsContinuation(s[i + k])) {
      *pos = i + 1;
      return 0xFFFD;
    }
    c = (c << 6) | (s[i + k] & 0x3F);
  }
  bool overlong = (length == 3 && c < 0x800) || (length == 4 && c < 0x10000);
  bool surrogate = c >= 0xD800 && c <= 0xDFFF;
  if (overlong || surrogate || c > 0x10FFFF) {
    *pos = i + 1;
    return 0xFFFD;
  }
  *pos = i + length;
  return c;
}

char32_t PrevCodePoint(std::string_view text, size_t* pos) {
  size_t start = *pos;
  do {
    --start;
  } while (start > 0 && IsContinuation(static_cast<unsigned char>(text[start])) &&
           *pos - start < 4);
  size_t probe = start;
  char32_t c = NextCodePoint(text, &probe);
  if (probe != *pos) {  // not a well-formed sequence: step back one byte
    *pos -= 1;
    return 0xFFFD;
  }
  *pos = start;
  return c;
}

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

bool IsValidUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t size = bytes.size();
  size_t pos = 0;
  while (pos < size) {
    const unsigned char lead = s[pos];
    if (lead < 0x80) {  // ASCII, then eight bytes at a time while it lasts
      ++pos;
      while (pos + 8 <= size) {
        uint64_t word;
        std::memcpy(&word, s + pos, 8);
        if (word & 0x8080808080808080u) break;
        pos += 8;
      }
      continue;
    }
    // Three bytes led by E1–EC or EE–EF (most CJK text) are never overlong nor surrogates.
    if (((lead >= 0xE1 && lead <= 0xEC) || lead >= 0xEE) && lead <= 0xEF && pos + 2 < size &&
        IsContinuation(s[pos + 1]) && IsContinuation(s[pos + 2])) {
      pos += 3;
      continue;
    }
    size_t before = pos;
    char32_t c = NextMultiByteCodePoint(bytes, &pos);
    if (c == 0xFFFD && bytes.compare(before, 3, "\xEF\xBF\xBD") != 0) return false;
  }
  return true;
}

std::string SanitizeUtf8(std::string_view bytes) {
  if (IsValidUtf8(bytes)) return std::string(bytes);
  std::string out;
  out.reserve(bytes.size());
  size_t pos = 0;
  while (pos < bytes.size()) AppendUtf8(NextCodePoint(bytes, &pos), &out);
  return out;
}

std::string Utf16ToUtf8(const std::u16string& text) {
  std::string out;
  out.reserve(text.size() * 3);
  for (size_t i = 0; i < text.size(); ++i) {
    char32_t c = text[i];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < text.size() && text[i + 1] >= 0xDC00 &&
        text[i + 1] <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (text[i + 1] - 0xDC00);
      ++i;
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      c = 0xFFFD;
    }
    AppendUtf8(c, &out);
  }
  return out;
}

size_t CodePointCount(std::string_view text) {
  size_t count = 0;
  for (char c : text) count += !IsContinuation(static_cast<unsigned char>(c));
  return count;
}

size_t CodePointCount(std::string_view text, size_t limit) {
  size_t count = 0;
  for (size_t i = 0; i < text.size() && count < limit; ++i) {
    count += !IsContinuation(static_cast<unsigned char>(text[i]));
  }
  return count;
}

bool IsHan(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || c == 0x3007 ||
         (c >= 0x20000 && c <= 0x2FA1F) || (c >= 0xF900 && c <= 0xFAFF);
}

bool IsCjk(char32_t c) {
  return IsHan(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) ||
         (c >= 0x2000 && c <= 0x206F) || (c >= 0x2460 && c <= 0x24FF);
}

std::string_view Trim(std::string_view text) {
  static const std::string_view kIdeographicSpace = "\xE3\x80\x80";
  while (!text.empty()) {
    if (text.front() == ' ' || text.front() == '\t' || text.front() == '\n') {
      text.remove_prefix(1);
    } else if (text.substr(0, 3) == kIdeographicSpace) {
      text.remove_prefix(3);
    } else {
      break;
    }
  }
  while (!text.empty()) {
    if (text.back() == ' ' || text.back() == '\t' || text.back() == '\n') {
      text.remove_suffix(1);
    } else if (text.size() >= 3 && text.substr(text.size() - 3) == kIdeographicSpace) {
      text.remove_suffix(3);
    } else {
      break;
    }
  }
  return text;
}

size_t FindBytes(std::string_view text, std::string_view needle, size_t from) {
  if (from > text.size()) return std::string_view::npos;
  if (needle.empty()) return from;
  if (needle.size() > text.size() - from) return std::string_view::npos;
  // Look for the needle's last byte: in UTF-8 that is a continuation byte or ASCII, far rarer in
  // CJK text than its lead byte.
  const size_t tail = needle.size() - 1;
  const char* const end = text.data() + text.size();
  const char* at = text.data() + from + tail;
  while (at < end) {
    at = static_cast<const char*>(std::memchr(at, needle[tail], end - at));
    if (at == nullptr) return std::string_view::npos;
    if (std::equal(needle.data(), needle.data() + tail, at - tail)) {
      return static_cast<size_t>(at - tail - text.data());
    }
    ++at;
  }
  return std::string_view::npos;
}

size_t FindLastBytes(std::string_view text, std::string_view needle) {
  if (needle.size() > text.size()) return std::string_view::npos;
  if (needle.empty()) return text.size();
  const char first = needle[0];
  for (size_t at = text.size() - needle.size() + 1; at-- > 0;) {
    if (text[at] == first && std::memcmp(text.data() + at + 1, needle.data() + 1,
                                         needle.size() - 1) == 0) {
      return at;
    }
  }
  return std::string_view::npos;
}

}  // namespace fengong
