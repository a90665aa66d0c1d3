#include "extract_meta.h"

#include <map>

#include <fmt/format.h>

#include "extract_number.h"
#include "utf8.h"

namespace fengong {
namespace {

constexpr size_t kMaxTitleChars = 80;
// A title broken over two lines may have one blank line between its pieces (text copied from a
// PDF or a web page keeps the break as a paragraph).
constexpr int kMaxTitleLineGap = 2;

std::optional<std::string> Group1(const Pattern& pattern, std::string_view folded) {
  size_t begin = 0, end = 0;
  std::vector<std::string_view> groups;
  if (!pattern.Find(folded, 0, &begin, &end, &groups) || groups.empty()) return std::nullopt;
  return std::string(groups[0]);
}

bool IsDate(const Passage& p, const RuleSet& rules) {
  return rules.date.Contains(p.folded()) || rules.date_chinese.Contains(p.folded());
}

// Whether the line opens with a field's label (标题：…, 发文字号：…) of a web page's box.
bool IsFieldLine(const std::string& folded, const RuleSet& rules) {
  size_t colon = folded.find(':');
  return colon != std::string::npos && rules.field_label.Contains(folded.substr(0, colon + 1));
}

bool IsTitleLike(const Passage& p, const RuleSet& rules) {
  const std::string& folded = p.folded();
  if (IsFieldLine(folded, rules)) return false;
  if (CodePointCount(folded, kMaxTitleChars + 1) > kMaxTitleChars ||
      folded.find("。") != std::string::npos) {
    return false;
  }
  if (!folded.empty() && (folded.back() == ':' || folded.back() == ',')) return false;
  return !rules.front_matter_skip.Contains(folded) && !rules.notice_title.Contains(folded) &&
         !IsDate(p, rules) && !rules.doc_number.Contains(folded) && !rules.issuer.Contains(folded);
}

// A table's caption that names neither a place nor a year (重点任务分解表): under a title that
// does, it labels the table, not the plan.
bool IsBareCaption(const std::string& folded, const RuleSet& rules) {
  return rules.table_caption.Contains(folded) && !rules.region_prefix.Contains(folded) &&
         !rules.period_year.Contains(folded);
}

// The X of the notice's 关于印发《X》的通知, folded, or "". The notice's title may run over
// several lines (…关于印发…实施方案 | （2021—2025年）的通知), so the lines are read as one.
std::string NoticedTitle(const std::vector<Passage>& front, const RuleSet& rules) {
  std::string folded;
  for (const Passage& p : front) folded += p.folded();
  std::optional<std::string> name = Group1(rules.notice_title, folded);
  if (!name || CodePointCount(*name, kMaxTitleChars + 1) > kMaxTitleChars) return "";
  return *name;
}

// The last run of adjacent title-like lines that names a kind of document, joined; but the run
// that prints the very title the notice issues (关于印发《X》的通知 … X) wins over a later
// caption (X's 附件 table, 醴陵市…任务分解表).
std::optional<std::string> FindTitle(const std::vector<Passage>& front, const RuleSet& rules) {
  std::optional<std::string> title;
  std::string group;
  std::string group_folded;
  int last_line = -10;
  const std::string noticed = NoticedTitle(front, rules);
  bool noticed_printed = false;
  auto close_group = [&] {
    if (title && IsBareCaption(group_folded, rules)) group.clear();
    // A notice's title that a line wrap split (关于印发…任务 | 分解表的通知) is no plan title.
    if (rules.notice_title.Contains(group_folded)) group.clear();
    if (!noticed_printed && !group.empty() && rules.title_keyword.Contains(group_folded)) {
      title = group;
      noticed_printed = !noticed.empty() && group_folded == noticed;
    }
    group.clear();
    group_folded.clear();
  };
  for (const Passage& p : front) {
    if (rules.draft_note.Contains(p.folded())) continue;
    if (!IsTitleLike(p, rules)) {
      close_group();
      last_line = -10;
      continue;
    }
    if (p.first_line() > last_line + kMaxTitleLineGap) close_group();
    group += p.printed();
    group_folded += p.folded();
    last_line = p.last_line();
    if (rules.notice_title.Contains(group_folded)) close_group();  // the notice's title ends here
  }
  close_group();
  if (!title) {
    for (const Passage& p : front) {
      size_t begin = 0, end = 0;
      std::vector<std::string_view> groups;
      if (rules.notice_title.Find(p.folded(), 0, &begin, &end, &groups) && !groups.empty()) {
        size_t at = groups[0].data() - p.folded().data();
        title = p.PrintedRange(at, at + groups[0].size());
        break;
      }
    }
  }
  if (title) title = CollapseCjkSpaces(*title);
  return title;
}

std::optional<std::string> FindIssuer(const std::vector<Passage>& front, const RuleSet& rules) {
  for (size_t i = 0; i + 1 < front.size(); ++i) {
    auto name = Group1(rules.issuer, front[i].folded());
    if (name && IsDate(front[i + 1], rules)) return front[i].printed();
  }
  for (const Passage& p : front) {
    const std::string& folded = p.folded();
    if (folded.size() > 6 && EndsWith(folded, "文件")) {
      if (auto name = Group1(rules.issuer, folded)) {
        std::string printed = p.printed();
        return std::string(Trim(printed.substr(0, printed.size() - 6)));
      }
    }
  }
  return std::nullopt;
}

// `group` of `pattern` in `p`, as printed, or nullopt.
std::optional<std::string> PrintedGroup(const Passage& p, const Pattern& pattern) {
  size_t begin = 0, end = 0;
  std::vector<std::string_view> groups;
  if (!pattern.Find(p.folded(), 0, &begin, &end, &groups) || groups.empty()) return std::nullopt;
  size_t at = groups[0].data() - p.folded().data();
  return std::string(Trim(p.PrintedRange(at, at + groups[0].size())));
}

// The first line of `front` that `pattern` finds a field in (发文字号：X, 发布机构：X).
std::optional<std::string> FindLabelled(const std::vector<Passage>& front, const Pattern& pattern) {
  for (const Passage& p : front) {
    if (std::optional<std::string> value = PrintedGroup(p, pattern)) return value;
  }
  return std::nullopt;
}

std::optional<std::string> FindDocNumber(const std::vector<Passage>& front, const RuleSet& rules) {
  for (const Passage& p : front) {
    if (rules.doc_number.Contains(p.folded())) return p.printed();
  }
  return FindLabelled(front, rules.doc_number_labelled);
}

// 二〇二二, 四, 十六 → 2022, 4, 16 (the year read digit by digit).
std::optional<int> NumeralValue(std::string_view numeral) {
  std::optional<ParsedNumber> parsed = ParseNumberPrefix(numeral);
  if (!parsed || parsed->length != numeral.size()) return std::nullopt;
  return static_cast<int>(parsed->value);
}

std::optional<std::string> DateIn(const Passage& p, const Pattern& date_rule, const RuleSet& rules) {
  size_t begin = 0, end = 0;
  std::vector<std::string_view> groups;
  if (date_rule.Find(p.folded(), 0, &begin, &end, &groups) && groups.size() >= 3) {
    return fmt::format("{}-{:0>2}-{:0>2}", groups[0], groups[1], groups[2]);
  }
  if (rules.date_chinese.Find(p.folded(), 0, &begin, &end, &groups) && groups.size() >= 3) {
    std::optional<int> year = NumeralValue(groups[0]), month = NumeralValue(groups[1]),
                       day = NumeralValue(groups[2]);
    if (year && month && day) return fmt::format("{}-{:02}-{:02}", *year, *month, *day);
  }
  return std::nullopt;
}

// `date_rule`: a date alone on its line, or one in a speech's subtitle.
std::optional<std::string> FindDate(const std::vector<Passage>& front, const Pattern& date_rule,
                                    const RuleSet& rules) {
  for (const Passage& p : front) {
    if (std::optional<std::string> date = DateIn(p, date_rule, rules)) return date;
  }
  return std::nullopt;
}

// The office and date of a 版记 line (…办公室 2023年3月17日印发) in `back`, as printed and ISO.
struct PrintLine {
  std::string issuer;
  std::string date;
};

std::optional<PrintLine> FindPrintLine(const std::vector<Passage>& back, const RuleSet& rules) {
  for (const Passage& p : back) {
    size_t begin = 0, end = 0;
    std::vector<std::string_view> groups;
    if (!rules.issuer_print_date.Find(p.folded(), 0, &begin, &end, &groups) || groups.size() < 4) {
      continue;
    }
    size_t at = groups[0].data() - p.folded().data();
    return PrintLine{p.PrintedRange(at, at + groups[0].size()),
                     fmt::format("{}-{:0>2}-{:0>2}", groups[1], groups[2], groups[3])};
  }
  return std::nullopt;
}

// The years of the five-year plan a title names by number (“十四五” -> 2021—2025). The sixth
// plan ran 1981—1985 and each after it follows the one before.
std::optional<Period> FiveYearPlanPeriod(const std::string& folded, const RuleSet& rules) {
  std::optional<std::string> numeral = Group1(rules.period_five_year_plan, folded);
  if (!numeral) return std::nullopt;
  std::optional<int> units = NumeralValue(*numeral);
  if (!units) return std::nullopt;
  int plan = 10 + *units;
  int from = 1981 + 5 * (plan - 6);
  return Period{from, from + 4};
}

std::optional<Period> FindPeriod(const std::optional<std::string>& title, const RuleSet& rules) {
  if (!title) return std::nullopt;
  std::string folded = Fold(*title);
  size_t begin = 0, end = 0;
  std::vector<std::string_view> groups;
  if (rules.period_range.Find(folded, 0, &begin, &end, &groups) && groups.size() >= 2) {
    return Period{std::stoi(std::string(groups[0])), std::stoi(std::string(groups[1]))};
  }
  if (auto year = Group1(rules.period_year, folded)) {
    int y = std::stoi(*year);
    return Period{y, y};
  }
  return FiveYearPlanPeriod(folded, rules);
}

// The most specific administrative name at the start of `text` (成都市锦江区… -> 锦江区).
std::optional<std::string> RegionPrefix(std::string folded, const RuleSet& rules) {
  size_t year_end = 0;
  std::vector<std::string_view> groups;
  size_t begin = 0;
  if (rules.period_year.Find(folded, 0, &begin, &year_end, &groups) && begin == 0) {
    folded = folded.substr(year_end);
  }
  std::optional<std::string> region;
  std::string_view rest = folded;
  size_t length = 0;
  while (rules.region_prefix.MatchPrefix(rest, &length, &groups)) {
    std::string name(groups[0]);
    if (rules.region_not.Contains(name)) break;
    region = name;
    rest.remove_prefix(length);
  }
  return region;
}

bool IsPlaceInText(std::string_view folded, std::string_view name, size_t end,
                   const RuleSet& rules) {
  if (rules.region_not.Contains(name) || rules.region_not_in_text.Contains(name)) return false;
  size_t next = end;
  if (next < folded.size()) NextCodePoint(folded, &next);
  return !rules.region_not_before.Contains(folded.substr(end, next - end));
}

// The county or district named most often in `passages`.
std::optional<std::string> RegionInText(const std::vector<const Passage*>& passages,
                                        const RuleSet& rules) {
  std::map<std::string, int> counts;
  for (const Passage* p : passages) {
    std::string_view folded = p->folded();
    size_t from = 0, begin = 0, end = 0;
    std::vector<std::string_view> groups;
    while (rules.region_in_text.Find(folded, from, &begin, &end, &groups)) {
      size_t name_end = groups[0].data() + groups[0].size() - folded.data();
      if (IsPlaceInText(folded, groups[0], name_end, rules)) ++counts[std::string(groups[0])];
      from = end;
    }
  }
  std::optional<std::string> best;
  int best_count = 0;
  for (const auto& [name, count] : counts) {
    if (count > best_count) best = name, best_count = count;
  }
  return best;
}

std::vector<const Passage*> Pointers(const std::vector<Passage>& passages) {
  std::vector<const Passage*> pointers;
  for (const Passage& p : passages) pointers.push_back(&p);
  return pointers;
}

}  // namespace

std::string CollapseCjkSpaces(std::string_view printed) {
  std::string out;
  size_t pos = 0;
  char32_t last = 0;
  size_t pending = std::string::npos;
  while (pos < printed.size()) {
    size_t start = pos;
    char32_t c = NextCodePoint(printed, &pos);
    bool space = c == ' ' || c == '\t' || c == 0x3000;
    if (space) {
      if (pending == std::string::npos) pending = start;
      continue;
    }
    if (pending != std::string::npos && !out.empty() && !IsCjk(last) && !IsCjk(c)) out += ' ';
    pending = std::string::npos;
    out.append(printed.substr(start, pos - start));
    last = c;
  }
  return out;
}

DocumentMeta ExtractMeta(const std::vector<Passage>& front_matter,
                         const std::vector<Passage>& back_matter,
                         const std::vector<const Passage*>& body_sample, const RuleSet& rules) {
  DocumentMeta meta;
  meta.title = FindTitle(front_matter, rules);
  meta.issuer = FindIssuer(front_matter, rules);
  if (!meta.issuer) meta.issuer = FindIssuer(back_matter, rules);
  meta.doc_number = FindDocNumber(front_matter, rules);
  meta.date = FindDate(front_matter, rules.date, rules);
  if (!meta.date) meta.date = FindDate(back_matter, rules.date, rules);
  if (!meta.date) meta.date = FindDate(front_matter, rules.date_labelled, rules);
  if (!meta.date) meta.date = FindDate(front_matter, rules.date_in_subtitle, rules);
  // A web page's information box (发布机构：…) names the office when no signature or red head does.
  if (!meta.issuer) meta.issuer = FindLabelled(front_matter, rules.issuer_labelled);
  // A signature's own issuer and date go first: the 版记 gives when the office printed it.
  if (!meta.issuer || !meta.date) {
    if (std::optional<PrintLine> line = FindPrintLine(back_matter, rules)) {
      if (!meta.issuer) meta.issuer = line->issuer;
      if (!meta.date) meta.date = line->date;
    }
  }
  meta.period = FindPeriod(meta.title, rules);
  if (meta.title) meta.region = RegionPrefix(Fold(*meta.title), rules);
  if (!meta.region && meta.issuer) meta.region = RegionPrefix(Fold(*meta.issuer), rules);
  if (!meta.region) meta.region = RegionInText(Pointers(front_matter), rules);
  if (!meta.region) meta.region = RegionInText(body_sample, rules);
  return meta;
}

}  // namespace fengong
