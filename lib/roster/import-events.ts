// What a roster import reports, shared by the use case, the route that streams it and the page
// that shows it. Plain types: the browser imports them too.

/** One thing to fix. row: as Excel shows it (header = row 1), null for the file as a whole;
 *  column: the header as the file spells it (or the template's header when it is missing). */
export type RosterProblem = {
  row: number | null;
  column: string | null;
  /** Catalog key under roster.* and its placeholders. */
  key: string;
  params?: Record<string, string | number>;
};

export type RosterImportPhase = "parse" | "validate" | "write";
export type RosterProgress = { phase: RosterImportPhase; done: number; total: number };
/** Awaited at each report: a slow reader (a stream) holds the import back instead of piling up. */
export type RosterProgressListener = (progress: RosterProgress) => void | Promise<void>;

export type RosterImportSummary = {
  /** Data rows read from the file (blank rows and the template's untouched example row aside). */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Existing households the import moved to another signing group (or took out of one). Every
   *  group change, a new household's first group included, also has an assign:household event. */
  reassigned: number;
};

export type RosterImportResult =
  | ({ ok: true } & RosterImportSummary)
  | {
      ok: false;
      problems: RosterProblem[];
      /** All problems found; `problems` holds at most MAX_REPORTED_PROBLEMS. */ problemCount: number;
    };

/** Problems returned at most: a file wrong in every cell would otherwise send megabytes. */
export const MAX_REPORTED_PROBLEMS = 20_000;

/** Lines of the import route's newline-delimited JSON stream. Messages are translated already. */
export type RosterStreamLine =
  | ({ type: "progress" } & RosterProgress)
  | ({ type: "result" } & RosterImportSummary)
  | { type: "problems"; problems: (RosterProblem & { message: string })[]; problemCount: number }
  | { type: "error"; message: string };
