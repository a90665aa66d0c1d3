#include "normalize_script.h"

#include <algorithm>
#include <array>
#include <cstdint>
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

// One bit per BMP code point: set when the table has it. Most characters of a plan have no
// Simplified form of their own, and the fold asks about every one, so this answers them with
// one load instead of a binary search.
using BmpFilter = std::array<uint64_t, 0x10000 / 64>;
constexpr BmpFilter MakeBmpFilter() {
  BmpFilter filter{};
  for (const ScriptPair& pair : kHantHans) {
    if (pair.traditional < 0x10000)
      filter[pair.traditional >> 6] |= uint64_t{1} << (pair.traditional & 63);
  }
  return filter;
}
constexpr BmpFilter kBmpFilter = MakeBmpFilter();

}  // namespace

char32_t SimplifiedForm(char32_t c) {
  if (c < 0x10000 && ((kBmpFilter[c >> 6] >> (c & 63)) & 1) == 0) return c;
  const ScriptPair* it =
      std::lower_bound(std::begin(kHantHans), std::end(kHantHans), c,
                       [](const ScriptPair& pair, char32_t key) { return pair.traditional < key; });
  return it != std::end(kHantHans) && it->traditional == c ? it->simplified : c;
}

}  // namespace fengong
