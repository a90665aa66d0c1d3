#include "diff_render.h"

#include <doctest/doctest.h>

#include <string_view>

namespace fengong {
namespace {

struct WidthCase {
  std::string_view text;
  int expected;
};

constexpr WidthCase kWidths[] = {
    {"", 0},         {"abc", 3}, {"区科协", 6}, {">= 2000 人", 10}, {"ＡＢ", 4},  // fullwidth forms
    {"（牵头）", 8},  // fullwidth brackets
    {"e\u0301", 1},   // a combining accent takes no column
    {"·…", 2},        // ambiguous width counts one, as most terminals show it
    {"한글", 4},
};

TEST_CASE("DisplayWidth: East Asian Width") {
  for (const WidthCase& c : kWidths) {
    CAPTURE(c.text);
    CHECK(DisplayWidth(c.text) == c.expected);
  }
}

DiffReport TwoDistricts() {
  DiffReport report;
  report.documents = {"江北区", "b"};
  DiffCell a{false, ">= 2000 人", {"区科协", "区应急局"}, {"37"}};
  DiffCell missing;
  report.rows.push_back(DiffRow{
      "target", "注册科技志愿者人数 (人)", "", {a, missing}, "measure word 人, \"alike\"", true});
  report.notes = {"targets in one document only: none"};
  return report;
}

TEST_CASE("RenderDiff table: columns line up by display width, not bytes") {
  RenderOptions options;
  options.cell_width = 16;
  std::string table = RenderDiff(TwoDistricts(), DiffFormat::kTable, options);
  CHECK(table ==
        "section  row              江北区            b        why\n"
        "-------  ---------------  ----------------  -------  ------------------------\n"
        "target   注册科技志愿者…  >= 2000 人 · 区…  missing  measure word 人, \"alike\"\n"
        "\n"
        "districts mode: 1 rows, 1 differ\n"
        "note: targets in one document only: none\n");
}

TEST_CASE("RenderDiff table: colour only when asked") {
  RenderOptions options;
  CHECK(RenderDiff(TwoDistricts(), DiffFormat::kTable, options).find("\033[") == std::string::npos);
  options.colour = true;
  std::string table = RenderDiff(TwoDistricts(), DiffFormat::kTable, options);
  CHECK(table.find("\033[31mmissing\033[0m") != std::string::npos);
}

TEST_CASE("RenderDiff csv: three columns per document, RFC 4180 quoting") {
  std::string csv = RenderDiff(TwoDistricts(), DiffFormat::kCsv, RenderOptions());
  CHECK(csv ==
        "section,key,field,江北区,江北区 lead,江北区 tasks,b,b lead,b tasks,why,differs\r\n"
        "target,注册科技志愿者人数 (人),,>= 2000 人,区科协、区应急局,37,missing,,,"
        "\"measure word 人, \"\"alike\"\"\",true\r\n");
}

TEST_CASE("RenderDiff md, json and yaml hold the same rows") {
  DiffReport report = TwoDistricts();
  std::string md = RenderDiff(report, DiffFormat::kMarkdown, RenderOptions());
  CHECK(
      md.find(
          "| target | 注册科技志愿者人数 (人) | >= 2000 人 (lead: 区科协、区应急局) | missing |") !=
      std::string::npos);
  std::string json = RenderDiff(report, DiffFormat::kJson, RenderOptions());
  CHECK(json.find("\"value\": \">= 2000 人\",") != std::string::npos);
  CHECK(json.find("\"missing\": true,\n          \"value\": null,") != std::string::npos);
  std::string yaml = RenderDiff(report, DiffFormat::kYaml, RenderOptions());
  // The shared YAML writer: plain where a reader gets the same string back, quoted otherwise.
  CHECK(yaml.find("mode: districts\ndocuments: [江北区, b]\n") == 0);
  CHECK(yaml.find("  - section: target\n    key: 注册科技志愿者人数 (人)\n    field: null\n") !=
        std::string::npos);
  CHECK(yaml.find("    reason: \"measure word 人, \\\"alike\\\"\"\n") != std::string::npos);
  CHECK(yaml.find("      - document: b\n        missing: true\n        value: null\n") !=
        std::string::npos);
  CHECK(yaml.find("        value: \">= 2000 人\"\n        lead: [区科协, 区应急局]\n") !=
        std::string::npos);
}

}  // namespace
}  // namespace fengong
