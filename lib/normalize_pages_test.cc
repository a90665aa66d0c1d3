#include "normalize_pages.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "test_rules.h"

namespace fengong {
namespace {

struct PageCase {
  std::string_view text;      // lines joined by \n
  std::string_view expected;  // one character per line: A artefact, . text or blank
};

// Which lines of a PDF's extracted text are page furniture: bare numbers that count up the
// pages, and a short line repeated beside most page breaks.
constexpr PageCase kPageCases[] = {
    // Bare numbers counting up the pages, with and without blank lines around them.
    {"甲\n乙\n丙\n丁\n戊\n\n2\n\n甲\n乙\n丙\n丁\n戊\n己\n庚\n辛\n壬\n3\n癸",
     "......A..........A."},
    // Numbers a few lines apart are a list's: a table's 序号 cells printed one per line.
    {"1\n开展活动\n区科协\n\n2\n建设基地\n区教委\n\n3\n培训农民\n区农业农村委", "..........."},
    // A lone bare number is a figure a wrap cut off, not a page number.
    {"培训基层统计人员\n20\n人次以上。", "..."},
    // Numbers that do not count up are no page numbers; a TAB-led cell is no page number.
    {"甲\n5\n乙\n3\n丙", "....."},
    {"甲\n\t1\n乙\n\t2\n丙", "....."},
    // A running header after every page number goes; the same title over the body stays.
    {"江岭市统计工作要点\n正文一\n— 1 —\n江岭市统计工作要点\n正文二\n— 2 —\n江岭市统计工作要点\n正文三",
     "..AA.AA."},
    // A running footer before bare page numbers goes too.
    {"正文一\n内部资料 注意保存\n第 1 页 共 2 页\n正文二\n内部资料 注意保存\n第 2 页 共 2 页\n正文三",
     ".AA.AA."},
    // A line beside only one of several page breaks is text (附件 opening an appendix).
    {"正文一\n— 1 —\n附件\n正文二\n— 2 —\n正文三\n— 3 —\n正文四", ".A..A.A."},
    // Table borders and TAB-separated rows repeated at page breaks are table lines, not furniture.
    {"└──┘\n— 1 —\n┌──┐\n└──┘\n— 2 —\n┌──┐", ".A..A."},
    {"序号\t任务\n— 1 —\n序号\t任务\n甲\t乙\n— 2 —\n序号\t任务", ".A..A."},
    // A footnote at a page's foot explains a mark printed inside the text above: it goes.
    {"建设千吨万人供水工程①5处。\n\n①千吨万人供水工程指供水人口1万人以上的\n工程。\n— 3 —\n正文",
     "..AAA."},
    {"实现全覆盖①。\n注：①全覆盖指所有乡镇达标。\n内部资料\n4/5\n正文\n内部资料\n5/5", ".AAA.AA"},
    // An item ① at a page's foot that nothing referenced is text; so is a 注 with no mark.
    {"（一）开展巡查\n①开展河湖巡查。\n— 3 —\n②整治四乱。", "..A."},
    {"1.开展巡查。\n注：1.完成时限为最迟时间。\n— 4 —", "..A"},
};

std::string Flags(const NormalizedText& normalized) {
  std::string flags;
  for (const Line& line : normalized.lines) flags += line.artefact ? 'A' : '.';
  return flags;
}

TEST_CASE("MarkPageFurniture: bare page numbers and running headers") {
  for (const PageCase& row : kPageCases) {
    CAPTURE(row.text);
    CHECK(Flags(Normalize(row.text, TestRules())) == row.expected);
  }
}

}  // namespace
}  // namespace fengong

namespace fengong {
namespace {

// A web page's or WeChat article's tail: from its first marker line in the second half of the
// text on, nothing is the document's; the same words in the first half (the page's header) stay.
constexpr PageCase kTailCases[] = {
    {"正文一\n正文二\n正文三\n签名\n来源：某区政府办\n往期推荐\n另一篇文章\n阅读原文", "....AAAA"},
    {"【打印】\n正文一\n正文二\n正文三\n分享到：\n主办单位：某县政府办", "....AA"},
    {"标题\n关闭窗口\n正文一\n正文二\n正文三\n正文四", "......"},
};

TEST_CASE("MarkPageFurniture: a web page's or article's tail") {
  for (const PageCase& row : kTailCases) {
    CAPTURE(row.text);
    CHECK(Flags(Normalize(row.text, TestRules())) == row.expected);
  }
}

}  // namespace
}  // namespace fengong
