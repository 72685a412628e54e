import type { ReactNode } from "react";
import { requireActor } from "@/lib/auth/actor";
import { findReadableProject } from "@/lib/server/projects/find-readable-project";
import { orNotFound } from "@/lib/server/or-not-found";

type Props = { children: ReactNode; params: Promise<{ projectId: string }> };

/** Decides "not found" for every project page before any of them streams a loading state. */
export default async function ProjectLayout({ children, params }: Props) {
  const actor = await requireActor();
  const { projectId } = await params;
  await orNotFound(findReadableProject(actor, { projectId }));
  return children;
}
