#include "figure_context.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "test_rules.h"

namespace fengong {
namespace {

// The figure rules themselves are tested through whole clauses in extract_targets_test.cc; here
// the lookups the figure reader shares with them.

TEST_CASE("figure context: the last characters before a number") {
  CHECK(LastChars("全县建成充电桩", 3) == "充电桩");
  CHECK(LastChars("桩", 3) == "桩");
  CHECK(LastChars("", 3).empty());
}

TEST_CASE("figure context: the period a clause names") {
  CHECK(PeriodIn("每季度开展1次", TestRules()).value_or("none") == "quarterly");
  CHECK(PeriodIn("每半年通报一次", TestRules()).value_or("none") == "per_semester");
  CHECK(PeriodIn("全年开展", TestRules()).value_or("none") == "none");
}

TEST_CASE("figure context: a bound right before the number or right after the measure word") {
  CHECK(IsBounded("不少于", "", TestRules()));
  CHECK(IsBounded("≥", "", TestRules()));  // signs are bounds
  CHECK(IsBounded("建成", "以上", TestRules()));
  CHECK_FALSE(IsBounded("建成", "的", TestRules()));
}

TEST_CASE("figure context: a bound earlier in the clause") {
  const ComparatorWord* bound = BoundEarlier("至少要组建", TestRules());
  REQUIRE(bound != nullptr);
  CHECK(bound->symbol == ">=");
  bound = BoundEarlier("人均阅读量低于全国平均水平", TestRules());
  REQUIRE(bound != nullptr);
  CHECK(bound->symbol == "<");
  CHECK(BoundEarlier("达到", TestRules()) == nullptr);  // "=" words are the default anyway
}

}  // namespace
}  // namespace fengong
