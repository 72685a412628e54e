"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent, type RefObject } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ColumnHeader, Table, TableBody, TableCell, TableHead, TableRegion, TableRow } from "@/components/ui/table";
import { judgeRosterFile, ROSTER_SNIFF_BYTES, type RosterFileRefusal } from "@/lib/roster/file-kind";
import type { RosterImportPhase, RosterImportSummary, RosterStreamLine } from "@/lib/roster/import-events";

export type RosterImportLabels = {
  formTitle: string;
  file: string;
  fileHint: string;
  submit: string;
  submitting: string;
  noFile: string;
  /** Why a file is refused by its content, each with "{name}" (the server says the same). */
  refused: Record<RosterFileRefusal, string>;
  unreadable: string;
  tooLarge: string;
  progressLabel: string;
  /** "Step {step} of 3: {phase}" */
  step: string;
  /** "{done} / {total}" */
  stepCount: string;
  phases: Record<RosterImportPhase, string>;
  resultTitle: string;
  rows: string;
  created: string;
  updated: string;
  unchanged: string;
  /** "…{count}…" */
  reassigned: string;
  /** "{count} 户" */
  households: string;
  unchangedHint: string;
  /** "{count} problems…" */
  problemsTitle: string;
  problemsHint: string;
  /** "The first {shown} problems…" */
  problemsCapped: string;
  problemsCaption: string;
  row: string;
  column: string;
  problem: string;
  wholeFile: string;
  /** "Page {page} of {pages}" */
  page: string;
  previous: string;
  next: string;
  failedTitle: string;
  interrupted: string;
  internal: string;
};

type Problem = Extract<RosterStreamLine, { type: "problems" }>["problems"][number];
type State =
  | { kind: "idle"; error?: string }
  | { kind: "running"; phase: RosterImportPhase; done: number; total: number }
  | { kind: "done"; summary: RosterImportSummary }
  | { kind: "problems"; problems: Problem[]; problemCount: number }
  | { kind: "failed"; message: string };

const PHASES: RosterImportPhase[] = ["parse", "validate", "write"];
const PAGE_SIZE = 50;

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Why the chosen file is not sent at all, if it is not: judged by its first bytes, as the
 *  server judges it (an .xls gets the advice to save it as .xlsx, a .txt is refused). */
async function fileRefusal(file: File | undefined, maxBytes: number, labels: RosterImportLabels): Promise<string | null> {
  if (!file) return labels.noFile;
  if (file.size > maxBytes) return labels.tooLarge;
  // An empty file goes to the server, which says so.
  if (file.size === 0) return null;
  const head = new Uint8Array(await file.slice(0, ROSTER_SNIFF_BYTES).arrayBuffer());
  const judged = judgeRosterFile(file.name, head);
  if (judged.ok) return null;
  if ("unreadable" in judged) return labels.unreadable;
  return fill(labels.refused[judged.refusal], { name: file.name });
}

/** The lines of the import route's answer (newline-delimited JSON), as they arrive. */
async function* readLines(body: NonNullable<Response["body"]>): AsyncGenerator<RosterStreamLine> {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    const lines = buffer.split("\n");
    buffer = lines.pop() ?? "";
    for (const text of lines) if (text.trim()) yield JSON.parse(text) as RosterStreamLine;
  }
}

function stateOf(line: RosterStreamLine): State {
  if (line.type === "progress") return { kind: "running", phase: line.phase, done: line.done, total: line.total };
  if (line.type === "result") {
    const { type: _type, ...summary } = line;
    return { kind: "done", summary };
  }
  if (line.type === "problems") return { kind: "problems", problems: line.problems, problemCount: line.problemCount };
  return { kind: "failed", message: line.message };
}

