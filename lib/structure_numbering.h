// Part of stage 4: outline numbering markers (一、 （一） 1. （1） ①) and their repair.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.h"
#include "grammar.h"

namespace fengong {

struct Marker {
  int rank = 0;        // outline depth of the style (numbering.yaml)
  int number = 0;      // the numeral's value: 三 -> 3, ⑷ -> 4
  size_t length = 0;   // folded bytes the marker takes, trailing spaces included
  std::string style;   // the rule's name
};

// The marker at the start of `folded`, or nullopt. A number followed by a digit ("1.5万") is a
// decimal, not a marker.
std::optional<Marker> ParseMarker(std::string_view folded, const RuleSet& rules);

// One numbered paragraph of the outline, in document order.
struct OutlineEntry {
  Marker marker;
  int line = 0;
  bool heading_only = false;  // the paragraph is a short heading with no body of its own
};

// Repairs a top-level heading numbered in another style ("1、 总体要求" before "二、"): an entry
// numbered 1 whose next marker has a lower rank, followed later by a rank-1 entry numbered 2 with
// no rank-1 entry numbered 1 before it, takes rank 1. Each repair is reported.
void RepairMisnumberedTop(std::vector<OutlineEntry>* entries, Diagnostics* diagnostics);

}  // namespace fengong
