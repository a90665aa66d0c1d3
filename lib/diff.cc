#include "diff.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "diff_align.h"

namespace fengong {
namespace {

// A theme cell names at most this many lead units, the most frequent first.
constexpr size_t kThemeLeads = 5;

// Who leads a task: its lead units, or its responsible ones when it names no lead.
const std::vector<std::string>& WhoLeads(const Task& task) {
  return task.lead.empty() ? task.responsible : task.lead;
}

std::string TargetValue(const Target& t) {
  std::string out = t.comparator == "range" && t.value_max
                        ? fmt::format("{}-{}", FormatNumber(t.value), FormatNumber(*t.value_max))
                        : fmt::format("{} {}", t.comparator, FormatNumber(t.value));
  if (t.unit) out += " " + *t.unit;
  if (t.stretch) out += " stretch";
  if (t.period) out += " " + *t.period;
  if (t.deadline) out += fmt::format(" by {}", *t.deadline);
  return out;
}

// ---- districts --------------------------------------------------------------------------------

// The lead units of `tasks`, the most frequent first (ties in order of first mention).
std::vector<std::string> FrequentLeads(const Document& doc, const std::vector<size_t>& tasks) {
  std::vector<std::pair<std::string, int>> counts;
  for (size_t t : tasks) {
    for (const std::string& name : WhoLeads(doc.tasks[t])) {
      auto it = std::find_if(counts.begin(), counts.end(),
                             [&](const auto& c) { return c.first == name; });
      if (it == counts.end()) {
        counts.push_back({name, 1});
      } else {
        ++it->second;
      }
    }
  }
  std::stable_sort(counts.begin(), counts.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<std::string> leads;
  for (size_t i = 0; i < counts.size() && i < kThemeLeads; ++i) leads.push_back(counts[i].first);
  return leads;
}

DiffCell ThemeCell(const Document& doc, const std::vector<size_t>& tasks) {
  DiffCell cell;
  if (tasks.empty()) return cell;
  cell.missing = false;
  cell.value = fmt::format("{} task{}", tasks.size(), tasks.size() == 1 ? "" : "s");
  cell.lead = FrequentLeads(doc, tasks);
  for (size_t t : tasks) cell.tasks.push_back(doc.tasks[t].id);
  return cell;
}

DiffCell TargetCell(const Document& doc, const std::optional<TargetRef>& ref) {
  DiffCell cell;
  if (!ref) return cell;
  cell.missing = false;
  if (ref->task == TargetRef::kGoal) {
    cell.value = TargetValue(doc.goals[ref->target]) + " (goal)";
    return cell;
  }
  const Task& task = doc.tasks[ref->task];
  cell.value = TargetValue(task.targets[ref->target]);
  cell.lead = WhoLeads(task);
  cell.tasks = {task.id};
  return cell;
}

// The document's units with the role: their names, how many tasks name them and how many of
// those they lead.
DiffCell RoleCell(const Document& doc, const std::vector<size_t>& units) {
  DiffCell cell;
  if (units.empty()) return cell;
  cell.missing = false;
  std::vector<std::string> names;
  std::set<std::string> tasks, leading;
  for (size_t u : units) {
    const UnitEntry& unit = doc.units[u];
    names.push_back(unit.name);
    tasks.insert(unit.tasks.begin(), unit.tasks.end());
    for (const Task& task : doc.tasks) {
      if (std::find(task.lead.begin(), task.lead.end(), unit.name) == task.lead.end()) continue;
      leading.insert(task.id);
      if (cell.lead.empty() || cell.lead.back() != unit.name) cell.lead.push_back(unit.name);
    }
  }
  cell.value = fmt::format("{} ({} task{}, leads {})", fmt::join(names, "、"), tasks.size(),
                           tasks.size() == 1 ? "" : "s", leading.size());
  for (const Task& task : doc.tasks) {
    if (tasks.count(task.id)) cell.tasks.push_back(task.id);
  }
  return cell;
}

bool AnyMissing(const DiffRow& row) {
  return std::any_of(row.cells.begin(), row.cells.end(),
                     [](const DiffCell& c) { return c.missing; });
}

bool ValuesDiffer(const DiffRow& row) {
  for (const DiffCell& cell : row.cells) {
    if (cell.value != row.cells.front().value) return true;
  }
  return false;
}

// "tasks without a theme: 江北区 1 (34); 重庆市 4 (1.1, 1.2, 1.4, 5.4.1)"
template <typename Describe>
std::string ListNote(const std::string& what, const std::vector<std::string>& names,
                     const std::vector<std::vector<size_t>>& items, Describe describe) {
  std::vector<std::string> parts;
  for (size_t d = 0; d < names.size(); ++d) {
    if (items[d].empty()) continue;
    std::vector<std::string> described;
    for (size_t i : items[d]) described.push_back(describe(d, i));
    parts.push_back(
        fmt::format("{} {} ({})", names[d], items[d].size(), fmt::join(described, ", ")));
  }
  return fmt::format("{}: {}", what,
                     parts.empty() ? "none" : fmt::format("{}", fmt::join(parts, "; ")));
}

std::string SingleTargetsNote(const std::vector<std::string>& names,
                              const std::vector<TargetRow>& rows) {
  std::vector<size_t> counts(names.size());
  for (const TargetRow& row : rows) {
    if (row.present() != 1) continue;
    for (size_t d = 0; d < names.size(); ++d) counts[d] += row.cells[d].has_value();
  }
  std::vector<std::string> parts;
  for (size_t d = 0; d < names.size(); ++d) {
    if (counts[d]) parts.push_back(fmt::format("{} {}", names[d], counts[d]));
  }
  return fmt::format("targets in one document only: {}",
                     parts.empty() ? "none" : fmt::format("{}", fmt::join(parts, ", ")));
}

std::vector<std::string> DistrictNotes(const std::vector<const Document*>& docs,
                                       const std::vector<std::string>& names,
                                       const DistrictAlignment& aligned) {
  std::vector<std::string> notes;
  notes.push_back(SingleTargetsNote(names, aligned.targets));
  notes.push_back(ListNote("tasks without a theme", names, aligned.unthemed,
                           [&](size_t d, size_t t) { return docs[d]->tasks[t].id; }));
  notes.push_back(ListNote("units without a role", names, aligned.roleless,
                           [&](size_t d, size_t u) { return docs[d]->units[u].name; }));
  return notes;
}

// ---- versions ---------------------------------------------------------------------------------

// Printed name → canonical name, for the units of one document.
std::map<std::string, std::string> CanonicalNames(const Document& doc) {
  std::map<std::string, std::string> names;
  for (const UnitEntry& unit : doc.units) names[unit.name] = unit.canonical.value_or(unit.name);
  return names;
}

// A unit of a task with its part in it, for comparing two versions of the task.
struct RoledUnit {
  bool lead = false;
  std::string name;  // as printed
  std::string canonical;
};

std::vector<RoledUnit> Roled(const Task& task,
                             const std::map<std::string, std::string>& canonical) {
  std::vector<RoledUnit> units;
  for (const auto* list : {&task.lead, &task.responsible}) {
    for (const std::string& name : *list) {
      auto it = canonical.find(name);
      units.push_back({list == &task.lead, name, it == canonical.end() ? name : it->second});
    }
  }
  return units;
}

bool SameCanonical(const std::vector<RoledUnit>& x, const std::vector<RoledUnit>& y) {
  if (x.size() != y.size()) return false;
  for (size_t i = 0; i < x.size(); ++i) {
    if (x[i].lead != y[i].lead || x[i].canonical != y[i].canonical) return false;
  }
  return true;
}

// The units of `x` that `y` does not have in the same part.
std::vector<RoledUnit> Missing(const std::vector<RoledUnit>& x, const std::vector<RoledUnit>& y) {
  std::vector<RoledUnit> out;
  for (const RoledUnit& u : x) {
    bool found = std::any_of(y.begin(), y.end(), [&](const RoledUnit& v) {
      return v.lead == u.lead && v.canonical == u.canonical;
    });
    if (!found) out.push_back(u);
  }
  return out;
}

// "lead 区科协; resp 区妇联"
std::string Describe(const std::vector<RoledUnit>& units) {
  std::vector<std::string> parts;
  for (const RoledUnit& u : units) parts.push_back((u.lead ? "lead " : "resp ") + u.name);
  return fmt::format("{}", fmt::join(parts, "; "));
}

std::string Joined(const std::vector<std::string>& names) {
  return fmt::format("{}", fmt::join(names, "、"));
}

std::string UnitsText(const Task& t) {
  return fmt::format("lead[{}] resp[{}]", fmt::join(t.lead, "、"), fmt::join(t.responsible, "、"));
}

// The task's text with the clauses its targets were read from taken out, so that a changed
// number is reported once, as a target.
std::string TextBesideTargets(const Task& task) {
  std::string text = Wording(task);
  for (const Target& target : task.targets) {
    size_t at = target.text.empty() ? std::string::npos : text.find(target.text);
    if (at != std::string::npos) text.erase(at, target.text.size());
  }
  return text;
}

std::vector<std::string> TargetDumps(const Task& task) {
  std::vector<std::string> dumps;
  for (const Target& t : task.targets) dumps.push_back(t.Dump());
  std::sort(dumps.begin(), dumps.end());
  return dumps;
}

DiffCell TaskCell(const Task& task, std::string value) {
  DiffCell cell;
  cell.missing = false;
  cell.value = std::move(value);
  cell.lead = WhoLeads(task);
  cell.tasks = {task.id};
  return cell;
}

// Positions of the pairs that keep their relative order (a longest increasing run of the new
// positions, taken in the old order); the other pairs moved.
std::vector<bool> KeptInOrder(const std::vector<TaskPair>& pairs) {
  std::vector<size_t> index;  // pairs with both sides, in old order
  for (size_t p = 0; p < pairs.size(); ++p) {
    if (pairs[p].before && pairs[p].after) index.push_back(p);
  }
  std::vector<size_t> length(index.size(), 1), previous(index.size(), SIZE_MAX);
  size_t best = 0;
  for (size_t i = 0; i < index.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      if (*pairs[index[j]].after < *pairs[index[i]].after && length[j] + 1 > length[i]) {
        length[i] = length[j] + 1;
        previous[i] = j;
      }
    }
    if (length[i] > length[best]) best = i;
  }
  std::vector<bool> kept(pairs.size(), false);
  for (size_t i = best; !index.empty() && i != SIZE_MAX; i = previous[i]) kept[index[i]] = true;
  return kept;
}

class VersionDiff {
 public:
  VersionDiff(const Document& before, const Document& after)
      : before_(before),
        after_(after),
        canonical_before_(CanonicalNames(before)),
        canonical_after_(CanonicalNames(after)) {}

