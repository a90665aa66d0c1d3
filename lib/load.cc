#include "load.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "utf8.h"

namespace fengong {
namespace {

// Reads fields off YAML nodes. The first problem is kept in status() and later reads return
// defaults, so the readers below can read straight through and check once at the end.
class Reader {
 public:
  const Status& status() const { return status_; }

  YAML::Node Child(const YAML::Node& parent, const char* key) {
    if (!status_.ok()) return YAML::Node();
    if (!parent.IsMap()) return Fail(parent, "a mapping"), YAML::Node();
    YAML::Node child = parent[key];
    if (!child.IsDefined()) Fail(parent, fmt::format("the key '{}'", key));
    return child;
  }

  std::string Str(const YAML::Node& parent, const char* key) {
    YAML::Node node = Child(parent, key);
    if (!status_.ok()) return "";
    if (!node.IsScalar()) return Fail(node, fmt::format("'{}' to be a string", key)), "";
    return node.Scalar();
  }

  std::optional<std::string> OptStr(const YAML::Node& parent, const char* key) {
    YAML::Node node = Child(parent, key);
    if (!status_.ok() || node.IsNull()) return std::nullopt;
    return Str(parent, key);
  }

  template <typename T>
  T Num(const YAML::Node& parent, const char* key) {
    YAML::Node node = Child(parent, key);
    if (!status_.ok()) return T();
    T value{};
    if (!node.IsScalar() || !YAML::convert<T>::decode(node, value)) {
      Fail(node, fmt::format("'{}' to be a number", key));
    }
    return value;
  }

  template <typename T>
  std::optional<T> OptNum(const YAML::Node& parent, const char* key) {
    YAML::Node node = Child(parent, key);
    if (!status_.ok() || node.IsNull()) return std::nullopt;
    return Num<T>(parent, key);
  }

  bool Bool(const YAML::Node& parent, const char* key) {
    YAML::Node node = Child(parent, key);
    bool value = false;
    if (status_.ok() && (!node.IsScalar() || !YAML::convert<bool>::decode(node, value))) {
      Fail(node, fmt::format("'{}' to be true or false", key));
    }
    return value;
  }

  std::vector<std::string> Strings(const YAML::Node& parent, const char* key) {
    std::vector<std::string> out;
    for (const YAML::Node& item : List(parent, key)) {
      if (!item.IsScalar()) return Fail(item, "a string"), out;
      out.push_back(item.Scalar());
    }
    return out;
  }

  // The items of the list under `key`.
  std::vector<YAML::Node> List(const YAML::Node& parent, const char* key) {
    YAML::Node node = Child(parent, key);
    std::vector<YAML::Node> items;
    if (!status_.ok()) return items;
    if (!node.IsSequence()) return Fail(node, fmt::format("'{}' to be a list", key)), items;
    for (const YAML::Node& item : node) items.push_back(item);
    return items;
  }

  void Fail(const YAML::Node& node, const std::string& expected) {
    if (!status_.ok()) return;
    SourcePos pos;
    if (!node.Mark().is_null()) pos = SourcePos{"", node.Mark().line + 1, node.Mark().column + 1};
    status_ =
        Status::Error(Status::Code::kInvalidArgument, "saved output: expected " + expected, pos);
  }

