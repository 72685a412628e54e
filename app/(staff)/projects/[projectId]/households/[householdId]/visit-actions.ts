"use server";

// The household page's visit actions: log a visit (components/visits/log-visit-form.tsx) and show
// the full phone number to the assignee of an open task (components/visits/phone-reveal.tsx).
import { formField, runAction, type ActionState } from "@/lib/server/action";
import { logVisit } from "@/lib/server/visits/log-visit";
import { revealPhone } from "@/lib/server/visits/reveal-phone";

function paths(formData: FormData): string[] {
  const projectId = formField(formData, "projectId");
  const householdId = formField(formData, "householdId");
  return [`/projects/${projectId}/households/${householdId}`, `/projects/${projectId}/households`, "/my-tasks"];
}

export async function logVisitAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, logVisit, {
    revalidate: paths(formData),
    success: (result, t) =>
      result.alreadyRecorded
        ? t("visits.results.already")
        : [
            t(result.closedTaskId ? "visits.results.loggedTask" : "visits.results.logged", { code: result.code }),
            result.followUpTaskId ? t("visits.results.followUp") : null,
            result.demandIds.length ? t("visits.results.demands", { count: result.demandIds.length }) : null,
          ]
            .filter(Boolean)
            .join(" "),
  });
}

/** The number travels back in `values.phone`, never in the page's HTML. */
export async function revealPhoneAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let phone: string | null = null;
  const state = await runAction(formData, async (actor, input) => {
    const result = await revealPhone(actor, input);
    phone = result.phone;
    return result;
  });
  return state.ok ? { ok: true, values: phone ? { phone } : {} } : state;
}
