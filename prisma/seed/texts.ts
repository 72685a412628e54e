// Chinese text templates for seeded visit logs, demands, meetings and reports, written the way
// front-line staff write them. Placeholders are filled from the household or the day's figures.

import type { Attitude, DemandCategory, VisitChannel } from "../../lib/generated/prisma/enums.ts";
import type { Rng } from "./random.ts";

const VISIT_SUMMARIES: Record<Attitude, readonly string[]> = {
  SUPPORTIVE: [
    "户主对征收政策基本了解，表示支持，询问签约所需材料，已逐项说明。",
    "上门讲解补偿方案，户主认为方案公平，家庭成员意见一致，愿意尽早签约。",
    "家属已看过评估结果公示，无异议，约定签约时间。",
    "居民对安置房源比较满意，希望首日签约，已告知签约流程和证件清单。",
    "党员户主带头表态支持，并答应帮助做邻居工作。",
    "核对认定人口和面积，户主确认无误，表示支持旧改。",
  ],
  HESITANT: [
    "户主对补偿金额有顾虑，认为面积认定偏少，已解释认定口径，需再次沟通。",
    "家庭内部对货币补偿还是房屋安置尚未统一意见，建议召开家庭会议后再谈。",
    "老人希望就近安置，对房源地段有顾虑，已介绍房源配套情况。",
    "户主在外地工作，家属做不了主，约定视频沟通。",
    "询问过渡期费用和搬家补助标准，已现场测算，户主表示再考虑。",
    "对评估单价有疑问，已说明评估机构选定程序和复核渠道。",
    "子女对产权份额分配有不同意见，建议预约律师咨询。",
  ],
  OPPOSED: [
    "户主对一轮征询结果有意见，情绪较大，坚持要求提高补偿，未进一步深谈。",
    "家属拒绝开门，隔门表示不同意现方案，留下明白卡。",
    "户主认为安置房源太远，明确表示暂不签约，需专项小组介入。",
    "兄弟姐妹之间对房屋份额存在纠纷，互不相让，需人民调解介入。",
    "对面积认定结果提出异议，要求重新测量，已告知异议受理程序。",
  ],
};

const RECEPTION_SUMMARIES = [
  "来接待室咨询补偿方案，重点了解价格补贴和套型面积补贴的计算方法。",
  "咨询户口迁移对认定人口的影响，已按征收口径逐条解答。",
  "询问公房承租人变更手续，已告知所需材料。",
  "咨询安置房源户型和交房时间，已发放房源资料。",
  "了解签约奖励和搬迁奖励的期限，已说明。",
  "反映邻里之间搭建面积的认定问题，已登记并转政策咨询小组。",
] as const;

const NEXT_STEPS: Record<Attitude, readonly string[]> = {
  SUPPORTIVE: ["预约签约时间", "准备签约材料清单", "协助办理委托手续", "签约当天安排车辆接送"],
  HESITANT: ["三天内再次上门", "请政策咨询小组现场答疑", "安排看房", "约全体家庭成员面谈", "电话回访"],
  OPPOSED: ["提交临时党支部研究", "请人民调解员介入", "组长陪同再次上门", "梳理诉求报联席会议"],
};

export function visitSummary(rng: Rng, attitude: Attitude, channel: VisitChannel): string {
  if (channel === "RECEPTION") return rng.pick(RECEPTION_SUMMARIES);
  const prefix = channel === "PHONE" ? "电话联系，" : channel === "WECHAT" ? "微信沟通，" : channel === "VIDEO" ? "视频连线，" : "";
  return prefix + rng.pick(VISIT_SUMMARIES[attitude]);
}

export function visitNextStep(rng: Rng, attitude: Attitude): string {
  return rng.pick(NEXT_STEPS[attitude]);
}

const DEMANDS: Record<DemandCategory, readonly string[]> = {
  COMPENSATION: [
    "认为评估单价低于周边同类房屋，要求复核评估结果。",
    "希望明确价格补贴的计算基数，担心少算。",
    "家中有搭建的阁楼，要求纳入补偿面积。",
    "询问签约奖励能否与搬迁奖励同时领取。",
  ],
  RESETTLEMENT_HOUSING: [
    "家中有行动不便的老人，希望安置到低楼层或有电梯的房源。",
    "希望安置房源离子女学校近一些。",
    "要求了解安置房交房时间及过渡期安排。",
  ],
  FAMILY_DISPUTE: [
    "兄妹对补偿款分配意见不一，希望有律师帮助调解。",
    "离婚后公房承租人变更未办，双方对份额有争议。",
    "继承人之间对房屋份额存在分歧，需要调解。",
  ],
  HARDSHIP: [
    "家庭人均收入低，申请居住困难户保障。",
    "户主重病住院，搬家有困难，希望帮助联系搬场。",
    "独居老人，需要帮助办理签约和搬迁手续。",
  ],
  POLICY_QUESTION: [
    "户口在册但长期不在此居住的家庭成员能否认定为安置人口。",
    "外地业主询问远程视频签约和公证委托的具体流程。",
    "询问未成年人户口在册如何计算人均补贴。",
  ],
  OTHER: ["希望搬迁期间帮助保管大件家具。", "询问原址回搬的可能性。", "反映楼道照明损坏，夜间出行不便。"],
};

const RESOLUTIONS: Record<DemandCategory, readonly string[]> = {
  COMPENSATION: ["已由评估机构复核并书面答复，居民认可。", "按征收口径解释并现场测算，居民无异议。"],
  RESETTLEMENT_HOUSING: ["已协调低楼层房源，居民满意。", "组织实地看房，居民确认选房。"],
  FAMILY_DISPUTE: ["律师和人民调解员主持家庭协商，达成份额分配协议。", "经多次调解，家庭成员签署分配协议。"],
  HARDSHIP: ["按居住困难户保障政策托底，已落实。", "结对帮扶小组联系搬场公司并全程陪同。"],
  POLICY_QUESTION: ["已书面答复并在接待室公示政策口径。", "已安排专人电话解答，居民清楚。"],
  OTHER: ["已协调解决。", "已转相关单位处理并回访。"],
};

export function demandDescription(rng: Rng, category: DemandCategory): string {
  return rng.pick(DEMANDS[category]);
}

export function demandResolution(rng: Rng, category: DemandCategory): string {
  return rng.pick(RESOLUTIONS[category]);
}

export const REPORT_PROBLEMS = [
  "个别家庭内部意见不统一，需调解。",
  "两户对面积认定有异议，已转政策咨询小组。",
  "部分外地业主联系不上，正通过亲属联系。",
  "有老人对房源地段顾虑较大。",
  "一户家庭成员在境外，需安排视频签约。",
  "无明显问题。",
] as const;

export const REPORT_PLANS = [
  "继续包干上门，重点攻坚未签约户。",
  "对犹豫户逐户再走访一次。",
  "配合律师做好家庭纠纷调解。",
  "约外地业主视频沟通。",
  "协助已签约户办理搬迁。",
] as const;

export const OBJECTION_TEXTS = [
  "认为认定面积少算了晒台部分，申请复核。",
  "家中一名成员户口在册但未被认定为安置人口，提出异议。",
  "对测绘结果有疑问，要求重新测量。",
] as const;

export const OBJECTION_RESOLUTIONS = ["经复核，维持原认定结果，已书面答复。", "经复核，认定结果予以更正并重新公示。"] as const;
