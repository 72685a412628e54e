// Households (被征收户): address, tenure, area and circumstances, which are excluded from the
// count and which are Party-member households, the signing group that owns each, and the
// resident logins of the demo accounts.

import type { OwnerLocation, Tenure } from "../../../lib/generated/prisma/enums.ts";
import { randomMobile } from "../names.ts";
import type { Rng } from "../random.ts";
import { floorAreaFor, layoutAddresses, type Address } from "./addresses.ts";
import type { PlanContext } from "./context.ts";
import { drawFamily, planMembers } from "./family.ts";
import { money, pad, shuffledIndices, weightsOf } from "./helpers.ts";
import type { HousingStyle } from "./options.ts";
import type { ProjectOrganisation } from "./organisation.ts";

const DEFAULT_LOCATIONS: Record<HousingStyle, Record<OwnerLocation, number>> = {
  LANE: { LOCAL: 0.9, OTHER_CITY: 0.03, OTHER_PROVINCE: 0.03, HK_MACAO_TW: 0.02, OVERSEAS: 0.02 },
  ESTATE: { LOCAL: 0.78, OTHER_CITY: 0.08, OTHER_PROVINCE: 0.07, HK_MACAO_TW: 0.045, OVERSEAS: 0.025 },
  VILLAGE: { LOCAL: 0.94, OTHER_CITY: 0.03, OTHER_PROVINCE: 0.02, HK_MACAO_TW: 0.005, OVERSEAS: 0.005 },
};

const DEFAULT_TENURES: Record<HousingStyle, Record<Tenure, number>> = {
  LANE: { PUBLIC_LEASE: 0.86, PRIVATE_PROPERTY: 0.11, OTHER: 0.03 },
  ESTATE: { PUBLIC_LEASE: 0.1, PRIVATE_PROPERTY: 0.82, OTHER: 0.08 },
  // Village houses stand on collective homestead land (宅基地): neither lease nor full title.
  VILLAGE: { PUBLIC_LEASE: 0, PRIVATE_PROPERTY: 0.15, OTHER: 0.85 },
};

/** What the later sections know of a household; vote and signing are filled in as they are planned. */
export type HouseholdState = {
  index: number;
  id: string;
  code: string;
  group: number;
  headName: string;
  population: number;
  floorArea: number;
  ownerLocation: OwnerLocation;
  isParty: boolean;
  isExcluded: boolean;
  isHardship: boolean;
  isElderly: boolean;
  hasDispute: boolean;
  vote: "AGREE" | "DISAGREE" | null;
  signedAt: Date | null;
  signDay: number | null;
};

export type Households = {
  /** In code order; `index` is also the row's index in plan.households. */
  all: HouseholdState[];
  eligible: HouseholdState[];
  byCode: Map<string, HouseholdState>;
  /** Ids of households a resident login needs unsigned. */
  keepUnsigned: Set<string>;
  excludedCount: number;
  partyCount: number;
};

/** Where in the project a household sits, decided before its own draws. */
type Slot = { index: number; code: string; address: Address; group: number; isExcluded: boolean; isParty: boolean };

/** The household streams, and the weight tables every household draws from. */
type Draws = {
  rHouse: Rng;
  rPeople: Rng;
  locations: [OwnerLocation, number][];
  tenures: [Tenure, number][];
  familySizes: [number, number][];
};

export function planHouseholds(ctx: PlanContext, org: ProjectOrganisation): Households {
  const { options } = ctx;
  const rHouse = ctx.root.fork("households");
  const n = Math.max(0, options.households ?? 60);
  const excludedCount = Math.min(n, options.excludedHouseholds ?? 0);
  const eligibleCount = n - excludedCount;
  const partyCount = Math.min(eligibleCount, options.partyMemberHouseholds ?? Math.round(eligibleCount * 0.08));
  const addresses = layoutAddresses(rHouse, ctx.style, n, { district: ctx.district, street: ctx.street, places: options.places });
  const { isExcluded, isParty } = markExcludedAndParty(rHouse, n, excludedCount, partyCount);
  const groupOf = assignBuildingsToGroups(addresses, org.signingGroups.length);
  const codeWidth = Math.max(4, String(n).length);
  const draws: Draws = {
    rHouse,
    rPeople: ctx.root.fork("people"),
    locations: weightsOf({ ...DEFAULT_LOCATIONS[ctx.style], ...options.ownerLocations }),
    tenures: weightsOf({ ...DEFAULT_TENURES[ctx.style], ...options.tenures }),
    familySizes: familySizeWeights(ctx.style),
  };
  const all: HouseholdState[] = [];
  for (let i = 0; i < n; i++) {
    const slot: Slot = {
      index: i,
      code: `${ctx.householdCodePrefix}-${pad(i + 1, codeWidth)}`,
      address: addresses[i]!,
      group: groupOf[i]!,
      isExcluded: isExcluded[i] === 1,
      isParty: isParty[i] === 1,
    };
    all.push(planHousehold(ctx, org, draws, slot));
  }
  const byCode = new Map(all.map((h) => [h.code, h]));
  return {
    all,
    eligible: all.filter((h) => !h.isExcluded),
    byCode,
    keepUnsigned: residentsKeptUnsigned(ctx, byCode),
    excludedCount,
    partyCount,
  };
}

/** Excluded households first in one random order, Party-member households next, so the two never overlap. */
function markExcludedAndParty(rHouse: Rng, n: number, excludedCount: number, partyCount: number) {
  const permutation = shuffledIndices(rHouse, n);
  const isExcluded = new Uint8Array(n);
  for (let k = 0; k < excludedCount; k++) isExcluded[permutation[k]!] = 1;
  const isParty = new Uint8Array(n);
  for (let k = 0; k < partyCount; k++) isParty[permutation[excludedCount + k]!] = 1;
  return { isExcluded, isParty };
}

