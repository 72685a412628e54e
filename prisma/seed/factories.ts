// Test factories and demo building blocks: small async functions that insert rows and return
// them. seedProject() is the same generator the demo uses (project-plan.ts), so tests and the
// demo share one source of realistic data.

import { randomInt } from "node:crypto";
import type {
  ConferenceLevel,
  GroupRole,
  JointConference,
  ProjectRole,
  Unit,
  UnitKind,
  User,
  UserRole,
} from "../../lib/generated/prisma/client.ts";
import { hashPasswordOnce, insertPlan, type SeedDb } from "./insert.ts";
import type { PlanTable } from "./plan.ts";
import { planProject, type ProjectPlanResult, type SeedProjectOptions } from "./project-plan.ts";
import { hashString } from "./random.ts";
import { DEMO_PASSWORD } from "./demo-accounts.ts";

export type { SeedDb } from "./insert.ts";
export type { SeedProjectOptions, ProjectPlanResult, ProjectFigures, PlannedGroup, StaffAccount, ProjectAccounts } from "./project-plan.ts";

/** Runs `work` in one transaction when given a client, or directly inside the caller's transaction. */
export async function inTransaction<T>(db: SeedDb, work: (tx: SeedDb) => Promise<T>): Promise<T> {
  if ("$transaction" in db && typeof db.$transaction === "function") {
    return db.$transaction((tx) => work(tx), { timeout: 300_000, maxWait: 30_000 });
  }
  return work(db);
}

let uniqueCounter = 0;
/** A suffix that is unique within this process and very likely across parallel test files. */
function uniqueSuffix(): string {
  uniqueCounter++;
  return `${process.pid.toString(36)}${uniqueCounter.toString(36)}${randomInt(36 ** 3).toString(36)}`.toUpperCase();
}

/** A random 11-digit mobile number in the 137 block (demo staff use 138/139). */
function randomStaffPhone(): string {
  return `137${String(randomInt(100_000_000)).padStart(8, "0")}`;
}

export async function seedUnit(db: SeedDb, options: { name?: string; kind?: UnitKind; district?: string | null } = {}): Promise<Unit> {
  return db.unit.create({
    data: { name: options.name ?? `测试单位${uniqueSuffix()}`, kind: options.kind ?? "OTHER", district: options.district ?? null },
  });
}

export type SeedUserOptions = {
  role?: UserRole;
  name?: string;
  /** Default: a random 137… number for staff and officials, none for residents. */
  phone?: string | null;
  /** Hashed once per distinct password and process. Default "lianxin123". */
  password?: string;
  /** A ready hash; skips hashing. */
  passwordHash?: string;
  isPartyMember?: boolean;
  unitId?: string | null;
  householdId?: string | null;
  disabledAt?: Date | null;
};

/** Inserts a user; returns the row and the clear password it signs in with. */
export async function seedUser(db: SeedDb, options: SeedUserOptions = {}): Promise<User & { password: string | null }> {
  const role = options.role ?? "STAFF";
  const password = options.passwordHash ? null : (options.password ?? DEMO_PASSWORD);
  const passwordHash = options.passwordHash ?? (await hashPasswordOnce(password!));
  const user = await db.user.create({
    data: {
      role,
      name: options.name ?? (role === "RESIDENT" ? "测试居民" : "测试人员"),
      phone: options.phone === undefined ? (role === "RESIDENT" ? null : randomStaffPhone()) : options.phone,
      passwordHash,
      isPartyMember: options.isPartyMember ?? false,
      unitId: options.unitId ?? null,
      householdId: options.householdId ?? null,
      disabledAt: options.disabledAt ?? null,
    },
  });
  return { ...user, password };
}

export async function seedProjectMembership(db: SeedDb, options: { projectId: string; userId: string; role?: ProjectRole }) {
  return db.projectMembership.create({ data: { projectId: options.projectId, userId: options.userId, role: options.role ?? "SECRETARY" } });
}

export async function seedGroupMember(db: SeedDb, options: { groupId: string; userId: string; role?: GroupRole; unitId?: string | null }) {
  return db.workingGroupMember.create({
    data: { groupId: options.groupId, userId: options.userId, role: options.role ?? "MEMBER", unitId: options.unitId ?? null },
  });
}

export type SeedConferenceOptions = {
  name?: string;
  level?: ConferenceLevel;
  district?: string;
  projectId?: string | null;
  members?: { unitId: string; isConvenor?: boolean; isRotatingConvenor?: boolean; termStart?: Date; termEnd?: Date }[];
};

export async function seedJointConference(db: SeedDb, options: SeedConferenceOptions = {}): Promise<JointConference> {
  return db.jointConference.create({
    data: {
      name: options.name ?? `测试联席会议${uniqueSuffix()}`,
      level: options.level ?? (options.projectId ? "PROJECT" : "DISTRICT"),
      district: options.district ?? "示范区",
      projectId: options.projectId ?? null,
      members: {
        create: (options.members ?? []).map((m) => ({
          unitId: m.unitId,
          isConvenor: m.isConvenor ?? false,
          isRotatingConvenor: m.isRotatingConvenor ?? false,
          termStart: m.termStart ?? null,
          termEnd: m.termEnd ?? null,
        })),
      },
    },
  });
}

export type SeededProject = ProjectPlanResult & { rows: Record<PlanTable, number> };

/** A 4-digit staff phone block (139 + block + sequence) not used yet in this database. */
async function freePhoneBlock(db: SeedDb, code: string): Promise<number> {
  const rows = await db.$queryRaw<{ block: string }[]>`
    SELECT DISTINCT substr(phone, 4, 4) AS block FROM "User" WHERE phone ~ '^139[0-9]{8}$'`;
  const used = new Set(rows.map((r) => Number(r.block)));
  // Blocks 0000–0999 are left to the demo; start from a block derived from the code.
  const preferred = hashString(code) % 9000;
  for (let k = 0; k < 9000; k++) {
    const block = 1000 + ((preferred + k) % 9000);
    if (!used.has(block)) return block;
  }
  throw new Error("no free staff phone block left");
}

/**
 * A whole project with its branch, groups, staff, households and history, e.g.
 * `seedProject(db, { households: 2119, signingGroups: 8, signedShare: 0.7 })`.
 * Without a code a unique one is drawn; staff phones come from a block derived from the code.
 */
export async function seedProject(db: SeedDb, options: SeedProjectOptions = {}): Promise<SeededProject> {
  const code =
    options.code ??
    (options.seed === undefined ? `T-${uniqueSuffix()}` : `P-${hashString(String(options.seed)).toString(36).toUpperCase()}`);
  const phoneBlock = options.phoneBlock ?? (await freePhoneBlock(db, code));
  const result = planProject({ ...options, code, phoneBlock });
  const rows = await inTransaction(db, (tx) => insertPlan(tx, result.plan));
  return { ...result, rows };
}
