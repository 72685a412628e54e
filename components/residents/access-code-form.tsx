import { ActionField, ActionForm } from "@/components/ui/action-form";
import type { ActionState } from "@/lib/server/action";

type Labels = { title: string; description: string; householdCode: string; submit: string; pending: string };

export function AccessCodeForm({
  projectId,
  labels,
  action,
}: {
  projectId: string;
  labels: Labels;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  return (
    <section aria-labelledby="access-code-title" className="rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="access-code-title" className="text-lg font-semibold">
        {labels.title}
      </h2>
      <p className="mb-3 text-stone-700">{labels.description}</p>
      <ActionForm
        action={action}
        submitLabel={labels.submit}
        pendingLabel={labels.pending}
        testId="access-code"
        className="flex flex-col gap-3 sm:max-w-sm"
      >
        <input type="hidden" name="projectId" value={projectId} />
        <ActionField id="householdCode" name="householdCode" label={labels.householdCode} autoCapitalize="characters" required />
      </ActionForm>
    </section>
  );
}
