#include "structure_reference.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "normalize.h"
#include "test_rules.h"

namespace fengong {
namespace {

// Paths as "rank:number>rank:number", several joined by " ; ".
std::string Dump(const std::vector<OutlinePath>& paths) {
  std::string out;
  for (const OutlinePath& path : paths) {
    if (!out.empty()) out += " ; ";
    for (size_t i = 0; i < path.size(); ++i) {
      out += (i ? ">" : "") + std::to_string(path[i].rank) + ":" + std::to_string(path[i].number);
    }
  }
  return out;
}

struct Case {
  const char* cell;
  const char* paths;
};

const Case kCases[] = {
    {"二（一）1", "1:2>2:1>3:1"},
    {"（三）2", "2:3>3:2"},
    {"二（三）1、2", "1:2>2:3>3:1 ; 1:2>2:3>3:2"},
    {"三（一）至（三）", "1:3>2:1 ; 1:3>2:2 ; 1:3>2:3"},
    {"（二）（3）", "2:2>4:3"},
    {"四", "1:4"},
    // Not wholly a reference: a date, a word, a list or range left open.
    {"2024年", ""},
    {"持续推进", ""},
    {"二（一）1、", ""},
    {"（三）至（一）", ""},
};

TEST_CASE("ParseReference") {
  for (const Case& row : kCases) {
    CAPTURE(row.cell);
    CHECK(Dump(ParseReference(Fold(row.cell), TestRules())) == row.paths);
  }
}

TEST_CASE("EndsWithReference: a reference may leave out the outer levels") {
  const OutlinePath path = {{1, 2}, {2, 1}, {3, 1}};
  CHECK(EndsWithReference(path, {{2, 1}, {3, 1}}));
  CHECK(EndsWithReference(path, path));
  CHECK_FALSE(EndsWithReference(path, {{2, 2}, {3, 1}}));
  CHECK_FALSE(EndsWithReference(path, {}));
}

}  // namespace
}  // namespace fengong
