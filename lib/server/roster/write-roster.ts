import "server-only";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { RosterColumnKey, RosterRecord } from "../../roster/columns.ts";
import type { RosterImportSummary, RosterProgressListener } from "../../roster/import-events.ts";
import { normalizeGroupName, type ValidRosterRow } from "../../roster/validate.ts";
import { notifyProjectChanged } from "../live/notify-project-changed.ts";

// The write half of a roster import, as set-based SQL: a few statements for the whole file
// instead of a round trip per household (createMany costs ~0.5 ms a row in Prisma 7 here; see
// docs/decisions/004 and 005). Every statement passes its rows as ONE JSON parameter and lets
// json_populate_recordset convert each value with the column type's own input function.

/** Rows per statement: a few MB of JSON at most. */
const CHUNK_ROWS = 5_000;

/** Raised when a household changed between our read and our write; the caller retries. */
export class RosterWriteRace extends Error {
  constructor() {
    super("a household changed while the roster was being written");
  }
}

type Field = Exclude<RosterColumnKey, "code" | "signingGroupName">;
const FIELDS: readonly Field[] = [
  "lane",
  "building",
  "number",
  "room",
  "address",
  "tenure",
  "headName",
  "phone",
  "registeredPopulation",
  "residentCount",
  "floorArea",
  "livingArea",
  "ownerLocation",
  "isPartyMemberHousehold",
  "isHardship",
  "isElderlySickDisabled",
  "hasFamilyDispute",
];

/** Values for columns the file leaves out, when a household is created. */
const DEFAULTS: Omit<RosterRecord, "code" | "building" | "address" | "headName" | "floorArea"> = {
  lane: null,
  number: null,
  room: null,
  tenure: "OTHER",
  phone: null,
  registeredPopulation: 0,
  residentCount: 0,
  livingArea: null,
  ownerLocation: "LOCAL",
  isPartyMemberHousehold: false,
  isHardship: false,
  isElderlySickDisabled: false,
  hasFamilyDispute: false,
  signingGroupName: null,
};

type ExistingHousehold = Omit<RosterRecord, "signingGroupName"> & {
  id: string;
  version: number;
  signingGroupId: string | null;
  signingGroupName: string | null;
};

type AuditRow = {
  actorId: string | null;
  action: "import:household" | "assign:household";
  entity: "household";
  entityId: string;
  projectId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
  ip: string | null;
  userAgent: string | null;
};

export type WriteRosterInput = {
  projectId: string;
  actorId: string;
  /** Columns present in the file: the only fields an update touches. */
  columns: readonly RosterColumnKey[];
  rows: readonly ValidRosterRow[];
  meta: { ip: string | null; userAgent: string | null };
  onProgress?: RosterProgressListener;
};

const quote = (identifier: string) => `"${identifier}"`;
const NOW = `(now() AT TIME ZONE 'UTC')`;

async function readExisting(tx: Prisma.TransactionClient, projectId: string, codes: string[]): Promise<Map<string, ExistingHousehold>> {
  const found = await tx.$queryRawUnsafe<ExistingHousehold[]>(
    `SELECT h.id::text, h.code, h.version, h.lane, h.building, h.number, h.room, h.address, h.tenure::text AS tenure,
            h."headName", h.phone, h."registeredPopulation", h."residentCount", h."floorArea"::text AS "floorArea",
            h."livingArea"::text AS "livingArea", h."ownerLocation"::text AS "ownerLocation", h."isPartyMemberHousehold",
            h."isHardship", h."isElderlySickDisabled", h."hasFamilyDispute", h."signingGroupId"::text AS "signingGroupId",
            g.name AS "signingGroupName"
       FROM "Household" h LEFT JOIN "WorkingGroup" g ON g.id = h."signingGroupId"
      WHERE h."projectId" = $1::uuid AND h.code IN (SELECT json_array_elements_text($2::json))`,
    projectId,
    JSON.stringify(codes),
  );
  return new Map(found.map((h) => [h.code, h]));
}

