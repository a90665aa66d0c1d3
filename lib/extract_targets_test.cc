#include "extract_targets.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "test_rules.h"

namespace fengong {
namespace {

Passage PassageOf(std::string_view text) {
  Line line;
  line.number = 7;
  line.text = std::string(text);
  return Passage::FromLine(line);
}

// A plan dated 2024 whose period starts in 2021.
TargetContext Context() {
  TargetContext context;
  context.document_year = 2024;
  context.plan_start = 2021;
  return context;
}

std::string DumpFigures(std::string_view clause, std::vector<Warning>* warnings = nullptr) {
  Diagnostics diagnostics;
  std::vector<Target> figures =
      ExtractFigures(PassageOf(clause), Context(), TestRules(), &diagnostics);
  if (warnings) *warnings = diagnostics.warnings();
  if (figures.empty()) return "none";
  std::string out;
  for (const Target& figure : figures) out += (out.empty() ? "" : " ") + figure.Dump();
  return out;
}

struct Case {
  std::string_view clause;
  std::string_view expected;  // every figure's Dump(), space-separated, or "none"
};

constexpr Case kPositives[] = {
    // Comparators before the number, after the measure word, and the default "=".
    {"每年开展科普活动不少于50场", "target{>=50 场 annual}"},
    {"培训农民2000人次以上", "target{>=2000 人次}"},
    {"全区公民具备科学素质的比例超过18%，力争达到20%", "target{>18 %} target{=20 % stretch}"},
    {"全县注册科技志愿者人数达到1000人以上", "target{>=1000 人}"},
    {"居民健康素养水平达到31%", "target{=31 %}"},
    {"城镇登记失业率控制在4.5%以内", "target{<=4.5 %}"},
    {"企业开办时间压缩至1个工作日以内", "target{<=1 个工作日}"},
    {"科普信息员人数排名处于全市前20%", "target{<=20 %}"},
    {"营商环境便利度进入全省前10位", "target{<=10 位}"},
    {"至少要组建一支科技志愿服务队", "target{>=1 支}"},
    {"培育农村创业创新带头人200名以上", "target{>=200 名}"},
    {"建设示范点8处（所）以上", "target{>=8 处}"},
    {"力争全区科技志愿服务队伍人数不少于8000人", "target{>=8000 人}"},
    {"人均预期寿命达到80岁", "target{=80 岁}"},
    {"建成5G基站1200个", "target{=1200 个}"},
    {"政务服务事项“一网通办”率达到90%", "target{=90 %}"},
    {"开展“科技活动周”等活动不少于10场", "target{>=10 场}"},
    {"每万人口拥有全科医生3名", "target{=3 名}"},
    // Numbers: Chinese numerals, scale words, 余, 百分之, decimals, a stray space.
    {"建成两所示范学校", "target{=2 所}"},
    {"组织开展十二场宣讲", "target{=12 场}"},
    {"新增城镇就业1.5万人", "target{=15000 人}"},
    {"全市新增城镇就业6万人以上", "target{>=60000 人}"},
    {"引进高层次人才3千余名", "target{>3000 名}"},
    {"百分之九十的行政村建成文化室", "target{=90 %}"},
    {"开展农民教育培训 2500 人次以上", "target{>=2500 人次}"},
    {"开展培训２５００人次以上", "target{>=2500 人次}"},
    {"粮食产量稳定在13亿斤", "target{=1300000000 斤}"},
    {"新建改建农村公路1,000公里", "target{=1000 公里}"},
    {"力争建设一个综合性应急科普教育基地", "target{=1 个}"},
    // Ranges.
    {"每年开展1-2次各类劳动和技能竞赛", "target{1-2 次 annual}"},
    {"各乡镇每年举办1至2期培训班", "target{1-2 期 annual}"},
    {"建设3—5个示范点", "target{3-5 个}"},
    // Full coverage.
    {"5年内实现全覆盖", "target{=100 %}"},
    {"推动流动科普资源和科普服务全覆盖", "target{=100 %}"},
    {"覆盖率达到100%", "target{=100 %}"},
    // Periods.
    {"每周刊播1次以上", "target{>=1 次 weekly}"},
    {"每学期开展2次安全教育", "target{=2 次 per_semester}"},
    {"每季度召开1次联席会议", "target{=1 次 quarterly}"},
    {"每月发布3期简报", "target{=3 期 monthly}"},
    {"每年不少于2次", "target{>=2 次 annual}"},
    // Deadlines, and how time words reach the clauses after them.
    {"到2025年，建设科技教育特色学校5所", "target{=5 所 by2025}"},
    {"2023年底前，建成村级服务站120个", "target{=120 个 by2023}"},
    {"年内完成改造30处", "target{=30 处 by2024}"},
    {"重点建设少年科学院3所，到2025年，建设特色学校5所", "target{=3 所} target{=5 所 by2025}"},
    {"到2025年，新增科普基地3个，打造科普场景3个", "target{=3 个 by2025} target{=3 个 by2025}"},
    {"每年开展免费技能培训不少于30场，培训不少于1000人次",
     "target{>=30 场 annual} target{>=1000 人次 annual}"},
    {"每年组织1场以上培训，培训人数80人次以上，到2025年实现培训全覆盖",
     "target{>=1 场 annual} target{>=80 人次 annual} target{=100 % by2025}"},
    {"注册科技志愿者人数达2000人以上，每年开展志愿服务活动50场以上",
     "target{>=2000 人} target{>=50 场 annual}"},
    {"每周刊播1次以上，信息员人数排名处于全市前20%", "target{>=1 次 weekly} target{<=20 %}"},
    // Baselines and references: past or quoted figures.
    {"2020年全区公民具备科学素质的比例达8.9%", "target{=8.9 % by2020 baseline}"},
    {"与创新型城市10%的基本标准相比还有较大差距", "target{=10 % reference}"},
    {"全区已建成科普基地12个", "target{=12 个 baseline}"},
    {"去年投入资金3000万元", "target{=30000000 元 baseline}"},
};

constexpr Case kNegatives[] = {
    // Years, dates and document numbers.
    {"制定2021—2025年实施方案", "none"},
    {"2022年4月16日", "none"},
    {"武隆府办发〔2022〕30号", "none"},
    {"二〇二五年基本建成", "none"},
    // Ordinals and names with numbers in them.
    {"举办第十二届科技节", "none"},
    {"学习贯彻党的十九大和十九届五中全会精神", "none"},
    {"编制“十四五”规划", "none"},
    {"深入开展“三下乡”活动", "none"},
    {"加快5G网络建设", "none"},
    {"推行“3+2”培养模式", "none"},
    {"打造15分钟生活圈", "none"},
    {"扎实推进“六个一”工程", "none"},
    {"发挥“三长”作用", "none"},
    {"实施五大行动", "none"},
    // Counts of the document's own structure.
    {"重点实施5项提升行动", "none"},
    {"围绕三个方面开展工作", "none"},
    // Words that hold a numeral but no figure.
    {"发放一次性补贴", "none"},
    {"推行“最多跑一次”改革", "none"},
    {"落实最多跑一次", "none"},
    {"推进城乡一体化建设", "none"},
    {"每一个乡镇都要参与", "none"},
    {"建设一批科普基地", "none"},
    {"打造一支有理想守信念的高素质产业工人队伍", "none"},
    {"这十分重要", "none"},
    {"千方百计增加农民收入", "none"},
    {"提供一站式服务", "none"},
    // Groups of people, durations and phone numbers.
    {"关爱60岁以上老年人", "none"},
    {"3个月内完成整改", "none"},
    {"咨询电话：023-77722222", "none"},
    {"市级以上科普教育基地", "none"},
};

TEST_CASE("targets: clauses that carry commitments") {
  for (const Case& c : kPositives) {
    CAPTURE(c.clause);
    CHECK(DumpFigures(c.clause) == c.expected);
  }
}

TEST_CASE("targets: numbers that are not commitments") {
  for (const Case& c : kNegatives) {
    CAPTURE(c.clause);
    CHECK(DumpFigures(c.clause) == c.expected);
  }
}

TEST_CASE("targets: an approximate figure is recorded as '=' with a warning") {
  std::vector<Warning> warnings;
  CHECK(DumpFigures("森林覆盖率达到55%左右", &warnings) == "target{=55 %}");
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].Dump() == "warn{7 approximate-target: approximate figure (左右) recorded as \"=\"}");
  CHECK(DumpFigures("全年接待游客约500万人次", &warnings) == "target{=5000000 人次}");
  CHECK(warnings.size() == 1);
}

