// Stage 4: blocks into the plan's outline and its tasks.
//
// Prose is read as an outline: numbered paragraphs open nodes by marker rank, unnumbered ones are
// the body of the node above. A leaf node with text is a task; a node with numbered children is a
// heading, whose text (and its intro paragraphs) is no task. Sections named in structure.yaml
// (指导思想, 工作目标 …) hold no tasks. Table rows are tasks under their category cells, unless the
// table assigns units to the body's sections by heading text (an appendix table), in which case
// its rows are linked to those sections instead.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diagnostics.h"
#include "grammar.h"
#include "segment.h"

namespace fengong {

enum class Layout { kCellTable, kTsvTable, kBoxTable, kProse, kNumberedItems, kProseTable };
const char* LayoutName(Layout layout);

// A task before its units and targets are read: where its pieces are.
struct TaskDraft {
  std::string id;                  // the numbering path, unique in the document
  std::optional<int> number;       // the task's own label
  std::vector<std::string> path;   // headings / category cells above it, markers removed
  Passage title;                   // empty when the task has none
  Passage body;                    // may end with an inline unit annotation
  bool from_table = false;
  Cell lead_cell;                  // table cells naming units (empty when merged or absent)
  Cell responsible_cell;
  Cell support_cell;               // a second responsible column (责任单位 then 配合单位)
  bool has_unit_columns = false;   // the task's table has lead/responsible columns
  bool has_lead_column = false;    // … and a lead column of its own
  int merged_with = -1;            // the earlier task whose unit cells an empty cell continues
  std::vector<Passage> heading_texts;   // enclosing headings, outermost first (for annotations)
  Passage group_annotation;        // a unit annotation printed after the task's group of items
  Cell appendix_lead;              // units an appendix table assigns to the task's section
  Cell appendix_responsible;
  int first_line = 0;
  int last_line = 0;

  std::string Dump() const;  // "draft{3.1 [提升行动>实施…] title=… body=…}"
};

struct Structure {
  std::vector<TaskDraft> tasks;
  std::vector<Passage> front_matter;  // paragraphs before the body's first heading or table
  std::vector<Passage> back_matter;   // the issuer, date and notes that close the body
  std::vector<Passage> goal_text;     // intro and goal paragraphs outside tasks
  std::vector<Passage> past_text;     // sections that report what was done (回顾, 现状)
  bool first_unit_leads = false;      // a note says each list's first unit is the lead
  Layout layout = Layout::kProse;
};

Structure BuildStructure(const Segmented& segmented, const RuleSet& rules,
                         Diagnostics* diagnostics);

// Splits an item's text into a short title sentence and the rest ("3.助力…建设。制定…"): the
// first sentence is a title when it is short, has no inner comma and text follows it.
// Returns the folded offset where the body starts, or 0 when there is no title.
size_t TitleEnd(const Passage& item);

// `text` without a closing 。 : ; (any width) at its end: a heading or title as a label.
Passage WithoutClosingPunctuation(const Passage& text);

}  // namespace fengong
