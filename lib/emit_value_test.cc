#include "emit_value.h"

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>
#include <vector>

namespace fengong {
namespace {

struct StringCase {
  std::string_view text;
  std::string_view yaml;  // WriteYaml of {k: text}
};

// Plain where a YAML reader reads the same string back, double-quoted (JSON escapes) otherwise.
constexpr StringCase kStrings[] = {
    {"开展科普活动", "k: 开展科普活动\n"},
    {"区科协（地震局）", "k: 区科协（地震局）\n"},
    {"％全角开头", "k: ％全角开头\n"},
    {"“三长”", "k: “三长”\n"},
    {"含\"引号\"", "k: 含\"引号\"\n"},  // a quote inside is plain-safe
    {"fengong/1", "k: fengong/1\n"},
    {"", "k: \"\"\n"},
    {"null", "k: \"null\"\n"},
    {"Null", "k: \"Null\"\n"},
    {"yes", "k: \"yes\"\n"},
    {"No", "k: \"No\"\n"},
    {"true", "k: \"true\"\n"},
    {"y", "k: \"y\"\n"},
    {"nullable", "k: nullable\n"},  // only the whole word reads as null
    {"~", "k: \"~\"\n"},
    {"2025", "k: \"2025\"\n"},
    {"2500人次以上", "k: \"2500人次以上\"\n"},  // a leading digit reads as a number
    {".5", "k: \".5\"\n"},
    {"+1", "k: \"+1\"\n"},
    {"100%完成", "k: \"100%完成\"\n"},
    {"- x", "k: \"- x\"\n"},  // a list item
    {"- 列表", "k: \"- 列表\"\n"},
    {"目标: 每年50场", "k: \"目标: 每年50场\"\n"},  // ": " starts a mapping
    {"a:b", "k: \"a:b\"\n"},
    {": ", "k: \": \"\n"},
    {"#注释", "k: \"#注释\"\n"},
    {"区科协#1", "k: \"区科协#1\"\n"},
    {" 前导空格", "k: \" 前导空格\"\n"},
    {"区科协 ", "k: \"区科协 \"\n"},  // a trailing space would be lost
    {"甲,乙", "k: \"甲,乙\"\n"},      // a comma splits a flow list
    {"[区科协]", "k: \"[区科协]\"\n"},
    {"{a}", "k: \"{a}\"\n"},
    {"?问题", "k: \"?问题\"\n"},
    {"!标签", "k: \"!标签\"\n"},
    {"*星号", "k: \"*星号\"\n"},
    {"&锚点", "k: \"&锚点\"\n"},
    {"|竖线", "k: \"|竖线\"\n"},
    {">大于", "k: \">大于\"\n"},
    {"'单引号'", "k: \"'单引号'\"\n"},
    {"@at", "k: \"@at\"\n"},
    {"换\n行", "k: \"换\\n行\"\n"},
    {"制\t表\r", "k: \"制\\t表\\r\"\n"},
    {"反\\斜", "k: 反\\斜\n"},
    {"分\u2028隔", "k: \"分\\u2028隔\"\n"},
    {"段\u2029落", "k: \"段\\u2029落\"\n"},
    {"\uFEFFbom", "k: \"\\ufeffbom\"\n"},
    {"c1\xC2\x85", "k: \"c1\\u0085\"\n"},
    {"del\x7F", "k: \"del\\u007f\"\n"},
    {"替\uFFFD换", "k: \"替\uFFFD换\"\n"},  // quoted, but not escaped
};

TEST_CASE("WriteYaml: strings plain when they read back, quoted otherwise") {
  for (const StringCase& row : kStrings) {
    CAPTURE(row.text);
    std::string yaml = WriteYaml(Value::OfMap({{"k", Value::String(row.text)}}));
    CHECK(yaml == row.yaml);
    // Whatever the quoting, a YAML reader gets the text back.
    CHECK(YAML::Load(yaml)["k"].as<std::string>() == row.text);
  }
}

TEST_CASE("WriteYaml: a quoted string is quoted even where plain would read back") {
  CHECK(WriteYaml(Value::OfMap({{"id", Value::String("区科协", true)}})) == "id: \"区科协\"\n");
}

struct TreeCase {
  Value value;
  std::string_view yaml;  // WriteYaml of {k: value}
  std::string_view json;  // WriteJsonLine of {k: value}
};

TEST_CASE("WriteYaml and WriteJsonLine: scalars, flow and block collections") {
  // OfStrings keeps views of its strings: they must outlive the cases.
  const std::vector<std::string> names = {"区科协", "1.2", "a b"}, one = {"1"}, x = {"x"};
  const TreeCase cases[] = {
      {Value::Null(), "k: null\n", "{\"k\":null}\n"},
      {Value::Bool(true), "k: true\n", "{\"k\":true}\n"},
      {Value::Bool(false), "k: false\n", "{\"k\":false}\n"},
      {Value::Number(13), "k: 13\n", "{\"k\":13}\n"},
      {Value::Number(8.9), "k: 8.9\n", "{\"k\":8.9}\n"},
      {Value::Number(-0.5), "k: -0.5\n", "{\"k\":-0.5}\n"},
      {Value::Number(1e6), "k: 1000000\n", "{\"k\":1000000}\n"},
      {Value::OfList({}), "k: []\n", "{\"k\":[]}\n"},
      {Value::OfMap({}), "k: {}\n", "{\"k\":{}}\n"},
      {Value::OfStrings(names), "k: [区科协, \"1.2\", a b]\n",
       "{\"k\":[\"区科协\",\"1.2\",\"a b\"]}\n"},
      {Value::OfStrings(one, true), "k: [\"1\"]\n", "{\"k\":[\"1\"]}\n"},
      {Value::OfMap({{"from", Value::Number(2021)}, {"to", Value::Number(2025)}}, true),
       "k: {from: 2021, to: 2025}\n", "{\"k\":{\"from\":2021,\"to\":2025}}\n"},
      {Value::OfList({Value::String("甲"), Value::Null()}), "k:\n  - 甲\n  - null\n",
       "{\"k\":[\"甲\",null]}\n"},
      {Value::OfMap({{"a", Value::Number(1)}, {"b", Value::OfMap({{"c", Value::Null()}})}}),
       "k:\n  a: 1\n  b:\n    c: null\n", "{\"k\":{\"a\":1,\"b\":{\"c\":null}}}\n"},
      // A map in a list: its first key follows "- ", the others line up under it.
      {Value::OfList({Value::OfMap({{"a", Value::Number(1)}, {"b", Value::OfStrings(x)}}),
                      Value::OfMap({{"a", Value::Number(2)}, {"b", Value::OfList({})}})}),
       "k:\n  - a: 1\n    b: [x]\n  - a: 2\n    b: []\n",
       "{\"k\":[{\"a\":1,\"b\":[\"x\"]},{\"a\":2,\"b\":[]}]}\n"},
      {Value::OfList(
           {Value::OfMap({{"rows", Value::OfList({Value::OfMap({{"x", Value::Bool(true)}})})}})}),
       "k:\n  - rows:\n      - x: true\n", "{\"k\":[{\"rows\":[{\"x\":true}]}]}\n"},
  };
  for (const TreeCase& row : cases) {
    CAPTURE(row.yaml);
    Value root = Value::OfMap({{"k", row.value}});
    CHECK(WriteYaml(root) == row.yaml);
    CHECK(WriteJsonLine(root) == row.json);
  }
}

TEST_CASE("WriteJson: two-space indentation, empty collections on one line") {
  const std::vector<std::string> xy = {"x", "y"};
  Value root = Value::OfMap({{"a", Value::OfStrings(xy)},
                             {"b", Value::OfMap({{"c", Value::Null()}, {"d", Value::OfList({})}})},
                             {"e", Value::OfMap({})}});
  CHECK(WriteJson(root) ==
        "{\n  \"a\": [\n    \"x\",\n    \"y\"\n  ],\n  \"b\": {\n    \"c\": null,\n"
        "    \"d\": []\n  },\n  \"e\": {}\n}\n");
}

TEST_CASE("WriteJsonLine: one line, whatever the strings hold") {
  std::string line = WriteJsonLine(Value::OfMap({{"换\n行", Value::String("分\u2028隔\u2029")}}));
  CHECK(line == "{\"换\\n行\":\"分\\u2028隔\\u2029\"}\n");
}

struct EscapeCase {
  std::string_view text;
  std::string_view json;
};

constexpr EscapeCase kEscapes[] = {
    {"", "\"\""},
    {"区科协", "\"区科协\""},
    {"\"\\", "\"\\\"\\\\\""},
    {"\n\t\r", "\"\\n\\t\\r\""},
    {std::string_view("\0\x1f", 2), "\"\\u0000\\u001f\""},
    {"/", "\"/\""},  // JSON allows a plain slash
    {"\u00e9\u2028", "\"\u00e9\\u2028\""},
    {"\xEF\xBF\xBE", "\"\\ufffe\""},
};

TEST_CASE("AppendJsonString: JSON escapes") {
  for (const EscapeCase& row : kEscapes) {
    CAPTURE(row.text);
    std::string out = "=";
    AppendJsonString(row.text, &out);
    CHECK(out == "=" + std::string(row.json));  // appends, keeps what was there
  }
}

}  // namespace
}  // namespace fengong
