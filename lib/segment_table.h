// Part of stage 3: the table layouts. Used by segment.cc; structure reads header names with
// MatchColumnName.
#pragma once

#include <string_view>
#include <vector>

#include "grammar.h"
#include "normalize.h"
#include "segment.h"

namespace fengong {

enum class LineShape { kBlank, kCell, kTsv, kBox, kBorder, kText };

// How one line looks: a TAB-led single cell, TAB-separated cells, a box-drawn row or border, …
LineShape ClassifyLine(const Line& line);

// The column role a header cell names (see tables.yaml), or kUnknown.
ColumnRole MatchColumnName(std::string_view folded_cell, const RuleSet& rules);

// True when at least two cells name known columns.
bool IsHeaderRow(const std::vector<Cell>& cells, const RuleSet& rules);

// Each parser takes the lines of one table region (blank lines included, artefacts excluded).
Table ParseCellTable(const std::vector<const Line*>& lines, const RuleSet& rules);
Table ParseTsvTable(const std::vector<const Line*>& lines, const RuleSet& rules);
Table ParseBoxTable(const std::vector<const Line*>& lines, const RuleSet& rules);

}  // namespace fengong
