#include "model_themes.h"

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

// Each distinct keyword counts once per field it appears in.
int Score(const ThemeRule& theme, const std::vector<Field>& fields) {
  int score = 0;
  for (const Field& field : fields) {
    for (const std::string& keyword : theme.keywords) {
      if (field.folded.find(keyword) != std::string::npos) score += field.weight;
    }
  }
  return score;
}

}  // namespace

std::optional<std::string> ThemeOf(const Task& task, const ThemeRules& rules) {
  std::vector<Field> fields = FieldsOf(task, rules);
  const ThemeRule* best = nullptr;
  int best_score = rules.min_score - 1;
  for (const ThemeRule& theme : rules.themes) {
    int score = Score(theme, fields);
    if (score > best_score) best = &theme, best_score = score;
  }
  if (best == nullptr) return std::nullopt;
  return best->key;
}

void AssignThemes(const RuleSet& rules, std::vector<Task>* tasks) {
  for (Task& task : *tasks) task.theme = ThemeOf(task, rules.themes);
}

}  // namespace fengong
