#include "normalize.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "normalize_script.h"
#include "test_rules.h"
#include "utf8.h"

namespace fengong {
namespace {

struct FoldCase {
  std::string_view input;
  std::string_view expected;
};

// The matching view every later stage reads: widths folded to ASCII, but outline markers
// (① ⑴) and CJK punctuation that carries meaning (、 。 〔 〕 “ ”) kept, since the numbering and
// annotation grammars tell them apart from their ASCII look-alikes.
constexpr FoldCase kFoldCases[] = {
    // Full-width digits, letters and punctuation fold to ASCII.
    {"２０２５", "2025"},
    {"ＡＢＣｘｙｚ", "ABCxyz"},
    {"（", "("},
    {"）", ")"},
    {"：", ":"},
    {"，", ","},
    {"；", ";"},
    {"％", "%"},
    {"１８％", "18%"},
    {"１．５", "1.5"},
    {"（一）", "(一)"},
    {"（１）", "(1)"},
    {"牵头单位：区科协，责任单位：区教委", "牵头单位:区科协,责任单位:区教委"},
    // Markers and CJK punctuation stay as printed.
    {"①", "①"},
    {"⑴", "⑴"},
    {"、", "、"},
    {"。", "。"},
    {"〔", "〔"},
    {"〕", "〕"},
    {"“三长”", "“三长”"},
    {"①开展⑴活动、内容。", "①开展⑴活动、内容。"},
    {"武隆府办发〔2022〕30号", "武隆府办发〔2022〕30号"},
    // Spaces beside CJK text are extraction noise and go.
    {"到 2025 年", "到2025年"},
    {"2500 人次", "2500人次"},
    {"2500 人次以上", "2500人次以上"},
    {"一、 总体要求", "一、总体要求"},
    {"一、\u3000总体要求", "一、总体要求"},  // ideographic space
    {"全区　公民", "全区公民"},
    {"区教委\t区科协", "区教委区科协"},
    // A whitespace run between two ASCII words survives as one space.
    {"App Store", "App Store"},
    {"App   Store", "App Store"},
    {"App\tStore", "App Store"},
    {"App\u3000Store", "App Store"},
    {"Ａｐｐ　Ｓｔｏｒｅ", "App Store"},
    // Leading and trailing whitespace never reaches the matching view.
    {"  开展活动  ", "开展活动"},
    {" abc ", "abc"},
    {"", ""},
};

TEST_CASE("Fold: widths, markers and spaces") {
  for (const FoldCase& row : kFoldCases) {
    CAPTURE(row.input);
    CHECK(Fold(row.input) == row.expected);
  }
}

TEST_CASE("Fold: the offset map points each folded byte back at its printed byte") {
  // "２０" is two 3-byte code points that fold to two 1-byte digits.
  std::vector<uint32_t> map;
  std::string folded = Fold("２０年", &map);
  CHECK(folded == "20年");
  REQUIRE(map.size() == folded.size() + 1);
  CHECK(map[0] == 0);
  CHECK(map[1] == 3);
  CHECK(map[2] == 6);  // 年 starts at printed byte 6
  CHECK(map[3] == 6);
  CHECK(map[4] == 6);
  CHECK(map.back() == 9);  // one past the end maps to the printed size

  // A dropped space leaves no folded byte: the byte after it maps past the space.
  folded = Fold("到 2025", &map);
  CHECK(folded == "到2025");
  REQUIRE(map.size() == folded.size() + 1);
  CHECK(map[3] == 4);  // "2" is printed after "到" (3 bytes) and the space
}

// Fold as first written, one code point at a time: the reference for the fast one.
std::string FoldOneByOne(std::string_view printed, std::vector<uint32_t>* map) {
  std::string out;
  map->clear();
  size_t pos = 0;
  char32_t last = 0;
  size_t pending_space = std::string::npos;
  auto is_ascii_word = [](char32_t c) { return c < 0x80 && c != ' '; };
  while (pos < printed.size()) {
    size_t start = pos;
    char32_t c = NextCodePoint(printed, &pos);
    if (c == 0x3000 || c == '\t' || c == 0xA0) c = ' ';
    if (c >= 0xFF01 && c <= 0xFF5E) c = c - 0xFF01 + '!';  // the full-width ASCII block
    c = SimplifiedForm(c);
    if (c == ' ') {
      if (pending_space == std::string::npos) pending_space = start;
      continue;
    }
    if (pending_space != std::string::npos && !out.empty() && is_ascii_word(last) &&
        is_ascii_word(c)) {
      out.push_back(' ');
      map->push_back(static_cast<uint32_t>(pending_space));
    }
    pending_space = std::string::npos;
    size_t before = out.size();
    AppendUtf8(c, &out);
    map->insert(map->end(), out.size() - before, static_cast<uint32_t>(start));
    last = c;
  }
  map->push_back(static_cast<uint32_t>(printed.size()));
  return out;
}

TEST_CASE("Fold: random mixes of text, spaces, full widths and broken bytes") {
  const std::string_view kAtoms[] = {
      "a",  "Z9", " ",  "  ", "\t", "\u3000", "\u00a0", "区科协", "，", "（一）", "１２",
      "é",  "😀", "\xff", "\xe4\xb8", "\xef\xbf\xbd", "、", "App Store", "\xed\xa0\x80", "\xe0\xa4\xb9",
      "區協", "實施"};
  uint32_t seed = 12345;
  auto next = [&] { return seed = seed * 1103515245 + 12345, (seed >> 16) & 0x7fff; };
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    for (int n = next() % 12; n > 0; --n) text += kAtoms[next() % std::size(kAtoms)];
    CAPTURE(text);
    std::vector<uint32_t> want_map, got_map;
    std::string want = FoldOneByOne(text, &want_map);
    std::string got = Fold(text, &got_map);
    REQUIRE(got == want);
    REQUIRE(got_map == want_map);
  }
}

Line MakeLine(int number, std::string text) {
  Line line;
  line.number = number;
  line.text = std::move(text);
  return line;
}

TEST_CASE("Passage: Append of two lines keeps each part's input line") {
  Line first = MakeLine(3, "开展科普进校园活动，");
  Line second = MakeLine(5, "组织科技工作者走进中小学。");
  Passage passage = Passage::FromLine(first);
  passage.Append(second);

  // The line break is removed, not turned into a space.
  CHECK(passage.printed() == "开展科普进校园活动，组织科技工作者走进中小学。");
  CHECK(passage.folded() == "开展科普进校园活动,组织科技工作者走进中小学。");
  CHECK(passage.first_line() == 3);
  CHECK(passage.last_line() == 5);

  const std::string& folded = passage.folded();
  CHECK(passage.LineAt(0) == 3);
  CHECK(passage.LineAt(folded.find(",")) == 3);
  CHECK(passage.LineAt(folded.find("组织")) == 5);
  CHECK(passage.LineAt(folded.size() - 1) == 5);
  CHECK(passage.LineAt(folded.size()) == 5);
}

TEST_CASE("Passage: Append of a passage keeps the line of each of its pieces") {
  Passage a = Passage::FromLine(MakeLine(1, "第一行"));
  Passage b = Passage::FromLine(MakeLine(7, "第七行"));
  b.Append(MakeLine(8, "第八行"));
  a.Append(b);
  CHECK(a.printed() == "第一行第七行第八行");
  CHECK(a.first_line() == 1);
  CHECK(a.last_line() == 8);
  const std::string& folded = a.folded();
  CHECK(a.LineAt(folded.find("第一")) == 1);
  CHECK(a.LineAt(folded.find("第七")) == 7);
  CHECK(a.LineAt(folded.find("第八")) == 8);
}

TEST_CASE("Passage: FromLine takes a byte range of the line") {
  Line line = MakeLine(4, "\t区科协\t区教委");
  Passage cell = Passage::FromLine(line, 1, line.text.find('\t', 1));
  CHECK(cell.printed() == "区科协");
  CHECK(cell.first_line() == 4);
  CHECK(cell.LineAt(0) == 4);
}

// A passage cut from a normalized line takes its folded view from the line's; it must be the
// view that folding the fragment on its own gives, for every fragment, edges included.
TEST_CASE("Passage: a fragment's folded view is the fold of the fragment") {
  const std::string_view kLines[] = {
      "App  Store 和 Google Play",  "ａ　ｂ\tc\u00a0d 区科协", "  1. 开展 ｘ ｙ 活动。 ",
      "\t区科协\t区教委 \t", "（一）Ｂ　Ｃ│d  e│", "x"};
  for (std::string_view text : kLines) {
    NormalizedText normalized = Normalize(text, TestRules());
    REQUIRE(normalized.lines.size() == 1);
    const Line& line = normalized.lines[0];
    std::vector<size_t> bounds;  // every code point boundary
    for (size_t pos = 0; pos < text.size();) {
      bounds.push_back(pos);
      NextCodePoint(text, &pos);
    }
    bounds.push_back(text.size());
    for (size_t begin : bounds) {
      for (size_t end : bounds) {
        if (end < begin) continue;
        CAPTURE(text);
        CAPTURE(begin);
        CAPTURE(end);
        std::vector<uint32_t> map;
        std::string folded = Fold(text.substr(begin, end - begin), &map);
        Passage passage = Passage::FromLine(line, begin, end);
        CHECK(passage.folded() == folded);
        for (size_t i = 0; i < folded.size(); ++i) {
          CHECK(passage.PrintedRange(i, i + 1) == Passage::FromLine(MakeLine(1, std::string(
              text.substr(begin, end - begin)))).PrintedRange(i, i + 1));
        }
        Passage trimmed = Passage::FromLineTrimmed(line, begin, end);
        Passage sliced = passage.Slice(0, passage.folded().size());
        CHECK(trimmed.printed() == sliced.printed());
        CHECK(trimmed.folded() == sliced.folded());
      }
    }
  }
}

// Copies share their text until one of them changes (copy on write): a change to one copy never
// shows in another.
TEST_CASE("Passage: copies are independent") {
  Passage original = Passage::FromLine(MakeLine(1, "甲乙"));
  Passage copy = original;
  copy.Append(Passage::FromLine(MakeLine(2, "丙")));
  CHECK(original.printed() == "甲乙");
  CHECK(original.last_line() == 1);
  CHECK(copy.printed() == "甲乙丙");
  CHECK(copy.LineAt(copy.folded().find("丙")) == 2);

  Passage empty;
  empty.Append(original);  // takes the other's text as its own
  original.Append(Passage::FromLine(MakeLine(3, "丁")));
  CHECK(empty.printed() == "甲乙");
  CHECK(original.printed() == "甲乙丁");

  Passage twice = Passage::FromLine(MakeLine(4, "戊"));
  twice.Append(twice);
  CHECK(twice.printed() == "戊戊");
}

TEST_CASE("Passage: PrintedRange returns the printed text, full widths kept") {
  Passage passage = Passage::FromLine(MakeLine(2, "到２０２５年，比例达到１８％（力争２０％）。"));
  const std::string& folded = passage.folded();
  REQUIRE(folded == "到2025年,比例达到18%(力争20%)。");

  size_t year = folded.find("2025");
  CHECK(passage.PrintedRange(year, year + 4) == "２０２５");
  size_t percent = folded.find("18%");
  CHECK(passage.PrintedRange(percent, percent + 3) == "１８％");
  size_t open = folded.find("(");
  size_t close = folded.find(")") + 1;
  CHECK(passage.PrintedRange(open, close) == "（力争２０％）");
  CHECK(passage.PrintedRange(0, folded.size()) == passage.printed());
  // Out-of-range offsets are clamped, not undefined.
  CHECK(passage.PrintedRange(folded.size(), folded.size() + 10) == "");
}

TEST_CASE("Passage: PrintedRange across two lines and around a dropped space") {
  Passage passage = Passage::FromLine(MakeLine(1, "每年培训 2500 人次"));
  passage.Append(MakeLine(2, "以上。"));
  const std::string& folded = passage.folded();
  REQUIRE(folded == "每年培训2500人次以上。");
  size_t number = folded.find("2500");
  CHECK(passage.PrintedRange(number, number + 4) == "2500");
  // The range spans the line break; the printed pieces are joined with nothing between.
  size_t unit = folded.find("人次");
  CHECK(passage.PrintedRange(unit, folded.size()) == "人次以上。");
  CHECK(passage.LineAt(folded.find("以上")) == 2);
}

TEST_CASE("Passage: Slice keeps line positions and trims") {
  Passage passage = Passage::FromLine(MakeLine(10, "1. 培养青少年科学精神。"));
  passage.Append(MakeLine(11, "将弘扬科学精神贯穿于育人全链条。"));
  const std::string& folded = passage.folded();
  size_t body = folded.find("将");
  Passage tail = passage.Slice(body, folded.size());
  CHECK(tail.printed() == "将弘扬科学精神贯穿于育人全链条。");
  CHECK(tail.first_line() == 11);
  CHECK(tail.LineAt(0) == 11);
  Passage head = passage.Slice(0, body);
  CHECK(head.first_line() == 10);
  CHECK(head.last_line() == 10);
  CHECK(head.printed() == "1. 培养青少年科学精神。");
}

TEST_CASE("Normalize: lines, inline artefacts and page numbers") {
  const std::string text =
      "一、总体要求[bookmark: _GoBack]\n"
      "\n"
      "— 3 —\n"
      "[bookmark: （二）实施农民科学素质提升行动。]6.开展科普宣传教育。\n"
      "第 2 页\n"
      "到2025年，建成科普基地5个。\n";
  NormalizedText normalized = Normalize(text, TestRules());
  // A final "\n" ends the last line; it opens no empty line after it.
  REQUIRE(normalized.lines.size() == 6);
  for (size_t i = 0; i < normalized.lines.size(); ++i) {
    CAPTURE(i);
    CHECK(normalized.lines[i].number == static_cast<int>(i) + 1);
  }

  const Line& heading = normalized.lines[0];
  CHECK(heading.text == "一、总体要求");
  CHECK_FALSE(heading.blank);
  CHECK_FALSE(heading.artefact);

  CHECK(normalized.lines[1].blank);
  CHECK_FALSE(normalized.lines[1].artefact);

  // A page number is no part of the text: flagged so that segmentation skips it.
  CHECK(normalized.lines[2].artefact);
  CHECK(normalized.lines[2].text == "— 3 —");  // kept as printed, only flagged

  // The bookmark goes even when its name holds brackets and full-width text.
  CHECK(normalized.lines[3].text == "6.开展科普宣传教育。");
  CHECK_FALSE(normalized.lines[3].artefact);

  CHECK(normalized.lines[4].artefact);  // 第 2 页

  // A year span or a figure is text, not a page number.
  CHECK_FALSE(normalized.lines[5].artefact);
}

// Headings marked up by a web or Markdown export: the ** marks go; a numbered heading wrapped in
// 【】 loses its brackets; a 【】 line that is no numbered heading (an annotation, a page control)
// is kept as printed.
TEST_CASE("Normalize: bold marks and bracketed headings") {
  const std::pair<std::string_view, std::string_view> kRows[] = {
      {"**二、重点任务**", "二、重点任务"},
      {"**钟祥市2024年工作要点**", "钟祥市2024年工作要点"},
      {"【（一）稳定粮食生产】", "（一）稳定粮食生产"},
      {"　【一、总体要求】", "　一、总体要求"},
      {"【牵头单位：市发改局；责任单位：市财政局】", "【牵头单位：市发改局；责任单位：市财政局】"},
      {"【字体：大 中 小】", "【字体：大 中 小】"},
      {"加快建设【（一）类】项目，完成5个。", "加快建设【（一）类】项目，完成5个。"},
  };
  for (const auto& row : kRows) {
    const std::string_view printed = row.first;  // a named copy: CAPTURE cannot take a binding
    CAPTURE(printed);
    NormalizedText normalized = Normalize(std::string(printed) + "\n", TestRules());
    REQUIRE(normalized.lines.size() == 1);
    CHECK(normalized.lines[0].text == row.second);
  }
}

struct ArtefactCase {
  std::string_view line;
  bool artefact;
};

constexpr ArtefactCase kArtefactCases[] = {
    {"— 3 —", true},
    {"－ 12 －", true},
    {"-3-", true},
    {"- 3", true},
    {"第3页", true},
    {"第 3 页 共 12 页", true},
    {"共12页 第3页", true},
    {"第三章 共5节", false},
    {"3/12", true},
    {"2021—2025年", false},
    {"三、保障措施", false},
    {"1.开展科普活动。", false},
    {"重点任务—3项", false},
};

TEST_CASE("Normalize: which whole lines are page-number artefacts") {
  for (const ArtefactCase& row : kArtefactCases) {
    CAPTURE(row.line);
    NormalizedText normalized = Normalize(row.line, TestRules());
    REQUIRE(normalized.lines.size() == 1);
    CHECK(normalized.lines[0].artefact == row.artefact);
  }
}

// Inline artefact patterns absent from the whole text are skipped, but not on a line where an
// earlier pattern's removal joined text into a new match.
TEST_CASE("Normalize: a removal can make the next artefact pattern match") {
  RuleSet rules;
  std::string error;
  rules.inline_artefacts.push_back(Pattern::Compile("ab", &error));
  rules.inline_artefacts.push_back(Pattern::Compile("xy", &error));
  NormalizedText normalized = Normalize("xaby\nxy\n", rules);
  REQUIRE(normalized.lines.size() == 2);
  CHECK(normalized.lines[0].text == "");
  CHECK(normalized.lines[1].text == "");
  normalized = Normalize("xaby\nxz\n", rules);
  CHECK(normalized.lines[0].text == "");
  CHECK(normalized.lines[1].text == "xz");
}

TEST_CASE("Normalize: text without a final line end keeps its last line") {
  NormalizedText normalized = Normalize("甲\n乙", TestRules());
  REQUIRE(normalized.lines.size() == 2);
  CHECK(normalized.lines[1].text == "乙");
  CHECK(normalized.lines[1].number == 2);
}

}  // namespace
}  // namespace fengong

