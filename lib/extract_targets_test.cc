#include "extract_targets.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "test_rules.h"

namespace fengong {
namespace {

Passage PassageOf(std::string_view text) {
  Line line;
  line.number = 7;
  line.text = std::string(text);
  return Passage::FromLine(line);
}

// A plan dated 2024 whose period starts in 2021.
TargetContext Context() {
  TargetContext context;
  context.document_year = 2024;
  context.plan_start = 2021;
  return context;
}

std::string DumpFigures(std::string_view clause, std::vector<Warning>* warnings = nullptr) {
  Diagnostics diagnostics;
  std::vector<Target> figures =
      ExtractFigures(PassageOf(clause), Context(), TestRules(), &diagnostics);
  if (warnings) *warnings = diagnostics.warnings();
  if (figures.empty()) return "none";
  std::string out;
  for (const Target& figure : figures) out += (out.empty() ? "" : " ") + figure.Dump();
  return out;
}

struct Case {
  std::string_view clause;
  std::string_view expected;  // every figure's Dump(), space-separated, or "none"
};

constexpr Case kPositives[] = {
    // A bound separated from its figure keeps its 不 (不低于…的25%), a bare figure bounded on both
    // sides, counters of rounds and tents.
    {"公益广告占比不低于广告总量的25%", "target{>=25 %}"},
    {"亿元GDP生产安全事故死亡率控制在0.012以内", "target{<=0.012}"},
    {"差异系数小学控制在0.50以内、初中控制在0.45以内", "target{<=0.5} target{<=0.45}"},
    {"执法检查不少于1200条次", "target{>=1200 条次}"},
    {"储备帐篷200顶", "target{=200 顶}"},
    {"整治山塘200口", "target{=200 口}"},  // wells, ponds: 口; 人口 stays no measure word
    {"打造县级优质课例100节", "target{=100 节}"},  // lessons
    {"确保接到火情报告后专业队伍30分钟内出动", "target{<=30 分钟}"},  // a dispatch time limit
    {"服务人口10万", "none"},
    {"全年破获毒品刑事案件不少于25起", "target{>=25 起}"},
    {"检查本地APP和小程序不少于50款", "target{>=50 款}"},
    {"新建智慧灯杆不少于300根", "target{>=300 根}"},
    {"举办创业大赛，每年1届", "target{=1 届 annual}"},
    // Comparators before the number, after the measure word, and the default "=".
    {"每年开展科普活动不少于50场", "target{>=50 场 annual}"},
    {"培训农民2000人次以上", "target{>=2000 人次}"},
    {"全区公民具备科学素质的比例超过18%，力争达到20%", "target{>18 %} target{=20 % stretch}"},
    {"全县注册科技志愿者人数达到1000人以上", "target{>=1000 人}"},
    {"居民健康素养水平达到31%", "target{=31 %}"},
    {"城镇登记失业率控制在4.5%以内", "target{<=4.5 %}"},
    {"企业开办时间压缩至1个工作日以内", "target{<=1 个工作日}"},
    {"科普信息员人数排名处于全市前20%", "target{<=20 %}"},
    {"营商环境便利度进入全省前10位", "target{<=10 位}"},
    {"至少要组建一支科技志愿服务队", "target{>=1 支}"},
    {"培育农村创业创新带头人200名以上", "target{>=200 名}"},
    {"建设示范点8处（所）以上", "target{>=8 处}"},
    {"力争全区科技志愿服务队伍人数不少于8000人", "target{>=8000 人}"},
    {"人均预期寿命达到80岁", "target{=80 岁}"},
    {"建成5G基站1200个", "target{=1200 个}"},
    {"政务服务事项“一网通办”率达到90%", "target{=90 %}"},
    {"开展“科技活动周”等活动不少于10场", "target{>=10 场}"},
    {"每万人口拥有全科医生3名", "target{=3 名}"},
    // Numbers: Chinese numerals, scale words, 余, 百分之, decimals, a stray space.
    {"建成两所示范学校", "target{=2 所}"},
    {"组织开展十二场宣讲", "target{=12 场}"},
    {"新增城镇就业1.5万人", "target{=15000 人}"},
    {"全市新增城镇就业6万人以上", "target{>=60000 人}"},
    {"引进高层次人才3千余名", "target{>3000 名}"},
    {"百分之九十的行政村建成文化室", "target{=90 %}"},
    {"开展农民教育培训 2500 人次以上", "target{>=2500 人次}"},
    {"开展培训２５００人次以上", "target{>=2500 人次}"},
    {"粮食产量稳定在13亿斤", "target{=1300000000 斤}"},
    {"新建改建农村公路1,000公里", "target{=1000 公里}"},
    {"力争建设一个综合性应急科普教育基地", "target{=1 个}"},
    // Ranges.
    {"每年开展1-2次各类劳动和技能竞赛", "target{1-2 次 annual}"},
    {"各乡镇每年举办1至2期培训班", "target{1-2 期 annual}"},
    {"建设3—5个示范点", "target{3-5 个}"},
    // Full coverage.
    {"5年内实现全覆盖", "target{=100 %}"},
    {"推动流动科普资源和科普服务全覆盖", "target{=100 %}"},
    {"覆盖率达到100%", "target{=100 %}"},
    // Periods.
    {"每周刊播1次以上", "target{>=1 次 weekly}"},
    {"每学期开展2次安全教育", "target{=2 次 per_semester}"},
    {"每季度召开1次联席会议", "target{=1 次 quarterly}"},
    {"每月发布3期简报", "target{=3 期 monthly}"},
    {"每年不少于2次", "target{>=2 次 annual}"},
    // 每半年 is half-yearly: the schema's per_semester (as in the gold). A count of times after a
    // period word is a frequency, in Chinese numerals as in Arabic ones.
    {"每半年通报1次工作进展", "target{=1 次 per_semester}"},
    {"每半年通报一次工作进展", "target{=1 次 per_semester}"},
    {"每半年至少召开1次会议", "target{>=1 次 per_semester}"},
    {"每季度通报两次工作进展", "target{=2 次 quarterly}"},
    // Deadlines, and how time words reach the clauses after them.
    {"到2025年，建设科技教育特色学校5所", "target{=5 所 by2025}"},
    {"2023年底前，建成村级服务站120个", "target{=120 个 by2023}"},
    {"年内完成改造30处", "target{=30 处 by2024}"},
    {"重点建设少年科学院3所，到2025年，建设特色学校5所", "target{=3 所} target{=5 所 by2025}"},
    {"到2025年，新增科普基地3个，打造科普场景3个", "target{=3 个 by2025} target{=3 个 by2025}"},
    {"每年开展免费技能培训不少于30场，培训不少于1000人次",
     "target{>=30 场 annual} target{>=1000 人次 annual}"},
    {"每年组织1场以上培训，培训人数80人次以上，到2025年实现培训全覆盖",
     "target{>=1 场 annual} target{>=80 人次 annual} target{=100 % by2025}"},
    {"注册科技志愿者人数达2000人以上，每年开展志愿服务活动50场以上",
     "target{>=2000 人} target{>=50 场 annual}"},
    // A period holds for the clauses after its own only while they carry on its activity (they
    // start with a word printed in its clause: 每年开展…培训…，培训…); another activity is not
    // periodic because a sentence before it was.
    {"每年新增入库科技型中小企业不少于2000家，培育科技领军企业50家",
     "target{>=2000 家 annual} target{=50 家}"},
    {"每年举办全民健身活动不少于2次，参与群众5000人次以上",
     "target{>=2 次 annual} target{>=5000 人次}"},
    {"县级河湖长每月巡河不少于1次，乡级河湖长每旬巡河不少于1次",
     "target{>=1 次 monthly} target{>=1 次}"},
    {"到2027年，每年新增企业不少于2000家，培育领军企业50家",
     "target{>=2000 家 annual by2027} target{=50 家 by2027}"},
    {"每周刊播1次以上，信息员人数排名处于全市前20%", "target{>=1 次 weekly} target{<=20 %}"},
    // Baselines and references: past or quoted figures.
    {"2020年全区公民具备科学素质的比例达8.9%", "target{=8.9 % by2020 baseline}"},
    // A count of what a rate is measured over (39个…断面 of 优良率) is its scope, not a figure.
    {"2023年，全市纳入考核的39个国考、省考断面水质优良率达到97.4%",
     "target{=97.4 % by2023}"},
    {"全市39个国考断面水质优良率达到90%", "target{=90 %}"},
    {"与创新型城市10%的基本标准相比还有较大差距", "target{=10 % reference}"},
    {"全区已建成科普基地12个", "target{=12 个 baseline}"},
    {"去年投入资金3000万元", "target{=30000000 元 baseline}"},
    // 由…提高到…: the figure the change starts from is a baseline, the one it reaches a target.
    {"物业服务覆盖率由2023年的45%提高到70%", "target{=45 % baseline} target{=70 %}"},
    {"生均仪器设备值由2100元提高到2500元", "target{=2100 元 baseline} target{=2500 元}"},
    {"由2022年的9.6亿元增加至13.5亿元", "target{=960000000 元 baseline} target{=1350000000 元}"},
    // 累计完成 in a plan's own time frame (三年累计完成) is a commitment; alone it reports.
    {"三年累计完成投资5亿元以上", "target{>=500000000 元}"},
    {"累计完成投资5亿元", "target{=500000000 元 baseline}"},
    // Measure words of health, environment, business, farming and transport plans.
    {"为新开办企业免费刻制首套4枚印章", "target{=4 枚}"},
    {"人均每日食盐摄入量不高于5克", "target{<=5 克}"},
    {"新增污水处理能力2万立方米", "target{=20000 立方米}"},
    {"细颗粒物平均浓度控制在35微克/立方米以下", "target{<=35 微克/立方米}"},
    {"新增光伏装机容量5万千瓦", "target{=50000 千瓦}"},
    {"生猪出栏稳定在50万头", "target{=500000 头}"},
    {"每千人口医疗卫生机构床位数达到6张", "target{=6 张}"},
    {"新建农贸市场冷库3栋", "target{=3 栋}"},
    {"报告疑似病例100例以上", "target{>=100 例}"},
    {"为新开办企业免费刻制印章2000枚", "target{=2000 枚}"},
    // Compound counters of visits and rounds: the longest word, so the bound after it is read.
    {"服务企业200家次以上", "target{>=200 家次}"},
    {"开展送医上门300户次以上", "target{>=300 户次}"},
    {"检测营运车辆1000台次", "target{=1000 台次}"},
    {"配置应急救援航空器30架", "target{=30 架}"},  // 架 counts aircraft
    {"开通城乡公交不少于20车次", "target{>=20 车次}"},
    {"开设老年教育课程120课时", "target{=120 课时}"},
    {"每年开发特色课程不少于20门", "target{>=20 门 annual}"},
    // 类, 种, 部, 分: only after Arabic digits and with a bound.
    {"每个中医馆能够提供6类以上中医药适宜技术", "target{>=6 类}"},
    {"推广中医药适宜技术不少于10种", "target{>=10 种}"},
    {"创作精品剧目不少于3部", "target{>=3 部}"},
    // 部 closing the clause counts things made, with no bound (加装电梯8部); 3部门 is no figure.
    {"老旧小区加装电梯8部，改造管网12公里", "target{=8 部} target{=12 公里}"},
    {"编制专项规划1部。", "target{=1 部}"},
    {"群众满意度测评不低于90分", "target{>=90 分}"},
    // Durations bounded or followed by what must be done in them.
    {"急救反应时间控制在12分钟以内", "target{<=12 分钟}"},
    {"办理时限压缩至2小时", "target{<=2 小时}"},
    {"保障中小学生每天校内体育活动时间不少于1小时", "target{>=1 小时}"},
    {"不动产登记3个工作日办结", "target{=3 个工作日}"},
    {"审批时限压减至10个工作日", "target{<=10 个工作日}"},
    // A time limit (时限): a duration, 内, then the act a service must complete in it, is "<=".
    {"不动产登记3个工作日内办结", "target{<=3 个工作日}"},
    {"接到报警后30分钟内到场", "target{<=30 分钟}"},
    // A time limit that names a rate given as a share: the share is the figure.
    {"城区接警后5分钟内到达现场率达到95%以上", "target{>=95 %}"},
    // Trains and foreign currency are counted like other things and money.
    {"开行铁水联运班列不少于1000列", "target{>=1000 列}"},
    {"实际使用外资1500万美元", "target{=15000000 美元}"},
    {"开通24小时心理援助热线1条", "target{=1 条}"},
    // One bound printed for a 、-list bounds every member.
    {"规范管理率分别达到65%、63%以上", "target{>=65 %} target{>=63 %}"},
    {"每年分别培训不少于100人、200人", "target{>=100 人 annual} target{>=200 人 annual}"},
    {"建成2个区级、1个以上市级工作室", "target{=2 个} target{>=1 个}"},
    {"每个中心至少配备1台DR和1台彩超", "target{>=1 台} target{>=1 台}"},
    {"新建学校不少于5所和幼儿园3所", "target{>=5 所} target{=3 所}"},
    {"新建学校5所、新增学位2400个", "target{=5 所} target{=2400 个}"},
    // Chinese-numeral counts of things built, or bounded, stay figures.
    {"新建两个工作站", "target{=2 个}"},
    {"至少建立两项工作机制", "target{>=2 项}"},
    {"建设三所乡镇卫生院", "target{=3 所}"},
    {"建设三所重点中学", "target{=3 所}"},
    {"筹建两所保障性住房小区", "target{=2 所}"},
    {"实现5分钟响应、30分钟到场", "target{=5 分钟} target{=30 分钟}"},
    // A count that is not the scope of a rate stays a figure beside it.
    {"新建学校5所、入学率达到95%", "target{=5 所} target{=95 %}"},
    {"建成监测站点10个，覆盖率达到90%", "target{=10 个} target{=90 %}"},
    {"完成疫苗接种5万剂次", "target{=50000 剂次}"},
    // Held-out set Q. Signs as comparators; 左右 after a bound keeps the bound; 余 after 达.
    {"空气质量优良率≥92%", "target{>=92 %}"},
    {"单位产值能耗≤0.5吨标准煤", "target{<=0.5 吨标准煤}"},
    {"抽检合格率>98%", "target{>98 %}"},
    {"水土流失量控制在每年每亩2吨左右", "target{<=2 吨 annual}"},
    {"林下经济面积控制在5万亩左右", "target{<=50000 亩}"},
    {"新增就业达三千余人", "target{>3000 人}"},
    // Shares in tenths and fractions, read as percentages.
    {"女性干部占比不低于两成", "target{>=20 %}"},
    {"种植型和养殖型各占四成左右", "target{=40 %}"},
    {"党员占比不少于三分之一", "target{>=33.33 %}"},
    // A count of 一 closing its clause after a verb that builds.
    {"培育市级示范合作社一家", "target{=1 家}"},
    // 全覆盖 after a count: the count is its scope.
    {"全县15个乡镇卫生院实现全覆盖", "target{=100 %}"},
    // Durations in years when bounded; data volumes; coefficients with no unit.
    {"跟踪服务期不少于2年", "target{>=2 年}"},
    {"服务年限3年以上", "target{>=3 年}"},
    {"存储容量达到500TB", "target{=500 TB}"},
    {"农田灌溉水有效利用系数提高到0.58", "target{=0.58}"},
    // The figure of a year a change is measured from (较…年的) is a baseline.
    {"发生率较2022年的12%下降2个百分点", "target{=12 % baseline} target{=2 个百分点}"},
    // After a lead-in of past time the sentence reports, until a clause names a deadline.
    {"近年来，全市累计建成农家书屋120个", "target{=120 个 baseline}"},
    {"截至2023年底，全县建成充电桩500个，到2025年建成1000个",
     "target{=500 个 by2023 baseline} target{=1000 个 by2025}"},
    // A bound earlier than a reference figure compares with it: the reference is "=".
    {"人均阅读量低于全国平均水平4.75本", "target{=4.75 本 reference}"},
};

constexpr Case kNegatives[] = {
    // A run of time that triggers a sanction (连续两个季度未完成), not a figure to reach.
    {"对连续两个季度未完成任务的单位进行约谈", "none"},
    {"连续3个月排名末位的进行通报", "none"},
    // The threshold of a kind of thing to be removed.
    {"全面消除56人以上大班额", "none"},
    {"坚决杜绝66人以上超大班额", "none"},
    {"全县56人以上大班额全部消除", "none"},
    {"党的十九届五中全会精神", "none"},
    {"做好2024届高校毕业生就业工作", "none"},
    // Years, dates and document numbers.
    {"制定2021—2025年实施方案", "none"},
    {"2022年4月16日", "none"},
    {"武隆府办发〔2022〕30号", "none"},
    {"二〇二五年基本建成", "none"},
    // Ordinals and names with numbers in them.
    {"举办第十二届科技节", "none"},
    {"学习贯彻党的十九大和十九届五中全会精神", "none"},
    {"编制“十四五”规划", "none"},
    {"深入开展“三下乡”活动", "none"},
    {"加快5G网络建设", "none"},
    {"推行“3+2”培养模式", "none"},
    {"打造15分钟生活圈", "none"},
    {"扎实推进“六个一”工程", "none"},
    {"发挥“三长”作用", "none"},
    {"实施五大行动", "none"},
    // Counts of the document's own structure.
    {"重点实施5项提升行动", "none"},
    {"围绕三个方面开展工作", "none"},
    // Words that hold a numeral but no figure.
    {"发放一次性补贴", "none"},
    // A lone 零 before a measure word is a word of its own, no figure (零门槛, 零部件).
    {"全面落实城区落户零门槛", "none"},
    {"发展汽车零部件产业", "none"},
    {"学校周边200米范围内不得设立网吧", "none"},
    {"推行“最多跑一次”改革", "none"},
    {"落实最多跑一次", "none"},
    {"推进城乡一体化建设", "none"},
    {"每一个乡镇都要参与", "none"},
    {"建设一批科普基地", "none"},
    {"打造一支有理想守信念的高素质产业工人队伍", "none"},
    {"这十分重要", "none"},
    {"千方百计增加农民收入", "none"},
    {"提供一站式服务", "none"},
    // Groups of people, durations and phone numbers.
    {"关爱60岁以上老年人", "none"},
    // A time frame (…内) for a one-off task, a reporting window, or what merely happens within a
    // time is no time limit (the gold reads 12小时内得到初步安排 and 5个工作日内…报 as frames).
    {"3个月内完成整改", "none"},
    {"于每季度末前5个工作日内将进展情况报区应急局", "none"},
    // A duration counted from a point in the calendar places a reporting date.
    {"并于每季度末前5个工作日将进展情况报市委人才办", "none"},
    {"每月底前3天报送统计数据", "none"},
    // 前 bounds a figure elsewhere: a share or a rank stays.
    {"综合排名进入全省前20%", "target{<=20 %}"},
    {"在灾害发生后12小时内得到初步安排", "none"},
    // 一次 with no period word and no verb that builds or bounds stays a plain word.
    {"通报一次工作进展", "none"},
    // 翻一番 / 翻两番: a doubling commitment, counted in 番; 一番 after any other word is plain.
    {"人才资源总量比2020年翻一番", "target{=1 番}"},
    {"经济总量翻两番", "target{=2 番}"},
    {"经过一番努力", "none"},
    {"咨询电话：023-77722222", "none"},
    {"市级以上科普教育基地", "none"},
    // Durations that name a kind of service.
    {"开通24小时心理援助热线", "none"},
    {"提供7×24小时服务", "none"},
    {"推行24小时自助服务", "none"},
    {"打造1小时通勤圈", "none"},
    {"建设15分钟健康服务圈", "none"},
    // A rank at the bottom names who is held to account; a rank at the top is a goal.
    {"考评结果排名后3位的乡镇由县禁毒委约谈", "none"},
    {"对考核排名倒数5名的单位进行通报", "none"},
    // A figure in straight quotes (half-width text) is a name as in curly ones.
    {"城区建成\"10分钟\"消防救援圈", "none"},
    {"推进\"九小场所\"治理,安装率达到90%以上", "target{>=90 %}"},
    // 起 counts cases only after a number; 一起 and 起草 are words.
    {"一起研究部署", "none"},
    {"推行30天无理由退货", "none"},
    // Chinese-numeral names and counts of the document's own points.
    {"严格落实中央八项规定精神", "none"},
    {"重点做好三项工作:①依托文化礼堂设立学习点", "none"},
    {"抓好以下4件事:一是抓项目", "none"},
    {"健全两项机制", "none"},
    {"落实三项制度", "none"},
    {"守住两条底线", "none"},
    {"统筹做好元旦春节两节期间市场供应", "none"},
    {"加强5类重点人群管理", "none"},
    // 类, 种, 部, 分 with no bound or in Chinese numerals.
    {"提供6类中医药适宜技术", "none"},
    {"分为三类人群", "none"},
    {"至少三类人群", "none"},
    {"其中一部分用于奖励", "none"},
    {"联合3部门开展检查", "none"},
    {"将生活垃圾分为4类", "none"},
    // Held-out set Q. 成 starting a word; a condition (方可); 对 before a threshold of whom a
    // measure covers; an age bracket before any word; a bracketed total of the plan's items;
    // a year with 年 after a bound; a bare number that is no coefficient; 一 with no verb.
    {"其中三成为农村学校", "none"},
    {"坚持一成不变的标准", "none"},
    {"居民同意率达到三分之二以上方可实施", "none"},
    {"对日用水量100立方米以上的单位实行计划管理", "none"},
    {"对评分90分以上的单位给予奖励", "none"},
    {"对40岁以上就诊患者开展筛查", "none"},
    {"现将重点任务分解如下(共12项)", "none"},
    {"增速高于2023年水平", "none"},
    {"比例达到0.58", "none"},
    {"村里有图书室一个", "none"},
};

TEST_CASE("targets: clauses that carry commitments") {
  for (const Case& c : kPositives) {
    CAPTURE(c.clause);
    CHECK(DumpFigures(c.clause) == c.expected);
  }
}

TEST_CASE("targets: numbers that are not commitments") {
  for (const Case& c : kNegatives) {
    CAPTURE(c.clause);
    CHECK(DumpFigures(c.clause) == c.expected);
  }
}

TEST_CASE("targets: an approximate figure is recorded as '=' with a warning") {
  std::vector<Warning> warnings;
  CHECK(DumpFigures("森林覆盖率达到55%左右", &warnings) == "target{=55 %}");
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].Dump() == "warn{7 approximate-target: approximate figure (左右) recorded as \"=\"}");
  CHECK(DumpFigures("全年接待游客约500万人次", &warnings) == "target{=5000000 人次}");
  CHECK(warnings.size() == 1);
}

