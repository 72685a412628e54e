// The household roster (花名册) as a spreadsheet: every column defined once, so the template,
// the import and the households export agree and an exported list can be imported again.
// Plain module (no server-only): the import page shows the same headers and allowed values.
//
// Rules of a cell:
// - headers may be Chinese or English, in any order; each column at most once;
// - a required column must be present and its cells non-empty;
// - an empty cell of an optional column means "none" (null, 0, no, 其他 / 本市 for the enums).
import type { OwnerLocation, Tenure } from "../generated/prisma/enums.ts";
import {
  HOUSEHOLD_ADDRESS_MAX,
  HOUSEHOLD_ADDRESS_PART_MAX,
  HOUSEHOLD_HEAD_NAME_MAX,
  householdTextProblem,
  ZHouseholdAddress,
} from "./household-fields.ts";

/** What a spreadsheet cell holds once read (exceljs values and CSV text are reduced to this). */
export type RosterCell = string | number | boolean | Date | null | undefined;
/** What `format` puts into a cell: numbers stay numbers so Excel can sum them. */
export type RosterCellOut = string | number | null;
export type RosterLanguage = "zh" | "en";

/** Catalog keys (lib/i18n/messages/areas/roster.ts, under `roster.cell`) a cell can fail with. */
export type RosterCellErrorKey =
  | "roster.cell.required"
  | "roster.cell.tooLong"
  | "roster.cell.code"
  | "roster.cell.text"
  | "roster.cell.controlCharacter"
  | "roster.cell.invisibleCharacter"
  | "roster.cell.integer"
  | "roster.cell.area"
  | "roster.cell.areaPositive"
  | "roster.cell.areaDecimals"
  | "roster.cell.tenure"
  | "roster.cell.ownerLocation"
  | "roster.cell.flag"
  | "roster.cell.phone"
  | "roster.cell.livingAreaAboveFloorArea";

export type RosterCellError = { key: RosterCellErrorKey; params?: Record<string, string | number> };
export type ParseResult<V> = { ok: true; value: V } | ({ ok: false } & RosterCellError);

/** One household as the roster describes it. Areas are decimal strings with two places ("12.30"). */
export type RosterRecord = {
  code: string;
  lane: string | null;
  building: string;
  number: string | null;
  room: string | null;
  address: string;
  tenure: Tenure;
  headName: string;
  phone: string | null;
  registeredPopulation: number;
  residentCount: number;
  floorArea: string;
  livingArea: string | null;
  ownerLocation: OwnerLocation;
  isPartyMemberHousehold: boolean;
  isHardship: boolean;
  isElderlySickDisabled: boolean;
  hasFamilyDispute: boolean;
  /** Name of one of the project's signing groups; null = not assigned. */
  signingGroupName: string | null;
};
export type RosterColumnKey = keyof RosterRecord;

export type RosterColumn<K extends RosterColumnKey = RosterColumnKey> = {
  key: K;
  /** The header the template writes (Chinese) and its English equivalent. */
  zh: string;
  en: string;
  /** Further headers people actually type (幢 or 栋, 电话 …). */
  aliases?: readonly string[];
  required: boolean;
  /** Allowed values as the template's note lists them, in each language. */
  note: { zh: string; en: string };
  /** Example value for the template's first row. */
  example: RosterRecord[K];
  parse: (cell: RosterCell) => ParseResult<RosterRecord[K]>;
  format: (value: RosterRecord[K], language?: RosterLanguage) => RosterCellOut;
};

/** Any one of the columns (a union, so parse and format keep their own value types). */
export type AnyRosterColumn = { [K in RosterColumnKey]: RosterColumn<K> }[RosterColumnKey];

