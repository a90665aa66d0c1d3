#include "diff_render.h"

#include <algorithm>

#include <fmt/format.h>
#include <unicode/uchar.h>

#include "emit_csv.h"
#include "emit_value.h"
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

// The report as a value tree for the shared YAML/JSON writers. Its strings are views of the
// report, which outlives the tree.
Value CellValue(const std::string& document, const DiffCell& cell) {
  return Value::OfMap({{"document", Value::String(document)},
                       {"missing", Value::Bool(cell.missing)},
                       {"value", cell.missing ? Value::Null() : Value::String(cell.value)},
                       {"lead", Value::OfStrings(cell.lead)},
                       {"tasks", Value::OfStrings(cell.tasks)}});
}

Value RowValue(const DiffReport& report, const DiffRow& row) {
  Value::List cells;
  for (size_t c = 0; c < row.cells.size(); ++c) {
    cells.push_back(CellValue(report.documents[c], row.cells[c]));
  }
  return Value::OfMap({{"section", Value::String(row.section)},
                       {"key", Value::String(row.key)},
                       {"field", row.field.empty() ? Value::Null() : Value::String(row.field)},
                       {"differs", Value::Bool(row.differs)},
                       {"reason", Value::String(row.reason)},
                       {"cells", Value::OfList(std::move(cells))}});
}

Value ReportValue(const DiffReport& report) {
  Value::List rows;
  for (const DiffRow& row : report.rows) rows.push_back(RowValue(report, row));
  return Value::OfMap({{"mode", Value::String(DiffModeName(report.mode))},
                       {"documents", Value::OfStrings(report.documents)},
                       {"differs", Value::Bool(report.differs())},
                       {"rows", Value::OfList(std::move(rows))},
                       {"notes", Value::OfStrings(report.notes)}});
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
      return WriteYaml(ReportValue(report));
    case DiffFormat::kJson:
      return WriteJson(ReportValue(report));
  }
  return "";
}

}  // namespace fengong
