#include "model_themes.h"

#include <bitset>
#include <unordered_map>

#include "normalize.h"
#include "utf8.h"

namespace fengong {
namespace {

// The three places a task states its subject, folded for matching, with their weights.
struct Field {
  std::string folded;
  int weight = 0;
};

std::vector<Field> FieldsOf(const Task& task, const ThemeRules& rules) {
  std::vector<Field> fields;
  if (task.title) fields.push_back({Fold(*task.title), rules.title_weight});
  if (!task.path.empty()) fields.push_back({Fold(task.path.back()), rules.heading_weight});
  fields.push_back({Fold(task.text), rules.text_weight});
  return fields;
}

// Every keyword of every theme, indexed by its first character, so that a field is read once
// for all of them (there are some two hundred) instead of once per keyword. In the folded text
// (valid UTF-8) a well-formed keyword can only start at a character boundary, so this finds
// what a substring search finds; a keyword that is empty or not UTF-8 is searched for as bytes.
// text.compare(pos, word.size(), word) == 0, for words of a few bytes: no library call.
bool StartsAt(std::string_view text, size_t pos, const std::string& word) {
  if (word.size() > text.size() - pos) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (text[pos + i] != word[i]) return false;
  }
  return true;
}

class KeywordIndex {
 public:
  explicit KeywordIndex(const ThemeRules& rules) {
    for (size_t t = 0; t < rules.themes.size(); ++t) {
      for (const std::string& keyword : rules.themes[t].keywords) {
        themes_of_[IdOf(keyword)].push_back(t);
      }
    }
  }

  size_t size() const { return keywords_.size(); }
  // The themes that list keyword `id`, once per listing.
  const std::vector<size_t>& ThemesOf(size_t id) const { return themes_of_[id]; }

  // found[id] = whether keyword `id` occurs in `text`.
  void Find(std::string_view text, std::vector<char>* found) const {
    found->assign(keywords_.size(), 0);
    for (size_t id : searched_) (*found)[id] = FindBytes(text, keywords_[id]) != std::string::npos;
    size_t pos = 0;
    while (pos < text.size()) {
      size_t next = pos;
      const char32_t c = NextCodePoint(text, &next);
      auto starting = c < 0x10000 && !starts_[c] ? by_first_.end() : by_first_.find(c);
      if (starting != by_first_.end()) {
        for (size_t id : starting->second) {
          if (!(*found)[id] && StartsAt(text, pos, keywords_[id])) (*found)[id] = 1;
        }
      }
      pos = next;
    }
  }

 private:
  size_t IdOf(const std::string& keyword) {
    auto [it, inserted] = ids_.emplace(keyword, keywords_.size());
    if (!inserted) return it->second;
    keywords_.push_back(keyword);
    themes_of_.emplace_back();
    if (keyword.empty() || !IsValidUtf8(keyword)) {
      searched_.push_back(it->second);
    } else {
      size_t pos = 0;
      const char32_t first = NextCodePoint(keyword, &pos);
      by_first_[first].push_back(it->second);
      if (first < 0x10000) starts_[first] = true;
    }
    return it->second;
  }

  std::vector<std::string> keywords_;
  std::unordered_map<std::string, size_t> ids_;
  std::unordered_map<char32_t, std::vector<size_t>> by_first_;
  std::bitset<0x10000> starts_;  // BMP characters some keyword starts with: most start none
  std::vector<size_t> searched_;  // empty or not UTF-8: searched for byte by byte
  std::vector<std::vector<size_t>> themes_of_;  // per keyword id
};

// Each listed keyword counts once per field it appears in.
std::optional<std::string> BestTheme(const Task& task, const ThemeRules& rules,
                                     const KeywordIndex& index) {
  std::vector<int> scores(rules.themes.size(), 0);
  std::vector<char> found;
  for (const Field& field : FieldsOf(task, rules)) {
    index.Find(field.folded, &found);
    for (size_t id = 0; id < index.size(); ++id) {
      if (!found[id]) continue;
      for (size_t theme : index.ThemesOf(id)) scores[theme] += field.weight;
    }
  }
  const ThemeRule* best = nullptr;
  int best_score = rules.min_score - 1;
  for (size_t t = 0; t < rules.themes.size(); ++t) {
    if (scores[t] > best_score) best = &rules.themes[t], best_score = scores[t];
  }
  if (best == nullptr) return std::nullopt;
  return best->key;
}

}  // namespace

std::optional<std::string> ThemeOf(const Task& task, const ThemeRules& rules) {
  return BestTheme(task, rules, KeywordIndex(rules));
}

void AssignThemes(const RuleSet& rules, std::vector<Task>* tasks) {
  const KeywordIndex index(rules.themes);
  for (Task& task : *tasks) task.theme = BestTheme(task, rules.themes, index);
}

}  // namespace fengong