export const ROSTER_LIMITS = {
  /** Rows of households in one file (a project has up to ~5,000; the benchmark runs 10,000). */
  maxRows: 20_000,
  /** Bytes of one uploaded file. */
  maxFileBytes: 10 * 1024 * 1024,
  /** Characters of one cell: Excel's own limit, far above any column's (an address: 200). */
  maxCellChars: 32_767,
  /** Bytes of a workbook's parts once unpacked (sheet, shared strings, styles): a roster of
   *  20,000 households as the template lays it out unpacks to about 15 MB. */
  maxUnpackedBytes: 64 * 1024 * 1024,
  /** Columns of a sheet: the template has 19 (and an export one more). */
  maxColumns: 200,
  codeLength: 40,
  shortText: HOUSEHOLD_ADDRESS_PART_MAX,
  address: HOUSEHOLD_ADDRESS_MAX,
  headName: HOUSEHOLD_HEAD_NAME_MAX,
  groupName: 100,
  maxPersons: 999,
  /** Decimal(10, 2) in the schema. */
  maxArea: 99_999_999.99,
} as const;

// ─────────────────────────── cell readers ───────────────────────────

/** Cell → trimmed text, or null when empty. Numbers keep their digits (room 101, phone 139…). */
export function cellText(cell: RosterCell): string | null | undefined {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === "string") {
    const text = cell.replace(/\u00a0|\u3000/g, " ").trim();
    return text === "" ? null : text;
  }
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : undefined;
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  // A date where text belongs: Excel reformatted the cell, better to say so than to guess.
  return undefined;
}

/** A name or an address part: the characters the edit form refuses, the import refuses too
 *  (household-fields.ts). */
function characterError(text: string): RosterCellError | null {
  const problem = householdTextProblem(text);
  return problem === null ? null : { key: `roster.cell.${problem}` as const };
}

/** `names`: the cell is a name or an address part (characterError); a group's name only has to
 *  match one of the project's groups. */
function textColumn(options: { required: boolean; max: number; names?: false }) {
  return (cell: RosterCell): ParseResult<string | null> => {
    const text = cellText(cell);
    if (text === undefined) return { ok: false, key: "roster.cell.text" };
    if (text === null) return options.required ? { ok: false, key: "roster.cell.required" } : { ok: true, value: null };
    const refused = options.names === false ? null : characterError(text);
    if (refused) return { ok: false, ...refused };
    if (text.length > options.max) return { ok: false, key: "roster.cell.tooLong", params: { max: options.max } };
    return { ok: true, value: text };
  };
}

/** The address by the one schema the edit form uses too (household-fields.ts). */
function parseAddress(cell: RosterCell): ParseResult<string> {
  const text = cellText(cell);
  if (text === undefined) return { ok: false, key: "roster.cell.text" };
  if (text === null) return { ok: false, key: "roster.cell.required" };
  const refused = characterError(text);
  if (refused) return { ok: false, ...refused };
  const parsed = ZHouseholdAddress.safeParse(text);
  if (!parsed.success) return { ok: false, key: "roster.cell.tooLong", params: { max: HOUSEHOLD_ADDRESS_MAX } };
  return { ok: true, value: parsed.data };
}

function requiredText(max: number) {
  const parse = textColumn({ required: true, max });
  return (cell: RosterCell) => parse(cell) as ParseResult<string>;
}

// The form residents sign in with and staff type to issue access codes (upper case, digits, "-").
const CODE_PATTERN = /^[A-Z0-9][A-Z0-9-]*$/;

function parseCode(cell: RosterCell): ParseResult<string> {
  const text = requiredText(ROSTER_LIMITS.codeLength)(cell);
  if (!text.ok) return text;
  const code = text.value.normalize("NFKC").toUpperCase();
  if (!CODE_PATTERN.test(code)) return { ok: false, key: "roster.cell.code" };
  return { ok: true, value: code };
}

// Mobile (11 digits), landline with area code and extension, or an overseas number with +.
const PHONE_PATTERN = /^\+?[\d\s\-()]{5,24}$/;

function parsePhone(cell: RosterCell): ParseResult<string | null> {
  const text = cellText(cell);
  if (text === undefined) return { ok: false, key: "roster.cell.phone" };
  if (text === null) return { ok: true, value: null };
  if (!PHONE_PATTERN.test(text) || (text.match(/\d/g) ?? []).length < 5) {
    return { ok: false, key: "roster.cell.phone" };
  }
  return { ok: true, value: text };
}

