#include "emit.h"

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <cctype>
#include <string>
#include <string_view>
#include <vector>

namespace fengong {
namespace {

Document SmallDocument() {
  Document document;
  document.meta.title = "某区全民科学素质行动实施方案（2021—2025年）";
  document.meta.region = "某区";
  document.meta.doc_number = "武隆府办发〔2022〕30号";
  document.meta.date = "2022-04-16";
  document.meta.period = Period{2021, 2025};
  // issuer stays absent: it must print as null, not vanish.
  document.source.path = "samples/x.txt";
  document.source.sha256 = "0123abcd";
  document.source.encoding = "UTF-8";
  document.source.layout = "numbered-items";

  Target goal;
  goal.value = 13;
  goal.unit = "%";
  goal.deadline = 2025;
  goal.metric = "公民具备科学素质的比例";
  goal.text = "全区公民具备科学素质的比例达到13%";
  goal.line = 41;
  document.goals.push_back(goal);

  Task task;
  task.id = "1.2";
  task.number = "2";
  task.path = {"重点任务", "实施青少年科学素质提升行动"};
  task.text = "目标: 每年开展活动不少于50场。";  // ": " would start a YAML mapping unquoted
  task.lead = {"区科协"};
  task.first_line = 5;
  task.last_line = 6;
  Target target;
  target.value = 50;
  target.unit = "场";
  target.comparator = ">=";
  target.period = "annual";
  target.text = "不少于50场";
  target.line = 5;
  task.targets.push_back(target);
  document.tasks.push_back(task);

  Task second;
  second.id = "2";
  second.text = "2500人次以上";  // a leading digit would read as a number unquoted
  second.title = "加强宣传";
  second.responsible = {"各街道"};
  second.first_line = 8;
  second.last_line = 8;
  document.tasks.push_back(second);

  UnitEntry unit;
  unit.name = "区科协";
  unit.tasks = {"1.2"};
  document.units.push_back(unit);

  document.warnings.push_back(
      Warning{12, WarningCode::kUnmatchedBracket, "unit annotation opens with 〔 and closes with ）"});
  return document;
}

// Each of `keys` appears in `text`, each after the one before it.
void CheckInOrder(const std::string& text, const std::vector<std::string>& keys) {
  size_t from = 0;
  for (const std::string& key : keys) {
    CAPTURE(key);
    size_t at = text.find(key, from);
    CHECK(at != std::string::npos);
    if (at != std::string::npos) from = at + 1;
  }
}

TEST_CASE("Emit YAML: every schema key, in order") {
  std::string yaml = Emit(SmallDocument(), Format::kYaml);
  CAPTURE(yaml);
  CHECK(yaml.rfind("schema: fengong/1\n", 0) == 0);
  CheckInOrder(yaml, {"schema:", "\ndocument:", "\ngoals:", "\ntasks:", "\nunits:", "\nwarnings:"});
  CheckInOrder(yaml, {"\n  title:", "\n  region:", "\n  issuer:", "\n  doc_number:", "\n  date:",
                      "\n  period:", "\n  source:", "\n    path:", "\n    sha256:",
                      "\n    encoding:", "\n    layout:", "\ngoals:"});
  CheckInOrder(yaml, {"\n  - kind:", "value:", "value_max:", "unit:", "comparator:", "stretch:",
                      "deadline:", "period:", "metric:", "text:", "line:", "\ntasks:"});
  CheckInOrder(yaml, {"\ntasks:", "\n  - id:", "\n    number:", "\n    path:", "\n    theme:",
                      "\n    title:", "\n    text:", "\n    lead:", "\n    responsible:",
                      "\n    open_list:", "\n    targets:", "\n    lines:", "\nunits:"});
  CheckInOrder(yaml, {"\nunits:", "\n  - name:", "\n    canonical:", "\n    level:",
                      "\n    role:", "\n    collective:", "\n    tasks:", "\nwarnings:",
                      "\n  - line: 12", "\n    code: unmatched-bracket", "\n    message:"});
}

TEST_CASE("Emit YAML: dates and ids quoted, absent values null or []") {
  std::string yaml = Emit(SmallDocument(), Format::kYaml);
  CAPTURE(yaml);
  CHECK(yaml.find("\n  date: \"2022-04-16\"\n") != std::string::npos);
  CHECK(yaml.find("\n  - id: \"1.2\"\n") != std::string::npos);
  CHECK(yaml.find("\n    number: \"2\"\n") != std::string::npos);
  CHECK(yaml.find("\n  - id: \"2\"\n") != std::string::npos);
  CHECK(yaml.find("\n    tasks: [\"1.2\"]\n") != std::string::npos);
  CHECK(yaml.find("\n  period: {from: 2021, to: 2025}\n") != std::string::npos);
  CHECK(yaml.find("\n  issuer: null\n") != std::string::npos);
  CHECK(yaml.find("\n    number: null\n") != std::string::npos);   // the second task
  CHECK(yaml.find("\n    title: null\n") != std::string::npos);    // the first task
  CHECK(yaml.find("\n    responsible: []\n") != std::string::npos);
  CHECK(yaml.find("\n    targets: []\n") != std::string::npos);
  CHECK(yaml.find("\n    lines: [5, 6]\n") != std::string::npos);
  CHECK(yaml.find("comparator: \">=\"") != std::string::npos);
}

TEST_CASE("Emit YAML: an empty document still prints every key") {
  std::string yaml = Emit(Document(), Format::kYaml);
  CAPTURE(yaml);
  for (const char* line : {"schema: fengong/1\n", "\n  title: null\n", "\n  region: null\n",
                           "\n  issuer: null\n", "\n  doc_number: null\n", "\n  date: null\n",
                           "\n  period: null\n", "\ngoals: []\n", "\ntasks: []\n",
                           "\nunits: []\n", "\nwarnings: []\n"}) {
    CAPTURE(line);
    CHECK(yaml.find(line) != std::string::npos);
  }
}

TEST_CASE("Emit YAML: a YAML reader reads back what was written") {
  Document document = SmallDocument();
  YAML::Node root = YAML::Load(Emit(document, Format::kYaml));
  CHECK(root["schema"].as<std::string>() == "fengong/1");
  CHECK(root["document"]["title"].as<std::string>() == *document.meta.title);
  CHECK(root["document"]["date"].as<std::string>() == "2022-04-16");
  CHECK(root["document"]["issuer"].IsNull());
  CHECK(root["document"]["period"]["to"].as<int>() == 2025);
  CHECK(root["document"]["source"]["layout"].as<std::string>() == "numbered-items");
  CHECK(root["goals"][0]["value"].as<double>() == 13);
  CHECK(root["goals"][0]["unit"].as<std::string>() == "%");
  REQUIRE(root["tasks"].size() == 2);
  CHECK(root["tasks"][0]["id"].as<std::string>() == "1.2");
  CHECK(root["tasks"][0]["text"].as<std::string>() == "目标: 每年开展活动不少于50场。");
  CHECK(root["tasks"][0]["path"][1].as<std::string>() == "实施青少年科学素质提升行动");
  CHECK(root["tasks"][0]["lead"][0].as<std::string>() == "区科协");
  CHECK(root["tasks"][0]["targets"][0]["comparator"].as<std::string>() == ">=");
  CHECK(root["tasks"][0]["targets"][0]["period"].as<std::string>() == "annual");
  CHECK(root["tasks"][1]["text"].as<std::string>() == "2500人次以上");
  CHECK(root["tasks"][1]["title"].as<std::string>() == "加强宣传");
  CHECK(root["units"][0]["tasks"][0].as<std::string>() == "1.2");
  CHECK(root["warnings"][0]["code"].as<std::string>() == "unmatched-bracket");
  CHECK(root["warnings"][0]["message"].as<std::string>() == document.warnings[0].message);
}

TEST_CASE("Emit: the same document gives the same bytes") {
  Document document = SmallDocument();
  CHECK(Emit(document, Format::kYaml) == Emit(document, Format::kYaml));
  CHECK(Emit(document, Format::kJson) == Emit(document, Format::kJson));
  CHECK(Emit(document, Format::kYaml) == Emit(SmallDocument(), Format::kYaml));
}

// A strict JSON reader, just enough to tell well-formed output from broken output.
class JsonChecker {
 public:
  explicit JsonChecker(std::string_view text) : text_(text) {}

