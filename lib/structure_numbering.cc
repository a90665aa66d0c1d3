// Outline markers come in styles whose usual depth the grammar gives as a rank. Documents break
// the convention in two known ways: a top heading written in the wrong style (repaired here), and
// ranks skipped (一、 then 1. with no （一）), which the stack in structure.cc absorbs because it
// compares ranks, not exact depths.
#include "structure_numbering.h"

#include <fmt/format.h>

namespace fengong {

void RepairMisnumberedTop(std::vector<OutlineEntry>* entries, Diagnostics* diagnostics) {
  auto& list = *entries;
  bool seen_top_one = false;
  for (size_t i = 0; i < list.size(); ++i) {
    const Marker& marker = list[i].marker;
    if (marker.rank == 1 && marker.number == 1) seen_top_one = true;
    if (marker.rank != 1 || marker.number != 2 || seen_top_one) continue;
    for (size_t j = i; j-- > 0;) {
      Marker& candidate = list[j].marker;
      bool parent_of_next = j + 1 < list.size() && list[j + 1].marker.rank < candidate.rank;
      if (candidate.number == 1 && candidate.rank > 1 && parent_of_next && list[j].heading_only) {
        diagnostics->Warn(list[j].line, WarningCode::kMisnumberedHeading,
                          fmt::format("top-level heading numbered in the {} style; read as 一、",
                                      candidate.style));
        candidate.rank = 1;
        break;
      }
    }
    seen_top_one = true;
  }
}

}  // namespace fengong
