#include "diff.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

namespace fengong {
namespace {

Target MakeTarget(double value, const char* unit, const char* comparator, const char* text) {
  Target t;
  t.value = value;
  t.unit = unit;
  t.comparator = comparator;
  t.text = text;
  return t;
}

Task MakeTask(const char* id, const char* text, std::vector<std::string> lead,
              std::vector<Target> targets = {}) {
  Task task;
  task.id = id;
  task.path = {"重点工程"};
  task.text = text;
  task.lead = std::move(lead);
  task.targets = std::move(targets);
  return task;
}

void AddUnit(Document* d, const char* name, const char* canonical) {
  d->units.push_back(UnitEntry{name, canonical, "区", "science-technology", false, {}});
}

std::string Dumps(const DiffReport& report) {
  std::vector<std::string> dumps;
  for (const DiffRow& row : report.rows) dumps.push_back(row.Dump());
  return fmt::format("{}", fmt::join(dumps, "\n"));
}

// A plan and its next version: task 2 deleted, 区新经济和科技局 printed as its alias in task 3,
// the target of task 4 raised from 8000 to 9000.
struct Versions {
  Document before, after;
};

Versions ThreeChanges() {
  Versions v;
  v.before.source.path = "plan.txt";
  v.after.source.path = "plan-v2.txt";
  v.before.tasks = {
      MakeTask("1", "开展青少年科技创新大赛。", {"区教育局"}),
      MakeTask("2", "建设社区科普活动室，完善科普画廊。", {"区科协"}),
      MakeTask("3", "推动科技成果科普化。", {"区新经济和科技局"}),
      MakeTask("4", "组建科技志愿服务队伍，到2025年，力争全区科技志愿服务队伍人数不少于8000人。",
               {"区科协"},
               {MakeTarget(8000, "人", ">=", "力争全区科技志愿服务队伍人数不少于8000人")})};
  v.after.tasks = {
      MakeTask("1", "开展青少年科技创新大赛。", {"区教育局"}),
      MakeTask("2", "推动科技成果科普化。", {"区新经济与科技局"}),
      MakeTask("3", "组建科技志愿服务队伍，到2025年，力争全区科技志愿服务队伍人数不少于9000人。",
               {"区科协"},
               {MakeTarget(9000, "人", ">=", "力争全区科技志愿服务队伍人数不少于9000人")})};
  AddUnit(&v.before, "区新经济和科技局", "区新经济和科技局");
  AddUnit(&v.after, "区新经济与科技局", "区新经济和科技局");
  return v;
}

TEST_CASE(
    "DiffVersions: a deletion, an alias and a changed target are three rows, two of them "
    "differences") {
  Versions v = ThreeChanges();
  DiffReport report = DiffVersions(v.before, v.after);
  CHECK(
      Dumps(report) ==
      "row{removed 2 task differs [cell{建设社区科普活动室，完善科普画廊。 lead[区科协] tasks[2]} "
      "cell{missing}] no task of the new version is alike (best 0.04)}\n"
      "row{renamed 3>2 units [cell{区新经济和科技局 lead[区新经济和科技局] tasks[3]} "
      "cell{区新经济与科技局 lead[区新经济与科技局] tasks[2]}] the same units by canonical name: "
      "区新经济和科技局}\n"
      "row{changed 4>3 targets differs [cell{>= 8000 人 lead[区科协] tasks[4]} "
      "cell{>= 9000 人 lead[区科协] tasks[3]}] wording 0.95 alike}");
  CHECK(report.differs());
  CHECK(report.documents == std::vector<std::string>{"plan", "plan-v2"});
}

TEST_CASE("DiffVersions: an alias alone is no difference") {
  Versions v = ThreeChanges();
  v.before.tasks.erase(v.before.tasks.begin() + 1);
  v.after.tasks[2] = v.before.tasks[2];
  DiffReport report = DiffVersions(v.before, v.after);
  REQUIRE(report.rows.size() == 1);
  CHECK(report.rows[0].section == "renamed");
  CHECK_FALSE(report.differs());
}

TEST_CASE("DiffVersions: a changed unit, a changed text and a move") {
  Document before, after;
  before.tasks = {MakeTask("1", "甲任务的内容比较长一些。", {"区科协"}),
                  MakeTask("2", "乙任务的内容比较长一些。", {"区科协"}),
                  MakeTask("3", "丙任务的内容比较长一些。", {"区科协"})};
  after.tasks = {MakeTask("1", "丙任务的内容比较长一些。", {"区科协"}),
                 MakeTask("2", "甲任务的内容比较长一些。", {"区教委"}),
                 MakeTask("3", "乙任务的内容比较长一些，另加一句。", {"区科协"})};
  DiffReport report = DiffVersions(before, after);
  std::vector<std::string> kinds;
  for (const DiffRow& row : report.rows)
    kinds.push_back(row.section + " " + row.key + " " + row.field);
  CHECK(fmt::format("{}", fmt::join(kinds, "; ")) ==
        "changed 1>2 units; changed 2>3 text; moved 3>1 position");
  // Only the units that differ, with their part in the task.
  CHECK(report.rows[0].cells[0].value == "lead 区科协");
  CHECK(report.rows[0].cells[1].value == "lead 区教委");
}

TEST_CASE("DiffVersions: the same document twice has no rows") {
  Versions v = ThreeChanges();
  DiffReport report = DiffVersions(v.before, v.before);
  CHECK(report.rows.empty());
  CHECK_FALSE(report.differs());
  CHECK(report.notes ==
        std::vector<std::string>{"tasks paired: 4 identical, 0 by alike wording; 0 only in the old "
                                 "version, 0 only in the new"});
}

TEST_CASE("DiffDistricts: the volunteer targets on one row with comparators and leads") {
  Document a, b;
  a.meta.region = "江北区";
  b.meta.region = "锦江区";
  a.tasks = {MakeTask("37", "", {"区科协", "区应急局"},
                      {MakeTarget(2000, "人", ">=", "注册科技志愿者人数达2000人以上")})};
  b.tasks = {MakeTask("3.5.29", "", {"区教育局"},
                      {MakeTarget(8000, "人", ">=", "全区注册科技志愿者人数不少于8000人")})};
  a.tasks[0].theme = b.tasks[0].theme = "volunteers";
  DiffReport report = DiffDistricts({&a, &b});
  CHECK(report.documents == std::vector<std::string>{"江北区", "锦江区"});
  CHECK(Dumps(report) ==
        "row{theme volunteers [cell{1 task lead[区科协,区应急局] tasks[37]} "
        "cell{1 task lead[区教育局] tasks[3.5.29]}] tasks with theme volunteers in 2 of 2 "
        "documents}\n"
        "row{target 注册科技志愿者人数达 (人) differs [cell{>= 2000 人 lead[区科协,区应急局] "
        "tasks[37]} "
        "cell{>= 8000 人 lead[区教育局] tasks[3.5.29]}] measure word 人; 锦江区: theme volunteers, "
        "metric 0.73 alike}");
  CHECK(report.notes[0] == "targets in one document only: none");
}

TEST_CASE("DiffDistricts: a document against itself agrees") {
  Versions v = ThreeChanges();
  DiffReport report = DiffDistricts({&v.before, &v.before});
  CHECK_FALSE(report.differs());
  CHECK(report.documents == std::vector<std::string>{"plan#1", "plan#2"});
}

TEST_CASE("ChooseMode: versions for one plan, districts for several places") {
  Versions v = ThreeChanges();
  CHECK(ChooseMode({&v.before, &v.after}) == DiffMode::kVersions);
  CHECK(ChooseMode({&v.before, &v.after, &v.after}) == DiffMode::kDistricts);
  v.before.meta.region = "江北区";
  v.after.meta.region = "锦江区";
  CHECK(ChooseMode({&v.before, &v.after}) == DiffMode::kDistricts);
  Document other;
  other.tasks = {MakeTask("1", "完全不同的内容。", {})};
  CHECK(ChooseMode({&v.before, &other}) == DiffMode::kDistricts);
}

TEST_CASE("Diff: the mode ChooseMode picks, or the one given") {
  Versions v = ThreeChanges();
  CHECK(Diff({&v.before, &v.after}, std::nullopt).mode == DiffMode::kVersions);
  CHECK(Diff({&v.before, &v.after}, std::nullopt).rows.size() ==
        DiffVersions(v.before, v.after).rows.size());
  CHECK(Diff({&v.before, &v.after}, DiffMode::kDistricts).mode == DiffMode::kDistricts);
  Document other;
  other.tasks = {MakeTask("1", "完全不同的内容。", {})};
  CHECK(Diff({&v.before, &other}, std::nullopt).mode == DiffMode::kDistricts);
  CHECK(Diff({&v.before, &other}, DiffMode::kVersions).mode == DiffMode::kVersions);
}

}  // namespace
}  // namespace fengong
