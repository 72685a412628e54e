import "server-only";
import ExcelJS from "exceljs";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import {
  exampleRosterRecord,
  formatRosterRow,
  rosterChoices,
  ROSTER_COLUMNS,
  ROSTER_LIMITS,
  type AnyRosterColumn,
  type RosterLanguage,
} from "../../roster/columns.ts";
import { columnLetter } from "../../roster/validate.ts";
import { parseInput } from "../../validation.ts";
import { getRosterImportContext } from "./get-roster-import-context.ts";

const ZTemplateLanguage = z.object({ language: z.enum(["zh", "en"]).default("zh") });

export type RosterTemplate = { fileName: string; bytes: Uint8Array };

const TEXT_FORMAT = "@";
const AREA_FORMAT = "0.00";

function noteOf(column: AnyRosterColumn, groupNames: string[]): { zh: string; en: string } {
  if (column.key !== "signingGroupName" || groupNames.length === 0) return column.note;
  return {
    zh: `${column.note.zh}。本项目：${groupNames.join("、")}`,
    en: `${column.note.en}. This project: ${groupNames.join(", ")}`,
  };
}

const SHEETS = {
  zh: { roster: "花名册", notes: "填写说明", lists: "选项", pick: "请从下拉列表中选择", pickTitle: "填写提示" },
  en: { roster: "Roster", notes: "Notes", lists: "Lists", pick: "Choose a value from the list", pickTitle: "Allowed values" },
} as const;

/**
 * Rule: the roster template of a project, for those who may import it, in the reader's language:
 * headers in it (the import takes either), one example row (left unchanged it is skipped on
 * import), the allowed values as a note on each header and on a second sheet, and a drop-down
 * (Excel data validation) on every column of fixed values — 是/否, the tenure kinds, the owner's
 * location, the project's signing groups — listing words the import accepts (lib/roster/columns.ts).
 */
export async function getRosterTemplate(actor: Actor, input: unknown): Promise<RosterTemplate> {
  const project = await getRosterImportContext(actor, input);
  const { language } = parseInput(ZTemplateLanguage, input);
  const words = SHEETS[language];
  const columns = ROSTER_COLUMNS as readonly AnyRosterColumn[];

  const workbook = new ExcelJS.Workbook();
  workbook.creator = "连心";
  workbook.created = new Date();

  const sheet = workbook.addWorksheet(words.roster, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({
    key: column.key,
    width: Math.max(10, language === "zh" ? column.zh.length * 2 + 4 : column.en.length + 4, column.key === "address" ? 36 : 0),
    style: {
      numFmt:
        column.key === "floorArea" || column.key === "livingArea" ? AREA_FORMAT : typeof column.example === "number" ? "0" : TEXT_FORMAT,
    },
  }));
  const header = sheet.getRow(1);
  columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = language === "zh" ? column.zh : column.en;
    cell.font = { bold: true, color: column.required ? { argb: "FFB91C1C" } : undefined };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF5F5F4" } };
    const note = noteOf(column, project.signingGroupNames);
    cell.note = `${column.required ? "必填 · required\n" : ""}${note.zh}\n${column.en}: ${note.en}`;
  });
  header.commit();
  const example = sheet.addRow(formatRosterRow(exampleRosterRecord(), language));
  example.font = { italic: true, color: { argb: "FF57534E" } };

  const notes = workbook.addWorksheet(words.notes);
  notes.columns = [
    { header: "列名", key: "zh", width: 16 },
    { header: "Column", key: "en", width: 24 },
    { header: "必填 / Required", key: "required", width: 16 },
    { header: "填写要求", key: "noteZh", width: 60 },
    { header: "Allowed values", key: "noteEn", width: 70 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const column of columns) {
    const note = noteOf(column, project.signingGroupNames);
    notes.addRow({ zh: column.zh, en: column.en, required: column.required ? "是 / yes" : "否 / no", noteZh: note.zh, noteEn: note.en });
  }
  notes.addRow({});
  notes.addRow({
    zh: "说明",
    en: "Notes",
    noteZh: `第一张表第 1 行为列名（中文或英文，顺序不限），第 2 行起每行一户；第 2 行的示例保持原样时导入会跳过，可直接覆盖。按房屋编号新增或更新，有任何错误则整份文件不导入。每次最多 ${ROSTER_LIMITS.maxRows.toLocaleString("zh-CN")} 户、${ROSTER_LIMITS.maxFileBytes / 1024 / 1024} MB。也可另存为 CSV（UTF-8 或 GB18030）导入。`,
    noteEn: `Row 1 of the first sheet holds the headers (Chinese or English, any order), then one household per row; the example in row 2 is skipped while unchanged, so overwrite it. Households are created or updated by code; any problem and nothing is imported. At most ${ROSTER_LIMITS.maxRows.toLocaleString("en")} households and ${ROSTER_LIMITS.maxFileBytes / 1024 / 1024} MB per file. CSV (UTF-8 or GB18030) works too.`,
  });
  notes.getColumn("noteZh").alignment = { wrapText: true, vertical: "top" };
  notes.getColumn("noteEn").alignment = { wrapText: true, vertical: "top" };

  addDropDowns(workbook, sheet, language, project.signingGroupNames);

  const buffer = await workbook.xlsx.writeBuffer();
  const fileName = language === "zh" ? `花名册模板-${project.code}.xlsx` : `roster-template-${project.code}.xlsx`;
  return { fileName, bytes: new Uint8Array(buffer as ArrayBuffer) };
}

/** exceljs keeps range rules in `dataValidations`, which its type definitions leave out. */
type SheetWithValidations = ExcelJS.Worksheet & { dataValidations: { add(address: string, rule: ExcelJS.DataValidation): void } };

/**
 * The drop-downs: each column of fixed values lists them on a hidden sheet (a list written into
 * the rule itself could not hold a value with a comma, "Hong Kong, Macao, Taiwan") and every data
 * row up to the import's row limit offers them. A warning, not a stop, for anything else typed:
 * the import also takes other spellings (有 / 无, Y / N, PUBLIC_LEASE) and says what is wrong.
 */
function addDropDowns(workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet, language: RosterLanguage, groupNames: string[]): void {
  const words = SHEETS[language];
  const lists = workbook.addWorksheet(words.lists, { state: "hidden" });
  const lastRow = ROSTER_LIMITS.maxRows + 1;
  let listColumn = 0;
  (ROSTER_COLUMNS as readonly AnyRosterColumn[]).forEach((column, index) => {
    const choices = rosterChoices(column.key, language, groupNames);
    if (!choices) return;
    listColumn += 1;
    const letter = columnLetter(listColumn - 1);
    lists.getCell(`${letter}1`).value = language === "zh" ? column.zh : column.en;
    choices.forEach((choice, i) => (lists.getCell(`${letter}${i + 2}`).value = choice));
    const target = columnLetter(index);
    (sheet as SheetWithValidations).dataValidations.add(`${target}2:${target}${lastRow}`, {
      type: "list",
      allowBlank: true,
      formulae: [`'${words.lists}'!$${letter}$2:$${letter}$${choices.length + 1}`],
      showErrorMessage: true,
      errorStyle: "warning",
      errorTitle: words.pickTitle,
      error: `${words.pick}: ${choices.join(" / ")}`,
    });
  });
}