  bool Valid() {
    Space();
    if (!Value()) return false;
    Space();
    return pos_ == text_.size();
  }

 private:
  void Space() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\n' ||
                                   text_[pos_] == '\t' || text_[pos_] == '\r')) {
      ++pos_;
    }
  }
  bool Eat(char c) {
    Space();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  bool Word(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }
  bool String() {
    if (!Eat('"')) return false;
    while (pos_ < text_.size()) {
      char c = text_[pos_++];
      if (c == '"') return true;
      if (static_cast<unsigned char>(c) < 0x20) return false;
      if (c == '\\') {
        if (pos_ >= text_.size()) return false;
        char e = text_[pos_++];
        if (e == 'u') {
          for (int i = 0; i < 4; ++i) {
            if (pos_ >= text_.size() || !std::isxdigit(static_cast<unsigned char>(text_[pos_++]))) {
              return false;
            }
          }
        } else if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
          return false;
        }
      }
    }
    return false;
  }
  bool Number() {
    size_t start = pos_;
    if (pos_ < text_.size() && text_[pos_] == '-') ++pos_;
    while (pos_ < text_.size() && (std::isdigit(static_cast<unsigned char>(text_[pos_])) ||
                                   text_[pos_] == '.' || text_[pos_] == 'e' ||
                                   text_[pos_] == 'E' || text_[pos_] == '+')) {
      ++pos_;
    }
    return pos_ > start;
  }
  bool Value() {
    Space();
    if (pos_ >= text_.size()) return false;
    char c = text_[pos_];
    if (c == '{') {
      ++pos_;
      if (Eat('}')) return true;
      do {
        Space();
        if (!String() || !Eat(':') || !Value()) return false;
      } while (Eat(','));
      return Eat('}');
    }
    if (c == '[') {
      ++pos_;
      if (Eat(']')) return true;
      do {
        if (!Value()) return false;
      } while (Eat(','));
      return Eat(']');
    }
    if (c == '"') return String();
    if (c == 't') return Word("true");
    if (c == 'f') return Word("false");
    if (c == 'n') return Word("null");
    return Number();
  }

  std::string_view text_;
  size_t pos_ = 0;
};

