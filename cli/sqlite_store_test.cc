#include "sqlite_store.h"

#include <doctest/doctest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <string>

namespace fengong::cli {
namespace {

namespace fs = std::filesystem;

// A fresh database path in the temp folder, removed at the end of the test.
struct TempDatabase {
  TempDatabase() {
    static int counter = 0;
    path = (fs::temp_directory_path() / ("fengong-store-test-" + std::to_string(getpid()) + "-" +
                                         std::to_string(++counter) + ".db"))
               .string();
    fs::remove(path);
  }
  ~TempDatabase() { fs::remove(path); }
  std::string path;
};

// The first column of the first row of `sql`, as text ("" for none or NULL).
std::string Query(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* statement = nullptr;
  std::string out;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
      sqlite3_step(statement) == SQLITE_ROW && sqlite3_column_text(statement, 0) != nullptr) {
    out = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
  } else if (statement == nullptr) {
    out = std::string("error: ") + sqlite3_errmsg(db);
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return out;
}

Target Figure(double value, const char* unit, const char* comparator) {
  Target t;
  t.value = value;
  t.unit = unit;
  t.comparator = comparator;
  t.text = "figure";
  t.line = 7;
  return t;
}

Document Plan(const std::string& path, const std::string& sha256) {
  Document d;
  d.meta.title = "某区实施方案";
  d.meta.period = Period{2021, 2025};
  d.source = Source{path, sha256, "UTF-8", "prose"};
  d.goals.push_back(Figure(13, "%", "="));
  Task task;
  task.id = "2.1";
  task.path = {"重点任务", "科普"};
  task.text = "培训1200人";
  task.lead = {"区科协"};
  task.responsible = {"区教委", "各街道"};
  task.first_line = 7;
  task.last_line = 8;
  task.targets.push_back(Figure(1200, "人", ">="));
  d.tasks.push_back(task);
  d.units.push_back(UnitEntry{"区科协", "区科学技术协会", "区", "science", false, {"2.1"}});
  d.warnings.push_back(Warning{8, WarningCode::kUncertainTarget, "maybe"});
  return d;
}

constexpr const char* kIssueQuery =
    "SELECT count(DISTINCT d.path) FROM documents d JOIN tasks t ON t.document_id = d.id "
    "JOIN targets g ON g.task_id = t.id WHERE g.unit = '人' AND g.value >= 1000";

TEST_CASE("SqliteStore: every table gets its rows, and the issue's query answers") {
  TempDatabase db;
  {
    Result<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(db.path);
    REQUIRE(store.ok());
    CHECK(store.value()->Put(Plan("a.txt", "aa")).ok());
    CHECK(store.value()->Put(Plan("b.txt", "bb")).ok());
    CHECK(store.value()->Commit().ok());
  }
  CHECK(Query(db.path, "SELECT count(*) FROM documents") == "2");
  CHECK(Query(db.path, "SELECT period_from || '-' || period_to FROM documents") == "2021-2025");
  CHECK(Query(db.path, "SELECT count(*) FROM tasks") == "2");
  CHECK(Query(db.path, "SELECT path FROM tasks") == "[\"重点任务\",\"科普\"]");
  CHECK(Query(db.path,
              "SELECT group_concat(role || ':' || name || ':' || position, ' ') FROM "
              "task_units WHERE task_id = 1") ==
        "lead:区科协:1 responsible:区教委:1 responsible:各街道:2");
  CHECK(Query(db.path,
              "SELECT canonical || ' ' || unit_role FROM task_units WHERE name = '区科协' "
              "LIMIT 1") == "区科学技术协会 science");
  CHECK(Query(db.path, "SELECT count(*) FROM targets WHERE task_id IS NULL") == "2");  // goals
  CHECK(Query(db.path, "SELECT count(*) FROM warnings WHERE code = 'uncertain-target'") == "2");
  CHECK(Query(db.path, kIssueQuery) == "2");
  CHECK(Query(db.path, "PRAGMA user_version") == "1");
}

TEST_CASE("SqliteStore: the same bytes again replace their rows") {
  TempDatabase db;
  for (const char* path : {"first/a.txt", "again/a.txt"}) {
    Result<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(db.path);
    REQUIRE(store.ok());
    CHECK(store.value()->Put(Plan(path, "same-bytes")).ok());
    CHECK(store.value()->Commit().ok());
  }
  CHECK(Query(db.path, "SELECT count(*) || ' ' || path FROM documents") == "1 again/a.txt");
  CHECK(Query(db.path, "SELECT count(*) FROM tasks") == "1");
  CHECK(Query(db.path, "SELECT count(*) FROM task_units") == "3");
  CHECK(Query(db.path, "SELECT count(*) FROM targets") == "2");
  CHECK(Query(db.path, "SELECT count(*) FROM warnings") == "1");
}

TEST_CASE("SqliteStore: a batch that does not commit leaves nothing") {
  TempDatabase db;
  for (bool commit : {true, false}) {
    Result<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(db.path);
    REQUIRE(store.ok());
    CHECK(store.value()->Put(Plan(commit ? "a.txt" : "b.txt", commit ? "aa" : "bb")).ok());
    if (commit) CHECK(store.value()->Commit().ok());
  }
  CHECK(Query(db.path, "SELECT group_concat(path) FROM documents") == "a.txt");
  CHECK(!fs::exists(db.path + "-journal"));
}

TEST_CASE("SqliteStore: a database of another version is refused, not altered") {
  TempDatabase db;
  sqlite3* raw = nullptr;
  sqlite3_open(db.path.c_str(), &raw);
  sqlite3_exec(raw, "PRAGMA user_version = 9", nullptr, nullptr, nullptr);
  sqlite3_close(raw);
  Result<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(db.path);
  REQUIRE(!store.ok());
  CHECK(store.status().ToString() == db.path +
                                         ": the database has table version 9, this fengong "
                                         "writes 1");
}

TEST_CASE("SqliteStore: a database that cannot be created fails with its path") {
  Result<std::unique_ptr<SqliteStore>> store = SqliteStore::Open("/nonexistent-dir/x.db");
  REQUIRE(!store.ok());
  CHECK(store.status().pos().file == "/nonexistent-dir/x.db");
}

}  // namespace
}  // namespace fengong::cli
