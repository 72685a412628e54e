"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent, type RefObject } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { RosterImportPhase, RosterImportSummary, RosterStreamLine } from "@/lib/roster/import-events";

export type RosterImportLabels = {
  formTitle: string;
  file: string;
  fileHint: string;
  submit: string;
  submitting: string;
  noFile: string;
  wrongType: string;
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
  const router = useRouter();
  const [state, setState] = useState<State>({ kind: "idle" });
  const [page, setPage] = useState(0);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const n = new Intl.NumberFormat(locale);
  const running = state.kind === "running";

  // Screen-reader and keyboard users land on the outcome when it arrives.
  useEffect(() => {
    if (state.kind === "done" || state.kind === "problems" || state.kind === "failed") resultHeading.current?.focus();
  }, [state.kind]);

  async function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) return setState({ kind: "idle", error: labels.noFile });
    if (!/\.(xlsx|csv|txt)$/i.test(file.name)) return setState({ kind: "idle", error: labels.wrongType });
    if (file.size > maxBytes) return setState({ kind: "idle", error: labels.tooLarge });

    setPage(0);
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
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        const lines = buffer.split("\n");
        buffer = lines.pop() ?? "";
        for (const text of lines) {
          if (!text.trim()) continue;
          const line = JSON.parse(text) as RosterStreamLine;
          if (line.type === "progress") {
            setState({ kind: "running", phase: line.phase, done: line.done, total: line.total });
          } else if (line.type === "result") {
            const { type: _type, ...summary } = line;
            finished = true;
            setState({ kind: "done", summary });
            // The page's household count is a server render: fetch it again.
            if (summary.created > 0) router.refresh();
          } else if (line.type === "problems") {
            finished = true;
            setState({ kind: "problems", problems: line.problems, problemCount: line.problemCount });
          } else {
            finished = true;
            setState({ kind: "failed", message: line.message });
          }
        }
      }
      if (!finished) setState({ kind: "failed", message: labels.interrupted });
    } catch {
      if (!finished) setState({ kind: "failed", message: labels.interrupted });
    }
  }

  return (
    <section aria-labelledby="roster-upload-title" className="flex flex-col gap-4 rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="roster-upload-title" className="text-lg font-semibold">
        {labels.formTitle}
      </h2>
      <form onSubmit={upload} className="flex flex-col gap-3" noValidate>
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
            aria-invalid={state.kind === "idle" && state.error ? true : undefined}
            disabled={running}
            onChange={() => state.kind === "idle" && state.error && setState({ kind: "idle" })}
            className="min-h-11 w-full max-w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-base file:mr-3 file:rounded file:border-0 file:bg-stone-100 file:px-3 file:py-1"
          />
          <p id="roster-file-hint" className="text-sm text-stone-600">
            {labels.fileHint}
          </p>
          <div id="roster-file-error" aria-live="polite" className="text-sm text-brand-700">
            {state.kind === "idle" && state.error ? <p>{state.error}</p> : null}
          </div>
        </div>
        <div>
          <Button type="submit" disabled={running} data-testid="roster-submit">
            {running ? labels.submitting : labels.submit}
          </Button>
        </div>
      </form>

      <div aria-live="polite" className="sr-only" data-testid="roster-status">
        {state.kind === "running" ? fill(labels.step, { step: PHASES.indexOf(state.phase) + 1, phase: labels.phases[state.phase] }) : null}
      </div>

      {state.kind === "running" ? (
        <div className="flex flex-col gap-1" data-testid="roster-progress">
          <label htmlFor="roster-progress-bar" className="text-sm font-medium">
            {labels.progressLabel} · {fill(labels.step, { step: PHASES.indexOf(state.phase) + 1, phase: labels.phases[state.phase] })}
          </label>
          <progress
            id="roster-progress-bar"
            className="h-3 w-full accent-brand-700"
            max={state.total || 1}
            value={state.total ? state.done : undefined}
            aria-valuetext={state.total ? fill(labels.stepCount, { done: n.format(state.done), total: n.format(state.total) }) : undefined}
          />
          <p className="text-sm tabular-nums text-stone-700">
            {state.total ? fill(labels.stepCount, { done: n.format(state.done), total: n.format(state.total) }) : "…"}
          </p>
        </div>
      ) : null}

      {state.kind === "done" ? (
        <div className="flex flex-col gap-3" data-testid="roster-result">
          <h3 ref={resultHeading} tabIndex={-1} className="text-lg font-semibold text-emerald-900">
            {labels.resultTitle}
          </h3>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            {(
              [
                ["rows", labels.rows, state.summary.rows],
                ["created", labels.created, state.summary.created],
                ["updated", labels.updated, state.summary.updated],
                ["unchanged", labels.unchanged, state.summary.unchanged],
              ] as const
            ).map(([key, label, count]) => (
              <div key={key} className="rounded-lg border border-stone-200 p-3">
                <dt className="text-sm text-stone-600">{label}</dt>
                <dd className="text-2xl font-semibold tabular-nums" data-testid={`roster-${key}`}>
                  {fill(labels.households, { count: n.format(count) })}
                </dd>
              </div>
            ))}
          </dl>
          {state.summary.reassigned > 0 ? (
            <p className="text-stone-700" data-testid="roster-reassigned">
              {fill(labels.reassigned, { count: n.format(state.summary.reassigned) })}
            </p>
          ) : null}
          <p className="text-sm text-stone-600">{labels.unchangedHint}</p>
        </div>
      ) : null}

      {state.kind === "problems" ? (
        <ProblemList state={state} page={page} setPage={setPage} labels={labels} n={n} headingRef={resultHeading} />
      ) : null}

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

function ProblemList({
  state,
  page,
  setPage,
  labels,
  n,
  headingRef,
}: {
  state: Extract<State, { kind: "problems" }>;
  page: number;
  setPage: (page: number) => void;
  labels: RosterImportLabels;
  n: Intl.NumberFormat;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
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
      <div role="region" aria-labelledby="roster-problems-caption" tabIndex={0} className="overflow-x-auto rounded-md border border-stone-200">
        <table className="w-full text-left text-base">
          <caption id="roster-problems-caption" className="sr-only">
            {labels.problemsCaption}
          </caption>
          <thead className="bg-stone-100 text-sm">
            <tr>
              <th scope="col" className="px-3 py-2">
                {labels.row}
              </th>
              <th scope="col" className="px-3 py-2">
                {labels.column}
              </th>
              <th scope="col" className="px-3 py-2">
                {labels.problem}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((problem, i) => (
              <tr key={`${page}-${i}`} className="border-t border-stone-200 align-top" data-testid="roster-problem">
                <td className="whitespace-nowrap px-3 py-2 tabular-nums">{problem.row === null ? labels.wholeFile : n.format(problem.row)}</td>
                <td className="px-3 py-2 [overflow-wrap:anywhere]">{problem.column ?? "—"}</td>
                <td className="min-w-[10rem] px-3 py-2">{problem.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
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
