#include "structure_table.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "bigrams.h"
#include "segment_table.h"
#include "structure_numbering.h"
#include "utf8.h"

namespace fengong {
namespace {

// Bigram overlap (Dice) at or above which an appendix row names a body section.
constexpr double kLinkSimilarity = 0.75;
// The floor for linking a row left over once the others are linked (see LinkRemaining).
constexpr double kLooseSimilarity = 0.3;

const Cell& CellAt(const TableRow& row, int column) {
  static const Cell kEmpty;
  if (column < 0 || column >= static_cast<int>(row.cells.size())) return kEmpty;
  return row.cells[column];
}

size_t DataWidth(const Table& table) {
  size_t width = 0;
  for (const TableRow& row : table.rows) width = std::max(width, row.cells.size());
  return width;
}

std::vector<ColumnRole> HeaderRoles(const Table& table, const RuleSet& rules) {
  std::vector<ColumnRole> roles;
  for (const Cell& cell : table.header) {
    roles.push_back(MatchColumnName(cell.text.folded(), rules));
  }
  // A header cell over several data columns (类别 over two category columns) spans the extras.
  size_t width = DataWidth(table);
  if (width > roles.size()) {
    auto category = std::find(roles.begin(), roles.end(), ColumnRole::kCategory);
    size_t extra = width - roles.size();
    if (category != roles.end()) {
      roles.insert(category, extra, ColumnRole::kCategory);
    } else {
      roles.insert(roles.end(), extra, ColumnRole::kOther);
    }
  }
  return roles;
}

double AverageChars(const Table& table, size_t column) {
  size_t total = 0, count = 0;
  for (const TableRow& row : table.rows) {
    const Cell& cell = CellAt(row, static_cast<int>(column));
    if (cell.empty()) continue;
    total += CodePointCount(cell.text.folded());
    ++count;
  }
  return count ? static_cast<double>(total) / count : 0;
}

bool MostlyNumbers(const Table& table, size_t column) {
  size_t numbers = 0, count = 0;
  for (const TableRow& row : table.rows) {
    const Cell& cell = CellAt(row, static_cast<int>(column));
    if (cell.empty()) continue;
    ++count;
    const std::string& folded = cell.text.folded();
    numbers += !folded.empty() && folded.size() <= 4 &&
               std::all_of(folded.begin(), folded.end(), [](char c) { return c >= '0' && c <= '9'; });
  }
  return count > 0 && numbers * 5 >= count * 4;
}

// Whether a column holds merged cells: at least a quarter of its rows are empty or repeat the
// cell above (a merged cell printed once or once per row). Rows right after a repeated header do
// not count: there a row split by the page break leaves every cell but the body empty. Nor do
// rows whose 序号 cell is merged with the one above: stages of one task, whose title cell the
// number's merge spans too.
bool IsMergedColumn(const Table& table, size_t column) {
  size_t merged = 0, counted = 0;
  const Cell* above = nullptr;
  for (const TableRow& row : table.rows) {
    const Cell& cell = CellAt(row, static_cast<int>(column));
    if (!row.after_repeated_header && !row.first_cell_merged) {
      ++counted;
      merged += cell.empty() || (above && above->text.folded() == cell.text.folded());
    }
    above = &cell;
  }
  return counted > 0 && merged * 4 >= counted;
}

// Whether most non-empty cells of the column open with an item number (1. 1、 1．): titles of
// their rows, not categories.
bool MostlyNumberedItems(const Table& table, size_t column, const RuleSet& rules) {
  size_t numbered = 0, count = 0;
  for (const TableRow& row : table.rows) {
    const Cell& cell = CellAt(row, static_cast<int>(column));
    if (cell.empty()) continue;
    ++count;
    std::optional<Marker> marker = ParseMarker(cell.text.folded(), rules);
    numbered += marker && marker->rank >= kItemRank;
  }
  return count > 0 && numbered * 5 >= count * 4;
}

// Content-like columns settle by what their cells do, not by their names: one whose cells are
// merged holds categories (重点任务 | 主要措施); of those that change on every row, the longest is
// the body and one before it, shorter, the title (工作任务 | 目标任务). A per-row category column
// whose cells open with item numbers (1．推进…) holds titles too. Any other per-row one is more
// of the row's text (重点任务 | 工作目标 | 主要措施: the 工作目标 cells hold the targets).
void SettleContent(const Table& table, const RuleSet& rules, TableReading* reading) {
  std::vector<ColumnRole>& roles = reading->roles;
  std::vector<size_t> per_row;
  for (size_t i = 0; i < roles.size(); ++i) {
    if (roles[i] != ColumnRole::kContent) continue;
    if (IsMergedColumn(table, i)) {
      roles[i] = ColumnRole::kCategory;
    } else {
      per_row.push_back(i);
    }
  }
  if (per_row.empty()) {  // every content-like column merged: the last one is the body
    for (size_t i = roles.size(); i-- > 0;) {
      if (MatchColumnName(i < table.header.size() ? table.header[i].text.folded() : "", rules) ==
          ColumnRole::kContent) {
        roles[i] = ColumnRole::kContent;
        return;
      }
    }
    return;
  }
  size_t body = per_row.front();
  for (size_t i : per_row) {
    if (AverageChars(table, i) >= AverageChars(table, body)) body = i;
  }
  for (size_t i : per_row) {
    if (i == body) continue;
    roles[i] = ColumnRole::kOther;
    if (reading->title < 0 && i < body && AverageChars(table, i) < AverageChars(table, body)) {
      reading->title = static_cast<int>(i);
    } else {
      reading->more_text.push_back(static_cast<int>(i));
    }
  }
  for (size_t i = 0; i < roles.size() && reading->title < 0; ++i) {
    if (roles[i] == ColumnRole::kCategory && i < body && !IsMergedColumn(table, i) &&
        MostlyNumberedItems(table, i, rules)) {
      roles[i] = ColumnRole::kOther;
      reading->title = static_cast<int>(i);
    }
  }
}

// Without a header: numbers first, the longest texts are content, short columns after content
// hold units (lead then responsible), columns before it hold categories.
std::vector<ColumnRole> InferRoles(const Table& table) {
  size_t width = DataWidth(table);
  std::vector<ColumnRole> roles(width, ColumnRole::kCategory);
  if (width == 0) return roles;
  size_t content = 0;
  for (size_t i = 1; i < width; ++i) {
    if (AverageChars(table, i) > AverageChars(table, content)) content = i;
  }
  roles[content] = ColumnRole::kContent;
  if (MostlyNumbers(table, 0) && content != 0) roles[0] = ColumnRole::kNumber;
  size_t after = width - content - 1;
  for (size_t i = content + 1; i < width; ++i) {
    roles[i] = (after >= 2 && i == content + 1) ? ColumnRole::kLead : ColumnRole::kResponsible;
    if (after >= 3 && i > content + 2) roles[i] = ColumnRole::kOther;
  }
  return roles;
}

// A category cell's label: a cell the extraction printed twice counts once, lines are joined,
// the marker and a closing 。 go.
std::string CategoryLabel(const Cell& cell, const RuleSet& rules) {
  std::vector<const Passage*> lines;
  for (const Passage& line : cell.lines) lines.push_back(&line);
  size_t half = lines.size() / 2;
  if (lines.size() % 2 == 0 && half > 0 &&
      std::equal(lines.begin(), lines.begin() + half, lines.begin() + half,
                 [](const Passage* a, const Passage* b) { return a->folded() == b->folded(); })) {
    lines.resize(half);
  }
  Passage joined;
  for (const Passage* line : lines) joined.Append(*line);
  std::optional<Marker> marker = ParseMarker(joined.folded(), rules);
  if (marker) joined = joined.Slice(marker->length, joined.folded().size());
  return WithoutClosingPunctuation(joined).printed();
}

// Title, body and label number of a content cell ("1.提升…\n坚持…" or a plain body).
void ReadContent(const Cell& cell, const RuleSet& rules, TaskDraft* task) {
  std::optional<Marker> marker = ParseMarker(cell.text.folded(), rules);
  if (!marker) {
    task->body = cell.text;
    return;
  }
  if (!task->number) task->number = marker->number;
  if (cell.lines.size() >= 2) {
    const Passage& first = cell.lines.front();
    task->title = WithoutClosingPunctuation(first.Slice(std::min(marker->length, first.folded().size()),
                                       first.folded().size()));
    for (size_t i = 1; i < cell.lines.size(); ++i) task->body.Append(cell.lines[i]);
    return;
  }
  Passage rest = cell.text.Slice(marker->length, cell.text.folded().size());
  size_t end = TitleEnd(rest);
  if (end > 0) task->title = WithoutClosingPunctuation(rest.Slice(0, end));
  task->body = rest.Slice(end, rest.folded().size());
}

// A title cell: "1．推进…" gives the number (unless a number column did) and the title.
void ReadTitle(const Cell& cell, const RuleSet& rules, TaskDraft* task) {
  std::optional<Marker> marker = ParseMarker(cell.text.folded(), rules);
  size_t start = marker ? marker->length : 0;
  if (marker && !task->number) task->number = marker->number;
  task->title = WithoutClosingPunctuation(cell.text.Slice(start, cell.text.folded().size()));
}

// A row split by a page break: after the repeated header, the rest of the row above comes with
// its category, number, title and unit cells empty, and its text opens with no item number.
// Where a 序号 column says a new row would be numbered, its unit cells may hold the rest of a
// list the break cut ("区住建局、区城管局、" / "区消防救援大队").
bool ContinuesRowAbove(const TableReading& reading, const TableRow& row, const RuleSet& rules) {
  if (!row.after_repeated_header || !row.spanning_headings.empty()) return false;
  for (int column : reading.categories) {
    if (!CellAt(row, column).empty()) return false;
  }
  for (int column : {reading.number, reading.title}) {
    if (!CellAt(row, column).empty()) return false;
  }
  if (reading.number < 0) {
    for (int column : {reading.lead, reading.responsible, reading.support}) {
      if (!CellAt(row, column).empty()) return false;
    }
  }
  const Cell& content = CellAt(row, reading.content);
  return !content.empty() && !ParseMarker(content.text.folded(), rules);
}

// A stage of a task split over rows (2024年 / 2025年): where the first column is the 序号, a row
// whose 序号 cell the border drew merged with the one above, and whose title and category cells
// are empty, goes on with the task above; its text and unit cells join that task's.
bool ContinuesMergedItem(const TableReading& reading, const TableRow& row) {
  if (!row.first_cell_merged || reading.number != 0 || !row.spanning_headings.empty()) {
    return false;
  }
  for (int column : reading.categories) {
    if (!CellAt(row, column).empty()) return false;
  }
  return CellAt(row, reading.number).empty() && CellAt(row, reading.title).empty() &&
         !CellAt(row, reading.content).empty();
}

// The rest of a unit list that a page break carried into the next row: its lines join the list.
void AppendUnitCell(Cell* cell, const Cell& more) {
  if (more.empty()) return;
  cell->text.Append(more.text);
  for (const Passage& line : more.lines) cell->lines.push_back(line);
}

// The headings spanning a table above the current row, outermost first, each with its outline
// rank (an unmarked heading ranks as 一、).
struct SpanningPath {
  std::vector<std::pair<int, std::string>> headings;