function parseCount(cell: RosterCell): ParseResult<number> {
  const text = cellText(cell);
  if (text === null) return { ok: true, value: 0 };
  const max = ROSTER_LIMITS.maxPersons;
  if (text === undefined || !/^\d+(\.0+)?$/.test(text)) {
    return { ok: false, key: "roster.cell.integer", params: { max } };
  }
  const value = Number.parseInt(text, 10);
  if (value > max) return { ok: false, key: "roster.cell.integer", params: { max } };
  return { ok: true, value };
}

const AREA_UNIT = /\s*(m²|m2|㎡|平方米|平米)$/i;

/** Area as a decimal string with two places; numbers from Excel are rounded only when they are
 *  a float's rendering of a two-place decimal (12.34 stored as 12.340000000000002). */
function parseArea(cell: RosterCell, required: boolean): ParseResult<string | null> {
  let cents: number;
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return { ok: false, key: "roster.cell.area" };
    cents = Math.round(cell * 100);
    if (Math.abs(cell * 100 - cents) > 1e-6 * Math.max(1, Math.abs(cell))) {
      return { ok: false, key: "roster.cell.areaDecimals" };
    }
  } else {
    const text = cellText(cell);
    if (text === null) return required ? { ok: false, key: "roster.cell.required" } : { ok: true, value: null };
    if (text === undefined) return { ok: false, key: "roster.cell.area" };
    const plain = text.replace(AREA_UNIT, "").replace(/,/g, "");
    if (/^-\d+(\.\d+)?$/.test(plain)) return { ok: false, key: "roster.cell.areaPositive" };
    if (/^\d+\.\d{3,}$/.test(plain) && !/^\d+\.\d{2}0+$/.test(plain)) {
      return { ok: false, key: "roster.cell.areaDecimals" };
    }
    if (!/^\d+(\.\d+)?$/.test(plain)) return { ok: false, key: "roster.cell.area" };
    const [whole, fraction = ""] = plain.split(".");
    cents = Number(whole) * 100 + Number(fraction.padEnd(2, "0").slice(0, 2));
  }
  if (cents <= 0) return { ok: false, key: "roster.cell.areaPositive" };
  if (cents > Math.round(ROSTER_LIMITS.maxArea * 100)) return { ok: false, key: "roster.cell.area" };
  return { ok: true, value: centsToDecimal(cents) };
}

function centsToDecimal(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}

function formatArea(value: string | null): RosterCellOut {
  return value === null ? null : Number(value);
}

/** Lower-case, no spaces or punctuation that people vary (全角/半角, "-", "_", "/"). */
function normalizeWord(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\-_/·.、]/g, "");
}

function enumColumn<V extends string>(
  labels: Record<V, { zh: string; en: string; aliases?: readonly string[] }>,
  empty: V,
  errorKey: RosterCellErrorKey,
) {
  const lookup = new Map<string, V>();
  for (const [value, label] of Object.entries(labels) as [V, (typeof labels)[V]][]) {
    for (const word of [value, label.zh, label.en, ...(label.aliases ?? [])]) {
      lookup.set(normalizeWord(word), value);
    }
  }
  return {
    parse(cell: RosterCell): ParseResult<V> {
      const text = cellText(cell);
      if (text === null) return { ok: true, value: empty };
      const value = text === undefined ? undefined : lookup.get(normalizeWord(text));
      return value === undefined ? { ok: false, key: errorKey } : { ok: true, value };
    },
    format(value: V, language: RosterLanguage = "zh"): RosterCellOut {
      return language === "zh" ? labels[value].zh : value;
    },
  };
}

export const TENURE_LABELS = {
  PUBLIC_LEASE: { zh: "公房", en: "Public lease", aliases: ["公有住房", "承租"] },
  PRIVATE_PROPERTY: { zh: "私房", en: "Private property", aliases: ["产权房", "私有住房"] },
  OTHER: { zh: "其他", en: "Other", aliases: ["其它"] },
} as const satisfies Record<Tenure, { zh: string; en: string; aliases?: readonly string[] }>;

