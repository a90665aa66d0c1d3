#include "figure_context.h"

#include <algorithm>

#include "utf8.h"

namespace fengong {
namespace {

constexpr std::string_view kListComma = "、";

bool IsAsciiAlnum(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// 创建省级节水教育基地一个: a count of 一 that closes its clause (or its 、-list member)
// after a verb that builds, the object printed between them.
bool IsClosingCountOfOne(const FigureSurroundings& around, const RuleSet& rules) {
  bool closes = around.after.empty() || around.after.substr(0, kListComma.size()) == kListComma;
  return closes && rules.chinese_one_closing_after.Contains(around.before);
}

// 每半年通报一次, 每季度开展两次: a count of times in Chinese numerals after a period word of
// its clause is a frequency commitment, as 每半年通报1次 is.
bool IsChineseFrequency(const FigureSurroundings& around, const ParsedNumber& number,
                        const std::optional<std::string>& unit, const RuleSet& rules) {
  if (!number.chinese || !unit) return false;
  const auto& words = rules.frequency_measures;
  return std::find(words.begin(), words.end(), *unit) != words.end() &&
         PeriodIn(around.before, rules).has_value();
}

bool IsDuration(const std::optional<std::string>& unit, const RuleSet& rules) {
  const auto& durations = rules.duration_measures;
  return unit && std::find(durations.begin(), durations.end(), *unit) != durations.end();
}

// 3个工作日内办结: a duration, 内 and the act to complete in it is a time limit (bounded by
// 内, "<="), where …内 is otherwise a time frame (3个月内完成整改).
bool IsTimeLimit(std::string_view after, const std::optional<std::string>& unit,
                 const RuleSet& rules) {
  return IsDuration(unit, rules) && rules.time_limit_done.Contains(after);
}

// 接警后5分钟内到达现场率达到95%: a time limit whose clause runs on into a rate given as a share
// defines what the rate counts; the share is the figure.
bool IsTimeLimitOfRate(std::string_view after, const std::optional<std::string>& unit,
                       const RuleSet& rules) {
  return after.find('%') != std::string_view::npos && IsTimeLimit(after, unit, rules) &&
         rules.rate_scope.Contains(after);
}

// 每季度末前5个工作日报送: a duration counted from a point in the calendar places a date.
bool IsDateOffset(std::string_view tail, const std::optional<std::string>& unit,
                  const RuleSet& rules) {
  return IsDuration(unit, rules) && rules.date_offset_before.Contains(tail);
}

bool NamesFullCoverage(std::string_view text, const RuleSet& rules) {
  return std::any_of(
      rules.full_coverage.begin(), rules.full_coverage.end(),
      [&](const std::string& word) { return FindBytes(text, word) != std::string_view::npos; });
}

// 39个国考断面水质优良率达到90%: an unbounded count whose clause goes on to a rate given as a
// share counts what the rate is measured over.
bool IsRateScope(std::string_view tail, std::string_view after, const RuleSet& rules) {
  // The rate is given with a % sign or as 全覆盖; most clauses have neither, so the search is
  // skipped.
  if (after.find('%') == std::string_view::npos && !NamesFullCoverage(after, rules)) return false;
  return rules.rate_scope.Contains(after) && !IsBounded(tail, after, rules);
}

// 消除56人以上大班额 / 56人以上大班额全部消除: a bounded figure that runs on into a noun, with a
// removal verb before the figure or after the noun; 对年用水量1万立方米以上的企业: with 对 before
// it, the threshold of whom a measure covers.
bool IsRemovedThreshold(std::string_view tail, const FigureSurroundings& around,
                        const RuleSet& rules) {
  const ComparatorWord* bound =
      LongestPrefix(around.after, rules.comparators_after, WordOfComparator);
  if (bound == nullptr) return false;
  std::string_view noun = around.after.substr(bound->word.size());
  size_t pos = 0;
  if (noun.empty() || !IsHan(NextCodePoint(noun, &pos))) return false;
  return rules.removed_before.Contains(tail) || rules.removed_after.Contains(noun) ||
         rules.scope_before.Contains(tail);
}

// 24小时心理援助热线, 15分钟健身圈: an unbounded duration that runs on into a noun names a
// kind of service; 12分钟以内, 压缩至2小时, 3个工作日办结 stay figures.
bool IsDurationAttribute(const FigureSurroundings& around, const std::optional<std::string>& unit,
                         const RuleSet& rules) {
  if (around.after.empty() || !IsDuration(unit, rules)) return false;
  size_t pos = 0;
  if (!IsHan(NextCodePoint(around.after, &pos))) return false;
  return !rules.duration_done.Contains(around.after) &&
         !IsBounded(LastChars(around.before, kContextChars), around.after, rules);
}

}  // namespace

std::string_view LastChars(std::string_view text, int chars) {
  size_t pos = text.size();
  for (int i = 0; i < chars && pos > 0; ++i) PrevCodePoint(text, &pos);
  return text.substr(pos);
}

std::optional<std::string> PeriodIn(std::string_view clause, const RuleSet& rules) {
  for (const PeriodWord& word : rules.periods) {
    if (FindBytes(clause, word.word) != std::string_view::npos) return word.period;
  }
  return std::nullopt;
}

bool IsBounded(std::string_view before, std::string_view after, const RuleSet& rules) {
  return LongestSuffix(before, rules.comparators_before, WordOfComparator) ||
         LongestPrefix(after, rules.comparators_after, WordOfComparator);
}

const ComparatorWord* BoundEarlier(std::string_view before, const RuleSet& rules) {
  const ComparatorWord* found = nullptr;
  size_t found_end = 0;
  for (const ComparatorWord& word : rules.comparators_before) {
    if (word.symbol == "=" || word.symbol == "~" || CodePointCount(word.word) < 2) continue;
    size_t at = FindLastBytes(before, word.word);
    if (at == std::string_view::npos) continue;
    size_t end = at + word.word.size();
    if (!found || end > found_end || (end == found_end && word.word.size() > found->word.size())) {
      found = &word;
      found_end = end;
    }
  }
  return found;
}

bool IsFigureContext(const FigureSurroundings& around, const ParsedNumber& number,
                     const std::optional<std::string>& unit, bool percent, const RuleSet& rules) {
  std::string_view tail = LastChars(around.before, kContextChars);
  if (!tail.empty()) {
    size_t prev_pos = tail.size();
    char32_t prev = PrevCodePoint(tail, &prev_pos);
    // 5G, 3+2, 7×24小时: a number joined to a code or another number.
    if (IsAsciiAlnum(prev) || prev == '.' || prev == '+' || prev == U'×' || prev == '*') {
      return false;
    }
  }
  if (rules.not_before.Contains(tail)) return false;
  bool frequency = IsChineseFrequency(around, number, unit, rules);
  // A lone 零 (零门槛, 零距离, 零部件) opens a word: a plan commits to zero in words that take
  // no measure word (零增长, 零事故), which are never read as figures.
  if (number.chinese && number.value == 0 && !number.percent) return false;
  if (number.chinese && number.value == 1 && !frequency &&
      !rules.chinese_one_after.Contains(tail) && !IsClosingCountOfOne(around, rules)) {
    return false;
  }
  if (rules.not_after_number.Contains(around.rest)) return false;
  if (rules.not_after_measure.Contains(around.after) && !IsTimeLimit(around.after, unit, rules)) {
    return false;
  }
  if (IsDurationAttribute(around, unit, rules)) return false;
  if (IsTimeLimitOfRate(around.after, unit, rules)) return false;
  if (IsDateOffset(tail, unit, rules)) return false;
  if (IsRemovedThreshold(tail, around, rules)) return false;
  if (rules.condition_after.Contains(around.after)) return false;  // …以上方可实施
  if (percent) return true;
  if (rules.structure_count.Contains(around.after)) return false;
  if (rules.count_then_list.Contains(around.beyond)) return false;
  if (IsRateScope(tail, around.after, rules)) return false;
  // 至少建立两项工作机制: a bound earlier in the clause makes such a count a figure again.
  return !(number.chinese && !frequency && rules.structure_count_chinese.Contains(around.after) &&
           !IsBounded(tail, around.after, rules) && !BoundEarlier(around.since_previous, rules));
}

}  // namespace fengong
