// The sink for what the parser noticed and could not settle. Every warning ends in the output's
// `warnings` list; codes are stable kebab-case names from one table.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fengong {

enum class WarningCode {
  kUnmatchedBracket,     // a unit annotation opens with one bracket kind and closes with another
  kUnclosedAnnotation,   // a unit annotation opens and never closes
  kNoTasks,              // the document is text but no task was found
  kUnlinkedTableRow,     // an appendix row names a section the body does not have
  kUnitsNotFound,        // a task has neither its own units nor inherited ones
  kUnknownColumn,        // a table header cell that the table grammar does not know
  kDuplicateTaskId,      // two tasks share a numbering path; the later one gets a suffix
  kInvalidBytes,         // bytes that are not valid in the input encoding were replaced
  kMisnumberedHeading,   // a heading numbered in another style than its siblings
  kUncertainTarget,      // a number that may or may not be a commitment
  kApproximateTarget,    // a figure given as about (约, 左右), recorded with comparator "="
  kNoTitle,              // the plan's own title was not found
  kLongLine,             // a line so long that the text probably lost its line breaks
  kUnusedColumn,         // a table column that reads as task text but is not read
};

// The stable name of a code, e.g. "unmatched-bracket".
std::string_view WarningCodeName(WarningCode code);
// The code named `name`; false when no code has that name.
bool WarningCodeFromName(std::string_view name, WarningCode* code);

struct Warning {
  int line = 0;  // 1-based input line, 0 when the warning concerns the whole document
  WarningCode code;
  std::string message;

  std::string Dump() const;  // "warn{12 unmatched-bracket: …}"
};

class Diagnostics {
 public:
  void Warn(int line, WarningCode code, std::string message);
  const std::vector<Warning>& warnings() const { return warnings_; }
  // Warnings ordered by line, then by the order they were raised.
  std::vector<Warning> Sorted() const;

 private:
  std::vector<Warning> warnings_;
};

}  // namespace fengong
