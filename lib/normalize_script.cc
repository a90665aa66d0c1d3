#include "normalize_script.h"

#include <algorithm>
#include <iterator>

namespace fengong {
namespace {

struct ScriptPair {
  char32_t traditional;
  char32_t simplified;
};

// Sorted by traditional code point; built from ICU at build time (tools/hant_hans_table.cc).
constexpr ScriptPair kHantHans[] = {
#include "hant_hans_table.inc"
};

constexpr bool SortedByTraditional() {
  for (size_t i = 1; i < std::size(kHantHans); ++i) {
    if (kHantHans[i - 1].traditional >= kHantHans[i].traditional) return false;
  }
  return true;
}
static_assert(SortedByTraditional(), "the Hant-Hans table must be sorted for binary search");

}  // namespace

char32_t SimplifiedForm(char32_t c) {
  if (c < std::begin(kHantHans)->traditional || c > std::prev(std::end(kHantHans))->traditional) {
    return c;
  }
  const ScriptPair* it =
      std::lower_bound(std::begin(kHantHans), std::end(kHantHans), c,
                       [](const ScriptPair& pair, char32_t key) { return pair.traditional < key; });
  return it != std::end(kHantHans) && it->traditional == c ? it->simplified : c;
}

}  // namespace fengong
