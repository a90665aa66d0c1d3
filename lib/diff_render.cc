#include "diff_render.h"

#include <algorithm>

#include <fmt/format.h>
#include <unicode/uchar.h>

#include "emit.h"
#include "emit_csv.h"
#include "utf8.h"

namespace fengong {
namespace {

constexpr const char* kMissing = "missing";
constexpr int kReasonWidthFactor = 3;  // the reason column may be three times as wide as a cell

// ---- shared -----------------------------------------------------------------------------------

bool IsVersions(const DiffReport& report) { return report.mode == DiffMode::kVersions; }

// The leading columns before the documents' columns.
std::vector<std::string> LeadingHeaders(const DiffReport& report) {
  if (IsVersions(report)) return {"change", "task", "field"};
  return {"section", "row"};
}

std::vector<std::string> LeadingCells(const DiffReport& report, const DiffRow& row) {
  if (IsVersions(report)) return {row.section, row.key, row.field};
  return {row.section, row.key};
}

std::string OneLine(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return text;
}

// A cell in one line: the value, then who leads (theme and target rows; a role cell's value
// already names its units).
std::string CellText(const DiffRow& row, const DiffCell& cell, bool short_lead) {
  if (cell.missing) return kMissing;
  bool show_lead = row.section == "theme" || row.section == "target";
  if (!show_lead || cell.lead.empty()) return OneLine(cell.value);
  if (short_lead) {
    std::string more = cell.lead.size() > 1 ? fmt::format("+{}", cell.lead.size() - 1) : "";
    return OneLine(fmt::format("{} · {}{}", cell.value, cell.lead.front(), more));
  }
  return OneLine(fmt::format("{} (lead: {})", cell.value, fmt::join(cell.lead, "、")));
}

// ---- table ------------------------------------------------------------------------------------

int CodePointWidth(char32_t c) {
  if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return 0;
  int category = u_charType(c);
  if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || c == 0x200B) return 0;
  int width = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return width == U_EA_WIDE || width == U_EA_FULLWIDTH ? 2 : 1;
}

// `text` cut to at most `width` columns, ending with … when cut.
std::string Fit(const std::string& text, int width) {
  if (DisplayWidth(text) <= width) return text;
  std::string out;
  int used = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t start = pos;
    int w = CodePointWidth(NextCodePoint(text, &pos));
    if (used + w > width - 1) break;
    out.append(text, start, pos - start);
    used += w;
  }
  return out + "…";
}

std::string Pad(const std::string& text, int width) {
  return text + std::string(std::max(0, width - DisplayWidth(text)), ' ');
}

const char* RowColour(const DiffRow& row) {
  if (row.section == "removed") return "\033[31m";
  if (row.section == "added") return "\033[32m";
  if (!row.differs) return "\033[2m";
  return "\033[33m";
}

class TableWriter {
 public:
  TableWriter(const DiffReport& report, const RenderOptions& options)
      : report_(report), options_(options) {}

  std::string Write() {
    std::vector<std::vector<std::string>> grid = {Headers()};
    for (const DiffRow& row : report_.rows) grid.push_back(Cells(row));
    std::vector<int> widths = Widths(grid);
    std::string out = Line(grid[0], widths, nullptr);
    std::string rule;
    for (size_t c = 0; c < widths.size(); ++c)
      rule += (c ? "  " : "") + std::string(widths[c], '-');
    out += rule + "\n";
    for (size_t r = 0; r < report_.rows.size(); ++r)
      out += Line(grid[r + 1], widths, &report_.rows[r]);
    return out + Footer();
  }

 private:
  std::vector<std::string> Headers() const {
    std::vector<std::string> headers = LeadingHeaders(report_);
    for (const std::string& name : report_.documents) headers.push_back(name);
    headers.push_back("why");
    return headers;
  }

  std::vector<std::string> Cells(const DiffRow& row) const {
    std::vector<std::string> cells = LeadingCells(report_, row);
    for (const DiffCell& cell : row.cells) cells.push_back(CellText(row, cell, true));
    cells.push_back(OneLine(row.reason));
    return cells;
  }

  std::vector<int> Widths(std::vector<std::vector<std::string>>& grid) const {
    std::vector<int> widths(grid[0].size(), 0);
    for (auto& cells : grid) {
      for (size_t c = 0; c < cells.size(); ++c) {
        int limit = options_.cell_width * (c + 1 == cells.size() ? kReasonWidthFactor : 1);
        cells[c] = Fit(cells[c], std::max(limit, 2));
        widths[c] = std::max(widths[c], DisplayWidth(cells[c]));
      }
    }
    return widths;
  }

