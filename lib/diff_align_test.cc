#include "diff_align.h"

#include <doctest/doctest.h>

#include <string_view>

#include <fmt/format.h>

namespace fengong {
namespace {

struct SimilarityCase {
  std::string_view a, b;
  double expected;
};

constexpr SimilarityCase kSimilarity[] = {
    {"注册科技志愿者人数", "注册科技志愿者人数", 1},
    {"注册科技志愿者人数", "全县注册科技志愿者人数", 16.0 / 18},
    {"注册科技志愿者人数", "科技志愿服务队伍人数", 8.0 / 17},
    {"科普日", "科技周", 0},
    {"馆", "馆", 1},
    {"", "", 1},
    {"科普", "", 0},
    {"科 普 日", "科普日", 1},  // spaces do not count
};

TEST_CASE("WordingSimilarity: Dice coefficient of character bigrams") {
  for (const SimilarityCase& c : kSimilarity) {
    CAPTURE(c.a);
    CAPTURE(c.b);
    CHECK(WordingSimilarity(c.a, c.b) == doctest::Approx(c.expected));
  }
}

Target MakeTarget(double value, const char* unit, const char* comparator, const char* text,
                  const char* metric = nullptr) {
  Target t;
  t.value = value;
  t.unit = unit;
  t.comparator = comparator;
  t.text = text;
  if (metric) t.metric = metric;
  return t;
}

Task MakeTask(const char* id, const char* theme, std::vector<Target> targets,
              const char* text = "") {
  Task task;
  task.id = id;
  if (theme) task.theme = theme;
  task.text = text;
  task.targets = std::move(targets);
  return task;
}

// "A37.0 B27.2 C29.0" — which target of which document sits in each cell.
std::string CellsDump(const TargetRow& row, const std::vector<const Document*>& docs) {
  std::string out;
  for (size_t d = 0; d < row.cells.size(); ++d) {
    if (!row.cells[d]) continue;
    const TargetRef& ref = *row.cells[d];
    std::string where = ref.task == TargetRef::kGoal ? "goal" : docs[d]->tasks[ref.task].id;
    out += fmt::format("{}{}{}.{}", out.empty() ? "" : " ", char('A' + d), where, ref.target);
  }
  return out;
}

struct Districts {
  Document a, b, c;
  std::vector<const Document*> all() const { return {&a, &b, &c}; }
};

// The volunteer targets of three plans, worded three ways, among other targets.
Districts VolunteerDistricts() {
  Districts d;
  d.a.tasks.push_back(MakeTask("37", "volunteers",
                               {MakeTarget(2000, "人", ">=", "注册科技志愿者人数达2000人以上"),
                                MakeTarget(50, "场", ">=", "每年开展科技志愿服务活动50场以上")}));
  d.b.tasks.push_back(MakeTask(
      "4", "farmers", {MakeTarget(2000, "人次", ">=", "每年开展农民教育培训2000人次以上")}));
  d.b.tasks.push_back(
      MakeTask("27", "science-workforce",
               {MakeTarget(1, "支", ">=", "至少要组建一支科技志愿服务队"),
                MakeTarget(30, "人", ">=", "每支队伍不少于30人"),
                MakeTarget(1000, "人", ">=", "全县注册科技志愿者人数达到1000人以上")}));
  d.c.goals.push_back(MakeTarget(18, "%", ">", "全区公民具备科学素质的比例超过18%"));
  d.c.tasks.push_back(
      MakeTask("3.5.29", "volunteers",
               {MakeTarget(8000, "人", ">=", "力争全区科技志愿服务队伍人数不少于8000人")}));
  return d;
}

TEST_CASE("AlignDistricts: targets meet on measure word plus theme or alike metric") {
  Districts d = VolunteerDistricts();
  DistrictAlignment aligned = AlignDistricts(d.all());
  std::vector<std::string> dumps;
  for (const TargetRow& row : aligned.targets) dumps.push_back(CellsDump(row, d.all()));
  std::vector<std::string> expected = {
      "A37.0 B27.2 C3.5.29.0",  // 2000, 1000, 8000 人: one row
      "A37.1",                  // 50 场
      "B4.0",                   // 2000 人次 is another measure word
      "B27.0",                  // 1 支
      "B27.1",                  // 30 人 per team: nothing alike
      "Cgoal.0",
  };
  CHECK(fmt::format("{}", fmt::join(dumps, "\n")) == fmt::format("{}", fmt::join(expected, "\n")));
  CHECK(aligned.targets[0].reason ==
        "measure word 人; #2: metric 0.86 alike; #3: theme volunteers, metric 0.32 alike");
  CHECK(aligned.targets[1].reason == "in one document only");
}

TEST_CASE("AlignDistricts: a recorded metric is preferred to the text") {
  Document a, b;
  a.tasks.push_back(MakeTask(
      "1", nullptr, {MakeTarget(5, "所", "=", "建设科技教育特色学校5所", "科技教育特色学校")}));
  b.tasks.push_back(MakeTask(
      "9", nullptr, {MakeTarget(10, "所", ">=", "创建特色学校10处以上", "科技教育特色学校")}));
  DistrictAlignment aligned = AlignDistricts({&a, &b});
  REQUIRE(aligned.targets.size() == 1);
  CHECK(aligned.targets[0].key == "科技教育特色学校 (所)");
  CHECK(aligned.targets[0].reason == "measure word 所; #2: metric 1.00 alike");
}

TEST_CASE("AlignDistricts: themes and roles group, the rest is listed") {
  Document a, b;
  a.tasks = {MakeTask("1", "youth", {}), MakeTask("2", nullptr, {}), MakeTask("3", "youth", {})};
  b.tasks = {MakeTask("1", "farmers", {}), MakeTask("2", "youth", {})};
  UnitEntry edu_a{"区教委", "区教育委员会", "区", "education", false, {"1"}};
  UnitEntry edu_b{"县教育局", "县教育局", "县", "education", false, {"2"}};
  UnitEntry odd{"区某某中心", "区某某中心", "区", std::nullopt, false, {"2"}};
  UnitEntry streets{"各街道", "各街道", std::nullopt, std::nullopt, true, {"3"}};
  a.units = {edu_a, odd, streets};
  b.units = {edu_b};
  DistrictAlignment aligned = AlignDistricts({&a, &b});
  REQUIRE(aligned.themes.size() == 2);
  CHECK(aligned.themes[0].key == "youth");
  CHECK(aligned.themes[0].cells == std::vector<std::vector<size_t>>{{0, 2}, {1}});
  CHECK(aligned.themes[1].key == "farmers");
  CHECK(aligned.themes[1].present() == 1);
  CHECK(aligned.unthemed == std::vector<std::vector<size_t>>{{1}, {}});
  REQUIRE(aligned.roles.size() == 1);
  CHECK(aligned.roles[0].reason == "same role education: 区教育委员会 = 县教育局");
  CHECK(aligned.roleless == std::vector<std::vector<size_t>>{{1}, {}});  // 各街道 is collective
}

Document Version(std::vector<std::pair<const char*, const char*>> tasks) {
  Document d;
  for (const auto& [id, text] : tasks) d.tasks.push_back(MakeTask(id, nullptr, {}, text));
  return d;
}

TEST_CASE("AlignVersions: identical wording, then alike wording, then removed and added") {
  Document before = Version({{"1", "开展青少年科技创新大赛，每年举办一次。"},
                             {"2", "建设社区科普活动室，完善科普画廊。"},
                             {"3", "加强科普信息化建设，推动科普中国落地应用。"},
                             {"4", "组织开展全国科普日活动。"}});
  Document after = Version({{"1", "开展青少年科技创新大赛，每年举办一次。"},
                            {"2", "加强科普信息化建设，推动科普中国在全区落地应用。"},
                            {"3", "组织开展全国科普日活动。"},
                            {"4", "设立科普专项经费。"}});
  std::vector<std::string> dumps;
  for (const TaskPair& pair : AlignVersions(before, after)) dumps.push_back(pair.Dump());
  std::vector<std::string> expected = {
      "pair{0>0 1.00 identical wording}",
      "pair{1>- 0.00 no task of the new version is alike (best 0.15)}",
      "pair{2>1 0.88 wording 0.88 alike}",
      "pair{3>2 1.00 identical wording}",
      "pair{->3 0.00 no task of the old version is alike (best 0.08)}",
  };
  CHECK(fmt::format("{}", fmt::join(dumps, "\n")) == fmt::format("{}", fmt::join(expected, "\n")));
}

TEST_CASE("AlignVersions: a shared id decides between equally alike tasks") {
  Document before = Version({{"1", "开展科普活动。"}, {"2", "开展科普活动。甲"}});
  Document after = Version({{"1", "开展科普活动。乙"}, {"2", "开展科普活动。丙"}});
  std::vector<TaskPair> pairs = AlignVersions(before, after);
  REQUIRE(pairs.size() == 2);
  CHECK(pairs[0].Dump().substr(0, 9) == "pair{0>0 ");
  CHECK(pairs[1].Dump().substr(0, 9) == "pair{1>1 ");
  CHECK(pairs[1].reason.find("same id") != std::string::npos);
}

}  // namespace
}  // namespace fengong
