// Outline markers come in styles whose usual depth the grammar gives as a rank. Documents break
// the convention in two known ways: a top heading written in the wrong style (repaired here), and
// ranks skipped (一、 then 1. with no （一）), which the stack in structure.cc absorbs because it
// compares ranks, not exact depths.
#include "structure_numbering.h"

#include <map>

#include <fmt/format.h>

namespace fengong {
namespace {

void Promote(OutlineEntry* entry, Diagnostics* diagnostics) {
  diagnostics->Warn(entry->line, WarningCode::kMisnumberedHeading,
                    fmt::format("top-level heading numbered in the {} style; read as 一、",
                                entry->marker.style));
  entry->marker.rank = 1;
}

// The first top heading written "1、 总体要求" before "二、": it has no rank-1 "一、" to follow.
void RepairFirstTop(std::vector<OutlineEntry>* entries, Diagnostics* diagnostics) {
  auto& list = *entries;
  for (size_t i = 0; i < list.size(); ++i) {
    const Marker& marker = list[i].marker;
    if (marker.rank == 1 && marker.number == 1) return;
    if (marker.rank != 1 || marker.number != 2) continue;
    for (size_t j = i; j-- > 0;) {
      const Marker& candidate = list[j].marker;
      bool parent_of_next = j + 1 < list.size() && list[j + 1].marker.rank < candidate.rank;
      if (candidate.number == 1 && candidate.rank > 1 && parent_of_next && list[j].heading_only) {
        Promote(&list[j], diagnostics);
        return;
      }
    }
    return;
  }
}

// Whether list[i], a heading in a lower style numbered as the next top heading, opens a section
// of its own: the marker after it ranks above its style but below the top (4、主要任务 then （一）;
// "（二）工作目标" before "二、" is no top heading), or restarts its
// own style at 1 while it does not continue a run of its style in the current top section.
bool OpensTopSection(const std::vector<OutlineEntry>& list, size_t i, int last_top,
                     const std::map<int, int>& last_in_section) {
  const Marker& marker = list[i].marker;
  // A top heading is misnumbered in the item style or in （一）'s, never in the deeper ones
  // (（1）, ①), which are read as items wherever they stand.
  if (marker.rank <= 1 || marker.rank > kItemRank || !list[i].bare || last_top == 0 ||
      marker.number != last_top + 1 || i + 1 >= list.size()) {
    return false;
  }
  const Marker& next = list[i + 1].marker;
  if (next.rank > 1 && next.rank < marker.rank) return true;
  auto previous = last_in_section.find(marker.rank);
  bool continues_run = previous != last_in_section.end() && previous->second == marker.number - 1;
  return next.rank == marker.rank && next.number == 1 && !continues_run;
}

// A later top heading in a lower style ("4、主要任务" after "三、"), wherever it stands.
void RepairLaterTops(std::vector<OutlineEntry>* entries, Diagnostics* diagnostics) {
  auto& list = *entries;
  int last_top = 0;
  std::map<int, int> last_in_section;  // rank -> last number seen since the last top heading
  for (size_t i = 0; i < list.size(); ++i) {
    if (OpensTopSection(list, i, last_top, last_in_section)) Promote(&list[i], diagnostics);
    const Marker& marker = list[i].marker;
    if (marker.rank == 1) {
      last_top = marker.number;
      last_in_section.clear();
    } else {
      last_in_section[marker.rank] = marker.number;
    }
  }
}

}  // namespace

void RepairMisnumberedTop(std::vector<OutlineEntry>* entries, Diagnostics* diagnostics) {
  RepairFirstTop(entries, diagnostics);
  RepairLaterTops(entries, diagnostics);
}

}  // namespace fengong
