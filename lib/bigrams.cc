#include "bigrams.h"

#include <algorithm>

#include "utf8.h"

namespace fengong {

bool IsWordingSpace(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == 0x3000; }

std::vector<uint64_t> SortedBigrams(std::string_view text) {
  std::vector<uint64_t> bigrams;
  size_t pos = 0;
  char32_t previous = 0;
  while (pos < text.size()) {
    char32_t c = NextCodePoint(text, &pos);
    if (IsWordingSpace(c)) continue;
    if (previous != 0) bigrams.push_back((uint64_t{previous} << 32) | c);
    previous = c;
  }
  std::sort(bigrams.begin(), bigrams.end());
  return bigrams;
}

double Dice(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty() || b.empty()) return 0.0;
  size_t common = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++common, ++i, ++j;
    }
  }
  return 2.0 * common / (a.size() + b.size());
}

}  // namespace fengong
