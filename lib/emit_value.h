// An ordered value tree and the one writer of each structured format fengong prints: block YAML,
// indented JSON and JSON lines. `emit` builds a tree from a Document, `diff_render` from a
// DiffReport; writing both through here keeps quoting, escapes and indentation the same.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fengong {

// A null, bool, number, string, list or map (keys in the order given). Strings and keys are
// views: REQUIRES: the text they view outlives the tree (build it from the object being
// written and from literals, and write it before that object goes; building copies no text).
// Lists and maps are shared on copy, so a Value is cheap to pass by value while building.
struct Value {
  using List = std::vector<Value>;
  using Map = std::vector<std::pair<std::string_view, Value>>;
  enum class Kind { kNull, kBool, kNumber, kString, kList, kMap };

  static Value Null() { return Value(); }
  static Value Bool(bool b);
  static Value Number(double d);
  // `quoted`: always quote it in YAML, for text a reader should never take as a number or a
  // date even where plain would read back (ids, dates, hashes).
  static Value String(std::string_view s, bool quoted = false);
  // `flow`: YAML writes it on one line ([a, b] or {k: v}); empty lists and maps always are.
  static Value OfList(List items, bool flow = false);
  static Value OfMap(Map entries, bool flow = false);
  // A flow list of strings (each `quoted` as in String).
  static Value OfStrings(const std::vector<std::string>& items, bool quoted = false);
  static Value OfStrings(std::vector<std::string>&& items, bool quoted = false) = delete;  // views

  // Read by the writers; set only through the factories above.
  Kind kind = Kind::kNull;
  bool boolean = false;
  double number = 0;
  std::string_view string;
  std::shared_ptr<List> list;
  std::shared_ptr<Map> map;
  bool flow = false;
  bool quote = false;
};

// Block YAML, one "key: value" a line, ending with a newline. A string is written plain when a
// YAML reader reads it back as the same string, else double-quoted with JSON escapes.
// REQUIRES: root is a map.
std::string WriteYaml(const Value& root);

// Indented JSON (two spaces), ending with a newline.
std::string WriteJson(const Value& root);

// The same JSON on one line followed by "\n": no newline inside, and U+2028/U+2029 escaped, so
// it is one record of a JSON Lines stream.
std::string WriteJsonLine(const Value& root);

// Appends `text` as a JSON string literal, quotes included: the escapes every writer above uses
// (also a valid YAML double-quoted scalar).
void AppendJsonString(std::string_view text, std::string* out);

}  // namespace fengong
