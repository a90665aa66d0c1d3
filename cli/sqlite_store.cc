#include "sqlite_store.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <optional>

#include "emit.h"

namespace fengong::cli {
namespace {

// Bumped when a table changes; a database of another version is refused, not altered.
constexpr int kSchemaVersion = 1;

constexpr const char* kCreateTables = R"sql(
CREATE TABLE IF NOT EXISTS documents (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL,
  sha256 TEXT NOT NULL UNIQUE,
  title TEXT, region TEXT, issuer TEXT, doc_number TEXT, date TEXT,
  period_from INTEGER, period_to INTEGER,
  encoding TEXT NOT NULL, layout TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tasks (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  key TEXT NOT NULL, number TEXT, path TEXT NOT NULL, theme TEXT, title TEXT,
  text TEXT NOT NULL, open_list INTEGER NOT NULL,
  line_first INTEGER NOT NULL, line_last INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS task_units (
  task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  role TEXT NOT NULL, name TEXT NOT NULL, canonical TEXT, unit_role TEXT,
  position INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS targets (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  task_id INTEGER REFERENCES tasks(id) ON DELETE CASCADE,
  kind TEXT NOT NULL, value REAL NOT NULL, value_max REAL, unit TEXT,
  comparator TEXT NOT NULL, stretch INTEGER NOT NULL, deadline INTEGER, period TEXT,
  metric TEXT, text TEXT NOT NULL, line INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS warnings (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  line INTEGER NOT NULL, code TEXT NOT NULL, message TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS tasks_document ON tasks(document_id, key);
CREATE INDEX IF NOT EXISTS tasks_theme ON tasks(theme);
CREATE INDEX IF NOT EXISTS task_units_task ON task_units(task_id);
CREATE INDEX IF NOT EXISTS task_units_name ON task_units(name);
CREATE INDEX IF NOT EXISTS task_units_canonical ON task_units(canonical);
CREATE INDEX IF NOT EXISTS targets_document ON targets(document_id);
CREATE INDEX IF NOT EXISTS targets_task ON targets(task_id);
CREATE INDEX IF NOT EXISTS targets_unit_value ON targets(unit, value);
CREATE INDEX IF NOT EXISTS warnings_document ON warnings(document_id);
CREATE INDEX IF NOT EXISTS warnings_code ON warnings(code);
)sql";

std::string JsonArray(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + JsonString(items[i]);
  return out + "]";
}

}  // namespace

// A prepared statement; binds by 1-based position, absent optionals as NULL.
class SqliteStore::Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* statement) : db_(db), statement_(statement) {}
  ~Statement() { sqlite3_finalize(statement_); }

  Statement& Bind(const std::string& text) {
    sqlite3_bind_text(statement_, ++column_, text.data(), static_cast<int>(text.size()),
                      SQLITE_TRANSIENT);
    return *this;
  }
  Statement& Bind(long long number) {
    sqlite3_bind_int64(statement_, ++column_, number);
    return *this;
  }
  Statement& Bind(double number) {
    sqlite3_bind_double(statement_, ++column_, number);
    return *this;
  }
  Statement& BindNull() {
    sqlite3_bind_null(statement_, ++column_);
    return *this;
  }
  template <typename T>
  Statement& Bind(const std::optional<T>& value) {
    return value ? Bind(*value) : BindNull();
  }
  Statement& Bind(const std::optional<int>& value) {
    return value ? Bind(static_cast<long long>(*value)) : BindNull();
  }

  // Runs the statement to completion and resets it. Returns false on an error (see db's errmsg).
  bool Run() {
    int code = sqlite3_step(statement_);
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
    column_ = 0;
    return code == SQLITE_DONE || code == SQLITE_ROW;
  }

  long long LastId() const { return sqlite3_last_insert_rowid(db_); }

 private:
  sqlite3* db_;
  sqlite3_stmt* statement_;  // owned
  int column_ = 0;
};

SqliteStore::SqliteStore(std::string path, sqlite3* db) : path_(std::move(path)), db_(db) {}

SqliteStore::~SqliteStore() {
  if (!committed_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  delete_document_.reset();
  insert_document_.reset();
  insert_task_.reset();
  insert_unit_.reset();
  insert_target_.reset();
  insert_warning_.reset();
  sqlite3_close(db_);
}

Status SqliteStore::Error(const std::string& what) const {
  return Status::Error(Status::Code::kIo, fmt::format("{}: {}", what, sqlite3_errmsg(db_)),
                       SourcePos{path_});
}

Status SqliteStore::Exec(const char* sql) {
  if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) return Error("SQLite");
  return Status::Ok();
}

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path) {
  sqlite3* db = nullptr;
  int code =
      sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  std::unique_ptr<SqliteStore> store(new SqliteStore(path, db));
  if (code != SQLITE_OK) return store->Error("cannot open the database");
  sqlite3_busy_timeout(db, 10000);
  store->committed_ = true;  // nothing to roll back until BEGIN
  Status status = store->Exec("PRAGMA foreign_keys = ON; BEGIN IMMEDIATE");
  if (!status.ok()) return status;
  store->committed_ = false;
  sqlite3_stmt* version = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &version, nullptr);
  int found = sqlite3_step(version) == SQLITE_ROW ? sqlite3_column_int(version, 0) : -1;
  sqlite3_finalize(version);
  if (found != 0 && found != kSchemaVersion) {
    return Status::Error(Status::Code::kIo,
                         fmt::format("the database has table version {}, this fengong writes {}",
                                     found, kSchemaVersion),
                         SourcePos{path});
  }
  status = store->Exec(kCreateTables);
  if (status.ok())
    status = store->Exec(fmt::format("PRAGMA user_version = {}", kSchemaVersion).c_str());
  if (status.ok()) status = store->Prepare();
  if (!status.ok()) return status;
  return store;
}

Status SqliteStore::Prepare() {
  struct Entry {
    std::unique_ptr<Statement>* statement;
    const char* sql;
  };
  const Entry entries[] = {
      {&delete_document_, "DELETE FROM documents WHERE sha256 = ?"},
      {&insert_document_,
       "INSERT INTO documents (path, sha256, title, region, issuer, doc_number, date, "
       "period_from, period_to, encoding, layout) VALUES (?,?,?,?,?,?,?,?,?,?,?)"},
      {&insert_task_,
       "INSERT INTO tasks (document_id, key, number, path, theme, title, text, open_list, "
       "line_first, line_last) VALUES (?,?,?,?,?,?,?,?,?,?)"},
      {&insert_unit_,
       "INSERT INTO task_units (task_id, role, name, canonical, unit_role, position) "
       "VALUES (?,?,?,?,?,?)"},
      {&insert_target_,
       "INSERT INTO targets (document_id, task_id, kind, value, value_max, unit, comparator, "
       "stretch, deadline, period, metric, text, line) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"},
      {&insert_warning_,
       "INSERT INTO warnings (document_id, line, code, message) VALUES (?,?,?,?)"},
  };
  for (const Entry& entry : entries) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db_, entry.sql, -1, &statement, nullptr) != SQLITE_OK) {
      return Error("SQLite");
    }
    *entry.statement = std::make_unique<Statement>(db_, statement);
  }
  return Status::Ok();
}

