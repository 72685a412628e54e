// planProject(): every row of one renewal project — units, staff, branch, groups, households,
// members, votes, signings, move-outs, visits, tasks, demands, determinations, policy, notices,
// meetings, reception slots and daily reports — as a pure function of (options, seed, anchor).
//
// Counts are parameters and every loop is linear in them, so the same generator seeds a
// 60-household test fixture, the 2,119-certificate demo project or a 5,000-household benchmark.
// Independent random streams (rng.fork) keep parts stable: changing the visit density does not
// change who lives where or who signed when.

import { randomUUID } from "node:crypto";
import type {
  Attitude,
  CompensationItemKind,
  CountingUnit,
  DemandCategory,
  GroupSpecialty,
  MeetingKind,
  NoticeKind,
  OwnerLocation,
  PartyBranchKind,
  ProjectKind,
  ProjectPhase,
  SigningChannel,
  TaskKind,
  TaskPriority,
  Tenure,
  UnitKind,
  VisitChannel,
} from "../../lib/generated/prisma/enums.ts";
import { formatPercent, ratio, requiredForThreshold, thresholdBasisPoints } from "../../lib/domain/rates.ts";
import { createCalendar, todayInShanghai, type AnchorDate } from "./calendar.ts";
import { randomRegionCode, syntheticIdNumber, type RegionSet } from "./identity.ts";
import {
  chineseNumber,
  randomMobile,
  randomPersonName,
  randomSurname,
  SHANGHAI_ROADS,
  SHENZHEN_ESTATES,
  SHIKUMEN_ROOMS,
  VILLAGE_TEAMS,
  type NameRegion,
} from "./names.ts";
import { emptyPlan, type Plan } from "./plan.ts";
import { apportion, createRng, hashString, type Rng } from "./random.ts";
import * as texts from "./texts.ts";

// ───────── Options ─────────

/** How addresses look: Shanghai 里弄 lanes, Shenzhen estates, or village house numbers. */
export type HousingStyle = "LANE" | "ESTATE" | "VILLAGE";

/** A named staff account (demo logins); everything else is generated. */
export type StaffAccount = {
  name: string;
  /** Defaults to the next generated 139… number; null for none. */
  phone?: string | null;
  /** Defaults to the project's staffPassword. */
  password?: string;
  isPartyMember?: boolean;
};

export type ProjectAccounts = {
  secretary?: StaffAccount;
  commander?: StaffAccount;
  /** Leader of signing group i (0-based). */
  signingGroupLeaders?: (StaffAccount | undefined)[];
  /** Named members of signing groups (0-based group index). */
  signingGroupMembers?: { group: number; account: StaffAccount }[];
  /** Resident logins: household code + access code. keepUnsigned keeps that household unsigned. */
  residents?: { householdCode: string; accessCode: string; keepUnsigned?: boolean }[];
};

export type ProjectUnitIds = {
  streetOffice: string;
  residentsCommittee: string;
  expropriationOffice: string;
  lawFirm: string;
  enterpriseParty: string;
  publicHousingManager?: string;
};

type UnitKey = keyof ProjectUnitIds;

/** Day offsets relative to the anchor (negative = before it). */
export type ProjectSchedule = {
  branchEstablished: number;
  noticeStart: number;
  noticeEnd: number;
  consultationStart: number;
  consultationEnd: number;
  signingStart: number;
  signingEnd: number;
};

export type CompensationPreset = {
  name: string;
  /** Mean valuation per m² (元); each household's valuation varies around it. */
  valuationPerSqm: number;
  guaranteedMinimum?: number;
  items: { kind: CompensationItemKind; label: string; amount?: number; rate?: number; deadline?: "SIGNING_END" | "RELOCATION_END" }[];
};

export type SeedProjectOptions = {
  /** Same seed + same anchor → same rows. Defaults to the code. */
  seed?: string | number;
  /** "Today" in Asia/Shanghai (YYYY-MM-DD); every date derives from it. Default: today. */
  anchor?: AnchorDate;
  code?: string;
  name?: string;
  kind?: ProjectKind;
  district?: string;
  street?: string;
  countingUnit?: CountingUnit;
  /** Household codes are `${prefix}-0001`; default: the last part of the project code. */
  householdCodePrefix?: string;
  isPublished?: boolean;
  /** Default: derived from the schedule and the figures. */
  phase?: ProjectPhase;
  firstRoundThreshold?: number;
  signingThreshold?: number;
  schedule?: Partial<ProjectSchedule>;

  households?: number;
  excludedHouseholds?: number;
  partyMemberHouseholds?: number;
  signingGroups?: number;
  specialGroups?: GroupSpecialty[];
  membersPerSigningGroup?: number;
  membersPerSpecialGroup?: number;
  /** A Party group in every special group too (Shenzhen style); signing groups always have one. */
  partyGroupsInSpecialGroups?: boolean;
  branchName?: string;
  branchKind?: PartyBranchKind;

  /** First-round consultation: exact counts, or shares of eligible households. */
  firstRound?: { agree?: number; disagree?: number; agreeShare?: number; disagreeShare?: number };
  /** Signed households by the anchor: exact count or share of eligible. */
  signed?: number;
  signedShare?: number;
  /** Signed on the signing start date: exact count or share of eligible. */
  firstDaySigned?: number;
  firstDayShare?: number;
  /** After day one, daily signings decay like exp(−day/decayDays) plus a floor. */
  signingCurve?: { decayDays?: number; floor?: number };
  /** How much being away (other city, abroad) delays signing; 0 when remote signing was organised in advance. */
  remoteOwnerDelay?: number;
  /** Share of signed households that moved out (only once the agreements are effective). */
  movedOutShare?: number;
  /** Days after the agreements take effect within which households move out. */
  relocationDays?: number;

  housing?: HousingStyle;
  places?: { roads?: string[]; estates?: string[]; village?: string };
  ownerLocations?: Partial<Record<OwnerLocation, number>>;
  tenures?: Partial<Record<Tenure, number>>;
  regionSet?: RegionSet;
  nameRegion?: NameRegion;

  /** Existing units to staff the project from; missing ones are planned (named by unitNames). */
  units?: Partial<ProjectUnitIds>;
  unitNames?: Partial<Record<UnitKey, string>>;
  /** Project-level joint conference; false for none. */
  conference?: false | { name?: string; convenorUnitIds?: string[]; extraUnitIds?: string[] };
  accounts?: ProjectAccounts;
  staffPassword?: string;
  /** Staff phones are 139 + 4-digit block + 4-digit sequence. */
  phoneBlock?: number;

  activity?: {
    visitsPerHousehold?: number;
    /** Reception-room visits during the notice period. */
    receptionVisits?: number;
    openTaskShare?: number;
    demandShare?: number;
    branchMeetings?: number;
    residentForums?: number;
    receptionRooms?: string[];
  };
  compensation?: CompensationPreset;
};

// ───────── Result ─────────

export type PlannedGroup = {
  id: string;
  name: string;
  specialty: GroupSpecialty | null;
  leaderId: string;
  memberIds: string[];
  partyGroupId: string | null;
};

export type ProjectFigures = {
  households: number;
  excluded: number;
  eligible: number;
  partyMemberHouseholds: number;
  agree: number;
  disagree: number;
  signed: number;
  firstDaySigned: number;
  /** Signings needed for the agreements to take effect: ⌈threshold × eligible⌉. */
  thresholdCount: number;
  movedOut: number;
  handedOver: number;
  effectiveAt: Date | null;
  signingFailedAt: Date | null;
  phase: ProjectPhase;
  /** Signings per day of the signing period up to the day before the anchor. */
  dailySigned: { date: string; count: number }[];
  visitLogs: number;
  openTasks: number;
};

export type ProjectPlanResult = {
  plan: Plan;
  anchor: AnchorDate;
  project: Plan["projects"][number];
  schedule: ProjectSchedule;
  figures: ProjectFigures;
  units: ProjectUnitIds;
  branchId: string;
  conferenceId: string | null;
  secretaryId: string;
  commanderId: string;
  signingGroups: PlannedGroup[];
  specialGroups: PlannedGroup[];
};

// ───────── Constants ─────────

export const SPECIALTY_NAMES: Record<GroupSpecialty, string> = {
  POLICY_CONSULTATION: "政策咨询解答小组",
  PETITION_MEDIATION: "信访矛盾调解小组",
  RESIDENT_PROBLEMS: "居民问题解决小组",
  PEOPLES_MEDIATION: "人民调解小组",
  PAIRING_ASSISTANCE: "结对帮扶小组",
  PUBLICITY: "宣传发动小组",
  COORDINATION: "综合协调组",
  POLICY_LAW: "政策法规组",
  PLANNING: "规划组",
  PERMITS: "报建组",
  RENTAL_CLEARANCE: "清租工作组",
  PUBLICITY_OPINION: "宣传舆情组",
  ARCHIVES: "资料组",
  ILLEGAL_CONSTRUCTION: "查违征收组",
  PETITION_STABILITY: "信访维稳组",
};

