#include "segment_table.h"

#include <algorithm>
#include <map>
#include <optional>

#include "extract_number.h"
#include "numbering.h"
#include "utf8.h"

namespace fengong {
namespace {

// A header cell is short: a cell longer than the name it holds by more than this is data (a
// long cell that happens to contain 任务).
constexpr size_t kMaxHeaderCellExtraChars = 6;

bool IsBoxSeparator(char32_t c) { return c == U'│' || c == U'┃' || c == U'║' || c == U'|'; }

bool IsBorderChar(char32_t c) {
  return (c >= 0x2500 && c <= 0x257F) || c == '+' || c == '-' || c == '|' || c == '=' ||
         c == ':' || c == ' ' || c == '\t' || c == U'\u3000';  // a web copy's indent
}

bool IsBorderLine(std::string_view text) {
  size_t pos = 0;
  bool any = false;
  while (pos < text.size()) {
    char32_t c = NextCodePoint(text, &pos);
    if (!IsBorderChar(c)) return false;
    any = any || (c != ' ' && c != '\t');
  }
  return any;
}

// Box-drawing separators in the line; ASCII pipes count only in a line that opens with one
// (markdown tables), since prose uses "|" as a divider ("发布时间:… | 作者:…"). Read byte by
// byte: │ ┃ ║ are E2 94 82, E2 94 83, E2 95 91 in UTF-8, and neither E2 nor "|" can be the tail
// of another character. Both bytes are rare in a line, so they are searched for (memchr), not
// tested one byte at a time: every line of every plan is classified.
int CountBoxSeparators(std::string_view text) {
  int count = 0;
  if (Trim(text).substr(0, 1) == "|") {
    for (size_t i = text.find('|'); i != std::string_view::npos; i = text.find('|', i + 1)) {
      ++count;
    }
  }
  for (size_t i = text.find('\xE2'); i != std::string_view::npos; i = text.find('\xE2', i + 1)) {
    if (i + 2 >= text.size()) break;
    std::string_view tail = text.substr(i + 1, 2);
    count += tail == "\x94\x82" || tail == "\x94\x83" || tail == "\x95\x91";
  }
  return count;
}

bool SameCells(const std::vector<Cell>& a, const std::vector<Cell>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].text.folded() != b[i].text.folded()) return false;
  }
  return true;
}

