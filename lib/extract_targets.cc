// Reading idea. A passage is cut into sentences (。!?;) and each sentence into clauses (, :). The
// time words of a clause — a deadline year, a period like 每年 — hold for it and for the clauses
// after it in the same sentence, except that a clause with a deadline of its own starts afresh
// without the period, and a period holds on only while the clauses carry on its activity
// ("每年开展技能培训30场，培训1000人次": both annual; "…，培育领军企业50家": not periodic).
// Inside a clause every place where a number starts is tried: the number, an optional range end,
// then a measure word; what is right before the number and right after the measure word gives the
// comparator; whether the words around the number let it be a figure at all is figure_context's
// rule. All matching runs on the folded view; `text`, `metric` and `line` map back to the
// printed input.

#include "extract_targets.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "extract_number.h"
#include "figure_context.h"
#include "utf8.h"

namespace fengong {
namespace {

constexpr std::string_view kPercentPrefix = "百分之";
// How many bytes after a measure word the count_then_list rule sees (a short noun, a colon and
// a list marker).
constexpr size_t kListLookahead = 48;

struct Span {
  size_t begin = 0;
  size_t end = 0;
};

constexpr std::string_view kFullStop = "。";
constexpr std::string_view kListComma = "、";

// A cheap first test for DelimiterLength: the bytes a clause delimiter can start with.
bool MayStartDelimiter(char c) {
  return c == kFullStop[0] || c == ',' || c == ':' || c == ';' || c == '!' || c == '?';
}

// The code point at text[*pos], advancing *pos; three-byte sequences (all of CJK) inline.
char32_t DecodeAt(std::string_view text, size_t* pos) {
  unsigned char b0 = static_cast<unsigned char>(text[*pos]);
  if (b0 < 0x80) return text[(*pos)++];
  if ((b0 & 0xF0) == 0xE0 && *pos + 2 < text.size()) {
    unsigned char b1 = static_cast<unsigned char>(text[*pos + 1]);
    unsigned char b2 = static_cast<unsigned char>(text[*pos + 2]);
    if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
      *pos += 3;
      return (char32_t(b0 & 0x0F) << 12) | (char32_t(b1 & 0x3F) << 6) | char32_t(b2 & 0x3F);
    }
  }
  return NextCodePoint(text, pos);
}

bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

// 1,000: a comma between a digit and three more is a thousands separator, not a clause end.
bool IsThousandsComma(std::string_view text, size_t comma) {
  auto digit = [&](size_t i) { return IsDigit(static_cast<unsigned char>(text[i])); };
  return comma > 0 && digit(comma - 1) && comma + 3 < text.size() &&
         digit(comma + 1) && digit(comma + 2) && digit(comma + 3) &&
         (comma + 4 >= text.size() || !digit(comma + 4));
}
bool IsOpenQuote(char32_t c) {
  return c == U'“' || c == U'‘' || c == U'「' || c == U'『' || c == U'《';
}
bool IsCloseQuote(char32_t c) {
  return c == U'”' || c == U'’' || c == U'」' || c == U'』' || c == U'》';
}
// How deep a position lies in quotes. Straight quotes ("九小场所", common in half-width text) do
// not say which way they face: each one opens or closes the pair.
struct QuoteState {
  int depth = 0;
  bool straight = false;
  void Step(char32_t c) {
    if (IsOpenQuote(c)) ++depth;
    if (IsCloseQuote(c) && depth > 0) --depth;
    if (c == U'"') straight = !straight;
  }
  bool Inside() const { return depth > 0 || straight; }
};
bool IsAsciiAlnum(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
// Chinese numerals a figure may start with; a bare 百/千/万/亿 (百姓, 千方百计) starts none.
bool IsChineseNumeralStart(char32_t c) {
  switch (c) {
    case U'一': case U'二': case U'两': case U'三': case U'四': case U'五': case U'六':
    case U'七': case U'八': case U'九': case U'十': case U'〇': case U'零': case U'半':
      return true;
    default:
      return false;
  }
}


// The time words that hold for a clause.
struct TimeScope {
  std::optional<int> deadline;
  std::optional<std::string> period;
  bool period_in_clause = false;  // the period word is printed in this very clause
  Span period_clause;  // the clause the period word is printed in
  bool past = false;   // after a lead-in of a past time (近年来，…): figures already reached
};

// A number, its range end and measure word, found at one place of a clause.
struct Figure {
  size_t begin = 0;      // folded offset of the number
  size_t end = 0;        // past the measure word and a bracketed alternative
  double value = 0;
  std::optional<double> value_max;
  std::optional<std::string> unit;
  bool approximate = false;  // 余 / 多 after the number
  bool bare = false;         // no measure word: unit null, reported as uncertain
};

// Which word gave a figure its comparator.
// kEarlier: a bound earlier in the clause, not right before the figure (至少要组建一支).
enum class BoundSource { kNone, kBefore, kEarlier, kAfter };

// A member of a 、-list of figures: its index among the figures read and how it was bounded.
struct ListMember {
  size_t index = 0;
  BoundSource source = BoundSource::kNone;
};

// A figure of the clause being read: its index, where it ends, and the span its text covers.
struct ClauseFigure {
  size_t index = 0;
  size_t end = 0;
  Span text;
};

class FigureReader {
 public:
  // Reads the figures of `text` up to folded offset `end`.
  FigureReader(const Passage& text, size_t end, const TargetContext& context,
               const RuleSet& rules, Diagnostics* diagnostics)
      : text_(text),
        folded_(std::string_view(text.folded()).substr(0, end)),
        context_(context), rules_(rules), diagnostics_(diagnostics) {}

  std::vector<Target> Read() {
    size_t pos = 0;
    while (pos < folded_.size()) {
      size_t end = SentenceEnd(pos);
      ReadSentence({pos, end});
      pos = end;
    }
    return std::move(figures_);
  }

 private:
  // The delimiters are ASCII or 。, and UTF-8 continuation bytes are never either, so the text
  // is scanned byte by byte here rather than decoded.
  size_t DelimiterLength(size_t i, bool* sentence_end) const {
    char c = folded_[i];
    *sentence_end = false;
    if (!MayStartDelimiter(c)) return 0;
    *sentence_end = c == '!' || c == '?' || c == ';';
    if (*sentence_end || c == ':' || (c == ',' && !IsThousandsComma(folded_, i))) return 1;
    if (c == kFullStop[0] && folded_.substr(i, kFullStop.size()) == kFullStop) {
      *sentence_end = true;
      return kFullStop.size();
    }
    return 0;
  }

  // Past the end of the sentence that starts at `pos`, its closing delimiter included.
  size_t SentenceEnd(size_t pos) const {
    bool sentence_end = false;
    while (pos < folded_.size()) {
      size_t length = DelimiterLength(pos, &sentence_end);
      pos += length ? length : 1;
      if (sentence_end) break;
    }
    return pos;
  }

  void ReadSentence(Span sentence) {
    TimeScope scope;
    sentence_first_figure_ = figures_.size();
    size_t pos = sentence.begin;
    while (pos < sentence.end) {
      Span clause{pos, pos};
      size_t delimiter = 0;
      bool sentence_end = false;
      while (clause.end < sentence.end &&
             (delimiter = DelimiterLength(clause.end, &sentence_end)) == 0) {
        ++clause.end;
      }
      UpdateScope(clause, &scope);
      size_t figures_before = figures_.size();
      ReadClause(clause, scope);
      if (figures_.size() == figures_before && rules_.past_lead_in.Contains(View(clause))) {
        scope.past = true;
      }
      pos = clause.end + delimiter;
    }
  }

  std::string_view View(Span span) const {
    return folded_.substr(span.begin, span.end - span.begin);
  }

  void UpdateScope(Span clause, TimeScope* scope) const {
    std::string_view view = View(clause);
    std::optional<int> deadline = DeadlineIn(view);
    std::optional<std::string> period = PeriodIn(view, rules_);
    scope->period_in_clause = period.has_value();
    if (period) scope->period_clause = clause;
    if (deadline) scope->past = false;
    if (deadline || period) {
      if (deadline) scope->deadline = deadline;
      scope->period = period;
    } else if (scope->period && !CarriesOn(view, View(scope->period_clause))) {
      scope->period.reset();
    }
  }

  // Whether `clause` carries on the activity of the earlier clause `governing` (每年开展技能培训
  // 30场，培训1000人次): it starts with a word, its first two characters, printed there.
  static bool CarriesOn(std::string_view clause, std::string_view governing) {
    size_t pos = clause.find_first_not_of(' ');
    if (pos == std::string_view::npos) return false;
    size_t begin = pos;
    for (int i = 0; i < 2; ++i) {
      if (pos >= clause.size() || !IsHan(DecodeAt(clause, &pos))) return false;
    }
    return FindBytes(governing, clause.substr(begin, pos - begin)) != std::string_view::npos;
  }

  std::optional<int> DeadlineIn(std::string_view clause) const {
    // Every deadline and this-year form names a 年; most clauses have none.
    if (clause.find("年") == std::string_view::npos) return std::nullopt;
    size_t begin = 0, end = 0;
    std::vector<std::string_view> groups;
    if (rules_.deadline.Find(clause, 0, &begin, &end, &groups)) {
      for (std::string_view group : groups) {
        if (!group.empty()) return std::stoi(std::string(group));
      }
    }
    if (context_.document_year && rules_.this_year.Contains(clause)) return context_.document_year;
    return std::nullopt;
  }

  void ReadClause(Span clause, const TimeScope& scope) {
    clause_start_quotes_ = quotes_;
    figure_floor_ = clause.begin;
    list_.clear();
    clause_figures_.clear();
    size_t pos = clause.begin;
    while (pos < clause.end) {
      size_t at = pos;
      char32_t c = DecodeAt(folded_, &pos);
      quotes_.Step(c);
      if (!(IsDigit(c) || IsChineseNumeralStart(c) || IsPercentPrefix(at))) {
        continue;
      }
      std::optional<ParsedNumber> number = ParseNumberPrefix(View({at, clause.end}));
      if (!number) continue;
      pos = at + number->length;
      std::optional<Figure> figure = ReadFigure(clause, at, *number);
      if (!figure) continue;
      pos = figure->end;
      AddTarget(clause, scope, *figure);
      figure_floor_ = figure->end;
    }
    ReadFullCoverage(clause, scope);
  }

  bool IsPercentPrefix(size_t at) const {
    return folded_.substr(at, kPercentPrefix.size()) == kPercentPrefix;
  }

  // The figure whose number starts at `at`, or nullopt when the number is no figure.
  std::optional<Figure> ReadFigure(Span clause, size_t at, const ParsedNumber& number) const {
    if (quotes_.Inside() || number.digit_sequence) return std::nullopt;
    Figure figure;
    figure.begin = at;
    figure.value = number.value;
    figure.approximate = number.approximate;
    size_t pos = SkipSpace(at + number.length, clause.end);
    bool percent = number.percent;
    pos = ReadRangeEnd(pos, clause.end, &figure, &percent);
    std::string_view before = View({clause.begin, at});
    std::string_view rest = View({pos, clause.end});
    size_t measure_length = 0;
    if (percent) {
      figure.unit = "%";
    } else if (const std::string* tenths = TenthsWord(number, rest)) {
      figure.value *= 10;  // 三成 is 30 %
      figure.unit = "%";
      percent = true;
      measure_length = tenths->size();
    } else if (const std::string* measure = LongestPrefix(rest, rules_.measure_words, WordOfString)) {
      figure.unit = *measure;
      measure_length = measure->size();
    } else if (const std::string* bounded = BoundedMeasure(before, number, rest)) {
      figure.unit = *bounded;
      measure_length = bounded->size();
    } else if (IsBareBoundedCount(before, number, rest)) {
      figure.bare = true;
    } else {
      return std::nullopt;
    }
    size_t measure_end = pos + measure_length;
    FigureSurroundings around{before, View({figure_floor_, at}), rest,
                              View({measure_end, clause.end}),
                              View({measure_end, std::min(folded_.size(),
                                                          measure_end + kListLookahead)})};
    if (!IsFigureContext(around, number, figure.unit, percent, rules_)) return std::nullopt;
    figure.end = SkipAlternativeMeasure(measure_end, clause.end);
    return figure;
  }

  // 三成, 两成: a single Chinese digit and a word of tenths_words, a share; nullptr else.
  const std::string* TenthsWord(const ParsedNumber& number, std::string_view rest) const {
    if (!number.chinese || number.approximate || number.value < 1 || number.value > 9 ||
        number.value != static_cast<int>(number.value)) {
      return nullptr;
    }
    const std::string* word = LongestPrefix(rest, rules_.tenths_words, WordOfString);
    if (!word || rules_.tenths_not_after.Contains(rest.substr(word->size()))) return nullptr;
    return word;
  }

  // 6类以上, 不少于10种, 每年举办1届: a measure word of bounded_measure_words, read only after
  // Arabic digits with a comparator before the number or after the word, a period word just
  // before, or (加装电梯8部。) as the clause's last word if it is a clause_end_measure_word; else
  // nullptr.
  const std::string* BoundedMeasure(std::string_view before, const ParsedNumber& number,
                                    std::string_view rest) const {
    if (number.chinese) return nullptr;
    const std::string* word = LongestPrefix(rest, rules_.bounded_measure_words, WordOfString);
    if (!word) return nullptr;
    const auto& calendar = rules_.calendar_measure_words;
    if (number.value >= 1000 &&
        std::find(calendar.begin(), calendar.end(), *word) != calendar.end()) {
      return nullptr;  // 高于2023年水平: a year
    }
    std::string_view after = rest.substr(word->size());
    if (!IsBounded(before, after, rules_) && !PeriodJustBefore(before) &&
        !ClosesClause(*word, after)) {
      return nullptr;
    }
    return word;
  }

  bool ClosesClause(const std::string& word, std::string_view after) const {
    const auto& words = rules_.clause_end_measure_words;
    if (std::find(words.begin(), words.end(), word) == words.end()) return false;
    size_t pos = 0;
    return after.empty() || !(IsHan(DecodeAt(after, &pos)) || IsAsciiAlnum(after[0]));
  }

  bool PeriodJustBefore(std::string_view before) const {
    std::string_view tail = LastChars(before, kContextChars);
    return std::any_of(rules_.periods.begin(), rules_.periods.end(), [&](const PeriodWord& p) {
      return FindBytes(tail, p.word) != std::string_view::npos;
    });
  }

  // 综合评分不低于90: a number with no measure word is still a figure when a bound (not "=")
  // stands right before it and no word follows it but a bound (不早于2025年 is a year, 不少于3天 has a unit).
  bool IsBareBoundedCount(std::string_view before, const ParsedNumber& number,
                          std::string_view rest) const {
    if (number.chinese || number.percent) return false;
    // 控制在0.012以内: the bound after the number may stand before the clause's end.
    if (const ComparatorWord* after =
            LongestPrefix(rest, rules_.comparators_after, WordOfComparator)) {
      rest.remove_prefix(after->word.size());
    }
    // A 、 ends the figure as a clause end does (小学控制在0.50以内、初中控制在0.45以内).
    if (!rest.empty() && rest.substr(0, kListComma.size()) != kListComma) {
      unsigned char next = static_cast<unsigned char>(rest[0]);
      if (next >= 0x80 || IsAsciiAlnum(next)) return false;  // a word or a code follows
    }
    const ComparatorWord* bound =
        LongestSuffix(before, rules_.comparators_before, WordOfComparator);
    // 利用系数为0.641: a coefficient or index has no unit, so any wording may give it.
    return (bound && bound->symbol != "=" && bound->symbol != "~") ||
           rules_.unitless_metric.Contains(LastChars(before, kContextChars));
  }

  size_t SkipSpace(size_t pos, size_t end) const {
    while (pos < end && folded_[pos] == ' ') ++pos;
    return pos;
  }

  // 1-2次, 1至2次: the range's upper end, if a separator and a second number follow.
  size_t ReadRangeEnd(size_t pos, size_t end, Figure* figure, bool* percent) const {
    std::string_view rest = View({pos, end});
    const std::string* separator = LongestPrefix(rest, rules_.range_separators, WordOfString);
    if (!separator) return pos;
    size_t second_at = SkipSpace(pos + separator->size(), end);
    std::optional<ParsedNumber> second = ParseNumberPrefix(View({second_at, end}));
    if (!second || second->digit_sequence || second->value <= figure->value) return pos;
    figure->value_max = second->value;
    *percent = *percent || second->percent;
    return SkipSpace(second_at + second->length, end);
  }

  // 8处（所）以上: a bracketed alternative measure word is part of the figure.
  size_t SkipAlternativeMeasure(size_t pos, size_t end) const {
    std::string_view rest = View({pos, end});
    if (rest.empty() || rest[0] != '(') return pos;
    const std::string* measure = LongestPrefix(rest.substr(1), rules_.measure_words, WordOfString);
    if (!measure || rest.substr(1 + measure->size(), 1) != ")") return pos;
    return pos + measure->size() + 2;
  }

  void AddTarget(Span clause, const TimeScope& scope, const Figure& figure) {
    Target target;
    target.value = figure.value;
    target.value_max = figure.value_max;
    target.unit = figure.unit;
    BoundSource source = BoundSource::kNone;
    target.comparator = figure.value_max ? "range" : Comparator(clause, figure, &source);
    if (figure.bare) {
      diagnostics_->Warn(text_.LineAt(figure.begin), WarningCode::kUncertainTarget,
                         fmt::format("a bounded number with no measure word ({}) read as a target",
                                     text_.PrintedRange(clause.begin, clause.end)));
    }
    ListLink link = LinkToPrevious(figure.begin);
    Finish(clause, scope, figure.begin, figure.end, &target);
    // 低于全国平均水平4.75本: a bound earlier than a reference figure compares the plan's own
    // figure with it; the reference itself is stated as it is.
    if (source == BoundSource::kEarlier && figures_.back().kind == "reference") {
      figures_.back().comparator = "=";
    }
    ShareListBound(link, source);
  }

  // How a figure stands to the clause's previous figure.
  enum class ListLink {
    kNone,
    kMember,       // only a joiner between (65%、63%以上, 10个和20个): one list
    kCoordinated,  // a joiner right before it (至少配备1台DR和1台超声仪): the same verb's object
  };

  ListLink LinkToPrevious(size_t begin) const {
    if (list_.empty()) return ListLink::kNone;
    std::string_view between = View({figure_floor_, begin});
    if (const ComparatorWord* word =
            LongestPrefix(between, rules_.comparators_after, WordOfComparator)) {
      between.remove_prefix(word->word.size());
    }
    const std::string* joiner = LongestSuffix(between, rules_.list_joiners, WordOfString);
    if (!joiner) return ListLink::kNone;
    return between.size() == joiner->size() ? ListLink::kMember : ListLink::kCoordinated;
  }

  // A comparator printed once for a list bounds every member: the last member's after-word
  // (…63%以上) reaches back to the members with none of their own, and a member or coordinated
  // figure with no word takes the bound of the one before it (不少于10个、20个).
  void ShareListBound(ListLink link, BoundSource source) {
    if (link == ListLink::kNone) list_.clear();
    Target& current = figures_.back();
    if (link != ListLink::kNone && current.comparator != "range") {
      if (source == BoundSource::kNone) {
        const Target& previous = figures_[list_.back().index];
        if (previous.comparator != "range") current.comparator = previous.comparator;
      } else if (source == BoundSource::kAfter && link == ListLink::kMember) {
        for (const ListMember& member : list_) {
          Target& earlier = figures_[member.index];
          if (member.source != BoundSource::kAfter && earlier.comparator != "range") {
            earlier.comparator = current.comparator;
          }
        }
      }
    }
    if (link == ListLink::kCoordinated) list_.clear();
    list_.push_back({figures_.size() - 1, source});
  }

  void ReadFullCoverage(Span clause, const TimeScope& scope) {
    std::string_view view = View(clause);
    for (const std::string& word : rules_.full_coverage) {
      size_t at = FindBytes(view, word);
      if (at == std::string_view::npos || QuotedAt(clause.begin, clause.begin + at)) continue;
      Target target;
      target.value = 100;
      target.unit = "%";
      Finish(clause, scope, clause.begin + at, clause.begin + at + word.size(), &target);
      return;
    }
  }

  // Whether folded offset `at` of the clause lies inside quotes, counting from clause start on
  // top of the depth the clause started with.
  bool QuotedAt(size_t begin, size_t at) const {
    QuoteState quotes = clause_start_quotes_;
    size_t pos = begin;
    while (pos < at) quotes.Step(NextCodePoint(folded_, &pos));
    return quotes.Inside();
  }

  // The comparator of a figure; *source says which word gave it.
  std::string Comparator(Span clause, const Figure& figure, BoundSource* source) {
    std::string_view after = View({figure.end, clause.end});
    std::string_view before = View({clause.begin, figure.begin});
    const ComparatorWord* word = LongestPrefix(after, rules_.comparators_after, WordOfComparator);
    const ComparatorWord* right_before =
        LongestSuffix(before, rules_.comparators_before, WordOfComparator);
    *source = word ? BoundSource::kAfter : BoundSource::kBefore;
    // 控制在18立方米左右: 左右 only rounds a figure a bound before it gives.
    if (word && word->symbol == "~") {
      const ComparatorWord* bound = right_before;
      *source = BoundSource::kBefore;
      if (!bound) {
        bound = BoundEarlier(View({figure_floor_, figure.begin}), rules_);
        *source = BoundSource::kEarlier;
      }
      if (bound && bound->symbol != "=" && bound->symbol != "~") return bound->symbol;
      *source = BoundSource::kAfter;
    }
    if (!word) word = right_before;
    if (!word) {
      word = BoundEarlier(View({figure_floor_, figure.begin}), rules_);
      *source = BoundSource::kEarlier;
    }
    if (!word) {
      *source = BoundSource::kNone;
      return figure.approximate ? ">" : "=";
    }
    // 受益家庭达五千余户: 余 says "more than" whatever verb reaches it.
    if (word->symbol == "=" && figure.approximate) return ">";
    if (word->symbol != "~") return word->symbol;
    diagnostics_->Warn(text_.LineAt(figure.begin), WarningCode::kApproximateTarget,
                       fmt::format("approximate figure ({}) recorded as \"=\"", word->word));
    return "=";
  }

  // 由2023年的45%提高到70%: the figure the change starts from.
  bool IsStartingPoint(Span clause, size_t begin, size_t end) const {
    constexpr int kLeadInChars = 20;  // 由 and the year and 的 before the figure
    std::string_view lead_in = LastChars(View({clause.begin, begin}), kLeadInChars);
    return rules_.starting_point_before.Contains(lead_in) &&
           rules_.starting_point_after.Contains(View({end, clause.end}));
  }

  // Kind, deadline, period, stretch, metric, text and line of a figure in `clause`.
  void Finish(Span clause, const TimeScope& scope, size_t begin, size_t end, Target* target) {
    std::string_view view = View(clause);
    target->deadline = scope.deadline;
    // A share (前20%) is a state, not a count that recurs: only its own clause makes it periodic.
    if (scope.period_in_clause || target->unit != "%") target->period = scope.period;
    if (rules_.reference.Contains(view)) {
      target->kind = "reference";
      target->deadline.reset();
    } else if (IsStartingPoint(clause, begin, end)) {
      target->kind = "baseline";
    } else if (scope.past || rules_.achieved.Contains(view) ||
               (scope.deadline && context_.plan_start && *scope.deadline < *context_.plan_start)) {
      target->kind = "baseline";
    }
    target->stretch = IsStretch(clause, begin);
    Span segment{ListSegmentBegin(clause, begin), clause.end};
    target->metric = Metric(segment, begin, end);
    // 超过18%，力争达到20%: a figure with no subject of its own counts what the one before it does.
    if (!target->metric && figures_.size() > sentence_first_figure_) {
      target->metric = figures_.back().metric;
    }
    target->text = text_.PrintedRange(segment.begin, segment.end);
    target->line = text_.LineAt(begin);
    figures_.push_back(std::move(*target));
    clause_figures_.push_back({figures_.size() - 1, end, segment});
  }

  // Where the text of a figure at `begin` starts: the clause start, or past the 、 that closes
  // the segment of the figure before it when the figure has words of its own before it
  // (生产总值286.4亿元、增长6.8%); the earlier figures' texts then end at that 、. Members of one
  // list (65%、63%以上, 2个区级、1个以上市级…) keep the whole clause.
  size_t ListSegmentBegin(Span clause, size_t begin) {
    if (clause_figures_.empty() || begin < clause_figures_.back().end) return clause.begin;
    std::string_view between = View({clause_figures_.back().end, begin});
    size_t comma = FindBytes(between, kListComma);
    if (comma == std::string_view::npos) return clause_figures_.back().text.begin;
    std::string_view words = between.substr(comma + kListComma.size());
    if (const ComparatorWord* bound =
            LongestSuffix(words, rules_.comparators_before, WordOfComparator)) {
      words.remove_suffix(bound->word.size());
    }
    if (words.find_first_not_of(' ') == std::string_view::npos) return clause.begin;
    size_t cut = clause_figures_.back().end + comma;
    for (ClauseFigure& earlier : clause_figures_) {
      if (earlier.text.end <= cut) continue;
      earlier.text.end = cut;
      figures_[earlier.index].text = text_.PrintedRange(earlier.text.begin, cut);
    }
    return cut + kListComma.size();
  }

  // 力争 before a figure that follows a firm one in the same sentence.
  bool IsStretch(Span clause, size_t begin) const {
    std::string_view before = View({clause.begin, begin});
    bool stretch_word = false;
    for (const std::string& word : rules_.stretch_words) {
      stretch_word = stretch_word || FindBytes(before, word) != std::string_view::npos;
    }
    if (!stretch_word) return false;
    for (size_t i = sentence_first_figure_; i < figures_.size(); ++i) {
      if (figures_[i].kind == "target" && !figures_[i].stretch) return true;
    }
    return false;
  }

  // What is counted: the words after the measure word (2000名专业技能工人), else the clause's
  // head before the number with time words, verbs and comparators cut (注册科技志愿者人数).
  std::optional<std::string> Metric(Span clause, size_t begin, size_t end) const {
    Span after{end, end};
    if (const ComparatorWord* bound =
            LongestPrefix(View({end, clause.end}), rules_.comparators_after, WordOfComparator)) {
      after = {end + bound->word.size(), end + bound->word.size()};
    }
    while (after.end < clause.end) {
      size_t next = after.end;
      char32_t c = NextCodePoint(folded_, &next);
      if (!IsHan(c) || IsChineseNumeralStart(c)) break;
      after.end = next;
    }
    if (CodePointCount(View(after)) >= 2 && View(after).substr(0, 3) != "的") {
      return text_.PrintedRange(after.begin, after.end);
    }
    Span head{clause.begin, CutAtComparator(clause.begin, begin)};
    size_t length = 0;
    if (rules_.metric_head.MatchPrefix(View(head), &length)) head.begin += length;
    std::string_view view = View(head);
    while (view.size() >= 3 && view.substr(view.size() - 3) == "的") {
      view.remove_suffix(3);
      head.end -= 3;
    }
    if (CodePointCount(view) < 2) return std::nullopt;
    return text_.PrintedRange(head.begin, head.end);
  }

  // The end of the metric before a figure: where the first comparator word of two or more
  // characters starts (覆盖面|达到全区常住人口的80%以上), else where the comparator right before
  // the figure starts (比例|达8.9%).
  size_t CutAtComparator(size_t begin, size_t end) const {
    std::string_view view = View({begin, end});
    const ComparatorWord* last = LongestSuffix(view, rules_.comparators_before, WordOfComparator);
    size_t cut = view.size() - (last ? last->word.size() : 0);
    for (const ComparatorWord& word : rules_.comparators_before) {
      if (CodePointCount(word.word) < 2) continue;
      size_t at = FindBytes(view, word.word);
      if (at != std::string_view::npos && at > 0 && at < cut) cut = at;
    }
    return begin + cut;
  }

  const Passage& text_;
  const std::string_view folded_;
  const TargetContext& context_;
  const RuleSet& rules_;
  Diagnostics* diagnostics_;
  std::vector<Target> figures_;
  size_t sentence_first_figure_ = 0;
  QuoteState quotes_;
  QuoteState clause_start_quotes_;
  size_t figure_floor_ = 0;  // where the clause's text after its last figure starts
  // The figures of the current 、-list (65%、63%以上), in order, and how each was bounded.
  std::vector<ListMember> list_;
  // The figures read so far in the current clause, with the segment their text covers.
  std::vector<ClauseFigure> clause_figures_;
};

}  // namespace

std::vector<Target> ExtractFigures(const Passage& text, const TargetContext& context,
                                   const RuleSet& rules, Diagnostics* diagnostics) {
  return FigureReader(text, std::string::npos, context, rules, diagnostics).Read();
}

std::vector<Target> ExtractTargets(const Passage& text, const TargetContext& context,
                                   const RuleSet& rules, Diagnostics* diagnostics, size_t end) {
  std::vector<Target> targets;
  for (Target& figure : FigureReader(text, end, context, rules, diagnostics).Read()) {
    if (figure.kind == "target") targets.push_back(std::move(figure));
  }
  return targets;
}

std::vector<Target> ExtractGoals(const std::vector<const Passage*>& paragraphs,
                                 const TargetContext& context, std::optional<int> plan_end,
                                 const RuleSet& rules, Diagnostics* diagnostics) {
  std::vector<Target> goals;
  for (const Passage* paragraph : paragraphs) {
    for (Target& figure : ExtractFigures(*paragraph, context, rules, diagnostics)) {
      if (figure.kind == "target" && !figure.deadline) figure.deadline = plan_end;
      goals.push_back(std::move(figure));
    }
  }
  return goals;
}

std::vector<Target> ExtractBaselines(const std::vector<Passage>& paragraphs,
                                     const TargetContext& context, const RuleSet& rules,
                                     Diagnostics* diagnostics) {
  std::vector<Target> baselines;
  for (const Passage& paragraph : paragraphs) {
    for (Target& figure : ExtractFigures(paragraph, context, rules, diagnostics)) {
      if (figure.kind == "target") figure.kind = "baseline";
      baselines.push_back(std::move(figure));
    }
  }
  return baselines;
}

}  // namespace fengong