export const OWNER_LOCATION_LABELS = {
  LOCAL: { zh: "本市", en: "Local" },
  OTHER_CITY: { zh: "外市", en: "Other city" },
  OTHER_PROVINCE: { zh: "外省", en: "Other province" },
  HK_MACAO_TW: { zh: "港澳台", en: "Hong Kong, Macao, Taiwan", aliases: ["港澳台地区", "HK/Macao/TW"] },
  OVERSEAS: { zh: "境外", en: "Overseas", aliases: ["国外", "海外"] },
} as const satisfies Record<OwnerLocation, { zh: string; en: string; aliases?: readonly string[] }>;

const tenure = enumColumn<Tenure>(TENURE_LABELS, "OTHER", "roster.cell.tenure");
const ownerLocation = enumColumn<OwnerLocation>(OWNER_LOCATION_LABELS, "LOCAL", "roster.cell.ownerLocation");

const TRUE_WORDS = new Set(["是", "有", "yes", "y", "true", "1", "√", "✓"]);
const FALSE_WORDS = new Set(["否", "无", "no", "n", "false", "0", "×", "✗"]);

function parseFlag(cell: RosterCell): ParseResult<boolean> {
  if (typeof cell === "boolean") return { ok: true, value: cell };
  const text = cellText(cell);
  if (text === null) return { ok: true, value: false };
  const word = text === undefined ? "" : normalizeWord(text);
  if (TRUE_WORDS.has(word)) return { ok: true, value: true };
  if (FALSE_WORDS.has(word)) return { ok: true, value: false };
  return { ok: false, key: "roster.cell.flag" };
}

function formatFlag(value: boolean, language: RosterLanguage = "zh"): RosterCellOut {
  if (language === "zh") return value ? "是" : "否";
  return value ? "yes" : "no";
}

const formatText = (value: string | null): RosterCellOut => value;
const formatCount = (value: number): RosterCellOut => value;

const FLAG_NOTE = { zh: "是 / 否，空白为否", en: "yes / no (是 / 否); empty = no" };
const OPTIONAL_TEXT = { zh: "选填", en: "optional" };

function enumNote(labels: Record<string, { zh: string; en: string }>, emptyZh: string, emptyEn: string) {
  const values = Object.entries(labels);
  return {
    zh: `${values.map(([, label]) => label.zh).join(" / ")}，空白为${emptyZh}`,
    en: `${values.map(([value, label]) => `${label.zh} (${value})`).join(" / ")}; empty = ${emptyEn}`,
  };
}

// ─────────────────────────── the columns ───────────────────────────

function column<K extends RosterColumnKey>(definition: RosterColumn<K>): RosterColumn<K> {
  return definition;
}

