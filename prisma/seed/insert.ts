// Writes a plan in chunks: one statement per few thousand rows, no per-row awaits, so a
// 2,000-household project takes about a second and 100,000 households stay linear.

import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client.ts";
import { hashPassword } from "../../lib/auth/password.ts";
import { encryptIdNumber, maskIdNumber } from "../../lib/security/id-number.ts";
import { PLAN_TABLES, type Plan, type PlanTable } from "./plan.ts";

/** A client or an interactive transaction: factories work inside either. */
export type SeedDb = PrismaClient | Prisma.TransactionClient;

/** Rows a statement: a few MB of JSON at most. */
const CHUNK_ROWS = 5_000;

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

/** The table behind each plan key (models are not @@map-ped, so table = model name). */
const TABLE_NAMES: Record<PlanTable, string> = {
  units: "Unit",
  users: "User",
  projects: "Project",
  projectMemberships: "ProjectMembership",
  partyBranches: "PartyBranch",
  partyBranchMembers: "PartyBranchMember",
  workingGroups: "WorkingGroup",
  partyGroups: "PartyGroup",
  workingGroupMembers: "WorkingGroupMember",
  conferences: "JointConference",
  conferenceMembers: "JointConferenceMember",
  households: "Household",
  householdMembers: "HouseholdMember",
  determinations: "Determination",
  objections: "Objection",
  policies: "CompensationPolicy",
  compensationItems: "CompensationItem",
  signings: "Signing",
  tasks: "Task",
  visitLogs: "VisitLog",
  visitParticipants: "VisitParticipant",
  demands: "Demand",
  meetings: "Meeting",
  meetingAttendees: "MeetingAttendee",
  conferenceIssues: "ConferenceIssue",
  notices: "Notice",
  receptionSlots: "ReceptionSlot",
  appointments: "Appointment",
  dailyReports: "DailyReport",
};

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/**
 * Inserts rows as one JSON parameter a chunk:
 *   INSERT INTO "T" (cols) SELECT cols FROM json_populate_recordset(NULL::"T", $1::json)
 * Postgres converts each JSON value with the column type's own input function (enums, numeric,
 * uuid, jsonb; ISO instants into Prisma's UTC timestamp(3) and date columns).
 *
 * Why not createMany: Prisma 7's createMany spends ~0.4 ms of CPU a row building and checking
 * the query (about 2,000 rows/s here), so the 50,000-row demo took ~25 s; this path does the
 * same inserts in ~2 s and stays linear at 100,000 households. Columns left out of a row get the
 * column default, so rows are grouped by the set of keys they carry.
 */
async function insertRows(db: SeedDb, table: PlanTable, rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  const groups = new Map<string, { columns: string[]; rows: object[] }>();
  for (const row of rows) {
    const columns = Object.keys(row).filter((key) => (row as Record<string, unknown>)[key] !== undefined);
    const signature = columns.join(",");
    let group = groups.get(signature);
    if (!group) groups.set(signature, (group = { columns, rows: [] }));
    group.rows.push(row);
  }
  const tableName = quote(TABLE_NAMES[table]);
  for (const { columns, rows: groupRows } of groups.values()) {
    const columnList = columns.map(quote).join(", ");
    const sql = `INSERT INTO ${tableName} (${columnList}) SELECT ${columnList} FROM json_populate_recordset(NULL::${tableName}, $1::json)`;
    for (let start = 0; start < groupRows.length; start += CHUNK_ROWS) {
      await db.$executeRawUnsafe(sql, JSON.stringify(groupRows.slice(start, start + CHUNK_ROWS)));
    }
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
    await insertRows(db, table, rows);
    counts[table] = rows.length;
    if (table === "householdMembers") {
      await insertRows(db, "users", residents);
      counts.users += residents.length;
    }
  }
  return counts;
}
