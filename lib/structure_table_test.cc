#include "structure_table.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "test_rules.h"

namespace fengong {
namespace {

// The tasks of a text, then its warnings, one dump each.
std::vector<std::string> TaskAndWarningDumps(std::string_view text) {
  Diagnostics diagnostics;
  Structure structure = BuildStructure(Segment(Normalize(text, TestRules()), TestRules()),
                                       TestRules(), &diagnostics);
  std::vector<std::string> dumps;
  for (const TaskDraft& task : structure.tasks) dumps.push_back(task.Dump());
  for (const Warning& warning : diagnostics.warnings()) dumps.push_back(warning.Dump());
  return dumps;
}

struct Case {
  const char* name;
  std::string_view input;
  std::vector<std::string> expected;
};

const Case kCases[] = {
    {"two content columns changing on every row: the earlier, short one is the title",
     "类别\t工作任务\t目标任务\t牵头单位\t配合单位\n"
     "一、完善设施\t1．推进场地建设\t新建健身步道30公里，新建体育公园2个。\t区教体局\t区财政局\n"
     "\t2．推进设施开放\t公共体育场馆开放率达到100%。\t区教体局\t各乡镇\n"
     "二、开展活动\t3．打造品牌赛事\t每年举办赛事不少于20场。\t区教体局\t区总工会\n",
     {"draft{1 #1 [完善设施] title=推进场地建设 body=新建健身步道30公里,新}",
      "draft{2 #2 [完善设施] title=推进设施开放 body=公共体育场馆开放率达}",
      "draft{3 #3 [开展活动] title=打造品牌赛事 body=每年举办赛事不少于20}"}},

    {"of two content columns the merged one holds categories",
     "重点任务\t主要措施\t责任单位\n"
     "青少年科学素质提升行动\t1.开展科普活动。组织科技工作者走进基层。\t区科协\n"
     "\t2.建设科普基地。在每个街道建设科普活动室。\t区教委\n"
     "\t3.培训科学教师。每年培训科学教师30名。\t区教委\n",
     {"draft{1 #1 [青少年科学素质提升行动] title=开展科普活动 body=组织科技工作者走进基}",
      "draft{2 #2 [青少年科学素质提升行动] title=建设科普基地 body=在每个街道建设科普活}",
      "draft{3 #3 [青少年科学素质提升行动] title=培训科学教师 body=每年培训科学教师30名}"}},

    {"a per-row category cell that opens with its own number is the number and title",
     "类别\t任务内容\t责任单位\n"
     "1．推进场地建设\t新建健身步道30公里。\t区教体局\n"
     "2．推进设施开放\t公共体育场馆开放率达到100%。\t区教体局\n",
     {"draft{1 #1 [] title=推进场地建设 body=新建健身步道30公里。}",
      "draft{2 #2 [] title=推进设施开放 body=公共体育场馆开放率达}"}},

    {"a third per-row content column is more of the row's text, in column order",
     "重点任务\t工作目标\t具体措施\t牵头单位\n"
     "推进场地建设\t新建步道30公里\t统筹规划，新建健身步道，新建体育公园。\t区教体局\n"
     "推进设施开放\t开放率100%\t推动公共体育场馆免费或低收费开放。\t区教体局\n",
     {"draft{r1 #-1 [] title=推进场地建设 body=新建步道30公里统筹规}",
      "draft{r2 #-1 [] title=推进设施开放 body=开放率100%推动公共体}"}},

    {"a row split by a page break continues after the repeated header",
     "类别\t工作任务\t目标任务\t牵头单位\t配合单位\n"
     "一、开展活动\t1．开展健身活动\t每个乡镇每年\t各乡镇\t区教体局\n"
     "\n"
     "— 3 —\n"
     "\n"
     "类别\t工作任务\t目标任务\t牵头单位\t配合单位\n"
     "\t\t举办活动不少于2次。\t\t\n"
     "\t2．推进体医融合\t建设运动健康服务中心1个。\t区卫健局\t区医保局\n",
     {"draft{1 #1 [开展活动] title=开展健身活动 body=每个乡镇每年举办活动}",
      "draft{2 #2 [开展活动] title=推进体医融合 body=建设运动健康服务中心}"}},

    {"in a numbered table a row split by a page break carries the rest of its unit list too",
     "序号\t调查项目\t工作要求\t牵头单位\t配合单位\n"
     "1\t服务业统计调查\t调查企业不少于\t市统计局\t市发展改革委、市商务局、\n"
     "— 6 —\n"
     "序号\t调查项目\t工作要求\t牵头单位\t配合单位\n"
     "\t\t650家。\t\t市文化广电旅游局\n"
     "2\t住户收支调查\t记账户不少于900户。\t调查队\t市统计局\n",
     {"draft{1 #1 [] title=服务业统计调查 body=调查企业不少于650家。}",
      "draft{2 #2 [] title=住户收支调查 body=记账户不少于900户。}"}},

    {"a heading over a caption and a table is no task; the rows stand under it",
     "一、总体要求\n"
     "（一）指导思想\n"
     "坚持以人民为中心。\n"
     "二、重点任务及责任分工\n"
     "某区全民健身实施计划重点任务分工表\n"
     "\n"
     "类别\t工作任务\t目标任务\t牵头单位\n"
     "一、完善设施\t1．推进场地建设\t新建健身步道30公里。\t区教体局\n"
     "\t2．推进设施开放\t公共体育场馆开放率达到100%。\t区教体局\n",
     {"draft{1 #1 [重点任务及责任分工>完善设施] title=推进场地建设 body=新建健身步道30公里。}",
      "draft{2 #2 [重点任务及责任分工>完善设施] title=推进设施开放 body=公共体育场馆开放率达}"}},

    {"a numbered row split by a page break carries the rest of its unit list",
     "序号\t具体措施\t牵头单位\t配合单位\n"
     "1\t排查燃气隐患，整改率\t区应急局\t区住建局、\n"
     "\n— 2 —\n\n"
     "序号\t具体措施\t牵头单位\t配合单位\n"
     "\t达到100%。\t\t区消防救援大队\n"
     "2\t开展宣传。\t区委宣传部\t各街道\n",
     {"draft{1 #1 [] title= body=排查燃气隐患,整改率}",
      "draft{2 #2 [] title= body=开展宣传。}"}},

    {"without a 序号 column a row after the repeated header that names units is a row",
     "类别\t具体措施\t牵头单位\t配合单位\n"
     "安全\t排查燃气隐患。\t区应急局\t区住建局\n"
     "\n— 2 —\n\n"
     "类别\t具体措施\t牵头单位\t配合单位\n"
     "\t开展宣传。\t\t各街道\n",
     {"draft{r1 #-1 [安全] title= body=排查燃气隐患。}",
      "draft{r2 #-1 [安全] title= body=开展宣传。}"}},

    {"a 序号 group row heads its sub-rows, each labelled by its last part",
     "序号\t工作任务\t牵头单位\t协办单位\n"
     "1\t食品安全\t\t\n"
     "1.1\t落实陪餐制度。\t区教育局\t区市场监管局\n"
     "1.2\t推进明厨亮灶。\t区市场监管局\t区教育局\n"
     "2\t治安防控\t\t\n"
     "2.1\t落实护学岗制度。\t区公安分局\t区教育局\n",
     {"draft{1.1 #1 [食品安全] title= body=落实陪餐制度。}",
      "draft{1.2 #2 [食品安全] title= body=推进明厨亮灶。}",
      "draft{2.1 #1 [治安防控] title= body=落实护学岗制度。}"}},
    {"a task split by stage: rows whose 序号 the border leaves merged are one task",
     "╔══╦════════╦═════╦══════════════╦══════╗\n"
     "║序号║重点任务║阶段 ║工作内容      ║牵头单位║\n"
     "╠══╬════════╬═════╬══════════════╬══════╣\n"
     "║1 ║建设病区║2024年║开设病区。║市卫健局║\n"
     "║  ║        ╠═════╬══════════════╣      ║\n"
     "║  ║        ║2025年║扩至40张。║      ║\n"
     "╠══╬════════╬═════╬══════════════╬══════╣\n"
     "║2 ║培训人才║2024年║培训医护人员20人次。║市人社局║\n"
     "╚══╩════════╩═════╩══════════════╩══════╝\n",
     {"draft{1 #1 [] title=建设病区 body=开设病区。扩至40张。}",
      "draft{2 #2 [] title=培训人才 body=培训医护人员20人次。}"}},
};

TEST_CASE("BuildStructure: a paragraph pointing to the table below is no task") {
  std::vector<std::string> dumps =
      TaskAndWarningDumps("一、总体目标\n全年签约项目60个以上。\n二、重点任务\n"
                          "围绕三个方面，明确9项重点任务，具体分工见下表。\n"
                          "序号\t类别\t工作内容\t牵头单位\n1\t精准招商\t引进项目不少于15个。\t县商务局\n");
  REQUIRE(dumps.size() == 1);
  CHECK(dumps[0].find("[重点任务>精准招商]") != std::string::npos);
  // A pointer that ends 如下： with the table's caption between it and the table.
  std::vector<std::string> captioned =
      TaskAndWarningDumps("一、重点任务\n围绕三个方面，具体分工如下：\n重点任务分工表\n"
                          "序号\t类别\t工作内容\t牵头单位\n1\t精准招商\t引进项目。\t县商务局\n");
  REQUIRE(captioned.size() == 1);
  CHECK(captioned[0].find("[重点任务>精准招商]") != std::string::npos);
  // A paragraph that does not point to the table is the heading's body: a task.
  CHECK(TaskAndWarningDumps("一、重点任务\n开展项目招商，引进项目不少于15个。\n"
                            "序号\t类别\t工作内容\t牵头单位\n1\t精准招商\t引进项目。\t县商务局\n")
            .front()
            .find("body=开展项目招商") != std::string::npos);
}

TEST_CASE("TableTasks: a numbered row split by a page break keeps the rest of its unit list") {
  const Case& split = kCases[5];
  REQUIRE(std::string_view(split.name).find("unit list") != std::string_view::npos);
  Diagnostics diagnostics;
  Structure structure = BuildStructure(
      Segment(Normalize(split.input, TestRules()), TestRules()), TestRules(), &diagnostics);
  REQUIRE(structure.tasks.size() == 2);
  CHECK(structure.tasks[0].responsible_cell.text.folded() == "市发展改革委、市商务局、市文化广电旅游局");
  CHECK(structure.tasks[1].responsible_cell.text.folded() == "市统计局");
}

TEST_CASE("BuildStructure: a table under a heading and its caption is a table layout") {
  Diagnostics diagnostics;
  Structure structure = BuildStructure(
      Segment(Normalize(kCases[6].input, TestRules()), TestRules()), TestRules(), &diagnostics);
  CHECK(structure.layout == Layout::kTsvTable);
}

TEST_CASE("TableTasks: column roles, titles and split rows") {
  for (const Case& row : kCases) {
    CAPTURE(std::string(row.name));
    std::string got, want;
    for (const std::string& dump : TaskAndWarningDumps(row.input)) got += dump + "\n";
    for (const std::string& dump : row.expected) want += dump + "\n";
    CHECK(got == want);
  }
}

// Each task as its dump, then its lead and responsible cells, then the warnings.
std::vector<std::string> TaskUnitDumps(std::string_view text) {
  Diagnostics diagnostics;
  Structure structure = BuildStructure(Segment(Normalize(text, TestRules()), TestRules()),
                                       TestRules(), &diagnostics);
  std::vector<std::string> dumps;
  for (const TaskDraft& task : structure.tasks) {
    dumps.push_back(task.Dump() + " lead=" + task.lead_cell.text.printed() +
                    " resp=" + task.responsible_cell.text.printed());
  }
  for (const Warning& warning : diagnostics.warnings()) dumps.push_back(warning.Dump());
  return dumps;
}

const Case kSpanningCases[] = {
    {"a heading row spanning a cell table is the category of the rows below; 责任领导 is no unit",
     "\t序号\n\t工作任务\n\t责任领导\n\t牵头单位\n\t责任单位\n"
     "\n"
     "\t一、公共秩序\n"
     "\n"
     "\t1\n\t规范交通秩序。\n\t王某（副市长）\n\t市公安局\n\t市交通局\n"
     "\n"
     "\t2\n\t整治农贸市场。\n\t\n\t\n\t各区政府\n"
     "\n"
     "\t二、公共环境\n"
     "\n"
     "\t3\n\t加强市容管理。\n\t李某（副市长）\n\t市城管局\n\t各区政府\n",
     {"draft{1 #1 [公共秩序] title= body=规范交通秩序。} lead=市公安局 resp=市交通局",
      "draft{2 #2 [公共秩序] title= body=整治农贸市场。} lead= resp=各区政府",
      "draft{3 #3 [公共环境] title= body=加强市容管理。} lead=市城管局 resp=各区政府"}},

    {"a TSV category line (一、…) right under a row spans the table; it continues no cell",
     "序号\t工作事项\t工作目标\t责任领导\t责任单位\n"
     "一、公共秩序\n"
     "1\t规范交通秩序\t整治路口10处。\t王某（副区长）\t区公安分局（牵头）、区交通局\n"
     "二、公共环境\n"
     "2\t加强市容管理\t清理广告100处。\t李某（副区长）\t区城管局\n",
     {"draft{1 #1 [公共秩序] title=规范交通秩序 body=整治路口10处。} "
      "lead= resp=区公安分局（牵头）、区交通局",
      "draft{2 #2 [公共环境] title=加强市容管理 body=清理广告100处。} lead= resp=区城管局"}},

    {"a row split by a page break: the rest of its unit list joins the row's",
     "序号\t具体措施\t牵头单位\t配合单位\n"
     "1\t排查燃气隐患，整改率\t区应急局\t区住建局、\n"
     "\n— 2 —\n\n"
     "序号\t具体措施\t牵头单位\t配合单位\n"
     "\t达到100%。\t\t区消防救援大队\n",
     {"draft{1 #1 [] title= body=排查燃气隐患,整改率} lead=区应急局 resp=区住建局、区消防救援大队"}},

    {"a TSV row a line break split: the rest fills the open cell and the columns after it",
     "序号\t重点任务\t具体内容\t牵头单位\t配合单位\t完成时间\n"
     "1\t应急准备\t修订应急预案。\t区应急局\t区水务局\t9月底\n"
     "2\t\t新增救援车辆3台，\n"
     "组建专业队伍1支。\t区消防救援大队\t区应急局\t10月底\n"
     "3\t\t储备帐篷200顶。\t区应急局\t区财政局\t9月底\n",
     {"draft{1 #1 [应急准备] title= body=修订应急预案。} lead=区应急局 resp=区水务局",
      "draft{2 #2 [应急准备] title= body=新增救援车辆3台,组建} "
      "lead=区消防救援大队 resp=区应急局",
      "draft{3 #3 [应急准备] title= body=储备帐篷200顶。} lead=区应急局 resp=区财政局"}},
};

TEST_CASE("TableTasks: headings spanning the table and rows a line break split") {
  for (const Case& row : kSpanningCases) {
    CAPTURE(std::string(row.name));
    std::string got, want;
    for (const std::string& dump : TaskUnitDumps(row.input)) got += dump + "\n";
    for (const std::string& dump : row.expected) want += dump + "\n";
    CHECK(got == want);
  }
}

}  // namespace
}  // namespace fengong

