// The units that staff the project: the ones given by the options, the rest planned.

import type { UnitKind } from "../../../lib/generated/prisma/enums.ts";
import type { PlanContext } from "./context.ts";
import type { ProjectUnitIds, UnitKey } from "./options.ts";

const UNIT_KINDS: Record<UnitKey, UnitKind> = {
  streetOffice: "STREET_OFFICE",
  residentsCommittee: "RESIDENTS_COMMITTEE",
  expropriationOffice: "EXPROPRIATION_OFFICE",
  lawFirm: "LAW_FIRM",
  enterpriseParty: "ENTERPRISE_PARTY_ORG",
  publicHousingManager: "PUBLIC_HOUSING_MANAGER",
};

export type ProjectUnits = {
  units: ProjectUnitIds;
  /** The units the project has, in the order they were planned (and join its conference). */
  unitKeys: UnitKey[];
};

export function planUnits(ctx: PlanContext): ProjectUnits {
  const { options, plan, setupAt } = ctx;
  const rUnits = ctx.root.fork("units");
  const unitKeys: UnitKey[] = ["streetOffice", "residentsCommittee", "expropriationOffice", "lawFirm", "enterpriseParty"];
  // Old districts are mostly public-lease housing (公房), so its manager takes part there.
  if (ctx.kind === "OLD_DISTRICT" || options.units?.publicHousingManager || options.unitNames?.publicHousingManager)
    unitKeys.push("publicHousingManager");
  const defaultUnitName = defaultUnitNames(ctx);
  const units = {} as ProjectUnitIds;
  for (const key of unitKeys) {
    const existing = options.units?.[key];
    if (existing) {
      units[key] = existing;
      continue;
    }
    const unitId = rUnits.uuid7(setupAt);
    units[key] = unitId;
    plan.units.push({
      id: unitId,
      name: options.unitNames?.[key] ?? `${defaultUnitName[key]}（${ctx.code}）`,
      kind: UNIT_KINDS[key],
      district: ctx.district,
      createdAt: new Date(setupAt),
    });
  }
  return { units, unitKeys };
}

function defaultUnitNames({ street, name, district }: PlanContext): Record<UnitKey, string> {
  return {
    streetOffice: `${street}办事处`,
    residentsCommittee: `${name}所在居民委员会`,
    expropriationOffice: `${district}房屋征收事务所`,
    lawFirm: `${district}律师事务所`,
    enterpriseParty: `${street}区域企业联合党委`,
    publicHousingManager: `${district}公房管理中心`,
  };
}
