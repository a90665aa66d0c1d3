#include "model_themes.h"

#include <doctest/doctest.h>

#include <string_view>

#include "test_rules.h"

namespace fengong {
namespace {

struct Case {
  std::string_view title;    // "" for none
  std::string_view heading;  // the nearest heading, "" for none
  std::string_view text;
  std::string_view expected;  // theme key, or "null"
};

constexpr Case kCases[] = {
    {"", "实施青少年科学素质提升行动", "坚持立德树人，开展科技活动。", "youth"},
    {"培育高素质现代农民", "", "每年开展农民教育培训2000人次以上。", "farmers"},
    {"", "实施产业工人科学素质提升行动", "开展职业技能培训。", "workers"},
    {"开展智慧助老服务", "", "依托老年大学开展培训。", "elderly"},
    {"", "实施领导干部和公务员科学素质提升行动", "把科学素质教育纳入培训。", "civil-servants"},
    {"加强科技志愿服务", "实施人才队伍建设工程", "组建科技志愿服务队伍。", "volunteers"},
    // The task's own words outweigh its heading.
    {"", "实施基层科普能力提升工程",
     "动员科技人才加入科技志愿者队伍，注册科技志愿者人数达2000人以上，推进科技志愿服务。",
     "volunteers"},
    {"", "科普基础设施工程", "加强县科技馆建设和运营管理。", "science-infrastructure"},
    {"推进科普信息化创新升级", "", "积极推动“科普中国”落地应用。", "informatisation"},
    {"", "", "广泛动员社会资源开展全国科普日、科技活动周等科普活动。",
     "science-popularisation-activities"},
    {"强化资金保障", "保障措施", "区财政按规定安排专项经费。", "funding"},
    // A plan on another topic: no theme, no error.
    {"", "优化营商环境", "压缩企业开办时间至1个工作日。", "null"},
    {"", "", "", "null"},
};

TEST_CASE("ThemeOf: keyword rules on title, heading and text") {
  for (const Case& c : kCases) {
    Task task;
    if (!c.title.empty()) task.title = std::string(c.title);
    if (!c.heading.empty()) task.path = {"提升行动", std::string(c.heading)};
    task.text = std::string(c.text);
    CAPTURE(c.text);
    CHECK(ThemeOf(task, TestRules().themes).value_or("null") == c.expected);
  }
}

}  // namespace
}  // namespace fengong