async function insertJson(tx: Prisma.TransactionClient, sql: string, rows: readonly object[]): Promise<number> {
  let count = 0;
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    count += await tx.$executeRawUnsafe(sql, JSON.stringify(rows.slice(start, start + CHUNK_ROWS)));
  }
  return count;
}

/**
 * Upserts the validated rows by household code inside the caller's transaction: creates the new
 * households, updates the changed ones (present columns only, version + 1), leaves identical ones
 * alone, and writes their audit events. Workflow state (votes, signings, move-outs, exclusion) is
 * never in the statements. Each update is conditional on the version read at the start, so a
 * household changed meanwhile (a signing recorded elsewhere) makes this throw RosterWriteRace
 * instead of overwriting it; the caller rolls back and tries again on fresh data.
 */
export async function writeRoster(tx: Prisma.TransactionClient, input: WriteRosterInput): Promise<RosterImportSummary> {
  const { projectId, actorId, columns, rows, meta } = input;
  // Imports of one project take turns; signings and edits elsewhere are not blocked by it.
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtextextended('roster-import:' || $1, 0))`, projectId);

  const groups = await tx.workingGroup.findMany({ where: { projectId, kind: "SIGNING" }, select: { id: true, name: true } });
  const groupByName = new Map(groups.map((g) => [normalizeGroupName(g.name), g]));
  const hasGroupColumn = columns.includes("signingGroupName");
  const groupOf = (name: string | null | undefined) => {
    if (!name) return null;
    const group = groupByName.get(normalizeGroupName(name));
    // Validated a moment ago; gone now means it was renamed or deleted meanwhile.
    if (!group) throw new RosterWriteRace();
    return group;
  };

  const existing = await readExisting(
    tx,
    projectId,
    rows.map((r) => r.record.code),
  );
  const presentFields = FIELDS.filter((field) => columns.includes(field));

  const creates: Record<string, unknown>[] = [];
  const createdAudit: { code: string; after: Record<string, unknown>; group: { id: string; name: string } | null }[] = [];
  const updates: Record<string, unknown>[] = [];
  const audit: AuditRow[] = [];
  let unchanged = 0;
  let reassigned = 0;
  const event = (action: AuditRow["action"], entityId: string, before: AuditRow["before"], after: AuditRow["after"]): AuditRow => ({
    actorId,
    action,
    entity: "household",
    entityId,
    projectId,
    before,
    after,
    ...meta,
  });

  for (const { record } of rows) {
    const current = existing.get(record.code);
    const group = hasGroupColumn ? groupOf(record.signingGroupName) : null;
    if (!current) {
      const full = { ...DEFAULTS, ...record } as RosterRecord;
      const row: Record<string, unknown> = { projectId, code: full.code, signingGroupId: group?.id ?? null };
      for (const field of FIELDS) row[field] = full[field];
      creates.push(row);
      const { signingGroupName: _name, ...fields } = full;
      createdAudit.push({
        code: full.code,
        after: { outcome: "created", ...fields, signingGroupId: group?.id ?? null, signingGroupName: group?.name ?? null },
        group,
      });
      continue;
    }
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const field of presentFields) {
      if (record[field] !== current[field]) {
        before[field] = current[field];
        after[field] = record[field];
      }
    }
    const groupChanged = hasGroupColumn && (group?.id ?? null) !== current.signingGroupId;
    if (groupChanged) {
      before.signingGroupId = current.signingGroupId;
      before.signingGroupName = current.signingGroupName;
      after.signingGroupId = group?.id ?? null;
      after.signingGroupName = group?.name ?? null;
    }
    if (Object.keys(after).length === 0) {
      unchanged++;
      continue;
    }
    const row: Record<string, unknown> = { id: current.id, version: current.version };
    for (const field of presentFields) row[field] = record[field];
    if (hasGroupColumn) row.signingGroupId = group?.id ?? null;
    updates.push(row);
    audit.push(event("import:household", current.id, before, { outcome: "updated", ...after }));
    if (groupChanged) {
      reassigned++;
      audit.push(
        event(
          "assign:household",
          current.id,
          { signingGroupId: current.signingGroupId, signingGroupName: current.signingGroupName },
          { signingGroupId: group?.id ?? null, signingGroupName: group?.name ?? null },
        ),
      );
    }
  }

  const total = creates.length + updates.length;
  let done = 0;
  await input.onProgress?.({ phase: "write", done, total });

  // New households. ON CONFLICT: a household with this code appeared meanwhile → try again.
  if (creates.length > 0) {
    const insertColumns = ["projectId", "code", ...FIELDS, "signingGroupId"].map(quote).join(", ");
    const sql = `INSERT INTO "Household" ("id", ${insertColumns}, "createdAt", "updatedAt")
                 SELECT uuidv7(), ${insertColumns}, ${NOW}, ${NOW} FROM json_populate_recordset(NULL::"Household", $1::json)
                 ON CONFLICT ("projectId", "code") DO NOTHING
                 RETURNING "id"::text, "code"`;
    const idOfCode = new Map<string, string>();
    for (let start = 0; start < creates.length; start += CHUNK_ROWS) {
      const chunk = creates.slice(start, start + CHUNK_ROWS);
      const inserted = await tx.$queryRawUnsafe<{ id: string; code: string }[]>(sql, JSON.stringify(chunk));
      if (inserted.length !== chunk.length) throw new RosterWriteRace();
      for (const { id, code } of inserted) idOfCode.set(code, id);
      done += chunk.length;
      await input.onProgress?.({ phase: "write", done, total });
    }
    for (const created of createdAudit) {
      const id = idOfCode.get(created.code)!;
      audit.push(event("import:household", id, null, created.after));
      if (created.group) {
        audit.push(
          event(
            "assign:household",
            id,
            { signingGroupId: null, signingGroupName: null },
            { signingGroupId: created.group.id, signingGroupName: created.group.name },
          ),
        );
      }
    }
  }

  // Changed households: only the columns the file has, and only if nobody wrote them since we read.
  if (updates.length > 0) {
    const setColumns = [...presentFields, ...(hasGroupColumn ? ["signingGroupId"] : [])];
    const sql = `UPDATE "Household" AS h
                    SET ${setColumns.map((c) => `${quote(c)} = d.${quote(c)}`).join(", ")},
                        "version" = h."version" + 1, "updatedAt" = ${NOW}
                   FROM json_populate_recordset(NULL::"Household", $1::json) AS d
                  WHERE h."id" = d."id" AND h."version" = d."version" AND h."projectId" = $2::uuid`;
    for (let start = 0; start < updates.length; start += CHUNK_ROWS) {
      const chunk = updates.slice(start, start + CHUNK_ROWS);
      const count = await tx.$executeRawUnsafe(sql, JSON.stringify(chunk), projectId);
      if (count !== chunk.length) throw new RosterWriteRace();
      done += chunk.length;
      await input.onProgress?.({ phase: "write", done, total });
    }
  }

  if (audit.length > 0) {
    const auditColumns = ["actorId", "action", "entity", "entityId", "projectId", "before", "after", "ip", "userAgent"]
      .map(quote)
      .join(", ");
    await insertJson(
      tx,
      `INSERT INTO "AuditEvent" (${auditColumns}, "createdAt")
       SELECT ${auditColumns}, ${NOW} FROM json_populate_recordset(NULL::"AuditEvent", $1::json)`,
      audit,
    );
    await notifyProjectChanged(tx, projectId, "roster");
  }

  return { rows: rows.length, created: creates.length, updated: updates.length, unchanged, reassigned };
}
