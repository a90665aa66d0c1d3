#include "model_themes.h"

#include <memory>

#include "keyword_set.h"
#include "normalize.h"

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

// The keyword set of the rules (built by the loader, or here for rules made by hand), and the
// theme of each of its keyword ids.
class ThemeIndex {
 public:
  explicit ThemeIndex(const ThemeRules& rules) : keywords_(rules.keywords) {
    if (!keywords_) keywords_ = std::make_shared<const KeywordSet>(AllKeywords(rules));
    for (size_t t = 0; t < rules.themes.size(); ++t) {
      theme_of_.insert(theme_of_.end(), rules.themes[t].keywords.size(), t);
    }
  }

  // Adds `weight` to scores[theme] for each keyword of the theme found in `text`.
  void Score(std::string_view text, int weight, std::vector<int>* scores) const {
    std::vector<size_t> found;
    keywords_->Find(text, &found);
    for (size_t id : found) (*scores)[theme_of_[id]] += weight;
  }

 private:
  std::shared_ptr<const KeywordSet> keywords_;
  std::vector<size_t> theme_of_;  // per keyword id
};

// Each listed keyword counts once per field it appears in.
std::optional<std::string> BestTheme(const Task& task, const ThemeRules& rules,
                                     const ThemeIndex& index) {
  std::vector<int> scores(rules.themes.size(), 0);
  for (const Field& field : FieldsOf(task, rules)) index.Score(field.folded, field.weight, &scores);
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
  return BestTheme(task, rules, ThemeIndex(rules));
}

void AssignThemes(const RuleSet& rules, std::vector<Task>* tasks) {
  const ThemeIndex index(rules.themes);
  for (Task& task : *tasks) task.theme = BestTheme(task, rules.themes, index);
}

}  // namespace fengong
