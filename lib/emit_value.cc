#include "emit_value.h"

#include <fmt/format.h>

#include "model.h"
#include "utf8.h"

namespace fengong {

Value Value::Bool(bool b) {
  Value v;
  v.kind = Kind::kBool;
  v.boolean = b;
  return v;
}

Value Value::Number(double d) {
  Value v;
  v.kind = Kind::kNumber;
  v.number = d;
  return v;
}

Value Value::String(std::string_view s, bool quoted) {
  Value v;
  v.kind = Kind::kString;
  v.string = s;
  v.quote = quoted;
  return v;
}

Value Value::OfList(List items, bool flow) {
  Value v;
  v.kind = Kind::kList;
  v.list = std::make_shared<List>(std::move(items));
  v.flow = flow;
  return v;
}

Value Value::OfMap(Map entries, bool flow) {
  Value v;
  v.kind = Kind::kMap;
  v.map = std::make_shared<Map>(std::move(entries));
  v.flow = flow;
  return v;
}

Value Value::OfStrings(const std::vector<std::string>& items, bool quoted) {
  List list;
  list.reserve(items.size());
  for (const std::string& item : items) list.push_back(String(item, quoted));
  return OfList(std::move(list), /*flow=*/true);
}

namespace {

// Whether s[pos] starts a well-formed character of U+3000–U+CFFF (lead E3–EC): CJK text, none
// of which needs quoting or escaping. The emitters skip such characters without decoding them.
bool IsPlainCjkAt(std::string_view s, size_t pos) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + pos;
  return p[0] >= 0xE3 && p[0] <= 0xEC && pos + 2 < s.size() && (p[1] & 0xC0) == 0x80 &&
         (p[2] & 0xC0) == 0x80;
}

// Characters a JSON string writes as \uXXXX: controls (C0, DEL, C1), the line and paragraph
// separators that break JavaScript and JSON Lines readers, the byte-order mark and U+FFFE.
bool IsEscaped(char32_t c) {
  return c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0x2028 || c == 0x2029 ||
         c == 0xFEFF || c == 0xFFFE;
}

}  // namespace

// The YAML writer uses it for quoted scalars too (YAML double-quoted scalars read JSON escapes).
// Runs of characters that need no escape are copied whole.
void AppendJsonString(std::string_view s, std::string* out) {
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
        if (IsEscaped(c)) {
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

namespace {

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
    if (IsEscaped(c) || c == 0xFFFD) return false;  // U+FFFD: also what a malformed byte reads as
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
          AppendJsonString(v.string, &out_);
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
      case Value::Kind::kString: AppendJsonString(v.string, &out_); return;
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

  void Items(const Value::List& list, int indent) {
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

  void Entries(const Value::Map& map, int indent) {
    if (map.empty()) { out_ += "{}"; return; }
    out_ += "{";
    for (size_t i = 0; i < map.size(); ++i) {
      if (i > 0) out_ += ",";
      Break(indent + 2);
      AppendJsonString(map[i].first, &out_);
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

std::string WriteYaml(const Value& root) { return YamlWriter().Write(root); }

std::string WriteJson(const Value& root) { return JsonWriter(/*compact=*/false).Write(root); }

std::string WriteJsonLine(const Value& root) { return JsonWriter(/*compact=*/true).Write(root); }

}  // namespace fengong
