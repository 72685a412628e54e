import "server-only";
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { projectScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { calendarDayOf } from "../../domain/calendar-day.ts";
import { serverEnv } from "../../env.ts";
import { createTranslator } from "../../i18n/translate.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { formatRosterRow, ROSTER_COLUMN_KEYS, rosterHeader, type RosterLanguage, type RosterRecord } from "../../roster/columns.ts";
import { maskPhone } from "../../security/phone.ts";
import { parseInput } from "../../validation.ts";
import { recordAudit } from "../audit.ts";
import { parseHouseholdListQuery, toSearchParams } from "./household-filter.ts";
import {
  findProjectInScope,
  orderedHouseholdIds,
  scopedFilterWhere,
  householdFactsSelect,
  stateFactsSelect,
  stateOf,
} from "./household-queries.ts";

const ZExportInput = z.object({ projectId: z.uuid(), language: z.enum(["zh", "en"]).default("zh") });

/** Rows loaded per query while the workbook streams out. */
const CHUNK = 500;

const exportSelect = {
  id: true,
  ...householdFactsSelect,
  signingGroup: { select: { name: true } },
  ...stateFactsSelect,
} satisfies Prisma.HouseholdSelect;

type ExportRow = Prisma.HouseholdGetPayload<{ select: typeof exportSelect }>;

function toRosterRecord(h: ExportRow, fullPhones: boolean): RosterRecord {
  return {
    code: h.code,
    lane: h.lane,
    building: h.building,
    number: h.number,
    room: h.room,
    address: h.address,
    tenure: h.tenure,
    headName: h.headName,
    phone: h.phone === null || fullPhones ? h.phone : maskPhone(h.phone),
    registeredPopulation: h.registeredPopulation,
    residentCount: h.residentCount,
    floorArea: h.floorArea.toFixed(2),
    livingArea: h.livingArea?.toFixed(2) ?? null,
    ownerLocation: h.ownerLocation,
    isPartyMemberHousehold: h.isPartyMemberHousehold,
    isHardship: h.isHardship,
    isElderlySickDisabled: h.isElderlySickDisabled,
    hasFamilyDispute: h.hasFamilyDispute,
    signingGroupName: h.signingGroup?.name ?? null,
  };
}

export type HouseholdExport = {
  /** File name without extension: project code, list name and date. */
  filename: string;
  count: number;
  /** The .xlsx file, written while it is read. */
  stream: ReadableStream<Uint8Array>;
};

/**
 * Rule: exports, as .xlsx, exactly the households the list shows for the same query string —
 * in the actor's export scope (district: all; secretary: their projects; group leader: own group;
 * members may not export) — in list order. The columns are the roster's (lib/roster/columns.ts),
 * so the file can be imported again, plus the household state. Rows are loaded in chunks and
 * streamed, so memory stays flat for a whole project.
 *
 * Phone numbers are masked (138****0001, DOMAIN.md "Disclosure and masking") unless the reader
 * may import this project's roster (its secretary), whose round trip — export, edit, import —
 * needs them whole; an official's or a group leader's file carries them masked. Each export is
 * an `export:household` audit event (who, which project, the filter, how many rows, whether the
 * phones were whole), written before the file is handed out.
 */
export async function exportHouseholds(actor: Actor, input: unknown): Promise<HouseholdExport> {
  requirePermission(actor, "export", "household");
  const { projectId, language } = parseInput(ZExportInput, input);
  const query = parseHouseholdListQuery(input as Record<string, string | string[] | undefined>);
  const project = await findProjectInScope(actor, projectId);
  const ids = await orderedHouseholdIds(await scopedFilterWhere(actor, "export", projectId, query), query.sort, query.dir);
  const fullPhones = (await db().project.count({ where: { AND: [{ id: project.id }, projectScope(actor, "import", "household")] } })) > 0;
  await db().$transaction((tx) =>
    recordAudit(tx, {
      actorId: actor.userId,
      action: "export:household",
      entity: "project",
      entityId: project.id,
      projectId: project.id,
      after: { rows: ids.length, filter: toSearchParams(query).toString(), phones: fullPhones ? "full" : "masked" },
    }),
  );

  const t = createTranslator(language === "zh" ? "zh-CN" : "en");
  const rosterLanguage: RosterLanguage = language;
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(t("households.export.sheet"), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    ...ROSTER_COLUMN_KEYS.map((key) => ({ header: rosterHeader(key, rosterLanguage), key, width: key === "address" ? 40 : 14 })),
    { header: t("households.export.state"), key: "state", width: 10 },
  ];
  sheet.getRow(1).font = { bold: true };

  async function write(): Promise<void> {
    for (let start = 0; start < ids.length; start += CHUNK) {
      // The reader went away (download cancelled): stop loading rows nobody will read.
      if (output.destroyed) return;
      const chunkIds = ids.slice(start, start + CHUNK);
      const rows = await db().household.findMany({ where: { id: { in: chunkIds } }, select: exportSelect });
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const id of chunkIds) {
        const row = byId.get(id);
        // Deleted between listing and loading: leave it out rather than write a hole.
        if (!row) continue;
        sheet.addRow([...formatRosterRow(toRosterRecord(row, fullPhones), rosterLanguage), t(`household.states.${stateOf(row)}`)]).commit();
      }
    }
    sheet.commit();
    await workbook.commit();
  }
  write().catch((error: unknown) => {
    console.error("[export] households export failed", error);
    output.destroy(error instanceof Error ? error : new Error("export failed"));
  });

  const date = calendarDayOf(new Date(), serverEnv().LIANXIN_TIME_ZONE);
  return {
    filename: `${project.code}-${t("households.export.filename")}-${date}`,
    count: ids.length,
    stream: toWebStream(output),
  };
}

/** The workbook's bytes as a web stream, pulled as the reader reads. (Readable.toWeb on Node 20
 *  throws "Controller is already closed" when the reader cancels while data is still coming.) */
function toWebStream(output: PassThrough): ReadableStream<Uint8Array> {
  const chunks = output[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(new Uint8Array(value));
    },
    cancel() {
      output.destroy();
    },
  });
}
