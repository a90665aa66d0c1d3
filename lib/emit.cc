#include "emit.h"

#include <cmath>
#include <memory>
#include <utility>
#include <string_view>
#include <variant>

#include <fmt/format.h>

#include "utf8.h"

namespace fengong {
namespace {

// An ordered value tree: both emitters walk the same tree, so YAML and JSON hold the same keys.
// Its strings and keys are views of the document being emitted (and of literals), which
// outlives the tree: building it copies no text.
struct Value;
using List = std::vector<Value>;
using Map = std::vector<std::pair<std::string_view, Value>>;

struct Value {
  enum class Kind { kNull, kBool, kNumber, kString, kList, kMap };
  Kind kind = Kind::kNull;
  bool boolean = false;
  double number = 0;
  std::string_view string;
  std::shared_ptr<List> list;
  std::shared_ptr<Map> map;
  bool flow = false;   // emit a short list or map on one line
  bool quote = false;  // always quote this string in YAML (dates, ids)

  static Value Null() { return Value(); }
  static Value Bool(bool b) { Value v; v.kind = Kind::kBool; v.boolean = b; return v; }
  static Value Number(double d) { Value v; v.kind = Kind::kNumber; v.number = d; return v; }
  static Value String(std::string_view s, bool quoted = false) {
    Value v; v.kind = Kind::kString; v.string = s; v.quote = quoted; return v;
  }
  static Value OfList(List items, bool flow = false) {
    Value v; v.kind = Kind::kList; v.list = std::make_shared<List>(std::move(items)); v.flow = flow;
    return v;
  }
  static Value OfMap(Map entries, bool flow = false) {
    Value v; v.kind = Kind::kMap; v.map = std::make_shared<Map>(std::move(entries)); v.flow = flow;
    return v;
  }
};

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

Value Strings(const std::vector<std::string>& items, bool quoted = false) {
  List list;
  for (const auto& item : items) list.push_back(Value::String(item, quoted));
  return Value::OfList(std::move(list), true);
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
  List list;
  for (const Target& t : targets) list.push_back(TargetValue(t));
  return Value::OfList(std::move(list));
}

Value TaskValue(const Task& t) {
  return Value::OfMap(
      {{"id", Value::String(t.id, true)},
       {"number", t.number ? Value::String(*t.number, true) : Value::Null()},
       {"path", Strings(t.path)},
       {"theme", Optional(t.theme)},
       {"title", Optional(t.title)},
       {"text", Value::String(t.text)},
       {"lead", Strings(t.lead)},
       {"responsible", Strings(t.responsible)},
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
                       {"tasks", Strings(u.tasks, true)}});
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
  List tasks, units, warnings;
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

// Whether s[pos] starts a well-formed character of U+3000–U+CFFF (lead E3–EC): CJK text, none
// of which needs quoting or escaping. The emitters skip such characters without decoding them.
bool IsPlainCjkAt(std::string_view s, size_t pos) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + pos;
  return p[0] >= 0xE3 && p[0] <= 0xEC && pos + 2 < s.size() && (p[1] & 0xC0) == 0x80 &&
         (p[2] & 0xC0) == 0x80;
}

// Appends `s` as a JSON string literal; the YAML emitter uses it for quoted scalars too (YAML
// double-quoted scalars read JSON escapes). Runs of characters that need no escape are copied
// whole.
void AppendQuoted(std::string_view s, std::string* out) {
  out->push_back('"');
  size_t pos = 0, copied = 0;  // s[copied, start) is waiting to be copied as is
  while (pos < s.size()) {
    if (IsPlainCjkAt(s, pos)) {
      pos += 3;
      continue;
    }
    size_t start = pos;
    char32_t c = NextCodePoint(s, &pos);
    const char* escape = nullptr;
    switch (c) {
      case '"': escape = "\\\""; break;
      case '\\': escape = "\\\\"; break;
      case '\n': escape = "\\n"; break;
      case '\t': escape = "\\t"; break;
      case '\r': escape = "\\r"; break;
      default:
        if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0x2028 || c == 0x2029 ||
            c == 0xFEFF || c == 0xFFFE) {
          out->append(s, copied, start - copied);
          *out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
          copied = pos;
        }
        continue;
    }
    out->append(s, copied, start - copied);
    *out += escape;
    copied = pos;
  }
  out->append(s, copied, s.size() - copied);
  out->push_back('"');
}

std::string Quoted(std::string_view s) {
  std::string out;
  AppendQuoted(s, &out);
  return out;
}

// True when `s` reads back as the same string without quotes, in block and flow context alike.
bool PlainSafe(std::string_view s) {
  if (s.empty() || s.front() == ' ' || s.back() == ' ') return false;
  static const std::string_view kIndicators = "-?:,[]{}#&*!|>'\"%@`.+0123456789~";
  if (kIndicators.find(s.front()) != std::string_view::npos) return false;
  static const char* kWords[] = {"true", "false", "yes", "no", "on", "off", "null",
                                 "True", "False", "Yes", "No", "On", "Off", "Null",
                                 "TRUE", "FALSE", "YES", "NO", "ON", "OFF", "NULL", "y", "n",
                                 "Y", "N"};
  constexpr size_t kLongestWord = 5;  // "false": a longer string is none of the words
  for (const char* word : kWords) {
    if (s.size() <= kLongestWord && s == word) return false;
  }
  size_t pos = 0;
  while (pos < s.size()) {
    if (IsPlainCjkAt(s, pos)) {
      pos += 3;
      continue;
    }
    char32_t c = NextCodePoint(s, &pos);
    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0x2028 || c == 0x2029 ||
        c == 0xFEFF || c == 0xFFFE || c == 0xFFFD || c == 0x85) {
      return false;
    }
    if (c == ',' || c == '[' || c == ']' || c == '{' || c == '}' || c == '#' || c == ':') {
      return false;
    }
  }
  return true;
}

