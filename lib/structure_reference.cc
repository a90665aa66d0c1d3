#include "structure_reference.h"

#include <optional>
#include <string>

#include "numbering.h"

namespace fengong {
namespace {

// Ranges longer than this are no reference (a stray 1至100).
constexpr int kMaxRange = 30;

// The step a numeral names: its rank is the outline marker it would print as, bracketed as it
// stands (（一）, （1）) or with the 、 that a bare numeral takes (一、, 1、).
std::optional<OutlineStep> StepOf(std::string_view numeral, const RuleSet& rules) {
  std::string marker(numeral);
  if (marker.front() != '(') marker += "、";
  marker += "x";  // a marker alone is no heading: give it one character of text
  std::optional<Marker> parsed = ParseMarker(marker, rules);
  if (!parsed || parsed->length + 1 != marker.size()) return std::nullopt;
  return OutlineStep{parsed->rank, parsed->number};
}

// `path` with its steps of `step`'s rank or deeper dropped, then `step`.
OutlinePath Under(OutlinePath path, OutlineStep step) {
  while (!path.empty() && path.back().rank >= step.rank) path.pop_back();
  path.push_back(step);
  return path;
}

}  // namespace

std::vector<OutlinePath> ParseReference(std::string_view folded, const RuleSet& rules) {
  std::vector<OutlinePath> paths;
  OutlinePath path;
  enum class Joint { kNone, kList, kRange } joint = Joint::kNone;
  size_t pos = 0;
  std::vector<std::string_view> groups;
  while (pos < folded.size()) {
    size_t length = 0;
    if (!rules.reference_step.MatchPrefix(folded.substr(pos), &length, &groups) || length == 0) {
      return {};
    }
    std::optional<OutlineStep> step = StepOf(groups[0], rules);
    if (!step) return {};
    pos += length;
    if (joint == Joint::kRange) {
      if (path.empty() || path.back().rank != step->rank ||
          step->number <= path.back().number || step->number - path.back().number > kMaxRange) {
        return {};
      }
      for (int n = path.back().number + 1; n <= step->number; ++n) {
        path = Under(path, OutlineStep{step->rank, n});
        paths.push_back(path);
      }
    } else {
      path = Under(path, *step);
    }
    const bool ends = pos == folded.size();
    if (rules.reference_list.MatchPrefix(folded.substr(pos), &length)) {
      joint = Joint::kList;
    } else if (rules.reference_range.MatchPrefix(folded.substr(pos), &length)) {
      joint = Joint::kRange;
    } else {
      joint = Joint::kNone;
      length = 0;
    }
    // A path is named where its steps stop: at a list's comma, a range's start or the end.
    const bool was_range_end = !paths.empty() && paths.back() == path;
    if ((ends || joint != Joint::kNone) && !was_range_end) paths.push_back(path);
    pos += length;
  }
  if (joint != Joint::kNone) return {};  // a trailing 、 or 至
  return paths;
}

bool EndsWithReference(const OutlinePath& path, const OutlinePath& reference) {
  if (reference.empty() || reference.size() > path.size()) return false;
  return std::equal(reference.rbegin(), reference.rend(), path.rbegin());
}

}  // namespace fengong