// A 序号 cell: at most four digits.
bool IsBareNumber(const Cell& cell) {
  const std::string& folded = cell.text.folded();
  return !folded.empty() && folded.size() <= 4 &&
         std::all_of(folded.begin(), folded.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Whether the cell opens with a heading marker (一、 （一）), not an item number.
bool OpensWithHeading(const Cell& cell, const RuleSet& rules) {
  std::optional<Marker> marker = ParseMarker(cell.text.folded(), rules);
  return marker && marker->rank < kItemRank;
}

// A row of one non-empty cell, far narrower than the table's rows, that reads as a heading over
// the rows below (一、公共秩序 where a Word table's category row spans every column). A bare
// number is a row's 序号, never a heading. An unmarked text counts only when `allow_unmarked`:
// where it may be the rest of a row above, the caller says no.
bool IsSpanningHeading(const std::vector<Cell>& cells, size_t width, bool allow_unmarked,
                       const RuleSet& rules) {
  if (cells.empty() || cells[0].empty() || cells.size() * 3 > width) return false;
  for (size_t i = 1; i < cells.size(); ++i) {
    if (!cells[i].empty()) return false;
  }
  if (IsBareNumber(cells[0])) return false;
  return allow_unmarked || OpensWithHeading(cells[0], rules);
}

TableRow RowOf(std::vector<Cell> cells, int first, int last) {
  TableRow row;
  row.cells = std::move(cells);
  row.first_line = first;
  row.last_line = last;
  return row;
}

// The runs of filled cells in a header's second line: [begin, end) of each.
std::vector<std::pair<size_t, size_t>> FilledRuns(const std::vector<Cell>& cells) {
  std::vector<std::pair<size_t, size_t>> runs;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (cells[i].empty()) continue;
    if (runs.empty() || runs.back().second != i) runs.emplace_back(i, i);
    runs.back().second = i + 1;
  }
  return runs;
}

// Whether a header's second line is as wide as its first, or as a box or grid draws it: there a
// merged cell (责任单位) is one cell of the first line and each of its sub-columns (牵头 | 配合) one
// of the second, so each run of filled cells stands under one cell and adds its length less one.
bool FitsUnderHeader(const std::vector<Cell>& sub, size_t width) {
  if (sub.size() <= width) return true;
  size_t extra = 0;
  for (auto [begin, end] : FilledRuns(sub)) extra += end - begin - 1;
  return sub.size() - width == extra;
}

// The second line of a header printed on two: a merged cell (责任单位) over its sub-columns
// (牵头单位 | 配合单位) leaves the columns it does not split empty, and every filled cell names a
// column.
bool IsSubHeaderRow(const std::vector<Cell>& cells, size_t width, const RuleSet& rules) {
  if (!FitsUnderHeader(cells, width)) return false;
  int named = 0, empty = 0;
  for (const Cell& cell : cells) {
    if (cell.empty()) {
      ++empty;
    } else if (MatchColumnName(cell.text.folded(), rules) == ColumnRole::kUnknown) {
      return false;
    } else {
      ++named;
    }
  }
  return named >= 1 && empty >= 1;
}

// Writes the sub-header's column names over the merged cells above them; where the second line
// is wider (a box or grid table), each run of its names replaces the one cell above it.
void MergeSubHeader(const std::vector<Cell>& sub, std::vector<Cell>* header) {
  if (sub.size() <= header->size()) {
    for (size_t i = 0; i < sub.size(); ++i) {
      if (!sub[i].empty()) (*header)[i] = sub[i];
    }
    return;
  }
  std::vector<Cell> spread;
  size_t above = 0;
  for (size_t i = 0; i < sub.size() && above < header->size(); ++above) {
    if (sub[i].empty()) {
      spread.push_back((*header)[above]);
      ++i;
      continue;
    }
    while (i < sub.size() && !sub[i].empty()) spread.push_back(sub[i++]);
  }
  *header = std::move(spread);
}

// Moves the first row (and the second line of a two-line header, whose names replace the
// merged cell above them) into the header when it names columns; drops later copies of either
// header line (repeated after a page break).
void SettleHeader(Table* table, const RuleSet& rules) {
  if (table->rows.empty() || !IsHeaderRow(table->rows.front().cells, rules)) return;
  std::vector<std::vector<Cell>> printed = {table->rows.front().cells};
  table->header = std::move(table->rows.front().cells);
  table->rows.erase(table->rows.begin());
  if (!table->rows.empty() &&
      IsSubHeaderRow(table->rows.front().cells, table->header.size(), rules)) {
    printed.push_back(table->rows.front().cells);
    MergeSubHeader(printed.back(), &table->header);
    table->rows.erase(table->rows.begin());
  }
  auto is_header_line = [&printed](const std::vector<Cell>& cells) {
    return std::any_of(printed.begin(), printed.end(),
                       [&cells](const std::vector<Cell>& line) { return SameCells(cells, line); });
  };
  std::vector<TableRow> kept;
  bool repeated = false;
  for (TableRow& row : table->rows) {
    if (is_header_line(row.cells)) {
      repeated = true;
      continue;
    }
    row.after_repeated_header = repeated;
    repeated = false;
    kept.push_back(std::move(row));
  }
  table->rows = std::move(kept);
}

// A cell-table segment: the cells between one "blank line, then a TAB-led line" and the next.
struct CellSegment {
  std::vector<Cell> cells;
  int first_line = 0;
  int last_line = 0;
};

std::vector<CellSegment> CellSegments(const std::vector<const Line*>& lines) {
  std::vector<CellSegment> segments;
  bool blank_seen = true;
  for (const Line* line : lines) {
    LineShape shape = ClassifyLine(*line);
    if (shape == LineShape::kBlank) {
      blank_seen = true;
      continue;
    }
    bool starts_cell = shape == LineShape::kCell;
    if (segments.empty() || (starts_cell && blank_seen)) segments.emplace_back();
    CellSegment& segment = segments.back();
    if (segment.first_line == 0) segment.first_line = line->number;
    segment.last_line = line->number;
    if (starts_cell || segment.cells.empty()) {
      segment.cells.push_back(Cell::FromLine(*line, starts_cell ? 1 : 0));
    } else {
      segment.cells.back().Append(Cell::FromLine(*line));
    }
    blank_seen = false;
  }
  return segments;
}

// The number of cells a data row has: the most common width of segments[first_data…] that is at
// least the header's (a header cell may span two columns, as 类别 over two category columns).
size_t RowWidth(const std::vector<CellSegment>& segments, size_t first_data,
                size_t header_width) {
  std::map<size_t, int> counts;
  for (size_t i = first_data; i < segments.size(); ++i) {
    const size_t width = segments[i].cells.size();
    if (width >= header_width) ++counts[width];
  }
  size_t best = header_width;
  int best_count = 0;
  for (const auto& [width, count] : counts) {
    if (count > best_count) best = width, best_count = count;
  }
  return std::max<size_t>(best, 1);
}

}  // namespace