/** In template order. */
export const ROSTER_COLUMNS = [
  column({
    key: "code",
    zh: "房屋编号",
    en: "Household code",
    aliases: ["编号", "code"],
    required: true,
    note: {
      zh: "必填，项目内唯一；英文字母、数字和 -，最长 40 位",
      en: "required, unique within the project; letters A–Z, digits and -; at most 40",
    },
    example: "EXAMPLE-0001",
    parse: parseCode,
    format: (value) => value,
  }),
  column({
    key: "lane",
    zh: "弄",
    en: "Lane",
    aliases: ["弄号", "里弄", "小区"],
    required: false,
    note: OPTIONAL_TEXT,
    example: "福佑路200弄",
    parse: textColumn({ required: false, max: ROSTER_LIMITS.shortText }),
    format: formatText,
  }),
  column({
    key: "building",
    zh: "幢/栋",
    en: "Building",
    aliases: ["幢", "栋", "楼幢", "楼栋"],
    required: true,
    note: { zh: "必填，挂图作战按幢分行", en: "required; one row of the battle map per building" },
    example: "200弄3号",
    parse: requiredText(ROSTER_LIMITS.shortText),
    format: (value) => value,
  }),
  column({
    key: "number",
    zh: "号",
    en: "Number",
    aliases: ["门牌号", "house number"],
    required: false,
    note: OPTIONAL_TEXT,
    example: "3号",
    parse: textColumn({ required: false, max: ROSTER_LIMITS.shortText }),
    format: formatText,
  }),
  column({
    key: "room",
    zh: "室",
    en: "Room",
    aliases: ["室号", "房号"],
    required: false,
    note: OPTIONAL_TEXT,
    example: "前客堂",
    parse: textColumn({ required: false, max: ROSTER_LIMITS.shortText }),
    format: formatText,
  }),
  column({
    key: "address",
    zh: "地址",
    en: "Address",
    aliases: ["房屋地址", "坐落"],
    required: true,
    note: { zh: `必填，最长 ${HOUSEHOLD_ADDRESS_MAX} 字`, en: `required; at most ${HOUSEHOLD_ADDRESS_MAX} characters` },
    example: "黄浦区福佑路200弄3号前客堂",
    parse: parseAddress,
    format: (value) => value,
  }),
  column({
    key: "tenure",
    zh: "房屋性质",
    en: "Tenure",
    aliases: ["产权性质"],
    required: false,
    note: enumNote(TENURE_LABELS, "其他", "Other"),
    example: "PUBLIC_LEASE",
    parse: tenure.parse,
    format: tenure.format,
  }),
  column({
    key: "headName",
    zh: "户主",
    en: "Head of household",
    aliases: ["户主姓名", "产权人", "承租人", "head"],
    required: true,
    note: { zh: "必填，最长 50 字", en: "required; at most 50 characters" },
    example: "王建国",
    parse: requiredText(ROSTER_LIMITS.headName),
    format: (value) => value,
  }),
  column({
    key: "phone",
    zh: "联系电话",
    en: "Phone",
    aliases: ["电话", "手机", "手机号", "phone number"],
    required: false,
    note: { zh: "选填，手机或座机", en: "optional; mobile or landline" },
    example: "13800000000",
    parse: parsePhone,
    format: formatText,
  }),
  column({
    key: "registeredPopulation",
    zh: "户籍人口",
    en: "Registered population",
    aliases: ["户籍人数"],
    required: false,
    note: { zh: "0–999 的整数，空白为 0", en: "whole number 0–999; empty = 0" },
    example: 3,
    parse: parseCount,
    format: formatCount,
  }),
  column({
    key: "residentCount",
    zh: "实际居住人数",
    en: "Resident count",
    aliases: ["居住人数", "实住人口", "residents"],
    required: false,
    note: { zh: "0–999 的整数，空白为 0", en: "whole number 0–999; empty = 0" },
    example: 2,
    parse: parseCount,
    format: formatCount,
  }),
  column({
    key: "floorArea",
    zh: "建筑面积（m²）",
    en: "Floor area (m²)",
    aliases: ["建筑面积"],
    required: true,
    note: { zh: "必填，大于 0，最多两位小数", en: "required; greater than 0, at most 2 decimals" },
    example: "18.60",
    parse: (cell) => parseArea(cell, true) as ParseResult<string>,
    format: formatArea,
  }),
  column({
    key: "livingArea",
    zh: "居住面积（m²）",
    en: "Living area (m²)",
    aliases: ["居住面积", "使用面积"],
    required: false,
    note: {
      zh: "选填，大于 0，最多两位小数，不大于建筑面积",
      en: "optional; greater than 0, at most 2 decimals, not above the floor area",
    },
    example: "12.40",
    parse: (cell) => parseArea(cell, false),
    format: formatArea,
  }),
  column({
    key: "ownerLocation",
    zh: "产权人所在地",
    en: "Owner location",
    aliases: ["所在地"],
    required: false,
    note: enumNote(OWNER_LOCATION_LABELS, "本市", "Local"),
    example: "LOCAL",
    parse: ownerLocation.parse,
    format: ownerLocation.format,
  }),
  column({
    key: "isPartyMemberHousehold",
    zh: "党员户",
    en: "Party-member household",
    aliases: ["党员"],
    required: false,
    note: FLAG_NOTE,
    example: true,
    parse: parseFlag,
    format: formatFlag,
  }),
  column({
    key: "isHardship",
    zh: "困难户",
    en: "Hardship",
    aliases: ["困难"],
    required: false,
    note: FLAG_NOTE,
    example: false,
    parse: parseFlag,
    format: formatFlag,
  }),
  column({
    key: "isElderlySickDisabled",
    zh: "老弱病残",
    en: "Elderly/sick/disabled",
    aliases: ["elderly sick disabled"],
    required: false,
    note: FLAG_NOTE,
    example: false,
    parse: parseFlag,
    format: formatFlag,
  }),
  column({
    key: "hasFamilyDispute",
    zh: "家庭纠纷",
    en: "Family dispute",
    required: false,
    note: FLAG_NOTE,
    example: false,
    parse: parseFlag,
    format: formatFlag,
  }),
  column({
    key: "signingGroupName",
    zh: "签约小组",
    en: "Signing group",
    aliases: ["小组", "签约组"],
    required: false,
    note: {
      zh: "选填，本项目签约小组的名称，空白为未分配",
      en: "optional; name of one of the project's signing groups; empty = not assigned",
    },
    example: null,
    parse: textColumn({ required: false, max: ROSTER_LIMITS.groupName, names: false }),
    format: formatText,
  }),
] as const satisfies readonly AnyRosterColumn[];

