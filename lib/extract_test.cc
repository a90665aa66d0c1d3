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

TEST_CASE("ExtractTasks: a note that each list's first unit leads") {
  for (const FirstUnitCase& row : kFirstUnitCases) {
    CAPTURE(row.name);
    CHECK(UnitDumps(row.text) == row.expected);
  }
}

}  // namespace
}  // namespace fengong
