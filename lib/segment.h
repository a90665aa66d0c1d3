// Stage 3: lines into blocks — paragraphs of prose and tables in their layouts.
//
// Tables arrive in three layouts: cell tables (a Word table dumped cell by cell, each cell on
// lines that start with a TAB, rows separated by blank lines), TSV tables (one row per line, cells
// separated by TABs) and box-drawn tables (│ ├ ┼). Prose lines become paragraphs; a paragraph
// that a page break split (no closing punctuation, a long line, a blank line, then text that is no
// new heading) is joined back.
#pragma once

#include <string>
#include <vector>

#include "grammar.h"
#include "normalize.h"

namespace fengong {

enum class TableStyle { kCell, kTsv, kBox };

struct Cell {
  Passage text;                // the whole cell, line breaks removed
  std::vector<Passage> lines;  // its non-blank printed lines, one passage each
  bool empty() const { return text.folded().empty(); }

  // A cell of one line of text: `text` itself, or an empty cell when it is empty.
  static Cell Of(Passage text);
  // A cell of bytes [begin, end) of `line`, trimmed.
  static Cell FromLine(const Line& line, size_t begin = 0, size_t end = std::string::npos);
  // Adds the text and lines of `more` after this cell's (a cell going on over a line break).
  void Append(Cell more);
};

struct TableRow {
  std::vector<Cell> cells;
  int first_line = 0;
  int last_line = 0;
  // The row follows a header repeated after a page break: it may be the rest of the row above.
  bool after_repeated_header = false;
  // In a box-drawn table, the border above the row leaves its first column open: the first cell
  // is merged with the one above (a 序号 over the stage rows of one task).
  bool first_cell_merged = false;
  // Heading rows printed just above this one that span the whole table (一、公共秩序): one cell
  // each, kept out of `rows` so column statistics see data rows only. Structure reads them as
  // the category of this row and the rows below until the next such heading.
  std::vector<Cell> spanning_headings;
};

struct Table {
  TableStyle style = TableStyle::kCell;
  std::vector<Cell> header;    // empty when the table prints no header row
  std::vector<TableRow> rows;  // data rows; repeated header rows are dropped
};

struct Block {
  enum class Kind { kParagraph, kTable };
  Kind kind = Kind::kParagraph;
  Passage paragraph;  // kParagraph
  Table table;        // kTable
  int first_line = 0;
  int last_line = 0;

  std::string Dump() const;  // "para{3-4 …}" or "table{cell 5x6 …}"
};

struct Segmented {
  std::vector<Block> blocks;
};

Segmented Segment(const NormalizedText& text, const RuleSet& rules);

// True when `folded` starts with an outline numbering marker of the rule set.
bool StartsWithMarker(std::string_view folded, const RuleSet& rules);

}  // namespace fengong
