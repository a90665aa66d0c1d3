// Part of stage 3: a table a PDF tool flattened into one cell per line, with no TABs, no box
// lines and no blank lines between rows:
//
//   序号 / 任务 / 牵头单位 / 责任单位 / 1 / 修订完善…预案。 / 县水利局 / 县应急管理局、… / 2 / …
//
// The header is told by its lines: at least three in a row that each hold one column name alone,
// the first naming the 序号 column and one naming a unit column. The rows are then anchored by
// their serial numbers, which count up from 1: the lines between serial n and serial n + 1 are
// row n's cells. A header printed again after a page break is dropped, and so are blank lines (the
// layout has none; those around a page number are no cells). A row with more lines than columns
// had a long cell wrapped: the extra lines join the first cell after the serial, the content
// column, whose text wraps (unit cells are short). A row with fewer lines lost empty cells, taken
// as the trailing ones (merged with the row above). The last row's content cell runs to the first
// line that ends a sentence; one line per unit column follows.
#pragma once

#include <vector>

#include "grammar.h"
#include "normalize.h"
#include "segment.h"

namespace fengong {

// The number of header lines of a flattened table that starts at lines[begin]; 0 for none.
size_t FlatHeaderSize(const std::vector<const Line*>& lines, size_t begin, const RuleSet& rules);

// The flattened table whose header starts at lines[begin]; *end receives the end (exclusive) of
// its region. A table with no row parsed has no rows (the caller reads the lines as text).
Table ParseFlatTable(const std::vector<const Line*>& lines, size_t begin, const RuleSet& rules,
                     size_t* end);

}  // namespace fengong
