// Part of stage 3: tables whose cells are set apart by runs of spaces, as a PDF's text
// extraction prints them (pdftotext -layout): no TABs, no box lines, each column at a fixed
// character position.
//
// A header row names at least two known columns; the column starts are read from it. Each line
// below splits at runs of spaces and every piece goes to the column that starts nearest to it.
// A line with an empty first column is the rest of the row above (a cell wrapped inside its
// column, or the part of a row a page break carried over); the header printed again after a page
// break is dropped; a line holding one numbered heading (一、…) spans the table as a category.
#pragma once

#include <vector>

#include "grammar.h"
#include "normalize.h"
#include "segment.h"

namespace fengong {

// True when `line` is the header row of a space-aligned table.
bool IsAlignedHeader(const Line& line, const RuleSet& rules);

// The end (exclusive) of the space-aligned table whose header is lines[begin].
size_t AlignedRegionEnd(const std::vector<const Line*>& lines, size_t begin,
                        const RuleSet& rules);

// The table of a region that AlignedRegionEnd delimits (style kTsv: one row per line).
Table ParseAlignedTable(const std::vector<const Line*>& lines, const RuleSet& rules);

}  // namespace fengong
