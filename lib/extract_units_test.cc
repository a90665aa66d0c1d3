#include "extract_units.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "test_rules.h"

namespace fengong {
namespace {

Passage PassageOf(std::string_view text, int line_number = 1) {
  Line line;
  line.number = line_number;
  line.text = std::string(text);
  return Passage::FromLine(line);
}

// Every annotation is read at the end of the same task sentence, as the pipeline reads it.
constexpr std::string_view kTaskText = "某某任务内容。";

struct Case {
  std::string_view annotation;
  std::string_view expected;  // UnitList::Dump(), or "none" when the tail is no annotation
  std::string_view warning;   // the one warning code expected, or "" for none
};

constexpr Case kCases[] = {
    // Labelled lists.
    {"〔牵头单位：区教育局，责任单位：区科协、团区委〕",
     "units{lead[区教育局] resp[区科协,团区委]}", ""},
    {"（牵头单位：区科协；配合单位：区教委、区科技局）",
     "units{lead[区科协] resp[区教委,区科技局]}", ""},
    {"(牵头单位:区科协,责任单位:区教委)", "units{lead[区科协] resp[区教委]}", ""},
    {"【牵头单位：区科协；责任单位：各成员单位】", "units{lead[区科协] resp[各成员单位]}", ""},
    {"〔责任单位：区科协〕", "units{lead[] resp[区科协]}", ""},
    {"（牵头单位：区科协）", "units{lead[区科协] resp[]}", ""},
    {"（牵头部门：县教育局；责任部门：县科协、县妇联）",
     "units{lead[县教育局] resp[县科协,县妇联]}", ""},
    // A space in place of the comma between the two labelled lists.
    {"（牵头单位：区教委 责任单位：区科协）", "units{lead[区教委] resp[区科协]}", ""},
    {"（牵头部门：县生态环境局；协同部门：县经信局、县市场监管局）",
     "units{lead[县生态环境局] resp[县经信局,县市场监管局]}", ""},
    // The wrong separator before the second label.
    {"〔牵头单位：区委组织部、责任单位：区委宣传部、区人力社保局〕",
     "units{lead[区委组织部] resp[区委宣传部,区人力社保局]}", ""},
    // A labelled list whose clauses give their roles with verbs: the verbs decide.
    {"（责任单位：区发改委牵头，区财政局、各街道（镇）政府配合）",
     "units{lead[区发改委] resp[区财政局,各街道（镇）政府]}", ""},
    {"（责任单位：区财政局、区科协按职责分工负责）", "units{lead[] resp[区财政局,区科协]}", ""},
    {"（牵头单位：区科协负责）", "units{lead[区科协] resp[]}", ""},
    // 由X会同Y、Z负责落实: X leads, Y and Z are responsible.
    {"由区医保局会同区卫健委、区财政局负责落实。", "units{lead[区医保局] resp[区卫健委,区财政局]}", ""},
    // A name with a bracketed alias is one name.
    {"〔牵头单位：区委统战部（区民族宗教委），责任单位：区科协〕",
     "units{lead[区委统战部（区民族宗教委）] resp[区科协]}", ""},
    {"（区规划自然资源局（地震局）、区科协）",
     "units{lead[] resp[区规划自然资源局（地震局）,区科协]}", ""},
    // Bare lists: all responsible; 等 closes an open list.
    {"(市科协、市教委等)", "units{lead[] resp[市科协,市教委] open}", ""},
    {"（区教委、区科协等相关单位）", "units{lead[] resp[区教委,区科协] open}", ""},
    {"（区科协）", "units{lead[] resp[区科协]}", ""},
    {"（县委宣传部、县融媒体中心）", "units{lead[] resp[县委宣传部,县融媒体中心]}", ""},
    {"（区科协、区科协）", "units{lead[] resp[区科协]}", ""},  // duplicates read once
    // Collective entries are real answers.
    {"（各责任单位）", "units{lead[] resp[各责任单位]}", ""},
    {"（各街道、各乡镇）", "units{lead[] resp[各街道,各乡镇]}", ""},
    // Lists closed by a verb.
    {"（市发展改革委牵头，市财政局等按职责分工负责）",
     "units{lead[市发展改革委] resp[市财政局] open}", ""},
    {"（区科协牵头，区教委、区科技局配合）", "units{lead[区科协] resp[区教委,区科技局]}", ""},
    {"（区科协牵头负责）", "units{lead[区科协] resp[]}", ""},
    // Two offices leading together: 共同 is no part of the last name.
    {"（市统计局、市大数据局共同牵头，市直有关部门配合）",
     "units{lead[市统计局,市大数据局] resp[市直有关部门]}", ""},
    // X负责, then Y with a supporting verb: X is the office in charge (lead).
    {"（县机关事务中心负责，县教育局、县卫健局参与）",
     "units{lead[县机关事务中心] resp[县教育局,县卫健局]}", ""},
    {"（县生态环境局负责，县城管执法局配合）", "units{lead[县生态环境局] resp[县城管执法局]}", ""},
    // X负责、Y参与: a 、 right after the verb joins two clauses, not two names.
    {"（县市场监管局负责、县公安局参与）", "units{lead[县市场监管局] resp[县公安局]}", ""},
    {"（区科协牵头、区教委配合）", "units{lead[区科协] resp[区教委]}", ""},
    // A bureau's own sections (股室) with 科室 role words.
    {"（责任科室：防火股；配合科室：人事股、办公室）", "units{lead[] resp[防火股,人事股,办公室]}", ""},
    {"【牵头科室：规划财务股；协同科室：资源管理股】",
     "units{lead[规划财务股] resp[资源管理股]}", ""},
    // The last sentence, unbracketed, is the annotation in words when it closes with a role verb
    // and names only units; a dash or 由 before the list is no part of the first name.
    {"由县商务局负责。", "units{lead[] resp[县商务局]}", ""},
    {"由县教育局负责，各乡镇人民政府配合。", "units{lead[县教育局] resp[各乡镇人民政府]}", ""},
    {"——县商务局、县工业和信息化局负责", "units{lead[] resp[县商务局,县工业和信息化局]}", ""},
    {"——县教育局牵头，各中小学校具体落实", "units{lead[县教育局] resp[各中小学校]}", ""},
    {"各乡镇要高度重视，县教育局负责。", "none", ""},
    {"切实抓好落实。", "none", ""},
    // 负责 with no supporting list, or after the supporting one, is no lead.
    {"（县教育局、县卫健局负责）", "units{lead[] resp[县教育局,县卫健局]}", ""},
    {"（县教育局配合，县卫健局负责）", "units{lead[] resp[县教育局,县卫健局]}", ""},
    {"（区政府办、区发展改革委、区财政局等按职责分工负责）",
     "units{lead[] resp[区政府办,区发展改革委,区财政局] open}", ""},
    // The annotation's own note that its first unit leads: no unit; the list opens with the lead.
    {"（责任单位：市林业局、市住建局、各镇人民政府，排第一位的为牵头单位）",
     "units{lead[市林业局] resp[市住建局,各镇人民政府]}", ""},
    {"（责任单位：市林业局，排第一位的为牵头单位）", "units{lead[市林业局] resp[]}", ""},
    {"（牵头单位：市林长办；责任单位：市检察院，排第一位的为牵头单位）",
     "units{lead[市林长办] resp[市检察院]}", ""},
    // A closing 。 after the bracket.
    {"〔牵头单位：区科协〕。", "units{lead[区科协] resp[]}", ""},
    // Mismatched and unclosed brackets are read, and reported.
    {"〔牵头单位：区科协，责任单位：区教委）", "units{lead[区科协] resp[区教委]}",
     "unmatched-bracket"},
    {"（牵头单位：区科协，责任单位：区教委〕", "units{lead[区科协] resp[区教委]}",
     "unmatched-bracket"},
    {"〔牵头单位：区科协，责任单位：区教委", "units{lead[区科协] resp[区教委]}",
     "unclosed-annotation"},
    // Trailing brackets that are not units.
    {"（2021—2025年）", "none", ""},
    {"（所、站）", "none", ""},
    {"（试行）", "none", ""},
    {"（征求意见稿）", "none", ""},
    {"（2025年底前完成）", "none", ""},
    {"（见附件）", "none", ""},
    {"（以下简称“三长”）", "none", ""},
    {"", "none", ""},
};

TEST_CASE("FindTrailingAnnotation") {
  for (const Case& row : kCases) {
    CAPTURE(row.annotation);
    std::string text = std::string(kTaskText) + std::string(row.annotation);
    Passage passage = PassageOf(text, 7);
    Diagnostics diagnostics;
    std::optional<Annotation> found = FindTrailingAnnotation(passage, TestRules(), &diagnostics);
    CHECK((found ? found->units.Dump() : std::string("none")) == row.expected);
    // The annotation starts at its bracket, right after the task's own text.
    if (found) CHECK(found->begin == Fold(kTaskText).size());

    if (row.warning.empty()) {
      CHECK(diagnostics.warnings().empty());
    } else {
      REQUIRE(diagnostics.warnings().size() == 1);
      CHECK(WarningCodeName(diagnostics.warnings()[0].code) == row.warning);
      CHECK(diagnostics.warnings()[0].line == 7);
    }
  }
}

TEST_CASE("FindTrailingAnnotation: an unmatched bracket names both brackets") {
  Diagnostics diagnostics;
  Passage passage = PassageOf("开展科普活动。〔牵头单位：区科协）", 12);
  std::optional<Annotation> found = FindTrailingAnnotation(passage, TestRules(), &diagnostics);
  REQUIRE(found.has_value());
  REQUIRE(diagnostics.warnings().size() == 1);
  const Warning& warning = diagnostics.warnings()[0];
  CHECK(warning.code == WarningCode::kUnmatchedBracket);
  CHECK(warning.line == 12);
  CHECK(warning.message == "unit annotation opens with 〔 and closes with ）");
}

TEST_CASE("FindTrailingAnnotation: the annotation's line in a passage of two lines") {
  // The task text wraps; the annotation is on the second line, so that is where a warning points.
  Line first;
  first.number = 3;
  first.text = "开展科普活动，组织科技工作者走进基层。";
  Line second;
  second.number = 4;
  second.text = "〔牵头单位：区科协，责任单位：区教委）";
  Passage passage = Passage::FromLine(first);
  passage.Append(second);
  Diagnostics diagnostics;
  std::optional<Annotation> found = FindTrailingAnnotation(passage, TestRules(), &diagnostics);
  REQUIRE(found.has_value());
  CHECK(passage.PrintedRange(0, found->begin) == first.text);
  REQUIRE(diagnostics.warnings().size() == 1);
  CHECK(diagnostics.warnings()[0].line == 4);
}

TEST_CASE("ReadAnnotation: a standalone annotation paragraph, brackets optional") {
  struct ReadCase {
    std::string_view text;
    std::string_view expected;
  };
  const ReadCase cases[] = {
      {"〔牵头单位：区科协；责任单位：区教委〕", "units{lead[区科协] resp[区教委]}"},
      {"牵头单位：区科协；责任单位：区教委、区财政局",
       "units{lead[区科协] resp[区教委,区财政局]}"},
      {"责任单位：各成员单位。", "units{lead[] resp[各成员单位]}"},
      {"（区科协牵头，各街道配合）", "units{lead[区科协] resp[各街道]}"},
      {"加强组织领导，明确责任分工。", "none"},
      // the short label 责任 (no 单位) names the one list, as 牵头 / 配合 do
      {"（责任：省文化和旅游厅、省体育局）", "units{lead[] resp[省文化和旅游厅,省体育局]}"},
      // a range of item labels leads into a group annotation: no part of the first name
      {"（一）至（四）项由市纪委监委牵头，市委组织部按职责分工负责。",
       "units{lead[市纪委监委] resp[市委组织部]}"},
  };
  for (const ReadCase& row : cases) {
    CAPTURE(row.text);
    Diagnostics diagnostics;
    std::optional<UnitList> units = ReadAnnotation(PassageOf(row.text), TestRules(), &diagnostics);
    CHECK((units ? units->Dump() : std::string("none")) == row.expected);
  }
}

// A cell built the way the table parsers build it: one passage per printed line.
Cell CellOf(const std::vector<std::string>& lines, int first_line = 10) {
  Cell cell;
  int number = first_line;
  for (const std::string& text : lines) {
    Line line;
    line.number = number++;
    line.text = text;
    Passage passage = Passage::FromLine(line);
    cell.text.Append(passage);
    cell.lines.push_back(passage);
  }
  return cell;
}

TEST_CASE("ReadAnnotation: a group annotation's lead-in (以上第4—6项由…) is no part of a name") {
  Diagnostics diagnostics;
  std::optional<UnitList> units = ReadAnnotation(
      PassageOf("（以上第4—6项由市生态环境局牵头，市住房城乡建设局、市水利局按职责分工负责）"),
      TestRules(), &diagnostics);
  REQUIRE(units.has_value());
  CHECK(units->Dump() == "units{lead[市生态环境局] resp[市住房城乡建设局,市水利局]}");
}

// Units first, then a colon, then the work: the roles read like an annotation's.
TEST_CASE("UnitsBeforeColon: a task that opens with its units") {
  auto dump = [](std::string_view text) {
    std::optional<UnitList> units = UnitsBeforeColon(PassageOf(text), TestRules());
    return units ? units->Dump() : std::string("none");
  };
  CHECK(dump("区发改局牵头，区财政局、区住建局配合：加快项目建设。") ==
        "units{lead[区发改局] resp[区财政局,区住建局]}");
  CHECK(dump("区水利局、区应急局按职责分工负责：提升防汛能力") == "units{lead[] resp[区水利局,区应急局]}");
  CHECK(dump("各乡镇（街道）负责：落实河长制。") == "units{lead[] resp[各乡镇（街道）]}");
  CHECK(dump("区水利局牵头：推进数字化建设。") == "units{lead[区水利局] resp[]}");
  // No verb, or names that are no organisations, or a colon after the first sentence: none.
  CHECK(dump("工作目标：新建水库2座。") == "none");
  // A list with no verb before the colon: responsible units, when every name is one.
  CHECK(dump("机关工委、组织部：要以党的政治建设为统领，开展学习。") ==
        "units{lead[] resp[机关工委,组织部]}");
  CHECK(dump("责任单位：区科协。") == "none");
  CHECK(dump("具体措施：开展学习。") == "none");
  CHECK(dump("坚持问题导向牵头：推进改革。") == "none");
  CHECK(dump("加快建设。区水利局负责：推进。") == "none");
}

TEST_CASE("UnitsInRunningText: a clause that opens with organisations and a role verb") {
  struct Row {
    std::string_view text;
    std::string_view dump;
  };
  const std::vector<Row> rows = {
      {"县司法局牵头开展行政执法质量提升行动。", "units{lead[县司法局] resp[]}"},
      {"各乡镇人民政府、街道办事处负责统筹辖区工作。区科协统筹牵头实施全民科学素质行动，"
       "各乡镇人民政府（街道办事处）要落实专门机构负责实施。",
       "units{lead[区科协] resp[各乡镇人民政府,街道办事处]}"},
      {"由区教委具体负责，区财政局负责保障经费。", "units{lead[] resp[区教委,区财政局]}"},
      // A modal between the list and its verb (X要牵头) is no part of the name.
      {"市民政局要牵头推进养老服务网络建设。", "units{lead[市民政局] resp[]}"},
      // 由X会同Y、Z<verb>: X leads, Y and Z are responsible; the list ends at the clause's verb.
      {"深化改革。由市公安局会同市发改委、市妇联研究制定配套政策。",
       "units{lead[市公安局] resp[市发改委,市妇联]}"},
      {"区教育局要会同区财政局加强督查，每年开展检查1次。",
       "units{lead[区教育局] resp[区财政局]}"},
      {"各部门要会同有关方面研究制定细则。", "units{lead[] resp[]}"},
      // Not lists of organisations: a sentence's subject, a clause with the verb later on.
      {"建立完善协调机制，加强督促检查，区科协发挥综合协调作用。", "units{lead[] resp[]}"},
      {"各地要落实专门机构负责实施。", "units{lead[] resp[]}"},
      {"充分发挥企业牵头作用，支持企业负责人参与。", "units{lead[] resp[]}"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    CHECK(UnitsInRunningText(PassageOf(row.text), TestRules()).Dump() == row.dump);
  }
}

TEST_CASE("SplitUnitCell") {
  struct CellCase {
    std::vector<std::string> lines;
    std::vector<std::string> expected;
    bool open;
  };
  const CellCase cases[] = {
      // A merged cell the extraction printed twice.
      {{"区农业农村委", "区科协", "区农业农村委", "区科协"}, {"区农业农村委", "区科协"}, false},
      {{"区委办", "区政府办"}, {"区委办", "区政府办"}, false},
      {{"县教育局、县科经局、团县委、县科协"}, {"县教育局", "县科经局", "团县委", "县科协"}, false},
      {{"区教委、区科协等"}, {"区教委", "区科协"}, true},
      {{"区委统战部（区民族宗教委）、区科协"}, {"区委统战部（区民族宗教委）", "区科协"}, false},
      {{"区发改委，区财政局；区科协"}, {"区发改委", "区财政局", "区科协"}, false},
      {{}, {}, false},
  };
  for (const CellCase& row : cases) {
    CAPTURE(row.lines.size());
    CAPTURE(row.lines.empty() ? std::string() : row.lines.front());
    bool open = false;
    CHECK(SplitUnitCell(CellOf(row.lines), TestRules(), &open) == row.expected);
    CHECK(open == row.open);
  }
}

TEST_CASE("AppendUnique compares the folded names") {
  std::vector<std::string> list = {"区科协"};
  AppendUnique({"区科协", "区教委", "区 教委", "区教委"}, &list);
  CHECK(list == std::vector<std::string>{"区科协", "区教委"});
}

TEST_CASE("UnitList::Dump") {
  UnitList units;
  CHECK(units.empty());
  CHECK(units.Dump() == "units{lead[] resp[]}");
  units.lead = {"区科协"};
  units.responsible = {"区教委", "区财政局"};
  units.open_list = true;
  CHECK_FALSE(units.empty());
  CHECK(units.Dump() == "units{lead[区科协] resp[区教委,区财政局] open}");
}

// Regressions: each case once failed.

std::string TrailingDump(std::string_view annotation) {
  Passage passage = PassageOf(std::string(kTaskText) + std::string(annotation));
  Diagnostics diagnostics;
  std::optional<Annotation> found = FindTrailingAnnotation(passage, TestRules(), &diagnostics);
  return found ? found->units.Dump() : "none";
}

// Regression: the folded view drops a space between two CJK names, so list separators never saw
// it and the names stayed one.
struct LeadingCase {
  std::string_view text;
  std::string_view expected;  // UnitList::Dump() and the text after the annotation, or "none"
};

constexpr LeadingCase kLeadingCases[] = {
    {"【牵头单位】市公安局【配合单位】市交通运输委、市城市管理局 加强夜间巡逻，新增车位5000个。",
     "units{lead[市公安局] resp[市交通运输委,市城市管理局]} 加强夜间巡逻，新增车位5000个。"},
    {"【牵头单位】市政府办公厅（市大数据发展局）【配合单位】国网某市电力公司 建设监测平台。",
     "units{lead[市政府办公厅（市大数据发展局）] resp[国网某市电力公司]} 建设监测平台。"},
    {"【责任单位】区科协，开展科普活动。", "units{lead[] resp[区科协]} 开展科普活动。"},
    // A bracket that holds no label, or a list that is no unit, opens no annotation.
    {"【重点】加强夜间巡逻，新增车位。", "none"},
    {"【牵头单位】加强夜间巡逻，新增车位。", "none"},
    {"加强夜间巡逻【牵头单位】市公安局 新增车位。", "none"},
};

TEST_CASE("FindLeadingAnnotation: labels in 【】 that open the item") {
  for (const LeadingCase& row : kLeadingCases) {
    CAPTURE(row.text);
    Passage text = PassageOf(row.text);
    std::optional<Annotation> found = FindLeadingAnnotation(text, TestRules());
    std::string got = found ? found->units.Dump() + " " +
                                  text.PrintedRange(found->text_begin, found->begin)
                            : "none";
    CHECK(got == row.expected);
  }
}

TEST_CASE("FindTrailingAnnotation: names separated by spaces") {
  CHECK(TrailingDump("（区科协 区教委 区科技局）") == "units{lead[] resp[区科协,区教委,区科技局]}");
  CHECK(TrailingDump("（区科协　区教委）") == "units{lead[] resp[区科协,区教委]}");
}

// Regression: the same in table cells.
TEST_CASE("SplitUnitCell: names separated by spaces") {
  bool open = false;
  CHECK(SplitUnitCell(CellOf({"区科协 区教委"}), TestRules(), &open) ==
        std::vector<std::string>{"区科协", "区教委"});
}

// Regression: a list passes when most names read as units; a time limit or a deadline in it was
// kept as a unit.
TEST_CASE("FindTrailingAnnotation: non-unit entries of a unit list are dropped") {
  CHECK(TrailingDump("（牵头单位：区科协；责任单位：区教委；完成时限：2022年12月底）") ==
        "units{lead[区科协] resp[区教委]}");
  CHECK(TrailingDump("（区科协、区教委，2025年底前）") == "units{lead[] resp[区科协,区教委]}");
  // One unit and a time label: the label is left out of the count that decides the list.
  CHECK(TrailingDump("（责任单位：省交通运输厅；完成时限：2024年底前）") ==
        "units{lead[] resp[省交通运输厅]}");
  CHECK(TrailingDump("（责任单位：市公安局；完成时限：长期坚持）") == "units{lead[] resp[市公安局]}");
  // Nothing but a date or a period is still no annotation.
  CHECK(TrailingDump("（2021—2025年）") == "none");
  CHECK(TrailingDump("（完成时限：2024年底前）") == "none");
}

// A supervising office is no unit of the task: 督办单位：… ends the list before it.
TEST_CASE("FindTrailingAnnotation: a 督办单位 list names no unit") {
  CHECK(TrailingDump("（责任单位：各镇（街道），区级有关部门；督办单位：区督查室）") ==
        "units{lead[] resp[各镇（街道）,区级有关部门]}");
  CHECK(TrailingDump("（牵头单位：区信访办；责任单位：区民政局；督办单位：区委督查室、区政府督查室）") ==
        "units{lead[区信访办] resp[区民政局]}");
}

// An annotation printed as the item's last sentence, no bracket: "…。配合单位：X、Y。". A last
// sentence that only mentions a label further in is text.
TEST_CASE("FindTrailingAnnotation: a last sentence that opens with a label") {
  CHECK(TrailingDump("配合单位：市发改委、市财政局，各区县（市）人民政府。") ==
        "units{lead[] resp[市发改委,市财政局,各区县（市）人民政府]}");
  CHECK(TrailingDump("牵头单位：市住建局；配合单位：市城管局等。") ==
        "units{lead[市住建局] resp[市城管局] open}");
  CHECK(TrailingDump("明确各配合单位：职责分工。") == "none");
  CHECK(TrailingDump("全年公开信息不少于12批次。") == "none");
}

TEST_CASE("HeadingLead: a heading that is a list of organisations closed by a lead verb") {
  struct Row {
    std::string_view heading;
    std::vector<std::string> lead;
  };
  const Row rows[] = {
      {"市住房和城乡建设局牵头（共5项）", {"市住房和城乡建设局"}},
      {"各区县（市）人民政府牵头（共3项）", {"各区县（市）人民政府"}},
      {"市财政局、市税务局牵头", {"市财政局", "市税务局"}},
      // A heading that names a task, or an annotation that is no lead, gives none.
      {"加强组织领导", {}},
      {"推进部门协同联动牵头", {}},
      {"市财政局负责（共2项）", {}},
  };
  for (const Row& row : rows) {
    CAPTURE(row.heading);
    CHECK(HeadingLead(PassageOf(row.heading), TestRules()) == row.lead);
  }
}

// Regression: the 由 of "由X负责" stayed on the name.
TEST_CASE("FindTrailingAnnotation: 由X负责") {
  CHECK(TrailingDump("（由区科协负责）") == "units{lead[] resp[区科协]}");
}

// Regression: of two annotations in a row, lead then responsible, the first was lost and stayed
// in the task text.
TEST_CASE("FindTrailingAnnotation: a lead annotation followed by a responsible one") {
  Passage passage = PassageOf(std::string(kTaskText) + "〔牵头单位：区科协〕〔责任单位：区教委〕");
  Diagnostics diagnostics;
  std::optional<Annotation> found = FindTrailingAnnotation(passage, TestRules(), &diagnostics);
  REQUIRE(found.has_value());
  CHECK(found->units.Dump() == "units{lead[区科协] resp[区教委]}");
  CHECK(found->begin == Fold(kTaskText).size());
}

}  // namespace
}  // namespace fengong
