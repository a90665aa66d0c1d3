#include "pipeline.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "test_rules.h"

namespace fengong {
namespace {

Document Parse(std::string_view bytes) {
  ParseOptions options;
  Result<Document> result = ParseDocument(bytes, TestRules(), options);
  INFO(result.status().ToString());
  REQUIRE(result.ok());
  return result.value();
}

std::vector<std::string> TaskDumps(const Document& document) {
  std::vector<std::string> dumps;
  for (const Task& task : document.tasks) dumps.push_back(task.Dump());
  return dumps;
}

bool HasWarning(const Document& document, WarningCode code) {
  for (const Warning& warning : document.warnings) {
    if (warning.code == code) return true;
  }
  return false;
}

constexpr std::string_view kNumberedItems =
    "某区全民科学素质行动实施方案\n"
    "一、重点任务\n"
    "1.开展科普进校园活动。组织科技工作者走进中小学开展科普讲座。"
    "〔牵头单位：区教委，责任单位：区科协、团区委〕\n"
    "2.建设社区科普阵地。在每个街道建设科普活动室。（牵头单位：区科协；配合单位：各街道）\n"
    "3.培育高素质农民。每年开展农民教育培训。（区农业农村委牵头，区科协等按职责分工负责）\n";

TEST_CASE("ParseDocument: numbered items with inline annotations") {
  Document document = Parse(kNumberedItems);
  CHECK(document.source.layout == "numbered-items");
  CHECK(TaskDumps(document) == std::vector<std::string>{
                                   "task{1.1 lead[区教委] resp[区科协,团区委]}",
                                   "task{1.2 lead[区科协] resp[各街道]}",
                                   "task{1.3 lead[区农业农村委] resp[区科协] open}",
                               });
  REQUIRE(document.tasks.size() == 3);
  const Task& first = document.tasks[0];
  REQUIRE(first.title.has_value());
  CHECK(*first.title == "开展科普进校园活动");
  // The annotation is cut from the task's text.
  CHECK(first.text == "组织科技工作者走进中小学开展科普讲座。");
  CHECK(first.path == std::vector<std::string>{"重点任务"});
  CHECK(first.first_line == 3);
  REQUIRE(document.meta.title.has_value());
  CHECK(*document.meta.title == "某区全民科学素质行动实施方案");
  CHECK(document.source.encoding == "UTF-8");
  CHECK(document.source.path == "-");
  CHECK(document.source.sha256.size() == 64);
  CHECK_FALSE(HasWarning(document, WarningCode::kNoTasks));
  // The unit index names each unit once, with the tasks that name it.
  bool found = false;
  for (const UnitEntry& unit : document.units) {
    if (unit.name != "区科协") continue;
    found = true;
    CHECK(unit.tasks == std::vector<std::string>{"1.1", "1.2", "1.3"});
  }
  CHECK(found);
}

// Units on lines of their own after the item: 牵头单位 and 责任单位 on two lines are one
// annotation, and after the last item they are no signature (牵头单位：市市场监管局 ends like an
// issuing office).
TEST_CASE("ParseDocument: label lines after an item, also after the last one") {
  Document document = Parse(
      "某市市场监管工作要点\n一、重点工作\n"
      "1.守牢特种设备安全底线。开展隐患排查整治。\n牵头单位：市市场监管局\n责任单位：市住房城乡建设局\n"
      "2.加强计量。开展计量服务。\n\n牵头单位：市市场监管局\n\n责任单位：市商务局、市经济信息委\n");
  CHECK(TaskDumps(document) == std::vector<std::string>{
                                   "task{1.1 lead[市市场监管局] resp[市住房城乡建设局]}",
                                   "task{1.2 lead[市市场监管局] resp[市商务局,市经济信息委]}",
                               });
  CHECK_FALSE(document.meta.issuer.has_value());
}

// An item that ends with its annotation is closed: the issuer and date after the last one are
// the signature, not its text. 落实 closes a list like 负责.
TEST_CASE("ParseDocument: the last item's annotation, then the signature") {
  Document document = Parse(
      "江西省科技创新实施意见\n一、重点任务\n"
      "（1）推进建设。提高到75%。（省大数据局牵头，各设区市人民政府落实）\n"
      "（2）加强宣传。开展科普活动。（省委宣传部、省科协负责）\n江西省人民政府\n2024年5月20日\n");
  CHECK(TaskDumps(document) == std::vector<std::string>{
                                   "task{1.1 lead[省大数据局] resp[各设区市人民政府] target{=75 %}}",
                                   "task{1.2 lead[] resp[省委宣传部,省科协]}",
                               });
  REQUIRE(document.meta.issuer.has_value());
  CHECK(*document.meta.issuer == "江西省人民政府");
  CHECK(document.meta.date == std::optional<std::string>("2024-05-20"));
  REQUIRE(document.tasks.size() == 2);
  CHECK(document.tasks[1].text == "开展科普活动。");
}

TEST_CASE("ParseDocument: a cell table, merged unit cells carried down") {
  Document document = Parse(
      "附件\n"
      "重点任务责任分工表\n"
      "\n"
      "\t序号\n"
      "\t任务内容\n"
      "\t牵头单位\n"
      "\t责任单位\n"
      "\n"
      "\t1\n"
      "\t开展科普进校园活动。\n"
      "\t区教委\n"
      "\t区科协\n"
      "\n"
      "\t2\n"
      "\t建设社区科普阵地。\n"
      "\t\n"
      "\t区民政局\n");
  CHECK(document.source.layout == "cell-table");
  CHECK(TaskDumps(document) == std::vector<std::string>{
                                   "task{1 lead[区教委] resp[区科协]}",
                                   "task{2 lead[区教委] resp[区民政局]}",
                               });
  REQUIRE(document.tasks.size() == 2);
  CHECK(document.tasks[1].text == "建设社区科普阵地。");
  REQUIRE(document.tasks[1].number.has_value());
  CHECK(*document.tasks[1].number == "2");
}

TEST_CASE("ParseDocument: a cell table whose 类别 header spans two category columns") {
  // The header prints 5 cells, the rows 6: 类别 covers a level-1 and a level-2 category. Empty
  // cells are vertical merges: path, lead and responsible carry down, task text does not.
  Document document = Parse(
      "\t序号\n\t类别\n\t任务内容\n\t牵头单位\n\t责任单位\n"
      "\n"
      "\t1\n"
      "\t一、\n"
      "健全“两大制度”，持续推进建设\n"
      "\t健全组织领导制度\n"
      "\t深入贯彻落实科普工作要求。\n"
      "\t区委办\n"
      "区政府办\n"
      "\t区委宣传部\n"
      "区科协\n"
      "\n"
      "\t2\n\t\n\t\n\t把科学素质建设纳入总体规划。\n\t\n\t\n"
      "\n"
      "\t3\n\t\n\t健全科普工作制度\n\t建立联席会议制度。\n\t区科协\n\t区科技局\n");
  CHECK(document.source.layout == "cell-table");
  CHECK(TaskDumps(document) == std::vector<std::string>{
                                   "task{1 lead[区委办,区政府办] resp[区委宣传部,区科协]}",
                                   "task{2 lead[区委办,区政府办] resp[区委宣传部,区科协]}",
                                   "task{3 lead[区科协] resp[区科技局]}",
                               });
  REQUIRE(document.tasks.size() == 3);
  // The level-1 cell's marker "一、" goes; its two printed lines join.
  CHECK(document.tasks[1].path ==
        std::vector<std::string>{"健全“两大制度”，持续推进建设", "健全组织领导制度"});
  CHECK(document.tasks[1].text == "把科学素质建设纳入总体规划。");
  CHECK_FALSE(document.tasks[1].title.has_value());
  CHECK(document.tasks[2].path ==
        std::vector<std::string>{"健全“两大制度”，持续推进建设", "健全科普工作制度"});
}

TEST_CASE("ParseDocument: a TSV table, an empty first column continues the category") {
  Document document = Parse(
      "科普工作任务分工表\n"
      "类别\t任务内容\t牵头单位\t责任单位\n"
      "青少年科学素质提升行动\t开展科普进校园活动。\t区教委\t区科协、团区委\n"
      "\t组织青少年科技竞赛。\t区科协\t区教委\n"
      "农民科学素质提升行动\t培训高素质农民。\t区农业农村委\t区科协\n");
  CHECK(document.source.layout == "tsv-table");
  REQUIRE(document.tasks.size() == 3);
  CHECK(document.tasks[0].lead == std::vector<std::string>{"区教委"});
  CHECK(document.tasks[0].responsible == std::vector<std::string>{"区科协", "团区委"});
  CHECK(document.tasks[1].path == std::vector<std::string>{"青少年科学素质提升行动"});
  CHECK(document.tasks[1].lead == std::vector<std::string>{"区科协"});
  CHECK(document.tasks[2].path == std::vector<std::string>{"农民科学素质提升行动"});
  CHECK(document.tasks[2].text == "培训高素质农民。");
  // Ids are unique even though the table prints no numbers.
  CHECK(document.tasks[0].id != document.tasks[1].id);
  CHECK(document.tasks[1].id != document.tasks[2].id);
}

constexpr std::string_view kProseWithAppendix =
    "某区全民科学素质行动实施方案\n"
    "一、重点任务\n"
    "（一）实施青少年科学素质提升行动\n"
    "1.培养青少年科学精神。将弘扬科学精神贯穿于育人全链条。\n"
    "2.开展青少年科技活动。深化馆校合作。\n"
    "（二）实施农民科学素质提升行动\n"
    "3.培育高素质现代农民。每年开展农民教育培训。\n"
    "附件\n"
    "重点任务分工表\n"
    "重点任务\t牵头单位\t责任单位\n"
    // The appendix names the sections a little differently from the body's headings.
    "青少年科学素质提升行动\t区教委\t区科协、团区委\n"
    "实施农民科学素养提升行动\t区农业农村委\t区科协\n";

TEST_CASE("ParseDocument: prose with an appendix table linked by heading text") {
  Document document = Parse(kProseWithAppendix);
  CHECK(document.source.layout == "prose+table");
  CHECK(TaskDumps(document) == std::vector<std::string>{
                                   "task{1.1.1 lead[区教委] resp[区科协,团区委]}",
                                   "task{1.1.2 lead[区教委] resp[区科协,团区委]}",
                                   "task{1.2.3 lead[区农业农村委] resp[区科协]}",
                               });
  CHECK_FALSE(HasWarning(document, WarningCode::kUnlinkedTableRow));
  CHECK_FALSE(HasWarning(document, WarningCode::kUnitsNotFound));
}

TEST_CASE("ParseDocument: bytes that are no text document") {
  struct BadCase {
    std::string_view name;
    std::string_view bytes;
  };
  const BadCase cases[] = {
      {"empty", ""},
      {"a PDF", "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n"},
      {"a DOCX", std::string_view("PK\x03\x04\x14\x00", 6)},
      {"whitespace only", " \n\t\n\xE3\x80\x80\n"},
      {"binary", std::string_view("abc\0def", 7)},
  };
  for (const BadCase& row : cases) {
    CAPTURE(row.name);
    Result<Document> result = ParseDocument(row.bytes, TestRules(), ParseOptions());
    CHECK_FALSE(result.ok());
    CHECK(result.status().code() == Status::Code::kNotText);
  }
}

TEST_CASE("ParseDocument: a failure names the source path") {
  ParseOptions options;
  options.source_path = "in/plan.pdf";
  Result<Document> result = ParseDocument("%PDF-1.7", TestRules(), options);
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().ToString().find("in/plan.pdf") != std::string::npos);
}

TEST_CASE("ParseDocument: text with no tasks is no failure but warns") {
  Document document = Parse("这是一段没有编号也没有表格的文字。\n");
  CHECK(document.tasks.empty());
  CHECK(HasWarning(document, WarningCode::kNoTasks));
}

std::string WithCrlf(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

// Everything a task holds that the line ends or a BOM could disturb.
std::vector<std::string> TaskContents(const Document& document) {
  std::vector<std::string> contents;
  for (const Task& task : document.tasks) {
    contents.push_back(task.Dump() + " | " + task.title.value_or("-") + " | " + task.text + " | " +
                       std::to_string(task.first_line) + "-" + std::to_string(task.last_line));
  }
  return contents;
}

TEST_CASE("ParseDocument: CRLF line ends and a UTF-8 BOM give the same tasks as LF") {
  for (std::string_view input : {kNumberedItems, kProseWithAppendix}) {
    CAPTURE(input);
    Document lf = Parse(input);
    Document crlf = Parse(WithCrlf(input));
    Document bom = Parse("\xEF\xBB\xBF" + std::string(input));
    Document both = Parse("\xEF\xBB\xBF" + WithCrlf(input));
    REQUIRE_FALSE(lf.tasks.empty());
    CHECK(TaskContents(crlf) == TaskContents(lf));
    CHECK(TaskContents(bom) == TaskContents(lf));
    CHECK(TaskContents(both) == TaskContents(lf));
    CHECK(crlf.source.layout == lf.source.layout);
    CHECK(bom.source.layout == lf.source.layout);
    CHECK(bom.source.encoding == "UTF-8");
    CHECK(bom.meta.title == lf.meta.title);
    // The hash is of the bytes as given, so it tells the variants apart.
    CHECK(crlf.source.sha256 != lf.source.sha256);
  }
}

TEST_CASE("ParseDocument: a cell table with CRLF line ends") {
  // A CRLF cell table is the risky case: "\t\r" must still read as an empty (merged) cell.
  std::string input = WithCrlf(
      "\t序号\n\t任务内容\n\t牵头单位\n\t责任单位\n\n"
      "\t1\n\t开展科普进校园活动。\n\t区教委\n\t区科协\n\n"
      "\t2\n\t建设社区科普阵地。\n\t\n\t区民政局\n");
  Document document = Parse(input);
  CHECK(document.source.layout == "cell-table");
  CHECK(TaskDumps(document) == std::vector<std::string>{
                                   "task{1 lead[区教委] resp[区科协]}",
                                   "task{2 lead[区教委] resp[区民政局]}",
                               });
}

TEST_CASE("ParseDocument: GB18030 bytes give the same tasks as UTF-8") {
  // "一、重点任务\n1.开展科普活动。组织讲座。（区科协）\n" in GB18030.
  const std::string gb =
      "\xD2\xBB\xA1\xA2\xD6\xD8\xB5\xE3\xC8\xCE\xCE\xF1\n"
      "1.\xBF\xAA\xD5\xB9\xBF\xC6\xC6\xD5\xBB\xEE\xB6\xAF\xA1\xA3\xD7\xE9\xD6\xAF\xBD\xB2\xD7\xF9"
      "\xA1\xA3\xA3\xA8\xC7\xF8\xBF\xC6\xD0\xAD\xA3\xA9\n";
  Document gb_document = Parse(gb);
  Document utf8_document = Parse("一、重点任务\n1.开展科普活动。组织讲座。（区科协）\n");
  CHECK(gb_document.source.encoding == "GB18030");
  CHECK(TaskContents(gb_document) == TaskContents(utf8_document));
  CHECK(TaskDumps(gb_document) == std::vector<std::string>{"task{1.1 lead[] resp[区科协]}"});
}

TEST_CASE("ParseDocument: the misnumbered top heading is repaired and reported") {
  Document document = Parse(
      "某区全民科学素质行动实施方案\n"
      "1、 总体要求\n"
      "（一）工作目标\n"
      "到2025年，全区公民具备科学素质的比例超过18%。\n"
      "二、重点任务\n"
      "1.开展科普活动。组织讲座。（区科协）\n");
  REQUIRE(document.tasks.size() == 1);
  CHECK(document.tasks[0].id == "2.1");
  CHECK(HasWarning(document, WarningCode::kMisnumberedHeading));
}

constexpr std::string_view kBoxTable =
    "┌────┬──────────┬────────┬────────┐\n"
    "│序号│任务内容  │牵头单位│责任单位│\n"
    "├────┼──────────┼────────┼────────┤\n"
    "│1   │开展科普  │区科协  │区教委  │\n"
    "│    │活动。    │        │        │\n"
    "├────┼──────────┼────────┼────────┤\n"
    "│2   │建设基地。│区教委  │区科协  │\n"
    "└────┴──────────┴────────┴────────┘\n";

TEST_CASE("ParseDocument: a box-drawn table") {
  Document document = Parse(kBoxTable);
  CHECK(TaskDumps(document) == std::vector<std::string>{
                                   "task{1 lead[区科协] resp[区教委]}",
                                   "task{2 lead[区教委] resp[区科协]}",
                               });
  REQUIRE(document.tasks.size() == 2);
  CHECK(document.tasks[0].text == "开展科普活动。");
  CHECK(document.tasks[0].first_line == 4);
  CHECK(document.tasks[0].last_line == 5);
}

bool IsSchemaLayout(const std::string& layout) {
  // ../shared/docs/schema.md: cell-table | tsv-table | prose | numbered-items | prose+table
  for (const char* name : {"cell-table", "tsv-table", "prose", "numbered-items", "prose+table"}) {
    if (layout == name) return true;
  }
  return false;
}

TEST_CASE("ParseDocument: the layout is one of the schema's values") {
  for (std::string_view input : {kNumberedItems, kProseWithAppendix}) {
    CAPTURE(input);
    CHECK(IsSchemaLayout(Parse(input).source.layout));
  }
}

// Regression: a box-drawn table's layout was "box-table", which schema.md does not list.
TEST_CASE("ParseDocument: a box-drawn table's layout is a schema value") {
  CHECK(IsSchemaLayout(Parse(kBoxTable).source.layout));
}

// Regression: an item whose only sentence is followed by its annotation had that sentence read
// as its title (TitleEnd saw the annotation after it), and its text was empty.
TEST_CASE("ParseDocument: an item of one sentence and its annotation keeps its text") {
  Document document = Parse(
      "一、重点任务\n"
      "1.开展科普活动。（区科协）\n"
      "2.建设科普基地。（区教委）\n");
  REQUIRE(document.tasks.size() == 2);
  for (const Task& task : document.tasks) {
    CAPTURE(task.Dump());
    CHECK_FALSE(task.text.empty());
  }
  CHECK(document.tasks[0].text.find("开展科普活动") != std::string::npos);
  CHECK(document.tasks[0].responsible == std::vector<std::string>{"区科协"});
}

// Regression: a heading's unit annotation stayed in the path label of the tasks under it.
TEST_CASE("ParseDocument: a heading's annotation is not part of the path") {
  Document document = Parse(
      "一、重点任务\n"
      "（一）实施青少年科学素质提升行动（牵头单位：区教委；责任单位：区科协）\n"
      "1.开展科普活动。组织讲座。\n"
      "2.建设科普基地。建设活动室。\n");
  REQUIRE(document.tasks.size() == 2);
  CHECK(document.tasks[0].lead == std::vector<std::string>{"区教委"});
  CHECK(document.tasks[0].path ==
        std::vector<std::string>{"重点任务", "实施青少年科学素质提升行动"});
}

}  // namespace
}  // namespace fengong

