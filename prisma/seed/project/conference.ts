// The project's joint conference (党建联席会议) and its member units.

import type { PlanContext } from "./context.ts";
import type { ProjectOrganisation } from "./organisation.ts";

export function planProjectConference(ctx: PlanContext, org: ProjectOrganisation, conferenceId: string | null): void {
  const { options, setupAt } = ctx;
  if (!conferenceId || options.conference === false) return;
  const conf = options.conference ?? {};
  ctx.plan.conferences.push({
    id: conferenceId,
    name: conf.name ?? `${ctx.name}党建联席会议`,
    level: "PROJECT",
    district: ctx.district,
    projectId: org.projectId,
    createdAt: new Date(setupAt),
  });
  // The street office convenes unless the options name convenors (a district leader, say).
  const convenors = new Set(conf.convenorUnitIds ?? [org.units.streetOffice]);
  const memberUnits = [
    ...new Set([...(conf.convenorUnitIds ?? []), ...org.unitKeys.map((k) => org.units[k]!), ...(conf.extraUnitIds ?? [])]),
  ];
  for (const unitId of memberUnits) {
    ctx.plan.conferenceMembers.push({
      id: ctx.id(setupAt),
      conferenceId,
      unitId,
      isConvenor: convenors.has(unitId),
      joinedAt: new Date(setupAt),
    });
  }
}
