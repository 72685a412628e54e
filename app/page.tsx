import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/actor";
import { hasOpenTasks } from "@/lib/server/visits/has-open-tasks";

/** Each role lands on its own home: residents their household; staff who manage no project but
 *  have visits to do their task list (a member's phone); everyone else the projects. */
export default async function HomePage() {
  const actor = await requireActor();
  if (actor.role === "RESIDENT") redirect("/my-household");
  if (actor.role === "STAFF" && actor.managedProjectIds.length === 0 && (await hasOpenTasks(actor))) redirect("/my-tasks");
  redirect("/projects");
}
