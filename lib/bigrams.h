// Wording similarity by shared character pairs, for linking an appendix row to a body heading and
// aligning tasks and targets across plans.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace fengong {

// Spaces, tabs, line breaks and the ideographic space: left out of a wording's bigrams.
bool IsWordingSpace(char32_t c);

// The code-point bigrams of `text` as sorted integers, whitespace skipped: cheap to build once
// per label and to intersect. Empty for a text of fewer than two characters.
std::vector<uint64_t> SortedBigrams(std::string_view text);

// Dice's coefficient of two SortedBigrams lists: 2·|common| / (|a| + |b|); 0 when either is empty.
double Dice(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

}  // namespace fengong
