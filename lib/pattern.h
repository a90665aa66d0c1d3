// A compiled RE2 pattern behind a small interface, so that no stage header includes RE2.
// Patterns are built only by the grammar loader; stage code asks the rule set for them.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace fengong {

class Status;

class Pattern {
 public:
  Pattern() = default;
  // Compiles `source`. On failure *error holds RE2's message and the result is empty().
  static Pattern Compile(const std::string& source, std::string* error);

  bool empty() const { return re_ == nullptr; }
  const std::string& source() const { return source_; }
  int group_count() const;

  // Matches at the start of `text`. On success *length is the bytes matched and groups (if given)
  // hold the captured substrings (empty views for groups that did not take part).
  bool MatchPrefix(std::string_view text, size_t* length,
                   std::vector<std::string_view>* groups = nullptr) const;
  // Finds the first match at or after `from`; *begin/*end are byte offsets into text.
  bool Find(std::string_view text, size_t from, size_t* begin, size_t* end,
            std::vector<std::string_view>* groups = nullptr) const;
  bool Contains(std::string_view text) const;
  bool FullMatch(std::string_view text) const;
  // `text` with every non-empty match removed.
  std::string RemoveAll(std::string_view text) const;
  // True when whether and how the pattern matches at a position can depend on the text before
  // that position (^, \A, \b, \B), or after the match ($, \z, \b, \B). Read from the source,
  // erring towards true. A pattern that does neither matches a piece of text wherever it stands.
  bool looks_behind() const { return looks_behind_; }
  bool looks_ahead() const { return looks_ahead_; }

 private:
  std::shared_ptr<const re2::RE2> re_;
  std::string source_;
  bool looks_behind_ = false;
  bool looks_ahead_ = false;
  // The bytes a match can start with, when known (see Compile): MatchPrefix rejects a text
  // outside them without running RE2, as most lines start with no numbering marker.
  bool first_byte_known_ = false;
  unsigned char first_byte_min_ = 0;
  unsigned char first_byte_max_ = 0xFF;
};

// MatchPrefix(text.substr(pos)) for the positions of one text in increasing order, as a
// tokenizer asks it at every character. A pattern that does not look behind its match is
// searched for once per match found, not once per position; the answers are the same.
class PrefixScanner {
 public:
  PrefixScanner(const Pattern& pattern, std::string_view text) : pattern_(pattern), text_(text) {}

  // REQUIRES: pos <= text.size(), and not below the pos of the previous call.
  bool MatchAt(size_t pos, size_t* length);

 private:
  const Pattern& pattern_;
  std::string_view text_;
  bool searched_ = false;
  size_t next_begin_ = 0;  // the first match at or after the last search's start (npos: none)
  size_t next_end_ = 0;
};

}  // namespace fengong
