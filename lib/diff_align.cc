#include "diff_align.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "bigrams.h"
#include "utf8.h"

namespace fengong {
namespace {

// Targets with the same measure word join a row when their metrics are at least this alike and
// their tasks share a theme…
constexpr double kTargetSimilarWithTheme = 0.25;
// …or, without a shared theme, when their metrics are at least this alike.
constexpr double kTargetSimilarAlone = 0.5;
// Two versions' tasks pair when their wording is at least this alike.
constexpr double kTaskSimilar = 0.5;
// A shared id or theme tips the balance between equally alike candidates, no more.
constexpr double kTieBreak = 0.02;

using Bigrams = std::vector<uint64_t>;  // sorted

// A one-character text counts its character, so two such texts can still be alike.
Bigrams BigramsOf(std::string_view text) {
  Bigrams grams = SortedBigrams(text);
  if (!grams.empty()) return grams;
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t c = NextCodePoint(text, &pos);
    if (!IsWordingSpace(c)) return Bigrams{c};
  }
  return grams;
}

// Two empty texts are the same wording.
double GramSimilarity(const Bigrams& a, const Bigrams& b) {
  return a.empty() && b.empty() ? 1.0 : Dice(a, b);
}

// Rows held by more documents first; otherwise the order they came in.
template <typename Row>
void SortByPresence(std::vector<Row>* rows) {
  std::stable_sort(rows->begin(), rows->end(),
                   [](const Row& a, const Row& b) { return a.present() > b.present(); });
}

// ---- districts: themes and roles --------------------------------------------------------------

// Rows keyed by `key_of(item)`, in order of first appearance; items without a key are listed in
// `left_over` per document.
template <typename Item, typename KeyOf>
std::vector<AlignedRow<std::vector<size_t>>> GroupBy(const std::vector<const Document*>& docs,
                                                     const std::vector<Item> Document::*items,
                                                     KeyOf key_of,
                                                     std::vector<std::vector<size_t>>* left_over) {
  std::vector<AlignedRow<std::vector<size_t>>> rows;
  std::map<std::string, size_t> row_of;
  left_over->assign(docs.size(), {});
  for (size_t d = 0; d < docs.size(); ++d) {
    const std::vector<Item>& list = docs[d]->*items;
    for (size_t i = 0; i < list.size(); ++i) {
      std::optional<std::string> key = key_of(list[i]);
      if (!key) {
        (*left_over)[d].push_back(i);
        continue;
      }
      auto [it, inserted] = row_of.emplace(*key, rows.size());
      if (inserted) rows.push_back({*key, std::vector<std::vector<size_t>>(docs.size()), ""});
      rows[it->second].cells[d].push_back(i);
    }
  }
  return rows;
}

std::string ThemeReason(const ThemeRow& row) {
  return fmt::format("tasks with theme {} in {} of {} documents", row.key, row.present(),
                     row.cells.size());
}

// "same role science-technology: 区科学技术局 = 县科技和经济信息化局"
std::string RoleReason(const RoleRow& row, const std::vector<const Document*>& docs) {
  std::vector<std::string> names;
  for (size_t d = 0; d < docs.size(); ++d) {
    for (size_t u : row.cells[d]) {
      const UnitEntry& unit = docs[d]->units[u];
      std::string name = unit.canonical.value_or(unit.name);
      if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    }
  }
  return fmt::format("same role {}: {}", row.key, fmt::join(names, " = "));
}

// ---- districts: targets -----------------------------------------------------------------------

// One target as the alignment sees it.
struct TargetItem {
  size_t doc = 0;
  TargetRef ref;
  std::string unit;                  // measure word, "" when none
  std::optional<std::string> theme;  // of its task
  std::string metric;                // what is counted: the metric, or the text before the number
  Bigrams grams;
};

// The text's words before the number, when the parser recorded no metric.
std::string MetricOf(const Target& target) {
  if (target.metric && !target.metric->empty()) return *target.metric;
  size_t at = target.text.find(FormatNumber(target.value));
  return at == std::string::npos ? target.text : target.text.substr(0, at);
}

TargetItem MakeItem(size_t doc, TargetRef ref, const Target& target,
                    std::optional<std::string> theme) {
  TargetItem item{doc, ref, target.unit.value_or(""), std::move(theme), MetricOf(target), {}};
  item.grams = BigramsOf(item.metric);
  return item;
}

std::vector<TargetItem> TargetItems(size_t d, const Document& doc) {
  std::vector<TargetItem> items;
  for (size_t g = 0; g < doc.goals.size(); ++g) {
    if (doc.goals[g].kind == "target") {
      items.push_back(MakeItem(d, {TargetRef::kGoal, g}, doc.goals[g], std::nullopt));
    }
  }
  for (size_t t = 0; t < doc.tasks.size(); ++t) {
    const Task& task = doc.tasks[t];
    for (size_t k = 0; k < task.targets.size(); ++k) {
      if (task.targets[k].kind == "target") {
        items.push_back(MakeItem(d, {t, k}, task.targets[k], task.theme));
      }
    }
  }
  return items;
}

// A target row being built: its members and, for each joined member, the evidence.
struct TargetGroup {
  std::vector<const TargetItem*> members;
  std::vector<std::string> evidence;
};

// How well `item` fits `group`; false when it does not fit at all.
bool Fit(const TargetGroup& group, const TargetItem& item, double* score, std::string* why) {
  if (group.members.front()->unit != item.unit) return false;
  double best = 0;
  bool shared_theme = false;
  for (const TargetItem* member : group.members) {
    best = std::max(best, GramSimilarity(member->grams, item.grams));
    shared_theme = shared_theme || (item.theme && member->theme == item.theme);
  }
  if (best < (shared_theme ? kTargetSimilarWithTheme : kTargetSimilarAlone)) return false;
  *score = best + (shared_theme ? 1 : 0);
  *why = shared_theme ? fmt::format("theme {}, metric {:.2f} alike", *item.theme, best)
                      : fmt::format("metric {:.2f} alike", best);
  return true;
}

// Adds one document's targets to the groups: the best-fitting (group, target) pairs first, one
// target per group and document; the rest open groups of their own.
void JoinDocument(const std::vector<TargetItem>& items, const std::string& name,
                  std::vector<TargetGroup>* groups) {
  struct Match {
    double score;
    size_t group, item;
    std::string why;
  };
  std::vector<Match> matches;
  for (size_t g = 0; g < groups->size(); ++g) {
    for (size_t i = 0; i < items.size(); ++i) {
      Match m{0, g, i, ""};
      if (Fit((*groups)[g], items[i], &m.score, &m.why)) matches.push_back(std::move(m));
    }
  }
  std::stable_sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
    return std::tie(b.score, a.group, a.item) < std::tie(a.score, b.group, b.item);
  });
  std::vector<bool> group_taken(groups->size()), item_taken(items.size());
  for (const Match& m : matches) {
    if (group_taken[m.group] || item_taken[m.item]) continue;
    group_taken[m.group] = item_taken[m.item] = true;
    (*groups)[m.group].members.push_back(&items[m.item]);
    (*groups)[m.group].evidence.push_back(name + ": " + m.why);
  }
  for (size_t i = 0; i < items.size(); ++i) {
    if (!item_taken[i]) groups->push_back(TargetGroup{{&items[i]}, {}});
  }
}

