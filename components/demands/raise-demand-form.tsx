"use client";

import { ActionForm, ActionSelect } from "@/components/ui/action-form";
import type { ActionState } from "@/lib/server/action";
import { ActionTextArea } from "@/components/ui/text-area-field";

type Option = { value: string; label: string };

export type RaiseDemandLabels = {
  title: string;
  description: string;
  category: string;
  chooseCategory: string;
  text: string;
  textHint: string;
  group: string;
  groupDefault: string;
  submit: string;
  pending: string;
};

/** Most characters of a demand's description (the server's limit, lib/server/demands/demand-input.ts). */
const DESCRIPTION_MAX = 1000;

/**
 * Records a demand the household raised (诉求): category, what they want settled, and the special
 * group — by default the one for the category. On the household page, with
 * `raiseDemandAction` of its demand-actions.ts and the texts of raiseDemandFormText(t).
 */
export function RaiseDemandForm({
  projectId,
  householdId,
  groups,
  categories,
  labels,
  action,
}: {
  projectId: string;
  householdId: string;
  /** The project's special groups; none: routed by category, no choice shown (a resident's form). */
  groups: Option[];
  categories: Option[];
  labels: RaiseDemandLabels;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  return (
    <section aria-labelledby="raise-demand-title" className="rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="raise-demand-title" className="text-lg font-semibold">
        {labels.title}
      </h2>
      <p className="mb-3 text-stone-700">{labels.description}</p>
      <ActionForm action={action} testId="raise-demand" submitLabel={labels.submit} pendingLabel={labels.pending}>
        <input type="hidden" name="projectId" value={projectId} />
        <input type="hidden" name="householdId" value={householdId} />
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <ActionSelect
            id="raise-demand-category"
            name="category"
            label={labels.category}
            placeholder={labels.chooseCategory}
            options={categories}
            required
          />
          {groups.length > 0 ? (
            <ActionSelect
              id="raise-demand-group"
              name="routedGroupId"
              label={labels.group}
              placeholder={labels.groupDefault}
              options={groups}
            />
          ) : null}
        </div>
        <ActionTextArea
          id="raise-demand-description"
          name="description"
          label={labels.text}
          hint={labels.textHint}
          maxLength={DESCRIPTION_MAX}
          required
          rows={3}
        />
      </ActionForm>
    </section>
  );
}