TEST_CASE("targets: a bounded number with no measure word has unit null and a warning") {
  std::vector<Warning> warnings;
  CHECK(DumpFigures("营商环境综合评分不低于90", &warnings) == "target{>=90}");
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].code == WarningCode::kUncertainTarget);
  CHECK(DumpFigures("不早于2025年", &warnings) == "none");
  CHECK(DumpFigures("建成不少于3个", &warnings) == "target{>=3 个}");
  CHECK(warnings.empty());
}

TEST_CASE("targets: text is the clause as printed, metric what is counted") {
  Diagnostics diagnostics;
  std::vector<Target> figures = ExtractFigures(
      PassageOf("到２０２５年，全区公民具备科学素质的比例超过18%，力争达到20%。"), Context(),
      TestRules(), &diagnostics);
  REQUIRE(figures.size() == 2);
  CHECK(figures[0].text == "全区公民具备科学素质的比例超过18%");
  CHECK(figures[0].metric == "公民具备科学素质的比例");
  CHECK(figures[0].deadline == 2025);
  CHECK(figures[0].line == 7);
  CHECK(figures[1].text == "力争达到20%");
  CHECK(figures[1].metric == "公民具备科学素质的比例");
  figures = ExtractFigures(PassageOf("每年培训不少于2000名专业技能工人"), Context(), TestRules(),
                           &diagnostics);
  REQUIRE(figures.size() == 1);
  CHECK(figures[0].metric == "专业技能工人");
  figures = ExtractFigures(PassageOf("覆盖面达到全区常住人口的80%以上"), Context(), TestRules(),
                           &diagnostics);
  REQUIRE(figures.size() == 1);
  CHECK(figures[0].metric == "覆盖面");
}