/** 包干: each signing group owns a contiguous run of whole buildings. */
function assignBuildingsToGroups(addresses: Address[], groupCount: number): Int32Array {
  const n = addresses.length;
  const groupOf = new Int32Array(n);
  let g = 0;
  for (let i = 0; i < n; i++) {
    const buildingChanged = i > 0 && addresses[i]!.building !== addresses[i - 1]!.building;
    if (buildingChanged && g < groupCount - 1 && i >= ((g + 1) * n) / groupCount) g++;
    groupOf[i] = g;
  }
  return groupOf;
}

function planHousehold(ctx: PlanContext, org: ProjectOrganisation, draws: Draws, slot: Slot): HouseholdState {
  const { rHouse, rPeople } = draws;
  const householdId = ctx.id(ctx.importAt);
  const traits = drawTraits(ctx.style, draws);
  const people = drawFamily(ctx, rPeople, traits.size, traits.ownerLocation);
  planMembers(ctx, rPeople, householdId, people, slot.isParty);
  const head = people.members[0]!;
  const isElderly = head.year < ctx.cal.year(0) - 75 ? rHouse.chance(0.5) : rHouse.chance(0.05);
  const residentCount = ctx.style === "LANE" ? (rHouse.chance(0.15) ? 0 : rHouse.int(1, people.members.length)) : people.members.length;
  const addr = slot.address;
  ctx.plan.households.push({
    id: householdId,
    projectId: org.projectId,
    code: slot.code,
    lane: addr.lane,
    building: addr.building,
    number: addr.number,
    room: addr.room,
    address: addr.address,
    tenure: traits.tenure,
    headName: head.name,
    phone: traits.hasPhone ? traits.phone : null,
    registeredPopulation: people.members.length,
    residentCount,
    floorArea: money(traits.floorArea),
    livingArea: traits.livingArea === null ? null : money(traits.livingArea),
    ownerLocation: traits.ownerLocation,
    isPartyMemberHousehold: slot.isParty,
    isHardship: traits.isHardship,
    isElderlySickDisabled: isElderly,
    hasFamilyDispute: traits.hasDispute,
    signingGroupId: org.signingGroups[slot.group]!.id,
    isExcluded: slot.isExcluded,
    exclusionReason: slot.isExcluded
      ? rHouse.pick(["产权人下落不明，依法另行处理", "权属争议诉讼中，暂不纳入统计", "房屋已由单位自管，另行协商"])
      : null,
    createdAt: new Date(ctx.importAt),
    updatedAt: new Date(ctx.importAt),
  });
  return {
    index: slot.index,
    id: householdId,
    code: slot.code,
    group: slot.group,
    headName: head.name,
    population: people.members.length,
    floorArea: traits.floorArea,
    ownerLocation: traits.ownerLocation,
    isParty: slot.isParty,
    isExcluded: slot.isExcluded,
    isHardship: traits.isHardship,
    isElderly,
    hasDispute: traits.hasDispute,
    vote: null,
    signedAt: null,
    signDay: null,
  };
}

/** The household's own circumstances; the phone number is drawn even when it has none, to keep the stream aligned. */
function drawTraits(style: HousingStyle, { rHouse, locations, tenures, familySizes }: Draws) {
  const ownerLocation = rHouse.weighted(locations);
  const tenure = rHouse.weighted(tenures);
  const floorArea = Math.round(floorAreaFor(rHouse, style) * 100) / 100;
  const livingArea = style === "VILLAGE" ? null : Math.round(floorArea * rHouse.float(0.62, 0.8) * 100) / 100;
  const size = rHouse.weighted(familySizes);
  const hasPhone = rHouse.chance(0.88);
  const phone = randomMobile(rHouse);
  const isHardship = rHouse.chance(style === "LANE" ? 0.07 : 0.04);
  const hasDispute = rHouse.chance(style === "VILLAGE" ? 0.08 : 0.05);
  return { ownerLocation, tenure, floorArea, livingArea, size, hasPhone, phone, isHardship, hasDispute };
}

function familySizeWeights(style: HousingStyle): [number, number][] {
  if (style === "LANE")
    return [
      [1, 25],
      [2, 35],
      [3, 25],
      [4, 10],
      [5, 5],
    ];
  if (style === "ESTATE")
    return [
      [1, 15],
      [2, 30],
      [3, 30],
      [4, 17],
      [5, 8],
    ];
  return [
    [2, 15],
    [3, 30],
    [4, 25],
    [5, 18],
    [6, 8],
    [7, 4],
  ];
}

/** Households of resident logins, checked to exist; those marked keepUnsigned are returned. */
function residentsKeptUnsigned(ctx: PlanContext, byCode: Map<string, HouseholdState>): Set<string> {
  const keepUnsigned = new Set<string>();
  for (const resident of ctx.options.accounts?.residents ?? []) {
    const h = byCode.get(resident.householdCode);
    if (!h) throw new RangeError(`resident account for unknown household ${resident.householdCode} in ${ctx.code}`);
    if (resident.keepUnsigned) keepUnsigned.add(h.id);
  }
  return keepUnsigned;
}

/** The resident logins themselves (planned after the project row, where their ids fall in the id stream). */
export function planResidentAccounts(ctx: PlanContext, households: Households): void {
  for (const resident of ctx.options.accounts?.residents ?? []) {
    const h = households.byCode.get(resident.householdCode)!;
    ctx.plan.users.push({
      id: ctx.id(ctx.importAt),
      role: "RESIDENT",
      name: h.headName,
      phone: null,
      password: resident.accessCode,
      householdId: h.id,
      createdAt: new Date(ctx.importAt),
      updatedAt: new Date(ctx.importAt),
    });
  }
}