// The row is named by the shortest metric of its members: the longer ones carry more clause.
TargetRow ToRow(const TargetGroup& group, size_t documents) {
  const TargetItem& first = *group.members.front();
  std::string metric = first.metric;
  for (const TargetItem* member : group.members) {
    if (!member->metric.empty() && CodePointCount(member->metric) < CodePointCount(metric)) {
      metric = member->metric;
    }
  }
  TargetRow row;
  row.key = first.unit.empty() ? metric : fmt::format("{} ({})", metric, first.unit);
  row.cells.assign(documents, std::nullopt);
  for (const TargetItem* member : group.members) row.cells[member->doc] = member->ref;
  if (group.members.size() == 1) {
    row.reason = "in one document only";
  } else {
    row.reason = fmt::format("measure word {}; {}", first.unit.empty() ? "none" : first.unit,
                             fmt::join(group.evidence, "; "));
  }
  return row;
}

std::vector<TargetRow> AlignTargets(const std::vector<const Document*>& docs) {
  std::vector<std::vector<TargetItem>> items;  // per document; groups point into these
  for (size_t d = 0; d < docs.size(); ++d) items.push_back(TargetItems(d, *docs[d]));
  std::vector<std::string> names = DocumentNames(docs);
  std::vector<TargetGroup> groups;
  for (size_t d = 0; d < docs.size(); ++d) JoinDocument(items[d], names[d], &groups);
  std::vector<TargetRow> rows;
  for (const TargetGroup& group : groups) rows.push_back(ToRow(group, docs.size()));
  SortByPresence(&rows);
  return rows;
}

