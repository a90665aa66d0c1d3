// Stage 5, figures: the numbers a plan commits to, read from a task's text or a goal paragraph.
//
// A figure is a number (Arabic, full-width or Chinese numerals, 百分之X, ranges 1-2) followed by a
// measure word from measures.yaml (50场, 2000人次, 18%), or a full-coverage word (全覆盖 = 100%).
// Its comparator comes from the words right before the number or right after the measure word
// (comparators.yaml), its deadline and period from the time words of its clause or of an earlier
// clause of the same sentence (a period only while the clauses carry on its activity; targets.yaml). Numbers that only look like figures — years, 文号,
// ordinals, names in quotes, counts of the document's own structure — are not read.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diagnostics.h"
#include "grammar.h"
#include "model.h"
#include "normalize.h"

namespace fengong {

// What the text around a passage tells about its years.
struct TargetContext {
  // 年内 / 今年 resolve to this year. Default: none (such figures get no deadline).
  std::optional<int> document_year;
  // A figure dated by a bare year before this one is a past figure (kind baseline).
  // Default: none (no figure is a baseline by its year alone).
  std::optional<int> plan_start;
};

// Every figure in `text`, in order, each with its kind: target (a commitment), baseline (a figure
// already reached) or reference (a figure quoted for comparison). Approximate figures (约, 左右)
// are recorded with comparator "=" and an `approximate-target` warning.
std::vector<Target> ExtractFigures(const Passage& text, const TargetContext& context,
                                   const RuleSet& rules, Diagnostics* diagnostics);

// The commitments of a task: the figures of kind target in its text, read up to folded offset
// `end` (where the task's own unit annotation starts; npos: all of it).
std::vector<Target> ExtractTargets(const Passage& text, const TargetContext& context,
                                   const RuleSet& rules, Diagnostics* diagnostics,
                                   size_t end = std::string::npos);

// The document-level figures of the paragraphs outside tasks (preamble, goals, situation). A
// target without a deadline of its own is due at `plan_end` (a plan's objectives are for its
// period), when given.
std::vector<Target> ExtractGoals(const std::vector<const Passage*>& paragraphs,
                                 const TargetContext& context, std::optional<int> plan_end,
                                 const RuleSet& rules, Diagnostics* diagnostics);

// The figures of sections that report what was already done (回顾, 现状): baselines, except
// those quoted for comparison (references).
std::vector<Target> ExtractBaselines(const std::vector<Passage>& paragraphs,
                                     const TargetContext& context, const RuleSet& rules,
                                     Diagnostics* diagnostics);

}  // namespace fengong
