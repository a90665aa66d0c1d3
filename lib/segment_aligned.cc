#include "segment_aligned.h"

#include <cstdlib>

#include "segment_table.h"
#include "utf8.h"

namespace fengong {
namespace {

// A cell set apart from the next by fewer columns than this is not set apart, unless a single
// space stands between two CJK characters (a full cell ends right before the next column).
constexpr int kMinGapColumns = 2;
// A table's header row has at least this many cells.
constexpr size_t kMinColumns = 3;

// One piece of a line between runs of spaces: its character column and byte range.
struct Piece {
  int column = 0;
  int width = 0;  // characters
  size_t begin = 0;
  size_t end = 0;
};

bool IsSpace(char32_t c) { return c == ' ' || c == 0x3000 || c == 0xA0; }

// Splits the printed line at runs of spaces that set cells apart.
std::vector<Piece> SplitPieces(std::string_view text) {
  std::vector<Piece> pieces;
  size_t pos = 0;
  int column = 0;
  int gap = 0;           // spaces since the last character
  char32_t last = 0;     // the character before the gap
  while (pos < text.size()) {
    const size_t at = pos;
    const char32_t c = NextCodePoint(text, &pos);
    if (IsSpace(c)) {
      ++gap;
      ++column;
      continue;
    }
    const bool wide_gap = gap >= kMinGapColumns || (gap == 1 && last >= 0x80 && c >= 0x80);
    if (pieces.empty() || wide_gap) {
      pieces.push_back(Piece{column, 1, at, pos});
    } else {
      pieces.back().width += gap + 1;
      pieces.back().end = pos;
    }
    gap = 0;
    last = c;
    ++column;
  }
  return pieces;
}

// The index of the column whose start is nearest to `column`.
size_t NearestColumn(const std::vector<int>& starts, int column) {
  size_t best = 0;
  for (size_t k = 1; k < starts.size(); ++k) {
    if (std::abs(starts[k] - column) < std::abs(starts[best] - column)) best = k;
  }
  return best;
}

// A cell wraps inside its column: its pieces join into one line (区自然资源 | 局).
void AppendToCell(Cell* cell, Cell more) {
  if (more.empty()) return;
  if (cell->empty()) {
    *cell = std::move(more);
    return;
  }
  cell->text.Append(more.text);
  cell->lines = {cell->text};
}

std::vector<Cell> HeaderCells(const Line& line, std::vector<int>* starts) {
  std::vector<Cell> cells;
  for (const Piece& piece : SplitPieces(line.text)) {
    cells.push_back(Cell::FromLine(line, piece.begin, piece.end));
    if (starts) starts->push_back(piece.column);
  }
  return cells;
}

bool SameAsHeader(const Line& line, const std::vector<Cell>& header) {
  std::vector<Cell> cells = HeaderCells(line, nullptr);
  if (cells.size() != header.size()) return false;
  for (size_t k = 0; k < cells.size(); ++k) {
    if (cells[k].text.folded() != header[k].text.folded()) return false;
  }
  return true;
}

// A line of one numbered heading (一、保障性住房筹集) that starts within the table's first column
// (at its left edge, or indented a little: a web page's or a centred heading).
bool IsSpanningLine(const Line& line, const std::vector<Piece>& pieces,
                    const std::vector<int>& starts, const RuleSet& rules) {
  return pieces.size() == 1 && pieces[0].column < starts[1] &&
         StartsWithMarker(line.folded, rules);
}

// Whether a line belongs to the table whose columns start at `starts`: the rest of a row (an
// indented line), a row whose first cell fits the first column (a 序号; a signature line
// "…办公室    2024年2月28日印发" overruns it), a spanning heading, or the header again.
bool IsTableLine(const Line& line, const std::vector<int>& starts, const RuleSet& rules) {
  std::vector<Piece> pieces = SplitPieces(line.text);
  if (pieces.empty()) return false;
  if (IsSpanningLine(line, pieces, starts, rules)) return true;
  if (pieces[0].column >= starts[0] + kMinGapColumns) return true;
  const bool first_fits = pieces[0].column + pieces[0].width <= starts[1];
  return pieces.size() >= 2 && first_fits;
}

}  // namespace

bool IsAlignedHeader(const Line& line, const RuleSet& rules) {
  // A header sets its cells apart by runs of spaces; a line with a TAB is another layout.
  if (line.blank || line.text.find("  ") == std::string::npos ||
      line.text.find('\t') != std::string::npos) {
    return false;
  }
  std::vector<Cell> cells = HeaderCells(line, nullptr);
  return cells.size() >= kMinColumns && IsHeaderRow(cells, rules);
}

size_t AlignedRegionEnd(const std::vector<const Line*>& lines, size_t begin,
                        const RuleSet& rules) {
  std::vector<int> starts;
  HeaderCells(*lines[begin], &starts);
  size_t end = begin + 1;
  for (size_t i = begin + 1; i < lines.size(); ++i) {
    const Line& line = *lines[i];
    if (line.blank) continue;
    if (IsTableLine(line, starts, rules)) {
      end = i + 1;
      continue;
    }
    // A note at a page's foot inside the table (注：…) when the table goes on below it.
    size_t next = i + 1;
    while (next < lines.size() && lines[next]->blank) ++next;
    if (rules.notes_start.Contains(line.folded) && next < lines.size() &&
        IsTableLine(*lines[next], starts, rules)) {
      continue;
    }
    break;
  }
  return end;
}

Table ParseAlignedTable(const std::vector<const Line*>& lines, const RuleSet& rules) {
  Table table;
  table.style = TableStyle::kTsv;
  std::vector<int> starts;
  table.header = HeaderCells(*lines.front(), &starts);
  std::vector<Cell> headings;
  for (size_t i = 1; i < lines.size(); ++i) {
    const Line& line = *lines[i];
    if (line.blank || SameAsHeader(line, table.header)) continue;
    std::vector<Piece> pieces = SplitPieces(line.text);
    if (pieces.empty() || rules.notes_start.Contains(line.folded)) continue;
    if (IsSpanningLine(line, pieces, starts, rules)) {
      headings.push_back(Cell::FromLine(line, pieces[0].begin, pieces[0].end));
      continue;
    }
    const bool opens_row = NearestColumn(starts, pieces[0].column) == 0;
    if (opens_row || table.rows.empty()) {
      TableRow row;
      row.cells.resize(starts.size());
      row.first_line = line.number;
      row.spanning_headings = std::move(headings);
      headings.clear();
      table.rows.push_back(std::move(row));
    }
    TableRow& row = table.rows.back();
    for (const Piece& piece : pieces) {
      AppendToCell(&row.cells[NearestColumn(starts, piece.column)],
                   Cell::FromLine(line, piece.begin, piece.end));
    }
    row.last_line = line.number;
  }
  return table;
}

}  // namespace fengong