LineShape ClassifyLine(const Line& line) {
  const std::string& text = line.text;
  // A TAB-led line is a cell even when empty: an empty cell is a merged one.
  if (!text.empty() && text[0] == '\t') {
    return text.find('\t', 1) == std::string::npos ? LineShape::kCell : LineShape::kTsv;
  }
  if (line.blank) return LineShape::kBlank;
  if (text.find('\t') != std::string::npos) return LineShape::kTsv;
  if (IsBorderLine(text)) return LineShape::kBorder;
  if (CountBoxSeparators(text) >= 2) return LineShape::kBox;
  return LineShape::kText;
}

ColumnRole MatchColumnName(std::string_view folded_cell, const RuleSet& rules) {
  // Longer than any name allows: decided before searching the names, as every line of a
  // document is asked (a table flattened to one cell per line opens with a header line).
  const size_t cell_chars = CodePointCount(folded_cell) -
                            std::count(folded_cell.begin(), folded_cell.end(), ' ');
  if (rules.longest_column_name_chars > 0 &&
      cell_chars > rules.longest_column_name_chars + kMaxHeaderCellExtraChars) {
    return ColumnRole::kUnknown;
  }
  std::string cell;
  for (char c : folded_cell) {
    if (c != ' ') cell += c;
  }
  const ColumnName* best = nullptr;
  for (const ColumnName& name : rules.column_names) {
    if (cell.find(name.name) == std::string::npos) continue;
    if (best == nullptr || name.name.size() > best->name.size()) best = &name;
  }
  if (best == nullptr || cell_chars > CodePointCount(best->name) + kMaxHeaderCellExtraChars) {
    return ColumnRole::kUnknown;
  }
  return best->role;
}

bool IsHeaderRow(const std::vector<Cell>& cells, const RuleSet& rules) {
  int known = 0;
  for (const Cell& cell : cells) {
    known += MatchColumnName(cell.text.folded(), rules) != ColumnRole::kUnknown;
  }
  return known >= 2;
}

// Whether segments[i], narrow and unmarked, is the first part of a row rather than a heading
// spanning the table: the segment after it holds exactly the row's other cells (a page break,
// with the blank lines around its page number, fell inside the row). A heading is followed by
// a whole row.
bool StartsSplitRow(const std::vector<CellSegment>& segments, size_t i, size_t width,
                    const std::vector<Cell>& header, const RuleSet& rules) {
  const std::vector<Cell>& cells = segments[i].cells;
  if (i + 1 >= segments.size() || OpensWithHeading(cells[0], rules)) return false;
  const std::vector<Cell>& next = segments[i + 1].cells;
  return cells.size() + next.size() == width && !SameCells(next, header);
}

namespace {
void LiftNumberedGroups(Table* table, const RuleSet& rules);
}  // namespace

