"use server";

// The moves of one demand (components/demands/demand-moves.tsx): one action for all of its forms,
// so the page keeps one answer whichever was sent; the `move` field names the use case.
import { AppError } from "@/lib/errors";
import { formField, runAction, type ActionState } from "@/lib/server/action";
import { escalateDemand } from "@/lib/server/demands/escalate-demand";
import { rerouteDemand } from "@/lib/server/demands/reroute-demand";
import { resolveDemand } from "@/lib/server/demands/resolve-demand";
import { startDemand } from "@/lib/server/demands/start-demand";

export async function demandMoveAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const projectId = formField(formData, "projectId");
  const demandId = formField(formData, "demandId");
  // The household's page shows the demand's changes in its timeline.
  const householdId = formField(formData, "householdId");
  const revalidate = [
    `/projects/${projectId}/demands`,
    `/projects/${projectId}/demands/${demandId}`,
    ...(householdId ? [`/projects/${projectId}/households/${householdId}`] : []),
  ];
  switch (formField(formData, "move")) {
    case "start":
      return runAction(formData, startDemand, { revalidate, success: (_r, t) => t("demands.moves.started") });
    case "escalate":
      return runAction(formData, escalateDemand, { revalidate, success: (_r, t) => t("demands.moves.escalated") });
    case "resolve":
      return runAction(formData, resolveDemand, { revalidate, success: (_r, t) => t("demands.moves.resolved") });
    case "reroute":
      return runAction(formData, rerouteDemand, {
        revalidate,
        success: (r, t) => t("demands.moves.rerouted", { group: r.groupName ?? "" }),
      });
    default:
      return runAction(formData, async () => {
        throw new AppError("VALIDATION", { detail: "unknown demand move" });
      });
  }
}
