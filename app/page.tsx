import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/actor";

/** Each role lands on its own home. */
export default async function HomePage() {
  const actor = await requireActor();
  redirect(actor.role === "RESIDENT" ? "/my-household" : "/projects");
}
