"use server";

import { headers } from "next/headers";
import { formField, runAction, type ActionState } from "@/lib/server/action";
import { createDisplaySession } from "@/lib/server/display/create-display-session";
import { revokeDisplaySession } from "@/lib/server/display/revoke-display-session";

async function origin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

export async function createDisplaySessionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const base = await origin();
  const projectId = formField(formData, "projectId");
  return runAction(formData, createDisplaySession, {
    revalidate: [`/projects/${projectId}/display-sessions`],
    // The link is in the message because it is shown this once and never again.
    success: (result, t) => `${t("live.sessions.created")} ${base}${result.path}`,
  });
}

export async function revokeDisplaySessionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const projectId = formField(formData, "projectId");
  return runAction(formData, revokeDisplaySession, {
    revalidate: [`/projects/${projectId}/display-sessions`],
    success: (_result, t) => t("live.sessions.revokedDone"),
  });
}
