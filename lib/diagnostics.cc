#include "diagnostics.h"

#include <algorithm>

#include <fmt/format.h>

namespace fengong {

std::string_view WarningCodeName(WarningCode code) {
  switch (code) {
    case WarningCode::kUnmatchedBracket: return "unmatched-bracket";
    case WarningCode::kUnclosedAnnotation: return "unclosed-annotation";
    case WarningCode::kNoTasks: return "no-tasks";
    case WarningCode::kUnlinkedTableRow: return "unlinked-table-row";
    case WarningCode::kUnitsNotFound: return "units-not-found";
    case WarningCode::kUnknownColumn: return "unknown-column";
    case WarningCode::kDuplicateTaskId: return "duplicate-task-id";
    case WarningCode::kInvalidBytes: return "invalid-bytes";
    case WarningCode::kMisnumberedHeading: return "misnumbered-heading";
    case WarningCode::kUncertainTarget: return "uncertain-target";
    case WarningCode::kApproximateTarget: return "approximate-target";
    case WarningCode::kNoTitle: return "no-title";
    case WarningCode::kLongLine: return "long-line";
    case WarningCode::kUnusedColumn: return "unused-column";
  }
  return "unknown";
}

bool WarningCodeFromName(std::string_view name, WarningCode* code) {
  // Codes are numbered from 0 without gaps; the first number without a name ends the table.
  for (int i = 0; WarningCodeName(static_cast<WarningCode>(i)) != "unknown"; ++i) {
    if (WarningCodeName(static_cast<WarningCode>(i)) == name) {
      *code = static_cast<WarningCode>(i);
      return true;
    }
  }
  return false;
}

std::string Warning::Dump() const {
  return fmt::format("warn{{{} {}: {}}}", line, WarningCodeName(code), message);
}

void Diagnostics::Warn(int line, WarningCode code, std::string message) {
  warnings_.push_back(Warning{line, code, std::move(message)});
}

std::vector<Warning> Diagnostics::Sorted() const {
  std::vector<Warning> sorted = warnings_;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const Warning& a, const Warning& b) { return a.line < b.line; });
  return sorted;
}

}  // namespace fengong
