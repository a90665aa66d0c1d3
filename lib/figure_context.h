// Stage 5, figures: whether the words around a number let it be a figure (not a year, a name, a
// group of people, a service's name, a threshold or the scope of a rate), and the word lookups
// that the figure reader (extract_targets) shares with these rules. Rules in measures.yaml,
// comparators.yaml and targets.yaml; all text is the matching view.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract_number.h"
#include "grammar.h"

namespace fengong {

// How many characters before a number the before-number rules see (not_before, chinese_one_after).
constexpr int kContextChars = 6;

// The longest word of `words` that `text` starts with, or nullptr.
template <typename T, typename WordOf>
const T* LongestPrefix(std::string_view text, const std::vector<T>& words, WordOf word_of) {
  for (const T& item : words) {  // REQUIRES: longest first
    const std::string& word = word_of(item);
    if (text.substr(0, word.size()) == word) return &item;
  }
  return nullptr;
}

// The longest word of `words` that `text` ends with, or nullptr.
template <typename T, typename WordOf>
const T* LongestSuffix(std::string_view text, const std::vector<T>& words, WordOf word_of) {
  for (const T& item : words) {
    const std::string& word = word_of(item);
    if (text.size() >= word.size() && text.substr(text.size() - word.size()) == word) return &item;
  }
  return nullptr;
}

inline const std::string& WordOfString(const std::string& s) { return s; }
inline const std::string& WordOfComparator(const ComparatorWord& c) { return c.word; }

// The last `chars` code points of `text`: the words right before a number are all the
// before-number rules look at, and an end-anchored search over a long clause is not free.
std::string_view LastChars(std::string_view text, int chars);

// The period a clause names (每年 -> annual, each word of targets.yaml's periods), if any.
std::optional<std::string> PeriodIn(std::string_view clause, const RuleSet& rules);

// Whether a comparator word stands right before the number or right after the measure word.
bool IsBounded(std::string_view before, std::string_view after, const RuleSet& rules);

// 至少要组建一支: a bound of two or more characters earlier in the clause, between the figure
// and the figure before it, still bounds it. "=" words do not (they are the default anyway).
// The bound that ends last wins, and of two that end together the longer (不低于, not 低于).
const ComparatorWord* BoundEarlier(std::string_view before, const RuleSet& rules);

// The words around a number: `before` it (from the clause start), `since_previous` (from the
// clause's previous figure), `rest` after it (from the measure word), `after` the measure word
// to the clause end, and `beyond` the measure word across the clause end (a colon and what
// it introduces).
struct FigureSurroundings {
  std::string_view before;
  std::string_view since_previous;
  std::string_view rest;
  std::string_view after;
  std::string_view beyond;
};

// Whether the words around a number with a measure word let it be a figure.
bool IsFigureContext(const FigureSurroundings& around, const ParsedNumber& number,
                     const std::optional<std::string>& unit, bool percent, const RuleSet& rules);

}  // namespace fengong