// ---- versions ---------------------------------------------------------------------------------


struct Candidate {
  double score;
  double similarity;
  size_t before, after;
};

std::string PairReason(const Task& a, const Task& b, double similarity) {
  std::string reason = fmt::format("wording {:.2f} alike", similarity);
  if (a.id == b.id) reason += ", same id";
  if (a.theme && a.theme == b.theme) reason += ", same theme " + *a.theme;
  return reason;
}

// Pairs tasks whose wording is identical, in document order.
void PairIdentical(const Document& before, const Document& after, std::vector<TaskPair>* pairs,
                   std::vector<bool>* after_taken) {
  std::multimap<std::string, size_t> by_wording;
  for (size_t j = 0; j < after.tasks.size(); ++j) by_wording.emplace(Wording(after.tasks[j]), j);
  for (size_t i = 0; i < before.tasks.size(); ++i) {
    TaskPair pair{i, std::nullopt, 0, ""};
    auto it = by_wording.find(Wording(before.tasks[i]));
    if (it != by_wording.end()) {
      pair = TaskPair{i, it->second, 1, "identical wording"};
      (*after_taken)[it->second] = true;
      by_wording.erase(it);
    }
    pairs->push_back(pair);
  }
}

std::vector<Candidate> AlikeCandidates(const Document& before, const Document& after,
                                       const std::vector<TaskPair>& pairs,
                                       const std::vector<bool>& after_taken) {
  std::vector<Bigrams> after_grams;
  for (const Task& task : after.tasks) after_grams.push_back(BigramsOf(Wording(task)));
  std::vector<Candidate> candidates;
  for (size_t i = 0; i < before.tasks.size(); ++i) {
    if (pairs[i].after) continue;
    Bigrams grams = BigramsOf(Wording(before.tasks[i]));
    for (size_t j = 0; j < after.tasks.size(); ++j) {
      if (after_taken[j]) continue;
      const Task& a = before.tasks[i];
      const Task& b = after.tasks[j];
      double similarity = GramSimilarity(grams, after_grams[j]);
      double score = similarity + (a.id == b.id ? kTieBreak : 0) +
                     (a.theme && a.theme == b.theme ? kTieBreak : 0);
      candidates.push_back({score, similarity, i, j});
    }
  }
  std::stable_sort(
      candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) {
        return std::tie(y.score, x.before, x.after) < std::tie(x.score, y.before, y.after);
      });
  return candidates;
}

