#include "extract.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "normalize.h"
#include "segment.h"
#include "test_rules.h"

namespace fengong {
namespace {

// "lead[…] resp[…]" of each task extracted from `text`.
std::vector<std::string> UnitDumps(std::string_view text) {
  Diagnostics diagnostics;
  NormalizedText normalized = Normalize(text, TestRules());
  Structure structure = BuildStructure(Segment(normalized, TestRules()), TestRules(), &diagnostics);
  std::vector<std::string> dumps;
  for (const Task& task : ExtractTasks(structure, TargetContext{}, TestRules(), &diagnostics)) {
    std::string dump = "lead[";
    for (size_t i = 0; i < task.lead.size(); ++i) dump += (i ? "," : "") + task.lead[i];
    dump += "] resp[";
    for (size_t i = 0; i < task.responsible.size(); ++i) dump += (i ? "," : "") + task.responsible[i];
    dumps.push_back(dump + "]");
  }
  return dumps;
}

struct FirstUnitCase {
  const char* name;
  std::string_view text;
  std::vector<std::string> expected;
};

const FirstUnitCase kFirstUnitCases[] = {
    {"a note that the first unit leads splits each single list",
     "某县任务清单\n序号\t工作任务\t责任单位\n1\t开展培训。\t县人社局、县财政局\n2\t发布信息。\t县委宣传部\n\n"
     "注：责任单位排在第一位的为牵头单位，其他为配合单位。\n",
     {"lead[县人社局] resp[县财政局]", "lead[县委宣传部] resp[]"}},
    {"列首位的 reads the same",
     "某县任务清单\n序号\t工作任务\t责任单位\n1\t开展培训。\t县人社局、县财政局\n\n"
     "说明：责任单位中列首位的为牵头单位。\n",
     {"lead[县人社局] resp[县财政局]"}},
    {"without the note a single list stays responsible",
     "某县任务清单\n序号\t工作任务\t责任单位\n1\t开展培训。\t县人社局、县财政局\n",
     {"lead[] resp[县人社局,县财政局]"}},
    {"a list that already names its lead is left as printed",
     "某县任务清单\n序号\t工作任务\t牵头单位\t责任单位\n1\t开展培训。\t县人社局\t县财政局、县教育局\n\n"
     "注：责任单位排在第一位的为牵头单位。\n",
     {"lead[县人社局] resp[县财政局,县教育局]"}},
};

const FirstUnitCase kSupportColumnCases[] = {
    {"a second responsible column (配合单位 after 责任单位) adds its units after the first's",
     "某县任务清单\n序号\t工作任务\t责任单位\t配合单位\t完成时限\n"
     "1\t开展培训。\t县人社局\t县财政局、县教育局\t长期坚持\n"
     "2\t发布信息。\t县委宣传部、县人社局\t县人社局\t2025年12月底前\n",
     {"lead[] resp[县人社局,县财政局,县教育局]", "lead[] resp[县委宣传部,县人社局]"}},
    {"each column's empty (merged) cell continues its own cell above",
     "\t序号\n\t工作任务\n\t责任单位\n\t配合单位\n\n"
     "\t1\n\t开展培训。\n\t县人社局\n\t县财政局\n\n"
     "\t2\n\t发布信息。\n\t\n\t县教育局\n\n"
     "\t3\n\t组织考核。\n\t县委督查室\n\t\n",
     {"lead[] resp[县人社局,县财政局]", "lead[] resp[县人社局,县教育局]",
      "lead[] resp[县委督查室,县教育局]"}},
    {"a 牵头领导 column names officials: no lead unit",
     "某县任务清单\n序号\t工作任务\t牵头领导\t牵头单位\t配合单位\n"
     "1\t开展培训。\t王某（副县长）\t县人社局\t县财政局\n",
     {"lead[县人社局] resp[县财政局]"}},
};

const FirstUnitCase kMarkedRoleCases[] = {
    {"a name marked （牵头） in an annotation's list leads, without the mark",
     "某区工作要点\n一、主要任务\n1.开展科普活动。（责任单位：区科协（牵头）、区教委、区财政局）\n"
     "2.建设基地。（区科技局(牵头)，各街道）\n",
     {"lead[区科协] resp[区教委,区财政局]", "lead[区科技局] resp[各街道]"}},
    {"the mark in square brackets 〔牵头〕 or 【牵头】 reads the same",
     "某区工作要点\n一、主要任务\n1.开展联运。开行班列。（市交通运输局〔牵头〕、市发改委）\n"
     "2.建设基地。（区科技局【牵头】，各街道）\n",
     {"lead[市交通运输局] resp[市发改委]", "lead[区科技局] resp[各街道]"}},
    {"a bracketed alias is no role: the name stays responsible",
     "某区工作要点\n一、主要任务\n1.开展统战工作。（责任单位：区委统战部（区民族宗教委）、区教委）\n",
     {"lead[] resp[区委统战部（区民族宗教委）,区教委]"}},
    {"short labels with a colon name the roles (牵头：X；配合：Y)",
     "某区工作要点\n一、主要任务\n1.开展科普活动。（牵头：区科协；配合：区教委、区财政局）\n",
     {"lead[区科协] resp[区教委,区财政局]"}},
    {"a units column whose cells name the roles themselves; a marked name in a cell",
     "某区任务清单\n序号\t重点任务\t责任单位\n1\t开展科普活动。\t牵头：区科协；配合：区教委、区财政局\n"
     "2\t建设科普基地。\t区科技局（牵头）、各街道\n3\t推进信息化。\t区融媒体中心\n",
     {"lead[区科协] resp[区教委,区财政局]", "lead[区科技局] resp[各街道]",
      "lead[] resp[区融媒体中心]"}},
    {"a lead cell that names the roles itself (X牵头，Y配合): its 配合 units, then the next column's",
     "某县任务清单\n序号\t工作措施\t牵头单位\t责任单位\n"
     "1\t开展专项行动。\t县住建局牵头，县公安局、县交通局配合\t各乡镇\n"
     "2\t开展联合检查。\t县应急局\t县直有关部门\n",
     {"lead[县住建局] resp[县公安局,县交通局,各乡镇]", "lead[县应急局] resp[县直有关部门]"}},
    {"names set apart by spaces split when each reads as a unit (a bank's 支行 too)",
     "某县任务清单\n序号\t工作措施\t牵头单位\t配合单位\n"
     "1\t强化融资服务。\t县金融中心\t人民银行某县支行 县财政局 各商业银行\n",
     {"lead[县金融中心] resp[人民银行某县支行,县财政局,各商业银行]"}},
};

TEST_CASE("ExtractTasks: roles printed inside a list (区科协（牵头）, 牵头：X；配合：Y)") {
  for (const FirstUnitCase& row : kMarkedRoleCases) {
    CAPTURE(row.name);
    CHECK(UnitDumps(row.text) == row.expected);
  }
}

TEST_CASE("ExtractTasks: two responsible columns, and a column of officials") {
  for (const FirstUnitCase& row : kSupportColumnCases) {
    CAPTURE(row.name);
    CHECK(UnitDumps(row.text) == row.expected);
  }
}

TEST_CASE("ExtractTasks: a note that each list's first unit leads") {
  for (const FirstUnitCase& row : kFirstUnitCases) {
    CAPTURE(row.name);
    CHECK(UnitDumps(row.text) == row.expected);
  }
}

const FirstUnitCase kHeadingLeadCases[] = {
    {"a heading naming the lead of its items gives the lead; their own list stays responsible",
     "某市任务分解\n一、市财政局牵头（共2项）\n1.落实资金。安排资金。配合单位：市住建局。\n"
     "2.规范补贴。按时发放。\n二、各区县（市）人民政府牵头\n3.落实责任。制定方案。（市住建局、市财政局）\n",
     {"lead[市财政局] resp[市住建局]", "lead[市财政局] resp[]",
      "lead[各区县（市）人民政府] resp[市住建局,市财政局]"}},
    {"a task's own lead wins over the heading's; a heading that is no unit list gives none",
     "某市任务分解\n一、市财政局牵头\n1.落实资金。安排资金。（市税务局牵头，市住建局配合）\n"
     "二、加强组织领导\n2.规范补贴。按时发放。（市民政局）\n",
     {"lead[市税务局] resp[市住建局]", "lead[] resp[市民政局]"}},
    {"a line 市住建局牵头： leads the items after it up to the next such line or heading",
     "某市任务分解\n一、重点任务\n市住建局牵头：\n1.筹集住房。筹集2800套。（配合单位：市发改委）\n"
     "2.改造小区。新开工126个。\n市财政局牵头：\n3.落实资金。安排资金。\n二、保障措施\n"
     "4.加强领导。建立机制。\n",
     {"lead[市住建局] resp[市发改委]", "lead[市住建局] resp[]", "lead[市财政局] resp[]",
      "lead[] resp[]"}},
    {"a sentence that ends with a colon and no lead verb leads nothing",
     "某市任务分解\n一、重点任务\n各单位要做好以下工作：\n1.筹集住房。筹集2800套。\n",
     {"lead[] resp[]"}},
};

TEST_CASE("ExtractTasks: a heading that names the lead of the items under it") {
  for (const FirstUnitCase& row : kHeadingLeadCases) {
    CAPTURE(row.name);
    CHECK(UnitDumps(row.text) == row.expected);
  }
}

}  // namespace
}  // namespace fengong