  // A new heading closes those of its rank or deeper.
  void Open(const Cell& cell, const RuleSet& rules) {
    std::optional<Marker> marker = ParseMarker(cell.text.folded(), rules);
    const int rank = marker ? marker->rank : 1;
    while (!headings.empty() && headings.back().first >= rank) headings.pop_back();
    headings.emplace_back(rank, CategoryLabel(cell, rules));
  }
};

// The row's text: its body with the cells of the other per-row content columns, in column order.
Passage WithMoreText(const TableReading& reading, const TableRow& row, const Passage& body) {
  if (reading.more_text.empty()) return body;
  Passage text;
  bool body_added = false;
  for (int column : reading.more_text) {
    if (column > reading.content && !body_added) {
      text.Append(body);
      body_added = true;
    }
    text.Append(CellAt(row, column).text);
  }
  if (!body_added) text.Append(body);
  return text;
}

// A 序号 cell's label: "12", or "1.2" under the group row "1" (its own label the last part).
std::optional<int> CellNumber(const Cell& cell) {
  const std::string& folded = cell.text.folded();
  if (folded.empty() || folded.size() > 12) return std::nullopt;
  int value = 0, digits = 0;
  for (char c : folded) {
    if (c == '.' && digits > 0) {
      value = 0, digits = 0;
    } else if (c >= '0' && c <= '9' && digits < 4) {
      value = value * 10 + (c - '0');
      ++digits;
    } else {
      return std::nullopt;
    }
  }
  if (digits == 0) return std::nullopt;
  return value;
}

// The task id a 序号 cell gives: the whole dotted label ("1.2"), else the number.
std::string CellId(const Cell& cell, int number) {
  const std::string& folded = cell.text.folded();
  return folded.find('.') == std::string::npos ? std::to_string(number) : folded;
}

// An appendix row and the outline node of the section it names.
struct Link {
  const TableRow* row;
  int node;
};

// A row's label as the linker compares it: letters only, its own leading number dropped.
std::string RowLabel(const TableReading& reading, const TableRow& row) {
  std::string label = LettersOnly(CellAt(row, reading.content).text.folded());
  label.erase(0, label.find_first_not_of("0123456789"));
  return label;
}

// Links the rows left over to the sections left over, among the siblings of linked sections (an
// appendix names sections of one level). A row takes the section it shares most bigrams with
// when that is clearly the best: Dice at least kLooseSimilarity and at least twice the
// runner-up's. 控烟限酒行动 / 实施控烟行动 share 控烟 and 行动 (0.4), where an unrelated sibling
// shares at most the common 行动 (under 0.2); a mere shared suffix never reaches twice another's.
void LinkRemaining(const TableReading& reading, const std::vector<SectionHeading>& sections,
                   const std::vector<std::vector<uint64_t>>& section_bigrams,
                   std::vector<Link>* links, std::vector<const TableRow*>* unlinked) {
  std::set<int> linked_nodes, parents;
  for (const Link& link : *links) linked_nodes.insert(link.node);
  for (const SectionHeading& section : sections) {
    if (linked_nodes.count(section.node)) parents.insert(section.parent);
  }
  std::vector<const TableRow*> still;
  for (const TableRow* row : *unlinked) {
    std::vector<uint64_t> row_bigrams = SortedBigrams(RowLabel(reading, *row));
    int best = -1;
    double best_score = 0, second = 0;
    for (size_t k = 0; k < sections.size(); ++k) {
      if (linked_nodes.count(sections[k].node) || !parents.count(sections[k].parent)) continue;
      double score = Dice(row_bigrams, section_bigrams[k]);
      if (score > best_score) {
        second = best_score, best_score = score, best = sections[k].node;
      } else {
        second = std::max(second, score);
      }
    }
    if (best >= 0 && best_score >= kLooseSimilarity && best_score >= 2 * second) {
      links->push_back({row, best});
      linked_nodes.insert(best);
    } else {
      still.push_back(row);
    }
  }
  *unlinked = std::move(still);
}

}  // namespace

std::string LettersOnly(std::string_view folded) {
  std::string out;
  size_t pos = 0;
  while (pos < folded.size()) {
    size_t start = pos;
    char32_t c = NextCodePoint(folded, &pos);
    bool keep = IsHan(c) || (c < 0x80 && std::isalnum(static_cast<int>(c)));
    if (keep) out.append(folded.substr(start, pos - start));
  }
  return out;
}

TableReading ReadTable(const Table& table, const RuleSet& rules, Diagnostics* diagnostics) {
  TableReading reading;
  reading.table = &table;
  if (!table.header.empty()) {
    reading.roles = HeaderRoles(table, rules);
    SettleContent(table, rules, &reading);
    for (size_t i = 0; i < table.header.size(); ++i) {
      if (MatchColumnName(table.header[i].text.folded(), rules) == ColumnRole::kUnknown) {
        diagnostics->Warn(table.header[i].text.first_line(), WarningCode::kUnknownColumn,
                          fmt::format("table column '{}' is not in grammars/tables.yaml",
                                      table.header[i].text.printed()));
      }
    }
  }
  if (std::find(reading.roles.begin(), reading.roles.end(), ColumnRole::kContent) ==
      reading.roles.end()) {
    reading.roles = InferRoles(table);
    reading.title = -1;
  }
  for (size_t i = 0; i < reading.roles.size(); ++i) {
    int column = static_cast<int>(i);
    switch (reading.roles[i]) {
      case ColumnRole::kNumber: if (reading.number < 0) reading.number = column; break;
      case ColumnRole::kCategory: reading.categories.push_back(column); break;
      case ColumnRole::kContent: reading.content = column; break;
      case ColumnRole::kLead: if (reading.lead < 0) reading.lead = column; break;
      case ColumnRole::kReference: if (reading.reference < 0) reading.reference = column; break;
      case ColumnRole::kResponsible:
        if (reading.responsible < 0) {
          reading.responsible = column;
        } else if (reading.support < 0) {
          reading.support = column;
        }
        break;
      default: break;
    }
  }
  return reading;
}

std::vector<TaskDraft> TableTasks(const TableReading& reading, const RuleSet& rules) {
  std::vector<TaskDraft> tasks;
  if (reading.content < 0) return tasks;
  std::vector<std::string> categories(reading.categories.size());
  SpanningPath spanning;
  int row_index = 0;
  for (const TableRow& row : reading.table->rows) {
    ++row_index;
    // A heading across the table opens a new group: the category columns start over under it.
    for (const Cell& heading : row.spanning_headings) {
      spanning.Open(heading, rules);
      std::fill(categories.begin(), categories.end(), std::string());
    }
    if (!tasks.empty() &&
        (ContinuesRowAbove(reading, row, rules) || ContinuesMergedItem(reading, row))) {
      TaskDraft& above = tasks.back();
      above.body.Append(CellAt(row, reading.content).text);
      AppendUnitCell(&above.lead_cell, CellAt(row, reading.lead));
      AppendUnitCell(&above.responsible_cell, CellAt(row, reading.responsible));
      AppendUnitCell(&above.support_cell, CellAt(row, reading.support));
      above.last_line = row.last_line;
      continue;
    }
    for (size_t k = 0; k < reading.categories.size(); ++k) {
      const Cell& cell = CellAt(row, reading.categories[k]);
      if (cell.empty()) continue;
      std::string label = CategoryLabel(cell, rules);
      if (label != categories[k]) {
        std::fill(categories.begin() + k + 1, categories.end(), std::string());
      }
      categories[k] = label;
    }
    const Cell& content = CellAt(row, reading.content);
    if (content.empty()) continue;
    TaskDraft task;
    task.from_table = true;
    task.number = CellNumber(CellAt(row, reading.number));
    for (const auto& [rank, heading] : spanning.headings) task.path.push_back(heading);
    for (const std::string& category : categories) {
      if (!category.empty()) task.path.push_back(category);
    }
    const Cell& title = CellAt(row, reading.title);
    if (title.empty()) {
      ReadContent(content, rules, &task);
    } else {
      ReadTitle(title, rules, &task);
      task.body = content.text;
    }
    task.body = WithMoreText(reading, row, task.body);
    task.id = task.number ? CellId(CellAt(row, reading.number), *task.number)
                          : fmt::format("r{}", row_index);
    task.lead_cell = CellAt(row, reading.lead);
    task.responsible_cell = CellAt(row, reading.responsible);
    task.support_cell = CellAt(row, reading.support);
    task.has_unit_columns = reading.lead >= 0 || reading.responsible >= 0;
    task.has_lead_column = reading.lead >= 0;
    if (!tasks.empty()) task.merged_with = static_cast<int>(tasks.size()) - 1;
    task.first_line = row.first_line;
    task.last_line = row.last_line;
    tasks.push_back(std::move(task));
  }
  return tasks;
}

// Links each row to the sections its reference cell names by number (二（一）1 / 三（一）至（三）),
// the first section whose numbering ends with it. False when fewer than half the rows link.
bool LinkByReference(const TableReading& reading, const std::vector<SectionHeading>& sections,
                     const RuleSet& rules, std::vector<Link>* links,
                     std::vector<const TableRow*>* unlinked) {
  if (reading.reference < 0) return false;
  size_t linked_rows = 0;
  for (const TableRow& row : reading.table->rows) {
    if (CellAt(row, reading.content).empty()) continue;
    const size_t before = links->size();
    for (const OutlinePath& path :
         ParseReference(CellAt(row, reading.reference).text.folded(), rules)) {
      for (const SectionHeading& section : sections) {
        if (!EndsWithReference(section.numbering, path)) continue;
        links->push_back({&row, section.node});
        break;
      }
    }
    if (links->size() > before) {
      ++linked_rows;
    } else {
      unlinked->push_back(&row);
    }
  }
  return linked_rows > 0 && linked_rows >= unlinked->size();
}

// Links each row to the section whose heading reads most like its text. False when fewer than
// half the rows link.
bool LinkByHeading(const TableReading& reading, const std::vector<SectionHeading>& sections,
                   std::vector<Link>* links, std::vector<const TableRow*>* unlinked) {
  std::vector<std::vector<uint64_t>> section_bigrams;
  for (const SectionHeading& section : sections) section_bigrams.push_back(SortedBigrams(section.label));
  for (const TableRow& row : reading.table->rows) {
    const Cell& content = CellAt(row, reading.content);
    if (content.empty()) continue;
    std::string label = RowLabel(reading, row);
    std::vector<uint64_t> row_bigrams = SortedBigrams(label);
    int best = -1;
    double best_score = kLinkSimilarity;
    for (size_t k = 0; k < sections.size(); ++k) {
      double score = label == sections[k].label ? 1.0 : Dice(row_bigrams, section_bigrams[k]);
      if (score > best_score || (score == best_score && best < 0)) {
        best = sections[k].node, best_score = score;
      }
    }
    if (best >= 0) {
      links->push_back({&row, best});
    } else {
      unlinked->push_back(&row);
    }
  }
  if (links->empty() || links->size() * 2 < links->size() + unlinked->size()) return false;
  LinkRemaining(reading, sections, section_bigrams, links, unlinked);
  return true;
}

bool LinkAppendix(const TableReading& reading, const std::vector<SectionHeading>& sections,
                  const std::map<int, std::vector<int>>& tasks_under, const RuleSet& rules,
                  std::vector<TaskDraft>* tasks, Diagnostics* diagnostics) {
  if (reading.content < 0 || (reading.lead < 0 && reading.responsible < 0)) return false;
  std::vector<Link> links;
  std::vector<const TableRow*> unlinked;
  if (!LinkByReference(reading, sections, rules, &links, &unlinked)) {
    links.clear();
    unlinked.clear();
    if (!LinkByHeading(reading, sections, &links, &unlinked)) return false;
  }
  for (const Link& link : links) {
    auto under = tasks_under.find(link.node);
    if (under == tasks_under.end()) continue;
    for (int t : under->second) {
      TaskDraft& task = (*tasks)[t];
      if (task.appendix_lead.empty()) task.appendix_lead = CellAt(*link.row, reading.lead);
      if (task.appendix_responsible.empty()) {
        task.appendix_responsible = CellAt(*link.row, reading.responsible);
      }
    }
  }
  for (const TableRow* row : unlinked) {
    diagnostics->Warn(row->first_line, WarningCode::kUnlinkedTableRow,
                      fmt::format("appendix row '{}' names no section of the body",
                                  CellAt(*row, reading.content).text.printed()));
  }
  return true;
}

}  // namespace fengong