// Pairs the remaining tasks greedily, most alike first; explains the tasks left alone.
void PairAlike(const Document& before, const Document& after, std::vector<TaskPair>* pairs,
               std::vector<bool>* after_taken) {
  std::vector<Candidate> candidates = AlikeCandidates(before, after, *pairs, *after_taken);
  std::vector<double> best_before(before.tasks.size(), 0), best_after(after.tasks.size(), 0);
  for (const Candidate& c : candidates) {
    best_before[c.before] = std::max(best_before[c.before], c.similarity);
    best_after[c.after] = std::max(best_after[c.after], c.similarity);
    if (c.similarity < kTaskSimilar || (*pairs)[c.before].after || (*after_taken)[c.after]) {
      continue;
    }
    (*pairs)[c.before] =
        TaskPair{c.before, c.after, c.similarity,
                 PairReason(before.tasks[c.before], after.tasks[c.after], c.similarity)};
    (*after_taken)[c.after] = true;
  }
  for (TaskPair& pair : *pairs) {
    if (!pair.after) {
      pair.reason = fmt::format("no task of the new version is alike (best {:.2f})",
                                best_before[*pair.before]);
    }
  }
  for (size_t j = 0; j < after.tasks.size(); ++j) {
    if ((*after_taken)[j]) continue;
    pairs->push_back(
        TaskPair{std::nullopt, j, 0,
                 fmt::format("no task of the old version is alike (best {:.2f})", best_after[j])});
  }
}

std::string FileStem(const std::string& path) {
  size_t slash = path.find_last_of('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  size_t dot = name.find_last_of('.');
  return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

bool AllDistinct(const std::vector<std::string>& names) {
  std::set<std::string> seen(names.begin(), names.end());
  return seen.size() == names.size() && !seen.count("");
}

}  // namespace

std::vector<std::string> DocumentNames(const std::vector<const Document*>& documents) {
  std::vector<std::string> regions, stems;
  for (const Document* doc : documents) {
    regions.push_back(doc->meta.region.value_or(""));
    stems.push_back(FileStem(doc->source.path));
  }
  if (AllDistinct(regions)) return regions;
  if (AllDistinct(stems)) return stems;
  for (size_t i = 0; i < stems.size(); ++i) stems[i] = fmt::format("{}#{}", stems[i], i + 1);
  return stems;
}

double WordingSimilarity(std::string_view a, std::string_view b) {
  return GramSimilarity(BigramsOf(a), BigramsOf(b));
}

std::string Wording(const Task& task) { return task.title.value_or("") + "\n" + task.text; }

template <typename Cell>
size_t AlignedRow<Cell>::present() const {
  size_t n = 0;
  for (const Cell& cell : cells) {
    if constexpr (std::is_same_v<Cell, std::optional<TargetRef>>) {
      n += cell.has_value();
    } else {
      n += !cell.empty();
    }
  }
  return n;
}

template struct AlignedRow<std::vector<size_t>>;
template struct AlignedRow<std::optional<TargetRef>>;

DistrictAlignment AlignDistricts(const std::vector<const Document*>& docs) {
  DistrictAlignment out;
  out.themes = GroupBy(
      docs, &Document::tasks, [](const Task& t) { return t.theme; }, &out.unthemed);
  for (ThemeRow& row : out.themes) row.reason = ThemeReason(row);
  SortByPresence(&out.themes);
  out.targets = AlignTargets(docs);
  out.roles = GroupBy(
      docs, &Document::units, [](const UnitEntry& u) { return u.role; }, &out.roleless);
  for (RoleRow& row : out.roles) row.reason = RoleReason(row, docs);
  SortByPresence(&out.roles);
  // Collectives without a role are real answers, not failures to read a name.
  for (size_t d = 0; d < docs.size(); ++d) {
    auto& list = out.roleless[d];
    list.erase(std::remove_if(list.begin(), list.end(),
                              [&](size_t u) { return docs[d]->units[u].collective; }),
               list.end());
  }
  return out;
}

std::string TaskPair::Dump() const {
  auto side = [](const std::optional<size_t>& i) { return i ? std::to_string(*i) : "-"; };
  return fmt::format("pair{{{}>{} {:.2f} {}}}", side(before), side(after), similarity, reason);
}

std::vector<TaskPair> AlignVersions(const Document& before, const Document& after) {
  std::vector<TaskPair> pairs;
  std::vector<bool> after_taken(after.tasks.size());
  PairIdentical(before, after, &pairs, &after_taken);
  PairAlike(before, after, &pairs, &after_taken);
  return pairs;
}

}  // namespace fengong