Table ParseCellTable(const std::vector<const Line*>& lines, const RuleSet& rules) {
  std::vector<CellSegment> segments = CellSegments(lines);
  Table table;
  table.style = TableStyle::kCell;
  size_t first_data = 0;
  std::vector<Cell> sub_header;  // the second line of a two-line header, as printed
  if (!segments.empty() && IsHeaderRow(segments[0].cells, rules)) {
    table.header = segments[0].cells;
    first_data = 1;
    if (segments.size() > 1 && IsSubHeaderRow(segments[1].cells, table.header.size(), rules)) {
      sub_header = segments[1].cells;
      first_data = 2;
    }
  }
  const std::vector<Cell> printed_header = table.header;
  MergeSubHeader(sub_header, &table.header);
  const size_t width = RowWidth(segments, first_data, table.header.size());
  // Segments narrower than a row are parts of one row that a blank line inside a cell split,
  // unless one is a heading spanning the table: the row after it starts at column 1.
  bool repeated = false;
  std::vector<Cell> headings;
  for (size_t i = first_data; i < segments.size(); ++i) {
    CellSegment& segment = segments[i];
    if (SameCells(segment.cells, printed_header) ||
        (!sub_header.empty() && SameCells(segment.cells, sub_header))) {
      repeated = true;
      continue;
    }
    const bool row_open =
        !table.rows.empty() && table.rows.back().cells.size() < width && headings.empty();
    if (IsSpanningHeading(segment.cells, width, !row_open, rules) &&
        !StartsSplitRow(segments, i, width, printed_header, rules)) {
      headings.push_back(std::move(segment.cells[0]));
    } else if (row_open) {
      TableRow& row = table.rows.back();
      for (auto& cell : segment.cells) row.cells.push_back(std::move(cell));
      row.last_line = segment.last_line;
    } else {
      table.rows.push_back(RowOf(std::move(segment.cells), segment.first_line, segment.last_line));
      table.rows.back().after_repeated_header = repeated;
      table.rows.back().spanning_headings = std::move(headings);
      headings.clear();
    }
    repeated = false;
  }
  LiftNumberedGroups(&table, rules);
  return table;
}

namespace {

// In a table whose rows open with their 序号, whether `row` is the rest of `above` that a line
// break inside a cell split off: it opens with neither a number nor a heading (an empty first
// cell continues the category above instead), and the two lines together, their shared cell
// counted once, are no wider than the header. A row after a repeated header is left to
// structure (a row split by a page break).
bool ContinuesLineAbove(const TableRow& above, const TableRow& row, size_t width,
                        const RuleSet& rules) {
  if (row.after_repeated_header || row.cells.empty() || row.cells[0].empty()) return false;
  if (IsBareNumber(row.cells[0]) || OpensWithHeading(row.cells[0], rules)) return false;
  return row.cells.size() < width && above.cells.size() + row.cells.size() - 1 <= width;
}

// A 序号 cell that is a Chinese numeral alone ("一", "十二", "三、"): a group's number.
bool IsChineseOrdinal(const Cell& cell, const RuleSet& rules) {
  const std::string& folded = cell.text.folded();
  if (IsMarkerAlone(folded, rules)) return true;
  std::optional<ParsedNumber> number = ParseNumberPrefix(folded);
  return number && number->chinese && number->length == folded.size();
}

// Whether `number` opens with `group` and a dot and a digit: "1.2" under "1".
bool ExtendsNumber(const Cell& number, const Cell& group) {
  const std::string& folded = number.text.folded();
  const std::string& prefix = group.text.folded();
  return folded.size() > prefix.size() + 1 && folded.compare(0, prefix.size(), prefix) == 0 &&
         folded[prefix.size()] == '.' && folded[prefix.size() + 1] >= '0' &&
         folded[prefix.size() + 1] <= '9';
}

// In a table whose first column is the 序号, a group row that fills only its 序号 and the cell
// after it heads the rows below, as a heading spanning the table would: its number belongs to
// another level than theirs ("一" over rows 1, 2; "1" over rows 1.1, 1.2). A row of the same
// level with its other cells empty is a task whose unit cells are merged with those above.
bool IsNumberedGroupRow(const TableRow& row, const TableRow& next, const RuleSet& rules) {
  const std::vector<Cell>& cells = row.cells;
  if (cells.size() < 2 || cells[0].empty() || cells[1].empty() || next.cells.empty()) return false;
  for (size_t i = 2; i < cells.size(); ++i) {
    if (!cells[i].empty()) return false;
  }
  const Cell& below = next.cells[0];
  return (IsChineseOrdinal(cells[0], rules) && IsBareNumber(below)) ||
         (IsBareNumber(cells[0]) && ExtendsNumber(below, cells[0]));
}

// Lifts numbered group rows onto the row below as headings spanning the table.
void LiftNumberedGroups(Table* table, const RuleSet& rules) {
  if (table->header.empty() ||
      MatchColumnName(table->header[0].text.folded(), rules) != ColumnRole::kNumber) {
    return;
  }
  std::vector<TableRow> kept;
  std::vector<Cell> headings;
  for (size_t i = 0; i < table->rows.size(); ++i) {
    TableRow& row = table->rows[i];
    for (Cell& heading : row.spanning_headings) headings.push_back(std::move(heading));
    row.spanning_headings.clear();
    if (i + 1 < table->rows.size() && IsNumberedGroupRow(row, table->rows[i + 1], rules)) {
      headings.push_back(std::move(row.cells[1]));
      continue;
    }
    row.spanning_headings = std::move(headings);
    headings.clear();
    kept.push_back(std::move(row));
  }
  table->rows = std::move(kept);
}

// Joins rows a line break inside a cell split and lifts one-cell heading rows onto the row
// below, in a table whose first column is the 序号 (elsewhere a short line may be a category).
void JoinNumberedRows(Table* table, const RuleSet& rules) {
  if (table->header.empty() ||
      MatchColumnName(table->header[0].text.folded(), rules) != ColumnRole::kNumber) {
    return;
  }
  const size_t width = table->header.size();
  std::vector<TableRow> kept;
  std::vector<Cell> headings;
  for (TableRow& row : table->rows) {
    if (IsSpanningHeading(row.cells, width, /*allow_unmarked=*/false, rules)) {
      headings.push_back(std::move(row.cells[0]));
      continue;
    }
    if (headings.empty() && !kept.empty() && ContinuesLineAbove(kept.back(), row, width, rules)) {
      TableRow& above = kept.back();
      above.cells.back().Append(std::move(row.cells[0]));
      for (size_t i = 1; i < row.cells.size(); ++i) above.cells.push_back(std::move(row.cells[i]));
      above.last_line = row.last_line;
      continue;
    }
    row.spanning_headings = std::move(headings);
    headings.clear();
    kept.push_back(std::move(row));
  }
  table->rows = std::move(kept);
}

}  // namespace

