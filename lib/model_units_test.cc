#include "model_units.h"

#include <doctest/doctest.h>

#include <string_view>

#include "test_rules.h"

namespace fengong {
namespace {

struct Case {
  std::string_view name;
  std::string_view expected;  // UnitIdentity::Dump()
};

constexpr Case kCases[] = {
    // One office, three spellings; the canonical name is the level plus the formal body.
    {"区人社局", "unit{区人力资源和社会保障局 区 human-resources}"},
    {"区人力社保局", "unit{区人力资源和社会保障局 区 human-resources}"},
    {"区人力资源和社会保障局", "unit{区人力资源和社会保障局 区 human-resources}"},
    {"区人力资源社会保障局", "unit{区人力资源和社会保障局 区 human-resources}"},
    // 和 / 与 do not matter.
    {"区新经济和科技局", "unit{区新经济和科技局 区 science-technology}"},
    {"区新经济与科技局", "unit{区新经济和科技局 区 science-technology}"},
    {"区发改委", "unit{区发展和改革委员会 区 development-reform}"},
    {"区发展改革委", "unit{区发展和改革委员会 区 development-reform}"},
    {"县发改局", "unit{县发展和改革局 县 development-reform}"},
    // The same function under different offices across places.
    {"区教委", "unit{区教育委员会 区 education}"},
    {"县教育局", "unit{县教育局 县 education}"},
    {"市教委", "unit{市教育委员会 市 education}"},
    {"省教育厅", "unit{省教育厅 省 education}"},
    {"旗教育局", "unit{旗教育局 旗 education}"},
    {"州科协", "unit{州科学技术协会 州 science-association}"},
    {"县科经局", "unit{县科技和经济信息化局 县 science-technology}"},
    {"区卫健委", "unit{区卫生健康委员会 区 health}"},
    {"区卫生健康委", "unit{区卫生健康委员会 区 health}"},
    {"县卫健局", "unit{县卫生健康局 县 health}"},
    {"区文旅委", "unit{区文化和旅游发展委员会 区 culture-tourism}"},
    {"区文体旅局", "unit{区文化和旅游局 区 culture-tourism}"},
    {"区农业农村委", "unit{区农业农村委员会 区 agriculture}"},
    {"县农业农村局", "unit{县农业农村局 县 agriculture}"},
    {"区应急局", "unit{区应急管理局 区 emergency}"},
    {"区住建委", "unit{区住房和城乡建设委员会 区 housing}"},
    {"区市场监管局", "unit{区市场监督管理局 区 market-regulation}"},
    {"区退役军人事务局", "unit{区退役军人事务局 区 veterans}"},
    {"区医保局", "unit{区医疗保障局 区 medical-insurance}"},
    {"县残联", "unit{县残疾人联合会 县 disabled-federation}"},
    {"区老龄办", "unit{区老龄工作委员会办公室 区 ageing}"},
    {"区融媒体中心", "unit{区融媒体中心 区 media}"},
    // Party-committee departments keep their 委.
    {"区委宣传部", "unit{区委宣传部 区 publicity}"},
    {"县委组织部", "unit{县委组织部 县 organisation}"},
    {"区委统战部", "unit{区委统战部 区 united-front}"},
    {"区委网信办", "unit{区委网信办 区 cyberspace}"},
    {"区委办", "unit{区委办公室 区 general-office}"},
    {"区政府办", "unit{区人民政府办公室 区 general-office}"},
    // The youth league carries its level inside the name.
    {"团区委", "unit{团区委 区 youth-league}"},
    {"团县委", "unit{团县委 县 youth-league}"},
    {"共青团市委", "unit{团市委 市 youth-league}"},
    // A bracketed alias is set aside; full-width brackets fold.
    {"区规划自然资源局（地震局）", "unit{区规划和自然资源局 区 natural-resources}"},
    {"区委统战部(区民族宗教委)", "unit{区委统战部 区 united-front}"},
    {"区文化旅游委（体育局）", "unit{区文化和旅游发展委员会 区 culture-tourism}"},
    // A place name before the level.
    {"重庆市科协", "unit{重庆市科学技术协会 市 science-association}"},
    {"崇阳县教育局", "unit{崇阳县教育局 县 education}"},
    // No level at all.
    {"教育局", "unit{教育局 - education}"},
    {"市场监管局", "unit{市场监督管理局 - market-regulation}"},
    // A 市 inside a body is no level: 公园城市局 is not 公园城 + 市 + 局.
    {"公园城市局", "unit{公园城市局 - parks}"},
    // No exact office: the role comes from the longest office name inside.
    {"市生态环境局崇阳县分局", "unit{市生态环境局崇阳县分局 市 ecology-environment}"},
    {"锦江生态环境局", "unit{锦江生态环境局 - ecology-environment}"},
    // Collectives.
    {"各街道", "unit{各街道 - towns-streets collective}"},
    {"各乡镇", "unit{各乡镇 - towns-streets collective}"},
    {"涉农街镇", "unit{涉农街镇 - towns-streets collective}"},
    {"各区县", "unit{各区县 - subordinate-governments collective}"},
    {"各成员单位", "unit{各成员单位 - member-units collective}"},
    {"县全民科学素质工作领导小组各成员单位",
     "unit{县全民科学素质工作领导小组各成员单位 - member-units collective}"},
    {"各责任单位", "unit{各责任单位 - member-units collective}"},
    {"各中小学", "unit{各中小学 - institutions collective}"},
    // More of what district and county plans name.
    {"区委", "unit{区委 区 party-committee}"},
    {"县政府", "unit{县人民政府 县 government}"},
    {"区国资委", "unit{区国有资产监督管理委员会 区 state-assets}"},
    {"区委编办", "unit{区委编办 区 establishment}"},
    {"区人武部", "unit{区人民武装部 区 armed-forces}"},
    {"区消防救援支队", "unit{区消防救援支队 区 fire-rescue}"},
    {"区疾控中心", "unit{区疾病预防控制中心 区 disease-control}"},
    {"县人民医院", "unit{县人民医院 县 hospitals}"},
    {"区科技局（区知识产权局）", "unit{区科学技术局 区 science-technology}"},
    {"高新区管委会", "unit{高新区管理委员会 区 development-zones}"},
    {"国网崇阳县供电公司", "unit{国网崇阳县供电公司 县 enterprises}"},
    {"龙泉街道办事处", "unit{龙泉街道办事处 - towns-streets}"},
    {"石桥铺街道", "unit{石桥铺街道 - towns-streets}"},
    {"各区县（自治县）科协", "unit{各区县(自治县)科协 - subordinate-governments collective}"},
    // A one-character office name is not looked for inside other names.
    {"区某某委", "unit{区某某委 区 null}"},
    // Unknown: the name stays, no role.
    {"区某某中心", "unit{区某某中心 区 null}"},
    {"", "unit{null - null}"},
};

TEST_CASE("IdentifyUnit: aliases, levels, roles and collectives") {
  for (const Case& c : kCases) {
    CAPTURE(c.name);
    CHECK(IdentifyUnit(c.name, TestRules()).Dump() == c.expected);
  }
}

TEST_CASE("IdentifyUnits keeps a collective the extraction marked") {
  std::vector<UnitEntry> units(2);
  units[0].name = "区科协";
  units[1].name = "全体干部职工";
  units[1].collective = true;
  IdentifyUnits(TestRules(), &units);
  CHECK(units[0].role == "science-association");
  CHECK(units[0].canonical == "区科学技术协会");
  CHECK(units[1].collective);
}

}  // namespace
}  // namespace fengong

namespace fengong {
namespace {

TEST_CASE("units.yaml: a name under two offices is reported with its file and line") {
  std::vector<GrammarFile> files = BuiltinGrammarFiles();
  for (GrammarFile& file : files) {
    if (file.name == "units.yaml") file.text += "  extra-role:\n    - [区县教委, 教委]\n";
  }
  Result<RuleSet> rules = LoadRuleSet(files);
  REQUIRE_FALSE(rules.ok());
  CHECK(rules.status().ToString().find("grammars/units.yaml:") == 0);
  CHECK(rules.status().message() == "office name '教委' is listed under two offices");
}

}  // namespace
}  // namespace fengong