/** Sends a file to the import route and follows its streamed progress to the outcome. */
function useRosterImport(projectId: string, maxBytes: number, labels: RosterImportLabels) {
  const router = useRouter();
  const [state, setState] = useState<State>({ kind: "idle" });
  // Counts the files sent: each one's outcome is shown afresh (a problem list from its first page).
  const [attempt, setAttempt] = useState(0);

  async function upload(file: File | undefined) {
    const refusal = await fileRefusal(file, maxBytes, labels);
    if (refusal || !file) return setState({ kind: "idle", error: refusal ?? labels.noFile });
    setAttempt((a) => a + 1);
    setState({ kind: "running", phase: "parse", done: 0, total: 0 });
    const body = new FormData();
    body.set("file", file);
    let finished = false;
    try {
      const response = await fetch(`/api/projects/${projectId}/roster/import`, { method: "POST", body });
      if (!response.ok || !response.body) {
        const payload = (await response.json().catch(() => null)) as { message?: string } | null;
        setState({ kind: "failed", message: payload?.message ?? labels.internal });
        return;
      }
      for await (const line of readLines(response.body)) {
        finished ||= line.type !== "progress";
        setState(stateOf(line));
        // The page's household count is a server render: fetch it again.
        if (line.type === "result" && line.created > 0) router.refresh();
      }
      if (!finished) setState({ kind: "failed", message: labels.interrupted });
    } catch {
      if (!finished) setState({ kind: "failed", message: labels.interrupted });
    }
  }

  const clearError = () => state.kind === "idle" && state.error && setState({ kind: "idle" });
  return { state, attempt, upload, clearError };
}

/** Upload with streamed progress (newline-delimited JSON from the import route). */
export function RosterImportForm({
  projectId,
  locale,
  maxBytes,
  labels,
}: {
  projectId: string;
  locale: string;
  maxBytes: number;
  labels: RosterImportLabels;
}) {
  const { state, attempt, upload, clearError } = useRosterImport(projectId, maxBytes, labels);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const n = new Intl.NumberFormat(locale);

  // Screen-reader and keyboard users land on the outcome when it arrives.
  useEffect(() => {
    if (state.kind === "done" || state.kind === "problems" || state.kind === "failed") resultHeading.current?.focus();
  }, [state.kind]);

  return (
    <section aria-labelledby="roster-upload-title" className="flex flex-col gap-4 rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="roster-upload-title" className="text-lg font-semibold">
        {labels.formTitle}
      </h2>
      <RosterFileForm
        error={state.kind === "idle" ? state.error : undefined}
        running={state.kind === "running"}
        onUpload={upload}
        onChange={clearError}
        labels={labels}
      />
      <div aria-live="polite" className="sr-only" data-testid="roster-status">
        {state.kind === "running" ? fill(labels.step, { step: PHASES.indexOf(state.phase) + 1, phase: labels.phases[state.phase] }) : null}
      </div>
      {state.kind === "running" ? <RosterProgress state={state} labels={labels} n={n} /> : null}
      {state.kind === "done" ? <RosterResult summary={state.summary} labels={labels} n={n} headingRef={resultHeading} /> : null}
      {state.kind === "problems" ? <ProblemList key={attempt} state={state} labels={labels} n={n} headingRef={resultHeading} /> : null}
      {state.kind === "failed" ? (
        <div className="flex flex-col gap-2" data-testid="roster-failed">
          <h3 ref={resultHeading} tabIndex={-1} className="text-lg font-semibold text-brand-800">
            {labels.failedTitle}
          </h3>
          <Alert tone="error">{state.message}</Alert>
        </div>
      ) : null}
    </section>
  );
}

function RosterFileForm({
  error,
  running,
  onUpload,
  onChange,
  labels,
}: {
  error?: string;
  running: boolean;
  onUpload: (file: File | undefined) => void;
  onChange: () => void;
  labels: RosterImportLabels;
}) {
  const fileInput = useRef<HTMLInputElement>(null);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onUpload(fileInput.current?.files?.[0]);
  }
  return (
    <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
      <div className="flex flex-col gap-1">
        <label htmlFor="roster-file" className="text-sm font-medium text-stone-800">
          {labels.file}
        </label>
        <input
          ref={fileInput}
          id="roster-file"
          name="file"
          type="file"
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          aria-describedby="roster-file-hint roster-file-error"
          aria-invalid={error ? true : undefined}
          disabled={running}
          onChange={onChange}
          className="min-h-11 w-full max-w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-base file:mr-3 file:rounded file:border-0 file:bg-stone-100 file:px-3 file:py-1"
        />
        <p id="roster-file-hint" className="text-sm text-stone-600">
          {labels.fileHint}
        </p>
        <div id="roster-file-error" aria-live="polite" className="text-sm text-brand-700">
          {error ? <p>{error}</p> : null}
        </div>
      </div>
      <div>
        <Button type="submit" disabled={running} data-testid="roster-submit">
          {running ? labels.submitting : labels.submit}
        </Button>
      </div>
    </form>
  );
}

