// Writes a plan with createMany in chunks: one round trip per few thousand rows, no per-row
// awaits, so a 2,000-household project takes a few seconds and 100,000 households stay linear.

import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client.ts";
import { hashPassword } from "../../lib/auth/password.ts";
import { encryptIdNumber, maskIdNumber } from "../../lib/security/id-number.ts";
import { PLAN_TABLES, type Plan, type PlanTable } from "./plan.ts";

/** A client or an interactive transaction: factories work inside either. */
export type SeedDb = PrismaClient | Prisma.TransactionClient;

/** Postgres allows 65,535 bind parameters a statement; stay well below. */
const MAX_PARAMETERS = 30_000;
const MAX_ROWS = 5_000;

// scrypt costs ~50 ms: every distinct password is hashed once per process and the hash reused.
const passwordHashes = new Map<string, Promise<string>>();

export function hashPasswordOnce(password: string): Promise<string> {
  let hash = passwordHashes.get(password);
  if (!hash) {
    hash = hashPassword(password);
    passwordHashes.set(password, hash);
  }
  return hash;
}

type Delegate = { createMany(args: { data: unknown[] }): Prisma.PrismaPromise<Prisma.BatchPayload> };

function delegateFor(db: SeedDb, table: PlanTable): Delegate {
  const model: Record<PlanTable, keyof SeedDb> = {
    units: "unit",
    users: "user",
    projects: "project",
    projectMemberships: "projectMembership",
    partyBranches: "partyBranch",
    partyBranchMembers: "partyBranchMember",
    workingGroups: "workingGroup",
    partyGroups: "partyGroup",
    workingGroupMembers: "workingGroupMember",
    conferences: "jointConference",
    conferenceMembers: "jointConferenceMember",
    households: "household",
    householdMembers: "householdMember",
    determinations: "determination",
    objections: "objection",
    policies: "compensationPolicy",
    compensationItems: "compensationItem",
    signings: "signing",
    tasks: "task",
    visitLogs: "visitLog",
    visitParticipants: "visitParticipant",
    demands: "demand",
    meetings: "meeting",
    meetingAttendees: "meetingAttendee",
    conferenceIssues: "conferenceIssue",
    notices: "notice",
    receptionSlots: "receptionSlot",
    appointments: "appointment",
    dailyReports: "dailyReport",
  };
  return db[model[table]] as unknown as Delegate;
}

async function createChunked(db: SeedDb, table: PlanTable, rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Math.max(1, Object.keys(rows[0]!).length);
  const size = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS / columns)));
  const delegate = delegateFor(db, table);
  for (let start = 0; start < rows.length; start += size) {
    await delegate.createMany({ data: rows.slice(start, start + size) as unknown[] });
  }
}

export type InsertOptions = {
  /** 32-byte key (hex) for ID numbers; default LIANXIN_DATA_KEY. */
  dataKey?: string;
};

/** Inserts every row of the plan, in dependency order. Returns the row count per table. */
export async function insertPlan(db: SeedDb, plan: Plan, options: InsertOptions = {}): Promise<Record<PlanTable, number>> {
  const distinctPasswords = [...new Set(plan.users.flatMap((u) => (u.password === undefined ? [] : [u.password])))];
  const hashes = new Map(await Promise.all(distinctPasswords.map(async (pw) => [pw, await hashPasswordOnce(pw)] as const)));
  const toUserRow = (user: Plan["users"][number]): Prisma.UserCreateManyInput => {
    const { password, passwordHash, ...rest } = user;
    return { ...rest, passwordHash: passwordHash ?? hashes.get(password!)! };
  };
  // Staff first; resident accounts reference households, so they go in after them.
  const staff = plan.users.filter((u) => !u.householdId).map(toUserRow);
  const residents = plan.users.filter((u) => u.householdId).map(toUserRow);

  // Encrypt before the first insert, so a missing key fails before anything is written.
  const members = plan.householdMembers.map(({ idNumber, ...member }) => ({
    ...member,
    idNumberCipher: idNumber === null ? null : encryptIdNumber(idNumber, options.dataKey),
    idNumberMasked: idNumber === null ? null : maskIdNumber(idNumber),
  }));

  const counts = {} as Record<PlanTable, number>;
  for (const table of PLAN_TABLES) {
    const rows: readonly object[] = table === "users" ? staff : table === "householdMembers" ? members : plan[table];
    await createChunked(db, table, rows);
    counts[table] = rows.length;
    if (table === "householdMembers") {
      await createChunked(db, "users", residents);
      counts.users += residents.length;
    }
  }
  return counts;
}