namespace fengong {
namespace {

struct WebCopyCase {
  std::string_view line;
  std::string_view printed;  // Line::text after normalizing
};

// What a web page's copy leaves in a line: character references become the characters they
// stand for, zero-width characters go; what only looks like a reference stays.
constexpr WebCopyCase kWebCopyCases[] = {
    {"落实&ldquo;三个责任&rdquo;", "落实“三个责任”"},
    {"（2024&mdash;2026年）", "（2024—2026年）"},
    {"&nbsp;&nbsp;一、总体目标", "\u00A0\u00A0一、总体目标"},
    {"&#8220;千吨万人&#8221;&#x2014;", "“千吨万人”—"},
    {"a &amp; b &lt;1&gt;", "a & b <1>"},
    {"&unknown; &ldquo &#0; &#xD800;", "&unknown; &ldquo &#0; &#xD800;"},  // none is replaced
    {"\u200B1.实施管网延伸工程", "1.实施管网延伸工程"},
    {"县水利\u200B局、县财政\u2060局\uFEFF", "县水利局、县财政局"},
};

TEST_CASE("Normalize: character references and zero-width characters of a web copy") {
  for (const WebCopyCase& row : kWebCopyCases) {
    CAPTURE(row.line);
    NormalizedText normalized = Normalize(row.line, TestRules());
    REQUIRE(normalized.lines.size() == 1);
    CHECK(normalized.lines[0].text == row.printed);
  }
}

}  // namespace
}  // namespace fengong
