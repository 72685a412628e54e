"use client";

import { startTransition, useActionState, useEffect, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { SelectField } from "@/components/ui/select-field";
import type { ActionState } from "@/lib/server/action";

type Option = { value: string; label: string };

export type BulkTaskLabels = {
  title: string;
  description: string;
  mode: string;
  /** With {count}. */
  selection: string;
  /** Already filled in with the total. */
  filter: string;
  kind: string;
  dueDate: string;
  priority: string;
  note: string;
  noteHint: string;
  spread: string;
  spreadOne: string;
  spreadMany: string;
  assignee: string;
  chooseAssignee: string;
  members: string;
  preview: string;
  previewPending: string;
  /** With {count}. */
  confirm: string;
  /** With {count}. */
  pending: string;
  changed: string;
};

type Props = {
  projectId: string;
  /** The household list's filter as a query string (without "?"). */
  filterQuery: string;
  /** The id of the form whose row checkboxes tick households; absent when the list has none. */
  selectionFormId?: string;
  assignees: Option[];
  kinds: Option[];
  priorities: Option[];
  today: string;
  labels: BulkTaskLabels;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
};

/** How many rows of the list are ticked, kept up to date as they change. */
function useTickedRows(formId: string | undefined): string[] {
  const [ticked, setTicked] = useState<string[]>([]);
  useEffect(() => {
    if (!formId) return;
    const read = () =>
      setTicked(
        [...document.querySelectorAll<HTMLInputElement>(`input[type=checkbox][form="${formId}"][name="householdIds"]:checked`)].map(
          (box) => box.value,
        ),
      );
    const afterReset = () => setTimeout(read, 0);
    read();
    document.addEventListener("change", read);
    document.addEventListener("reset", afterReset);
    return () => {
      document.removeEventListener("change", read);
      document.removeEventListener("reset", afterReset);
    };
  }, [formId]);
  return ticked;
}

/**
 * "Create tasks for these households": first counts (preview), then, confirmed, creates them in
 * one request. The fields are kept in state so the count and the confirmation belong to the
 * same choices; any change after the count asks for a new count.
 */
export function BulkTaskForm({ projectId, filterQuery, selectionFormId, assignees, kinds, priorities, today, labels, action }: Props) {
  const [state, dispatch, pending] = useActionState(action, { ok: false });
  const ticked = useTickedRows(selectionFormId);
  const [mode, setMode] = useState<"filter" | "selection">("filter");
  const [kind, setKind] = useState(kinds[0]?.value ?? "");
  const [dueDate, setDueDate] = useState(today);
  const [priority, setPriority] = useState("NORMAL");
  const [note, setNote] = useState("");
  const [spread, setSpread] = useState<"one" | "spread">("one");
  const [assigneeId, setAssigneeId] = useState("");
  const [memberIds, setMemberIds] = useState<string[]>([]);
  const [sentIntent, setSentIntent] = useState<"preview" | "create">("preview");

  const signature = JSON.stringify([
    mode,
    mode === "selection" ? ticked : filterQuery,
    kind,
    dueDate,
    priority,
    note,
    spread,
    assigneeId,
    memberIds,
  ]);
  const [previewedFor, setPreviewedFor] = useState<string | null>(null);
  const preview = state.ok && state.values?.intent === "preview" ? state.values : undefined;
  const willCreate = Number(preview?.willCreate ?? 0);
  const previewCurrent = preview !== undefined && previewedFor === signature;

  function submit(intent: "preview" | "create") {
    return (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const data = new FormData(event.currentTarget);
      data.set("intent", intent);
      if (mode === "selection") for (const id of ticked) data.append("householdIds", id);
      setSentIntent(intent);
      if (intent === "preview") setPreviewedFor(signature);
      startTransition(() => dispatch(data));
    };
  }

  const radio = <T extends string>(name: string, value: T, current: T, set: (v: T) => void, text: string) => (
    <label className="flex min-h-11 items-center gap-2">
      <input
        type="radio"
        name={name}
        value={value}
        checked={current === value}
        onChange={() => set(value)}
        className="size-5 accent-brand-700"
      />
      <span>{text}</span>
    </label>
  );
  const pendingText = sentIntent === "create" ? labels.pending.replace("{count}", String(willCreate)) : labels.previewPending;

  return (
    <details
      open={state.message !== undefined || undefined}
      className="rounded-lg border border-stone-200 bg-white p-4"
      data-testid="bulk-tasks"
    >
      <summary className="min-h-11 cursor-pointer py-2">
        <h2 className="inline text-lg font-semibold">{labels.title}</h2>
      </summary>
      <p className="mb-3 text-stone-700">{labels.description}</p>
      <form
        className="flex flex-col gap-3"
        aria-busy={pending}
        onSubmit={(event) => {
          const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
          submit(submitter?.value === "create" ? "create" : "preview")(event);
        }}
        data-testid="bulk-tasks-form"
      >
        <input type="hidden" name="projectId" value={projectId} />
        <input type="hidden" name="filter" value={filterQuery} />
        <fieldset className="flex flex-col">
          <legend className="text-sm font-medium text-stone-800">{labels.mode}</legend>
          {radio("mode", "filter", mode, setMode, labels.filter)}
          {selectionFormId ? radio("mode", "selection", mode, setMode, labels.selection.replace("{count}", String(ticked.length))) : null}
        </fieldset>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <SelectField
            id="bulk-tasks-kind"
            name="kind"
            label={labels.kind}
            options={kinds}
            value={kind}
            onChange={(e) => setKind(e.target.value)}
            errors={state.ok ? undefined : state.fieldErrors?.kind}
            required
          />
          <FormField
            id="bulk-tasks-due"
            name="dueDate"
            type="date"
            label={labels.dueDate}
            min={today}
            value={dueDate}
            onChange={(e) => setDueDate(e.target.value)}
            errors={state.ok ? undefined : state.fieldErrors?.dueDate}
            required
          />
          <SelectField
            id="bulk-tasks-priority"
            name="priority"
            label={labels.priority}
            options={priorities}
            value={priority}
            onChange={(e) => setPriority(e.target.value)}
          />
          <FormField
            id="bulk-tasks-note"
            name="note"
            label={labels.note}
            hint={labels.noteHint}
            maxLength={500}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            errors={state.ok ? undefined : state.fieldErrors?.note}
          />
        </div>
        <fieldset className="flex flex-col">
          <legend className="text-sm font-medium text-stone-800">{labels.spread}</legend>
          {radio("spread", "one", spread, setSpread, labels.spreadOne)}
          {radio("spread", "spread", spread, setSpread, labels.spreadMany)}
        </fieldset>
        {spread === "one" ? (
          <SelectField
            id="bulk-tasks-assignee"
            name="assigneeId"
            label={labels.assignee}
            placeholder={labels.chooseAssignee}
            options={assignees}
            value={assigneeId}
            onChange={(e) => setAssigneeId(e.target.value)}
            errors={state.ok ? undefined : state.fieldErrors?.assigneeId}
            required
          />
        ) : (
          <fieldset className="flex flex-col" aria-describedby={state.fieldErrors?.memberIds ? "bulk-tasks-members-error" : undefined}>
            <legend className="text-sm font-medium text-stone-800">{labels.members}</legend>
            <div className="grid grid-cols-1 sm:grid-cols-2">
              {assignees.map((a) => (
                <label key={a.value} className="flex min-h-11 items-center gap-2">
                  <input
                    type="checkbox"
                    name="memberIds"
                    value={a.value}
                    checked={memberIds.includes(a.value)}
                    onChange={(e) => setMemberIds((ids) => (e.target.checked ? [...ids, a.value] : ids.filter((id) => id !== a.value)))}
                    className="size-5 accent-brand-700"
                  />
                  <span>{a.label}</span>
                </label>
              ))}
            </div>
            <div id="bulk-tasks-members-error" aria-live="polite" className="text-sm text-brand-700">
              {state.ok ? null : state.fieldErrors?.memberIds?.map((e) => <p key={e}>{e}</p>)}
            </div>
          </fieldset>
        )}
        <div className="flex flex-wrap gap-3">
          <Button
            type="submit"
            name="intent"
            value="preview"
            variant={previewCurrent && willCreate > 0 ? "secondary" : "primary"}
            disabled={pending}
          >
            {labels.preview}
          </Button>
          {previewCurrent && willCreate > 0 ? (
            <Button type="submit" name="intent" value="create" disabled={pending} data-testid="bulk-tasks-confirm">
              {labels.confirm.replace("{count}", String(willCreate))}
            </Button>
          ) : null}
        </div>
        <div aria-live="polite" data-testid="bulk-tasks-status">
          {pending ? <Alert tone="info">{pendingText}</Alert> : null}
          {!pending && state.message ? (
            <Alert
              tone={state.ok ? (preview ? "info" : "success") : "error"}
              testId={state.ok ? (preview ? "bulk-tasks-preview" : "bulk-tasks-done") : "bulk-tasks-error"}
            >
              {state.message}
              {preview && !previewCurrent ? <span className="block">{labels.changed}</span> : null}
            </Alert>
          ) : null}
        </div>
      </form>
    </details>
  );
}
