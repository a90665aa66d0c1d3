// Part of stage 4: an appendix cell that points to the body by its numbering (对应正文条目:
// 二（一）1, （三）2、3, 三（一）至（三）), read as the outline paths it names.
#pragma once

#include <string_view>
#include <vector>

#include "grammar.h"

namespace fengong {

// One level of an outline path: the marker's rank (numbering.yaml) and its number.
struct OutlineStep {
  int rank = 0;
  int number = 0;
  bool operator==(const OutlineStep& other) const {
    return rank == other.rank && number == other.number;
  }
};
using OutlinePath = std::vector<OutlineStep>;

// The outline paths a reference cell names, outermost step first, in the cell's order; empty
// when the cell is not wholly a reference (a numeral, bare or bracketed, per step; 、 lists
// steps of one level; 至 ranges them).
std::vector<OutlinePath> ParseReference(std::string_view folded, const RuleSet& rules);

// Whether `reference` is the innermost part of `path`: a reference may leave out outer levels
// (（一）1 for 二（一）1).
bool EndsWithReference(const OutlinePath& path, const OutlinePath& reference);

}  // namespace fengong
