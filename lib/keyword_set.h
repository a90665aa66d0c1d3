// A fixed set of keywords looked for together: one pass over a text tells which of them occur.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fengong {

// The keywords are held in a trie of code points, so that each position of a text is read once
// for all of them, however many start with the same character (in a science plan some forty
// keywords start with 科). Immutable once built: threads may share one.
class KeywordSet {
 public:
  // Keyword i of `keywords` is reported as id i; a keyword listed twice is reported under both
  // ids. A keyword that is empty, not UTF-8 or holds U+FFFD is looked for as bytes.
  explicit KeywordSet(const std::vector<std::string>& keywords);

  // Appends to *found the id of every keyword that occurs in `text`, each once (order unspecified).
  void Find(std::string_view text, std::vector<size_t>* found) const;

 private:
  struct Node {
    std::vector<std::pair<char32_t, uint32_t>> next;  // by code point, sorted once built
    uint64_t next_mask = 0;  // bit c % 64 set for each c in next: most lookups end at it
    std::vector<size_t> ids;                          // the keywords that end here
  };

  void Add(std::string_view keyword, size_t id);
  uint32_t Child(uint32_t node, char32_t c) const;  // 0 (the root) when there is none
  // The ends of the keywords that start with `first`, whose node it is, and go on at text[pos],
  // reported into *ends once each.
  void WalkFrom(uint32_t first, std::string_view text, size_t pos,
                std::vector<uint32_t>* ends) const;

  std::vector<Node> nodes_;  // nodes_[0] is the root
  // The root's child for each code point below its size (0: no keyword starts with it): the
  // lookup made at every character of a text, so it is a table rather than a search.
  std::vector<uint32_t> first_;
  std::vector<std::pair<std::string, size_t>> byte_searched_;
};

}  // namespace fengong