export const ROSTER_COLUMN_KEYS = ROSTER_COLUMNS.map((c) => c.key) as RosterColumnKey[];

export function rosterColumn<K extends RosterColumnKey>(key: K): RosterColumn<K> {
  return ROSTER_COLUMNS.find((c) => c.key === key) as unknown as RosterColumn<K>;
}

export function rosterHeader(key: RosterColumnKey, language: RosterLanguage = "zh"): string {
  const definition = rosterColumn(key);
  return language === "zh" ? definition.zh : definition.en;
}

// ─────────────────────────── headers ───────────────────────────

/** Header text → column: Chinese, English, the key itself and aliases; units in brackets,
 *  case, spaces and full-width forms do not matter. */
function normalizeHeader(text: string): string {
  return normalizeWord(text.replace(/[（(][^）)]*[）)]\s*$/, ""));
}

/** Columns an export adds for reading (the household's state) that an import skips, so an
 *  exported list can be imported again as it is. */
export const ROSTER_READ_ONLY_HEADERS = [{ zh: "状态", en: "State" }] as const;
const READ_ONLY_LOOKUP = new Set(ROSTER_READ_ONLY_HEADERS.flatMap((h) => [normalizeHeader(h.zh), normalizeHeader(h.en)]));

const HEADER_LOOKUP = new Map<string, RosterColumnKey>();
for (const c of ROSTER_COLUMNS as readonly RosterColumn[]) {
  for (const header of [c.key, c.zh, c.en, ...(c.aliases ?? [])]) {
    HEADER_LOOKUP.set(normalizeHeader(header), c.key);
  }
}

export type HeaderError =
  | { key: "roster.file.unknownColumn"; column: string; params: { header: string } }
  | { key: "roster.file.duplicateColumn"; column: string; params: { header: string } }
  | { key: "roster.file.missingColumn"; column: string; params: { header: string } };

export type HeaderMatch = {
  /** Column of each position in the file (null for blank header cells at the end). */
  columns: (RosterColumnKey | null)[];
  /** The header text as the file spells it, per column found, for error messages. */
  headers: Partial<Record<RosterColumnKey, string>>;
  errors: HeaderError[];
};

/** Recognises the header row. Blank header cells are ignored when their column is empty too
 *  (the caller checks that), and so are the read-only columns of an export; unknown, repeated
 *  and missing required columns are errors. */
