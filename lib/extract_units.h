// Part of stage 5: units (牵头单位 / 责任单位) from annotations and table cells.
//
// An annotation is read in three ways, tried in order: labelled lists (牵头单位：X，责任单位：Y),
// lists closed by a verb (X牵头，Y按职责分工负责), and a bare list (all responsible). It counts as
// units only when most of its names read as organisations (annotations.yaml), so a trailing
// （2021—2025年） or （所、站） stays text.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.h"
#include "grammar.h"
#include "normalize.h"
#include "segment.h"

namespace fengong {

struct UnitList {
  std::vector<std::string> lead;
  std::vector<std::string> responsible;
  bool open_list = false;  // a list ended with 等

  bool empty() const { return lead.empty() && responsible.empty(); }
  std::string Dump() const;  // "units{lead[A,B] resp[C] open}"
};

struct Annotation {
  UnitList units;
  size_t begin = 0;  // folded offset in the passage where the annotation (its bracket) starts
  size_t text_begin = 0;  // where the task's text starts: after an annotation that opens it
};

// The unit annotation that ends `text` (before a closing 。), or nullopt. Mismatched or unclosed
// brackets are accepted and reported.
std::optional<Annotation> FindTrailingAnnotation(const Passage& text, const RuleSet& rules,
                                                 Diagnostics* diagnostics);

// The unit annotation that opens `text` with its labels in brackets and each list after its
// label (【牵头单位】X【配合单位】Y、Z 加强…), or nullopt. The last list ends at the first space or
// comma, where the task's text starts (text_begin); `begin` is the end of the text.
std::optional<Annotation> FindLeadingAnnotation(const Passage& text, const RuleSet& rules);

// Units a task names in its own sentences, for a task that has no annotation: a clause that opens
// with organisations and a role verb (县司法局牵头开展…, 各乡镇人民政府、街道办事处负责…).
UnitList UnitsInRunningText(const Passage& text, const RuleSet& rules);

// A text that opens with its units and a colon (区发改局牵头，区财政局配合：加快…): the roles the
// verbs give, where every name reads as an organisation; else nullopt.
std::optional<UnitList> UnitsBeforeColon(const Passage& text, const RuleSet& rules);

// The units a heading names as the lead of every item under it: the whole heading is a list of
// organisations closed by a lead verb (二、市财政局牵头（共2项）). Empty for any other heading.
std::vector<std::string> HeadingLead(const Passage& heading, const RuleSet& rules);

// Reads a whole passage as an annotation (a standalone annotation paragraph, brackets optional).
std::optional<UnitList> ReadAnnotation(const Passage& text, const RuleSet& rules,
                                       Diagnostics* diagnostics);

// The unit names of a table cell: split on separators and line breaks, 等 dropped, a cell the
// extraction printed twice read once, duplicates removed.
std::vector<std::string> SplitUnitCell(const Cell& cell, const RuleSet& rules, bool* open_list);

// Whether `folded` holds a word that names the lead role (a lead label or verb: 牵头单位, 牵头):
// the cheap test before reading roles out of a list or a cell, which most do not name.
bool MentionsLead(std::string_view folded, const RuleSet& rules);

// A list with no lead opens with it (a note says each list's first unit leads): the first
// responsible unit moves to the lead.
void LeadFromFirst(UnitList* units);

// Names printed with a lead mark (区科协（牵头）、区教委) move, without the mark, from the
// responsible list to the lead list.
void LiftMarkedLeads(UnitList* units, const RuleSet& rules);

// Appends the names in `names` that `list` does not hold yet.
void AppendUnique(const std::vector<std::string>& names, std::vector<std::string>* list);

}  // namespace fengong
