#include "segment_flat.h"

#include <algorithm>
#include <string>

#include "segment_table.h"
#include "utf8.h"

namespace fengong {
namespace {

constexpr size_t kMinHeaderLines = 3;
// Lines a row may take beyond its columns (a long cell wrapped by the PDF tool).
constexpr size_t kMaxExtraRowLines = 6;

ColumnRole LineColumn(const Line& line, const RuleSet& rules) {
  if (line.blank) return ColumnRole::kUnknown;
  return MatchColumnName(Trim(line.folded), rules);
}

bool IsSerial(const Line& line, int number) {
  return Trim(line.folded) == std::to_string(number);
}

// The number of lines from lines[at] that repeat the header after a page break, or 0. The
// repeat may lack its first lines: a header line printed beside every page number (序号) is taken
// for page furniture and is not among the lines.
size_t RepeatedHeaderSize(const std::vector<const Line*>& lines, size_t at,
                          const std::vector<const Line*>& header) {
  for (size_t skip = 0; skip + 2 <= header.size(); ++skip) {
    const size_t size = header.size() - skip;
    if (at + size > lines.size()) continue;
    bool same = true;
    for (size_t k = 0; k < size && same; ++k) {
      same = Trim(lines[at + k]->folded) == Trim(header[skip + k]->folded);
    }
    if (same) return size;
  }
  return 0;
}

Cell CellOf(const std::vector<const Line*>& lines, size_t begin, size_t end) {
  Cell cell;
  for (size_t k = begin; k < end; ++k) cell.Append(Cell::FromLine(*lines[k]));
  return cell;
}

// Row `number`'s cells from its lines [begin, end) after the serial, for `columns` columns.
TableRow RowOf(const std::vector<const Line*>& lines, size_t serial, size_t end, size_t columns) {
  TableRow row;
  row.first_line = lines[serial]->number;
  row.last_line = lines[end - 1]->number;
  row.cells.push_back(CellOf(lines, serial, serial + 1));
  const size_t wanted = columns - 1, have = end - serial - 1;
  const size_t extra = have > wanted ? have - wanted : 0;
  size_t k = serial + 1;
  for (size_t column = 0; column < wanted; ++column) {
    if (k >= end) {
      row.cells.emplace_back();  // a cell the flattening dropped: empty, merged with the one above
      continue;
    }
    const size_t take = column == 0 ? 1 + extra : 1;
    row.cells.push_back(CellOf(lines, k, k + take));
    k += take;
  }
  return row;
}

// The end of row `number`, whose serial is text[at]: the next row's serial or a repeated header.
// The last row has neither: its content cell runs to the first line that ends a sentence (a
// wrapped task), and the unit cells follow one per line; with no such line it takes one line per
// column.
size_t RowEnd(const std::vector<const Line*>& text, size_t at, int number,
              const std::vector<const Line*>& header, const RuleSet& rules) {
  const size_t columns = header.size();
  const size_t limit = std::min(text.size(), at + columns + kMaxExtraRowLines);
  for (size_t next = at + 1; next < limit; ++next) {
    if (IsSerial(*text[next], number + 1) || RepeatedHeaderSize(text, next, header) > 0) {
      return next;
    }
  }
  for (size_t k = at + 1; k < limit; ++k) {
    if (rules.sentence_end.Contains(text[k]->folded)) {
      return std::min(text.size(), k + 1 + (columns - 2));
    }
  }
  return std::min(text.size(), at + columns);
}

}  // namespace

size_t FlatHeaderSize(const std::vector<const Line*>& lines, size_t begin, const RuleSet& rules) {
  if (LineColumn(*lines[begin], rules) != ColumnRole::kNumber) return 0;
  size_t end = begin + 1;
  bool names_units = false;
  while (end < lines.size()) {
    ColumnRole role = LineColumn(*lines[end], rules);
    if (role == ColumnRole::kUnknown || role == ColumnRole::kNumber) break;
    names_units |= role == ColumnRole::kLead || role == ColumnRole::kResponsible;
    ++end;
  }
  const size_t size = end - begin;
  // The first row's serial follows the header: a header row of a TAB or space table is no match.
  if (size < kMinHeaderLines || !names_units || end >= lines.size() || !IsSerial(*lines[end], 1)) {
    return 0;
  }
  return size;
}

Table ParseFlatTable(const std::vector<const Line*>& lines, size_t begin, const RuleSet& rules,
                     size_t* end) {
  Table table;
  table.style = TableStyle::kTsv;
  *end = begin;
  // The layout has no blank lines of its own: those around a page number are none of its cells.
  std::vector<const Line*> text;
  std::vector<size_t> index;  // of each line of `text` in `lines`
  for (size_t k = begin; k < lines.size(); ++k) {
    if (lines[k]->blank) continue;
    text.push_back(lines[k]);
    index.push_back(k);
  }
  const size_t columns = FlatHeaderSize(text, 0, rules);
  if (columns == 0) return table;
  std::vector<const Line*> header(text.begin(), text.begin() + columns);
  for (size_t k = 0; k < columns; ++k) table.header.push_back(CellOf(text, k, k + 1));
  size_t at = columns;
  bool after_header = false;
  for (int number = 1; at < text.size(); ++number) {
    if (size_t repeated = RepeatedHeaderSize(text, at, header); repeated > 0) {
      at += repeated;
      after_header = true;
    }
    if (at >= text.size() || !IsSerial(*text[at], number)) break;
    size_t next = RowEnd(text, at, number, header, rules);
    TableRow row = RowOf(text, at, next, columns);
    row.after_repeated_header = after_header;
    after_header = false;
    table.rows.push_back(std::move(row));
    at = next;
  }
  if (!table.rows.empty()) *end = at < text.size() ? index[at] : lines.size();
  return table;
}

}  // namespace fengong