  std::vector<DiffRow> Rows(const std::vector<TaskPair>& pairs) {
    std::vector<bool> kept = KeptInOrder(pairs);
    for (size_t p = 0; p < pairs.size(); ++p) {
      const TaskPair& pair = pairs[p];
      if (!pair.after) {
        Add("removed", before_.tasks[*pair.before].id, "task",
            {TaskCell(before_.tasks[*pair.before], before_.tasks[*pair.before].text), {}},
            pair.reason, true);
      } else if (!pair.before) {
        Add("added", after_.tasks[*pair.after].id, "task",
            {{}, TaskCell(after_.tasks[*pair.after], after_.tasks[*pair.after].text)}, pair.reason,
            true);
      } else {
        Compare(before_.tasks[*pair.before], after_.tasks[*pair.after], pair, !kept[p]);
      }
    }
    return std::move(rows_);
  }

 private:
  void Add(const char* section, std::string key, const char* field, std::vector<DiffCell> cells,
           std::string reason, bool differs) {
    rows_.push_back(
        DiffRow{section, std::move(key), field, std::move(cells), std::move(reason), differs});
  }

  void Compare(const Task& b, const Task& a, const TaskPair& pair, bool moved) {
    std::string key = b.id == a.id ? b.id : b.id + ">" + a.id;
    if (moved || b.path != a.path) {
      Add("moved", key, "position",
          {TaskCell(b, fmt::format("{}", fmt::join(b.path, " / "))),
           TaskCell(a, fmt::format("{}", fmt::join(a.path, " / ")))},
          pair.reason + (moved ? "; out of its old order" : "; under another heading"), true);
    }
    if (TextBesideTargets(b) != TextBesideTargets(a)) {
      Add("changed", key, "text", {TaskCell(b, b.text), TaskCell(a, a.text)}, pair.reason, true);
    }
    CompareUnits(b, a, key, pair);
    if (TargetDumps(b) != TargetDumps(a)) {
      Add("changed", key, "targets", {TargetsCell(b), TargetsCell(a)}, pair.reason, true);
    }
  }

