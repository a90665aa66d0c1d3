// Part of stage 4: what a table's columns hold, its rows as tasks, and the link from an appendix
// table to the body's sections.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "diagnostics.h"
#include "grammar.h"
#include "segment.h"
#include "structure.h"
#include "structure_reference.h"

namespace fengong {

struct TableReading {
  const Table* table = nullptr;
  std::vector<ColumnRole> roles;  // one per data column
  std::vector<int> categories;    // category columns, outermost first
  int number = -1;
  int title = -1;                 // a per-row column of short titles before the body (工作任务)
  int content = -1;
  // Other per-row content columns (a 工作目标 column beside 主要措施): more of the row's text,
  // where its targets are often printed. Column order.
  std::vector<int> more_text;
  int lead = -1;
  int responsible = -1;
  int support = -1;               // a second responsible column (配合单位 beside 责任单位)
  int reference = -1;             // a column pointing each row to the body (对应正文条目)
};

// Assigns a role to every column from the header (a header cell may span several data columns)
// or, when the table prints no header, from what the columns hold.
TableReading ReadTable(const Table& table, const RuleSet& rules, Diagnostics* diagnostics);

// Each data row with content becomes a task under its category cells; an empty category or unit
// cell continues the one above (a merged cell).
std::vector<TaskDraft> TableTasks(const TableReading& reading, const RuleSet& rules);

// A section of the body's outline, for linking.
struct SectionHeading {
  int node = 0;
  int parent = 0;
  std::string label;  // folded, marker and punctuation removed
  OutlinePath numbering;  // the markers from the outermost heading down to this one
};

// Links the rows of an appendix table to body sections by their numbering where a column points
// to it (对应正文条目), else by heading text (tolerant of small wording differences), and gives the tasks of each linked section the row's unit cells. Returns
// false, changing nothing, when too few rows link for the table to be such an appendix.
bool LinkAppendix(const TableReading& reading, const std::vector<SectionHeading>& sections,
                  const std::map<int, std::vector<int>>& tasks_under, const RuleSet& rules,
                  std::vector<TaskDraft>* tasks, Diagnostics* diagnostics);

// The text with every character that is not a letter, digit or ideograph removed.
std::string LettersOnly(std::string_view folded);

}  // namespace fengong
