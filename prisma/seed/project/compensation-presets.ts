// The compensation scheme each kind of project gets when the options name none: its lines in the
// order the policy lists them (lib/domain/compensation.ts's line kinds), amounts in 元.

import type { ProjectKind } from "../../../lib/generated/prisma/enums.ts";
import type { CompensationPreset, EstimateShape } from "./options.ts";

/**
 * The old-district scheme is DOMAIN.md's worked example ("Compensation estimate"), except that the
 * signing bonus's first tier covers the first 30 days instead of the first 10 and the second tier
 * the rest of the signing period: a household signed on day 3 gets the same 150,000, and the demo
 * resident, still unsigned three weeks into the signing period, can still reach it — so its
 * estimate is the worked example to the fen.
 */
export const DEFAULT_COMPENSATION: Record<ProjectKind, CompensationPreset> = {
  OLD_DISTRICT: {
    name: "国有土地上房屋征收补偿方案",
    valuationPerSqm: 56_000,
    items: [
      { key: "valuation", label: "被征收房屋评估价格（评估单价×建筑面积）", kind: "VALUATION" },
      { key: "priceSubsidy", label: "价格补贴（评估价格的30%）", kind: "PERCENT_OF", percent: "30", of: ["valuation"] },
      { key: "areaTopUp", label: "套型面积补贴（评估单价×15平方米）", kind: "AREA_TOP_UP", area: "15", tenures: [] },
      {
        key: "tenantShare",
        label: "公房承租人按80%计得",
        kind: "TENURE_SHARE",
        tenure: "PUBLIC_LEASE",
        percent: "80",
        of: ["valuation", "priceSubsidy", "areaTopUp"],
      },
      {
        key: "hardship",
        label: "居住困难户保障补贴（人均不足22平方米）",
        kind: "HARDSHIP_TOP_UP",
        perPersonArea: "22",
        of: ["valuation", "priceSubsidy", "areaTopUp", "tenantShare"],
      },
      { key: "movingSubsidy", label: "搬家补助", kind: "FIXED", amount: "1000", per: "HOUSEHOLD" },
      {
        key: "signingBonus",
        label: "签约奖励",
        kind: "DATE_BONUS",
        event: "SIGNING",
        tiers: [
          { by: { from: "SIGNING_START", days: 29 }, amount: "150000" },
          { by: { from: "SIGNING_END" }, amount: "100000" },
        ],
      },
      {
        key: "moveOutBonus",
        label: "搬迁奖励",
        kind: "DATE_BONUS",
        event: "MOVE_OUT",
        tiers: [{ by: { from: "RELOCATION_END" }, amount: "50000" }],
      },
    ],
  },
  SHANTYTOWN: {
    name: "棚户区改造项目搬迁补偿安置方案",
    valuationPerSqm: 48_000,
    items: [
      { key: "valuation", label: "货币补偿（市场评估单价×建筑面积）", kind: "VALUATION" },
      { key: "temporary", label: "临时安置补助（按认定人口）", kind: "FIXED", amount: "12000", per: "PERSON" },
      { key: "moving", label: "搬迁费", kind: "FIXED", amount: "8000", per: "HOUSEHOLD" },
      {
        key: "signingBonus",
        label: "限期签约奖励",
        kind: "DATE_BONUS",
        event: "SIGNING",
        tiers: [{ by: { from: "SIGNING_END" }, amount: "60000" }],
      },
      {
        key: "moveOutBonus",
        label: "限期搬迁交房奖励",
        kind: "DATE_BONUS",
        event: "MOVE_OUT",
        tiers: [{ by: { from: "RELOCATION_END" }, amount: "30000" }],
      },
    ],
  },
  VILLAGE: {
    name: "集体土地房屋征收补偿安置方案",
    valuationPerSqm: 9_800,
    items: [
      { key: "valuation", label: "房屋重置价格结合成新（评估单价×建筑面积）", kind: "VALUATION" },
      { key: "landUse", label: "宅基地使用权补偿（评估价格的25%）", kind: "PERCENT_OF", percent: "25", of: ["valuation"] },
      { key: "perPerson", label: "按认定人口安置补贴", kind: "FIXED", amount: "180000", per: "PERSON" },
      {
        key: "signingBonus",
        label: "签约奖励",
        kind: "DATE_BONUS",
        event: "SIGNING",
        tiers: [{ by: { from: "SIGNING_END" }, amount: "80000" }],
      },
      {
        key: "moveOutBonus",
        label: "搬迁奖励",
        kind: "DATE_BONUS",
        event: "MOVE_OUT",
        tiers: [{ by: { from: "RELOCATION_END" }, amount: "40000" }],
      },
    ],
  },
};

/** The worked example's household (DOMAIN.md): public-housing tenant, 30.00 m², 5 registered
 *  persons, unit price 62,000 元/m². The demo resident's household is shaped to it. */
export const WORKED_EXAMPLE_HOUSEHOLD: EstimateShape = { tenure: "PUBLIC_LEASE", floorArea: 30, population: 5, unitPrice: 62_000 };
