#include "emit_csv.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

namespace fengong {
namespace {

// An RFC 4180 reader, just enough to read back what CsvRows writes: rows of fields.
std::vector<std::vector<std::string>> ReadCsv(std::string_view text) {
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    std::string& field = rows.back().back();
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
        field += '"', ++i;
      else if (c == '"')
        quoted = false;
      else
        field += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().emplace_back();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      ++i;
      if (i + 1 < text.size()) rows.emplace_back(1);
    } else {
      field += c;
    }
  }
  return rows;
}

Target Figure(double value, std::string unit, int line) {
  Target t;
  t.value = value;
  t.unit = std::move(unit);
  t.comparator = ">=";
  t.text = "不少于" + FormatNumber(value) + *t.unit;
  t.line = line;
  return t;
}

Document TwoTaskDocument() {
  Document d;
  d.meta.title = "某区实施方案";
  d.source.path = "plans/a.txt";
  d.source.sha256 = "ab12";
  d.goals.push_back(Figure(13, "%", 3));
  Task first;
  first.id = "1.1";
  first.path = {"重点任务", "科普活动"};
  first.text = "开展活动，每年不少于50场、1000人次";
  first.lead = {"区科协"};
  first.responsible = {"区教委", "各街道"};
  first.first_line = 5;
  first.last_line = 6;
  first.targets = {Figure(50, "场", 5), Figure(1000, "人次", 5)};
  Task second;
  second.id = "1.2";
  second.text = "含\"引号\"\n和换行";
  d.tasks = {first, second};
  return d;
}

size_t Column(std::string_view name) {
  for (size_t i = 0; i < std::size(kCsvColumns); ++i) {
    if (kCsvColumns[i] == name) return i;
  }
  FAIL("no column " << name);
  return 0;
}

struct FieldCase {
  std::string_view field;
  std::string_view written;
};

constexpr FieldCase kFieldCases[] = {
    {"区科协", "区科协"},
    {"", ""},
    {"a,b", "\"a,b\""},
    {"say \"hi\"", "\"say \"\"hi\"\"\""},
    {"line\nbreak", "\"line\nbreak\""},
    {"cr\rhere", "\"cr\rhere\""},
    {"，全角逗号不需引号", "，全角逗号不需引号"},
};

TEST_CASE("CsvField quotes what RFC 4180 requires and nothing else") {
  for (const FieldCase& row : kFieldCases) {
    CAPTURE(row.field);
    CHECK(CsvField(row.field) == row.written);
  }
}

TEST_CASE("CsvHeader lists every column once, CRLF at the end") {
  std::string header = CsvHeader();
  CHECK(header.rfind("path,sha256,title,", 0) == 0);
  CHECK(header.substr(header.size() - 2) == "\r\n");
  auto rows = ReadCsv(header);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].size() == std::size(kCsvColumns));
}

TEST_CASE("CsvRows: one row per goal, per task target, and per task without one") {
  Document d = TwoTaskDocument();
  auto rows = ReadCsv(CsvRows(d));
  REQUIRE(rows.size() == 4);  // goal, two targets of 1.1, the bare task 1.2
  for (const auto& row : rows) {
    REQUIRE(row.size() == std::size(kCsvColumns));
    CHECK(row[Column("path")] == "plans/a.txt");
    CHECK(row[Column("title")] == "某区实施方案");
    CHECK(row[Column("region")] == "");
  }
  CHECK(rows[0][Column("task_id")] == "");
  CHECK(rows[0][Column("value")] == "13");
  CHECK(rows[0][Column("unit")] == "%");
  CHECK(rows[1][Column("task_id")] == "1.1");
  CHECK(rows[1][Column("task_path")] == "重点任务 > 科普活动");
  CHECK(rows[1][Column("responsible")] == "区教委、各街道");
  CHECK(rows[1][Column("value")] == "50");
  CHECK(rows[2][Column("value")] == "1000");
  CHECK(rows[2][Column("unit")] == "人次");
  CHECK(rows[2][Column("comparator")] == ">=");
  CHECK(rows[2][Column("target_line")] == "5");
  CHECK(rows[2][Column("task_text")] == d.tasks[0].text);  // the comma inside survives
  CHECK(rows[3][Column("task_id")] == "1.2");
  CHECK(rows[3][Column("task_text")] == d.tasks[1].text);  // quotes and the line break survive
  CHECK(rows[3][Column("value")] == "");
  CHECK(rows[3][Column("stretch")] == "");
}

TEST_CASE("CsvRows: a document without tasks or goals still has its row") {
  Document d;
  d.source.path = "empty-plan.txt";
  auto rows = ReadCsv(CsvRows(d));
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].size() == std::size(kCsvColumns));
  CHECK(rows[0][0] == "empty-plan.txt");
}

}  // namespace
}  // namespace fengong
