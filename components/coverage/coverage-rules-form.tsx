"use client";

import { ActionField, ActionForm } from "@/components/ui/action-form";
import type { ActionState } from "@/lib/server/action";

export type CoverageRulesLabels = {
  hardshipDays: string;
  unsignedDays: string;
  hint: string;
  save: string;
  saving: string;
};

/** The project's coverage rule days; the form carries the project's version (a save by someone
 *  else in between is refused). */
export function CoverageRulesForm({
  projectId,
  version,
  rules,
  labels,
  action,
}: {
  projectId: string;
  version: number;
  rules: { hardshipDays: number; unsignedDays: number };
  labels: CoverageRulesLabels;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  return (
    <ActionForm
      action={action}
      testId="coverage-rules"
      submitLabel={labels.save}
      pendingLabel={labels.saving}
      formKey={version}
      className="flex flex-col gap-3 sm:max-w-xl"
    >
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="version" value={version} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <ActionField
          id="coverage-hardship-days"
          name="hardshipDays"
          type="number"
          inputMode="numeric"
          min={1}
          max={365}
          required
          label={labels.hardshipDays}
          hint={labels.hint}
          defaultValue={String(rules.hardshipDays)}
        />
        <ActionField
          id="coverage-unsigned-days"
          name="unsignedDays"
          type="number"
          inputMode="numeric"
          min={1}
          max={365}
          required
          label={labels.unsignedDays}
          hint={labels.hint}
          defaultValue={String(rules.unsignedDays)}
        />
      </div>
    </ActionForm>
  );
}
