// Part of stage 4: the repair of outline numbering (markers themselves: numbering.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.h"
#include "grammar.h"
#include "numbering.h"

namespace fengong {

// One numbered paragraph of the outline, in document order.
struct OutlineEntry {
  Marker marker;
  int line = 0;
  bool heading_only = false;  // the paragraph is a short heading with no body of its own
  bool bare = false;          // ... and a name, not a sentence (no closing or inner punctuation)
};

// Repairs top-level headings numbered in another style. The first: "1、 总体要求" before "二、"
// (an entry numbered 1 whose next marker has a lower rank, followed later by a rank-1 entry
// numbered 2 with no rank-1 entry numbered 1 before it). A later one: a short heading numbered
// as the next top heading ("4、主要任务" after "三、") whose next marker ranks above its style or
// restarts it at 1 where it does not continue its own run. Each repair takes rank 1 and is reported.
void RepairMisnumberedTop(std::vector<OutlineEntry>* entries, Diagnostics* diagnostics);

}  // namespace fengong
