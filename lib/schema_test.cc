#include "schema.h"

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "emit.h"

namespace fengong {
namespace {

std::vector<std::string> Keys(const YAML::Node& map) {
  std::vector<std::string> keys;
  for (const auto& entry : map) keys.push_back(entry.first.as<std::string>());
  return keys;
}

// A document with one of everything, so that every object of the schema is emitted once.
Document FullDocument() {
  Document d;
  d.meta.period = Period{2021, 2025};
  Target target;
  d.goals.push_back(target);
  Task task;
  task.id = "1";
  task.targets.push_back(target);
  d.tasks.push_back(task);
  d.units.push_back(UnitEntry{"区科协", std::nullopt, std::nullopt, std::nullopt, false, {"1"}});
  d.warnings.push_back(Warning{3, WarningCode::kNoTitle, "x"});
  return d;
}

TEST_CASE("JsonSchema: well-formed JSON naming fengong/1") {
  YAML::Node schema = YAML::Load(std::string(JsonSchema()));
  CHECK(schema["title"].as<std::string>() == kSchemaVersion);
  CHECK(schema["properties"]["schema"]["const"].as<std::string>() == kSchemaVersion);
  CHECK(schema["additionalProperties"].as<bool>() == false);
}

TEST_CASE("JsonSchema: lists the keys Emit writes, in the same order, all required") {
  YAML::Node schema = YAML::Load(std::string(JsonSchema()));
  YAML::Node out = YAML::Load(Emit(FullDocument(), Format::kJson));
  YAML::Node defs = schema["$defs"];
  YAML::Node document = schema["properties"]["document"];
  struct Pair {
    const char* what;
    YAML::Node object;
    YAML::Node emitted;
  };
  const Pair pairs[] = {
      {"root", schema, out},
      {"document", document, out["document"]},
      {"source", document["properties"]["source"], out["document"]["source"]},
      {"period", document["properties"]["period"]["oneOf"][0], out["document"]["period"]},
      {"goal", defs["target"], out["goals"][0]},
      {"task", defs["task"], out["tasks"][0]},
      {"task target", defs["target"], out["tasks"][0]["targets"][0]},
      {"unit", defs["unit"], out["units"][0]},
      {"warning", defs["warning"], out["warnings"][0]},
  };
  for (const Pair& pair : pairs) {
    CAPTURE(pair.what);
    CHECK(Keys(pair.object["properties"]) == Keys(pair.emitted));
    CHECK(pair.object["required"].as<std::vector<std::string>>() == Keys(pair.emitted));
  }
}

}  // namespace
}  // namespace fengong
