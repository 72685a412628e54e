import "server-only";
import ExcelJS from "exceljs";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { calendarDayOf } from "../../domain/calendar-day.ts";
import { serverEnv } from "../../env.ts";
import { createTranslator } from "../../i18n/translate.ts";
import { db } from "../../db.ts";
import { parseInput } from "../../validation.ts";
import { recordAudit } from "../audit.ts";
import { addXlsxRow, xlsxDateTime } from "../route-xlsx.ts";
import { demandFilterParams, parseDemandFilter } from "./demand-filter.ts";
import { findDemandProject, readDemandRows } from "./internal/demand-rows.ts";

const ZExportInput = z.object({ projectId: z.uuid(), language: z.enum(["zh", "en"]).default("zh") });

export type DemandExport = { filename: string; count: number; body: Uint8Array };

const HOUR_MS = 3_600_000;

/**
 * Rule: exports, as .xlsx, exactly the demands the list shows for the same filters, in the same
 * order, in the actor's export scope (district: all; secretary: the project's; a leader: their
 * groups'; members may not export), with each one's clock colour and hours left at the moment of
 * the export. Each export is an `export:demand` audit event (who, which project, the filter, how
 * many rows).
 */
export async function exportDemands(actor: Actor, input: unknown): Promise<DemandExport> {
  requirePermission(actor, "export", "demand");
  const { projectId, language } = parseInput(ZExportInput, input);
  const filter = parseDemandFilter(input as Record<string, string | string[] | undefined>);
  const project = await findDemandProject(actor, projectId, "export");
  const now = new Date();
  const items = await readDemandRows(actor, "export", projectId, filter, now);
  await db().$transaction((tx) =>
    recordAudit(tx, {
      actorId: actor.userId,
      action: "export:demand",
      entity: "project",
      entityId: projectId,
      projectId,
      after: { rows: items.length, filter: demandFilterParams(filter).toString() },
    }),
  );

  const t = createTranslator(language === "zh" ? "zh-CN" : "en");
  const zone = serverEnv().LIANXIN_TIME_ZONE;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(t("demands.export.sheet"), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    { header: t("demands.columns.household"), key: "household", width: 14 },
    { header: t("demands.columns.address"), key: "address", width: 36 },
    { header: t("demands.columns.head"), key: "head", width: 12 },
    { header: t("demands.columns.category"), key: "category", width: 14 },
    { header: t("demands.columns.description"), key: "description", width: 50 },
    { header: t("demands.columns.group"), key: "group", width: 20 },
    { header: t("demands.columns.status"), key: "status", width: 16 },
    { header: t("demands.columns.raisedAt"), key: "raisedAt", width: 20 },
    { header: t("demands.columns.raisedBy"), key: "raisedBy", width: 12 },
    { header: t("demands.columns.colour"), key: "colour", width: 10 },
    { header: t("demands.columns.hoursLeft"), key: "hoursLeft", width: 12 },
    { header: t("demands.columns.escalatedAt"), key: "escalatedAt", width: 20 },
    { header: t("demands.columns.resolvedAt"), key: "resolvedAt", width: 20 },
    { header: t("demands.columns.resolution"), key: "resolution", width: 50 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const d of items) {
    addXlsxRow(sheet, [
      d.householdCode,
      d.householdAddress,
      d.headName,
      t(`demands.categories.${d.category}`),
      d.description,
      d.groupName ?? t("demands.list.noGroup"),
      t(`demands.statuses.${d.status}`),
      xlsxDateTime(d.raisedAt, zone),
      d.raisedByName ?? "",
      t(`demands.colours.${d.colour}`),
      // Whole hours, negative when past the target.
      Math.trunc(d.remainingMs / HOUR_MS),
      xlsxDateTime(d.escalatedAt, zone),
      xlsxDateTime(d.resolvedAt, zone),
      d.resolution ?? "",
    ]);
  }
  const body = new Uint8Array(await workbook.xlsx.writeBuffer());
  const date = calendarDayOf(now, zone);
  return { filename: `${project.code}-${t("demands.export.filename")}-${date}`, count: items.length, body };
}
