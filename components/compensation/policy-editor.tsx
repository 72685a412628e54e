"use client";

import { useState } from "react";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import type { CompensationLineKind, TPolicyLine } from "@/lib/domain/compensation";
import type { compensationMessages } from "@/lib/i18n/messages/areas/compensation";
import type { ActionState } from "@/lib/server/action";

export type PolicyEditorLabels = Pick<(typeof compensationMessages)["en"], "kinds" | "tenures" | "per" | "events" | "editor">;
type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

const KINDS: CompensationLineKind[] = ["VALUATION", "PERCENT_OF", "AREA_TOP_UP", "TENURE_SHARE", "FIXED", "DATE_BONUS", "HARDSHIP_TOP_UP"];
const TENURES = ["PUBLIC_LEASE", "PRIVATE_PROPERTY", "OTHER"] as const;

const input = "min-h-11 w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-base";

function newLine(kind: CompensationLineKind, key: string, label: string): TPolicyLine {
  switch (kind) {
    case "VALUATION":
      return { key, label, kind };
    case "PERCENT_OF":
      return { key, label, kind, percent: "", of: [] };
    case "AREA_TOP_UP":
      return { key, label, kind, area: "", tenures: [] };
    case "TENURE_SHARE":
      return { key, label, kind, tenure: "PUBLIC_LEASE", percent: "", of: [] };
    case "FIXED":
      return { key, label, kind, amount: "", per: "HOUSEHOLD" };
    case "DATE_BONUS":
      return { key, label, kind, event: "SIGNING", tiers: [{ onOrBefore: "", amount: "" }] };
    case "HARDSHIP_TOP_UP":
      return { key, label, kind, perPersonArea: "", of: [] };
  }
}

/** A key no line of the list has yet ("percent_of-3"): references name lines by it, so it stays
 *  the same when the line is renamed or moved. */
function freshKey(lines: TPolicyLine[], kind: CompensationLineKind): string {
  const taken = new Set(lines.map((l) => l.key));
  for (let n = lines.length + 1; ; n++) {
    const key = `${kind.toLowerCase()}-${n}`;
    if (!taken.has(key)) return key;
  }
}