Status SqliteStore::Put(const Document& document) {
  Status status = Exec("SAVEPOINT document");
  if (!status.ok()) return status;
  status = PutRows(document);
  if (!status.ok()) {
    Exec("ROLLBACK TO document");
    Exec("RELEASE document");
    return Status::Error(status.code(), status.message(), SourcePos{document.source.path});
  }
  return Exec("RELEASE document");
}

Status SqliteStore::PutRows(const Document& d) {
  if (!delete_document_->Bind(d.source.sha256).Run()) return Error("cannot replace the document");
  const DocumentMeta& m = d.meta;
  std::optional<int> from, to;
  if (m.period) from = m.period->from, to = m.period->to;
  if (!insert_document_->Bind(d.source.path)
           .Bind(d.source.sha256)
           .Bind(m.title)
           .Bind(m.region)
           .Bind(m.issuer)
           .Bind(m.doc_number)
           .Bind(m.date)
           .Bind(from)
           .Bind(to)
           .Bind(d.source.encoding)
           .Bind(d.source.layout)
           .Run()) {
    return Error("cannot store the document");
  }
  long long document_id = insert_document_->LastId();
  for (const Target& goal : d.goals) {
    Status status = PutTarget(document_id, nullptr, goal);
    if (!status.ok()) return status;
  }
  UnitIndex units;
  for (const UnitEntry& unit : d.units) units.emplace(unit.name, &unit);
  for (const Task& task : d.tasks) {
    Status status = PutTask(units, document_id, task);
    if (!status.ok()) return status;
  }
  for (const Warning& w : d.warnings) {
    if (!insert_warning_->Bind(document_id)
             .Bind(static_cast<long long>(w.line))
             .Bind(std::string(WarningCodeName(w.code)))
             .Bind(w.message)
             .Run()) {
      return Error("cannot store a warning");
    }
  }
  return Status::Ok();
}

Status SqliteStore::PutTask(const UnitIndex& units, long long document_id, const Task& task) {
  if (!insert_task_->Bind(document_id)
           .Bind(task.id)
           .Bind(task.number)
           .Bind(JsonArray(task.path))
           .Bind(task.theme)
           .Bind(task.title)
           .Bind(task.text)
           .Bind(static_cast<long long>(task.open_list))
           .Bind(static_cast<long long>(task.first_line))
           .Bind(static_cast<long long>(task.last_line))
           .Run()) {
    return Error(fmt::format("cannot store task {}", task.id));
  }
  long long task_id = insert_task_->LastId();
  for (const auto& [role, names] :
       {std::pair<const char*, const std::vector<std::string>*>{"lead", &task.lead},
        {"responsible", &task.responsible}}) {
    for (size_t i = 0; i < names->size(); ++i) {
      const std::string& name = (*names)[i];
      auto found = units.find(name);
      const UnitEntry* unit = found == units.end() ? nullptr : found->second;
      if (!insert_unit_->Bind(task_id)
               .Bind(std::string(role))
               .Bind(name)
               .Bind(unit ? unit->canonical : std::nullopt)
               .Bind(unit ? unit->role : std::nullopt)
               .Bind(static_cast<long long>(i + 1))
               .Run()) {
        return Error(fmt::format("cannot store a unit of task {}", task.id));
      }
    }
  }
  for (const Target& target : task.targets) {
    Status status = PutTarget(document_id, &task_id, target);
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

Status SqliteStore::PutTarget(long long document_id, const long long* task_id, const Target& t) {
  Statement& insert = *insert_target_;
  insert.Bind(document_id);
  if (task_id)
    insert.Bind(*task_id);
  else
    insert.BindNull();
  if (!insert.Bind(t.kind)
           .Bind(t.value)
           .Bind(t.value_max)
           .Bind(t.unit)
           .Bind(t.comparator)
           .Bind(static_cast<long long>(t.stretch))
           .Bind(t.deadline)
           .Bind(t.period)
           .Bind(t.metric)
           .Bind(t.text)
           .Bind(static_cast<long long>(t.line))
           .Run()) {
    return Error("cannot store a target");
  }
  return Status::Ok();
}

Status SqliteStore::Commit() {
  Status status = Exec("COMMIT");
  if (status.ok()) committed_ = true;
  return status;
}

}  // namespace fengong::cli