  std::string Line(const std::vector<std::string>& cells, const std::vector<int>& widths,
                   const DiffRow* row) const {
    std::string out;
    size_t first_doc = LeadingHeaders(report_).size();
    for (size_t c = 0; c < cells.size(); ++c) {
      std::string text = c + 1 == cells.size() ? cells[c] : Pad(cells[c], widths[c]);
      out += (c ? "  " : "") + Paint(text, row, c, first_doc);
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  }

  std::string Paint(const std::string& text, const DiffRow* row, size_t column,
                    size_t first_doc) const {
    if (!options_.colour || row == nullptr) return text;
    bool is_cell = column >= first_doc && column < first_doc + row->cells.size();
    if (is_cell && row->cells[column - first_doc].missing) return "\033[31m" + text + "\033[0m";
    if (column == 0) return RowColour(*row) + text + "\033[0m";
    if (column == first_doc + row->cells.size()) return "\033[2m" + text + "\033[0m";
    return text;
  }

  std::string Footer() const {
    size_t differing = std::count_if(report_.rows.begin(), report_.rows.end(),
                                     [](const DiffRow& r) { return r.differs; });
    std::string out = fmt::format("\n{} mode: {} rows, {} differ\n", DiffModeName(report_.mode),
                                  report_.rows.size(), differing);
    for (const std::string& note : report_.notes) out += "note: " + note + "\n";
    return out;
  }

  const DiffReport& report_;
  const RenderOptions& options_;
};

// ---- markdown and csv -------------------------------------------------------------------------

std::string MarkdownCell(const std::string& text) {
  std::string out;
  for (char c : OneLine(text)) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

std::string Markdown(const DiffReport& report) {
  std::vector<std::string> headers = LeadingHeaders(report);
  headers.insert(headers.end(), report.documents.begin(), report.documents.end());
  headers.push_back("why");
  std::string out = "|";
  for (const std::string& h : headers) out += " " + MarkdownCell(h) + " |";
  out += "\n|";
  for (size_t i = 0; i < headers.size(); ++i) out += "---|";
  out += "\n";
  for (const DiffRow& row : report.rows) {
    out += "|";
    for (const std::string& c : LeadingCells(report, row)) out += " " + MarkdownCell(c) + " |";
    for (const DiffCell& cell : row.cells) {
      out += " " + MarkdownCell(CellText(row, cell, false)) + " |";
    }
    out += " " + MarkdownCell(row.reason) + " |\n";
  }
  out += "\n";
  for (const std::string& note : report.notes) out += "- " + note + "\n";
  return out;
}

std::string CsvLine(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + CsvField(fields[i]);
  return out + "\r\n";
}

// One line per row; each document has three columns: the value, who leads, the task ids.
std::string Csv(const DiffReport& report) {
  std::vector<std::string> headers = {"section", "key", "field"};
  for (const std::string& name : report.documents) {
    headers.insert(headers.end(), {name, name + " lead", name + " tasks"});
  }
  headers.insert(headers.end(), {"why", "differs"});
  std::string out = CsvLine(headers);
  for (const DiffRow& row : report.rows) {
    std::vector<std::string> fields = {row.section, row.key, row.field};
    for (const DiffCell& cell : row.cells) {
      fields.push_back(cell.missing ? kMissing : cell.value);
      fields.push_back(fmt::format("{}", fmt::join(cell.lead, "、")));
      fields.push_back(fmt::format("{}", fmt::join(cell.tasks, " ")));
    }
    fields.push_back(row.reason);
    fields.push_back(row.differs ? "true" : "false");
    out += CsvLine(fields);
  }
  return out;
}

// ---- yaml and json ----------------------------------------------------------------------------

// The report as a small tree of maps, lists and scalars that both writers walk, so YAML and JSON
// hold the same keys. Scalars are stored ready to print: strings already quoted.
struct Node {
  std::string scalar;  // when not a map or list
  std::vector<std::pair<std::string, Node>> map;
  std::vector<Node> list;
  bool is_map = false, is_list = false;

  static Node Str(const std::string& s) { return Node{JsonString(s), {}, {}, false, false}; }
  static Node Raw(const std::string& s) { return Node{s, {}, {}, false, false}; }
  static Node Bool(bool b) { return Raw(b ? "true" : "false"); }
  static Node Map() { return Node{"", {}, {}, true, false}; }
  static Node List() { return Node{"", {}, {}, false, true}; }
  static Node Strings(const std::vector<std::string>& items) {
    Node n = List();
    for (const std::string& item : items) n.list.push_back(Str(item));
    return n;
  }
  bool Flat() const {  // a scalar or a list of scalars: written on one line
    if (is_map) return false;
    return std::all_of(list.begin(), list.end(),
                       [](const Node& n) { return !n.is_map && !n.is_list; });
  }
};

Node CellNode(const std::string& document, const DiffCell& cell) {
  Node n = Node::Map();
  n.map = {{"document", Node::Str(document)},
           {"missing", Node::Bool(cell.missing)},
           {"value", cell.missing ? Node::Raw("null") : Node::Str(cell.value)},
           {"lead", Node::Strings(cell.lead)},
           {"tasks", Node::Strings(cell.tasks)}};
  return n;
}

Node RowNode(const DiffReport& report, const DiffRow& row) {
  Node cells = Node::List();
  for (size_t c = 0; c < row.cells.size(); ++c) {
    cells.list.push_back(CellNode(report.documents[c], row.cells[c]));
  }
  Node n = Node::Map();
  n.map = {{"section", Node::Str(row.section)},
           {"key", Node::Str(row.key)},
           {"field", row.field.empty() ? Node::Raw("null") : Node::Str(row.field)},
           {"differs", Node::Bool(row.differs)},
           {"reason", Node::Str(row.reason)},
           {"cells", cells}};
  return n;
}

Node ReportNode(const DiffReport& report) {
  Node rows = Node::List();
  for (const DiffRow& row : report.rows) rows.list.push_back(RowNode(report, row));
  Node n = Node::Map();
  n.map = {{"mode", Node::Str(DiffModeName(report.mode))},
           {"documents", Node::Strings(report.documents)},
           {"differs", Node::Bool(report.differs())},
           {"rows", rows},
           {"notes", Node::Strings(report.notes)}};
  return n;
}

std::string FlatText(const Node& n) {
  if (!n.is_list) return n.scalar;
  std::string out = "[";
  for (size_t i = 0; i < n.list.size(); ++i) out += (i ? ", " : "") + n.list[i].scalar;
  return out + "]";
}

// Block-style YAML; `first_inline` puts the first key after a list item's "- ".
void WriteYaml(const Node& map, int indent, bool first_inline, std::string* out) {
  for (size_t i = 0; i < map.map.size(); ++i) {
    const auto& [key, value] = map.map[i];
    *out += (i == 0 && first_inline ? "" : std::string(indent, ' ')) + key + ":";
    if (value.Flat()) {
      *out += " " + FlatText(value) + "\n";
      continue;
    }
    *out += "\n";
    for (const Node& item : value.list) {
      *out += std::string(indent + 2, ' ') + "- ";
      WriteYaml(item, indent + 4, true, out);
    }
  }
}

void WriteJson(const Node& n, int indent, std::string* out) {
  if (!n.is_map && !n.is_list) {
    *out += n.scalar;
    return;
  }
  size_t size = n.is_map ? n.map.size() : n.list.size();
  if (size == 0) {
    *out += n.is_map ? "{}" : "[]";
    return;
  }
  *out += n.is_map ? "{\n" : "[\n";
  for (size_t i = 0; i < size; ++i) {
    *out += std::string(indent + 2, ' ');
    if (n.is_map) *out += JsonString(n.map[i].first) + ": ";
    WriteJson(n.is_map ? n.map[i].second : n.list[i], indent + 2, out);
    *out += i + 1 < size ? ",\n" : "\n";
  }
  *out += std::string(indent, ' ') + (n.is_map ? "}" : "]");
}

std::string Structured(const DiffReport& report, bool json) {
  std::string out;
  Node root = ReportNode(report);
  if (json) {
    WriteJson(root, 0, &out);
    return out + "\n";
  }
  WriteYaml(root, 0, false, &out);
  return out;
}

}  // namespace

int DisplayWidth(std::string_view text) {
  int width = 0;
  size_t pos = 0;
  while (pos < text.size()) width += CodePointWidth(NextCodePoint(text, &pos));
  return width;
}

std::string RenderDiff(const DiffReport& report, DiffFormat format, const RenderOptions& options) {
  switch (format) {
    case DiffFormat::kTable:
      return TableWriter(report, options).Write();
    case DiffFormat::kMarkdown:
      return Markdown(report);
    case DiffFormat::kCsv:
      return Csv(report);
    case DiffFormat::kYaml:
      return Structured(report, false);
    case DiffFormat::kJson:
      return Structured(report, true);
  }
  return "";
}

}  // namespace fengong
