#include "numbering.h"

#include <vector>

#include "extract_number.h"
#include "utf8.h"

namespace fengong {
namespace {

int NumeralValue(std::string_view numeral) {
  if (numeral.empty()) return 0;
  size_t pos = 0;
  char32_t c = NextCodePoint(numeral, &pos);
  if (c >= U'①' && c <= U'⑳') return static_cast<int>(c - U'①') + 1;
  if (c >= U'⑴' && c <= U'⒇') return static_cast<int>(c - U'⑴') + 1;
  std::optional<ParsedNumber> parsed = ParseNumberPrefix(numeral);
  return parsed ? static_cast<int>(parsed->value) : 0;
}

std::string_view FirstNonEmpty(const std::vector<std::string_view>& groups) {
  for (std::string_view group : groups) {
    if (!group.empty()) return group;
  }
  return {};
}

}  // namespace

std::optional<Marker> ParseMarker(std::string_view folded, const RuleSet& rules) {
  std::vector<std::string_view> groups;
  for (const NumberingRule& rule : rules.numbering) {
    size_t length = 0;
    if (!rule.pattern.MatchPrefix(folded, &length, &groups)) continue;
    std::string_view numeral = FirstNonEmpty(groups);
    size_t numeral_end = numeral.data() + numeral.size() - folded.data();
    // "1.5万" and "2.3%" are numbers, not markers.
    if (numeral_end < folded.size() && folded[numeral_end] == '.' && length > numeral_end &&
        numeral_end + 1 < folded.size() && folded[numeral_end + 1] >= '0' &&
        folded[numeral_end + 1] <= '9') {
      continue;
    }
    if (length >= folded.size()) continue;  // a marker with nothing after it is no heading
    Marker marker;
    marker.rank = rule.rank;
    marker.number = NumeralValue(numeral);
    marker.length = length;
    marker.style = rule.name;
    return marker;
  }
  return std::nullopt;
}

bool IsMarkerAlone(std::string_view folded, const RuleSet& rules) {
  for (const NumberingRule& rule : rules.numbering) {
    size_t length = 0;
    if (!folded.empty() && rule.pattern.MatchPrefix(folded, &length) && length == folded.size()) {
      return true;
    }
  }
  return false;
}

}  // namespace fengong
