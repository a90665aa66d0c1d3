#include "emit_csv.h"

#include <fmt/format.h>

#include <optional>
#include <vector>

namespace fengong {
namespace {

using Row = std::vector<std::string>;

std::string OrEmpty(const std::optional<std::string>& value) { return value.value_or(""); }

std::string Bool(bool value) { return value ? "true" : "false"; }

std::string Joined(const std::vector<std::string>& items, std::string_view separator) {
  return fmt::format("{}", fmt::join(items, separator));
}

Row DocumentColumns(const Document& d) {
  const DocumentMeta& m = d.meta;
  return {d.source.path,     d.source.sha256,       OrEmpty(m.title), OrEmpty(m.region),
          OrEmpty(m.issuer), OrEmpty(m.doc_number), OrEmpty(m.date)};
}

Row TaskColumns(const Task* t) {
  if (t == nullptr) return Row(11);
  return {t->id,
          OrEmpty(t->number),
          Joined(t->path, kCsvPathSeparator),
          OrEmpty(t->title),
          OrEmpty(t->theme),
          Joined(t->lead, kCsvListSeparator),
          Joined(t->responsible, kCsvListSeparator),
          Bool(t->open_list),
          std::to_string(t->first_line),
          std::to_string(t->last_line),
          t->text};
}

Row TargetColumns(const Target* t) {
  if (t == nullptr) return Row(11);
  return {t->kind,
          FormatNumber(t->value),
          t->value_max ? FormatNumber(*t->value_max) : "",
          OrEmpty(t->unit),
          t->comparator,
          Bool(t->stretch),
          t->deadline ? std::to_string(*t->deadline) : "",
          OrEmpty(t->period),
          OrEmpty(t->metric),
          t->text,
          std::to_string(t->line)};
}

void AppendRow(const Row& document, const Row& task, const Row& target, std::string* out) {
  bool first = true;
  for (const Row* part : {&document, &task, &target}) {
    for (const std::string& field : *part) {
      if (!first) *out += ',';
      *out += CsvField(field);
      first = false;
    }
  }
  *out += "\r\n";
}

}  // namespace

std::string CsvField(std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string CsvHeader() {
  std::string out;
  for (std::string_view column : kCsvColumns) {
    if (!out.empty()) out += ',';
    out += column;
  }
  return out + "\r\n";
}

std::string CsvRows(const Document& document) {
  const Row doc = DocumentColumns(document);
  std::string out;
  for (const Target& goal : document.goals)
    AppendRow(doc, TaskColumns(nullptr), TargetColumns(&goal), &out);
  for (const Task& task : document.tasks) {
    const Row columns = TaskColumns(&task);
    if (task.targets.empty()) AppendRow(doc, columns, TargetColumns(nullptr), &out);
    for (const Target& target : task.targets) AppendRow(doc, columns, TargetColumns(&target), &out);
  }
  if (out.empty()) AppendRow(doc, TaskColumns(nullptr), TargetColumns(nullptr), &out);
  return out;
}

}  // namespace fengong