class YamlWriter {
 public:
  std::string Write(const Value& root) {
    for (const auto& [key, value] : *root.map) Entry(key, value, 0, false);
    return std::move(out_);
  }

 private:
  void Scalar(const Value& v) {
    switch (v.kind) {
      case Value::Kind::kNull: out_ += "null"; return;
      case Value::Kind::kBool: out_ += v.boolean ? "true" : "false"; return;
      case Value::Kind::kNumber: out_ += FormatNumber(v.number); return;
      case Value::Kind::kString:
        if (!v.quote && PlainSafe(v.string)) {
          out_ += v.string;
        } else {
          AppendQuoted(v.string, &out_);
        }
        return;
      case Value::Kind::kList:
        out_ += '[';
        for (size_t i = 0; i < v.list->size(); ++i) {
          if (i > 0) out_ += ", ";
          Scalar((*v.list)[i]);
        }
        out_ += ']';
        return;
      case Value::Kind::kMap:
        out_ += '{';
        for (size_t i = 0; i < v.map->size(); ++i) {
          if (i > 0) out_ += ", ";
          out_ += (*v.map)[i].first;
          out_ += ": ";
          Scalar((*v.map)[i].second);
        }
        out_ += '}';
        return;
    }
    out_ += "null";
  }

  bool Inline(const Value& v) {
    if (v.kind == Value::Kind::kList) return v.flow || v.list->empty();
    if (v.kind == Value::Kind::kMap) return v.flow || v.map->empty();
    return true;
  }

  // `key: value` at `indent`; after_dash: the line already holds "- " (the first key of a list
  // item), so no indentation is written.
  void Entry(std::string_view key, const Value& value, int indent, bool after_dash) {
    if (!after_dash) out_.append(indent, ' ');
    out_ += key;
    out_ += ':';
    if (Inline(value)) {
      out_ += ' ';
      Scalar(value);
      out_ += '\n';
    } else if (value.kind == Value::Kind::kMap) {
      out_ += '\n';
      for (const auto& [k, v] : *value.map) Entry(k, v, indent + 2, false);
    } else {
      out_ += '\n';
      for (const Value& item : *value.list) Item(item, indent + 2);
    }
  }

  void Item(const Value& item, int indent) {
    out_.append(indent, ' ');
    out_ += "- ";
    if (item.kind != Value::Kind::kMap || Inline(item)) {
      Scalar(item);
      out_ += '\n';
      return;
    }
    bool first = true;
    for (const auto& [k, v] : *item.map) {
      Entry(k, v, indent + 2, first);  // the first key follows "- " on the same line
      first = false;
    }
  }

  std::string out_;
};

// Indented JSON, or with `compact` the same JSON with no whitespace between tokens.
class JsonWriter {
 public:
  explicit JsonWriter(bool compact) : compact_(compact) {}

  std::string Write(const Value& root) {
    Emit(root, 0);
    out_ += "\n";
    return std::move(out_);
  }

 private:
  void Emit(const Value& v, int indent) {
    switch (v.kind) {
      case Value::Kind::kNull: out_ += "null"; return;
      case Value::Kind::kBool: out_ += v.boolean ? "true" : "false"; return;
      case Value::Kind::kNumber: out_ += FormatNumber(v.number); return;
      case Value::Kind::kString: AppendQuoted(v.string, &out_); return;
      case Value::Kind::kList: Items(*v.list, indent); return;
      case Value::Kind::kMap: Entries(*v.map, indent); return;
    }
  }

  // A line break and the indentation before an element or a closing bracket.
  void Break(int indent) {
    if (compact_) return;
    out_ += '\n';
    out_.append(indent, ' ');
  }

  void Items(const List& list, int indent) {
    if (list.empty()) { out_ += "[]"; return; }
    out_ += "[";
    for (size_t i = 0; i < list.size(); ++i) {
      if (i > 0) out_ += ",";
      Break(indent + 2);
      Emit(list[i], indent + 2);
    }
    Break(indent);
    out_ += "]";
  }

  void Entries(const Map& map, int indent) {
    if (map.empty()) { out_ += "{}"; return; }
    out_ += "{";
    for (size_t i = 0; i < map.size(); ++i) {
      if (i > 0) out_ += ",";
      Break(indent + 2);
      AppendQuoted(map[i].first, &out_);
      out_ += compact_ ? ":" : ": ";
      Emit(map[i].second, indent + 2);
    }
    Break(indent);
    out_ += "}";
  }

  bool compact_;
  std::string out_;
};

}  // namespace

std::string JsonString(std::string_view text) { return Quoted(text); }

std::string Emit(const Document& document, Format format) {
  Value root = DocumentValue(document);
  switch (format) {
    case Format::kJson: return JsonWriter(/*compact=*/false).Write(root);
    case Format::kJsonLine: return JsonWriter(/*compact=*/true).Write(root);
    case Format::kYaml: break;
  }
  return YamlWriter().Write(root);
}

}  // namespace fengong
