#include "pattern.h"

#include <re2/re2.h>

namespace fengong {

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
  return pattern;
}

int Pattern::group_count() const { return re_ ? re_->NumberOfCapturingGroups() : 0; }

namespace {

// Runs RE2::Match and copies the submatches (0 = whole match) into `out`.
bool RunMatch(const RE2& re, std::string_view text, size_t from, RE2::Anchor anchor,
              std::vector<re2::StringPiece>* out) {
  const int n = re.NumberOfCapturingGroups() + 1;
  out->assign(n, re2::StringPiece());
  return re.Match(re2::StringPiece(text.data(), text.size()), from, text.size(), anchor,
                  out->data(), n);
}

void CopyGroups(std::string_view text, const std::vector<re2::StringPiece>& pieces,
                std::vector<std::string_view>* groups) {
  if (groups == nullptr) return;
  groups->clear();
  for (size_t i = 1; i < pieces.size(); ++i) {
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
  std::vector<re2::StringPiece> pieces;
  if (!RunMatch(*re_, text, 0, RE2::ANCHOR_START, &pieces)) return false;
  *length = pieces[0].size();
  CopyGroups(text, pieces, groups);
  return true;
}

bool Pattern::Find(std::string_view text, size_t from, size_t* begin, size_t* end,
                   std::vector<std::string_view>* groups) const {
  if (!re_ || from > text.size()) return false;
  std::vector<re2::StringPiece> pieces;
  if (!RunMatch(*re_, text, from, RE2::UNANCHORED, &pieces)) return false;
  *begin = pieces[0].data() - text.data();
  *end = *begin + pieces[0].size();
  CopyGroups(text, pieces, groups);
  return true;
}

bool Pattern::Contains(std::string_view text) const {
  return re_ && RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *re_);
}

bool Pattern::FullMatch(std::string_view text) const {
  return re_ && RE2::FullMatch(re2::StringPiece(text.data(), text.size()), *re_);
}

std::string Pattern::RemoveAll(std::string_view text) const {
  std::string out(text);
  if (re_) RE2::GlobalReplace(&out, *re_, "");
  return out;
}

}  // namespace fengong