/** Which unit usually staffs a special group. */
const SPECIALTY_UNIT: Record<GroupSpecialty, UnitKey> = {
  POLICY_CONSULTATION: "expropriationOffice",
  PETITION_MEDIATION: "streetOffice",
  RESIDENT_PROBLEMS: "residentsCommittee",
  PEOPLES_MEDIATION: "lawFirm",
  PAIRING_ASSISTANCE: "residentsCommittee",
  PUBLICITY: "streetOffice",
  COORDINATION: "streetOffice",
  POLICY_LAW: "lawFirm",
  PLANNING: "streetOffice",
  PERMITS: "streetOffice",
  RENTAL_CLEARANCE: "residentsCommittee",
  PUBLICITY_OPINION: "streetOffice",
  ARCHIVES: "expropriationOffice",
  ILLEGAL_CONSTRUCTION: "streetOffice",
  PETITION_STABILITY: "streetOffice",
};

/** Which special group a demand is routed to, in order of preference. */
const DEMAND_ROUTES: Record<DemandCategory, GroupSpecialty[]> = {
  COMPENSATION: ["POLICY_CONSULTATION", "POLICY_LAW"],
  RESETTLEMENT_HOUSING: ["RESIDENT_PROBLEMS", "COORDINATION"],
  FAMILY_DISPUTE: ["PEOPLES_MEDIATION", "PETITION_MEDIATION", "POLICY_LAW"],
  HARDSHIP: ["PAIRING_ASSISTANCE", "RESIDENT_PROBLEMS", "COORDINATION"],
  POLICY_QUESTION: ["POLICY_CONSULTATION", "POLICY_LAW"],
  OTHER: ["RESIDENT_PROBLEMS", "COORDINATION"],
};

const UNIT_KINDS: Record<UnitKey, UnitKind> = {
  streetOffice: "STREET_OFFICE",
  residentsCommittee: "RESIDENTS_COMMITTEE",
  expropriationOffice: "EXPROPRIATION_OFFICE",
  lawFirm: "LAW_FIRM",
  enterpriseParty: "ENTERPRISE_PARTY_ORG",
  publicHousingManager: "PUBLIC_HOUSING_MANAGER",
};

const STYLE_BY_KIND: Record<ProjectKind, HousingStyle> = { OLD_DISTRICT: "LANE", SHANTYTOWN: "ESTATE", VILLAGE: "VILLAGE" };

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