namespace fengong {
namespace {

// Regression: an issuer and date signed after the body were read as the last task's text (which
// then lost its units), and a date in Chinese numerals was not read at all.
TEST_CASE("ParseDocument: a signature after the body is metadata, not task text") {
  Document document = Parse(
      "某县科普工作要点\n\n"
      "一、重点任务\n"
      "1.开展科普活动不少于10场。（县科协）\n"
      "2.建设科普基地3个。（县教育局）\n\n"
      "某县科学技术协会\n"
      "二〇二三年三月五日\n");
  REQUIRE(document.tasks.size() == 2);
  CHECK(document.tasks[1].Dump() == "task{1.2 lead[] resp[县教育局] target{=3 个}}");
  CHECK(document.tasks[1].text == "建设科普基地3个");
  CHECK(document.meta.issuer == "某县科学技术协会");
  CHECK(document.meta.date == "2023-03-05");
}

// Regression: items of one short sentence with no units were dropped as headings, and the
// figures of a review section were read as goals to reach.
TEST_CASE("ParseDocument: short items are tasks; a review section's figures are baselines") {
  Document document = Parse(
      "2024年某市政府工作报告\n\n"
      "一、2023年工作回顾\n"
      "过去一年，全市地区生产总值增长6.1%，新建学校12所。\n"
      "二、2024年主要目标和重点工作\n"
      "主要预期目标是：地区生产总值增长6%左右。\n"
      "（一）着力扩大有效需求\n"
      "1.全年实施重点项目300个以上。\n"
      "2.新增市场主体2万户\n");
  REQUIRE(document.tasks.size() == 2);
  CHECK(document.tasks[0].Dump() == "task{2.1.1 lead[] resp[] target{>=300 个}}");
  CHECK(document.tasks[1].Dump() == "task{2.1.2 lead[] resp[] target{=20000 户}}");
  REQUIRE(document.goals.size() == 3);
  CHECK(document.goals[0].Dump() == "target{=6.1 % baseline}");
  CHECK(document.goals[1].Dump() == "target{=12 所 baseline}");
  CHECK(document.goals[2].Dump() == "target{=6 % by2024}");
}

}  // namespace
}  // namespace fengong
