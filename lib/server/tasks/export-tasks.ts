import "server-only";
import ExcelJS from "exceljs";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { projectScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import { createTranslator } from "../../i18n/translate.ts";
import { parseInput } from "../../validation.ts";
import { recordAudit } from "../audit.ts";
import { addXlsxRow, xlsxDay } from "../route-xlsx.ts";
import { parseTaskListQuery, scopedTaskWhere, taskFilterQueryString, taskRowSelect } from "./internal/task-query.ts";
import { toTaskRow } from "./list-project-tasks.ts";
import { taskToday } from "./task-input.ts";

const ZExportInput = z.object({ projectId: z.uuid(), language: z.enum(["zh", "en"]).default("zh") });

export type TaskExport = { filename: string; count: number; body: Uint8Array };

/**
 * Rule: exports, as .xlsx, the tasks the task list shows for the same query string (all pages),
 * in the actor's export scope (district: all; secretary: their project; group leader: their
 * group's households; members may not export), earliest due first. Each export is an
 * `export:task` audit event (who, which project, the filter, how many rows).
 */
export async function exportTasks(actor: Actor, input: unknown): Promise<TaskExport> {
  requirePermission(actor, "export", "task");
  const { projectId, language } = parseInput(ZExportInput, input);
  const query = parseTaskListQuery(input as Record<string, string | string[] | undefined>);
  const prisma = db();
  const project = await prisma.project.findFirst({
    where: { AND: [{ id: projectId }, projectScope(actor, "export", "task")] },
    select: { id: true, code: true },
  });
  if (!project) throw new AppError("NOT_FOUND");
  const today = taskToday();
  const tasks = await prisma.task.findMany({
    where: scopedTaskWhere(actor, "export", projectId, query, today),
    select: { ...taskRowSelect, assignedBy: { select: { name: true } } },
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
  });
  await prisma.$transaction((tx) =>
    recordAudit(tx, {
      actorId: actor.userId,
      action: "export:task",
      entity: "project",
      entityId: project.id,
      projectId: project.id,
      after: { rows: tasks.length, filter: taskFilterQueryString(query) },
    }),
  );

  const t = createTranslator(language === "zh" ? "zh-CN" : "en");
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(t("tasks.export.sheet"), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    { header: t("tasks.columns.household"), key: "code", width: 14 },
    { header: t("tasks.columns.address"), key: "address", width: 40 },
    { header: t("tasks.columns.group"), key: "group", width: 14 },
    { header: t("tasks.columns.kind"), key: "kind", width: 12 },
    { header: t("tasks.columns.assignee"), key: "assignee", width: 12 },
    { header: t("tasks.columns.due"), key: "due", width: 12 },
    { header: t("tasks.columns.priority"), key: "priority", width: 8 },
    { header: t("tasks.columns.status"), key: "status", width: 10 },
    { header: t("tasks.columns.overdue"), key: "overdue", width: 8 },
    { header: t("tasks.columns.assignedBy"), key: "assignedBy", width: 12 },
    { header: t("tasks.columns.note"), key: "note", width: 40 },
    { header: t("tasks.columns.cancelReason"), key: "cancelReason", width: 30 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const task of tasks) {
    const row = toTaskRow(task, today);
    addXlsxRow(sheet, [
      row.household.code,
      row.household.address,
      row.household.groupName ?? "",
      t(`tasks.kinds.${row.kind}`),
      row.assignee.name,
      xlsxDay(row.dueDate),
      t(`tasks.priorities.${row.priority}`),
      t(`tasks.statuses.${row.status}`),
      t(row.overdue ? "tasks.export.yes" : "tasks.export.no"),
      task.assignedBy?.name ?? "",
      row.note ?? "",
      task.cancelReason ?? "",
    ]);
  }
  const body = new Uint8Array(await workbook.xlsx.writeBuffer());
  return { filename: `${project.code}-${t("tasks.export.filename")}-${today}`, count: tasks.length, body };
}
