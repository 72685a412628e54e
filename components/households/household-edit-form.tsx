"use client";

import { ActionForm } from "@/components/ui/action-form";
import { HOUSEHOLD_ADDRESS_MAX } from "@/lib/roster/household-limits";
import { FormField } from "@/components/ui/form-field";
import type { ActionState } from "@/lib/server/action";
import { CheckboxField, SelectField } from "@/components/ui/select-field";

export type EditableHousehold = {
  id: string;
  projectId: string;
  version: number;
  lane: string | null;
  building: string;
  number: string | null;
  room: string | null;
  address: string;
  headName: string;
  phone: string | null;
  registeredPopulation: number;
  residentCount: number;
  floorArea: string;
  livingArea: string | null;
  tenure: string;
  ownerLocation: string;
  isPartyMemberHousehold: boolean;
  isHardship: boolean;
  isElderlySickDisabled: boolean;
  hasFamilyDispute: boolean;
};

type TextKey =
  | "lane"
  | "building"
  | "number"
  | "room"
  | "address"
  | "headName"
  | "phone"
  | "registeredPopulation"
  | "residentCount"
  | "floorArea"
  | "livingArea";
type FlagKey = "isPartyMemberHousehold" | "isHardship" | "isElderlySickDisabled" | "hasFamilyDispute";

export type HouseholdEditLabels = Record<TextKey | FlagKey | "tenure" | "ownerLocation", string> & {
  title: string;
  description: string;
  save: string;
  saving: string;
  reload: string;
};

/**
 * Edits a household's facts. The form carries the version it was rendered with; when someone
 * else saved first the server answers CONFLICT, the typed values stay, and a link reloads the
 * latest version.
 */
export function HouseholdEditForm({
  household,
  labels,
  tenures,
  ownerLocations,
  reloadHref,
  action,
}: {
  household: EditableHousehold;
  labels: HouseholdEditLabels;
  tenures: { value: string; label: string }[];
  ownerLocations: { value: string; label: string }[];
  reloadHref: string;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  return (
    <section
      aria-labelledby="household-edit-title"
      className="rounded-lg border border-stone-200 bg-white p-4"
      data-testid="household-edit"
    >
      <h2 id="household-edit-title" className="text-lg font-semibold">
        {labels.title}
      </h2>
      <p className="mb-3 text-stone-700">{labels.description}</p>
      {/* formKey: a saved edit re-renders with the new version and fresh defaults. */}
      <ActionForm
        action={action}
        formKey={household.version}
        busy
        submitLabel={labels.save}
        pendingLabel={labels.saving}
        messageTestIds={{ success: "household-saved", error: "household-edit-error" }}
        renderMessage={(state) => <SaveMessage state={state} reloadHref={reloadHref} reloadLabel={labels.reload} />}
      >
        {({ state }) => (
          <EditFields household={household} labels={labels} tenures={tenures} ownerLocations={ownerLocations} state={state} />
        )}
      </ActionForm>
    </section>
  );
}

/** The answer; a refusal without field errors (someone else saved first, or the record is gone)
 *  offers a reload. */
function SaveMessage({ state, reloadHref, reloadLabel }: { state: ActionState; reloadHref: string; reloadLabel: string }) {
  const offerReload = !state.ok && state.message !== undefined && state.fieldErrors === undefined;
  return (
    <>
      {state.message}
      {offerReload ? (
        <>
          {" "}
          <a href={reloadHref} className="underline underline-offset-4">
            {reloadLabel}
          </a>
        </>
      ) : null}
    </>
  );
}

/** The fields, filled with what was typed after a refusal, else with the household's facts. */
function EditFields({
  household,
  labels,
  tenures,
  ownerLocations,
  state,
}: {
  household: EditableHousehold;
  labels: HouseholdEditLabels;
  tenures: { value: string; label: string }[];
  ownerLocations: { value: string; label: string }[];
  state: ActionState;
}) {
  const failed = !state.ok && state.values !== undefined;
  const text = (key: TextKey) => (failed ? (state.values?.[key] ?? "") : String(household[key] ?? ""));
  const flag = (key: FlagKey) => (failed ? state.values?.[key] === "on" : household[key]);
  const field = (key: TextKey, extra: Partial<Parameters<typeof FormField>[0]> = {}) => (
    <FormField id={`edit-${key}`} name={key} label={labels[key]} defaultValue={text(key)} errors={state.fieldErrors?.[key]} {...extra} />
  );
  return (
    <>
      <input type="hidden" name="projectId" value={household.projectId} />
      <input type="hidden" name="householdId" value={household.id} />
      <input type="hidden" name="version" value={failed ? (state.values?.version ?? household.version) : household.version} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {field("headName", { required: true, maxLength: 50 })}
        {field("phone", { type: "tel", inputMode: "tel", maxLength: 24 })}
        {field("address", { required: true, maxLength: HOUSEHOLD_ADDRESS_MAX })}
        {field("lane", { maxLength: 100 })}
        {field("building", { required: true, maxLength: 100 })}
        {field("number", { maxLength: 100 })}
        {field("room", { maxLength: 100 })}
        {field("registeredPopulation", { inputMode: "numeric", required: true })}
        {field("residentCount", { inputMode: "numeric", required: true })}
        {field("floorArea", { inputMode: "decimal", required: true })}
        {field("livingArea", { inputMode: "decimal" })}
        <SelectField
          id="edit-tenure"
          name="tenure"
          label={labels.tenure}
          options={tenures}
          defaultValue={failed ? state.values?.tenure : household.tenure}
          errors={state.fieldErrors?.tenure}
        />
        <SelectField
          id="edit-ownerLocation"
          name="ownerLocation"
          label={labels.ownerLocation}
          options={ownerLocations}
          defaultValue={failed ? state.values?.ownerLocation : household.ownerLocation}
          errors={state.fieldErrors?.ownerLocation}
        />
      </div>
      <div className="flex flex-wrap gap-x-6">
        {(["isPartyMemberHousehold", "isHardship", "isElderlySickDisabled", "hasFamilyDispute"] as const).map((key) => (
          <CheckboxField key={key} id={`edit-${key}`} name={key} label={labels[key]} defaultChecked={flag(key)} />
        ))}
      </div>
    </>
  );
}
