#include "normalize_pages.h"

#include <algorithm>
#include <map>
#include <string>

#include "utf8.h"

namespace fengong {
namespace {

// A running header or footer is one line (an office, a title, a classification mark).
constexpr size_t kRunningLineMaxChars = 60;
// It stands beside at least this many page breaks, and beside at least half of them.
constexpr int kRunningLineMinRepeats = 2;
// Bare page numbers stand on average at least this many lines apart: numbers closer together
// are a list's (a table's 序号 cells printed one per line).
constexpr size_t kMinPageLines = 10;
// A page's footnote runs over a few wrapped lines at most.
constexpr size_t kFootnoteMaxLines = 4;

constexpr size_t kNone = static_cast<size_t>(-1);
// A bare page number is a few digits: a longer line is never one.
constexpr size_t kMaxBareNumberBytes = 8;

bool StartsWithTab(const Line& line) { return !line.text.empty() && line.text[0] == '\t'; }

// The page number a bare-number line prints, or -1 when the line is not one: a table cell
// (TAB-led) is no page number.
int BareNumber(const Line& line, const RuleSet& rules) {
  // Most lines are too long to be one; they are told without running the pattern.
  if (line.blank || line.artefact || line.folded.size() > kMaxBareNumberBytes ||
      StartsWithTab(line)) {
    return -1;
  }
  std::vector<std::string_view> groups;
  size_t begin = 0, end = 0;
  if (!rules.bare_page_number.Find(line.folded, 0, &begin, &end, &groups) || groups.empty()) {
    return -1;
  }
  return std::stoi(std::string(groups[0]));
}

// Bare numbers count up the pages: a candidate is a page number when it is larger than the
// candidate before it or smaller than the one after it, and pages are not a few lines long.
void MarkBarePageNumbers(const RuleSet& rules, std::vector<Line>* lines) {
  std::vector<std::pair<size_t, int>> candidates;  // line index, value
  for (size_t i = 0; i < lines->size(); ++i) {
    int value = BareNumber((*lines)[i], rules);
    if (value >= 0) candidates.emplace_back(i, value);
  }
  std::vector<size_t> pages;
  for (size_t k = 0; k < candidates.size(); ++k) {
    bool after_smaller = k > 0 && candidates[k - 1].second < candidates[k].second;
    bool before_larger = k + 1 < candidates.size() && candidates[k + 1].second > candidates[k].second;
    if (after_smaller || before_larger) pages.push_back(candidates[k].first);
  }
  if (pages.size() < 2 || (pages.back() - pages.front()) / (pages.size() - 1) < kMinPageLines) {
    return;
  }
  for (size_t i : pages) (*lines)[i].artefact = true;
}

// Whether `text` holds a code point in [first, last].
bool HasCodePointIn(std::string_view text, char32_t first, char32_t last) {
  size_t pos = 0;
  while (pos < text.size()) {
    const char32_t c = NextCodePoint(text, &pos);
    if (c >= first && c <= last) return true;
  }
  return false;
}

bool HasIdeograph(std::string_view text) { return HasCodePointIn(text, 0x4E00, 0x9FFF); }
bool HasBoxDrawing(std::string_view text) { return HasCodePointIn(text, 0x2500, 0x257F); }

// A line that could be a running header or footer: short words, no table row or border.
bool MayRun(const Line& line) {
  return !line.blank && !line.artefact && line.text.find('\t') == std::string::npos &&
         CodePointCount(line.folded, kRunningLineMaxChars + 1) <= kRunningLineMaxChars &&
         HasIdeograph(line.folded) && !HasBoxDrawing(line.folded);
}

// The nearest text line from `i` in direction `step` (blank lines skipped), or kNone.
size_t NearestText(const std::vector<Line>& lines, size_t i, int step) {
  for (size_t j = i + step; j < lines.size(); j += step) {
    if (lines[j].artefact) return kNone;
    if (!lines[j].blank) return j;
  }
  return kNone;
}

std::vector<size_t> PageBreaks(const std::vector<Line>& lines) {
  std::vector<size_t> breaks;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].artefact) breaks.push_back(i);
  }
  return breaks;
}