 private:
  Status status_;
};

Target ReadTarget(Reader& in, const YAML::Node& node) {
  Target t;
  t.kind = in.Str(node, "kind");
  t.value = in.Num<double>(node, "value");
  t.value_max = in.OptNum<double>(node, "value_max");
  t.unit = in.OptStr(node, "unit");
  t.comparator = in.Str(node, "comparator");
  t.stretch = in.Bool(node, "stretch");
  t.deadline = in.OptNum<int>(node, "deadline");
  t.period = in.OptStr(node, "period");
  t.metric = in.OptStr(node, "metric");
  t.text = in.Str(node, "text");
  t.line = in.Num<int>(node, "line");
  return t;
}

std::vector<Target> ReadTargets(Reader& in, const YAML::Node& parent, const char* key) {
  std::vector<Target> targets;
  for (const YAML::Node& node : in.List(parent, key)) targets.push_back(ReadTarget(in, node));
  return targets;
}

Task ReadTask(Reader& in, const YAML::Node& node) {
  Task t;
  t.id = in.Str(node, "id");
  t.number = in.OptStr(node, "number");
  t.path = in.Strings(node, "path");
  t.theme = in.OptStr(node, "theme");
  t.title = in.OptStr(node, "title");
  t.text = in.Str(node, "text");
  t.lead = in.Strings(node, "lead");
  t.responsible = in.Strings(node, "responsible");
  t.open_list = in.Bool(node, "open_list");
  t.targets = ReadTargets(in, node, "targets");
  std::vector<YAML::Node> lines = in.List(node, "lines");
  if (in.status().ok() && lines.size() != 2) in.Fail(node, "'lines' to hold two numbers");
  if (in.status().ok()) {
    t.first_line = lines[0].as<int>();
    t.last_line = lines[1].as<int>();
  }
  return t;
}

UnitEntry ReadUnit(Reader& in, const YAML::Node& node) {
  UnitEntry u;
  u.name = in.Str(node, "name");
  u.canonical = in.OptStr(node, "canonical");
  u.level = in.OptStr(node, "level");
  u.role = in.OptStr(node, "role");
  u.collective = in.Bool(node, "collective");
  u.tasks = in.Strings(node, "tasks");
  return u;
}

void ReadMeta(Reader& in, const YAML::Node& node, Document* d) {
  DocumentMeta& m = d->meta;
  m.title = in.OptStr(node, "title");
  m.region = in.OptStr(node, "region");
  m.issuer = in.OptStr(node, "issuer");
  m.doc_number = in.OptStr(node, "doc_number");
  m.date = in.OptStr(node, "date");
  YAML::Node period = in.Child(node, "period");
  if (in.status().ok() && !period.IsNull()) {
    m.period = Period{in.Num<int>(period, "from"), in.Num<int>(period, "to")};
  }
  YAML::Node source = in.Child(node, "source");
  d->source.path = in.Str(source, "path");
  d->source.sha256 = in.Str(source, "sha256");
  d->source.encoding = in.Str(source, "encoding");
  d->source.layout = in.Str(source, "layout");
}

void ReadWarnings(Reader& in, const YAML::Node& root, Document* d) {
  for (const YAML::Node& node : in.List(root, "warnings")) {
    Warning w;
    w.line = in.Num<int>(node, "line");
    std::string code = in.Str(node, "code");
    w.message = in.Str(node, "message");
    if (WarningCodeFromName(code, &w.code)) d->warnings.push_back(std::move(w));
  }
}

Result<Document> ReadDocument(const YAML::Node& root) {
  Reader in;
  Document d;
  d.schema = in.Str(root, "schema");
  if (in.status().ok() && d.schema != kSchemaVersion) {
    in.Fail(root["schema"], fmt::format("schema {} (got {})", kSchemaVersion, d.schema));
  }
  ReadMeta(in, in.Child(root, "document"), &d);
  d.goals = ReadTargets(in, root, "goals");
  for (const YAML::Node& node : in.List(root, "tasks")) d.tasks.push_back(ReadTask(in, node));
  for (const YAML::Node& node : in.List(root, "units")) d.units.push_back(ReadUnit(in, node));
  ReadWarnings(in, root, &d);
  if (!in.status().ok()) return in.status();
  return d;
}

}  // namespace

bool LooksLikeSavedOutput(std::string_view bytes) {
  std::string_view head = Trim(bytes.substr(0, 512));
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head = Trim(head.substr(3));
  if (head.substr(0, 7) == "schema:") return true;
  if (head.empty() || head.front() != '{') return false;
  head = Trim(head.substr(1));
  return head.substr(0, 8) == "\"schema\"";
}

Result<Document> LoadDocument(std::string_view text) {
  try {
    YAML::Node root = YAML::Load(std::string(text));
    if (!root.IsMap()) {
      return Status::Error(Status::Code::kInvalidArgument,
                           "saved output: expected a mapping at the top", SourcePos{"", 1, 1});
    }
    return ReadDocument(root);
  } catch (const YAML::Exception& e) {
    return Status::Error(Status::Code::kInvalidArgument, "saved output: " + e.msg,
                         SourcePos{"", e.mark.line + 1, e.mark.column + 1});
  }
}

}  // namespace fengong