namespace {

// Where an Excel-quoted cell closes: lines[line], byte `pos` of its closing quote.
struct QuoteClose {
  size_t line;
  size_t pos;
};

// Lines an Excel-quoted cell may run over (a cell of numbered measures, one a line).
constexpr size_t kMaxQuotedLines = 30;

// Excel copies a cell that holds a line break or a quote inside double quotes and doubles the
// quotes within ("1.…\n2.…" / "开展""清四乱""…"). From just after the opening quote at
// lines[line][pos], finds the closing one: a quote not doubled, followed by nothing but spaces
// up to the next TAB or the line's end. A cell that spans no line break and doubles no quote
// was not quoted by Excel (a cell that opens with a quoted name, "三长"制度…): nullopt, as for a
// quote that never closes.
std::optional<QuoteClose> FindClosingQuote(const std::vector<const Line*>& lines, size_t line,
                                           size_t pos) {
  bool doubled = false;
  for (size_t i = line; i < lines.size() && i < line + kMaxQuotedLines; ++i, pos = 0) {
    const std::string& text = lines[i]->text;
    for (size_t q = text.find('"', pos); q != std::string::npos; q = text.find('"', q + 1)) {
      if (q + 1 < text.size() && text[q + 1] == '"') {
        doubled = true;
        ++q;
        continue;
      }
      size_t after = text.find_first_not_of(' ', q + 1);
      if (after != std::string::npos && text[after] != '\t') return std::nullopt;
      if (i == line && !doubled) return std::nullopt;
      return QuoteClose{i, q};
    }
  }
  return std::nullopt;
}

// Bytes [begin, end) of a line inside a quoted cell, each doubled quote printed once.
Passage UnquotedPiece(const Line& line, size_t begin, size_t end) {
  Passage piece;
  for (size_t q = line.text.find("\"\"", begin); q != std::string::npos && q < end;
       q = line.text.find("\"\"", begin)) {
    piece.Append(line, begin, q + 1);
    begin = q + 2;
  }
  piece.Append(line, begin, end);
  return piece.Slice(0, piece.folded().size());
}

// The cell from the opening quote at lines[line][open] to `close`, quotes removed.
Cell QuotedCell(const std::vector<const Line*>& lines, size_t line, size_t open, QuoteClose close) {
  Cell cell;
  for (size_t i = line; i <= close.line; ++i) {
    const size_t begin = i == line ? open + 1 : 0;
    const size_t end = i == close.line ? close.pos : lines[i]->text.size();
    Passage piece = UnquotedPiece(*lines[i], begin, end);
    if (piece.empty()) continue;
    cell.text.Append(piece);
    cell.lines.push_back(std::move(piece));
  }
  return cell;
}

// One TSV row from lines[*index] on: its TAB-separated cells, where a cell Excel quoted runs on
// over the lines below. Leaves *index at the row's last line.
std::vector<Cell> ReadTsvRow(const std::vector<const Line*>& lines, size_t* index) {
  std::vector<Cell> cells;
  size_t pos = 0;
  while (true) {
    const Line& line = *lines[*index];
    const size_t start = std::min(line.text.find_first_not_of(' ', pos), line.text.size());
    std::optional<QuoteClose> close;
    if (start < line.text.size() && line.text[start] == '"') {
      close = FindClosingQuote(lines, *index, start + 1);
    }
    size_t end;
    if (close) {
      cells.push_back(QuotedCell(lines, *index, start, *close));
      *index = close->line;
      end = close->pos + 1;
    } else {
      end = std::min(line.text.find('\t', pos), line.text.size());
      cells.push_back(Cell::FromLine(line, pos, end));
    }
    const size_t tab = lines[*index]->text.find('\t', end);
    if (tab == std::string::npos) break;
    pos = tab + 1;
  }
  while (cells.size() > 1 && cells.back().empty()) cells.pop_back();
  return cells;
}

}  // namespace

