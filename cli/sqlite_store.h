// One SQLite database for a batch (--sqlite FILE). Tables, one row per …:
//   documents(id, path, sha256 UNIQUE, title, region, issuer, doc_number, date, period_from,
//             period_to, encoding, layout)                                  … parsed input
//   tasks(id, document_id, key, number, path, theme, title, text, open_list, line_first,
//         line_last)                                                        … task
//   task_units(task_id, role, name, canonical, unit_role, position)         … unit of a task
//   targets(id, document_id, task_id, kind, value, value_max, unit, comparator, stretch,
//           deadline, period, metric, text, line)                           … target or goal
//   warnings(document_id, line, code, message)                              … warning
// tasks.key is the task's id ("3.2"); tasks.path is the heading path as a JSON array;
// task_units.role is "lead" or "responsible", position counts from 1 within that list, and
// canonical / unit_role come from the document's unit index; targets.task_id is NULL for a
// document-level goal; booleans are 0/1; absent values are NULL.
//
// A document is its bytes: putting a document whose sha256 is already stored replaces its rows
// (child rows go with it through ON DELETE CASCADE). The whole batch is one transaction, so a
// reader sees the database before the batch or after it, never half of it.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "model.h"
#include "status.h"

struct sqlite3;

namespace fengong::cli {

class SqliteStore {
 public:
  // Opens or creates the database at `path`, creates the tables and indexes it lacks and begins
  // the batch's transaction. Fails (kIo, naming `path`) when the file cannot be opened or was
  // made by another schema version.
  static Result<std::unique_ptr<SqliteStore>> Open(const std::string& path);
  // Rolls the transaction back when Commit() did not run.
  ~SqliteStore();
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  // Stores `document`, replacing the rows of a stored document with the same sha256. On failure
  // nothing of `document` is stored and the batch goes on.
  Status Put(const Document& document);
  // Commits the batch.
  Status Commit();

  class Statement;

 private:
  explicit SqliteStore(std::string path, sqlite3* db);
  Status Prepare();
  Status Exec(const char* sql);
  Status Error(const std::string& what) const;
  Status PutRows(const Document& document);
  using UnitIndex = std::map<std::string_view, const UnitEntry*>;  // by name as printed
  Status PutTask(const UnitIndex& units, long long document_id, const Task& task);
  Status PutTarget(long long document_id, const long long* task_id, const Target& target);

  std::string path_;
  sqlite3* db_;  // owned
  bool committed_ = false;
  std::unique_ptr<Statement> delete_document_, insert_document_, insert_task_, insert_unit_,
      insert_target_, insert_warning_;
};

}  // namespace fengong::cli
