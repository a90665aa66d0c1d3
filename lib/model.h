// The canonical document, schema fengong/1 (../shared/docs/schema.md): what parse produces and
// what emit, load and diff work on. Plain values; optional fields are std::optional.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diagnostics.h"

namespace fengong {

inline constexpr const char* kSchemaVersion = "fengong/1";

// A number as the output writes it: whole numbers without a fraction, others in the shortest
// form that reads back exactly.
std::string FormatNumber(double value);

struct Target {
  std::string kind = "target";        // target | baseline | reference
  double value = 0;
  std::optional<double> value_max;    // for comparator "range"
  std::optional<std::string> unit;    // measure word or sign as printed: "%", 所, 人次 …
  std::string comparator = "=";       // ">=" | ">" | "=" | "<=" | "<" | "range"
  bool stretch = false;               // a 力争 figure beside a firm one
  std::optional<int> deadline;        // year by which
  std::optional<std::string> period;  // annual | per_semester | quarterly | monthly | weekly
  std::optional<std::string> metric;  // what is counted, as printed
  std::string text;                   // the shortest clause that carries the number
  int line = 0;

  std::string Dump() const;  // "target{>=50 场 annual}"
};

struct Task {
  std::string id;
  std::optional<std::string> number;
  std::vector<std::string> path;
  std::optional<std::string> theme;
  std::optional<std::string> title;
  std::string text;
  std::vector<std::string> lead;
  std::vector<std::string> responsible;
  bool open_list = false;
  std::vector<Target> targets;
  int first_line = 0;
  int last_line = 0;

  std::string Dump() const;  // "task{3.2 lead[区科协] resp[…] target{>=13 %}}"
};

struct UnitEntry {
  std::string name;
  std::optional<std::string> canonical;
  std::optional<std::string> level;
  std::optional<std::string> role;
  bool collective = false;
  std::vector<std::string> tasks;  // ids of the tasks that name it
};

struct Period {
  int from = 0;
  int to = 0;
};

struct DocumentMeta {
  std::optional<std::string> title;
  std::optional<std::string> region;
  std::optional<std::string> issuer;
  std::optional<std::string> doc_number;
  std::optional<std::string> date;  // ISO yyyy-mm-dd
  std::optional<Period> period;
};

struct Source {
  std::string path;
  std::string sha256;
  std::string encoding;
  std::string layout;
};

struct Document {
  std::string schema = kSchemaVersion;
  DocumentMeta meta;
  Source source;
  std::vector<Target> goals;
  std::vector<Task> tasks;
  std::vector<UnitEntry> units;
  std::vector<Warning> warnings;
};

}  // namespace fengong
