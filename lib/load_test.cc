#include "load.h"

#include <doctest/doctest.h>

#include <string_view>

#include "emit.h"

namespace fengong {
namespace {

Document Sample() {
  Document d;
  d.meta.title = "某区全民科学素质行动实施方案";
  d.meta.region = "某区";
  d.meta.date = "2022-04-16";
  d.meta.period = Period{2021, 2025};
  d.source = Source{"samples/x.txt", "ab12", "UTF-8", "prose"};
  Target goal;
  goal.value = 18;
  goal.unit = "%";
  goal.comparator = ">";
  goal.deadline = 2025;
  goal.metric = "公民具备科学素质的比例";
  goal.text = "全区公民具备科学素质的比例超过18%";
  goal.line = 3;
  d.goals.push_back(goal);
  Task task;
  task.id = "2.1";
  task.number = "1";
  task.path = {"提升行动", "实施青少年科学素质提升行动"};
  task.theme = "youth";
  task.text = "开展“科技: 活动”，每年不少于50场。";
  task.lead = {"区教委"};
  task.responsible = {"区科协", "团区委"};
  Target t;
  t.value = 1;
  t.value_max = 2;
  t.comparator = "range";
  t.period = "annual";
  t.text = "每年1-2次";
  task.targets.push_back(t);
  task.first_line = 10;
  task.last_line = 12;
  d.tasks.push_back(task);
  UnitEntry unit;
  unit.name = "区教委";
  unit.canonical = "区教育委员会";
  unit.level = "区";
  unit.role = "education";
  unit.tasks = {"2.1"};
  d.units.push_back(unit);
  d.warnings.push_back(Warning{12, WarningCode::kUnmatchedBracket, "opens with 〔"});
  return d;
}

TEST_CASE("LoadDocument reads back what Emit wrote, YAML and JSON alike") {
  const Document d = Sample();
  for (Format format : {Format::kYaml, Format::kJson}) {
    std::string text = Emit(d, format);
    CHECK(LooksLikeSavedOutput(text));
    Result<Document> loaded = LoadDocument(text);
    INFO(loaded.status().ToString());
    REQUIRE(loaded.ok());
    CHECK(Emit(loaded.value(), format) == text);
  }
}

TEST_CASE("LooksLikeSavedOutput tells saved outputs from plans") {
  CHECK(LooksLikeSavedOutput("schema: fengong/1\n"));
  CHECK(LooksLikeSavedOutput("\xEF\xBB\xBF  schema: fengong/1\n"));
  CHECK(LooksLikeSavedOutput("{\n  \"schema\": \"fengong/1\""));
  CHECK_FALSE(LooksLikeSavedOutput("武隆区全民科学素质行动规划纲要实施方案\n"));
  CHECK_FALSE(LooksLikeSavedOutput("{一、总体要求}"));
  CHECK_FALSE(LooksLikeSavedOutput(""));
}

struct BadCase {
  std::string_view text;
  std::string_view expected;  // Status::ToString()
};

constexpr BadCase kBad[] = {
    {"schema: fengong/2\n", "<input>:1:9: saved output: expected schema fengong/1 (got fengong/2)"},
    {"schema: fengong/1\n", "<input>:1:1: saved output: expected the key 'document'"},
    {"- a\n- b\n", "<input>:1:1: saved output: expected a mapping at the top"},
    {"schema: [fengong/1\n", "<input>:2:1: saved output: end of sequence flow not found"},
};

TEST_CASE("LoadDocument: broken saved outputs fail with a position") {
  for (const BadCase& c : kBad) {
    CAPTURE(c.text);
    Result<Document> loaded = LoadDocument(c.text);
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.status().ToString() == c.expected);
  }
}

TEST_CASE("LoadDocument: a value of the wrong type names its line") {
  std::string text = Emit(Sample(), Format::kYaml);
  size_t at = text.find("open_list: false");
  REQUIRE(at != std::string::npos);
  text.replace(at, 16, "open_list: maybe");
  Result<Document> loaded = LoadDocument(text);
  REQUIRE_FALSE(loaded.ok());
  CHECK(loaded.status().message() == "saved output: expected 'open_list' to be true or false");
  CHECK(loaded.status().pos().line > 1);
}

}  // namespace
}  // namespace fengong
