#include "keyword_set.h"

#include <algorithm>

#include "utf8.h"

namespace fengong {
namespace {

// First characters below this (the BMP: every CJK ideograph in use) are looked up in a table.
constexpr char32_t kTabledFirst = 0x10000;

}  // namespace

KeywordSet::KeywordSet(const std::vector<std::string>& keywords) : nodes_(1) {
  for (size_t id = 0; id < keywords.size(); ++id) {
    const std::string& keyword = keywords[id];
    if (keyword.empty() || !IsValidUtf8(keyword) ||
        keyword.find("\xEF\xBF\xBD") != std::string::npos) {
      byte_searched_.emplace_back(keyword, id);
    } else {
      Add(keyword, id);
    }
  }
  for (Node& node : nodes_) std::sort(node.next.begin(), node.next.end());
  for (const auto& [c, child] : nodes_[0].next) {
    if (c >= kTabledFirst) continue;
    if (c >= first_.size()) first_.resize(c + 1, 0);
    first_[c] = child;
  }
}

void KeywordSet::Add(std::string_view keyword, size_t id) {
  uint32_t node = 0;
  size_t pos = 0;
  while (pos < keyword.size()) {
    const char32_t c = NextCodePoint(keyword, &pos);
    auto it = std::find_if(nodes_[node].next.begin(), nodes_[node].next.end(),
                           [c](const std::pair<char32_t, uint32_t>& e) { return e.first == c; });
    if (it != nodes_[node].next.end()) {
      node = it->second;
      continue;
    }
    const uint32_t child = static_cast<uint32_t>(nodes_.size());
    nodes_[node].next.emplace_back(c, child);
    nodes_[node].next_mask |= uint64_t{1} << (c % 64);
    nodes_.emplace_back();
    node = child;
  }
  nodes_[node].ids.push_back(id);
}

uint32_t KeywordSet::Child(uint32_t node, char32_t c) const {
  if ((nodes_[node].next_mask >> (c % 64) & 1) == 0) return 0;
  const std::vector<std::pair<char32_t, uint32_t>>& next = nodes_[node].next;
  auto it = std::lower_bound(next.begin(), next.end(), c,
                             [](const std::pair<char32_t, uint32_t>& e, char32_t v) {
                               return e.first < v;
                             });
  return it != next.end() && it->first == c ? it->second : 0;
}

void KeywordSet::WalkFrom(uint32_t first, std::string_view text, size_t pos,
                          std::vector<uint32_t>* ends) const {
  for (uint32_t node = first; node != 0;) {
    if (!nodes_[node].ids.empty() && std::find(ends->begin(), ends->end(), node) == ends->end()) {
      ends->push_back(node);
    }
    if (pos >= text.size()) return;
    node = Child(node, NextCodePoint(text, &pos));
  }
}

void KeywordSet::Find(std::string_view text, std::vector<size_t>* found) const {
  for (const auto& [keyword, id] : byte_searched_) {
    if (FindBytes(text, keyword) != std::string::npos) found->push_back(id);
  }
  std::vector<uint32_t> ends;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t next = pos;
    const char32_t c = NextCodePoint(text, &next);
    const uint32_t first = c < first_.size() ? first_[c] : c < kTabledFirst ? 0 : Child(0, c);
    if (first != 0) WalkFrom(first, text, next, &ends);
    pos = next;
  }
  for (uint32_t node : ends) {
    found->insert(found->end(), nodes_[node].ids.begin(), nodes_[node].ids.end());
  }
}

}  // namespace fengong
