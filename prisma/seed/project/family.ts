// A household's registered members (户籍人口): the head first, then spouse, children, a parent
// or grandchildren, with birth years and synthetic ID numbers that fit together.

import type { OwnerLocation } from "../../../lib/generated/prisma/enums.ts";
import { randomRegionCode, syntheticIdNumber } from "../identity.ts";
import { randomPersonName, randomSurname } from "../names.ts";
import type { Rng } from "../random.ts";
import type { PlanContext } from "./context.ts";
import type { HousingStyle } from "./options.ts";

type Person = { name: string; relation: string; year: number; sex: "M" | "F" };

export type Family = {
  members: Person[];
  /** The head's region code (ID number prefix); most relatives share it. */
  region: string;
};

/** Birth years of heads of household: lane residents are the oldest. */
function headBirthYears(style: HousingStyle): [number, number] {
  return style === "LANE" ? [1932, 1978] : style === "ESTATE" ? [1950, 1990] : [1940, 1985];
}

export function drawFamily(ctx: PlanContext, rPeople: Rng, size: number, ownerLocation: OwnerLocation): Family {
  const { nameRegion } = ctx;
  const anchorYear = ctx.cal.year(0);
  const [earliest, latest] = headBirthYears(ctx.style);
  const headSex = rPeople.chance(0.6) ? "M" : "F";
  const headYear = rPeople.int(earliest, latest);
  const headSurname = randomSurname(rPeople, nameRegion);
  const region = randomRegionCode(rPeople, ctx.regionSet, ownerLocation);
  const members: Person[] = [
    {
      name: randomPersonName(rPeople, { sex: headSex, birthYear: headYear, surname: headSurname }),
      relation: "户主",
      year: headYear,
      sex: headSex,
    },
  ];
  if (size >= 2 && rPeople.chance(0.8)) {
    const sex = headSex === "M" ? "F" : "M";
    const year = Math.min(anchorYear - 20, headYear + rPeople.int(-4, 4));
    members.push({ name: randomPersonName(rPeople, { sex, birthYear: year, region: nameRegion }), relation: "配偶", year, sex });
  }
  // Children take their father's surname: the head's, or a drawn one when the head is a woman.
  const familySurname = headSex === "M" ? headSurname : randomSurname(rPeople, nameRegion);
  while (members.length < size) members.push(drawRelative(ctx, rPeople, { year: headYear, surname: headSurname }, familySurname));
  return { members, region };
}

function drawRelative(ctx: PlanContext, rPeople: Rng, head: { year: number; surname: string }, familySurname: string): Person {
  const anchorYear = ctx.cal.year(0);
  const roll = rPeople.next();
  if (roll < 0.6 && head.year + 22 <= anchorYear) {
    const sex = rPeople.chance(0.5) ? "M" : "F";
    const year = Math.min(anchorYear - 1, head.year + rPeople.int(22, 34));
    return {
      name: randomPersonName(rPeople, { sex, birthYear: year, surname: familySurname }),
      relation: sex === "M" ? "儿子" : "女儿",
      year,
      sex,
    };
  }
  if (roll < 0.75 && head.year >= 1950) {
    const sex = rPeople.chance(0.4) ? "M" : "F";
    const year = Math.max(1925, head.year - rPeople.int(22, 32));
    return {
      name: randomPersonName(rPeople, { sex, birthYear: year, surname: sex === "M" ? head.surname : undefined, region: ctx.nameRegion }),
      relation: sex === "M" ? "父亲" : "母亲",
      year,
      sex,
    };
  }
  const sex = rPeople.chance(0.5) ? "M" : "F";
  const year = Math.min(anchorYear - 1, head.year + rPeople.int(46, 62));
  return {
    name: randomPersonName(rPeople, { sex, birthYear: year, surname: familySurname }),
    relation: sex === "M" ? "孙子" : "孙女",
    year,
    sex,
  };
}

/** The member rows; in a Party-member household the head, or sometimes the spouse, is the Party member. */
export function planMembers(ctx: PlanContext, rPeople: Rng, householdId: string, family: Family, isPartyHousehold: boolean): void {
  const { members, region } = family;
  const partyMemberIndex = isPartyHousehold ? (members.length > 1 && rPeople.chance(0.25) ? 1 : 0) : -1;
  for (let p = 0; p < members.length; p++) {
    const person = members[p]!;
    const personRegion = p === 0 || rPeople.chance(0.7) ? region : randomRegionCode(rPeople, ctx.regionSet);
    ctx.plan.householdMembers.push({
      id: ctx.id(ctx.importAt),
      householdId,
      name: person.name,
      relation: person.relation,
      idNumber: syntheticIdNumber(rPeople, personRegion, person.year, person.sex),
      isPartyMember: p === partyMemberIndex,
      createdAt: new Date(ctx.importAt),
    });
  }
}
