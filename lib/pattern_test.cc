#include "pattern.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

namespace fengong {
namespace {

struct ScanCase {
  std::string_view pattern;
  std::string_view text;
};

// PrefixScanner must answer at every position exactly as MatchPrefix on the rest of the text,
// for patterns that look behind (^, \b) and patterns that match the empty string too.
constexpr ScanCase kScanCases[] = {
    {R"([、,，;；/]+|\s+)", "区教育局、区科协,,区文体旅局 区卫健局；;各街道"},
    {R"([、,]+)", "、、甲、乙,丙,"},
    {R"(x*)", "axxbx"},
    {R"(^a)", "aaa"},
    {R"(\ba)", "a aa ba"},
    {R"(\Ba)", "a aa ba"},
    {R"(a$)", "aaa"},
    {R"((\d{1,3})\s*[、.]\s*)", "1. 12、abc 3.5"},
    {R"(牵头|配合)", "区科协牵头，区教委配合"},
};

TEST_CASE("PrefixScanner answers as MatchPrefix at every position") {
  for (const ScanCase& row : kScanCases) {
    std::string error;
    Pattern pattern = Pattern::Compile(std::string(row.pattern), &error);
    REQUIRE(error.empty());
    PrefixScanner scanner(pattern, row.text);
    for (size_t pos = 0; pos <= row.text.size(); ++pos) {
      CAPTURE(row.pattern);
      CAPTURE(pos);
      size_t want = 99, got = 99;
      bool want_match = pattern.MatchPrefix(row.text.substr(pos), &want);
      CHECK(scanner.MatchAt(pos, &got) == want_match);
      CHECK(got == want);
    }
  }
}

// MatchPrefix rejects some texts by their first byte before running RE2; it must answer as an
// unanchored search that finds a match at offset 0, for texts starting with every byte.
TEST_CASE("MatchPrefix agrees with a search that starts at 0, for every first byte") {
  const std::string_view kPatterns[] = {
      R"(([一二三四五六七八九十]+)\s*[、.]\s*)", R"(\(([一二三四五六七八九十]+)\)\s*[、.]?\s*)",
      R"((\d{1,3})\s*[、.]\s*)",               R"((?:\((\d{1,3})\)|(\d{1,3})\))\s*[、.]?\s*)",
      R"(([①②③④⑤])\s*)",                      R"(\s*[:：]\s*)",
      R"(x*)",                                   R"((?i)abc)",
      R"(由)"};
  const std::string_view kTails[] = {"", "、", "一、开展", "1.5万", ")、", "（一）", "abc", "①"};
  for (std::string_view source : kPatterns) {
    std::string error;
    Pattern pattern = Pattern::Compile(std::string(source), &error);
    REQUIRE(error.empty());
    int mismatches = 0;
    for (int first = 0; first < 256; ++first) {
      for (std::string_view tail : kTails) {
        for (std::string_view head : {std::string_view(), std::string_view("一"),
                                      std::string_view("(二)"), std::string_view("①")}) {
          std::string text = std::string(head) + static_cast<char>(first) + std::string(tail);
          if (head.empty()) text = static_cast<char>(first) + std::string(tail);
          size_t length = 0, begin = 0, end = 0;
          bool prefix = pattern.MatchPrefix(text, &length);
          bool at_start = pattern.Find(text, 0, &begin, &end) && begin == 0;
          if (prefix != at_start || (prefix && length != end)) ++mismatches;
        }
      }
    }
    CAPTURE(source);
    CHECK(mismatches == 0);
  }
}

TEST_CASE("PrefixScanner: positions may skip ahead") {
  std::string error;
  Pattern pattern = Pattern::Compile("、", &error);
  std::string_view text = "甲、乙、丙";
  PrefixScanner scanner(pattern, text);
  size_t length = 0;
  CHECK_FALSE(scanner.MatchAt(0, &length));
  CHECK(scanner.MatchAt(3, &length));
  CHECK(length == 3);
  CHECK(scanner.MatchAt(9, &length));  // the second 、, the first one skipped past
  CHECK_FALSE(scanner.MatchAt(12, &length));
}

struct AssertionCase {
  std::string_view pattern;
  bool behind;
  bool ahead;
};

constexpr AssertionCase kAssertionCases[] = {
    {"^附件", true, false},
    {R"(\bApp)", true, true},
    {R"([、,]+|\s+)", false, false},
    {R"(\[(?:bookmark)[:：][^\]]*\])", false, false},  // ^ negating a class is no anchor
    {R"([]^$]x)", false, false},                         // ] first in a class is a member
    {R"([^]^]x)", false, false},
    {R"([[:alpha:]^]x)", false, false},
    {R"(x[\]]^)", true, false},
    {R"(\^\$)", false, false},
    {R"(年$)", false, true},
    {R"(\Ax)", true, false},
    {R"(x\z)", false, true},
    {R"(\Q^\E)", true, true},
};

TEST_CASE("Pattern::looks_behind and looks_ahead") {
  for (const AssertionCase& row : kAssertionCases) {
    CAPTURE(row.pattern);
    std::string error;
    Pattern pattern = Pattern::Compile(std::string(row.pattern), &error);
    REQUIRE(error.empty());
    CHECK(pattern.looks_behind() == row.behind);
    CHECK(pattern.looks_ahead() == row.ahead);
  }
}

}  // namespace
}  // namespace fengong
