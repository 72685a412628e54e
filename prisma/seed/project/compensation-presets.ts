// The compensation scheme each kind of project gets when the options name none: its items in the
// order the policy lists them, amounts in 元.

import type { ProjectKind } from "../../../lib/generated/prisma/enums.ts";
import type { CompensationPreset } from "./options.ts";

export const DEFAULT_COMPENSATION: Record<ProjectKind, CompensationPreset> = {
  OLD_DISTRICT: {
    name: "国有土地上房屋征收补偿方案",
    valuationPerSqm: 56_000,
    guaranteedMinimum: 1_600_000,
    items: [
      { kind: "VALUATION_TIMES_AREA", label: "被征收房屋评估价格（评估单价×建筑面积）" },
      { kind: "PRICE_SUBSIDY_PERCENT", label: "价格补贴（评估价格的30%）", rate: 0.3 },
      { kind: "FIXED_DWELLING_SUBSIDY", label: "套型面积补贴", amount: 840_000 },
      { kind: "PER_PERSON_SUBSIDY", label: "搬家及设备迁移补贴（按认定人口）", amount: 3_000 },
      { kind: "SIGNING_BONUS", label: "签约奖励（签约期内签约）", amount: 100_000, deadline: "SIGNING_END" },
      { kind: "MOVE_OUT_BONUS", label: "搬迁奖励（规定期限内搬离）", amount: 50_000, deadline: "RELOCATION_END" },
    ],
  },
  SHANTYTOWN: {
    name: "棚户区改造项目搬迁补偿安置方案",
    valuationPerSqm: 48_000,
    items: [
      { kind: "VALUATION_TIMES_AREA", label: "货币补偿（市场评估单价×建筑面积）" },
      { kind: "PER_PERSON_SUBSIDY", label: "临时安置补助（按认定人口）", amount: 12_000 },
      { kind: "FIXED_DWELLING_SUBSIDY", label: "搬迁费", amount: 8_000 },
      { kind: "SIGNING_BONUS", label: "限期签约奖励", amount: 60_000, deadline: "SIGNING_END" },
      { kind: "MOVE_OUT_BONUS", label: "限期搬迁交房奖励", amount: 30_000, deadline: "RELOCATION_END" },
    ],
  },
  VILLAGE: {
    name: "集体土地房屋征收补偿安置方案",
    valuationPerSqm: 9_800,
    guaranteedMinimum: 1_200_000,
    items: [
      { kind: "VALUATION_TIMES_AREA", label: "房屋重置价格结合成新（评估单价×建筑面积）" },
      { kind: "PRICE_SUBSIDY_PERCENT", label: "宅基地使用权补偿（评估价格的25%）", rate: 0.25 },
      { kind: "PER_PERSON_SUBSIDY", label: "按认定人口安置补贴", amount: 180_000 },
      { kind: "SIGNING_BONUS", label: "签约奖励", amount: 80_000, deadline: "SIGNING_END" },
      { kind: "MOVE_OUT_BONUS", label: "搬迁奖励", amount: 40_000, deadline: "RELOCATION_END" },
    ],
  },
};