  void CompareUnits(const Task& b, const Task& a, const std::string& key, const TaskPair& pair) {
    if (b.lead == a.lead && b.responsible == a.responsible) return;
    std::vector<RoledUnit> before = Roled(b, canonical_before_);
    std::vector<RoledUnit> after = Roled(a, canonical_after_);
    if (SameCanonical(before, after)) {
      std::vector<std::string> old_names, new_names, canonical;
      for (size_t i = 0; i < before.size(); ++i) {
        if (before[i].name == after[i].name) continue;
        old_names.push_back(before[i].name);
        new_names.push_back(after[i].name);
        canonical.push_back(before[i].canonical);
      }
      Add("renamed", key, "units", {TaskCell(b, Joined(old_names)), TaskCell(a, Joined(new_names))},
          "the same units by canonical name: " + Joined(canonical), false);
      return;
    }
    std::string gone = Describe(Missing(before, after)), come = Describe(Missing(after, before));
    if (gone.empty() && come.empty()) gone = UnitsText(b), come = UnitsText(a);  // order only
    Add("changed", key, "units", {TaskCell(b, gone), TaskCell(a, come)},
        pair.reason + "; units compared by canonical name", true);
  }

  DiffCell TargetsCell(const Task& task) {
    std::vector<std::string> values;
    for (const Target& t : task.targets) values.push_back(TargetValue(t));
    return TaskCell(task, fmt::format("{}", fmt::join(values, "; ")));
  }