TEST_CASE("targets: in a 、-list each figure with words of its own has its own text") {
  Diagnostics diagnostics;
  std::vector<Target> figures =
      ExtractFigures(PassageOf("全年实现地区生产总值286.4亿元、增长6.8%，新建学校5所和幼儿园3所、"
                               "新增学位2400个。"),
                     Context(), TestRules(), &diagnostics);
  REQUIRE(figures.size() == 5);
  CHECK(figures[0].text == "全年实现地区生产总值286.4亿元");
  CHECK(figures[1].text == "增长6.8%");
  CHECK(figures[2].text == "新建学校5所和幼儿园3所");
  CHECK(figures[3].text == "新建学校5所和幼儿园3所");
  CHECK(figures[4].text == "新增学位2400个");
  figures = ExtractFigures(PassageOf("规范管理率分别达到65%、不低于63%，建成2个区级、1个以上市级工作室"),
                           Context(), TestRules(), &diagnostics);
  REQUIRE(figures.size() == 4);
  CHECK(figures[0].text == "规范管理率分别达到65%、不低于63%");
  CHECK(figures[1].text == figures[0].text);
  CHECK(figures[2].text == "建成2个区级、1个以上市级工作室");
  CHECK(figures[3].text == figures[2].text);
}

TEST_CASE("targets: a task keeps commitments, goals keep baselines and take the plan's end") {
  Diagnostics diagnostics;
  Passage text = PassageOf("2020年比例达8.9%。全区已建成基地12个，新建基地5个。");
  CHECK(ExtractTargets(text, Context(), TestRules(), &diagnostics).size() == 1);
  std::vector<Target> goals = ExtractGoals({&text}, Context(), 2025, TestRules(), &diagnostics);
  REQUIRE(goals.size() == 3);
  CHECK(goals[2].Dump() == "target{=5 个 by2025}");
}

}  // namespace
}  // namespace fengong
