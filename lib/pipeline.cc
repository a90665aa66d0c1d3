#include "pipeline.h"

#include "extract.h"
#include "extract_meta.h"
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
  return sample;
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
  document.meta = ExtractMeta(structure.front_matter, BodySample(structure), rules);
  size_t annotated = 0;
  document.tasks = ExtractTasks(structure, rules, &diagnostics, &annotated);
  document.units = BuildUnitIndex(document.tasks, rules);
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