export function matchRosterHeaders(row: readonly RosterCell[], language: RosterLanguage = "zh"): HeaderMatch {
  const columns: (RosterColumnKey | null)[] = [];
  const headers: Partial<Record<RosterColumnKey, string>> = {};
  const errors: HeaderError[] = [];
  row.forEach((cell) => {
    const text = cellText(cell);
    if (!text) {
      columns.push(null);
      return;
    }
    const key = HEADER_LOOKUP.get(normalizeHeader(text));
    if (!key && READ_ONLY_LOOKUP.has(normalizeHeader(text))) {
      columns.push(null);
    } else if (!key) {
      errors.push({ key: "roster.file.unknownColumn", column: text, params: { header: text } });
      columns.push(null);
    } else if (headers[key] !== undefined) {
      errors.push({ key: "roster.file.duplicateColumn", column: text, params: { header: text } });
      columns.push(null);
    } else {
      headers[key] = text;
      columns.push(key);
    }
  });
  for (const c of ROSTER_COLUMNS as readonly RosterColumn[]) {
    if (c.required && headers[c.key] === undefined) {
      const header = language === "zh" ? c.zh : c.en;
      errors.push({ key: "roster.file.missingColumn", column: header, params: { header } });
    }
  }
  return { columns, headers, errors };
}

// ─────────────────────────── rows ───────────────────────────

export type RowError = RosterCellError & { column: RosterColumnKey };

/** Parses one data row. Only the columns present in the file appear in the record: a column the
 *  file leaves out is not touched when the household is updated. */
export function parseRosterRow(
  cells: readonly RosterCell[],
  columns: readonly (RosterColumnKey | null)[],
): { record: Partial<RosterRecord>; errors: RowError[] } {
  const record: Partial<Record<RosterColumnKey, unknown>> = {};
  const errors: RowError[] = [];
  columns.forEach((key, index) => {
    if (key === null) return;
    const result = (rosterColumn(key) as AnyRosterColumn).parse(cells[index]);
    if (result.ok) record[key] = result.value;
    else errors.push({ column: key, key: result.key, ...(result.params ? { params: result.params } : {}) });
  });
  const parsed = record as Partial<RosterRecord>;
  if (
    typeof parsed.floorArea === "string" &&
    typeof parsed.livingArea === "string" &&
    Number(parsed.livingArea) > Number(parsed.floorArea)
  ) {
    errors.push({ column: "livingArea", key: "roster.cell.livingAreaAboveFloorArea" });
  }
  return { record: parsed, errors };
}

/** One row of cells in column order (for exports and the template); headers via rosterHeader. */
export function formatRosterRow(
  record: RosterRecord,
  language: RosterLanguage = "zh",
  keys: readonly RosterColumnKey[] = ROSTER_COLUMN_KEYS,
): RosterCellOut[] {
  return keys.map((key) => {
    const definition = rosterColumn(key) as AnyRosterColumn;
    return definition.format(record[key] as never, language);
  });
}

const FLAG_KEYS: ReadonlySet<RosterColumnKey> = new Set([
  "isPartyMemberHousehold",
  "isHardship",
  "isElderlySickDisabled",
  "hasFamilyDispute",
]);

/** The values a column's drop-down offers in the template, in `language` (每一项都是导入接受的写法);
 *  null for a column of free text or numbers. The signing groups are the project's own names. */
export function rosterChoices(key: RosterColumnKey, language: RosterLanguage, groupNames: readonly string[] = []): string[] | null {
  const labelsIn = (labels: Record<string, { zh: string; en: string }>) =>
    Object.values(labels).map((l) => (language === "zh" ? l.zh : l.en));
  if (FLAG_KEYS.has(key)) return [formatFlag(true, language), formatFlag(false, language)] as string[];
  if (key === "tenure") return labelsIn(TENURE_LABELS);
  if (key === "ownerLocation") return labelsIn(OWNER_LOCATION_LABELS);
  if (key === "signingGroupName") return groupNames.length > 0 ? [...groupNames] : null;
  return null;
}

/** The template's example row. */
export function exampleRosterRecord(): RosterRecord {
  return Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.key, c.example])) as RosterRecord;
}