function TextInput({
  id,
  label,
  value,
  onChange,
  type = "text",
  inputMode,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: "text" | "date";
  inputMode?: "decimal";
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input id={id} type={type} inputMode={inputMode} className={input} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

function Choice({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select id={id} className={input} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function Checks({
  legend,
  options,
  chosen,
  onChange,
  empty,
}: {
  legend: string;
  options: { value: string; label: string }[];
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
  empty?: string;
}) {
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="text-sm font-medium">{legend}</legend>
      {options.length === 0 && empty ? <p className="text-sm text-stone-600">{empty}</p> : null}
      <div className="flex flex-wrap gap-x-4">
        {options.map((o) => (
          <label key={o.value} className="inline-flex min-h-11 items-center gap-2">
            <input
              type="checkbox"
              className="h-5 w-5"
              checked={chosen.includes(o.value)}
              onChange={(e) => onChange(e.target.checked ? [...chosen, o.value] : chosen.filter((v) => v !== o.value))}
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * The policy's lines in order: add one of any kind, remove, move, edit each kind's parameters,
 * choose the earlier lines a line builds on. "Save draft" sends the whole list with the version
 * the page showed (a draft saved by someone else in between is refused); the server checks every
 * rule again and names the line and field that is wrong.
 */
export function PolicyEditor({
  projectId,
  version,
  initialLines,
  labels,
  saveAction,
}: {
  projectId: string;
  version: number;
  initialLines: TPolicyLine[];
  labels: PolicyEditorLabels;
  saveAction: Action;
}) {
  const [lines, setLines] = useState<TPolicyLine[]>(initialLines);
  const [addKind, setAddKind] = useState<CompensationLineKind>("VALUATION");
  const L = labels.editor;
  const update = (index: number, patch: Partial<TPolicyLine>) =>
    setLines((all) => all.map((line, i) => (i === index ? ({ ...line, ...patch } as TPolicyLine) : line)));
  const move = (index: number, by: -1 | 1) =>
    setLines((all) => {
      const next = [...all];
      const [line] = next.splice(index, 1);
      next.splice(index + by, 0, line!);
      return next;
    });
  const remove = (index: number) =>
    setLines((all) => {
      const gone = all[index]!.key;
      // Lines that built on the removed one no longer name it.
      return all.filter((_, i) => i !== index).map((l) => ("of" in l ? ({ ...l, of: l.of.filter((k) => k !== gone) } as TPolicyLine) : l));
    });

  return (
    <ActionForm action={saveAction} testId="policy-editor" className="flex flex-col gap-4">
      {({ state }) => (
        <>
          <input type="hidden" name="projectId" value={projectId} />
          <input type="hidden" name="version" value={version} />
          <input type="hidden" name="lines" value={JSON.stringify(lines)} />
          <h2 className="text-lg font-semibold">{L.title}</h2>
          {lines.length === 0 ? <p className="text-stone-700">{L.empty}</p> : null}
          <ol className="flex flex-col gap-3">
            {lines.map((line, index) => {
              const id = `line-${index}`;
              const earlier = lines.slice(0, index).map((l) => ({ value: l.key, label: l.label || l.key }));
              const errors = Object.entries(state.fieldErrors ?? {})
                .filter(([field]) => field === `lines.${index}` || field.startsWith(`lines.${index}.`))
                .flatMap(([, messages]) => messages);
              return (
                <li key={line.key} className="rounded-lg border border-stone-200 bg-white p-4" data-testid={`policy-line-${index}`}>
                  <fieldset className="flex flex-col gap-3" aria-describedby={errors.length ? `${id}-errors` : undefined}>
                    <legend className="font-semibold">
                      {L.line.replace("{n}", String(index + 1))} · {labels.kinds[line.kind]}
                    </legend>
                    {errors.length ? (
                      <p id={`${id}-errors`} className="text-brand-800" data-testid={`policy-line-${index}-errors`}>
                        {[...new Set(errors)].join(" ")}
                      </p>
                    ) : null}
                    <TextInput id={`${id}-label`} label={L.label} value={line.label} onChange={(label) => update(index, { label })} />
                    {line.kind === "PERCENT_OF" || line.kind === "TENURE_SHARE" ? (
                      <TextInput
                        id={`${id}-percent`}
                        label={line.kind === "TENURE_SHARE" ? L.percentShare : L.percent}
                        inputMode="decimal"
                        value={line.percent}
                        onChange={(percent) => update(index, { percent })}
                      />
                    ) : null}
                    {line.kind === "TENURE_SHARE" ? (
                      <Choice
                        id={`${id}-tenure`}
                        label={L.tenure}
                        value={line.tenure}
                        options={TENURES.map((v) => ({ value: v, label: labels.tenures[v] }))}
                        onChange={(tenure) => update(index, { tenure: tenure as (typeof TENURES)[number] })}
                      />
                    ) : null}
                    {line.kind === "AREA_TOP_UP" ? (
                      <>
                        <TextInput
                          id={`${id}-area`}
                          label={L.area}
                          inputMode="decimal"
                          value={line.area}
                          onChange={(area) => update(index, { area })}
                        />
                        <Checks
                          legend={L.tenuresAny}
                          options={TENURES.map((v) => ({ value: v, label: labels.tenures[v] }))}
                          chosen={line.tenures}
                          onChange={(tenures) => update(index, { tenures: tenures as (typeof TENURES)[number][] })}
                        />
                      </>
                    ) : null}
                    {line.kind === "HARDSHIP_TOP_UP" ? (
                      <TextInput
                        id={`${id}-per-person-area`}
                        label={L.perPersonArea}
                        inputMode="decimal"
                        value={line.perPersonArea}
                        onChange={(perPersonArea) => update(index, { perPersonArea })}
                      />
                    ) : null}
                    {line.kind === "FIXED" ? (
                      <>
                        <TextInput
                          id={`${id}-amount`}
                          label={L.amount}
                          inputMode="decimal"
                          value={line.amount}
                          onChange={(amount) => update(index, { amount })}
                        />
                        <Choice
                          id={`${id}-per`}
                          label={L.per}
                          value={line.per}
                          options={(["HOUSEHOLD", "PERSON"] as const).map((v) => ({ value: v, label: labels.per[v] }))}
                          onChange={(per) => update(index, { per: per as "HOUSEHOLD" | "PERSON" })}
                        />
                      </>
                    ) : null}
                    {line.kind === "DATE_BONUS" ? (
                      <>
                        <Choice
                          id={`${id}-event`}
                          label={L.event}
                          value={line.event}
                          options={(["SIGNING", "MOVE_OUT"] as const).map((v) => ({ value: v, label: labels.events[v] }))}
                          onChange={(event) => update(index, { event: event as "SIGNING" | "MOVE_OUT" })}
                        />
                        <fieldset className="flex flex-col gap-2">
                          <legend className="text-sm font-medium">{L.tiers}</legend>
                          {line.tiers.map((tier, t) => (
                            <div key={t} className="grid grid-cols-1 items-end gap-2 sm:grid-cols-[1fr_1fr_auto]">
                              <TextInput
                                id={`${id}-tier-${t}-date`}
                                label={L.tierDate}
                                type="date"
                                value={tier.onOrBefore}
                                onChange={(onOrBefore) =>
                                  update(index, { tiers: line.tiers.map((x, j) => (j === t ? { ...x, onOrBefore } : x)) })
                                }
                              />
                              <TextInput
                                id={`${id}-tier-${t}-amount`}
                                label={L.tierAmount}
                                inputMode="decimal"
                                value={tier.amount}
                                onChange={(amount) => update(index, { tiers: line.tiers.map((x, j) => (j === t ? { ...x, amount } : x)) })}
                              />
                              <Button
                                type="button"
                                variant="secondary"
                                onClick={() => update(index, { tiers: line.tiers.filter((_, j) => j !== t) })}
                              >
                                {L.removeTier}
                              </Button>
                            </div>
                          ))}
                          <div>
                            <Button
                              type="button"
                              variant="secondary"
                              onClick={() => update(index, { tiers: [...line.tiers, { onOrBefore: "", amount: "" }] })}
                            >
                              {L.addTier}
                            </Button>
                          </div>
                        </fieldset>
                      </>
                    ) : null}
                    {"of" in line ? (
                      <Checks
                        legend={L.references}
                        options={earlier}
                        chosen={line.of.filter((k) => earlier.some((e) => e.value === k))}
                        onChange={(of) => update(index, { of })}
                        empty={L.noEarlierLines}
                      />
                    ) : null}
                    <div className="flex flex-wrap gap-2">
                      <Button type="button" variant="secondary" disabled={index === 0} onClick={() => move(index, -1)}>
                        {L.moveUp}
                      </Button>
                      <Button type="button" variant="secondary" disabled={index === lines.length - 1} onClick={() => move(index, 1)}>
                        {L.moveDown}
                      </Button>
                      <Button type="button" variant="secondary" onClick={() => remove(index)}>
                        {L.remove}
                      </Button>
                    </div>
                  </fieldset>
                </li>
              );
            })}
          </ol>
          <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
            <div className="sm:w-96">
              <Choice
                id="policy-add-kind"
                label={L.addKind}
                value={addKind}
                options={KINDS.map((k) => ({ value: k, label: labels.kinds[k] }))}
                onChange={(kind) => setAddKind(kind as CompensationLineKind)}
              />
            </div>
            <Button
              type="button"
              variant="secondary"
              onClick={() => setLines((all) => [...all, newLine(addKind, freshKey(all, addKind), labels.kinds[addKind])])}
            >
              {L.add}
            </Button>
          </div>
          <div>
            <SubmitButton label={L.save} pendingLabel={L.saving} />
          </div>
        </>
      )}
    </ActionForm>
  );
}

/** Publishes the last saved draft (its version). */
export function PublishPolicyForm({
  projectId,
  version,
  labels,
  action,
}: {
  projectId: string;
  version: number;
  labels: { publish: string; publishing: string; publishHint: string };
  action: Action;
}) {
  return (
    <ActionForm action={action} testId="policy-publish" submitLabel={labels.publish} pendingLabel={labels.publishing}>
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="version" value={version} />
      <p className="text-stone-700">{labels.publishHint}</p>
    </ActionForm>
  );
}
