import "server-only";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { AppError } from "../../errors.ts";

// Who reads the signing-progress figures: staff and district officials who may read the project
// (read:project). A resident's "own" project scope covers the notice board and their household,
// not the working figures, so residents are refused outright.
export function requireDashboardReader(actor: Actor): void {
  requirePermission(actor, "read", "project");
  if (actor.role === "RESIDENT") throw new AppError("FORBIDDEN", { detail: "dashboard (staff)" });
}

/** The district overview is for district officials (read:project:all) only. */
export function requireDistrictReader(actor: Actor): void {
  const scopes = requirePermission(actor, "read", "project");
  if (!scopes.includes("all")) throw new AppError("FORBIDDEN", { detail: "overview (district)" });
}
