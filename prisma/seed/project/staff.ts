// Staff accounts: generated people from the project's units, with named demo accounts put in
// their places, and the secretary and commander who lead the project.

import { randomPersonName } from "../names.ts";
import type { Rng } from "../random.ts";
import type { PlanContext } from "./context.ts";
import { pad } from "./helpers.ts";
import type { ProjectUnitIds, StaffAccount, UnitKey } from "./options.ts";

export type Staff = { id: string; name: string; isPartyMember: boolean; unitId: string };

export type StaffRoster = {
  /** Every staff member, in the order they were made. */
  byId: Map<string, Staff>;
  /** Which units ordinary group members come from, by weight. */
  unitWeights: [UnitKey, number][];
  /** The staff stream; the group planners draw units from it between the people they make. */
  rng: Rng;
  make(unitKey: UnitKey, partyShare: number, account?: Partial<StaffAccount>): Staff;
};

export function createStaffRoster(ctx: PlanContext, units: ProjectUnitIds): StaffRoster {
  const { plan, setupAt } = ctx;
  const rStaff = ctx.root.fork("staff");
  let phoneSeq = 0;
  const nextPhone = () => `139${pad(ctx.phoneBlock % 10_000, 4)}${pad(++phoneSeq, 4)}`;
  const byId = new Map<string, Staff>();
  const make = (unitKey: UnitKey, partyShare: number, account?: Partial<StaffAccount>): Staff => {
    const staffId = ctx.id(setupAt);
    // Draw the generated attributes even when an account overrides them, so naming one account
    // does not shift everyone else's name.
    const generatedName = randomPersonName(rStaff, { birthYear: rStaff.int(1966, 1998), region: ctx.nameRegion });
    const generatedParty = rStaff.chance(partyShare);
    const staff: Staff = {
      id: staffId,
      name: account?.name ?? generatedName,
      isPartyMember: account?.isPartyMember ?? generatedParty,
      unitId: units[unitKey] ?? units.streetOffice,
    };
    const phone = account?.phone === undefined ? nextPhone() : account.phone;
    plan.users.push({
      id: staffId,
      role: "STAFF",
      name: staff.name,
      phone,
      password: account?.password ?? ctx.staffPassword,
      isPartyMember: staff.isPartyMember,
      unitId: staff.unitId,
      createdAt: new Date(setupAt),
      updatedAt: new Date(setupAt),
    });
    byId.set(staffId, staff);
    return staff;
  };
  return { byId, unitWeights: staffUnitWeights(ctx, units), rng: rStaff, make };
}

function staffUnitWeights(ctx: PlanContext, units: ProjectUnitIds): [UnitKey, number][] {
  return ctx.kind === "SHANTYTOWN"
    ? [
        ["streetOffice", 3],
        ["expropriationOffice", 2],
        ["residentsCommittee", 1],
      ]
    : [
        ["expropriationOffice", 3],
        ["residentsCommittee", 2],
        ["streetOffice", 1],
        ...(units.publicHousingManager ? [["publicHousingManager", 1] as [UnitKey, number]] : []),
      ];
}

export type ProjectLeadership = { secretary: Staff; commander: Staff; projectId: string };

/** The secretary and commander, their memberships, and the project's id (drawn after theirs). */
export function planLeadership(ctx: PlanContext, roster: StaffRoster): ProjectLeadership {
  const { options, setupAt } = ctx;
  // Secretary and commander are Party members whatever the draw.
  const secretary = roster.make("residentsCommittee", 1, { isPartyMember: true, ...options.accounts?.secretary });
  const commander = roster.make(ctx.kind === "OLD_DISTRICT" ? "expropriationOffice" : "streetOffice", 1, {
    isPartyMember: true,
    ...options.accounts?.commander,
  });
  const secretaryMembershipId = ctx.id(setupAt);
  const commanderMembershipId = ctx.id(setupAt);
  const projectId = ctx.id(setupAt);
  ctx.plan.projectMemberships.push(
    { id: secretaryMembershipId, projectId, userId: secretary.id, role: "SECRETARY", createdAt: new Date(setupAt) },
    { id: commanderMembershipId, projectId, userId: commander.id, role: "COMMANDER", createdAt: new Date(setupAt) },
  );
  return { secretary, commander, projectId };
}