Table ParseTsvTable(const std::vector<const Line*>& lines, const RuleSet& rules) {
  Table table;
  table.style = TableStyle::kTsv;
  bool after_blank = true;
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line* line = lines[i];
    LineShape shape = ClassifyLine(*line);
    if (shape == LineShape::kBlank) {
      after_blank = true;
      continue;
    }
    const size_t first = i;
    std::vector<Cell> cells = ReadTsvRow(lines, &i);
    // A row whose last cell went on past a line break; a line that opens with a heading marker
    // (一、公共秩序) is a category row spanning the table instead, even right under a row, and
    // a line that opens an Excel-quoted cell over several lines starts a row.
    if (shape == LineShape::kText && i == first && !after_blank && !table.rows.empty() &&
        !(cells.size() == 1 && OpensWithHeading(cells[0], rules))) {
      TableRow& row = table.rows.back();
      row.cells.back().Append(Cell::FromLine(*line));
      row.last_line = line->number;
    } else {
      table.rows.push_back(RowOf(std::move(cells), line->number, lines[i]->number));
    }
    after_blank = false;
  }
  SettleHeader(&table, rules);
  JoinNumberedRows(&table, rules);
  LiftNumberedGroups(&table, rules);
  return table;
}

namespace {

// Whether text[pos] is a pipe a markdown export escaped (\|): a character of the cell.
bool IsEscapedPipe(std::string_view text, size_t pos) {
  return text[pos] == '|' && pos > 0 && text[pos - 1] == '\\';
}

// Whether a border line draws no rule under the first column (║    ╠═══ / |      +---): the
// cell above goes on into the next row.
bool LeavesFirstColumnOpen(std::string_view border) {
  border = Trim(border);
  if (border.empty()) return false;
  size_t pos = 0;
  NextCodePoint(border, &pos);
  return pos < border.size() && border[pos] == ' ';
}

// Splits a box-drawn line at its separators; the empty fragments outside the outer borders go.
std::vector<std::pair<size_t, size_t>> BoxFragments(std::string_view text) {
  std::vector<std::pair<size_t, size_t>> fragments;
  size_t pos = 0, start = 0;
  while (pos < text.size()) {
    size_t before = pos;
    if (IsBoxSeparator(NextCodePoint(text, &pos)) && !IsEscapedPipe(text, before)) {
      fragments.emplace_back(start, before);
      start = pos;
    }
  }
  fragments.emplace_back(start, text.size());
  auto blank = [&](const std::pair<size_t, size_t>& f) {
    return Trim(text.substr(f.first, f.second - f.first)).empty();
  };
  if (!fragments.empty() && blank(fragments.front())) fragments.erase(fragments.begin());
  if (!fragments.empty() && blank(fragments.back())) fragments.pop_back();
  return fragments;
}

// Bytes [begin, end) of a box-drawn line as a cell, the backslash of each escaped pipe dropped.
Cell BoxCell(const Line& line, size_t begin, size_t end) {
  std::string_view text(line.text);
  size_t escape = text.substr(0, end).find("\\|", begin);
  if (escape == std::string_view::npos) return Cell::FromLine(line, begin, end);
  Passage joined;
  for (; escape != std::string_view::npos; escape = text.substr(0, end).find("\\|", begin)) {
    joined.Append(line, begin, escape);
    begin = escape + 1;
  }
  joined.Append(line, begin, end);
  return Cell::Of(joined.Slice(0, joined.folded().size()));
}

// A markdown cell holds its line breaks as <br>: they split the cell into its lines (units one
// a line), and go from its text.
void SplitMarkedBreaks(Table* table, const RuleSet& rules) {
  for (TableRow& row : table->rows) {
    for (Cell& cell : row.cells) {
      const std::string& folded = cell.text.folded();
      size_t from = 0, begin = 0, end = 0;
      if (!rules.cell_line_break.Find(folded, 0, &begin, &end)) continue;
      Cell split;
      do {
        split.Append(Cell::Of(cell.text.Slice(from, begin)));
        from = end;
      } while (rules.cell_line_break.Find(folded, from, &begin, &end));
      split.Append(Cell::Of(cell.text.Slice(from, folded.size())));
      cell = std::move(split);
    }
  }
}

// A box-drawn cell is as wide as its column: a line break inside it is a wrap, not a
// separator ("县农业农" / "村局"). Each cell becomes one line, so later stages that split on line
// breaks (unit cells) see the whole name.
void JoinWrappedLines(Table* table) {
  for (TableRow& row : table->rows) {
    for (Cell& cell : row.cells) {
      if (cell.lines.size() > 1) cell.lines = {cell.text};
    }
  }
}

}  // namespace

