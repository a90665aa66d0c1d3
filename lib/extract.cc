#include "extract.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "extract_units.h"
#include "utf8.h"

namespace fengong {
namespace {

// A unit cell that names the roles itself (牵头：X；配合：Y, or X牵头，Y配合), read as such; nullopt
// when it names no lead (the caller reads it as a plain list).
std::optional<UnitList> SelfLabelledCell(const Cell& cell, const RuleSet& rules) {
  if (!MentionsLead(cell.text.folded(), rules)) return std::nullopt;
  Diagnostics ignored;
  std::optional<UnitList> labelled = ReadAnnotation(cell.text, rules, &ignored);
  if (!labelled || labelled->lead.empty()) return std::nullopt;
  return labelled;
}

UnitList CellUnits(const Cell& lead, const Cell& responsible, const RuleSet& rules) {
  // One units column whose cell names the roles itself.
  if (lead.empty()) {
    if (auto labelled = SelfLabelledCell(responsible, rules)) return *labelled;
  }
  UnitList units;
  // A lead cell that names the roles itself: its 配合 units come before the responsible cell's.
  if (auto labelled = SelfLabelledCell(lead, rules)) {
    units = *labelled;
  } else {
    units.lead = SplitUnitCell(lead, rules, &units.open_list);
  }
  AppendUnique(SplitUnitCell(responsible, rules, &units.open_list), &units.responsible);
  return units;
}

class UnitResolver {
 public:
  UnitResolver(const Structure& structure, const RuleSet& rules, Diagnostics* diagnostics)
      : structure_(structure), rules_(rules), diagnostics_(diagnostics),
        table_units_(structure.tasks.size()), first_responsible_(structure.tasks.size()),
        support_units_(structure.tasks.size()) {}

  // The task's effective units; `own` is its inline annotation, if any. A heading that names
  // the lead of its items (市财政局牵头) gives the lead where the task's own units name none.
  UnitList Resolve(size_t index, const std::optional<Annotation>& own) {
    UnitList units = ResolveOwn(index, own);
    if (!units.lead.empty()) return units;
    const TaskDraft& draft = structure_.tasks[index];
    for (auto it = draft.heading_texts.rbegin(); it != draft.heading_texts.rend(); ++it) {
      std::vector<std::string> lead = HeadingLead(*it, rules_);
      if (lead.empty()) continue;
      for (const std::string& name : lead) {
        units.responsible.erase(
            std::remove(units.responsible.begin(), units.responsible.end(), name),
            units.responsible.end());
      }
      units.lead = std::move(lead);
      break;
    }
    return units;
  }

 private:
  UnitList ResolveOwn(size_t index, const std::optional<Annotation>& own) {
    const TaskDraft& draft = structure_.tasks[index];
    if (draft.has_unit_columns) table_units_[index] = TableUnits(index);
    if (own) return own->units;
    if (draft.has_unit_columns && !table_units_[index].empty()) return table_units_[index];
    if (!draft.group_annotation.empty()) {
      if (auto units = ReadAnnotation(draft.group_annotation, rules_, diagnostics_)) return *units;
    }
    UnitList appendix = CellUnits(draft.appendix_lead, draft.appendix_responsible, rules_);
    if (!appendix.empty()) return appendix;
    for (auto it = draft.heading_texts.rbegin(); it != draft.heading_texts.rend(); ++it) {
      if (auto found = FindTrailingAnnotation(*it, rules_, diagnostics_)) return found->units;
    }
    // Units printed before a colon may open the task's title line (X牵头，Y配合：提升…。).
    if (auto opening = UnitsBeforeColon(draft.title, rules_)) return *opening;
    return UnitsInRunningText(draft.body, rules_);
  }

  // A row's unit cells; an empty cell continues the cell above it (merged).
  UnitList TableUnits(size_t index) {
    const TaskDraft& draft = structure_.tasks[index];
    UnitList units = CellUnits(draft.lead_cell, draft.responsible_cell, rules_);
    support_units_[index] = SplitUnitCell(draft.support_cell, rules_, &units.open_list);
    if (draft.merged_with >= 0) {
      const UnitList& above = table_units_[draft.merged_with];
      // Without a lead column, a lead comes from the units cell itself (牵头：X；配合：Y), and
      // is the above row's only when that whole cell is merged.
      if (draft.lead_cell.empty() && (draft.has_lead_column || draft.responsible_cell.empty())) {
        units.lead = above.lead;
      }
      if (draft.responsible_cell.empty()) units.responsible = first_responsible_[draft.merged_with];
      if (draft.support_cell.empty()) support_units_[index] = support_units_[draft.merged_with];
      if (draft.lead_cell.empty() && draft.responsible_cell.empty()) {
        units.open_list = above.open_list;
      }
    }
    first_responsible_[index] = units.responsible;
    // The second column's units follow the first's, each name once.
    for (const std::string& name : support_units_[index]) {
      if (std::find(units.responsible.begin(), units.responsible.end(), name) ==
              units.responsible.end() &&
          std::find(units.lead.begin(), units.lead.end(), name) == units.lead.end()) {
        units.responsible.push_back(name);
      }
    }
    return units;
  }

