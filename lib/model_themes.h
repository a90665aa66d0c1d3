// Part of stage 6 (model): what a task is about. Each task gets the theme of grammars/themes.yaml
// whose keywords weigh most in its title, its nearest heading and its text, or null when no theme
// reaches the file's minimum score (plans on topics the rules do not know).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "grammar.h"
#include "model.h"

namespace fengong {

// The theme key of `task`, or nullopt.
std::optional<std::string> ThemeOf(const Task& task, const ThemeRules& rules);

// Sets tasks[].theme.
void AssignThemes(const RuleSet& rules, std::vector<Task>* tasks);

}  // namespace fengong
