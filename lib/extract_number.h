#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace fengong {

// A number as printed in a plan: Arabic or Chinese numerals, with an optional scale word.
struct ParsedNumber {
  double value = 0;          // scale words (十/百/千/万/亿 after digits) applied: "1.5万" -> 15000
  size_t length = 0;         // bytes of the input consumed, from its start
  bool chinese = false;      // written (at least partly) with Chinese numerals
  bool approximate = false;  // followed by 余/多 ("3千余", "200多") which were consumed
  bool percent = false;      // 百分之X form, or a % / ％ sign directly after (consumed)
  bool digit_sequence = false;  // Chinese digits read one by one ("二〇二五"), as in years
  // One line: "num{<value> len=<length>[ zh][ approx][ %][ seq]}", value printed
  // with "%.15g" (so 15000, 8.5, 1330000000, 2000000000000). Tests compare it
  // verbatim, so keep it stable.
  std::string Dump() const;
};

// Parses the number that starts exactly at text[0] (UTF-8). Returns nullopt when no number starts there.
// REQUIRES: nothing; any bytes are accepted and never read past text.size().
std::optional<ParsedNumber> ParseNumberPrefix(std::string_view text);

}  // namespace fengong