  const Document& before_;
  const Document& after_;
  std::map<std::string, std::string> canonical_before_;
  std::map<std::string, std::string> canonical_after_;
  std::vector<DiffRow> rows_;
};

std::string PairingNote(const std::vector<TaskPair>& pairs) {
  size_t identical = 0, alike = 0, removed = 0, added = 0;
  for (const TaskPair& p : pairs) {
    if (!p.after) {
      ++removed;
    } else if (!p.before) {
      ++added;
    } else if (p.similarity == 1 && p.reason == "identical wording") {
      ++identical;
    } else {
      ++alike;
    }
  }
  return fmt::format(
      "tasks paired: {} identical, {} by alike wording; {} only in the old "
      "version, {} only in the new",
      identical, alike, removed, added);
}

}  // namespace

const char* DiffModeName(DiffMode mode) {
  return mode == DiffMode::kVersions ? "versions" : "districts";
}

std::string DiffCell::Dump() const {
  if (missing) return "cell{missing}";
  return fmt::format("cell{{{} lead[{}] tasks[{}]}}", value, fmt::join(lead, ","),
                     fmt::join(tasks, ","));
}

std::string DiffRow::Dump() const {
  std::vector<std::string> cell_dumps;
  for (const DiffCell& c : cells) cell_dumps.push_back(c.Dump());
  return fmt::format("row{{{} {}{}{} [{}] {}}}", section, key, field.empty() ? "" : " " + field,
                     differs ? " differs" : "", fmt::join(cell_dumps, " "), reason);
}

bool DiffReport::differs() const {
  return std::any_of(rows.begin(), rows.end(), [](const DiffRow& r) { return r.differs; });
}

namespace {

// Two plans of different regions are districts, whatever their wording.
bool DifferentRegions(const Document& a, const Document& b) {
  return a.meta.region && b.meta.region && *a.meta.region != *b.meta.region;
}

// At least half the tasks of the larger plan pair up.
bool MostlyPaired(const Document& a, const Document& b, const std::vector<TaskPair>& pairs) {
  size_t paired = 0;
  for (const TaskPair& pair : pairs) paired += pair.before && pair.after;
  size_t most = std::max(a.tasks.size(), b.tasks.size());
  return most > 0 && paired * 2 >= most;
}

DiffReport VersionsReport(const Document& before, const Document& after,
                          const std::vector<TaskPair>& pairs) {
  DiffReport report;
  report.mode = DiffMode::kVersions;
  report.documents = DocumentNames({&before, &after});
  report.rows = VersionDiff(before, after).Rows(pairs);
  report.notes.push_back(PairingNote(pairs));
  return report;
}

}  // namespace

DiffMode ChooseMode(const std::vector<const Document*>& documents) {
  if (documents.size() != 2 || DifferentRegions(*documents[0], *documents[1])) {
    return DiffMode::kDistricts;
  }
  const Document& a = *documents[0];
  const Document& b = *documents[1];
  return MostlyPaired(a, b, AlignVersions(a, b)) ? DiffMode::kVersions : DiffMode::kDistricts;
}

DiffReport Diff(const std::vector<const Document*>& documents, std::optional<DiffMode> mode) {
  if (mode == DiffMode::kDistricts || documents.size() != 2) return DiffDistricts(documents);
  const Document& a = *documents[0];
  const Document& b = *documents[1];
  if (!mode && DifferentRegions(a, b)) return DiffDistricts(documents);
  // The pairing that decides the mode is the one the versions report shows: aligned once.
  std::vector<TaskPair> pairs = AlignVersions(a, b);
  if (!mode && !MostlyPaired(a, b, pairs)) return DiffDistricts(documents);
  return VersionsReport(a, b, pairs);
}

DiffReport DiffDistricts(const std::vector<const Document*>& docs) {
  DiffReport report;
  report.mode = DiffMode::kDistricts;
  report.documents = DocumentNames(docs);
  DistrictAlignment aligned = AlignDistricts(docs);
  for (const ThemeRow& row : aligned.themes) {
    DiffRow out{"theme", row.key, "", {}, row.reason, false};
    for (size_t d = 0; d < docs.size(); ++d) out.cells.push_back(ThemeCell(*docs[d], row.cells[d]));
    out.differs = AnyMissing(out);
    report.rows.push_back(std::move(out));
  }
  for (const TargetRow& row : aligned.targets) {
    DiffRow out{"target", row.key, "", {}, row.reason, false};
    for (size_t d = 0; d < docs.size(); ++d)
      out.cells.push_back(TargetCell(*docs[d], row.cells[d]));
    out.differs = AnyMissing(out) || ValuesDiffer(out);
    report.rows.push_back(std::move(out));
  }
  for (const RoleRow& row : aligned.roles) {
    DiffRow out{"role", row.key, "", {}, row.reason, false};
    for (size_t d = 0; d < docs.size(); ++d) out.cells.push_back(RoleCell(*docs[d], row.cells[d]));
    out.differs = AnyMissing(out);
    report.rows.push_back(std::move(out));
  }
  report.notes = DistrictNotes(docs, report.documents, aligned);
  return report;
}

DiffReport DiffVersions(const Document& before, const Document& after) {
  return VersionsReport(before, after, AlignVersions(before, after));
}

}  // namespace fengong
