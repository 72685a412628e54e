import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/actor";
import { hasOpenTasks } from "@/lib/server/visits/has-open-tasks";

/** Each role lands on its own home: residents their household; members (staff who neither manage
 *  a project nor lead a group) with visits to do their task list, on a phone; everyone else the
 *  projects (a leader's work is assigning; their own tasks are one tap away in the header). */
export default async function HomePage() {
  const actor = await requireActor();
  if (actor.role === "RESIDENT") redirect("/my-household");
  if (actor.role === "STAFF" && actor.managedProjectIds.length === 0 && actor.ledGroups.length === 0 && (await hasOpenTasks(actor)))
    redirect("/my-tasks");
  redirect("/projects");
}