function RosterProgress({
  state,
  labels,
  n,
}: {
  state: Extract<State, { kind: "running" }>;
  labels: RosterImportLabels;
  n: Intl.NumberFormat;
}) {
  const count = state.total ? fill(labels.stepCount, { done: n.format(state.done), total: n.format(state.total) }) : undefined;
  return (
    <div className="flex flex-col gap-1" data-testid="roster-progress">
      <label htmlFor="roster-progress-bar" className="text-sm font-medium">
        {labels.progressLabel} · {fill(labels.step, { step: PHASES.indexOf(state.phase) + 1, phase: labels.phases[state.phase] })}
      </label>
      <progress
        id="roster-progress-bar"
        className="h-3 w-full accent-brand-700"
        max={state.total || 1}
        value={state.total ? state.done : undefined}
        aria-valuetext={count}
      />
      <p className="text-sm tabular-nums text-stone-700">{count ?? "…"}</p>
    </div>
  );
}

function RosterResult({
  summary,
  labels,
  n,
  headingRef,
}: {
  summary: RosterImportSummary;
  labels: RosterImportLabels;
  n: Intl.NumberFormat;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const counts = [
    ["rows", labels.rows, summary.rows],
    ["created", labels.created, summary.created],
    ["updated", labels.updated, summary.updated],
    ["unchanged", labels.unchanged, summary.unchanged],
  ] as const;
  return (
    <div className="flex flex-col gap-3" data-testid="roster-result">
      <h3 ref={headingRef} tabIndex={-1} className="text-lg font-semibold text-emerald-900">
        {labels.resultTitle}
      </h3>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {counts.map(([key, label, count]) => (
          <div key={key} className="rounded-lg border border-stone-200 p-3">
            <dt className="text-sm text-stone-600">{label}</dt>
            <dd className="text-2xl font-semibold tabular-nums" data-testid={`roster-${key}`}>
              {fill(labels.households, { count: n.format(count) })}
            </dd>
          </div>
        ))}
      </dl>
      {summary.reassigned > 0 ? (
        <p className="text-stone-700" data-testid="roster-reassigned">
          {fill(labels.reassigned, { count: n.format(summary.reassigned) })}
        </p>
      ) : null}
      <p className="text-sm text-stone-600">{labels.unchangedHint}</p>
    </div>
  );
}

function ProblemList({
  state,
  labels,
  n,
  headingRef,
}: {
  state: Extract<State, { kind: "problems" }>;
  labels: RosterImportLabels;
  n: Intl.NumberFormat;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(state.problems.length / PAGE_SIZE));
  const shown = state.problems.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  return (
    <div className="flex flex-col gap-3" data-testid="roster-problems">
      <h3 ref={headingRef} tabIndex={-1} className="text-lg font-semibold text-brand-800">
        {fill(labels.problemsTitle, { count: n.format(state.problemCount) })}
      </h3>
      <p className="text-stone-700">
        {labels.problemsHint}
        {state.problemCount > state.problems.length ? ` ${fill(labels.problemsCapped, { shown: n.format(state.problems.length) })}` : ""}
      </p>
      <TableRegion labelledBy="roster-problems-caption" className="overflow-x-auto rounded-md border border-stone-200">
        <Table className="text-base" caption={labels.problemsCaption} captionId="roster-problems-caption">
          <TableHead className="bg-stone-100 text-sm">
            <ColumnHeader>{labels.row}</ColumnHeader>
            <ColumnHeader>{labels.column}</ColumnHeader>
            <ColumnHeader>{labels.problem}</ColumnHeader>
          </TableHead>
          <TableBody>
            {shown.map((problem, i) => (
              <TableRow key={`${page}-${i}`} className="border-t border-stone-200 align-top" data-testid="roster-problem">
                <TableCell className="whitespace-nowrap tabular-nums">
                  {problem.row === null ? labels.wholeFile : n.format(problem.row)}
                </TableCell>
                <TableCell className="[overflow-wrap:anywhere]">{problem.column ?? "—"}</TableCell>
                <TableCell className="min-w-[10rem]">{problem.message}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableRegion>
      {pages > 1 ? (
        <nav aria-label={labels.problemsCaption} className="flex flex-wrap items-center gap-2">
          <Button type="button" variant="secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>
            {labels.previous}
          </Button>
          <span aria-live="polite" className="tabular-nums">
            {fill(labels.page, { page: page + 1, pages })}
          </span>
          <Button type="button" variant="secondary" disabled={page >= pages - 1} onClick={() => setPage(page + 1)}>
            {labels.next}
          </Button>
        </nav>
      ) : null}
    </div>
  );
}
