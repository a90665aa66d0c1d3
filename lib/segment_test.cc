#include "segment.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "segment_table.h"
#include "test_rules.h"

namespace fengong {
namespace {

Segmented SegmentText(std::string_view text) {
  return Segment(Normalize(text, TestRules()), TestRules());
}

std::vector<std::string> Dumps(const Segmented& segmented) {
  std::vector<std::string> dumps;
  for (const Block& block : segmented.blocks) dumps.push_back(block.Dump());
  return dumps;
}

struct Case {
  const char* name;
  std::string_view input;
  std::vector<std::string> expected;
};

// A table's dump pins its layout, line span, header size, row count and the first row's width.
const Case kCases[] = {
    {"prose paragraphs, one per closed line",
     "一、总体要求\n"
     "为了加强科普工作，制定本方案。\n"
     "\n"
     "二、主要任务\n",
     {"para{1-1 一、总体要求}", "para{2-2 为了加强科普工作,制定本方案。}",
      "para{4-4 二、主要任务}"}},

    {"two closed lines without a blank line stay two paragraphs",
     "开展科普活动。\n"
     "建设科普基地。\n",
     {"para{1-1 开展科普活动。}", "para{2-2 建设科普基地。}"}},

    {"a page break after a long open line is joined back",
     // 34 characters and no closing punctuation: the sentence goes on after the blank line.
     "深入开展科普进校园进社区进农村进企业活动，组织科技工作者走进基层开展\n"
     "\n"
     "科普讲座和咨询服务。\n",
     {"para{1-3 深入开展科普进校园进社区进农村进企业活动,组织科技工作者走进基层开展科普讲座和咨询服务。}"}},

    {"a PDF line wrap (no blank line) is joined too",
     "深入开展科普进校园进社区进农村进企业活动，组织科技工作者走进基层开展\n"
     "科普讲座和咨询服务。\n",
     {"para{1-2 深入开展科普进校园进社区进农村进企业活动,组织科技工作者走进基层开展科普讲座和咨询服务。}"}},

    {"a heading after a long open line is not joined",
     "深入开展科普进校园进社区进农村进企业活动，组织科技工作者走进基层开展\n"
     "\n"
     "二、保障措施\n",
     {"para{1-1 深入开展科普进校园进社区进农村进企业活动,组织科技工作者走进基层开展}",
      "para{3-3 二、保障措施}"}},

    {"a (一) heading or a bracketed annotation is not joined",
     "深入开展科普进校园进社区进农村进企业活动，组织科技工作者走进基层开展\n"
     "（一）加强组织领导\n"
     "深入开展科普进校园进社区进农村进企业活动，组织科技工作者走进基层开展\n"
     "〔牵头单位：区科协〕\n",
     {"para{1-1 深入开展科普进校园进社区进农村进企业活动,组织科技工作者走进基层开展}",
      "para{2-2 (一)加强组织领导}",
      "para{3-3 深入开展科普进校园进社区进农村进企业活动,组织科技工作者走进基层开展}",
      "para{4-4 〔牵头单位:区科协〕}"}},

    {"a line that ends inside a unit annotation goes on, even after its ；",
     "1.强化扬尘污染管控。城区主次干道机械化清扫率达到95%以上。（牵头单位：县住建局；\n"
     "配合单位：县综合执法局、各乡镇人民政府）\n"
     "2.加强移动源污染防治。（牵头单位：县公安局）\n"
     "开展路检路查。\n",
     {"para{1-2 1.强化扬尘污染管控。城区主次干道机械化清扫率达到95%以上。(牵头单位:县住建局;"
      "配合单位:县综合执法局、各乡镇人民政府)}",
      "para{3-3 2.加强移动源污染防治。(牵头单位:县公安局)}", "para{4-4 开展路检路查。}"}},

    {"a line cut after a bracket nested in the annotation still ends inside the annotation",
     "3.推进学校体育场地开放。开放率力争达到80%。（县教育局牵头，县文化和旅游局（县体育局）\n"
     "、县公安局按职责分工负责）\n"
     "（二）广泛开展全民健身活动\n",
     {"para{1-2 3.推进学校体育场地开放。开放率力争达到80%。(县教育局牵头,县文化和旅游局(县体育局)"
      "、县公安局按职责分工负责)}",
      "para{3-3 (二)广泛开展全民健身活动}"}},

    {"a numbering marker alone on its line goes on with the heading a wrap put below it",
     "（三）\n"
     "夯实农田水利基础\n"
     "四、\n"
     "\n"
     "强化统计分析服务\n"
     "（五）\n"
     "1.开展河湖巡查。\n",
     {"para{1-2 (三)夯实农田水利基础}", "para{3-5 四、强化统计分析服务}", "para{6-6 (五)}",
      "para{7-7 1.开展河湖巡查。}"}},

    {"a long title line is closed; a wrapped sentence that breaks after 分工 goes on",
     "关于进一步加快推进全县招商引资工作高质量发展的实施方案\n"
     "二、重点任务\n"
     "围绕精准招商、项目落地、营商环境三个方面，明确9项重点任务，具体分工\n"
     "见下表。\n",
     {"para{1-1 关于进一步加快推进全县招商引资工作高质量发展的实施方案}", "para{2-2 二、重点任务}",
      "para{3-4 围绕精准招商、项目落地、营商环境三个方面,明确9项重点任务,具体分工见下表。}"}},

    {"inside an open annotation a nested bracket, closed or at the next line's start, goes on",
     "12.加强知识产权保护。〔牵头单位：市市场监管局（市知识产权局）；\n"
     "责任单位：市科技局〕\n"
     "3.推进场地开放。（县教育局牵头，县文化广播电视和旅游局\n"
     "（县体育局）、县公安局按职责分工负责）\n"
     "4.开展赛事。（县体育局牵头，\n"
     "（一）加强组织领导\n",
     {"para{1-2 12.加强知识产权保护。〔牵头单位:市市场监管局(市知识产权局);责任单位:市科技局〕}",
      "para{3-4 3.推进场地开放。(县教育局牵头,县文化广播电视和旅游局(县体育局)、县公安局按职责分工负责)}",
      "para{5-5 4.开展赛事。(县体育局牵头,}", "para{6-6 (一)加强组织领导}"}},

    {"a short line without punctuation is a title, not an open paragraph",
     "加强组织领导\n"
     "\n"
     "各部门要高度重视。\n",
     {"para{1-1 加强组织领导}", "para{3-3 各部门要高度重视。}"}},

    {"a long closed line is not joined across a blank line",
     "深入开展科普进校园进社区进农村进企业活动，组织科技工作者走进基层开展讲座。\n"
     "\n"
     "科普讲座和咨询服务要常态化\n",
     {"para{1-1 深入开展科普进校园进社区进农村进企业活动,组织科技工作者走进基层开展讲座。}",
      "para{3-3 科普讲座和咨询服务要常态化}"}},

    {"a page number between two halves of a sentence is skipped",
     "深入开展科普进校园进社区进农村进企业活动，组织科技工作者走进基层开展\n"
     "\n"
     "— 3 —\n"
     "\n"
     "科普讲座和咨询服务。\n",
     {"para{1-5 深入开展科普进校园进社区进农村进企业活动,组织科技工作者走进基层开展科普讲座和咨询服务。}"}},

    {"a 文号 line starts its own paragraph after an open line (a web page's header lines)",
     "发布时间：2024-04-12 09:30　来源：县城市管理和综合执法局　浏览次数：1862\n"
     "湘阴政办发〔2024〕9号\n"
     "各镇人民政府，县直机关各单位：\n",
     {"para{1-1 发布时间:2024-04-12 09:30来源:县城市管理和综合执法局浏览次数:1862}",
      "para{2-2 湘阴政办发〔2024〕9号}", "para{3-3 各镇人民政府,县直机关各单位:}"}},

    {"a cell table: TAB-led cells, blank-line rows, a 5-cell header over 6-cell rows",
     "重点任务分工表\n"
     "\n"
     "\t序号\n"
     "\t类别\n"
     "\t任务内容\n"
     "\t牵头单位\n"
     "\t责任单位\n"
     "\n"
     "\t1\n"
     "\t一、健全制度\n"
     "\t健全组织领导制度\n"
     "\t深入贯彻落实科普工作要求。\n"
     "\t区委办\n"
     "\t区科协\n"
     "\n"
     "\t2\n"
     "\t\n"
     "\t\n"
     "\t把科学素质建设纳入总体规划，\n"
     "\n"
     "列入年度工作计划。\n"
     "\t\n"
     "\t区财政局\n",
     {"para{1-1 重点任务分工表}", "table{cell 3-23 header=5 rows=2 width=6}"}},

    {"a cell table whose row a blank line split between two TAB-led cells",
     "\t序号\n"
     "\t任务内容\n"
     "\t牵头单位\n"
     "\t责任单位\n"
     "\n"
     "\t1\n"
     "\t开展科普活动。\n"
     "\t区科协\n"
     "\t区教委\n"
     "\n"
     "\t2\n"
     "\t建设科普基地。\n"
     "\n"
     "\t区科技局\n"
     "\t区科协\n"
     "\n"
     "\t3\n"
     "\t培训农民。\n"
     "\t区农业农村委\n"
     "\t区科协\n",
     {"table{cell 1-20 header=4 rows=3 width=4}"}},

    {"a TSV table with its header repeated after a page break",
     "科普工作任务分工表\n"
     "类别\t任务内容\t牵头单位\t责任单位\n"
     "青少年\t开展科普进校园活动。\t区教委\t区科协、团区委\n"
     "\t组织青少年科技竞赛。\t区科协\t区教委\n"
     "\n"
     "— 3 —\n"
     "\n"
     "类别\t任务内容\t牵头单位\t责任单位\n"
     "农民\t培训高素质农民。\t区农业农村委\t区科协\n",
     {"para{1-1 科普工作任务分工表}", "table{tsv 2-9 header=4 rows=3 width=4}"}},

    {"a box-drawn table with borders between rows and multi-line cells",
     "┌────┬────────────┬──────────┐\n"
     "│序号│任务内容    │牵头单位  │\n"
     "├────┼────────────┼──────────┤\n"
     "│1   │开展科普    │区科协    │\n"
     "│    │活动。      │          │\n"
     "├────┼────────────┼──────────┤\n"
     "│2   │建设基地。  │区教委    │\n"
     "└────┴────────────┴──────────┘\n",
     {"table{box 1-8 header=3 rows=2 width=3}"}},

    {"an issuer and a date after a blank line do not continue an open unit line",
     "责任单位：区委宣传部、区市场监管局、区教育局、各乡镇（街道）\n"
     "\n"
     "衢州市柯城区食品安全委员会办公室\n"
     "2024年4月2日\n",
     {"para{1-1 责任单位:区委宣传部、区市场监管局、区教育局、各乡镇(街道)}",
      "para{3-3 衢州市柯城区食品安全委员会办公室}", "para{4-4 2024年4月2日}"}},

    {"an annotation whose unit names hold a bracket of their own closes its line",
     "6.加强秸秆综合利用。严防秸秆露天焚烧。（市农业农村局牵头，各县（市、区）人民政府配合）\n"
     "7.推进农膜回收。\n",
     {"para{1-1 6.加强秸秆综合利用。严防秸秆露天焚烧。(市农业农村局牵头,各县(市、区)人民政府配合)}",
      "para{2-2 7.推进农膜回收。}"}},

    {"a back-matter line after a blank line does not continue an open line",
     "责任单位：区委宣传部、区市场监管局、区教育局、各乡镇（街道）\n"
     "\n"
     "联系人：区市场监管局食品科　王磊　　联系电话：0825-2226135\n",
     {"para{1-1 责任单位:区委宣传部、区市场监管局、区教育局、各乡镇(街道)}",
      "para{3-3 联系人:区市场监管局食品科王磊联系电话:0825-2226135}"}},

    {"an issuer right above a date signs the document, blank line or not",
     "责任单位：区委宣传部、区市场监管局、区教育局、各乡镇（街道）\n"
     "衢州市柯城区食品安全委员会办公室\n"
     "2024年4月2日\n",
     {"para{1-1 责任单位:区委宣传部、区市场监管局、区教育局、各乡镇(街道)}",
      "para{2-2 衢州市柯城区食品安全委员会办公室}", "para{3-3 2024年4月2日}"}},

    {"a line that reads like an issuer but is followed by text continues the open line above",
     "责任单位：区委宣传部、区市场监管局、区教育局、各乡镇街道和区卫生健康委员会\n"
     "区教育局\n"
     "2.开展培训。\n",
     {"para{1-2 责任单位:区委宣传部、区市场监管局、区教育局、各乡镇街道和区卫生健康委员会区教育局}",
      "para{3-3 2.开展培训。}"}},

    {"a box table ends at its bottom border: the note right under it is a paragraph",
     "┌────┬────────────┬──────────┐\n"
     "│序号│任务内容    │牵头单位  │\n"
     "├────┼────────────┼──────────┤\n"
     "│1   │开展科普活动│区科协    │\n"
     "└────┴────────────┴──────────┘\n"
     "注：责任单位排在第一位的为牵头单位。\n",
     {"table{box 1-5 header=3 rows=1 width=3}", "para{6-6 注:责任单位排在第一位的为牵头单位。}"}},

    {"an ASCII box table ends at its last border too",
     "+----+------------+----------+\n"
     "|序号|任务内容    |牵头单位  |\n"
     "+----+------------+----------+\n"
     "|1   |开展科普活动|区科协    |\n"
     "+----+------------+----------+\n"
     "注：责任单位排在第一位的为牵头单位。\n",
     {"table{box 1-5 header=3 rows=1 width=3}", "para{6-6 注:责任单位排在第一位的为牵头单位。}"}},

    {"a table whose cells runs of spaces set apart (pdftotext -layout), header repeated",
     "序号   重点任务                 牵头单位       责任单位        完成时限\n"
     "一、保障性住房筹集\n"
     "1      筹集保障性租赁住房1500     区住建局       区发改局、区自然资  2024年12月\n"
     "       套。                            源局\n"
     "2      新开工公租房200套。        区住建局       区财政局        2024年12月\n"
     "— 3 —\n"
     "序号   重点任务                 牵头单位       责任单位        完成时限\n"
     "       竣工交付150套。\n"
     "\n"
     "宁川区住房保障工作领导小组办公室          2024年2月28日印发\n",
     {"table{tsv 1-8 header=5 rows=2 width=5}",
      "para{10-10 宁川区住房保障工作领导小组办公室2024年2月28日印发}"}},

    {"a space-aligned table indented as a whole keeps its spanning headings",
     "　　序号   重点任务                 牵头单位       责任单位\n"
     "　　一、保障性住房筹集\n"
     "　　1      筹集住房1500套。          区住建局       区发改局\n"
     "　　　　二、住房保障服务\n"
     "　　2      发放补贴800户。           区住建局       区民政局\n",
     {"table{tsv 1-5 header=4 rows=2 width=4}"}},

    {"spaces between words that name no columns make no table",
     "宁川区住房保障工作领导小组办公室          2024年2月28日印发\n"
     "序号   说明\n"
     "1      甲\n",
     {"para{1-3 宁川区住房保障工作领导小组办公室2024年2月28日印发序号说明1甲}"}},

    {"a table flattened into one cell per line: header lines, rows anchored by their serials",
     "序号\n任务\n牵头单位\n责任单位\n"
     "1\n修订防汛预案。\n县水利局\n县应急管理局、各乡镇\n"
     "2\n排查水库隐患，\n建立台账。\n县水利局\n县住建局\n"  // a wrapped task cell
     "— 2 —\n任务\n牵头单位\n责任单位\n"  // the header again, its 序号 taken for furniture
     "3\n储备物资。\n县应急管理局\n县发改局\n"
     "宁远县人民政府办公室\n",
     {"table{tsv 1-21 header=4 rows=3 width=4}", "para{22-22 宁远县人民政府办公室}"}},

    {"column names one per line with no serial after them are no flattened table",
     "序号\n任务\n牵头单位\n责任单位\n下表列出分工。\n",
     {"para{1-1 序号}", "para{2-2 任务}", "para{3-3 牵头单位}", "para{4-4 责任单位}",
      "para{5-5 下表列出分工。}"}},

    {"a WeChat copy's run-on line: each continuing outline item on a line of its own",
     "二、重点任务 （一）强化监管。1.开展排查。（牵头单位：区市场监管局）2.规范维修。（区商务局）"
     "（二）加强管理。3.严查违法。\n",
     {"para{1-1 二、重点任务}", "para{1-1 (一)强化监管。}",
      "para{1-1 1.开展排查。(牵头单位:区市场监管局)}", "para{1-1 2.规范维修。(区商务局)}",
      "para{1-1 (二)加强管理。}", "para{1-1 3.严查违法。}"}},

    {"a list inside an item's sentence and numbers out of sequence stay in the line",
     "1.开展排查。主要包括：1.门店；2.网点。完成率达到3.5%。5.其他。\n",
     {"para{1-1 1.开展排查。主要包括:1.门店;2.网点。完成率达到3.5%。5.其他。}"}},

    {"one TAB-separated line is no table: the issuer and date of a print line",
     "抄送：市禁毒办。\n"
     "屏山县禁毒委员会办公室\t\t2024年3月1日印发\n",
     {"para{1-1 抄送:市禁毒办。}", "para{2-2 屏山县禁毒委员会办公室2024年3月1日印发}"}},

    {"a web page's information box (label and value cells) is one paragraph a line, no table",
     "索引号：\t115109/2024-00036\t主题分类：\t环境保护\n"
     "发文字号：\t遂市环发〔2024〕12号\t发布日期：\t2024年03月08日\n"
     "标　　题：\t关于印发《工作要点》的通知\n",
     {"para{1-1 索引号: 115109/2024-00036主题分类:环境保护}",
      "para{2-2 发文字号:遂市环发〔2024〕12号发布日期: 2024年03月08日}",
      "para{3-3 标题:关于印发《工作要点》的通知}"}},
};

TEST_CASE("Segment: blocks of each layout") {
  for (const Case& row : kCases) {
    CAPTURE(row.name);
    CAPTURE(row.input);
    std::vector<std::string> got = Dumps(SegmentText(row.input));
    std::string joined;
    for (const std::string& dump : got) joined += dump + "\n";
    CAPTURE(joined);
    CHECK(got == row.expected);
  }
}

// The rows of the tables above, cell by cell: the dump only shows the first row's width.

// The case of kCases with this name: the table tests below read the same inputs.
const Case& CaseNamed(std::string_view name) {
  for (const Case& c : kCases) {
    if (c.name == name) return c;
  }
  FAIL("no case named " << name);
  return kCases[0];
}

const Table* OnlyTable(const Segmented& segmented) {
  const Table* found = nullptr;
  for (const Block& block : segmented.blocks) {
    if (block.kind == Block::Kind::kTable) {
      REQUIRE(found == nullptr);
      found = &block.table;
    }
  }
  REQUIRE(found != nullptr);
  return found;
}

TEST_CASE("Segment: cell table rows keep empty merged cells and a cell split by a blank line") {
  Segmented segmented = SegmentText(CaseNamed("a cell table: TAB-led cells, blank-line rows, a 5-cell header over 6-cell rows").input);
  const Table& table = *OnlyTable(segmented);
  CHECK(table.style == TableStyle::kCell);
  REQUIRE(table.header.size() == 5);
  CHECK(table.header[0].text.printed() == "序号");
  CHECK(table.header[4].text.printed() == "责任单位");
  REQUIRE(table.rows.size() == 2);
  for (const TableRow& row : table.rows) CHECK(row.cells.size() == 6);

  const TableRow& first = table.rows[0];
  CHECK(first.cells[1].text.printed() == "一、健全制度");
  CHECK(first.cells[2].text.printed() == "健全组织领导制度");
  CHECK(first.first_line == 9);
  CHECK(first.last_line == 14);

  const TableRow& second = table.rows[1];
  // "\t" alone is an empty (merged) cell, not a missing one.
  CHECK(second.cells[1].empty());
  CHECK(second.cells[2].empty());
  CHECK(second.cells[4].empty());
  CHECK(second.cells[5].text.printed() == "区财政局");
  // The blank line inside the content cell does not end the cell.
  CHECK(second.cells[3].text.printed() == "把科学素质建设纳入总体规划，列入年度工作计划。");
  CHECK(second.cells[3].lines.size() == 2);
  CHECK(second.cells[3].text.first_line() == 19);
  CHECK(second.cells[3].text.last_line() == 21);
  CHECK(second.last_line == 23);
}

TEST_CASE("Segment: a cell-table row split by a blank line is one row") {
  Segmented segmented = SegmentText(CaseNamed("a cell table whose row a blank line split between two TAB-led cells").input);
  const Table& table = *OnlyTable(segmented);
  REQUIRE(table.rows.size() == 3);
  for (const TableRow& row : table.rows) CHECK(row.cells.size() == 4);
  CHECK(table.rows[1].cells[1].text.printed() == "建设科普基地。");
  CHECK(table.rows[1].cells[2].text.printed() == "区科技局");
  CHECK(table.rows[1].first_line == 11);
  CHECK(table.rows[1].last_line == 15);
}

TEST_CASE("Segment: TSV rows drop the repeated header and keep an empty first column") {
  Segmented segmented = SegmentText(CaseNamed("a TSV table with its header repeated after a page break").input);
  const Table& table = *OnlyTable(segmented);
  CHECK(table.style == TableStyle::kTsv);
  REQUIRE(table.header.size() == 4);
  CHECK(table.header[1].text.printed() == "任务内容");
  REQUIRE(table.rows.size() == 3);
  for (const TableRow& row : table.rows) {
    CAPTURE(row.first_line);
    CHECK(row.cells.size() == 4);
    CHECK(row.cells[1].text.printed() != "任务内容");
  }
  CHECK(table.rows[1].cells[0].empty());  // continues the category above
  CHECK(table.rows[1].cells[1].text.printed() == "组织青少年科技竞赛。");
  CHECK(table.rows[2].cells[0].text.printed() == "农民");
  CHECK(table.rows[2].first_line == 9);
}

// A header printed on two lines: 责任单位 merged over 牵头单位 | 配合单位. The second line names the
// columns it splits; both lines are dropped where a page break repeats them. A first data row
// that leaves columns empty but holds text is no header line.
TEST_CASE("Segment: a TSV header on two lines names the columns under a merged cell") {
  Segmented segmented = SegmentText(
      "序号\t具体举措\t责任单位\t\t时间节点\n"
      "\t\t牵头单位\t配合单位\t\n"
      "1\t开展排查。\t区应急局\t区住建局\t长期坚持\n"
      "\n— 2 —\n\n"
      "序号\t具体举措\t责任单位\t\t时间节点\n"
      "\t\t牵头单位\t配合单位\t\n"
      "2\t开展宣传。\t区委宣传部\t各街道\t长期坚持\n");
  const Table& table = *OnlyTable(segmented);
  REQUIRE(table.header.size() == 5);
  CHECK(table.header[2].text.printed() == "牵头单位");
  CHECK(table.header[3].text.printed() == "配合单位");
  REQUIRE(table.rows.size() == 2);
  CHECK(table.rows[1].cells[2].text.printed() == "区委宣传部");
  CHECK(table.rows[1].after_repeated_header);

  Segmented one_line = SegmentText(
      "序号\t具体举措\t牵头单位\t配合单位\n"
      "\t开展排查。\t区应急局\t\n"
      "2\t开展宣传。\t区委宣传部\t各街道\n");
  const Table& plain = *OnlyTable(one_line);
  CHECK(plain.header[2].text.printed() == "牵头单位");
  CHECK(plain.rows.size() == 2);
}

TEST_CASE("Segment: a cell-table header on two lines names the columns under a merged cell") {
  Segmented segmented = SegmentText(
      "\t序号\n\t具体举措\n\t责任单位\n\t\n\t时间节点\n\n"
      "\t\n\t\n\t牵头单位\n\t配合单位\n\t\n\n"
      "\t1\n\t开展排查。\n\t区应急局\n\t区住建局\n\t长期坚持\n\n"
      "\t2\n\t开展宣传。\n\t区委宣传部\n\t各街道\n\t长期坚持\n");
  const Table& table = *OnlyTable(segmented);
  REQUIRE(table.header.size() == 5);
  CHECK(table.header[2].text.printed() == "牵头单位");
  CHECK(table.header[3].text.printed() == "配合单位");
  REQUIRE(table.rows.size() == 2);
  CHECK(table.rows[0].cells[3].text.printed() == "区住建局");
}

TEST_CASE("Segment: a TSV row whose last cell runs on over a line break") {
  Segmented segmented = SegmentText(
      "任务内容\t牵头单位\t责任单位\n"
      "开展科普活动。\t区科协\t区教委、\n"
      "区科技局\n"
      "建设科普基地。\t区科技局\t区科协\n");
  const Table& table = *OnlyTable(segmented);
  REQUIRE(table.rows.size() == 2);
  CHECK(table.rows[0].cells[2].text.printed() == "区教委、区科技局");
  CHECK(table.rows[0].cells[2].lines.size() == 2);
  CHECK(table.rows[0].last_line == 3);
}

// An Excel copy quotes a cell holding line breaks or quotes and doubles its quotes: the quoted
// cell runs on over lines (even one that opens the row), one line each in `lines`. A cell that
// merely opens with a quoted name, on one line, keeps its quotes.
TEST_CASE("Segment: an Excel-quoted TSV cell runs over its line breaks") {
  Segmented segmented = SegmentText(
      "序号\t任务内容\t责任单位\n"
      "1\t\"落实巡河制度：\n"
      "1.区级河长每季度巡河1次；\n"
      "2.镇级河长每月巡河1次。\"\t区河长办\n"
      "2\t\"开展\"\"清四乱\"\"行动。\"\t\"区水利局\n"
      "各镇街\"\n"
      "3\t\"三长\"制度建设。\t区卫健委\n");
  const Table& table = *OnlyTable(segmented);
  REQUIRE(table.rows.size() == 3);
  CHECK(table.rows[0].cells[1].text.printed() ==
        "落实巡河制度：1.区级河长每季度巡河1次；2.镇级河长每月巡河1次。");
  CHECK(table.rows[0].cells[1].lines.size() == 3);
  CHECK(table.rows[0].cells[2].text.printed() == "区河长办");
  CHECK(table.rows[0].last_line == 4);
  CHECK(table.rows[1].cells[1].text.printed() == "开展\"清四乱\"行动。");
  CHECK(table.rows[1].cells[2].lines.size() == 2);
  CHECK(table.rows[2].cells[1].text.printed() == "\"三长\"制度建设。");
  CHECK(table.rows[2].first_line == 7);

  // A row whose first cell is quoted opens on a line without a TAB: still a row of its own.
  Segmented quoted_first = SegmentText(
      "类别\t任务内容\t责任单位\n"
      "安全\t开展排查。\t区应急局\n"
      "\"食品\n安全\"\t开展抽检。\t区市场监管局\n");
  const Table& first = *OnlyTable(quoted_first);
  REQUIRE(first.rows.size() == 2);
  CHECK(first.rows[1].cells[0].text.printed() == "食品安全");
  CHECK(first.rows[1].cells[2].text.printed() == "区市场监管局");
}

// A group row that fills only its 序号 ("一") and the cell after it heads the rows below (1, 2);
// a row of their own level with empty cells is a row whose other cells are merged.
TEST_CASE("Segment: a numbered group row of a cell table heads the rows below") {
  Segmented segmented = SegmentText(
      "\t序号\n\t重点\n任务\n\t牵头\n单位\n\n"
      "\t一\n\t优化政务服务\n\t\n\n"
      "\t1\n\t深化一网通办。\n\t县审批局\n\n"
      "\t2\n\t推行一件事。\n\t\n\n"
      "\t二\n\t优化市场环境\n\t\n\n"
      "\t3\n\t降低准入门槛。\n\t县市场监管局\n");
  const Table& table = *OnlyTable(segmented);
  REQUIRE(table.header.size() == 3);
  CHECK(table.header[1].text.printed() == "重点任务");
  REQUIRE(table.rows.size() == 3);
  REQUIRE(table.rows[0].spanning_headings.size() == 1);
  CHECK(table.rows[0].spanning_headings[0].text.printed() == "优化政务服务");
  CHECK(table.rows[1].spanning_headings.empty());
  CHECK(table.rows[1].cells[1].text.printed() == "推行一件事。");
  REQUIRE(table.rows[2].spanning_headings.size() == 1);
  CHECK(table.rows[2].spanning_headings[0].text.printed() == "优化市场环境");
}

TEST_CASE("Segment: space-aligned cells go to the column that starts nearest") {
  const Segmented segmented =
      SegmentText(CaseNamed("a table whose cells runs of spaces set apart (pdftotext -layout), "
                            "header repeated").input);
  REQUIRE(segmented.blocks.size() == 2);
  const Table& table = segmented.blocks[0].table;
  REQUIRE(table.rows.size() == 2);
  const TableRow& first = table.rows[0];
  REQUIRE(first.cells.size() == 5);
  CHECK(first.cells[1].text.folded() == "筹集保障性租赁住房1500套。");
  CHECK(first.cells[3].text.folded() == "区发改局、区自然资源局");
  REQUIRE(first.spanning_headings.size() == 1);
  CHECK(first.spanning_headings[0].text.folded() == "一、保障性住房筹集");
  // The rest of row 2 after the page break and the repeated header.
  CHECK(table.rows[1].cells[1].text.folded() == "新开工公租房200套。竣工交付150套。");
}

TEST_CASE("Segment: an indented space-aligned table's headings span it") {
  const Segmented segmented =
      SegmentText(CaseNamed("a space-aligned table indented as a whole keeps its spanning headings").input);
  REQUIRE(segmented.blocks.size() == 1);
  const Table& table = segmented.blocks[0].table;
  REQUIRE(table.rows.size() == 2);
  REQUIRE(table.rows[1].spanning_headings.size() == 1);
  CHECK(table.rows[1].spanning_headings[0].text.folded() == "二、住房保障服务");
  CHECK(table.rows[1].cells[3].text.folded() == "区民政局");
}

TEST_CASE("Segment: box-drawn cells join their lines between borders") {
  Segmented segmented = SegmentText(CaseNamed("a box-drawn table with borders between rows and multi-line cells").input);
  const Table& table = *OnlyTable(segmented);
  CHECK(table.style == TableStyle::kBox);
  REQUIRE(table.header.size() == 3);
  CHECK(table.header[0].text.printed() == "序号");
  CHECK(table.header[2].text.printed() == "牵头单位");
  REQUIRE(table.rows.size() == 2);
  for (const TableRow& row : table.rows) CHECK(row.cells.size() == 3);
  CHECK(table.rows[0].cells[0].text.printed() == "1");
  CHECK(table.rows[0].cells[1].text.printed() == "开展科普活动。");
  CHECK(table.rows[0].cells[1].lines.size() == 1);  // a wrap, not a second line
  CHECK(table.rows[0].cells[2].text.printed() == "区科协");
  CHECK(table.rows[0].first_line == 4);
  CHECK(table.rows[0].last_line == 5);
  CHECK(table.rows[1].cells[1].text.printed() == "建设基地。");
}

TEST_CASE("Segment: a grid table's two-line header spreads a merged cell over its sub-columns") {
  // An ASCII grid draws 责任单位 as one cell of the first line, 牵头 | 配合 as two of the second.
  Segmented segmented = SegmentText(
      "+------+----------+----------------+----------+\n"
      "| 序号 | 工作内容 | 责任单位                  | 完成时限 |\n"
      "|      |          +--------+-------+          |\n"
      "|      |          | 牵头   | 配合  |          |\n"
      "+======+==========+========+=======+==========+\n"
      "| 1    | 开展活动 | 区科协 | 区教委 | 6月底    |\n"
      "+------+----------+--------+-------+----------+\n");
  const Table& table = *OnlyTable(segmented);
  std::vector<std::string> names;
  for (const Cell& cell : table.header) names.push_back(cell.text.printed());
  CHECK(names == std::vector<std::string>{"序号", "工作内容", "牵头", "配合", "完成时限"});
  REQUIRE(table.rows.size() == 1);
  CHECK(table.rows[0].cells.size() == 5);
}

TEST_CASE("Segment: a border that leaves the first column open marks the row below merged") {
  Segmented segmented = SegmentText(
      "┌──┬──────┬────┐\n"
      "│序号│工作内容│阶段│\n"
      "├──┼──────┼────┤\n"
      "│1 │开展活动。│2024年│\n"
      "│  ├──────┼────┤\n"
      "│  │扩大覆盖。│2025年│\n"
      "├──┼──────┼────┤\n"
      "│2 │建设基地。│2024年│\n"
      "└──┴──────┴────┘\n");
  const Table& table = *OnlyTable(segmented);
  REQUIRE(table.rows.size() == 3);
  CHECK_FALSE(table.rows[0].first_cell_merged);
  CHECK(table.rows[1].first_cell_merged);
  CHECK_FALSE(table.rows[2].first_cell_merged);
}

// A table's cells as their lines: cells split by " | ", a cell's lines by "/"; a heading
// spanning the table before a row in brackets.
std::string CellLinesDump(const Table& table) {
  std::string out;
  for (const TableRow& row : table.rows) {
    out += out.empty() ? "" : " || ";
    for (const Cell& heading : row.spanning_headings) out += "[" + heading.text.printed() + "] ";
    for (size_t i = 0; i < row.cells.size(); ++i) {
      out += i ? " | " : "";
      for (size_t k = 0; k < row.cells[i].lines.size(); ++k) {
        out += (k ? "/" : "") + row.cells[i].lines[k].printed();
      }
    }
  }
  return out;
}

struct CellLinesCase {
  const char* name;
  std::string_view input;
  std::string_view expected;
};

const CellLinesCase kCellLinesCases[] = {
    {"a box cell's line break is a wrap: one line, CJK pieces joined without a space",
     "│序号│任务内容    │牵头单位  │责任单位  │\n"
     "├────┼────────────┼──────────┼──────────┤\n"
     "│1   │开展科普活动│县农业农  │县医保局、│\n"
     "│    │。          │村局      │县水利局  │\n"
     "└────┴────────────┴──────────┴──────────┘\n",
     "1 | 开展科普活动。 | 县农业农村局 | 县医保局、县水利局"},
    {"a box table with 序号 first needs no border between rows: an empty 序号 cell wraps the row",
     "│序号│任务内容    │牵头单位  │\n"
     "├────┼────────────┼──────────┤\n"
     "│1   │开展科普    │区科协    │\n"
     "│    │活动。      │          │\n"
     "│2   │建设科普基  │区教委、区│\n"
     "│    │地。        │科技局    │\n"
     "└────┴────────────┴──────────┘\n",
     "1 | 开展科普活动。 | 区科协 || 2 | 建设科普基地。 | 区教委、区科技局"},
    {"a page break inside a box row (blank lines around its page number) does not end the row",
     "│序号│任务内容    │牵头单位  │\n"
     "├────┼────────────┼──────────┤\n"
     "│1   │新改建农村公│县交通运输│\n"
     "\n"
     "— 2 —\n"
     "\n"
     "│    │路120公里。 │局        │\n"
     "├────┼────────────┼──────────┤\n"
     "│2   │建设基地。  │区教委    │\n"
     "└────┴────────────┴──────────┘\n",
     "1 | 新改建农村公路120公里。 | 县交通运输局 || 2 | 建设基地。 | 区教委"},
    {"a TSV cell that runs on keeps its lines",
     "任务内容\t牵头单位\t责任单位\n"
     "开展科普活动。\t区科协\t区教委\n"
     "区科技局\n",
     "开展科普活动。 | 区科协 | 区教委/区科技局"},
    {"a one-cell heading row spans a cell table: the next row starts at column 1",
     "\t序号\n\t工作任务\n\t牵头单位\n\t责任单位\n"
     "\n"
     "\t一、公共秩序\n"
     "\n"
     "\t1\n\t规范交通秩序。\n\t市公安局\n\t市交通局\n"
     "\n"
     "\t整治市场环境\n"
     "\n"
     "\t2\n\t整治农贸市场。\n\t市监局\n\t各区政府\n",
     "[一、公共秩序] 1 | 规范交通秩序。 | 市公安局 | 市交通局 || "
     "[整治市场环境] 2 | 整治农贸市场。 | 市监局 | 各区政府"},
    {"an unmarked one-cell segment while the row above lacks cells is the rest of that row",
     "\t序号\n\t工作任务\n\t牵头单位\n\t责任单位\n"
     "\n"
     "\t1\n\t规范交通秩序。\n\t市公安局\n"
     "\n"
     "\t市交通局\n",
     "1 | 规范交通秩序。 | 市公安局 | 市交通局"},
    {"a page break inside a row (blank lines around its page number) does not make its first "
     "cell a heading: the next segment holds exactly the rest of the row",
     "\t重点任务\n\t主要措施\n\t责任单位\n"
     "\n"
     "\t青少年科学素质\n\t1.开展科普活动。\n\t区科协\n"
     "\n"
     "\t基层科普能力\n提升工程\n"
     "\n"
     "— 5 —\n"
     "\n"
     "\t2.健全基层科普服务体系。\n\t区科协\n",
     "青少年科学素质 | 1.开展科普活动。 | 区科协 || "
     "基层科普能力/提升工程 | 2.健全基层科普服务体系。 | 区科协"},
    {"a TSV line that opens with no 序号 continues the open cell of the line above",
     "序号\t任务内容\t牵头单位\t责任单位\t完成时限\n"
     "1\t新增救援车辆3台，\n"
     "组建专业队伍1支。\t区消防救援大队\t区应急局\t10月底\n"
     "2\t建设应急避难场所。\t区应急局\t区住建局\t12月底\n",
     "1 | 新增救援车辆3台，/组建专业队伍1支。 | 区消防救援大队 | 区应急局 | 10月底 || "
     "2 | 建设应急避难场所。 | 区应急局 | 区住建局 | 12月底"},
    {"a TSV line with an empty first cell is a row of the category above, not a continuation",
     "序号\t类别\t任务内容\t牵头单位\n"
     "1\t青少年\t开展科普活动。\t区科协\n"
     "\t\t组织科技竞赛。\t区教委\n",
     "1 | 青少年 | 开展科普活动。 | 区科协 || "
     " |  | 组织科技竞赛。 | 区教委"},
    {"a marked one-cell TSV line heads the rows below it",
     "序号\t任务内容\t牵头单位\t责任单位\n"
     "一、公共秩序\t\t\t\n"
     "1\t规范交通秩序。\t市公安局\t市交通局\n",
     "[一、公共秩序] 1 | 规范交通秩序。 | 市公安局 | 市交通局"},
    {"a marked row spanning a box-drawn table heads the rows below it",
     "│序号│任务内容    │牵头单位  │\n"
     "├────┴────────────┴──────────┤\n"
     "│一、公共秩序                │\n"
     "├────┬────────────┬──────────┤\n"
     "│1   │规范交通秩  │市公安局  │\n"
     "│    │序。        │          │\n"
     "└────┴────────────┴──────────┘\n",
     "[一、公共秩序] 1 | 规范交通秩序。 | 市公安局"},
    {"a box row's cell holding a numbering path is not cut as a run-on line",
     "│序号│对应正文  │工作任务  │\n"
     "├──┼─────┼─────┤\n"
     "│1 │二（一）1 │摸底评估。│\n"
     "├──┼─────┼─────┤\n"
     "│2 │二（三）1、2│盘活资源。│\n"
     "└──┴─────┴─────┘\n",
     "1 | 二（一）1 | 摸底评估。 || 2 | 二（三）1、2 | 盘活资源。"},
    {"a markdown cell's <br> breaks its lines and an escaped pipe is text",
     "| 序号 | 任务内容 | 牵头单位 | 配合单位 |\n"
     "|:---:|:---|---|---|\n"
     "| 1 | 落实“稳存量\\|扩增量”要求。<br>开拓市场。 | 区商务局 | 区财政局<br/>区税务局 |\n",
     "1 | 落实“稳存量|扩增量”要求。/开拓市场。 | 区商务局 | 区财政局/区税务局"},
};

TEST_CASE("Segment: the lines of table cells") {
  for (const CellLinesCase& row : kCellLinesCases) {
    CAPTURE(row.name);
    CHECK(CellLinesDump(*OnlyTable(SegmentText(row.input))) == row.expected);
  }
}

struct ShapeCase {
  std::string_view text;
  LineShape shape;
};

const ShapeCase kShapeCases[] = {
    {"", LineShape::kBlank},
    {"   ", LineShape::kBlank},
    {"\t", LineShape::kCell},  // an empty cell, not a blank line
    {"\t区科协", LineShape::kCell},
    {"\t1\t开展活动", LineShape::kTsv},
    {"青少年\t开展活动", LineShape::kTsv},
    {"├────┼────┤", LineShape::kBorder},
    {"+----+----+", LineShape::kBorder},
    {"\u3000\u3000╠════╬════╣", LineShape::kBorder},  // indented by a web copy
    {"\u3000\u3000┃序号┃任务内容┃", LineShape::kBox},
    {"│序号│任务内容│", LineShape::kBox},
    {"| 序号 | 任务 |", LineShape::kBox},
    // Prose uses "|" as a divider; only a line that opens with one is a markdown row.
    {"发布时间:2020-06-01 | 作者: | 编辑:重庆科协", LineShape::kText},
    {"一、总体要求", LineShape::kText},
};

TEST_CASE("ClassifyLine") {
  for (const ShapeCase& row : kShapeCases) {
    CAPTURE(row.text);
    Line line;
    line.number = 1;
    line.text = std::string(row.text);
    line.blank = row.text.find_first_not_of(" \t") == std::string_view::npos;
    CHECK(static_cast<int>(ClassifyLine(line)) == static_cast<int>(row.shape));
  }
}

TEST_CASE("StartsWithMarker") {
  CHECK(StartsWithMarker(Fold("一、总体要求"), TestRules()));
  CHECK(StartsWithMarker(Fold("（二）工作目标"), TestRules()));
  CHECK(StartsWithMarker(Fold("3.助力乡村振兴"), TestRules()));
  CHECK(StartsWithMarker(Fold("①开展"), TestRules()));
  CHECK_FALSE(StartsWithMarker(Fold("开展科普活动"), TestRules()));
  CHECK_FALSE(StartsWithMarker(Fold("“十四五”期间"), TestRules()));
}

// Regression: StartsWithMarker once matched the numbering patterns without ParseMarker's decimal
// rule, so "2.5万人次" read as a "2." item and a sentence that a page break cut before a decimal
// was not joined. It gave two paragraphs, "para{1-1 …达到}" and "para{3-3 2.5万人次以上。}".
TEST_CASE("Segment: a page break before a decimal number is joined") {
  CHECK(StartsWithMarker(Fold("1.5万人次"), TestRules()) == false);
  CHECK(Dumps(SegmentText("每年开展农民教育培训，培育农村创业创新各类带头人，全区累计培训达到\n"
                          "\n"
                          "2.5万人次以上。\n")) ==
        std::vector<std::string>{
            "para{1-3 每年开展农民教育培训,培育农村创业创新各类带头人,全区累计培训达到2.5万人次以上。}"});
}

}  // namespace
}  // namespace fengong
