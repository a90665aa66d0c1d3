#include "emit.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "emit_value.h"

namespace fengong {
namespace {

template <typename T>
Value Optional(const std::optional<T>& value);
template <>
Value Optional(const std::optional<std::string>& value) {
  return value ? Value::String(*value) : Value::Null();
}
template <>
Value Optional(const std::optional<int>& value) {
  return value ? Value::Number(*value) : Value::Null();
}
template <>
Value Optional(const std::optional<double>& value) {
  return value ? Value::Number(*value) : Value::Null();
}

Value TargetValue(const Target& t) {
  return Value::OfMap({{"kind", Value::String(t.kind)},
                       {"value", Value::Number(t.value)},
                       {"value_max", Optional(t.value_max)},
                       {"unit", Optional(t.unit)},
                       {"comparator", Value::String(t.comparator, true)},
                       {"stretch", Value::Bool(t.stretch)},
                       {"deadline", Optional(t.deadline)},
                       {"period", Optional(t.period)},
                       {"metric", Optional(t.metric)},
                       {"text", Value::String(t.text)},
                       {"line", Value::Number(t.line)}});
}

Value Targets(const std::vector<Target>& targets) {
  Value::List list;
  for (const Target& t : targets) list.push_back(TargetValue(t));
  return Value::OfList(std::move(list));
}

Value TaskValue(const Task& t) {
  return Value::OfMap(
      {{"id", Value::String(t.id, true)},
       {"number", t.number ? Value::String(*t.number, true) : Value::Null()},
       {"path", Value::OfStrings(t.path)},
       {"theme", Optional(t.theme)},
       {"title", Optional(t.title)},
       {"text", Value::String(t.text)},
       {"lead", Value::OfStrings(t.lead)},
       {"responsible", Value::OfStrings(t.responsible)},
       {"open_list", Value::Bool(t.open_list)},
       {"targets", Targets(t.targets)},
       {"lines", Value::OfList({Value::Number(t.first_line), Value::Number(t.last_line)}, true)}});
}

Value UnitValue(const UnitEntry& u) {
  return Value::OfMap({{"name", Value::String(u.name)},
                       {"canonical", Optional(u.canonical)},
                       {"level", Optional(u.level)},
                       {"role", Optional(u.role)},
                       {"collective", Value::Bool(u.collective)},
                       {"tasks", Value::OfStrings(u.tasks, true)}});
}

Value DocumentValue(const Document& d) {
  const DocumentMeta& m = d.meta;
  Value period = m.period ? Value::OfMap({{"from", Value::Number(m.period->from)},
                                          {"to", Value::Number(m.period->to)}},
                                         true)
                          : Value::Null();
  Value source = Value::OfMap({{"path", Value::String(d.source.path)},
                               {"sha256", Value::String(d.source.sha256, true)},
                               {"encoding", Value::String(d.source.encoding)},
                               {"layout", Value::String(d.source.layout)}});
  Value document = Value::OfMap({{"title", Optional(m.title)},
                                 {"region", Optional(m.region)},
                                 {"issuer", Optional(m.issuer)},
                                 {"doc_number", Optional(m.doc_number)},
                                 {"date", m.date ? Value::String(*m.date, true) : Value::Null()},
                                 {"period", period},
                                 {"source", source}});
  Value::List tasks, units, warnings;
  for (const Task& t : d.tasks) tasks.push_back(TaskValue(t));
  for (const UnitEntry& u : d.units) units.push_back(UnitValue(u));
  for (const Warning& w : d.warnings) {
    warnings.push_back(Value::OfMap({{"line", Value::Number(w.line)},
                                     {"code", Value::String(WarningCodeName(w.code))},
                                     {"message", Value::String(w.message)}}));
  }
  return Value::OfMap({{"schema", Value::String(d.schema)},
                       {"document", document},
                       {"goals", Targets(d.goals)},
                       {"tasks", Value::OfList(std::move(tasks))},
                       {"units", Value::OfList(std::move(units))},
                       {"warnings", Value::OfList(std::move(warnings))}});
}

}  // namespace

std::string JsonString(std::string_view text) {
  std::string out;
  AppendJsonString(text, &out);
  return out;
}

std::string Emit(const Document& document, Format format) {
  Value root = DocumentValue(document);
  switch (format) {
    case Format::kJson: return WriteJson(root);
    case Format::kJsonLine: return WriteJsonLine(root);
    case Format::kYaml: break;
  }
  return WriteYaml(root);
}

}  // namespace fengong
