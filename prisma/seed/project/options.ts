// The options planProject() takes and the result it returns (re-exported by ../project-plan.ts).

import type { TPolicyLine } from "../../../lib/domain/compensation.ts";
import type {
  CountingUnit,
  GroupSpecialty,
  OwnerLocation,
  PartyBranchKind,
  ProjectKind,
  ProjectPhase,
  Tenure,
} from "../../../lib/generated/prisma/enums.ts";
import type { AnchorDate } from "../calendar.ts";
import type { RegionSet } from "../identity.ts";
import type { NameRegion } from "../names.ts";
import type { Plan } from "../plan.ts";

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
  /** Leader of the special group of that specialty (when the project has one). */
  specialGroupLeaders?: Partial<Record<GroupSpecialty, StaffAccount>>;
  /** Resident logins: household code + access code. keepUnsigned keeps that household unsigned;
   *  estimateAs gives the household those facts (and determinations) for its compensation estimate. */
  residents?: { householdCode: string; accessCode: string; keepUnsigned?: boolean; estimateAs?: EstimateShape }[];
};

export type ProjectUnitIds = {
  streetOffice: string;
  residentsCommittee: string;
  expropriationOffice: string;
  lawFirm: string;
  enterpriseParty: string;
  publicHousingManager?: string;
};

export type UnitKey = keyof ProjectUnitIds;

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

/** A household's facts the compensation estimate reads: tenure, building area (m²), registered
 *  persons (the population determination) and unit price (元/m², the valuation determination). */
export type EstimateShape = {
  tenure: "PUBLIC_LEASE" | "PRIVATE_PROPERTY" | "OTHER";
  floorArea: number;
  population: number;
  unitPrice: number;
};

/** A day of the schedule a DATE_BONUS tier ends on: `days` after the signing start (day 1 is
 *  days 0), or the signing end, or the end of the relocation period. */
export type PresetDay = { from: "SIGNING_START"; days: number } | { from: "SIGNING_END" | "RELOCATION_END" };

/** A policy line as lib/domain/compensation.ts defines it, with tier dates given by the schedule. */
export type CompensationPresetLine =
  | Exclude<TPolicyLine, { kind: "DATE_BONUS" }>
  | (Omit<Extract<TPolicyLine, { kind: "DATE_BONUS" }>, "tiers"> & { tiers: { by: PresetDay; amount: string }[] });

export type CompensationPreset = {
  name: string;
  /** Mean valuation per m² (元); each household's valuation varies around it. */
  valuationPerSqm: number;
  /** Named in the policy notice only: not a line kind of DOMAIN.md, so the estimate never applies it. */
  guaranteedMinimum?: number;
  /** The published policy's lines, in order. */
  items: CompensationPresetLine[];
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