Table ParseBoxTable(const std::vector<const Line*>& lines, const RuleSet& rules) {
  Table table;
  table.style = TableStyle::kBox;
  // Rows are the runs of lines between border lines; without inner borders, each line is a row.
  int borders_inside = 0;
  bool seen_box = false;
  for (const Line* line : lines) {
    LineShape shape = ClassifyLine(*line);
    if (shape == LineShape::kBox) seen_box = true;
    if (shape == LineShape::kBorder && seen_box) ++borders_inside;
  }
  const bool grouped = borders_inside >= 2;
  // With 序号 in the first column a row also starts where that column is filled, and a line
  // with it empty wraps the row above: rows need no border between them.
  bool numbered = false;
  bool start_new = true;
  bool first_open = false;  // the last border left the first column open
  for (const Line* line : lines) {
    LineShape shape = ClassifyLine(*line);
    // A blank line (left by a page break, around its page number) is no border: the row goes on.
    if (shape == LineShape::kBlank) continue;
    if (shape == LineShape::kBorder) {
      start_new = true;
      first_open = !table.rows.empty() && LeavesFirstColumnOpen(line->text);
      continue;
    }
    auto fragments = BoxFragments(line->text);
    const Cell first = fragments.empty()
                           ? Cell()
                           : BoxCell(*line, fragments[0].first, fragments[0].second);
    const bool first_filled = !first.empty();
    if (table.rows.empty()) {
      numbered = first_filled && MatchColumnName(first.text.folded(), rules) == ColumnRole::kNumber;
    }
    const bool new_row = numbered ? start_new || first_filled : start_new || !grouped;
    if (new_row || table.rows.empty()) {
      std::vector<Cell> cells;
      for (auto [b, e] : fragments) cells.push_back(BoxCell(*line, b, e));
      table.rows.push_back(RowOf(std::move(cells), line->number, line->number));
      table.rows.back().first_cell_merged = start_new && first_open;
      start_new = false;
      continue;
    }
    TableRow& row = table.rows.back();
    for (size_t i = 0; i < fragments.size(); ++i) {
      Cell piece = BoxCell(*line, fragments[i].first, fragments[i].second);
      if (i >= row.cells.size()) row.cells.emplace_back();
      if (piece.empty()) continue;
      row.cells[i].text.Append(piece.text);
      row.cells[i].lines.push_back(piece.text);
    }
    row.last_line = line->number;
  }
  JoinWrappedLines(&table);
  SplitMarkedBreaks(&table, rules);
  SettleHeader(&table, rules);
  JoinNumberedRows(&table, rules);  // a row spanning the table (一、…) heads the rows below
  LiftNumberedGroups(&table, rules);
  return table;
}

}  // namespace fengong
