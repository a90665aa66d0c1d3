#include "extract_number.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

namespace fengong {
namespace {

std::string DumpOrNone(const std::optional<ParsedNumber>& number) {
  return number ? number->Dump() : "none";
}

struct Case {
  std::string_view input;
  std::string_view expected;
};

// len= in every expected dump pins the consumed length, which matters most on
// rows where text follows the number.
constexpr Case kCases[] = {
    // Arabic integers and decimals.
    {"50", "num{50 len=2}"},
    {"8.9", "num{8.9 len=3}"},
    {"2500", "num{2500 len=4}"},
    {"50场以上", "num{50 len=2}"},
    {"1.", "num{1 len=1}"},
    {"1.x", "num{1 len=1}"},
    {"0.25亩", "num{0.25 len=4}"},
    // Thousands separators.
    {"1,000", "num{1000 len=5}"},
    {"12,500,000人", "num{12500000 len=10}"},
    {"1,2", "num{1 len=1}"},
    {"1,0000", "num{1 len=1}"},
    {"1,000,00", "num{1000 len=5}"},
    {"2025,100", "num{2025 len=4}"},
    {"1,234.5", "num{1234.5 len=7}"},
    {"3，500", "num{3500 len=7}"},
    // Full-width digits and signs.
    {"２０２５年", "num{2025 len=12}"},
    {"３．５", "num{3.5 len=9}"},
    {"18％", "num{18 len=5 %}"},
    // Scale words after Arabic digits.
    {"1.5万", "num{15000 len=6 zh}"},
    {"3千", "num{3000 len=4 zh}"},
    {"13.3亿元", "num{1330000000 len=7 zh}"},
    {"2万亿", "num{2000000000000 len=7 zh}"},
    {"5千万", "num{50000000 len=7 zh}"},
    {"3百万", "num{3000000 len=7 zh}"},
    {"4十", "num{40 len=4 zh}"},
    {"1亿万", "num{100000000 len=4 zh}"},
    {"1 万", "num{1 len=1}"},
    {"2万5千", "num{20000 len=4 zh}"},
    // Chinese positional numerals.
    {"十", "num{10 len=3 zh}"},
    {"十二", "num{12 len=6 zh}"},
    {"二十", "num{20 len=6 zh}"},
    {"一百二十", "num{120 len=12 zh}"},
    {"一百零五", "num{105 len=12 zh}"},
    {"一千零五十", "num{1050 len=15 zh}"},
    {"两千", "num{2000 len=6 zh}"},
    {"三万五千", "num{35000 len=12 zh}"},
    {"十五万", "num{150000 len=9 zh}"},
    {"一亿", "num{100000000 len=6 zh}"},
    {"三亿五千万", "num{350000000 len=15 zh}"},
    {"一万亿", "num{1000000000000 len=9 zh}"},
    {"一百五", "num{150 len=9 zh}"},
    {"三万五", "num{35000 len=9 zh}"},
    {"十三五规划", "num{13 len=6 zh}"},
    {"二十三百", "num{23 len=9 zh}"},
    {"一百零个", "num{100 len=6 zh}"},
    {"两个", "num{2 len=3 zh}"},
    {"五", "num{5 len=3 zh}"},
    {"零", "num{0 len=3 zh}"},
    {"半", "num{0.5 len=3 zh}"},
    {"半年", "num{0.5 len=3 zh}"},
    // Digit sequences.
    {"二〇二五年", "num{2025 len=12 zh seq}"},
    {"二〇二一", "num{2021 len=12 zh seq}"},
    {"一九九八年", "num{1998 len=12 zh seq}"},
    {"二零二五", "num{2025 len=12 zh seq}"},
    {"二〇二五%", "num{2025 len=12 zh seq}"},
    {"五六十", "num{5 len=3 zh}"},
    // Approximate suffixes.
    {"3千余", "num{3000 len=7 zh approx}"},
    {"200多", "num{200 len=6 approx}"},
    {"十余", "num{10 len=6 zh approx}"},
    {"十多个", "num{10 len=6 zh approx}"},
    {"20余万人", "num{200000 len=8 zh approx}"},
    {"十多万", "num{100000 len=9 zh approx}"},
    {"3千余万", "num{30000000 len=10 zh approx}"},
    {"1万余万", "num{10000 len=7 zh approx}"},
    {"一多", "num{1 len=3 zh}"},
    {"30余%", "num{30 len=6 approx %}"},
    // Percentages.
    {"百分之十五", "num{15 len=15 zh %}"},
    {"百分之8.5", "num{8.5 len=12 %}"},
    {"百分之百", "num{100 len=12 zh %}"},
    {"百分之二十以上", "num{20 len=15 zh %}"},
    {"18%", "num{18 len=3 %}"},
    {"5.5%以上", "num{5.5 len=4 %}"},
    {"十五%", "num{15 len=7 zh %}"},
    // Fractions: a share, as a percentage to two decimals; a numerator above the denominator or
    // missing leaves the denominator alone.
    {"三分之一以上", "num{33.33 len=12 zh %}"},
    {"五分之二", "num{40 len=12 zh %}"},
    {"3分之1", "num{33.33 len=8 %}"},
    {"二分之三", "num{2 len=3 zh}"},
    {"三分之", "num{3 len=3 zh}"},
    // Not a number at text[0].
    {"", "none"},
    {"第", "none"},
    {"第一", "none"},
    {"abc", "none"},
    {"、", "none"},
    {" 5", "none"},
    {".5", "none"},
    {",000", "none"},
    {"%", "none"},
    {"万元", "none"},
    {"亿元", "none"},
    {"余", "none"},
    {"多", "none"},
    {"百分之", "none"},
    {"百分之abc", "none"},
    {"\xe4\xb8", "none"},      // 一 cut short
    {"\xe4\x41\x80", "none"},  // bad continuation byte
    {"\xff\xfe", "none"},
    {"5\xe4\xb8", "num{5 len=1}"},
};

TEST_CASE("ParseNumberPrefix table") {
  for (const Case& c : kCases) {
    const std::string input(c.input);
    CAPTURE(input);
    CHECK(DumpOrNone(ParseNumberPrefix(c.input)) == c.expected);
  }
}

TEST_CASE("ParseNumberPrefix values are exact") {
  CHECK(ParseNumberPrefix("13.3亿")->value == 1330000000.0);
  CHECK(ParseNumberPrefix("8.9")->value == 8.9);
  CHECK(ParseNumberPrefix("0.1")->value == 0.1);
  CHECK(ParseNumberPrefix("1.5万亿")->value == 1.5e12);
}

TEST_CASE("ParseNumberPrefix stops at text.size()") {
  // The views below point into longer literals; the parser must not see past
  // their end even though the bytes there would extend the number.
  CHECK(DumpOrNone(ParseNumberPrefix(std::string_view("1.5万", 4))) == "num{1.5 len=3}");
  CHECK(DumpOrNone(ParseNumberPrefix(std::string_view("1,000", 4))) == "num{1 len=1}");
  CHECK(DumpOrNone(ParseNumberPrefix(std::string_view("一百零五", 9))) == "num{100 len=6 zh}");
  CHECK(DumpOrNone(ParseNumberPrefix(std::string_view("百分之十", 8))) == "num{100 len=3 zh}");

  // Every prefix of every table input, copied so that a sanitizer flags any
  // read beyond the copy.
  for (const Case& c : kCases) {
    for (size_t n = 0; n <= c.input.size(); ++n) {
      const std::string prefix(c.input.substr(0, n));
      CAPTURE(prefix);
      const auto number = ParseNumberPrefix(prefix);
      if (number) CHECK(number->length <= n);
    }
  }
}

TEST_CASE("ParsedNumber::Dump of a default value") {
  CHECK(ParsedNumber().Dump() == "num{0 len=0}");
}

}  // namespace
}  // namespace fengong