  const Structure& structure_;
  const RuleSet& rules_;
  Diagnostics* diagnostics_;
  std::vector<UnitList> table_units_;
  // Per table row, each responsible column's own units, for a merged cell below to continue.
  std::vector<std::vector<std::string>> first_responsible_;
  std::vector<std::vector<std::string>> support_units_;
};

// Title, then the body cut before its own annotation.
Task MakeTask(const TaskDraft& draft, const std::optional<Annotation>& own) {
  Task task;
  task.id = draft.id;
  if (draft.number) task.number = std::to_string(*draft.number);
  task.path = draft.path;
  if (!draft.title.empty()) task.title = draft.title.printed();
  size_t body_end = own ? own->begin : draft.body.folded().size();
  task.text = draft.body.PrintedRange(own ? own->text_begin : 0, body_end);
  // "1.开展科普活动。（区科协）": the one sentence was taken for a title because the annotation
  // followed it; with the annotation cut it is the task's text.
  if (task.text.empty() && task.title) {
    task.text = *task.title;
    task.title.reset();
  }
  task.first_line = draft.first_line;
  task.last_line = std::max(draft.last_line, draft.first_line);
  return task;
}

// The task's title and body before its own annotation: where its targets are printed.
std::vector<Target> TaskTargets(const TaskDraft& draft, const std::optional<Annotation>& own,
                                const TargetContext& context, const RuleSet& rules,
                                Diagnostics* diagnostics) {
  std::vector<Target> targets = ExtractTargets(draft.title, context, rules, diagnostics);
  size_t body_end = own ? own->begin : std::string::npos;
  for (Target& target : ExtractTargets(draft.body, context, rules, diagnostics, body_end)) {
    targets.push_back(std::move(target));
  }
  return targets;
}

}  // namespace

std::vector<Task> ExtractTasks(const Structure& structure, const TargetContext& context,
                               const RuleSet& rules, Diagnostics* diagnostics,
                               size_t* annotated) {
  std::vector<Task> tasks;
  UnitResolver resolver(structure, rules, diagnostics);
  size_t with_units = 0;
  for (size_t i = 0; i < structure.tasks.size(); ++i) {
    const TaskDraft& draft = structure.tasks[i];
    std::optional<Annotation> own = FindTrailingAnnotation(draft.body, rules, diagnostics);
    if (!own) own = FindLeadingAnnotation(draft.body, rules);
    Task task = MakeTask(draft, own);
    UnitList units = resolver.Resolve(i, own);
    LiftMarkedLeads(&units, rules);
    // Under a note that each list's first unit leads (责任单位排在第一位的为牵头单位).
    if (structure.first_unit_leads) LeadFromFirst(&units);
    task.lead = units.lead;
    task.responsible = units.responsible;
    task.open_list = units.open_list;
    task.targets = TaskTargets(draft, own, context, rules, diagnostics);
    with_units += !units.empty();
    if (annotated && own) ++*annotated;
    tasks.push_back(std::move(task));
  }
  // Units missing from a task are worth a warning only where the document assigns them at all.
  if (with_units * 2 > tasks.size()) {
    for (const Task& task : tasks) {
      if (task.lead.empty() && task.responsible.empty()) {
        diagnostics->Warn(task.first_line, WarningCode::kUnitsNotFound,
                          fmt::format("task {} names no units and inherits none", task.id));
      }
    }
  }
  return tasks;
}

std::vector<UnitEntry> BuildUnitIndex(const std::vector<Task>& tasks, const RuleSet& rules) {
  std::vector<UnitEntry> units;
  std::map<std::string, size_t> by_name;
  for (const Task& task : tasks) {
    for (const auto* list : {&task.lead, &task.responsible}) {
      for (const std::string& name : *list) {
        auto [it, inserted] = by_name.emplace(name, units.size());
        if (inserted) {
          UnitEntry entry;
          entry.name = name;
          entry.collective = rules.collective.Contains(Fold(name));
          units.push_back(std::move(entry));
        }
        std::vector<std::string>& ids = units[it->second].tasks;
        if (ids.empty() || ids.back() != task.id) ids.push_back(task.id);
      }
    }
  }
  return units;
}

}  // namespace fengong
