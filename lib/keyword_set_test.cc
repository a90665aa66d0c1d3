#include "keyword_set.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>

namespace fengong {
namespace {

// The ids found in `text`, sorted, as "0,3".
std::string FoundIds(const KeywordSet& set, std::string_view text) {
  std::vector<size_t> found;
  set.Find(text, &found);
  std::sort(found.begin(), found.end());
  std::string dump;
  for (size_t id : found) dump += (dump.empty() ? "" : ",") + std::to_string(id);
  return dump;
}

struct Case {
  std::string_view text;
  std::string_view expected;
};

TEST_CASE("KeywordSet: every keyword found once, however many share a first character") {
  // 科普 is a prefix of two others; 科普 is listed twice (ids 0 and 5); "" is found anywhere.
  const KeywordSet set({"科普", "科普基地", "科普日", "科技馆", "App", "科普", "\xEF\xBF\xBD", ""});
  constexpr Case kCases[] = {
      {"", "7"},
      {"开展科普日活动", "0,2,5,7"},
      {"科普基地和科技馆，科普基地", "0,1,3,5,7"},
      {"科学普及", "7"},
      {"App Store", "4,7"},
      {"科", "7"},
      {"bad \xEF\xBF\xBD here", "6,7"},
      {"bad \xFF here", "7"},  // an invalid byte is not the U+FFFD keyword
  };
  for (const Case& c : kCases) {
    CAPTURE(c.text);
    CHECK(FoundIds(set, c.text) == c.expected);
  }
}

}  // namespace
}  // namespace fengong