TEST_CASE("Emit JSON: well-formed, same keys in the same order") {
  Document document = SmallDocument();
  document.tasks[0].text = "含\"引号\"与\\反斜杠\n和换行\t制表";  // escapes must stay valid
  std::string json = Emit(document, Format::kJson);
  CAPTURE(json);
  CHECK(JsonChecker(json).Valid());
  CHECK(json.front() == '{');
  CHECK(json.substr(json.size() - 2) == "}\n");
  CheckInOrder(json, {"\"schema\": \"fengong/1\"", "\"document\":", "\"goals\":", "\"tasks\":",
                      "\"units\":", "\"warnings\":"});
  CheckInOrder(json, {"\"title\":", "\"region\":", "\"issuer\": null", "\"doc_number\":",
                      "\"date\": \"2022-04-16\"", "\"period\":", "\"source\":"});
  CHECK(json.find("\"id\": \"1.2\"") != std::string::npos);
  CHECK(json.find("\"responsible\": []") != std::string::npos);
  CHECK(json.find("\"value\": 13,") != std::string::npos);  // a whole number prints as an int
  // The JSON reads back to the same values as the YAML.
  YAML::Node root = YAML::Load(json);
  CHECK(root["tasks"][0]["text"].as<std::string>() == document.tasks[0].text);
  CHECK(root["document"]["period"]["from"].as<int>() == 2021);
}

TEST_CASE("Emit JSON: an empty document is well-formed") {
  std::string json = Emit(Document(), Format::kJson);
  CAPTURE(json);
  CHECK(JsonChecker(json).Valid());
  CHECK(json.find("\"goals\": []") != std::string::npos);
  CHECK(json.find("\"date\": null") != std::string::npos);
}

TEST_CASE("Emit: numbers print as ints when whole, exactly otherwise") {
  Document document;
  Target goal;
  goal.value = 8.9;
  goal.value_max = 1e6;
  document.goals.push_back(goal);
  std::string yaml = Emit(document, Format::kYaml);
  CAPTURE(yaml);
  CHECK(yaml.find("value: 8.9\n") != std::string::npos);
  CHECK(yaml.find("value_max: 1000000\n") != std::string::npos);
}

TEST_CASE("Emit JSON line: one line, the same document as the indented JSON") {
  Document document = SmallDocument();
  document.tasks[0].text = "换\n行\u2028分隔";  // neither may break the line
  std::string line = Emit(document, Format::kJsonLine);
  CAPTURE(line);
  CHECK(JsonChecker(line).Valid());
  CHECK(line.find('\n') == line.size() - 1);
  CHECK(line.find("\\u2028") != std::string::npos);  // escaped, not raw
  CHECK(line.rfind("{\"schema\":\"fengong/1\",\"document\":{\"title\":", 0) == 0);
  YAML::Node compact = YAML::Load(line);
  YAML::Node indented = YAML::Load(Emit(document, Format::kJson));
  CHECK(YAML::Dump(compact) == YAML::Dump(indented));
}

}  // namespace
}  // namespace fengong
