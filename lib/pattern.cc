#include "pattern.h"

#include <re2/re2.h>

namespace fengong {
namespace {

// Whether the pattern source holds assertions on the text before (^ \A \b \B) or after ($ \z
// \b \B) a match. ^ and $ count outside character classes only ([^\]] is no anchor). Errs
// towards true: a \Q…\E quote, whose text the scan cannot read, counts as both.
void FindAssertions(const std::string& source, bool* behind, bool* ahead) {
  *behind = *ahead = false;
  bool in_class = false;
  for (size_t i = 0; i < source.size(); ++i) {
    const char c = source[i];
    if (c == '\\' && i + 1 < source.size()) {
      const char escaped = source[++i];
      if (escaped == 'Q') *behind = *ahead = true;
      if (in_class) continue;
      if (escaped == 'b' || escaped == 'B') *behind = *ahead = true;
      if (escaped == 'A') *behind = true;
      if (escaped == 'z') *ahead = true;
    } else if (in_class) {
      if (c == '[' && i + 1 < source.size() && source[i + 1] == ':') {  // [:alpha:]
        size_t close = source.find(":]", i + 2);
        if (close != std::string::npos) i = close + 1;
      } else if (c == ']') {
        in_class = false;
      }
    } else if (c == '[') {
      in_class = true;
      if (i + 1 < source.size() && source[i + 1] == '^') ++i;
      if (i + 1 < source.size() && source[i + 1] == ']') ++i;  // a leading ] is a member
    } else if (c == '^') {
      *behind = true;
    } else if (c == '$') {
      *ahead = true;
    }
  }
}

}  // namespace

Pattern Pattern::Compile(const std::string& source, std::string* error) {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_log_errors(false);
  auto re = std::make_shared<const RE2>(source, options);
  Pattern pattern;
  if (!re->ok()) {
    *error = re->error();
    return pattern;
  }
  pattern.re_ = std::move(re);
  pattern.source_ = source;
  FindAssertions(source, &pattern.looks_behind_, &pattern.looks_ahead_);
  // RE2 bounds the strings a pattern matches from its start (min <= s <= max); with min not
  // empty, no match is empty, so every match starts with a byte in [min[0], max[0]] (max is
  // rounded up, or empty for no bound). Not for \b-style assertions, which can match empty
  // before a byte outside that range.
  std::string min, max;
  if (!pattern.looks_behind_ && !pattern.looks_ahead_ &&
      pattern.re_->PossibleMatchRange(&min, &max, 1) && !min.empty()) {
    pattern.first_byte_known_ = true;
    pattern.first_byte_min_ = static_cast<unsigned char>(min[0]);
    pattern.first_byte_max_ = max.empty() ? 0xFF : static_cast<unsigned char>(max[0]);
  }
  return pattern;
}

int Pattern::group_count() const { return re_ ? re_->NumberOfCapturingGroups() : 0; }

namespace {

// Submatches live on the stack for patterns with up to this many groups (all of the grammars'
// patterns): every stage calls these per line or per character, and a heap vector per call was
// a good part of their cost.
constexpr int kStackSubmatches = 16;

class Submatches {
 public:
  explicit Submatches(int n) : n_(n) {
    if (n_ > kStackSubmatches) heap_.resize(n_);
  }
  re2::StringPiece* data() { return n_ > kStackSubmatches ? heap_.data() : stack_; }
  const re2::StringPiece& operator[](int i) const {
    return n_ > kStackSubmatches ? heap_[i] : stack_[i];
  }
  int size() const { return n_; }

 private:
  int n_;
  re2::StringPiece stack_[kStackSubmatches];
  std::vector<re2::StringPiece> heap_;
};

// Runs RE2::Match and leaves the submatches (0 = whole match) in `out`.
bool RunMatch(const RE2& re, std::string_view text, size_t from, RE2::Anchor anchor,
              Submatches* out) {
  return re.Match(re2::StringPiece(text.data(), text.size()), from, text.size(), anchor,
                  out->data(), out->size());
}

// Submatches to ask RE2 for: the groups only when the caller wants them (RE2 finds the whole
// match alone faster).
int SubmatchCount(const RE2& re, const std::vector<std::string_view>* groups) {
  return groups ? re.NumberOfCapturingGroups() + 1 : 1;
}

void CopyGroups(std::string_view text, const Submatches& pieces,
                std::vector<std::string_view>* groups) {
  if (groups == nullptr) return;
  groups->clear();
  for (int i = 1; i < pieces.size(); ++i) {
    if (pieces[i].data() == nullptr) {
      groups->emplace_back();
    } else {
      groups->emplace_back(text.data() + (pieces[i].data() - text.data()), pieces[i].size());
    }
  }
}

}  // namespace

bool Pattern::MatchPrefix(std::string_view text, size_t* length,
                          std::vector<std::string_view>* groups) const {
  if (!re_) return false;
  if (first_byte_known_) {
    if (text.empty()) return false;
    const unsigned char first = static_cast<unsigned char>(text[0]);
    if (first < first_byte_min_ || first > first_byte_max_) return false;
  }
  Submatches pieces(SubmatchCount(*re_, groups));
  if (!RunMatch(*re_, text, 0, RE2::ANCHOR_START, &pieces)) return false;
  *length = pieces[0].size();
  CopyGroups(text, pieces, groups);
  return true;
}

bool Pattern::Find(std::string_view text, size_t from, size_t* begin, size_t* end,
                   std::vector<std::string_view>* groups) const {
  if (!re_ || from > text.size()) return false;
  Submatches pieces(SubmatchCount(*re_, groups));
  if (!RunMatch(*re_, text, from, RE2::UNANCHORED, &pieces)) return false;
  *begin = pieces[0].data() - text.data();
  *end = *begin + pieces[0].size();
  CopyGroups(text, pieces, groups);
  return true;
}

bool Pattern::Contains(std::string_view text) const {
  return re_ && re_->Match(re2::StringPiece(text.data(), text.size()), 0, text.size(),
                           RE2::UNANCHORED, nullptr, 0);
}

bool Pattern::FullMatch(std::string_view text) const {
  return re_ && re_->Match(re2::StringPiece(text.data(), text.size()), 0, text.size(),
                           RE2::ANCHOR_BOTH, nullptr, 0);
}

bool PrefixScanner::MatchAt(size_t pos, size_t* length) {
  if (pattern_.looks_behind()) return pattern_.MatchPrefix(text_.substr(pos), length);
  // Leftmost-first: the first match at or after `from` is the one an anchored match at its start
  // gives, and no match starts between `from` and it.
  if (!searched_ || (next_begin_ != std::string_view::npos && next_begin_ < pos)) {
    size_t begin = 0, end = 0;
    std::string_view rest = text_.substr(pos);
    searched_ = true;
    if (pattern_.Find(rest, 0, &begin, &end)) {
      next_begin_ = pos + begin;
      next_end_ = pos + end;
    } else {
      next_begin_ = std::string_view::npos;
    }
  }
  if (pos != next_begin_) return false;
  *length = next_end_ - next_begin_;
  return true;
}

std::string Pattern::RemoveAll(std::string_view text) const {
  std::string out(text);
  if (re_) RE2::GlobalReplace(&out, *re_, "");
  return out;
}

}  // namespace fengong
