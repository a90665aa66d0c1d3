#include "pipeline.h"

#include <algorithm>

#include "extract.h"
#include "extract_meta.h"
#include "model_themes.h"
#include "model_units.h"
#include "extract_targets.h"
#include "normalize.h"
#include "segment.h"
#include "sha256.h"
#include "structure.h"

namespace fengong {
namespace {

std::vector<const Passage*> BodySample(const Structure& structure) {
  std::vector<const Passage*> sample;
  for (const TaskDraft& task : structure.tasks) {
    sample.push_back(&task.body);
    sample.push_back(&task.lead_cell.text);
    sample.push_back(&task.responsible_cell.text);
  }
  for (const Passage& p : structure.goal_text) sample.push_back(&p);
  for (const Passage& p : structure.past_text) sample.push_back(&p);
  return sample;
}

// The years the document's own metadata gives: its date, and the start of its period (or, for
// a plan without one, its date's year: figures dated before it are past).
TargetContext TargetContextOf(const DocumentMeta& meta) {
  TargetContext context;
  if (meta.date) context.document_year = std::stoi(meta.date->substr(0, 4));
  context.plan_start = meta.period ? std::optional<int>(meta.period->from) : context.document_year;
  return context;
}

// The front matter's notes under the title (（征求意见稿）, （共21项）) count the document itself.
std::vector<const Passage*> GoalParagraphs(const Structure& structure, const RuleSet& rules) {
  std::vector<const Passage*> paragraphs;
  for (const Passage& p : structure.front_matter) {
    if (!rules.draft_note.Contains(p.folded())) paragraphs.push_back(&p);
  }
  for (const Passage& p : structure.goal_text) paragraphs.push_back(&p);
  return paragraphs;
}

}  // namespace

const char* Version() { return FENGONG_VERSION; }

Result<Document> ParseDocument(std::string_view bytes, const RuleSet& rules,
                               const ParseOptions& options) {
  Diagnostics diagnostics;
  Result<DecodedText> decoded = Decode(bytes, options.decode, &diagnostics);
  if (!decoded.ok()) return decoded.status().WithFile(options.source_path);
  NormalizedText text = Normalize(decoded.value().text, rules);
  Segmented segmented = Segment(text, rules);
  Structure structure = BuildStructure(segmented, rules, &diagnostics);

  Document document;
  document.meta = ExtractMeta(structure.front_matter, structure.back_matter, BodySample(structure), rules);
  size_t annotated = 0;
  TargetContext context = TargetContextOf(document.meta);
  document.tasks = ExtractTasks(structure, context, rules, &diagnostics, &annotated);
  std::optional<int> plan_end =
      document.meta.period ? std::optional<int>(document.meta.period->to) : std::nullopt;
  document.goals = ExtractGoals(GoalParagraphs(structure, rules), context, plan_end, rules, &diagnostics);
  for (Target& baseline : ExtractBaselines(structure.past_text, context, rules, &diagnostics)) {
    document.goals.push_back(std::move(baseline));
  }
  std::stable_sort(document.goals.begin(), document.goals.end(),
                   [](const Target& a, const Target& b) { return a.line < b.line; });
  document.units = BuildUnitIndex(document.tasks, rules);
  IdentifyUnits(rules, &document.units);
  AssignThemes(rules, &document.tasks);
  document.source.path = options.source_path;
  document.source.sha256 = Sha256Hex(bytes);
  document.source.encoding = decoded.value().encoding;
  // Prose whose items mostly end with their own units is the numbered-items layout.
  Layout layout = structure.layout;
  if (layout == Layout::kProse && annotated * 2 > document.tasks.size()) {
    layout = Layout::kNumberedItems;
  }
  document.source.layout = LayoutName(layout);
  if (!document.meta.title) {
    diagnostics.Warn(0, WarningCode::kNoTitle, "the plan's own title was not found");
  }
  if (document.tasks.empty()) {
    diagnostics.Warn(0, WarningCode::kNoTasks, "no numbered task or task table was found");
  }
  document.warnings = diagnostics.Sorted();
  if (options.script == OutputScript::kSimplified) ToSimplified(&document);
  return document;
}

}  // namespace fengong
