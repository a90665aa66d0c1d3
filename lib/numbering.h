// Outline numbering markers (一、 （一） 1. （1） ①) read at the start of a line. Below segment in
// the pipeline: segment asks it whether a line opens a new paragraph, structure builds the outline.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "grammar.h"

namespace fengong {

// Ranks the outline styles of numbering.yaml have, which the structure rules rely on: the first
// item style (1. / 1、; 一、 and （一） rank above it) and ① points (under an item they are its
// sub-points).
constexpr int kItemRank = 3;
constexpr int kSubPointRank = 5;

struct Marker {
  int rank = 0;        // outline depth of the style (numbering.yaml)
  int number = 0;      // the numeral's value: 三 -> 3, ⑷ -> 4
  size_t length = 0;   // folded bytes the marker takes, trailing spaces included
  std::string style;   // the rule's name
};

// The marker at the start of `folded`, or nullopt. A number followed by a digit ("1.5万") is a
// decimal, not a marker.
std::optional<Marker> ParseMarker(std::string_view folded, const RuleSet& rules);

// True when `folded` is an outline marker and nothing else ("(三)", "四、"): no heading by itself,
// ParseMarker refuses it.
bool IsMarkerAlone(std::string_view folded, const RuleSet& rules);

}  // namespace fengong
