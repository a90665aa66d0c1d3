// Stage diff, part 1: which parts of several documents speak of the same thing. Knows only the
// model: themes and roles were settled by the parser (grammars/themes.yaml, units.yaml).
//
// Strings do not line up across plans, so each alignment works on what the parser normalised and
// on wording similarity (the Dice coefficient of character bigrams, 0 … 1), and says why:
//  - districts: tasks meet on their theme, units on their role, targets on their measure word
//    (人, 场, %) plus a shared theme or an alike metric (注册科技志愿者人数 ≈
//    科技志愿服务队伍人数);
//  - versions of one plan: tasks pair on identical wording first, then on the most alike wording,
//    a shared id or theme counting in favour.
// Every aligned row carries a reason that names the evidence.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model.h"

namespace fengong {

// Short unique names for the documents: their regions when those differ, else their file stems,
// else the stems numbered.
std::vector<std::string> DocumentNames(const std::vector<const Document*>& documents);

// Similarity of two texts: Dice coefficient of their character bigrams (1 for equal texts).
double WordingSimilarity(std::string_view a, std::string_view b);

// What a task says, as versions are compared: its title and text.
std::string Wording(const Task& task);

// A target of one document: tasks[task].targets[target], or goals[target] when task is kGoal.
struct TargetRef {
  static constexpr size_t kGoal = static_cast<size_t>(-1);
  size_t task = kGoal;
  size_t target = 0;
};

// One row of the districts comparison; cells hold one entry per document.
template <typename Cell>
struct AlignedRow {
  std::string key;          // theme key, role key, or the target's metric and measure word
  std::vector<Cell> cells;  // per document
  std::string reason;       // why these cells share a row
  size_t present() const;   // documents with something in their cell
};

using ThemeRow = AlignedRow<std::vector<size_t>>;  // task indices with the theme
using RoleRow = AlignedRow<std::vector<size_t>>;   // unit indices with the role
using TargetRow = AlignedRow<std::optional<TargetRef>>;

struct DistrictAlignment {
  // Each list: rows held by more documents first, then in order of first appearance.
  std::vector<ThemeRow> themes;
  std::vector<TargetRow> targets;
  std::vector<RoleRow> roles;
  std::vector<std::vector<size_t>> unthemed;  // per document: tasks with no theme
  std::vector<std::vector<size_t>> roleless;  // per document: units with no role, not collective
};

// Aligns N documents for the side-by-side comparison. Only targets of kind "target" take part.
DistrictAlignment AlignDistricts(const std::vector<const Document*>& documents);

// A task of the old version paired with one of the new; one side is empty for a task removed or
// added.
struct TaskPair {
  std::optional<size_t> before;
  std::optional<size_t> after;
  double similarity = 0;  // of title + text
  std::string reason;     // why paired, or why nothing was alike enough

  std::string Dump() const;  // "pair{2>1 0.93 same id}" or "pair{3>- …}"
};

// Pairs the tasks of two versions of one plan; pairs come in the order of the old version, the
// added tasks last in the order of the new.
std::vector<TaskPair> AlignVersions(const Document& before, const Document& after);

}  // namespace fengong
