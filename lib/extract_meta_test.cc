#include "extract_meta.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "normalize.h"
#include "segment.h"
#include "structure.h"
#include "test_rules.h"

namespace fengong {
namespace {

std::string Field(const std::optional<std::string>& value) { return value ? *value : "-"; }

// title | region | issuer | doc_number | date | period
std::string DumpMeta(std::string_view text) {
  Diagnostics diagnostics;
  NormalizedText normalized = Normalize(text, TestRules());
  Segmented segmented = Segment(normalized, TestRules());
  Structure structure = BuildStructure(segmented, TestRules(), &diagnostics);
  std::vector<const Passage*> body;
  for (const TaskDraft& task : structure.tasks) body.push_back(&task.body);
  DocumentMeta meta = ExtractMeta(structure.front_matter, structure.back_matter, body, TestRules());
  std::string period = meta.period ? std::to_string(meta.period->from) + "-" +
                                         std::to_string(meta.period->to)
                                   : "-";
  return Field(meta.title) + " | " + Field(meta.region) + " | " + Field(meta.issuer) + " | " +
         Field(meta.doc_number) + " | " + Field(meta.date) + " | " + period;
}

TEST_CASE("ExtractMeta: title, region, issuer, 文号, date and period") {
  struct Row {
    std::string_view text;
    std::string_view dump;
  };
  const std::vector<Row> rows = {
      // A notice wrapper: the plan's own title, not the notice's; the region from the title.
      {"合肥市蜀山区人民政府办公室文件\n蜀山府办发〔2023〕12号\n"
       "合肥市蜀山区人民政府办公室关于印发蜀山区健康行动方案的通知\n"
       "各街道办事处：\n现将《蜀山区健康行动方案》印发给你们。\n合肥市蜀山区人民政府办公室\n"
       "2023年3月15日\n蜀山区健康行动方案\n一、主要任务\n1.推进建设。新建站点2个。\n",
       "蜀山区健康行动方案 | 蜀山区 | 合肥市蜀山区人民政府办公室 | 蜀山府办发〔2023〕12号 | "
       "2023-03-15 | -"},
      // 贵州省 is one province: its 州 is no prefecture's before 省.
      {"贵州省低空经济发展行动计划\n一、主要任务\n1.推进建设。新建机场2个。\n",
       "贵州省低空经济发展行动计划 | 贵州省 | - | - | - | -"},
      // A 文号 that counts its number with 第 (〔2024〕第3号), from a 领导小组办公室.
      {"江口县网络安全领导小组办公室\n江网安办〔2024〕第3号\n"
       "关于印发《江口县网络安全工作台账》的通知\n各单位：\n现将台账印发给你们。\n"
       "江口县网络安全领导小组办公室\n2024年3月8日\n江口县网络安全工作台账\n"
       "一、主要任务\n1.开展检查。检查单位20家。\n",
       "江口县网络安全工作台账 | 江口县 | 江口县网络安全领导小组办公室 | 江网安办〔2024〕第3号 | "
       "2024-03-08 | -"},
      // The notice issues 《X》 and prints X: a later caption naming the place (its 附件 table)
      // is no title; without the notice the last run (the caption) would be read.
      {"醴陵市人才工作领导小组办公室\n关于印发《醴陵市2024年人才工作重点任务清单》的通知\n"
       "各单位：\n现将清单印发给你们。\n\n醴陵市2024年人才工作重点任务清单\n\n"
       "为加快建设人才高地，制定本清单。\n\n附件\n\n醴陵市2024年人才工作重点任务分解表\n"
       "序号\t类别\t工作任务\t责任单位\n1\t人才引进\t引进人才50名。\t市人社局\n"
       "2\t人才培养\t培养人才20名。\t市人社局\n",
       "醴陵市2024年人才工作重点任务清单 | 醴陵市 | - | - | - | 2024-2024"},
      {"醴陵市2024年人才工作重点任务清单\n\n为加快建设人才高地，制定本清单。\n\n附件\n\n"
       "醴陵市2024年人才工作重点任务分解表\n"
       "序号\t类别\t工作任务\t责任单位\n1\t人才引进\t引进人才50名。\t市人社局\n"
       "2\t人才培养\t培养人才20名。\t市人社局\n",
       "醴陵市2024年人才工作重点任务分解表 | 醴陵市 | - | - | - | 2024-2024"},
      // A notice whose numbered requirements are its body, its title wrapped over two lines,
      // and the plan in its appendix: the appendix's title is the plan's, its opening the goals.
      {"宁川区住房保障工作领导小组办公室\n关于印发2024年住房保障重点工作任务\n分解表的通知\n"
       "各街道办事处：\n一、压实工作责任。各牵头单位要细化措施。\n\n附件：宁川区2024年住房保障重点工作任务分解表\n"
       "\n宁川区住房保障工作领导小组办公室\n2024年2月28日\n附件\n宁川区2024年住房保障重点工作任务分解表\n"
       "序号\t重点任务\t牵头单位\t责任单位\n1\t筹集住房1500套。\t区住建局\t区财政局\n"
       "2\t发放补贴800户。\t区住建局\t区民政局\n",
       "宁川区2024年住房保障重点工作任务分解表 | 宁川区 | 宁川区住房保障工作领导小组办公室 | - | "
       "2024-02-28 | 2024-2024"},
      // A notice title wrapped over two lines still names the title it issues: printed in the
      // body, that title wins over the appendix table's caption.
      {"某区人民政府办公室\n关于印发某区科学素质行动实施方案\n（2021—2025年）的通知\n各街道：\n"
       "某区科学素质行动实施方案（2021—2025年）\n一、主要任务\n1.开展活动。每年50场。\n"
       "附件：某区科学素质建设重点任务分工\n附件\n某区科学素质建设重点任务分工\n"
       "序号\t任务内容\t牵头单位\n1\t开展活动。\t区科协\n2\t建设基地。\t区教委\n",
       "某区科学素质行动实施方案（2021—2025年） | 某区 | - | - | - | 2021-2025"},
      // The same notice with its plan printed in the body keeps the body's title.
      {"宁川区住房保障工作领导小组办公室\n关于印发2024年住房保障重点工作方案\n的通知\n"
       "宁川区2024年住房保障重点工作方案\n一、压实工作责任。各牵头单位要细化措施。\n",
       "宁川区2024年住房保障重点工作方案 | 宁川区 | - | - | - | 2024-2024"},
      // A title broken over two lines with a blank line between.
      {"西城区基层医疗服务能力提升三年行动\n\n实施方案（2023—2025年）\n\n一、主要任务\n"
       "1.推进建设。新建站点2个。\n",
       "西城区基层医疗服务能力提升三年行动实施方案（2023—2025年） | 西城区 | - | - | - | 2023-2025"},
      // Districts whose names end in 新区 or 山区 are places.
      {"浦东新区全民健身实施计划\n一、主要任务\n1.推进建设。新建站点2个。\n",
       "浦东新区全民健身实施计划 | 浦东新区 | - | - | - | -"},
      // A report: the date in its subtitle, the county from the front matter, not from 县域.
      {"政府工作报告\n\n——2024年1月9日在蓬溪县第十八届人民代表大会第四次会议上\n\n"
       "蓬溪县人民政府县长  王建国\n\n一、今年重点工作\n1.提升医疗水平。推进紧密型县域医共体建设。\n",
       "政府工作报告 | 蓬溪县 | - | - | 2024-01-09 | -"},
      // No place in the title: the county the body names most, not a common noun.
      {"关于做好基层医疗工作的通知\n一、主要任务\n1.推进紧密型县域医共体建设。偏远山区建设站点，"
       "福山县各乡镇落实。\n2.福山县卫健局统筹推进。\n",
       "关于做好基层医疗工作的通知 | 福山县 | - | - | - | -"},
      // A notice's list of attachments before its signature: the issuer and date after it.
      {"宁都县乡村振兴工作要点\n一、重点工作\n1.推进建设。新建站点2个。\n"
       "附件：1.宁都县重点项目清单\n     2.宁都县示范村创建名单\n\n"
       "中共宁都县委农村工作领导小组办公室\n2024年3月15日\n",
       "宁都县乡村振兴工作要点 | 宁都县 | 中共宁都县委农村工作领导小组办公室 | - | 2024-03-15 | -"},
      // A city named X州 that is a district (潞州区); a count note under the title is no part of it.
      {"潞州区养老服务重点任务责任清单\n（共21项）\n一、重点任务\n1.推进建设。新建站点2个。\n",
       "潞州区养老服务重点任务责任清单 | 潞州区 | - | - | - | -"},
      {"苏州市吴中区全民健身实施计划\n一、重点任务\n1.推进建设。新建站点2个。\n",
       "苏州市吴中区全民健身实施计划 | 吴中区 | - | - | - | -"},
      // A bare caption over the table (重点任务分解表) does not replace the plan's title above it,
      // but is the title where there is no other.
      {"汉寿县2024年社会救助重点任务清单\n为推进社会救助，制定本清单。\n重点任务分解表\n"
       "序号\t工作任务\t责任单位\n1\t规范低保审核。\t县民政局\n",
       "汉寿县2024年社会救助重点任务清单 | 汉寿县 | - | - | - | 2024-2024"},
      {"附件\n重点任务责任分工表\n序号\t工作任务\t责任单位\n1\t规范低保审核。\t县民政局\n",
       "重点任务责任分工表 | - | - | - | - | -"},
      // The office and the date it printed the document, on one line at the end (版记), give the
      // issuer and date when no signature does; the gap between them is spaces or 　.
      {"颍上县优化营商环境重点任务分工方案\n一、主要任务\n1.推进建设。新建站点2个。\n\n"
       "抄送：县委各部门，县人大常委会办公室。\n颍上县人民政府办公室                    "
       "2023年3月17日印发\n",
       "颍上县优化营商环境重点任务分工方案 | 颍上县 | 颍上县人民政府办公室 | - | 2023-03-17 | -"},
      {"浔阳区全民健身实施计划\n一、主要任务\n1.推进建设。新建站点2个。\n"
       "浔阳区人民政府办公室　　　　　　2024年3月8日印发\n",
       "浔阳区全民健身实施计划 | 浔阳区 | 浔阳区人民政府办公室 | - | 2024-03-08 | -"},
      // A signature followed by a publication note in brackets.
      {"江西省人民政府关于加快建设创新型省份的实施意见\n一、重点任务\n"
       "（一）营造创新氛围。开展科技活动周。（省科协负责）\n\n\n江西省人民政府\n2024年5月20日\n\n"
       "（此件主动公开）\n",
       "江西省人民政府关于加快建设创新型省份的实施意见 | 江西省 | 江西省人民政府 | - | 2024-05-20 | -"},
      // A signature's own date goes before the date the office printed the document.
      {"仁寿县人民政府办公室\n关于印发《仁寿县全民健身实施计划》的通知\n各乡镇人民政府：\n"
       "现将《仁寿县全民健身实施计划》印发给你们。\n仁寿县人民政府办公室\n2023年8月9日\n"
       "仁寿县全民健身实施计划\n一、主要任务\n1.推进建设。新建站点2个。\n"
       "仁寿县人民政府办公室                    2023年8月10日印发\n",
       "仁寿县全民健身实施计划 | 仁寿县 | 仁寿县人民政府办公室 | - | 2023-08-09 | -"},
      // A sub-district's office (…街道办事处) and the date under the title: no part of the title;
      // the district the office names is the region.
      {"玉林街道2024年院落改造工作方案\n成都市武侯区玉林街道办事处\n2024年3月12日\n"
       "一、工作任务\n（一）开展摸底。建立台账。\n责任单位：各社区\n",
       "玉林街道2024年院落改造工作方案 | 武侯区 | 成都市武侯区玉林街道办事处 | - | 2024-03-12 | "
       "2024-2024"},
      // A contact line in brackets after the signature still closes the document.
      {"龙胜各族自治县耕地保护实施方案\n一、主要任务\n1.落实责任。签订责任书。\n"
       "牵头单位：县自然资源局\n\n龙胜各族自治县人民政府办公室\n2024年4月18日\n\n"
       "（联系人：李明　电话：0773-7512345）\n",
       "龙胜各族自治县耕地保护实施方案 | 龙胜各族自治县 | 龙胜各族自治县人民政府办公室 | - | "
       "2024-04-18 | -"},
      // A web page's information box gives the 文号, office and date the page prints nowhere else.
      {"索引号：\t115109/2024-00036\t主题分类：\t环境保护\n"
       "发布机构：\t遂宁市生态环境局\t成文日期：\t2024年03月05日\n"
       "发文字号：\t遂市环发〔2024〕12号\t发布日期：\t2024年03月08日\n"
       "2024年全市大气污染防治工作要点\n一、主要任务\n1.推进治理。完成项目6个。\n",
       "2024年全市大气污染防治工作要点 | 遂宁市 | 遂宁市生态环境局 | 遂市环发〔2024〕12号 | "
       "2024-03-05 | 2024-2024"},
      // A five-year plan named by its number: “十四五” is 2021—2025.
      {"江苏省“十四五”公共法律服务体系建设规划\n一、主要任务\n1.建设平台。建设平台5个。\n",
       "江苏省“十四五”公共法律服务体系建设规划 | 江苏省 | - | - | - | 2021-2025"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    CHECK(DumpMeta(row.text) == row.dump);
  }
}

}  // namespace
}  // namespace fengong
