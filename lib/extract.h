// Stage 5: task drafts into model tasks — text cut from its annotation, effective units resolved
// by precedence (own annotation, table cells and merged cells, group annotation, appendix table,
// enclosing headings), targets read from title and body, and the unit index.
#pragma once

#include <vector>

#include "diagnostics.h"
#include "extract_targets.h"
#include "grammar.h"
#include "model.h"
#include "structure.h"

namespace fengong {

// Tasks with their effective units and their targets (read with `context`). *annotated (if
// given) receives how many tasks carry their own inline unit annotation.
std::vector<Task> ExtractTasks(const Structure& structure, const TargetContext& context,
                               const RuleSet& rules, Diagnostics* diagnostics,
                               size_t* annotated = nullptr);

// Every unit named by the tasks, once, in order of first mention, with the tasks that name it.
std::vector<UnitEntry> BuildUnitIndex(const std::vector<Task>& tasks, const RuleSet& rules);

}  // namespace fengong