namespace fengong {
namespace {

// Each task's title and the lead cell an appendix gave it ("-" when none), then the warnings.
std::string AppendixDump(std::string_view text) {
  Diagnostics diagnostics;
  Structure structure = BuildStructure(Segment(Normalize(text, TestRules()), TestRules()),
                                       TestRules(), &diagnostics);
  std::string out;
  for (const TaskDraft& task : structure.tasks) {
    std::string lead = task.appendix_lead.empty() ? "-" : task.appendix_lead.text.printed();
    out += (out.empty() ? "" : " ") + task.title.printed() + ":" + lead;
  }
  for (const Warning& warning : diagnostics.warnings()) out += " " + warning.Dump();
  return out;
}

constexpr std::string_view kAppendixBody =
    "二、重点任务\n"
    "（一）实施健康知识普及行动\n"
    "1.加强健康科普。建立健康科普专家库。\n"
    "（二）实施合理膳食行动\n"
    "1.开展营养指导。推进营养健康进食堂。\n"
    "（三）实施控烟行动\n"
    "1.推进无烟环境建设。全面推进无烟机关建设。\n"
    "附件\n"
    "重点任务分工表\n"
    "序号\t重点任务\t牵头单位\t责任单位\n"
    "1\t健康知识普及行动\t区卫健局\t区教育局\n"
    "2\t合理膳食行动\t区市场监管局\t区教育局\n";

struct AppendixCase {
  const char* name;
  std::string_view last_row;
  std::string_view expected;
};

const AppendixCase kAppendixCases[] = {
    {"a row left over links to the section it clearly shares most bigrams with",
     "3\t控烟限酒行动\t区爱卫办\t区教育局\n",
     "加强健康科普:区卫健局 开展营养指导:区市场监管局 推进无烟环境建设:区爱卫办"},
    {"a row sharing nothing but a common word stays unlinked, with a warning",
     "3\t全民健身行动\t区体育局\t区教育局\n",
     "加强健康科普:区卫健局 开展营养指导:区市场监管局 推进无烟环境建设:- "
     "warn{13 unlinked-table-row: appendix row '全民健身行动' names no section of the body}"},
};

TEST_CASE("LinkAppendix: rows left over after the close links") {
  for (const AppendixCase& row : kAppendixCases) {
    CAPTURE(std::string(row.name));
    CHECK(AppendixDump(std::string(kAppendixBody) + std::string(row.last_row)) == row.expected);
  }
}

TEST_CASE("LinkAppendix: rows that point to the body by number give its items their units") {
  // The 工作任务 wording differs from the headings; the numbering path links each row.
  Diagnostics diagnostics;
  Structure structure = BuildStructure(
      Segment(Normalize("一、重点任务\n（一）完善设施\n1.开展评估。摸排社区设施。\n"
                        "2.编制规划。预留建设用地。\n附件\n"
                        "序号\t对应正文\t工作任务\t牵头单位\n"
                        "1\t一（一）2\t用地保障\t区自然资源局\n"
                        "2\t（一）1\t摸底\t区民政局\n",
                        TestRules()),
              TestRules()),
      TestRules(), &diagnostics);
  REQUIRE(structure.tasks.size() == 2);
  CHECK(structure.tasks[0].appendix_lead.text.printed() == "区民政局");
  CHECK(structure.tasks[1].appendix_lead.text.printed() == "区自然资源局");
}

}  // namespace
}  // namespace fengong