void MarkRunningLines(const std::vector<size_t>& breaks, std::vector<Line>* lines) {
  std::map<std::string, std::vector<size_t>> beside;  // folded text -> its lines at a break
  for (size_t i : breaks) {
    for (int step : {-1, 1}) {
      size_t j = NearestText(*lines, i, step);
      if (j == kNone || !MayRun((*lines)[j])) continue;
      std::vector<size_t>& at = beside[(*lines)[j].folded];
      if (at.empty() || at.back() != j) at.push_back(j);
    }
  }
  const int min_repeats =
      std::max(kRunningLineMinRepeats, static_cast<int>((breaks.size() + 1) / 2));
  for (const auto& [text, at] : beside) {
    if (static_cast<int>(at.size()) < min_repeats) continue;
    for (size_t j : at) (*lines)[j].artefact = true;
  }
}

// Whether `mark` (①) is printed inside a text line before line `end`: the reference a footnote
// explains (千吨万人供水工程①), not an outline item's marker at a line's start.
bool ReferencedBefore(const std::vector<Line>& lines, size_t end, std::string_view mark) {
  for (size_t i = 0; i < end; ++i) {
    const Line& line = lines[i];
    if (line.artefact || line.blank) continue;
    size_t at = line.folded.find(mark);
    if (at != std::string::npos && at > 0) return true;
  }
  return false;
}

// The lines of a footnote printed at the foot of the page that ends at `page_break`: a block of
// text lines opened by ① (or 注：①) whose mark the text above referenced. Empty when there is none.
std::pair<size_t, size_t> FootnoteAbove(const RuleSet& rules, const std::vector<Line>& lines,
                                        size_t page_break) {
  size_t last = page_break;  // the last text line above the break, past a running footer
  while (last > 0 && (lines[last].blank || lines[last].artefact)) --last;
  if (lines[last].blank || lines[last].artefact) return {0, 0};
  for (size_t first = last, read = 0; read < kFootnoteMaxLines; --first, ++read) {
    const Line& line = lines[first];
    if (line.blank || line.artefact) break;
    std::vector<std::string_view> groups;
    size_t begin = 0, end = 0;
    if (rules.footnote.Find(line.folded, 0, &begin, &end, &groups) && !groups.empty()) {
      if (ReferencedBefore(lines, first, groups[0])) return {first, last + 1};
      break;
    }
    if (first == 0) break;
  }
  return {0, 0};
}

// Footnotes at a page's foot explain a term of the text above; they are not the text, and the
// body goes on after the page break (a 注： there ends no body).
void MarkFootnotes(const RuleSet& rules, const std::vector<size_t>& breaks,
                   std::vector<Line>* lines) {
  for (size_t page_break : breaks) {
    auto [first, end] = FootnoteAbove(rules, *lines, page_break);
    for (size_t i = first; i < end; ++i) (*lines)[i].artefact = true;
  }
}

}  // namespace

void MarkPageTail(const RuleSet& rules, std::vector<Line>* lines) {
  if (rules.page_tail.empty()) return;
  // The tail follows the text: a marker in the first half of the text (by size, as a WeChat copy
  // holds its plan in a few long lines) is the page header's (【打印】).
  size_t total = 0;
  for (const Line& line : *lines) total += line.text.size() + 1;
  size_t before = 0;
  for (size_t i = 0; i < lines->size(); ++i) {
    Line& line = (*lines)[i];
    before += line.text.size() + 1;
    if (2 * before <= total || line.blank || line.artefact ||
        !rules.page_tail.Contains(line.folded)) {
      continue;
    }
    for (size_t k = i; k < lines->size(); ++k) (*lines)[k].artefact = !(*lines)[k].blank;
    return;
  }
}

void MarkPageFurniture(const RuleSet& rules, std::vector<Line>* lines) {
  MarkPageTail(rules, lines);
  MarkBarePageNumbers(rules, lines);
  const std::vector<size_t> breaks = PageBreaks(*lines);
  if (breaks.empty()) return;
  MarkRunningLines(breaks, lines);
  MarkFootnotes(rules, breaks, lines);
}

}  // namespace fengong
