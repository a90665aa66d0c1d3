// Stage diff, part 2: the comparison an analyst reads, in two modes. Knows only the model.
//  - districts: several plans side by side. Rows are themes, targets and roles; columns are the
//    documents; a cell holds the value (a target with its comparator), who leads it and where;
//    a commitment one plan lacks is a missing cell.
//  - versions: two versions of one plan. Rows are the tasks removed, added, moved and changed
//    (text, units, targets). Units compare by canonical name, so an alias (区人社局 for
//    区人力资源和社会保障局) is reported as a rename, which is not a difference.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diff_align.h"
#include "model.h"

namespace fengong {

enum class DiffMode { kDistricts, kVersions };

const char* DiffModeName(DiffMode mode);  // "districts" | "versions"

struct DiffCell {
  bool missing = true;             // the document has nothing for this row
  std::string value;               // the target, the unit names, the task text …
  std::vector<std::string> lead;   // who leads (a task's lead units, else its responsible ones)
  std::vector<std::string> tasks;  // ids of the tasks the cell stands for

  std::string Dump() const;  // "cell{>= 2000 人 lead[区科协] tasks[37]}" or "cell{missing}"
};

struct DiffRow {
  // districts: theme | target | role.  versions: removed | added | moved | changed | renamed.
  std::string section;
  std::string key;    // theme or role key, target metric; versions: task id ("3.2" or "3.2>3.1")
  std::string field;  // versions: text | units | targets | position; districts: ""
  std::vector<DiffCell> cells;  // one per document (versions: before, after)
  std::string reason;           // why these cells share a row
  bool differs = false;         // false for rows that agree and for renames

  std::string Dump() const;  // "row{target 注册… differs [cell{…} cell{missing}] why}"
};

struct DiffReport {
  DiffMode mode = DiffMode::kDistricts;
  std::vector<std::string> documents;  // column names
  std::vector<DiffRow> rows;
  std::vector<std::string> notes;  // what did not align, in words

  bool differs() const;
};

// versions for two documents that read as one plan (the same region or no region, and at least
// half their tasks pair up), districts otherwise.
DiffMode ChooseMode(const std::vector<const Document*>& documents);

// REQUIRES: at least one document.
DiffReport DiffDistricts(const std::vector<const Document*>& documents);

DiffReport DiffVersions(const Document& before, const Document& after);

// The report in `mode`, or in the mode ChooseMode would pick (the versions pairing computed once).
// A versions diff takes the first two documents. REQUIRES: at least one document.
DiffReport Diff(const std::vector<const Document*>& documents, std::optional<DiffMode> mode);

}  // namespace fengong