const DEFAULT_COMPENSATION: Record<ProjectKind, CompensationPreset> = {
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

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// ───────── Helpers ─────────

function weightsOf<T extends string>(record: Partial<Record<T, number>>): [T, number][] {
  return (Object.entries(record) as [T, number][]).filter(([, w]) => w > 0);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function money(n: number): string {
  return n.toFixed(2);
}

function percent(numerator: number, denominator: number): string {
  return `${formatPercent(ratio(numerator, denominator)) ?? "0.00"}%`;
}

/** ⌈threshold × eligible⌉ households, by the same rule the portal shows. */
function requiredCount(threshold: number, eligible: number): number {
  return requiredForThreshold(eligible, thresholdBasisPoints(threshold));
}

/** Indices 0..n-1 in a random order. */
function shuffledIndices(rng: Rng, n: number): number[] {
  return rng.shuffle(Array.from({ length: n }, (_, i) => i));
}

type Address = { lane: string | null; building: string; number: string | null; room: string | null; address: string };

function layoutAddresses(rng: Rng, style: HousingStyle, n: number, where: { district: string; street: string; places: SeedProjectOptions["places"] }): Address[] {
  const out: Address[] = [];
  if (style === "LANE") {
    const roads = where.places?.roads ?? rng.shuffle([...SHANGHAI_ROADS]).slice(0, 3);
    const nextLaneNo = roads.map(() => rng.int(40, 180) * 2 + 1);
    for (let laneIndex = 0; out.length < n; laneIndex++) {
      const roadIndex = laneIndex % roads.length;
      const road = roads[roadIndex]!;
      const laneNo = nextLaneNo[roadIndex]!;
      nextLaneNo[roadIndex] = laneNo + rng.int(4, 20) * 2;
      const numbers = rng.int(18, 40);
      for (let num = 1; num <= numbers && out.length < n; num++) {
        const rooms = rng.int(3, 8);
        for (let r = 0; r < rooms && out.length < n; r++) {
          const room = SHIKUMEN_ROOMS[r]!;
          out.push({
            lane: `${road}${laneNo}弄`,
            building: `${laneNo}弄${num}号`,
            number: `${num}号`,
            room,
            address: `${where.district}${road}${laneNo}弄${num}号${room}`,
          });
        }
      }
    }
  } else if (style === "ESTATE") {
    const estates = where.places?.estates ?? SHENZHEN_ESTATES.slice(0, 6);
    let buildingNo = 0;
    for (let b = 0; out.length < n; b++) {
      const estate = estates[b % estates.length]!;
      if (b % estates.length === 0) buildingNo++;
      const floors = rng.int(6, 8);
      const perFloor = rng.int(4, 6);
      for (let floor = 1; floor <= floors && out.length < n; floor++) {
        for (let unit = 1; unit <= perFloor && out.length < n; unit++) {
          const room = `${floor}${pad(unit, 2)}`;
          out.push({
            lane: estate,
            building: `${estate}${buildingNo}栋`,
            number: `${buildingNo}栋`,
            room,
            address: `${where.district}${where.street}${estate}${buildingNo}栋${room}`,
          });
        }
      }
    }
  } else {
    const village = where.places?.village ?? "示范村";
    for (let t = 0; out.length < n; t++) {
      const team = t < VILLAGE_TEAMS.length ? VILLAGE_TEAMS[t]! : `${chineseNumber(t + 1)}组`;
      const houses = rng.int(24, 45);
      for (let k = 1; k <= houses && out.length < n; k++) {
        out.push({
          lane: village,
          building: `${village}${team}`,
          number: `${k}号`,
          room: null,
          address: `${where.district}${where.street}${village}${team}${k}号`,
        });
      }
    }
  }
  return out;
}

function floorAreaFor(rng: Rng, style: HousingStyle): number {
  switch (style) {
    case "LANE":
      // 旧里 rooms are small: most certificates are 10–30 m².
      return Math.min(75, Math.max(6, Math.exp(rng.normal(Math.log(17), 0.42))));
    case "ESTATE":
      return Math.min(130, Math.max(32, rng.normal(68, 16)));
    case "VILLAGE":
      return Math.min(460, Math.max(90, rng.normal(235, 60)));
  }
}

// ───────── The generator ─────────

export function planProject(options: SeedProjectOptions = {}): ProjectPlanResult {
  const anchor = options.anchor ?? todayInShanghai();
  const cal = createCalendar(anchor);
  const code =
    options.code ??
    `P-${(options.seed !== undefined ? hashString(String(options.seed)).toString(36) : randomUUID().slice(0, 8)).toUpperCase()}`;
  const root = createRng(`${options.seed ?? code}|${code}`);
  const rIds = root.fork("ids");
  const id = (atMs: number) => rIds.uuid7(atMs);

  const kind: ProjectKind = options.kind ?? "OLD_DISTRICT";
  const style = options.housing ?? STYLE_BY_KIND[kind];
  const district = options.district ?? "示范区";
  const street = options.street ?? "示范街道";
  const name = options.name ?? `${code}项目`;
  const prefix = options.householdCodePrefix ?? code.split("-").pop()!;
  const regionSet: RegionSet = options.regionSet ?? (style === "ESTATE" ? "SHENZHEN" : "SHANGHAI");
  const nameRegion: NameRegion = options.nameRegion ?? (regionSet === "SHENZHEN" ? "GUANGDONG" : "SHANGHAI");
  const staffPassword = options.staffPassword ?? "lianxin123";
  const phoneBlock = options.phoneBlock ?? 1000 + (hashString(code) % 9000);
  const firstRoundThreshold = options.firstRoundThreshold ?? 0.9;
  const signingThreshold = options.signingThreshold ?? 0.85;
  const activity = options.activity ?? {};

  // Schedule: anything not given is derived backwards from the signing start.
  const given = options.schedule ?? {};
  const signingStart = given.signingStart ?? -14;
  const signingEnd = given.signingEnd ?? signingStart + 42;
  const consultationEnd = given.consultationEnd ?? signingStart - 12;
  const consultationStart = given.consultationStart ?? consultationEnd - 14;
  const noticeEnd = given.noticeEnd ?? consultationStart - 6;
  const noticeStart = given.noticeStart ?? noticeEnd - 29;
  const branchEstablished = given.branchEstablished ?? noticeStart - 15;
  const schedule: ProjectSchedule = { branchEstablished, noticeStart, noticeEnd, consultationStart, consultationEnd, signingStart, signingEnd };
  const order = [branchEstablished, noticeStart, noticeEnd, consultationStart, consultationEnd, signingStart, signingEnd];
  for (let i = 1; i < order.length; i++) {
    if (order[i]! < order[i - 1]!) throw new RangeError(`schedule of ${code} is out of order: ${JSON.stringify(schedule)}`);
  }
  const setupAt = cal.at(branchEstablished, 9).getTime();

  const plan = emptyPlan();

  // ── Units ──
  const rUnits = root.fork("units");
  const unitKeys: UnitKey[] = ["streetOffice", "residentsCommittee", "expropriationOffice", "lawFirm", "enterpriseParty"];
  if (kind === "OLD_DISTRICT" || options.units?.publicHousingManager || options.unitNames?.publicHousingManager) unitKeys.push("publicHousingManager");
  const defaultUnitName: Record<UnitKey, string> = {
    streetOffice: `${street}办事处`,
    residentsCommittee: `${name}所在居民委员会`,
    expropriationOffice: `${district}房屋征收事务所`,
    lawFirm: `${district}律师事务所`,
    enterpriseParty: `${street}区域企业联合党委`,
    publicHousingManager: `${district}公房管理中心`,
  };
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
      name: options.unitNames?.[key] ?? `${defaultUnitName[key]}（${code}）`,
      kind: UNIT_KINDS[key],
      district,
      createdAt: new Date(setupAt),
    });
  }

  // ── Staff ──
  const rStaff = root.fork("staff");
  let phoneSeq = 0;
  const nextPhone = () => `139${pad(phoneBlock % 10_000, 4)}${pad(++phoneSeq, 4)}`;
  const staffUnitWeights: [UnitKey, number][] =
    kind === "SHANTYTOWN"
      ? [["streetOffice", 3], ["expropriationOffice", 2], ["residentsCommittee", 1]]
      : [["expropriationOffice", 3], ["residentsCommittee", 2], ["streetOffice", 1], ...(units.publicHousingManager ? [["publicHousingManager", 1] as [UnitKey, number]] : [])];

  type Staff = { id: string; name: string; isPartyMember: boolean; unitId: string };
  const staffById = new Map<string, Staff>();
  const makeStaff = (unitKey: UnitKey, partyShare: number, account?: Partial<StaffAccount>): Staff => {
    const staffId = id(setupAt);
    // Draw the generated attributes even when an account overrides them, so naming one account
    // does not shift everyone else's name.
    const generatedName = randomPersonName(rStaff, { birthYear: rStaff.int(1966, 1998), region: nameRegion });
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
      password: account?.password ?? staffPassword,
      isPartyMember: staff.isPartyMember,
      unitId: staff.unitId,
      createdAt: new Date(setupAt),
      updatedAt: new Date(setupAt),
    });
    staffById.set(staffId, staff);
    return staff;
  };

  // Secretary and commander are Party members whatever the draw.
  const secretary = makeStaff("residentsCommittee", 1, { isPartyMember: true, ...options.accounts?.secretary });
  const commander = makeStaff(kind === "OLD_DISTRICT" ? "expropriationOffice" : "streetOffice", 1, { isPartyMember: true, ...options.accounts?.commander });

  plan.projectMemberships.push(
    { id: id(setupAt), projectId: "", userId: secretary.id, role: "SECRETARY", createdAt: new Date(setupAt) },
    { id: id(setupAt), projectId: "", userId: commander.id, role: "COMMANDER", createdAt: new Date(setupAt) },
  );

  const projectId = id(setupAt);
  for (const m of plan.projectMemberships) m.projectId = projectId;

  // ── Groups ──
  const signingGroupCount = Math.max(1, options.signingGroups ?? 2);
  const membersPerSigning = options.membersPerSigningGroup ?? 3;
  const membersPerSpecial = options.membersPerSpecialGroup ?? 2;
  const specialties = options.specialGroups ?? [];
  const signingGroups: PlannedGroup[] = [];
  const specialGroups: PlannedGroup[] = [];

  const addGroup = (groupName: string, specialty: GroupSpecialty | null, leader: Staff, members: Staff[]): PlannedGroup => {
    const groupId = id(setupAt);
    plan.workingGroups.push({
      id: groupId,
      projectId,
      kind: specialty ? "SPECIAL" : "SIGNING",
      specialty,
      name: groupName,
      createdAt: new Date(setupAt),
    });
    plan.workingGroupMembers.push({ id: id(setupAt), groupId, userId: leader.id, role: "LEADER", unitId: leader.unitId, createdAt: new Date(setupAt) });
    for (const m of members) plan.workingGroupMembers.push({ id: id(setupAt), groupId, userId: m.id, role: "MEMBER", unitId: m.unitId, createdAt: new Date(setupAt) });
    return { id: groupId, name: groupName, specialty, leaderId: leader.id, memberIds: members.map((m) => m.id), partyGroupId: null };
  };

  for (let g = 0; g < signingGroupCount; g++) {
    const leader = makeStaff(kind === "SHANTYTOWN" ? "streetOffice" : "expropriationOffice", 0.9, options.accounts?.signingGroupLeaders?.[g]);
    const named = (options.accounts?.signingGroupMembers ?? []).filter((m) => m.group === g).map((m) => m.account);
    const members = Array.from({ length: Math.max(membersPerSigning, named.length) }, (_, k) =>
      makeStaff(rStaff.weighted(staffUnitWeights), 0.65, named[k]),
    );
    signingGroups.push(addGroup(`签约${chineseNumber(g + 1)}组`, null, leader, members));
  }
  for (const specialty of specialties) {
    const unitKey = SPECIALTY_UNIT[specialty];
    const leader = makeStaff(unitKey, 0.85);
    const members = Array.from({ length: membersPerSpecial }, () => makeStaff(rStaff.chance(0.6) ? unitKey : rStaff.weighted(staffUnitWeights), 0.6));
    specialGroups.push(addGroup(SPECIALTY_NAMES[specialty], specialty, leader, members));
  }

  // ── Party branch and Party groups ──
  const branchId = id(setupAt);
  const branchKind: PartyBranchKind = options.branchKind ?? (kind === "VILLAGE" ? "JOINT" : "TEMPORARY");
  plan.partyBranches.push({
    id: branchId,
    projectId,
    name: options.branchName ?? `${name}${branchKind === "JOINT" ? "联合党支部" : "临时党支部"}`,
    kind: branchKind,
    secretaryId: secretary.id,
    establishedAt: cal.date(branchEstablished),
    createdAt: new Date(setupAt),
  });
  for (const staff of staffById.values()) {
    if (!staff.isPartyMember) continue;
    plan.partyBranchMembers.push({ id: id(setupAt), branchId, userId: staff.id, unitId: staff.unitId, joinedAt: cal.at(branchEstablished, 10) });
  }
  const partyGroupsIn = [...signingGroups, ...((options.partyGroupsInSpecialGroups ?? kind === "SHANTYTOWN") ? specialGroups : [])];
  for (const group of partyGroupsIn) {
    const candidates = [group.leaderId, ...group.memberIds].filter((uid) => staffById.get(uid)?.isPartyMember);
    const partyGroupId = id(setupAt);
    group.partyGroupId = partyGroupId;
    plan.partyGroups.push({
      id: partyGroupId,
      branchId,
      workingGroupId: group.id,
      name: `${group.name}党小组`,
      leaderId: candidates[0] ?? null,
      createdAt: new Date(setupAt),
    });
  }

  // ── Households ──
  const rHouse = root.fork("households");
  const rPeople = root.fork("people");
  const n = Math.max(0, options.households ?? 60);
  const excludedCount = Math.min(n, options.excludedHouseholds ?? 0);
  const eligibleCount = n - excludedCount;
  const partyCount = Math.min(eligibleCount, options.partyMemberHouseholds ?? Math.round(eligibleCount * 0.08));
  const addresses = layoutAddresses(rHouse, style, n, { district, street, places: options.places });
  const codeWidth = Math.max(4, String(n).length);

  const permutation = shuffledIndices(rHouse, n);
  const isExcluded = new Uint8Array(n);
  for (let k = 0; k < excludedCount; k++) isExcluded[permutation[k]!] = 1;
  const isParty = new Uint8Array(n);
  for (let k = 0; k < partyCount; k++) isParty[permutation[excludedCount + k]!] = 1;

  // 包干: each signing group owns a contiguous run of whole buildings.
  const groupOf = new Int32Array(n);
  {
    let g = 0;
    for (let i = 0; i < n; i++) {
      const buildingChanged = i > 0 && addresses[i]!.building !== addresses[i - 1]!.building;
      if (buildingChanged && g < signingGroupCount - 1 && i >= ((g + 1) * n) / signingGroupCount) g++;
      groupOf[i] = g;
    }
  }

  const locationWeights = weightsOf({ ...DEFAULT_LOCATIONS[style], ...options.ownerLocations });
  const tenureWeights = weightsOf({ ...DEFAULT_TENURES[style], ...options.tenures });
  const anchorYear = cal.year(0);
  const importAt = cal.at(noticeStart - 7, 10).getTime();

  type HouseholdState = {
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
  const households: HouseholdState[] = [];
  const sizeWeights: [number, number][] =
    style === "LANE" ? [[1, 25], [2, 35], [3, 25], [4, 10], [5, 5]] : style === "ESTATE" ? [[1, 15], [2, 30], [3, 30], [4, 17], [5, 8]] : [[2, 15], [3, 30], [4, 25], [5, 18], [6, 8], [7, 4]];
  const headBirth: [number, number] = style === "LANE" ? [1932, 1978] : style === "ESTATE" ? [1950, 1990] : [1940, 1985];

  for (let i = 0; i < n; i++) {
    const addr = addresses[i]!;
    const householdId = id(importAt);
    const ownerLocation = rHouse.weighted(locationWeights);
    const tenure = rHouse.weighted(tenureWeights);
    const floorArea = Math.round(floorAreaFor(rHouse, style) * 100) / 100;
    const livingArea = style === "VILLAGE" ? null : Math.round(floorArea * rHouse.float(0.62, 0.8) * 100) / 100;
    const size = rHouse.weighted(sizeWeights);
    const hasPhone = rHouse.chance(0.88);
    const phone = randomMobile(rHouse);
    const isHardship = rHouse.chance(style === "LANE" ? 0.07 : 0.04);
    const hasDispute = rHouse.chance(style === "VILLAGE" ? 0.08 : 0.05);

    // Members: head first, then spouse, children, a parent or grandchildren.
    const headSex = rPeople.chance(0.6) ? "M" : "F";
    const headYear = rPeople.int(headBirth[0], headBirth[1]);
    const headSurname = randomSurname(rPeople, nameRegion);
    const region = randomRegionCode(rPeople, regionSet, ownerLocation);
    type Person = { name: string; relation: string; year: number; sex: "M" | "F" };
    const people: Person[] = [{ name: randomPersonName(rPeople, { sex: headSex, birthYear: headYear, surname: headSurname }), relation: "户主", year: headYear, sex: headSex }];
    if (size >= 2 && rPeople.chance(0.8)) {
      const sex = headSex === "M" ? "F" : "M";
      const year = Math.min(anchorYear - 20, headYear + rPeople.int(-4, 4));
      people.push({ name: randomPersonName(rPeople, { sex, birthYear: year, region: nameRegion }), relation: "配偶", year, sex });
    }
    const familySurname = headSex === "M" ? headSurname : randomSurname(rPeople, nameRegion);
    while (people.length < size) {
      const roll = rPeople.next();
      let person: Person;
      if (roll < 0.6 && headYear + 22 <= anchorYear) {
        const sex = rPeople.chance(0.5) ? "M" : "F";
        const year = Math.min(anchorYear - 1, headYear + rPeople.int(22, 34));
        person = { name: randomPersonName(rPeople, { sex, birthYear: year, surname: familySurname }), relation: sex === "M" ? "儿子" : "女儿", year, sex };
      } else if (roll < 0.75 && headYear >= 1950) {
        const sex = rPeople.chance(0.4) ? "M" : "F";
        const year = Math.max(1925, headYear - rPeople.int(22, 32));
        person = { name: randomPersonName(rPeople, { sex, birthYear: year, surname: sex === "M" ? headSurname : undefined, region: nameRegion }), relation: sex === "M" ? "父亲" : "母亲", year, sex };
      } else {
        const sex = rPeople.chance(0.5) ? "M" : "F";
        const year = Math.min(anchorYear - 1, headYear + rPeople.int(46, 62));
        person = { name: randomPersonName(rPeople, { sex, birthYear: year, surname: familySurname }), relation: sex === "M" ? "孙子" : "孙女", year, sex };
      }
      people.push(person);
    }
    const partyMemberIndex = isParty[i] ? (people.length > 1 && rPeople.chance(0.25) ? 1 : 0) : -1;
    for (let p = 0; p < people.length; p++) {
      const person = people[p]!;
      const personRegion = p === 0 || rPeople.chance(0.7) ? region : randomRegionCode(rPeople, regionSet);
      plan.householdMembers.push({
        id: id(importAt),
        householdId,
        name: person.name,
        relation: person.relation,
        idNumber: syntheticIdNumber(rPeople, personRegion, person.year, person.sex),
        isPartyMember: p === partyMemberIndex,
        createdAt: new Date(importAt),
      });
    }
    const isElderly = headYear < anchorYear - 75 ? rHouse.chance(0.5) : rHouse.chance(0.05);
    const residentCount = style === "LANE" ? (rHouse.chance(0.15) ? 0 : rHouse.int(1, people.length)) : people.length;

    const code = `${prefix}-${pad(i + 1, codeWidth)}`;
    plan.households.push({
      id: householdId,
      projectId,
      code,
      lane: addr.lane,
      building: addr.building,
      number: addr.number,
      room: addr.room,
      address: addr.address,
      tenure,
      headName: people[0]!.name,
      phone: hasPhone ? phone : null,
      registeredPopulation: people.length,
      residentCount,
      floorArea: money(floorArea),
      livingArea: livingArea === null ? null : money(livingArea),
      ownerLocation,
      isPartyMemberHousehold: isParty[i] === 1,
      isHardship,
      isElderlySickDisabled: isElderly,
      hasFamilyDispute: hasDispute,
      signingGroupId: signingGroups[groupOf[i]!]!.id,
      isExcluded: isExcluded[i] === 1,
      exclusionReason: isExcluded[i] ? rHouse.pick(["产权人下落不明，依法另行处理", "权属争议诉讼中，暂不纳入统计", "房屋已由单位自管，另行协商"]) : null,
      createdAt: new Date(importAt),
      updatedAt: new Date(importAt),
    });
    households.push({
      index: i,
      id: householdId,
      code,
      group: groupOf[i]!,
      headName: people[0]!.name,
      population: people.length,
      floorArea,
      ownerLocation,
      isParty: isParty[i] === 1,
      isExcluded: isExcluded[i] === 1,
      isHardship,
      isElderly,
      hasDispute,
      vote: null,
      signedAt: null,
      signDay: null,
    });
  }
  const eligible = households.filter((h) => !h.isExcluded);
  const householdByCode = new Map(households.map((h) => [h.code, h]));
  const keepUnsigned = new Set<string>();
  for (const resident of options.accounts?.residents ?? []) {
    const h = householdByCode.get(resident.householdCode);
    if (!h) throw new RangeError(`resident account for unknown household ${resident.householdCode} in ${code}`);
    if (resident.keepUnsigned) keepUnsigned.add(h.id);
  }

  // ── First-round consultation (一轮征询) ──
  const rVote = root.fork("votes");
  const voteLastDay = Math.min(consultationEnd, -1);
  let agreeCount = 0;
  let disagreeCount = 0;
  if (voteLastDay >= consultationStart) {
    const fr = options.firstRound ?? {};
    agreeCount = Math.min(eligible.length, fr.agree ?? Math.round((fr.agreeShare ?? 0.95) * eligible.length));
    disagreeCount = Math.min(eligible.length - agreeCount, fr.disagree ?? Math.round((fr.disagreeShare ?? 0.02) * eligible.length));
    const scored = eligible.map((h) => ({
      h,
      score: rVote.next() + (h.isParty ? -2 : 0) + (h.hasDispute ? 0.4 : 0) + (h.ownerLocation === "LOCAL" ? 0 : 0.25),
    }));
    scored.sort((a, b) => a.score - b.score);
    const days = voteLastDay - consultationStart + 1;
    const dayWeights = Array.from({ length: days }, (_, d) => [d, Math.exp(-d / 3) + 0.3] as const);
    for (let k = 0; k < agreeCount + disagreeCount; k++) {
      const h = scored[k]!.h;
      h.vote = k < agreeCount ? "AGREE" : "DISAGREE";
      const row = plan.households[h.index]!;
      row.firstRoundVote = h.vote;
      row.firstRoundVotedAt = cal.at(consultationStart + rVote.weighted(dayWeights), Math.round((8.5 + rVote.next() * 11.5) * 60) / 60);
      row.updatedAt = row.firstRoundVotedAt;
    }
  }

  // ── Signings (二轮征询签约) ──
  const rSign = root.fork("signings");
  const signLastDay = Math.min(signingEnd, -1);
  const signingDays = Math.max(0, signLastDay - signingStart + 1);
  const signable = eligible.length - eligible.filter((h) => keepUnsigned.has(h.id)).length;
  const signedTarget =
    options.signed ?? Math.round((options.signedShare ?? (signingDays > 0 ? 0.5 : 0)) * eligible.length);
  if (signedTarget > signable) throw new RangeError(`${code}: ${signedTarget} signed requested but only ${signable} households can sign`);
  if (signedTarget > 0 && signingDays === 0) throw new RangeError(`${code}: signings requested but the signing period has not started before the anchor`);
  const firstDay =
    signingDays === 1
      ? signedTarget
      : options.firstDaySigned ?? (options.firstDayShare !== undefined ? Math.round(options.firstDayShare * eligible.length) : Math.round(signedTarget * 0.45));
  if (firstDay > signedTarget) throw new RangeError(`${code}: first-day signings (${firstDay}) exceed total signings (${signedTarget})`);
  const decay = options.signingCurve?.decayDays ?? Math.max(1.5, signingDays / 6);
  const curveFloor = options.signingCurve?.floor ?? 0.12;
  const laterWeights = Array.from({ length: Math.max(0, signingDays - 1) }, (_, d) => Math.exp(-(d + 1) / decay) + curveFloor);
  const dayCounts = signingDays === 0 ? [] : [firstDay, ...apportion(signedTarget - firstDay, laterWeights)];

  const remoteDelay = options.remoteOwnerDelay ?? 0.25;
  const signOrder = eligible
    .map((h) => ({
      h,
      score:
        rSign.next() +
        // 党员带头: Party-member households sign early, unless a family dispute holds them back.
        (h.isParty ? -0.6 : 0) +
        (h.vote === "DISAGREE" ? 1 : h.vote === null ? 0.5 : 0) +
        (h.hasDispute ? 0.5 : 0) +
        (h.isHardship ? 0.15 : 0) +
        (h.ownerLocation === "LOCAL" ? 0 : remoteDelay) +
        (keepUnsigned.has(h.id) ? 1000 : 0),
    }))
    .sort((a, b) => a.score - b.score);

  type PlannedSigning = { h: HouseholdState; at: Date; day: number };
  const planned: PlannedSigning[] = [];
  {
    let k = 0;
    for (let d = 0; d < dayCounts.length; d++) {
      const day = signingStart + d;
      for (let c = 0; c < dayCounts[d]!; c++, k++) {
        // Launch day: queues from early morning, most signed before lunch.
        const hour = d === 0 ? 8 + 10.5 * Math.pow(rSign.next(), 1.7) : 9 + 11 * rSign.next();
        planned.push({ h: signOrder[k]!.h, at: cal.at(day, Math.round(hour * 60) / 60), day });
      }
    }
  }
  planned.sort((a, b) => a.at.getTime() - b.at.getTime() || a.h.index - b.h.index);
  const agreementYear = cal.year(signingStart);
  const groupStaff = signingGroups.map((g) => [g.leaderId, ...g.memberIds]);
  const signedPerGroupDay = new Map<string, number>();
  planned.forEach((s, k) => {
    s.h.signedAt = s.at;
    s.h.signDay = s.day;
    const channel: SigningChannel = (() => {
      switch (s.h.ownerLocation) {
        case "LOCAL":
          return rSign.chance(s.h.isElderly ? 0.45 : 0.08) ? "HOME_VISIT" : "ON_SITE";
        case "OTHER_CITY":
        case "OTHER_PROVINCE":
          return rSign.weighted([["HOME_VISIT", 0.6], ["NOTARIZED_PROXY", 0.25], ["REMOTE_VIDEO", 0.15]] as const);
        case "HK_MACAO_TW":
          return rSign.weighted([["REMOTE_VIDEO", 0.55], ["NOTARIZED_PROXY", 0.45]] as const);
        case "OVERSEAS":
          return rSign.weighted([["REMOTE_VIDEO", 0.5], ["NOTARIZED_PROXY", 0.5]] as const);
      }
    })();
    const staff = groupStaff[s.h.group]!;
    plan.signings.push({
      id: id(s.at.getTime()),
      projectId,
      householdId: s.h.id,
      agreementNumber: `${code}-${agreementYear}-${pad(k + 1, Math.max(5, String(planned.length).length))}`,
      channel,
      signedAt: s.at,
      recordedById: rSign.chance(0.3) ? staff[0]! : rSign.pick(staff),
      createdAt: s.at,
    });
    const row = plan.households[s.h.index]!;
    row.updatedAt = s.at;
    const key = `${s.h.group}:${s.day}`;
    signedPerGroupDay.set(key, (signedPerGroupDay.get(key) ?? 0) + 1);
  });

  const thresholdCount = requiredCount(signingThreshold, eligible.length);
  const effectiveAt = planned.length >= thresholdCount && thresholdCount > 0 ? planned[thresholdCount - 1]!.at : null;
  const signingFailedAt = !effectiveAt && signingEnd < 0 && eligible.length > 0 ? cal.at(signingEnd + 1, 0) : null;

  // ── Move-outs (搬迁) and hand-overs (交房): only once the agreements are effective ──
  const rMove = root.fork("moves");
  let movedOut = 0;
  let handedOver = 0;
  if (effectiveAt) {
    const effectiveDay = cal.offsetOf(effectiveAt);
    const windowEnd = Math.min(-1, effectiveDay + (options.relocationDays ?? 30));
    const share = options.movedOutShare ?? 0;
    const movers = rMove.shuffle(planned.slice()).slice(0, Math.round(share * planned.length));
    for (const s of movers) {
      const earliest = Math.max(s.day, effectiveDay) + 1;
      if (earliest > -1) continue;
      const day = earliest <= windowEnd ? rMove.int(earliest, windowEnd) : Math.min(-1, earliest + rMove.int(0, 5));
      const row = plan.households[s.h.index]!;
      row.movedOutAt = cal.at(day, 8 + rMove.next() * 9);
      row.updatedAt = row.movedOutAt;
      movedOut++;
      const handDay = Math.min(-1, day + rMove.int(0, 3));
      row.handedOverAt = new Date(Math.max(row.movedOutAt.getTime() + HOUR, cal.at(handDay, 9 + rMove.next() * 8).getTime()));
      row.updatedAt = row.handedOverAt;
      handedOver++;
    }
  }

  const allMovedOut = eligible.length > 0 && movedOut === eligible.length;
  const phase: ProjectPhase =
    options.phase ??
    (allMovedOut
      ? "CLEARED"
      : signingFailedAt
        ? "SIGNING"
        : signingEnd < 0 && effectiveAt
          ? "RELOCATION"
          : signingStart <= 0
            ? "SIGNING"
            : consultationStart <= 0
              ? "FIRST_CONSULTATION"
              : noticeStart <= 0
                ? "NOTICE"
                : "PREPARATION");
  const isActive = phase !== "CLEARED" && phase !== "CLOSED";

  plan.projects.push({
    id: projectId,
    code,
    name,
    kind,
    district,
    street,
    phase,
    noticeStart: cal.date(noticeStart),
    noticeEnd: cal.date(noticeEnd),
    consultationStart: cal.date(consultationStart),
    consultationEnd: cal.date(consultationEnd),
    signingStart: cal.date(signingStart),
    signingEnd: cal.date(signingEnd),
    firstRoundThreshold: signingThresholdString(firstRoundThreshold),
    signingThreshold: signingThresholdString(signingThreshold),
    countingUnit: options.countingUnit ?? (style === "LANE" ? "CERTIFICATE" : style === "ESTATE" ? "DWELLING" : "HOUSEHOLD"),
    isPublished: options.isPublished ?? true,
    agreementsEffectiveAt: effectiveAt,
    signingFailedAt,
    createdAt: new Date(setupAt),
    updatedAt: new Date(setupAt),
  });

  // ── Resident accounts ──
  for (const resident of options.accounts?.residents ?? []) {
    const h = householdByCode.get(resident.householdCode)!;
    plan.users.push({
      id: id(importAt),
      role: "RESIDENT",
      name: h.headName,
      phone: null,
      password: resident.accessCode,
      householdId: h.id,
      createdAt: new Date(importAt),
      updatedAt: new Date(importAt),
    });
  }

  // ── Visits (走访日志), and the tasks they closed ──
  const rVisit = root.fork("visits");
  const visitsPerHousehold = activity.visitsPerHousehold ?? 3;
  const visitsPerGroupDay = new Map<string, number>();
  const lastVisitAttitude = new Map<string, Attitude>();
  const addVisit = (h: HouseholdState, at: Date, channel: VisitChannel, attitude: Attitude, authorId: string, partnerId: string | null, closesTask: boolean) => {
    const visitId = id(at.getTime());
    let taskId: string | null = null;
    if (closesTask) {
      taskId = id(at.getTime() - 2 * DAY);
      const createdAt = new Date(at.getTime() - rVisit.int(1, 3) * DAY);
      plan.tasks.push({
        id: taskId,
        projectId,
        householdId: h.id,
        assigneeId: authorId,
        assignedById: groupStaff[h.group]![0]!,
        kind: channel === "PHONE" || channel === "WECHAT" || channel === "VIDEO" ? "PHONE_CALL" : h.hasDispute ? "MEDIATION" : "HOME_VISIT",
        dueDate: cal.date(cal.offsetOf(at)),
        priority: "NORMAL",
        status: "DONE",
        completedAt: at,
        createdAt,
        updatedAt: at,
      });
    }
    plan.visitLogs.push({
      id: visitId,
      projectId,
      householdId: h.id,
      authorId,
      taskId,
      visitedAt: at,
      channel,
      summary: texts.visitSummary(rVisit, attitude, channel),
      attitude,
      nextStep: h.signedAt && at.getTime() >= h.signedAt.getTime() - DAY ? null : texts.visitNextStep(rVisit, attitude),
      createdAt: at,
    });
    if (partnerId && partnerId !== authorId) plan.visitParticipants.push({ visitLogId: visitId, userId: partnerId });
    const key = `${h.group}:${cal.offsetOf(at)}`;
    visitsPerGroupDay.set(key, (visitsPerGroupDay.get(key) ?? 0) + 1);
    lastVisitAttitude.set(h.id, attitude);
  };

  if (noticeStart <= -1 && visitsPerHousehold > 0) {
    for (const h of eligible) {
      const staff = groupStaff[h.group]!;
      const endDay = h.signDay ?? -1;
      if (endDay < noticeStart) continue;
      const signed = h.signedAt !== null;
      const mean = visitsPerHousehold * (signed ? 0.8 : 1.5) * (h.hasDispute ? 1.4 : 1);
      const count = Math.max(1, Math.round(mean * (0.4 + 1.2 * rVisit.next())));
      const span = endDay - noticeStart + 1;
      const days: number[] = [];
      for (let k = 0; k < count; k++) days.push(noticeStart + Math.min(span - 1, Math.floor(Math.pow(rVisit.next(), 0.6) * span)));
      if (!signed && rVisit.chance(0.6)) days[0] = Math.max(noticeStart, -rVisit.int(1, 7));
      days.sort((a, b) => a - b);
      const remote = h.ownerLocation !== "LOCAL";
      days.forEach((day, k) => {
        const isLast = k === days.length - 1;
        const attitude: Attitude = signed
          ? isLast
            ? "SUPPORTIVE"
            : rVisit.weighted([["SUPPORTIVE", 0.5], ["HESITANT", 0.45], ["OPPOSED", 0.05]] as const)
          : h.vote === "DISAGREE"
            ? rVisit.weighted([["OPPOSED", 0.6], ["HESITANT", 0.4]] as const)
            : rVisit.weighted([["HESITANT", 0.6], ["SUPPORTIVE", 0.3], ["OPPOSED", 0.1]] as const);
        const channel: VisitChannel = remote
          ? rVisit.weighted([["PHONE", 0.4], ["WECHAT", 0.35], ["VIDEO", 0.25]] as const)
          : rVisit.weighted([["DOOR", 0.62], ["PHONE", 0.18], ["WECHAT", 0.12], ["RECEPTION", 0.08]] as const);
        let at = cal.at(day, Math.round((9 + rVisit.next() * 11) * 60) / 60);
        if (h.signedAt && at.getTime() > h.signedAt.getTime() - 30 * 60_000) at = new Date(h.signedAt.getTime() - 30 * 60_000 - k * 60_000);
        const authorId = rVisit.chance(0.2) ? staff[0]! : rVisit.pick(staff.length > 1 ? staff.slice(1) : staff);
        const partnerId = rVisit.chance(0.55) ? rVisit.pick(staff) : null;
        addVisit(h, at, channel, attitude, authorId, partnerId, rVisit.chance(0.35));
      });
    }
  }
  if (noticeStart <= -1) {
    // Reception-room visits during the notice period (接待居民 … 人次).
    const receptionLastDay = Math.min(noticeEnd, -1);
    const receptionists = specialGroups.length > 0 ? specialGroups.flatMap((g) => [g.leaderId, ...g.memberIds]) : [secretary.id];
    const receptions = eligible.length === 0 ? 0 : (activity.receptionVisits ?? (visitsPerHousehold > 0 ? Math.round(eligible.length * 0.25) : 0));
    for (let k = 0; k < receptions; k++) {
      const h = rVisit.pick(eligible);
      const at = cal.at(rVisit.int(noticeStart, receptionLastDay), Math.round((9 + rVisit.next() * 8) * 60) / 60);
      if (h.signedAt && at >= h.signedAt) continue;
      const attitude = rVisit.weighted([["SUPPORTIVE", 0.5], ["HESITANT", 0.45], ["OPPOSED", 0.05]] as const);
      addVisit(h, at, "RECEPTION", attitude, rVisit.pick(receptionists), null, false);
    }
  }

  // ── Open tasks for households still to sign ──
  const rTask = root.fork("tasks");
  let openTasks = 0;
  if (isActive && noticeStart <= 0) {
    const share = activity.openTaskShare ?? 0.5;
    signingGroups.forEach((group, g) => {
      const unsigned = eligible.filter((h) => h.group === g && !h.signedAt);
      const chosen = rTask.shuffle(unsigned).slice(0, Math.ceil(unsigned.length * share));
      const assignees = group.memberIds.length > 0 ? group.memberIds : [group.leaderId];
      chosen.forEach((h, k) => {
        const attitude = lastVisitAttitude.get(h.id);
        const taskKind: TaskKind = h.hasDispute
          ? "MEDIATION"
          : h.isHardship
            ? "ASSISTANCE"
            : h.ownerLocation !== "LOCAL"
              ? "PHONE_CALL"
              : h.vote === "DISAGREE"
                ? "POLICY_BRIEFING"
                : attitude === "SUPPORTIVE"
                  ? "SIGNING_APPOINTMENT"
                  : "HOME_VISIT";
        const due = rTask.int(-4, 6);
        const createdDay = Math.min(due - rTask.int(1, 4), -1);
        const createdAt = cal.at(createdDay, 8.5 + rTask.next() * 2);
        const priority: TaskPriority = rTask.weighted([["URGENT", 0.08], ["HIGH", 0.25], ["NORMAL", 0.6], ["LOW", 0.07]] as const);
        const inProgress = rTask.chance(0.25);
        plan.tasks.push({
          id: id(createdAt.getTime()),
          projectId,
          householdId: h.id,
          assigneeId: assignees[k % assignees.length]!,
          assignedById: group.leaderId,
          kind: taskKind,
          dueDate: cal.date(due),
          priority,
          status: inProgress ? "IN_PROGRESS" : "OPEN",
          note: taskKind === "SIGNING_APPOINTMENT" ? "已表态支持，约定签约时间" : taskKind === "MEDIATION" ? "家庭内部意见不一，请律师一同上门" : null,
          createdAt,
          updatedAt: createdAt,
        });
        openTasks++;
      });
    });
  }

  // ── Demands (诉求) ──
  const rDemand = root.fork("demands");
  const conferenceId = options.conference === false ? null : id(setupAt);
  const specialtyGroup = new Map(specialGroups.map((g) => [g.specialty!, g]));
  if (noticeStart <= -1 && eligible.length > 0) {
    const demandCount = Math.round((activity.demandShare ?? 0.08) * eligible.length);
    const raisers = rDemand.shuffle(eligible.slice()).slice(0, demandCount);
    for (const h of raisers) {
      const category: DemandCategory = h.hasDispute
        ? "FAMILY_DISPUTE"
        : h.isHardship && rDemand.chance(0.6)
          ? "HARDSHIP"
          : rDemand.weighted([["COMPENSATION", 0.32], ["RESETTLEMENT_HOUSING", 0.22], ["POLICY_QUESTION", 0.28], ["OTHER", 0.1], ["HARDSHIP", 0.08]] as const);
      const endDay = h.signDay ?? -1;
      const createdAt = cal.at(rDemand.int(noticeStart, Math.max(noticeStart, endDay)), 9 + rDemand.next() * 9);
      if (h.signedAt && createdAt >= h.signedAt) createdAt.setTime(h.signedAt.getTime() - 2 * HOUR);
      const route = DEMAND_ROUTES[category].map((s) => specialtyGroup.get(s)).find(Boolean);
      const status = h.signedAt
        ? "RESOLVED"
        : rDemand.weighted([["OPEN", 0.35], ["IN_PROGRESS", 0.4], ["ESCALATED", conferenceId ? 0.1 : 0], ["RESOLVED", 0.15]] as const);
      const resolvedAt =
        status === "RESOLVED"
          ? new Date(Math.min((h.signedAt ?? cal.at(0, 0)).getTime() - HOUR, createdAt.getTime() + rDemand.int(1, 6) * DAY))
          : null;
      const escalatedAt = status === "ESCALATED" ? new Date(Math.min(cal.at(-1, 18).getTime(), createdAt.getTime() + rDemand.int(2, 8) * DAY)) : null;
      const staff = groupStaff[h.group]!;
      plan.demands.push({
        id: id(createdAt.getTime()),
        projectId,
        householdId: h.id,
        category,
        status,
        description: texts.demandDescription(rDemand, category),
        routedGroupId: route?.id ?? null,
        escalatedConferenceId: escalatedAt ? conferenceId : null,
        escalatedAt,
        resolution: resolvedAt ? texts.demandResolution(rDemand, category) : null,
        resolvedAt: resolvedAt && resolvedAt > createdAt ? resolvedAt : resolvedAt ? new Date(createdAt.getTime() + HOUR) : null,
        raisedById: rDemand.chance(0.8) ? rDemand.pick(staff) : null,
        createdAt,
        updatedAt: resolvedAt ?? escalatedAt ?? createdAt,
      });
    }
  }

  // ── Determinations (认定与公示) and objections ──
  const rDet = root.fork("determinations");
  const compensation = options.compensation ?? DEFAULT_COMPENSATION[kind];
  const disclosureStart = consultationEnd + 2;
  const disclosureEnd = disclosureStart + 9;
  if (disclosureStart <= -1) {
    const status = disclosureEnd < 0 ? "FINAL" : "DISCLOSED";
    const at = cal.at(disclosureStart, 9);
    for (const h of eligible) {
      const unitPrice = Math.round(compensation.valuationPerSqm * rDet.float(0.92, 1.08));
      const rows = [
        { kind: "POPULATION" as const, population: h.population, amount: null, details: { registered: h.population } },
        { kind: "AREA" as const, population: null, amount: money(h.floorArea), details: { floorArea: h.floorArea } },
        { kind: "VALUATION" as const, population: null, amount: money(unitPrice * h.floorArea), details: { unitPrice, floorArea: h.floorArea } },
      ];
      for (const row of rows) {
        const determinationId = id(at.getTime());
        plan.determinations.push({
          id: determinationId,
          householdId: h.id,
          kind: row.kind,
          status,
          population: row.population,
          amount: row.amount,
          details: row.details,
          disclosureStart: cal.date(disclosureStart),
          disclosureEnd: cal.date(disclosureEnd),
          createdAt: at,
          updatedAt: at,
        });
        if (row.kind !== "VALUATION" && rDet.chance(0.012)) {
          const raisedAt = cal.at(rDet.int(disclosureStart, Math.min(disclosureEnd, -1)), 10 + rDet.next() * 6);
          const resolved = disclosureEnd < 0;
          plan.objections.push({
            id: id(raisedAt.getTime()),
            determinationId,
            raisedBy: h.headName,
            content: rDet.pick(texts.OBJECTION_TEXTS),
            raisedAt,
            resolution: resolved ? rDet.pick(texts.OBJECTION_RESOLUTIONS) : null,
            resolvedAt: resolved ? new Date(Math.min(cal.at(-1, 17).getTime(), raisedAt.getTime() + rDet.int(2, 6) * DAY)) : null,
          });
        }
      }
    }
  }

  // ── Compensation policy (征收补偿方案) ──
  const policyId = id(cal.at(noticeStart, 9).getTime());
  const relocationEnd = signingEnd + (options.relocationDays ?? 30);
  plan.policies.push({
    id: policyId,
    projectId,
    name: compensation.name,
    guaranteedMinimum: compensation.guaranteedMinimum === undefined ? null : money(compensation.guaranteedMinimum),
    publishedAt: noticeStart <= -1 ? cal.at(noticeStart, 9) : null,
    createdAt: cal.at(noticeStart - 3, 10),
  });
  compensation.items.forEach((item, k) => {
    plan.compensationItems.push({
      id: id(cal.at(noticeStart, 9).getTime()),
      policyId,
      kind: item.kind,
      label: item.label,
      amount: item.kind === "VALUATION_TIMES_AREA" ? money(compensation.valuationPerSqm) : item.amount === undefined ? null : money(item.amount),
      rate: item.rate === undefined ? null : item.rate.toFixed(4),
      deadline: item.deadline === "SIGNING_END" ? cal.at(signingEnd, 24) : item.deadline === "RELOCATION_END" ? cal.at(relocationEnd, 24) : null,
      sortOrder: k + 1,
    });
  });

  // ── Notices (公告公示) ──
  const rNotice = root.fork("notices");
  const countingLabel = style === "LANE" ? "证" : style === "ESTATE" ? "套" : "户";
  const signedBy = (day: number) => planned.filter((s) => s.day <= day).length;
  type NoticeDraft = { kind: NoticeKind; day: number; title: string; body: string; window?: [number, number] };
  const notices: NoticeDraft[] = [
    {
      kind: "ANNOUNCEMENT",
      day: noticeStart,
      title: `${name}房屋征收公告`,
      body: `${name}征收范围内共涉及${n}${countingLabel}。征收补偿方案自${cal.zhFull(noticeStart)}起公示${noticeEnd - noticeStart + 1}天，欢迎居民到现场接待室咨询，或通过“连心”平台查看。`,
      window: [noticeStart, noticeEnd],
    },
    {
      kind: "POLICY",
      day: noticeStart,
      title: `${compensation.name}（公示稿）`,
      body: `补偿项目：${compensation.items.map((i) => i.label).join("；")}。${compensation.guaranteedMinimum ? `保底补偿${(compensation.guaranteedMinimum / 10_000).toFixed(0)}万元。` : ""}具体计算以认定结果和评估结果为准。`,
      window: [noticeStart, noticeEnd],
    },
  ];
  if (consultationEnd + 1 <= -1 && eligible.length > 0) {
    notices.push({
      kind: "ANNOUNCEMENT",
      day: consultationEnd + 1,
      title: "一轮征询结果公告",
      body: `一轮征询期间共有${agreeCount}${countingLabel}表示同意，同意率${percent(agreeCount, eligible.length)}，${agreeCount >= requiredCount(firstRoundThreshold, eligible.length) ? "达到" : "未达到"}${(firstRoundThreshold * 100).toFixed(0)}%的生效比例。`,
    });
  }
  notices.push(
    {
      kind: "DETERMINATIONS",
      day: disclosureStart,
      title: "人口与面积认定结果公示",
      body: `各户人口与面积认定结果自${cal.zh(disclosureStart)}起公示10天，对认定结果有异议的，可在公示期内向项目组提出书面复核申请。`,
      window: [disclosureStart, disclosureEnd],
    },
    {
      kind: "VALUATION",
      day: disclosureStart + 1,
      title: "房屋评估结果公示",
      body: `评估机构由居民投票选定，评估均价${compensation.valuationPerSqm.toLocaleString("en-US")}元/平方米，各户评估结果已分户公示。`,
      window: [disclosureStart + 1, disclosureEnd + 1],
    },
    {
      kind: "HOUSING",
      day: signingStart - 3,
      title: "安置房源公示",
      body: "本项目提供安置房源（含电梯房、低楼层房源），房源地段、户型、面积和交房时间均已公开，可预约实地看房。",
    },
    {
      kind: "ANNOUNCEMENT",
      day: signingStart - 1,
      title: "签约启动公告",
      body: `${cal.zhFull(signingStart)}起正式签约，签约期至${cal.zhFull(signingEnd)}。签约比例达到${(signingThreshold * 100).toFixed(0)}%时，协议生效。外地、境外业主可申请上门、远程视频或公证委托签约。`,
    },
  );
  if (signingDays > 0 && planned.length > 0) {
    notices.push({
      kind: "PROGRESS",
      day: signingStart,
      title: `签约首日进度`,
      body: `签约首日共签约${dayCounts[0]}${countingLabel}，首日签约率${percent(dayCounts[0]!, eligible.length)}。`,
    });
    if (effectiveAt) {
      const day = cal.offsetOf(effectiveAt);
      notices.push({
        kind: "PROGRESS",
        day,
        title: "签约比例达到生效条件公告",
        body: `截至${cal.zh(day)}，签约比例已达到${(signingThreshold * 100).toFixed(0)}%，本项目已签订的协议全部生效。`,
      });
    }
    if (signLastDay > signingStart) {
      const signedSoFar = signedBy(signLastDay);
      notices.push({
        kind: "PROGRESS",
        day: signLastDay,
        title: `签约进度（截至${cal.zh(signLastDay)}）`,
        body: `累计签约${signedSoFar}${countingLabel}，签约率${percent(signedSoFar, eligible.length)}。`,
      });
    }
  }
  if (allMovedOut) {
    const lastMove = plan.households.reduce((last, h) => (h.movedOutAt ? Math.max(last, cal.offsetOf(h.movedOutAt as Date)) : last), -Infinity);
    notices.push({ kind: "PROGRESS", day: Math.min(-1, lastMove + 1), title: "项目清零公告", body: `本项目${eligible.length}${countingLabel}已全部签约并完成搬迁，基地清零。感谢广大居民的理解和支持。` });
  }
  let draftAdded = false;
  for (const notice of notices.sort((a, b) => a.day - b.day)) {
    const published = notice.day <= -1;
    if (!published && draftAdded) continue;
    if (!published) draftAdded = true;
    const at = cal.at(Math.min(notice.day, -1), 9 + rNotice.next());
    plan.notices.push({
      id: id(at.getTime()),
      projectId,
      kind: notice.kind,
      title: notice.title,
      body: notice.body,
      attachments: [],
      publishedAt: published ? cal.at(notice.day, 9) : null,
      disclosureStart: notice.window ? cal.date(notice.window[0]) : null,
      disclosureEnd: notice.window ? cal.date(notice.window[1]) : null,
      createdById: secretary.id,
      createdAt: at,
      updatedAt: at,
    });
  }

  // ── Project joint conference (党建联席会议) ──
  const rMeet = root.fork("meetings");
  if (conferenceId && options.conference !== false) {
    const conf = options.conference ?? {};
    plan.conferences.push({ id: conferenceId, name: conf.name ?? `${name}党建联席会议`, level: "PROJECT", district, projectId, createdAt: new Date(setupAt) });
    const convenors = new Set(conf.convenorUnitIds ?? [units.streetOffice]);
    const memberUnits = [...new Set([...(conf.convenorUnitIds ?? []), ...unitKeys.map((k) => units[k]!), ...(conf.extraUnitIds ?? [])])];
    for (const unitId of memberUnits) {
      plan.conferenceMembers.push({ id: id(setupAt), conferenceId, unitId, isConvenor: convenors.has(unitId), joinedAt: new Date(setupAt) });
    }
  }

  // ── Meetings ──
  const staffName = (uid: string) => staffById.get(uid)!.name;
  const addMeeting = (kindOf: MeetingKind, day: number, hour: number, title: string, attendees: string[], extra: { minutes?: string; decisions?: string; location?: string; outsiders?: { name: string; unitId: string | null }[]; conference?: boolean } = {}) => {
    if (day > -1) return null;
    const heldAt = cal.at(day, hour);
    const meetingId = id(heldAt.getTime());
    plan.meetings.push({
      id: meetingId,
      kind: kindOf,
      title,
      projectId,
      conferenceId: extra.conference ? conferenceId : null,
      heldAt,
      location: extra.location ?? "项目现场指挥部会议室",
      minutes: extra.minutes ?? null,
      decisions: extra.decisions ?? null,
      createdById: secretary.id,
      createdAt: new Date(heldAt.getTime() + 2 * HOUR),
    });
    for (const uid of new Set(attendees)) plan.meetingAttendees.push({ id: id(heldAt.getTime()), meetingId, userId: uid, name: staffName(uid), unitId: staffById.get(uid)!.unitId });
    for (const o of extra.outsiders ?? []) plan.meetingAttendees.push({ id: id(heldAt.getTime()), meetingId, userId: null, name: o.name, unitId: o.unitId });
    return meetingId;
  };
  const partyStaff = [...staffById.values()].filter((s) => s.isPartyMember).map((s) => s.id);
  const branchMeetings = activity.branchMeetings ?? 3;
  for (let k = 0; k < branchMeetings; k++) {
    const day = Math.round(branchEstablished + ((k + 0.5) * (-1 - branchEstablished)) / Math.max(1, branchMeetings));
    addMeeting("BRANCH_MEETING", day, 18.5, `临时党支部${k === 0 ? "成立暨" : ""}第${chineseNumber(k + 1)}次支部会议`, [secretary.id, ...rMeet.shuffle(partyStaff.slice()).slice(0, 8)], {
      minutes: k === 0 ? "宣布临时党支部成立，明确各签约小组党小组设置和党员包干分工。" : "通报签约进展，分析未签约户情况，部署党员带头做好群众工作。",
      decisions: "党员干部分片包干，每日一汇报；党员户带头签约、带头搬迁。",
    });
  }
  const forums = Math.max(0, activity.residentForums ?? 3);
  const forumLastDay = Math.min(noticeEnd, -1);
  if (forumLastDay >= noticeStart) {
    for (let k = 0; k < forums; k++) {
      const day = noticeStart + Math.floor((k * (forumLastDay - noticeStart + 1)) / Math.max(1, forums));
      const h = eligible.length ? rMeet.pick(eligible) : null;
      addMeeting("RESIDENT_FORUM", day, rMeet.pick([9.5, 14, 19]), `居民座谈会（第${k + 1}场）`, [secretary.id, rMeet.pick(groupStaff.flat())], {
        location: "居民区活动室",
        minutes: "解读补偿方案，听取居民对评估、认定和安置房源的意见建议。",
        outsiders: h ? [{ name: h.headName, unitId: null }] : [],
      });
    }
  }
  // 签约组长例会: every evening of the signing period until everyone has signed.
  const lastSigningDay = planned.length ? planned[planned.length - 1]!.day : signingStart;
  const standupLastDay = planned.length === eligible.length ? Math.min(lastSigningDay, signLastDay) : signLastDay;
  for (let day = signingStart; day <= standupLastDay; day++) {
    const soFar = signedBy(day);
    addMeeting("LEADER_STANDUP", day, 19, `签约组长例会（${cal.zh(day)}）`, [secretary.id, commander.id, ...signingGroups.map((g) => g.leaderId)], {
      minutes: `当日签约${soFar - signedBy(day - 1)}${countingLabel}，累计${soFar}${countingLabel}，签约率${percent(soFar, eligible.length)}。`,
      decisions: "各组对未签约户逐户过堂，疑难户报临时党支部。",
    });
  }
  if (conferenceId) {
    const conferenceAttendees = [secretary.id, commander.id];
    const kickoff = addMeeting("JOINT_CONFERENCE", noticeStart - 5, 14, "党建联席会议第一次全体会议", conferenceAttendees, {
      conference: true,
      minutes: "明确联席会议成员单位职责，设立专项小组，建立工作例会和专题协调会制度。",
      decisions: "成立项目临时党支部；各成员单位抽调党员骨干进驻基地。",
    });
    const mid = addMeeting("JOINT_CONFERENCE", signingStart - 4, 14, "党建联席会议签约动员会", conferenceAttendees, {
      conference: true,
      minutes: "通报一轮征询结果，部署签约期工作。",
      decisions: "签约期内成员单位每周召开一次专题协调会。",
    });
    const coordinationDay = Math.min(-1, signingStart + Math.max(1, Math.floor(signingDays / 2)));
    const coordination = signingDays > 1 ? addMeeting("COORDINATION", coordinationDay, 15, "专题协调会：疑难户攻坚", [secretary.id, ...specialGroups.map((g) => g.leaderId)], {
      conference: true,
      minutes: "逐户研究家庭矛盾户、困难户和外地业主的签约方案。",
      decisions: "家庭纠纷户由人民调解员和律师联合调解；困难户按政策托底。",
    }) : null;
    const issues = [
      { title: "部分老年居民希望就近安置", description: "高龄、行动不便居民对安置房源地段顾虑较大。", meetingId: mid, decision: "协调增加近地段电梯房房源，优先保障高龄居民。" },
      { title: "家庭内部纠纷影响签约", description: "多户因继承、离婚等原因家庭成员意见不一。", meetingId: coordination, decision: "由律师团队和人民调解员提供免费调解服务。" },
      { title: "外地及境外业主签约渠道", description: "部分产权人在外地或境外，无法到现场签约。", meetingId: kickoff, decision: "组织党员签约先锋队上门，并开通远程视频与公证委托签约。" },
    ];
    for (const issue of issues) {
      const decided = issue.meetingId !== null;
      const decidedAt = decided ? plan.meetings.find((m) => m.id === issue.meetingId)!.heldAt as Date : null;
      const raisedAt = decidedAt ? new Date(decidedAt.getTime() - 3 * DAY) : cal.at(-2, 10);
      plan.conferenceIssues.push({
        id: id(raisedAt.getTime()),
        conferenceId,
        title: issue.title,
        description: issue.description,
        status: decided ? "DECIDED" : "OPEN",
        decision: decided ? issue.decision : null,
        meetingId: issue.meetingId,
        raisedAt,
        decidedAt,
      });
    }
  }
  if (kind === "VILLAGE") {
    // 三会: hearing, coordination and evaluation meetings with the villagers.
    addMeeting("HEARING", consultationStart - 3, 14, "征收补偿方案听证会", [secretary.id, commander.id], { location: "村委会会议室", minutes: "听取村民对补偿安置方案的意见。" });
    addMeeting("EVALUATION", signingEnd + 2, 14, "动迁工作评议会", [secretary.id, commander.id], { location: "村委会会议室", minutes: "村民代表对动迁工作进行评议，满意率高。" });
  }

  // ── Reception slots and appointments ──
  const rSlot = root.fork("slots");
  if (isActive && noticeStart <= 0) {
    const rooms = activity.receptionRooms ?? ["接待室一", "接待室二"];
    const starts = [9, 10, 11, 13.5, 14.5, 15.5];
    const unsigned = eligible.filter((h) => !h.signedAt);
    const anyone = eligible;
    for (let day = -3; day <= 6; day++) {
      for (const room of rooms) {
        for (const start of starts) {
          const startsAt = cal.at(day, start);
          const slotId = id(startsAt.getTime() - 3 * DAY);
          const capacity = room.includes("独立") ? 1 : 2;
          plan.receptionSlots.push({ id: slotId, projectId, room, startsAt, endsAt: cal.at(day, start + 1), capacity });
          const pool = day < 0 ? anyone : unsigned;
          if (pool.length === 0 || !rSlot.chance(day < 0 ? 0.5 : 0.3)) continue;
          const h = rSlot.pick(pool);
          plan.appointments.push({
            id: id(startsAt.getTime() - rSlot.int(1, 3) * DAY),
            slotId,
            householdId: h.id,
            mode: h.ownerLocation === "LOCAL" ? "IN_PERSON" : "VIDEO",
            status: day < 0 ? (rSlot.chance(0.9) ? "ATTENDED" : "CANCELLED") : "BOOKED",
            createdAt: new Date(Math.min(cal.at(-1, 12).getTime(), startsAt.getTime() - rSlot.int(1, 3) * DAY)),
          });
        }
      }
    }
  }

  // ── Daily reports (每日一汇报) ──
  const rReport = root.fork("reports");
  for (let day = signingStart; day <= standupLastDay; day++) {
    signingGroups.forEach((group, g) => {
      const submittedAt = cal.at(day, 20 + rReport.next());
      plan.dailyReports.push({
        id: id(submittedAt.getTime()),
        projectId,
        groupId: group.id,
        reportDate: cal.date(day),
        signedCount: signedPerGroupDay.get(`${g}:${day}`) ?? 0,
        visitCount: visitsPerGroupDay.get(`${g}:${day}`) ?? 0,
        problems: rReport.pick(texts.REPORT_PROBLEMS),
        nextPlan: rReport.pick(texts.REPORT_PLANS),
        status: "SUBMITTED",
        authorId: group.leaderId,
        submittedAt,
        createdAt: submittedAt,
        updatedAt: submittedAt,
      });
    });
  }

  const figures: ProjectFigures = {
    households: n,
    excluded: excludedCount,
    eligible: eligible.length,
    partyMemberHouseholds: partyCount,
    agree: agreeCount,
    disagree: disagreeCount,
    signed: planned.length,
    firstDaySigned: dayCounts[0] ?? 0,
    thresholdCount,
    movedOut,
    handedOver,
    effectiveAt,
    signingFailedAt,
    phase,
    dailySigned: dayCounts.map((count, d) => ({ date: cal.label(signingStart + d), count })),
    visitLogs: plan.visitLogs.length,
    openTasks,
  };

  return {
    plan,
    anchor,
    project: plan.projects[0]!,
    schedule,
    figures,
    units,
    branchId,
    conferenceId,
    secretaryId: secretary.id,
    commanderId: commander.id,
    signingGroups,
    specialGroups,
  };
}

function signingThresholdString(share: number): string {
  if (!(share > 0 && share <= 1)) throw new RangeError(`threshold must be in (0, 1], got ${share}`);
  return share.toFixed(4);
}
