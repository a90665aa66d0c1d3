#include "structure.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "structure_numbering.h"
#include "test_rules.h"
#include "utf8.h"

namespace fengong {
namespace {

struct MarkerCase {
  std::string_view printed;
  int rank;    // -1: no marker
  int number;
  size_t length;  // folded bytes of the marker
};

// Ranks from numbering.yaml: 一、 > （一） > 1. > （1） ⑴ > ①.
constexpr MarkerCase kMarkerCases[] = {
    {"一、总体要求", 1, 1, 6},
    {"二.主要任务", 1, 2, 4},
    {"十二、保障措施", 1, 12, 9},
    {"一、 总体要求", 1, 1, 6},  // the space beside CJK is gone in the folded view
    {"（一）指导思想", 2, 1, 5},
    {"(三)工作目标", 2, 3, 5},
    {"( 三 )工作目标", 2, 3, 5},  // spaces beside CJK are gone in the folded view
    {"（十）加强宣传", 2, 10, 5},
    {"1.培养青少年科学精神", 3, 1, 2},
    {"1、培养青少年科学精神", 3, 1, 4},
    {"1．培养青少年科学精神", 3, 1, 2},  // full-width full stop
    {"１．培养青少年科学精神", 3, 1, 2},  // full-width digit too
    {"12.开展活动", 3, 12, 3},
    {"1. 开展活动", 3, 1, 2},
    {"（1）开展活动", 4, 1, 3},
    {"(2)开展活动", 4, 2, 3},
    {"3）开展活动", 4, 3, 2},
    {"( 1)补齐缺口", 4, 1, 4},  // half-width text pads the number inside its brackets
    {"( 2 )完善水源", 4, 2, 5},
    {"⑴开展活动", 4, 1, 3},
    {"⑷开展活动", 4, 4, 3},
    {"①开展活动", 5, 1, 3},
    // A part above 一、 (第一部分 总体要求) ranks 0, so 一、 nests under it.
    {"第一部分　总体要求", 0, 1, 12},
    {"第三篇 保障措施", 0, 3, 9},
    {"⑩开展活动", 5, 10, 3},
    // A task list's group (任务一：title), ranked with （一） so that it nests under 一、.
    {"任务一：打造夜间消费地标", 2, 1, 10},
    {"任务十二: 强化保障", 2, 12, 13},
    // A list bullet (- item, • item from a Markdown or web copy) is an item with no number.
    {"- 开展活动", 3, 0, 1},
    {"• 开展活动", 3, 0, 3},
    // Not markers: decimals, years, numbers with measure words, bare numerals.
    {"1.5万人次参加", -1, 0, 0},
    {"2.3%的比例", -1, 0, 0},
    {"2020年全区公民具备科学素质的比例", -1, 0, 0},
    {"2021—2025年", -1, 0, 0},
    {"5G网络覆盖", -1, 0, 0},
    {"十九大精神", -1, 0, 0},
    {"一是加强组织领导", -1, 0, 0},
    {"开展活动", -1, 0, 0},
    {"一、", -1, 0, 0},  // a marker with nothing after it heads nothing
    {"第一批试点单位", -1, 0, 0},  // an ordinal, not a part of the document
    {"任务一是加强组织领导", -1, 0, 0},  // no colon: a sentence
    {"任务分工：见附件", -1, 0, 0},
};

TEST_CASE("ParseMarker") {
  for (const MarkerCase& row : kMarkerCases) {
    CAPTURE(row.printed);
    std::string folded = Fold(row.printed);
    std::optional<Marker> marker = ParseMarker(folded, TestRules());
    if (row.rank < 0) {
      CHECK_FALSE(marker.has_value());
      continue;
    }
    REQUIRE(marker.has_value());
    CHECK(marker->rank == row.rank);
    CHECK(marker->number == row.number);
    CHECK(marker->length == row.length);
  }
}

struct TitleCase {
  std::string_view text;
  std::string_view title;  // "" when there is none
};

constexpr TitleCase kTitleCases[] = {
    {"助力乡村振兴建设。制定落实方案。", "助力乡村振兴建设。"},
    {"培养青少年科学精神。将弘扬科学精神贯穿于育人全链条。", "培养青少年科学精神。"},
    // A first sentence with a comma is body text, not a title.
    {"坚持立德树人，弘扬科学精神。开展活动。", ""},
    // A title needs text after it.
    {"开展科普活动。", ""},
    {"开展科普活动", ""},
    // A first sentence longer than a title is body text.
    {"深入贯彻落实党的十九大精神和习近平总书记关于科普的重要指示精神把科学普及放在与科技创新同等重要的位置切实加强对科普工作的组织领导统筹推进各项工作。后文。",
     ""},
};

TEST_CASE("TitleEnd") {
  for (const TitleCase& row : kTitleCases) {
    CAPTURE(row.text);
    Line line;
    line.number = 1;
    line.text = std::string(row.text);
    Passage passage = Passage::FromLine(line);
    size_t end = TitleEnd(passage);
    CHECK(passage.PrintedRange(0, end) == row.title);
  }
}

Structure Build(std::string_view text, Diagnostics* diagnostics) {
  NormalizedText normalized = Normalize(text, TestRules());
  Segmented segmented = Segment(normalized, TestRules());
  return BuildStructure(segmented, TestRules(), diagnostics);
}

std::vector<std::string> Dumps(const Structure& structure) {
  std::vector<std::string> dumps;
  for (const TaskDraft& task : structure.tasks) dumps.push_back(task.Dump());
  return dumps;
}

constexpr std::string_view kMisnumbered =
    "某区全民科学素质行动实施方案\n"                                                  // 1
    "1、 总体要求\n"                                                                 // 2
    "（一）指导思想\n"                                                               // 3
    "以习近平新时代中国特色社会主义思想为指导，坚持科普与科技创新同等重要。\n"      // 4
    "（二）工作目标\n"                                                               // 5
    "到2025年，全区公民具备科学素质的比例超过18%。\n"                               // 6
    "二、重点任务\n"                                                                 // 7
    "（一）实施青少年科学素质提升行动\n"                                             // 8
    "1.培养青少年科学精神。将弘扬科学精神贯穿于育人全链条，开展进校园活动。\n"      // 9
    "2.开展青少年科技活动。深化馆校合作广泛开展各类学习实践活动。\n"              // 10
    "（二）实施农民科学素质提升行动\n"                                               // 11
    "3.助力乡村振兴建设。制定落实乡村振兴科技支撑行动方案。\n";                     // 12

TEST_CASE("BuildStructure: a top heading numbered 1、 before 二、 is repaired") {
  Diagnostics diagnostics;
  Structure structure = Build(kMisnumbered, &diagnostics);

  // The repair is reported once, on the heading's line.
  REQUIRE(diagnostics.warnings().size() == 1);
  const Warning& warning = diagnostics.warnings()[0];
  CHECK(WarningCodeName(warning.code) == "misnumbered-heading");
  CHECK(warning.line == 2);

  // 总体要求 is then a top section that holds no tasks (指导思想, 工作目标), and the tasks of
  // 二、 hang under it with ids 2.x.y, not under "1、".
  CHECK(Dumps(structure) ==
        std::vector<std::string>{
            "draft{2.1.1 #1 [重点任务>实施青少年科学素质提升行动] title=培养青少年科学精神 "
            "body=将弘扬科学精神贯穿于}",
            "draft{2.1.2 #2 [重点任务>实施青少年科学素质提升行动] title=开展青少年科技活动 "
            "body=深化馆校合作广泛开展}",
            "draft{2.2.3 #3 [重点任务>实施农民科学素质提升行动] title=助力乡村振兴建设 "
            "body=制定落实乡村振兴科技}",
        });
  CHECK(structure.layout == Layout::kProse);

  // The plan's title is front matter; the goal figures are goal text, not tasks.
  REQUIRE(structure.front_matter.size() == 1);
  CHECK(structure.front_matter[0].printed() == "某区全民科学素质行动实施方案");
  bool goal_found = false;
  for (const Passage& p : structure.goal_text) goal_found |= p.folded().find("18%") != std::string::npos;
  CHECK(goal_found);
}

// A later top heading in the item style: "4、主要任务" after "三、" restarts 1. under it, and
// "3、保障措施" after "二、" is followed by （一）. An item numbered like the next top heading
// that continues its own run ("2." after "1." under 一、) stays an item.
TEST_CASE("BuildStructure: a later top heading numbered N、 is repaired wherever it stands") {
  struct Row {
    std::string_view text;
    std::vector<std::string> dumps;
    size_t repairs;
  };
  const std::vector<Row> rows = {
      {"某区实施方案\n一、总体要求\n二、工作目标\n到2025年，建成中心3所。\n"
       "3、主要任务\n1.推进建设。新建站点2个。\n2.加强培训。每年开展培训。\n",
       {"draft{3.1 #1 [主要任务] title=推进建设 body=新建站点2个。}",
        "draft{3.2 #2 [主要任务] title=加强培训 body=每年开展培训。}"},
       1},
      {"某区实施方案\n一、总体要求\n二、重点任务\n（一）实施合理膳食行动\n"
       "1.开展营养指导。推进营养健康进食堂。\n3、保障措施\n（一）加强组织领导。成立推进委员会，统筹推进实施。\n",
       {"draft{2.1.1 #1 [重点任务>实施合理膳食行动] title=开展营养指导 body=推进营养健康进食堂。}",
        "draft{3.1 #1 [保障措施] title=加强组织领导 body=成立推进委员会,统筹}"},
       1},
      {"某区实施方案\n一、重点任务\n1.推进建设。新建站点2个。\n2、加强培训\n1.培训骨干。每年开展培训。\n",
       {"draft{1.1 #1 [重点任务] title=推进建设 body=新建站点2个。}",
        "draft{1.2 #2 [重点任务] title=加强培训 body=}",
        "draft{1.1-2 #1 [重点任务] title=培训骨干 body=每年开展培训。}"},
       0},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    Diagnostics diagnostics;
    Structure structure = Build(row.text, &diagnostics);
    std::vector<std::string> dumps = Dumps(structure);
    CHECK(dumps == row.dumps);
    size_t repairs = 0;
    for (const Warning& w : diagnostics.warnings()) repairs += w.code == WarningCode::kMisnumberedHeading;
    CHECK(repairs == row.repairs);
  }
}

// An item whose body ends in a colon lists its sub-items as its own text; an item without one
// has its sub-items as tasks, and a short sentence numbered "2)" is never a top heading.
TEST_CASE("BuildStructure: sub-items after an item's colon are its text") {
  Diagnostics diagnostics;
  Structure structure = Build(
      "某县老年教育实施方案\n一、重点任务\n"
      "4.开发特色课程资源。每年开发特色课程不少于20门，重点开发以下课程：\n"
      "1)健康养生类课程，开设专题讲座；\n2)智能技术类课程。\n"
      "5.加强队伍建设\n（1）培训骨干教师。每年培训一次。\n（2）聘请兼职教师。择优聘请。\n",
      &diagnostics);
  CHECK(Dumps(structure) ==
        std::vector<std::string>{
            "draft{1.4 #4 [重点任务] title=开发特色课程资源 body=每年开发特色课程不少}",
            "draft{1.5.1 #1 [重点任务>加强队伍建设] title=培训骨干教师 body=每年培训一次。}",
            "draft{1.5.2 #2 [重点任务>加强队伍建设] title=聘请兼职教师 body=择优聘请。}",
        });
  REQUIRE(structure.tasks.size() == 3);
  CHECK(structure.tasks[0].body.printed().find("2)智能技术类课程。") != std::string::npos);
  CHECK(diagnostics.warnings().empty());
}

// ① points under an item are its text even when the item's line holds only its title, and an
// item's title over unnumbered points (一是…二是…) is no level of the path.
TEST_CASE("BuildStructure: an item's points are its text") {
  Diagnostics diagnostics;
  Structure structure = Build(
      "某省教育行动计划\n一、重点任务\n（1）优化学校布局。新建学校120所。\n"
      "（2）加强寄宿制学校建设。\n①改善生活设施；\n②每所学校配备1名生活教师。\n"
      "9.加强非煤矿山综合整治。\n一是关闭退出小型露天矿山3座；\n二是严厉打击违法行为。\n",
      &diagnostics);
  CHECK(Dumps(structure) ==
        std::vector<std::string>{
            "draft{1.1 #1 [重点任务] title=优化学校布局 body=新建学校120所。}",
            "draft{1.2 #2 [重点任务] title=加强寄宿制学校建设 body=①改善生活设施;②每}",
            "draft{1.9 #9 [重点任务] title=加强非煤矿山综合整治 body=一是关闭退出小型露天}",
        });
}

// Notes after a table (注：1.… 2.…) explain it: their numbered lines are no tasks.
// 第一部分/第二部分 above 一、: the parts are headings of their own, 一、 nests under them and
// items directly under a part take it as their path.
TEST_CASE("BuildStructure: parts (第一部分) above 一、") {
  Diagnostics diagnostics;
  Structure structure = Build(
      "某市林长制工作要点\n\n第一部分　总体要求\n\n一、指导思想\n\n坚持生态优先。\n\n"
      "第二部分　重点任务\n\n一、加强资源保护\n\n1.严格林地管控。落实定额管理。\n\n"
      "第三部分　保障措施\n\n2.压实林长责任。市级林长每年巡林2次。\n",
      &diagnostics);
  CHECK(Dumps(structure) ==
        std::vector<std::string>{
            "draft{2.1.1 #1 [重点任务>加强资源保护] title=严格林地管控 body=落实定额管理。}",
            "draft{3.2 #2 [保障措施] title=压实林长责任 body=市级林长每年巡林2次}",
        });
}

// 牵头领导：… / 责任领导：… after an item names officials: no text of the item, so the item's
// annotation still ends it. A line that also names units is no such line.
TEST_CASE("BuildStructure: a line naming the item's officials is no text") {
  Diagnostics diagnostics;
  Structure structure = Build(
      "某市工作要点\n一、重点任务\n1.严格林地管控。落实定额管理。（市林业局牵头）\n"
      "牵头领导：市政府分管副市长\n2.加强宣传。开展活动。\n责任领导：王某；责任单位：市委宣传部\n",
      &diagnostics);
  REQUIRE(structure.tasks.size() == 2);
  CHECK(structure.tasks[0].body.printed() == "落实定额管理。（市林业局牵头）");
  CHECK(structure.tasks[1].body.printed() == "开展活动。责任领导：王某；责任单位：市委宣传部");
}

// A paragraph led into as an annotation in words and closed by a role verb stands alone: after a
// run of items (以上任务由…) it is their group annotation, after one item (——…) that item's; it is
// no text of either. A paragraph with the same opening that is a sentence of its own stays text.
TEST_CASE("BuildStructure: an annotation in words on its own line is no text of the item") {
  Diagnostics diagnostics;
  Structure structure = Build(
      "某区实施方案\n一、改造内容\n1.推进智慧社区建设。安装智能门禁。\n2.提升物业管理。引入物业服务。\n"
      "以上任务由各街道办事处牵头，区住建局、区城管局配合。\n"
      "二、工作措施\n1.推进课堂改革。开展校本教研。\n——县教育局牵头，各中小学校具体落实\n"
      "2.落实双减。规范校外培训。\n以上工作由各校在本学期内完成。\n",
      &diagnostics);
  REQUIRE(structure.tasks.size() == 4);
  CHECK(structure.tasks[0].body.printed() == "安装智能门禁。");
  CHECK(structure.tasks[0].group_annotation.printed() ==
        "以上任务由各街道办事处牵头，区住建局、区城管局配合。");
  CHECK(structure.tasks[1].group_annotation.printed() ==
        "以上任务由各街道办事处牵头，区住建局、区城管局配合。");
  CHECK(structure.tasks[2].body.printed() == "开展校本教研。");
  CHECK(structure.tasks[2].group_annotation.printed() == "——县教育局牵头，各中小学校具体落实");
  CHECK(structure.tasks[3].body.printed() == "规范校外培训。以上工作由各校在本学期内完成。");
  CHECK(structure.tasks[3].group_annotation.empty());
}

// A range of the items' own labels leads into a group annotation ((一)至(二)项由…): it opens no item.
TEST_CASE("BuildStructure: a group annotation led in by a range of labels is no item") {
  Diagnostics diagnostics;
  Structure structure = Build(
      "某区工作要点\n一、压实责任\n（一）制定责任清单。\n（二）开展述责述廉。\n"
      "（一）至（二）项由区纪委监委牵头，区委组织部配合。\n二、其他\n（一）加强宣传。\n",
      &diagnostics);
  REQUIRE(structure.tasks.size() == 3);
  CHECK(structure.tasks[0].group_annotation.printed() ==
        "（一）至（二）项由区纪委监委牵头，区委组织部配合。");
  CHECK(structure.tasks[1].group_annotation.printed() ==
        "（一）至（二）项由区纪委监委牵头，区委组织部配合。");
  CHECK(structure.tasks[2].group_annotation.empty());
}

// An item that ends with its unit annotation is closed: the unnumbered paragraph after it is
// the document's closing words, not more of the item. A paragraph after an item with no
// annotation stays its text.
TEST_CASE("BuildStructure: a paragraph after an item closed by its annotation is no text of it") {
  Diagnostics diagnostics;
  Structure structure = Build(
      "某县工作要点\n一、重点任务\n1.加强宣传。开展活动。（县委宣传部，县文旅局）\n\n"
      "各责任单位要于每月25日前将进展报县政府办。\n\n"
      "二、保障措施\n（一）严格考核。纳入年度考核。（县委组织部、县绩效办按职责分工负责）\n\n"
      "各单位要高度重视。\n\n"
      "三、其他任务\n1.开展培训。组织专题培训。\n\n培训结束后进行考核。\n",
      &diagnostics);
  REQUIRE(structure.tasks.size() == 3);
  CHECK(structure.tasks[0].body.printed() == "开展活动。（县委宣传部，县文旅局）");
  CHECK(structure.tasks[1].body.printed() == "纳入年度考核。（县委组织部、县绩效办按职责分工负责）");
  CHECK(structure.tasks[2].body.printed() == "组织专题培训。培训结束后进行考核。");
}

// A task list (任务一：title, 具体措施：, measures 1. 2., then 责任单位：… and 完成时限：… lines):
// each 任务N： heads its measures, the units line after them is their group annotation (left open
// by its missing full stop, it still ends before the 完成时限 line, which is no text), and the
// closing words after the last group are no text of its last measure.
TEST_CASE("BuildStructure: a task list's groups, units line and time limit") {
  Diagnostics diagnostics;
  Structure structure = Build(
      "某市重点任务清单\n\n任务一：打造消费地标\n具体措施：\n1.提升核心区品质。\n2.延长营业时间。\n"
      "责任单位：市商务委牵头，市规划自然资源局、各区县（自治县）政府配合\n完成时限：2024年12月底\n\n"
      "任务二：强化政策支持\n具体措施：\n1.统筹专项资金。\n责任单位：市财政局\n完成时限：长期坚持\n\n"
      "　　各责任单位要细化工作措施，于每季度末将进展报送市商务委。\n",
      &diagnostics);
  REQUIRE(structure.tasks.size() == 3);
  CHECK(structure.tasks[0].Dump() == "draft{1.1 #1 [打造消费地标] title=提升核心区品质 body=}");
  const std::string group_one = "责任单位：市商务委牵头，市规划自然资源局、各区县（自治县）政府配合";
  CHECK(structure.tasks[0].group_annotation.printed() == group_one);
  CHECK(structure.tasks[1].group_annotation.printed() == group_one);
  CHECK(structure.tasks[1].title.printed() == "延长营业时间");
  CHECK(structure.tasks[2].path == std::vector<std::string>{"强化政策支持"});
  CHECK(structure.tasks[2].body.empty());
  CHECK(structure.tasks[2].group_annotation.printed() == "责任单位：市财政局");
}

// An annotation whose list ends with a company (…；配合：国网某省电力公司）) closes its line too.
TEST_CASE("BuildStructure: an annotation ending with a company closes the item") {
  Diagnostics diagnostics;
  Structure structure = Build(
      "某省行动计划\n一、重点任务\n1.完善通信网络。推进基站建设。（牵头：省通信管理局；配合：国网某省电力公司）\n"
      "以上任务实行清单化管理，各市每季度报送进展情况。\n",
      &diagnostics);
  REQUIRE(structure.tasks.size() == 1);
  CHECK(structure.tasks[0].body.printed() == "推进基站建设。（牵头：省通信管理局；配合：国网某省电力公司）");
}

// （1）…；（2）…。 under an item with its own body enumerate its sentence: one task. Under a
// heading-only 1., or when the sub-item is a sentence of its own, the sub-items are the tasks.
TEST_CASE("BuildStructure: sub-items that are clauses closed by a semicolon are the item's text") {
  Diagnostics diagnostics;
  Structure structure = Build(
      "某县实施方案\n一、主要任务\n"
      "1.保障孕产妇安全。落实五项制度，系统管理率达到90%以上。\n"
      "（1）加强救治中心建设，达标率100%；\n（2）开展产后访视，访视率不低于90%。\n"
      "2.加强产地治理\n（1）推进耕地安全利用。开展类别调整。\n（2）加强污染源头管控。开展排查。\n"
      "3.强化质量管控。落实网格化管理。\n（1）深化网格管理。落实协管员制度。\n",
      &diagnostics);
  std::vector<std::string> bodies;
  for (const TaskDraft& task : structure.tasks) bodies.push_back(task.body.printed());
  CHECK(bodies == std::vector<std::string>{
                      "落实五项制度，系统管理率达到90%以上。（1）加强救治中心建设，达标率100%；"
                      "（2）开展产后访视，访视率不低于90%。",
                      "开展类别调整。", "开展排查。", "落实协管员制度。"});
}

// 市住建局牵头： over items is no text of the item above it; the items after it carry it as
// their innermost heading text (for their units), not in their path.
TEST_CASE("BuildStructure: a lead line over items is no task text") {
  Diagnostics diagnostics;
  Structure structure = Build(
      "某市任务分解\n一、重点任务\n市住建局牵头：\n1.筹集住房。筹集2800套。\n"
      "2.改造小区。新开工126个。\n市财政局牵头：\n3.落实资金。安排资金。\n",
      &diagnostics);
  REQUIRE(structure.tasks.size() == 3);
  CHECK(structure.tasks[1].body.printed() == "新开工126个。");
  CHECK(structure.tasks[1].path == std::vector<std::string>{"重点任务"});
  REQUIRE(structure.tasks[2].heading_texts.size() == 2);
  CHECK(structure.tasks[2].heading_texts.back().printed() == "市财政局牵头：");
}

TEST_CASE("BuildStructure: notes after the body are no tasks") {
  Diagnostics diagnostics;
  Structure structure = Build(
      "某区任务清单\n序号\t任务\t牵头单位\n1\t开展培训。\t区人社局\n2\t发布信息。\t区委宣传部\n\n"
      "注：1.完成时限为最迟时间。\n2.本清单中简称从略。\n",
      &diagnostics);
  REQUIRE(structure.tasks.size() == 2);
  CHECK(structure.tasks[1].body.printed() == "发布信息。");
  CHECK(diagnostics.warnings().empty());
}

TEST_CASE("BuildStructure: the lines of a notice's attachment list open no item") {
  Diagnostics diagnostics;
  Structure structure = Build(
      "某县人民政府办公室关于印发某县消防行动方案的通知\n各乡镇人民政府:\n现将方案印发给你们。\n"
      "附件: 1.某县消防安全重点单位名单\n\n2.某县消防任务分工表\n\n某县人民政府办公室\n\n2024年5月6日\n"
      "某县消防行动方案\n一、主要任务\n1.开展治理。完成检测评估。\n2.整治隐患。新建充电桩。\n",
      &diagnostics);
  REQUIRE(structure.tasks.size() == 2);
  CHECK(structure.tasks[0].body.printed() == "完成检测评估。");
  CHECK(structure.tasks[0].path == std::vector<std::string>{"主要任务"});
}

// （此件主动公开） is bracketed like a unit annotation, but a publication note closes the document:
// the signature before it is back matter, not the last item's text.
TEST_CASE("BuildStructure: a signature before （此件主动公开） is back matter") {
  Diagnostics diagnostics;
  Structure structure = Build(
      "某省实施意见\n一、重点任务\n（一）营造创新氛围。开展科技活动周。（省科协负责）\n\n\n"
      "某省人民政府\n2024年5月20日\n\n（此件主动公开）\n",
      &diagnostics);
  REQUIRE(structure.tasks.size() == 1);
  CHECK(structure.tasks[0].body.printed() == "开展科技活动周。（省科协负责）");
  REQUIRE(structure.back_matter.size() == 3);
  CHECK(structure.back_matter[0].printed() == "某省人民政府");
}

TEST_CASE("BuildStructure: \"3.助力…建设。制定…\" splits into title and body") {
  Diagnostics diagnostics;
  Structure structure = Build(kMisnumbered, &diagnostics);
  REQUIRE(structure.tasks.size() == 3);
  const TaskDraft& task = structure.tasks[2];
  CHECK(task.id == "2.2.3");
  REQUIRE(task.number.has_value());
  CHECK(*task.number == 3);
  CHECK(task.title.printed() == "助力乡村振兴建设");  // the closing 。 goes with the title
  CHECK(task.body.printed() == "制定落实乡村振兴科技支撑行动方案。");
  CHECK(task.first_line == 12);
  CHECK(task.last_line == 12);
  CHECK_FALSE(task.from_table);
  REQUIRE(task.heading_texts.size() == 2);
  CHECK(task.heading_texts[0].printed() == "重点任务");
}

// A heading's trailing unit annotation is cut from the path in whatever brackets it is printed,
// matched or not; a bracketed part that names no units stays.
TEST_CASE("BuildStructure: a heading's unit annotation is no part of its path label") {
  for (const char* heading : {"（一）健全责任体系（牵头单位：县安委办）",
                              "（一）健全责任体系〔牵头单位：县安委办；责任单位：各乡镇〕",
                              "（一）健全责任体系【县安委办牵头】",
                              "（一）健全责任体系（牵头单位：县安委办〕"}) {
    CAPTURE(heading);
    Diagnostics diagnostics;
    Structure structure = Build(std::string("一、主要任务\n") + heading +
                                    "\n1.压实责任。签订责任书。\n2.开展督查。每季度督查1次。\n",
                                &diagnostics);
    REQUIRE(structure.tasks.size() == 2);
    CHECK(structure.tasks[0].path == std::vector<std::string>{"主要任务", "健全责任体系"});
  }
  Diagnostics diagnostics;
  Structure structure = Build(
      "一、主要任务\n（一）实施“十四五”规划（2021—2025年）\n1.压实责任。签订责任书。\n",
      &diagnostics);
  REQUIRE(structure.tasks.size() == 1);
  CHECK(structure.tasks[0].path ==
        std::vector<std::string>{"主要任务", "实施“十四五”规划（2021—2025年）"});
}

TEST_CASE("BuildStructure: a correctly numbered document raises no repair") {
  Diagnostics diagnostics;
  Structure structure = Build(
      "一、总体要求\n"
      "（一）指导思想\n"
      "坚持科普与科技创新同等重要。\n"
      "二、重点任务\n"
      "1.开展科普活动。组织科技工作者走进基层。\n",
      &diagnostics);
  CHECK(diagnostics.warnings().empty());
  REQUIRE(structure.tasks.size() == 1);
  CHECK(structure.tasks[0].id == "2.1");
}

TEST_CASE("BuildStructure: 指导思想 and 工作目标 sections hold no tasks") {
  Diagnostics diagnostics;
  Structure structure = Build(
      "一、指导思想\n"
      "1.坚持党的领导。把党的领导贯穿科普工作全过程。\n"
      "二、工作目标\n"
      "1.到2025年建成科普基地5个。全区公民具备科学素质的比例达到15%。\n"
      "（一）基本原则\n"
      "坚持政府推动、全民参与。\n"
      "三、重点任务\n"
      "1.开展科普进社区活动。在每个社区建设科普活动室。\n"
      "四、附则\n"
      "本方案自印发之日起施行，由区科协负责解释。\n",
      &diagnostics);
  REQUIRE(structure.tasks.size() == 1);
  CHECK(structure.tasks[0].id == "3.1");
  CHECK(structure.tasks[0].path == std::vector<std::string>{"重点任务"});
  // What those sections say is kept as goal text for the document's goals.
  bool goal_found = false;
  for (const Passage& p : structure.goal_text) goal_found |= p.folded().find("15%") != std::string::npos;
  CHECK(goal_found);
}

TEST_CASE("BuildStructure: a section naming tasks beside goals keeps its tasks") {
  // 主要目标和重点任务: the task word overrides the goal word.
  Diagnostics diagnostics;
  Structure structure = Build(
      "一、主要目标和重点任务\n"
      "1.开展科普进社区活动。在每个社区建设科普活动室。\n",
      &diagnostics);
  REQUIRE(structure.tasks.size() == 1);
  CHECK(structure.tasks[0].id == "1.1");
}

TEST_CASE("BuildStructure: a leaf （一） heading with a body paragraph is a task") {
  Diagnostics diagnostics;
  Structure structure = Build(
      "一、保障措施\n"
      "（一）加强组织领导\n"
      "各部门要建立健全工作机制，明确责任分工。\n"
      "（二）强化经费保障\n"
      "将科普经费列入财政预算。\n",
      &diagnostics);
  CHECK(Dumps(structure) ==
        std::vector<std::string>{
            "draft{1.1 #1 [保障措施] title=加强组织领导 body=各部门要建立健全工作}",
            "draft{1.2 #2 [保障措施] title=强化经费保障 body=将科普经费列入财政预}",
        });
  REQUIRE(structure.tasks.size() == 2);
  CHECK(structure.tasks[0].body.printed() == "各部门要建立健全工作机制，明确责任分工。");
  CHECK(structure.tasks[0].first_line == 2);
  CHECK(structure.tasks[0].last_line == 3);
}

TEST_CASE("BuildStructure: a heading with numbered children is not a task") {
  Diagnostics diagnostics;
  Structure structure = Build(
      "一、主要任务\n"
      "（一）实施青少年科学素质提升行动\n"
      "加强对青少年科学兴趣的引导。\n"
      "1.开展科普活动。组织科技工作者走进基层。\n"
      "2.建设科普基地。在每个街道建设科普活动室。\n",
      &diagnostics);
  REQUIRE(structure.tasks.size() == 2);
  for (const TaskDraft& task : structure.tasks) {
    CAPTURE(task.Dump());
    CHECK(task.title.printed() != "实施青少年科学素质提升行动");
    CHECK(task.path ==
          std::vector<std::string>{"主要任务", "实施青少年科学素质提升行动"});
  }
  CHECK(structure.tasks[0].id == "1.1.1");
  CHECK(structure.tasks[1].id == "1.1.2");
  // The heading's intro paragraph belongs to no task.
  for (const TaskDraft& task : structure.tasks) {
    CHECK(task.body.folded().find("青少年科学兴趣") == std::string::npos);
  }
}

TEST_CASE("BuildStructure: a heading-only leaf without a body is no task") {
  Diagnostics diagnostics;
  Structure structure = Build(
      "一、重点任务\n"
      "1.开展科普活动。组织科技工作者走进基层。\n"
      "二、保障措施\n",
      &diagnostics);
  REQUIRE(structure.tasks.size() == 1);
  CHECK(structure.tasks[0].id == "1.1");
}

// A heading whose paragraph only points to the appendix (…详见附件。) holds no task, even when a
// PDF's wrap puts 附件。 at the start of a line: that line opens no appendix, the items after it stay.
TEST_CASE("BuildStructure: a pointer to the appendix under a heading is no task") {
  for (std::string_view pointer : {"围绕托育机构建设实施重点任务，具体分工详见附件。\n",
                                   "围绕托育机构建设、服务质量提升、队伍建设等方面实施重点任务，具体分工详见\n附件。\n"}) {
    CAPTURE(pointer);
    Diagnostics diagnostics;
    Structure structure = Build(std::string("一、重点任务\n") + std::string(pointer) +
                                    "二、保障措施\n（一）加强组织领导。建立联席会议制度。\n",
                                &diagnostics);
    CHECK(Dumps(structure) ==
          std::vector<std::string>{"draft{2.1 #1 [保障措施] title=加强组织领导 body=建立联席会议制度。}"});
  }
}

// Regression: merged_with once counted only the table's own rows, so where prose tasks came
// before the table, an empty unit cell continued a prose task's (no) units instead of the row's.
TEST_CASE("BuildStructure: a table row's merged_with counts the tasks before the table") {
  Diagnostics diagnostics;
  Structure structure = BuildStructure(
      Segment(Normalize("一、重点任务\n（一）强化组织领导。成立工作专班。（区科协负责）\n"
                        "序号\t工作内容\t牵头单位\n1\t开展活动。\t区教委\n2\t建设基地。\t\n",
                        TestRules()),
              TestRules()),
      TestRules(), &diagnostics);
  REQUIRE(structure.tasks.size() == 3);
  CHECK(structure.tasks[2].from_table);
  CHECK(structure.tasks[2].merged_with == 1);
}

TEST_CASE("BuildStructure: a cell table's rows are tasks under their category") {
  Diagnostics diagnostics;
  Structure structure = Build(
      "\t类别\n"
      "\t任务内容\n"
      "\t牵头单位\n"
      "\t责任单位\n"
      "\n"
      "\t青少年科学素质提升行动\n"
      "\t1.开展科普活动。组织科技工作者走进基层。\n"
      "\t区教委\n"
      "\t区科协\n"
      "\n"
      "\t\n"
      "\t2.建设科普基地。在每个街道建设科普活动室。\n"
      "\t\n"
      "\t区民政局\n",
      &diagnostics);
  CHECK(structure.layout == Layout::kCellTable);
  REQUIRE(structure.tasks.size() == 2);
  const TaskDraft& second = structure.tasks[1];
  CHECK(second.from_table);
  CHECK(second.has_unit_columns);
  CHECK(second.path == std::vector<std::string>{"青少年科学素质提升行动"});
  CHECK(second.title.printed() == "建设科普基地");
  CHECK(second.lead_cell.empty());  // merged with the cell above
  CHECK(second.merged_with == 0);
  CHECK(second.responsible_cell.text.printed() == "区民政局");
  CHECK(structure.tasks[0].lead_cell.text.printed() == "区教委");
}

// Regression: TaskDraft::Dump once took body.folded().substr(0, 30), which split a code point
// when ASCII came before byte 30 ("body=深化馆校合作,广泛开\xE5\xB1").
TEST_CASE("TaskDraft::Dump cuts a long body on a character boundary") {
  // The dump shows the body's first 30 folded bytes; a cut inside a code point would print
  // invalid UTF-8 in a failing test's message. "深化馆校合作," is 19 bytes, so byte 30 falls
  // inside the fourth character after the comma.
  Line line;
  line.number = 1;
  line.text = "深化馆校合作，广泛开展各类学习实践活动。";
  TaskDraft draft;
  draft.id = "1";
  draft.body = Passage::FromLine(line);
  std::string dump = draft.Dump();
  CAPTURE(dump);
  CHECK(IsValidUtf8(dump));
}

}  // namespace
}  // namespace fengong
