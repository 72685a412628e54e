import "server-only";
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { projectScope, visitScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { calendarDayOf } from "../../domain/calendar-day.ts";
import { serverEnv } from "../../env.ts";
import { AppError } from "../../errors.ts";
import { createTranslator } from "../../i18n/translate.ts";
import { parseInput } from "../../validation.ts";
import { recordAudit } from "../audit.ts";
import { addXlsxRow, xlsxDateTime } from "../route-xlsx.ts";
import { visitFilterQuery, visitFilterWhere, visitRowSelect, ZVisitFilter, type VisitRow } from "./visit-filter.ts";

const ZExportLanguage = z.object({ language: z.enum(["zh", "en"]).default("zh") });

/** Rows loaded per query while the workbook streams out. */
const CHUNK = 1000;

export type VisitExport = { filename: string; count: number; stream: ReadableStream<Uint8Array> };

/**
 * Rule: the visit register (走访台账) as .xlsx — exactly the visits the register page lists for the
 * same filters, all of them, latest first, in the reader's export scope (district: all; secretary:
 * their projects; leader: their group's households; members may not export). Rows are read in
 * chunks by keyset and streamed, so memory stays flat for a project's whole history. Each export
 * is an `export:visit` audit event (who, which project, the filter, how many rows), written before
 * the file is handed out.
 */
export async function exportVisits(actor: Actor, input: unknown): Promise<VisitExport> {
  requirePermission(actor, "export", "visit");
  const filter = parseInput(ZVisitFilter, input);
  const { language } = parseInput(ZExportLanguage, input);
  const project = await db().project.findFirst({
    where: { AND: [{ id: filter.projectId }, projectScope(actor, "export", "visit")] },
    select: { id: true, code: true },
  });
  if (!project) throw new AppError("NOT_FOUND");
  const where = { AND: [visitScope(actor, "export"), visitFilterWhere(filter)] };
  const count = await db().visitLog.count({ where });
  await db().$transaction((tx) =>
    recordAudit(tx, {
      actorId: actor.userId,
      action: "export:visit",
      entity: "project",
      entityId: project.id,
      projectId: project.id,
      after: { rows: count, filter: visitFilterQuery(filter) },
    }),
  );

  const zone = serverEnv().LIANXIN_TIME_ZONE;
  const t = createTranslator(language === "zh" ? "zh-CN" : "en");
  const separator = language === "zh" ? "、" : ", ";
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(t("visits.export.sheet"), { views: [{ state: "frozen", ySplit: 1 }] });
  const c = (key: Parameters<typeof t>[0]) => t(key);
  sheet.columns = [
    { header: c("visits.log.columns.visitedAt"), key: "visitedAt", width: 18 },
    { header: c("visits.log.columns.household"), key: "household", width: 12 },
    { header: c("visits.log.columns.head"), key: "head", width: 10 },
    { header: c("visits.log.columns.group"), key: "group", width: 12 },
    { header: c("visits.log.columns.channel"), key: "channel", width: 8 },
    { header: c("visits.log.columns.attitude"), key: "attitude", width: 8 },
    { header: c("visits.log.columns.author"), key: "author", width: 10 },
    { header: c("visits.log.columns.participants"), key: "participants", width: 16 },
    { header: c("visits.log.columns.task"), key: "task", width: 12 },
    { header: c("visits.log.columns.summary"), key: "summary", width: 60 },
    { header: c("visits.log.columns.nextStep"), key: "nextStep", width: 30 },
  ];
  sheet.getRow(1).font = { bold: true };

  const cells = (r: VisitRow) => [
    xlsxDateTime(r.visitedAt, zone),
    r.household.code,
    r.household.headName,
    r.household.signingGroup?.name ?? "",
    t(`visits.channels.${r.channel}`),
    r.attitude ? t(`visits.attitudes.${r.attitude}`) : "",
    r.author?.name ?? "",
    r.participants.map((p) => p.user.name).join(separator),
    r.task ? t(`visits.taskKinds.${r.task.kind}`) : "",
    r.summary,
    r.nextStep ?? "",
  ];

  async function write(): Promise<void> {
    let cursor: { id: string } | undefined;
    for (;;) {
      // The reader went away (download cancelled): stop loading rows nobody will read.
      if (output.destroyed) return;
      const rows = await db().visitLog.findMany({
        where,
        select: visitRowSelect,
        orderBy: [{ visitedAt: "desc" }, { id: "desc" }],
        take: CHUNK,
        ...(cursor ? { cursor, skip: 1 } : {}),
      });
      for (const row of rows) addXlsxRow(sheet, cells(row)).commit();
      if (rows.length < CHUNK) break;
      cursor = { id: rows.at(-1)!.id };
    }
    sheet.commit();
    await workbook.commit();
  }
  write().catch((error: unknown) => {
    console.error("[export] visits export failed", error);
    output.destroy(error instanceof Error ? error : new Error("export failed"));
  });

  return {
    filename: `${project.code}-${t("visits.export.filename")}-${calendarDayOf(new Date(), zone)}`,
    count,
    stream: toWebStream(output),
  };
}

/** The workbook's bytes as a web stream, pulled as the reader reads (as the households export). */
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