TEST_CASE("targets: a bounded number with no measure word has unit null and a warning") {
  std::vector<Warning> warnings;
  CHECK(DumpFigures("营商环境综合评分不低于90", &warnings) == "target{>=90}");
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].code == WarningCode::kUncertainTarget);
  CHECK(DumpFigures("不早于2025年", &warnings) == "none");
  CHECK(DumpFigures("建成不少于3个", &warnings) == "target{>=3 个}");
  CHECK(warnings.empty());
}

TEST_CASE("targets: text is the clause as printed, metric what is counted") {
  Diagnostics diagnostics;
  std::vector<Target> figures = ExtractFigures(
      PassageOf("到２０２５年，全区公民具备科学素质的比例超过18%，力争达到20%。"), Context(),
      TestRules(), &diagnostics);
  REQUIRE(figures.size() == 2);
  CHECK(figures[0].text == "全区公民具备科学素质的比例超过18%");
  CHECK(figures[0].metric == "公民具备科学素质的比例");
  CHECK(figures[0].deadline == 2025);
  CHECK(figures[0].line == 7);
  CHECK(figures[1].text == "力争达到20%");
  CHECK(figures[1].metric == "公民具备科学素质的比例");
  figures = ExtractFigures(PassageOf("每年培训不少于2000名专业技能工人"), Context(), TestRules(),
                           &diagnostics);
  REQUIRE(figures.size() == 1);
  CHECK(figures[0].metric == "专业技能工人");
  figures = ExtractFigures(PassageOf("覆盖面达到全区常住人口的80%以上"), Context(), TestRules(),
                           &diagnostics);
  REQUIRE(figures.size() == 1);
  CHECK(figures[0].metric == "覆盖面");
}

TEST_CASE("targets: a task keeps commitments, goals keep baselines and take the plan's end") {
  Diagnostics diagnostics;
  Passage text = PassageOf("2020年比例达8.9%。全区已建成基地12个，新建基地5个。");
  CHECK(ExtractTargets(text, Context(), TestRules(), &diagnostics).size() == 1);
  std::vector<Target> goals = ExtractGoals({&text}, Context(), 2025, TestRules(), &diagnostics);
  REQUIRE(goals.size() == 3);
  CHECK(goals[2].Dump() == "target{=5 个 by2025}");
}

}  // namespace
}  // namespace fengong
