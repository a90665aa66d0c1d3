#include "utf8.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

namespace fengong {
namespace {

// NextCodePoint's inline paths (ASCII, three-byte sequences) decode as the general decoder does,
// for every lead byte and every second byte, with a valid and an invalid third.
TEST_CASE("NextCodePoint: the inline paths agree with the general decoder") {
  int mismatches = 0;
  for (int lead = 0; lead < 256; ++lead) {
    for (int second = 0; second < 256; ++second) {
      for (int third : {0x41, 0x80, 0xBF, 0xC0}) {
        const char bytes[] = {static_cast<char>(lead), static_cast<char>(second),
                              static_cast<char>(third)};
        for (size_t size : {1, 2, 3}) {
          std::string_view text(bytes, size);
          size_t fast = 0, slow = 0;
          char32_t a = NextCodePoint(text, &fast);
          char32_t b = NextMultiByteCodePoint(text, &slow);
          if (a != b || fast != slow) {
            if (mismatches++ == 0)
              FAIL_CHECK("first mismatch: lead " << lead << " second " << second << " third "
                                                 << third << " size " << size);
          }
        }
      }
    }
  }
  CHECK(mismatches == 0);
}

// IsValidUtf8 as the plain definition: every decoded U+FFFD is a literal one.
bool IsValidByDecoding(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t before = pos;
    if (NextMultiByteCodePoint(text, &pos) == 0xFFFD &&
        text.compare(before, 3, "\xEF\xBF\xBD") != 0) {
      return false;
    }
  }
  return true;
}

TEST_CASE("IsValidUtf8") {
  const std::string_view kPieces[] = {"a",
                                      "abcdefghij",
                                      "区科协",
                                      "\xC2\xA0",
                                      "\xF0\x9F\x98\x80",
                                      "\xEF\xBF\xBD",
                                      "\xE0\x80\x80",
                                      "\xED\xA0\x80",
                                      "\xF4\x90\x80\x80",
                                      "\x80",
                                      "\xE4\xB8",
                                      "\xC0\xAF",
                                      "\xFF",
                                      "\xE0\xA0\x80",
                                      "\xED\x9F\xBF"};
  // Each piece alone, and after ASCII runs of every length that cross the eight-byte steps.
  for (std::string_view piece : kPieces) {
    for (size_t run = 0; run < 20; ++run) {
      std::string text = std::string(run, 'x') + std::string(piece) + "yz";
      CAPTURE(text);
      CHECK(IsValidUtf8(text) == IsValidByDecoding(text));
      std::string cut = std::string(run, 'x') + std::string(piece);
      CHECK(IsValidUtf8(cut) == IsValidByDecoding(cut));
    }
  }
  CHECK(IsValidUtf8("到2025年，建成科普基地5个。"));
  CHECK_FALSE(IsValidUtf8("abcdefgh\xE4\xB8"));
}

TEST_CASE("CodePointCount with a limit") {
  CHECK(CodePointCount("区科协abc") == 6);
  for (size_t limit = 0; limit < 9; ++limit) {
    CAPTURE(limit);
    CHECK(CodePointCount("区科协abc", limit) == std::min<size_t>(6, limit));
  }
}

// FindBytes and FindLastBytes answer as std::string_view::find and rfind.
TEST_CASE("FindBytes and FindLastBytes") {
  const std::string_view kTexts[] = {"", "a", "牵头单位：区科协，责任单位：区教委", "aaaa", "〔〕〔"};
  const std::string_view kNeedles[] = {"", "a", "aa", "单位", "〔", "〕", "区教委", "x"};
  for (std::string_view text : kTexts) {
    for (std::string_view needle : kNeedles) {
      CAPTURE(text);
      CAPTURE(needle);
      CHECK(FindLastBytes(text, needle) == text.rfind(needle));
      for (size_t from = 0; from <= text.size() + 1; ++from) {
        CAPTURE(from);
        CHECK(FindBytes(text, needle, from) == text.find(needle, from));
      }
    }
  }
}

}  // namespace
}  // namespace fengong
