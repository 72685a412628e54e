import type { ReactNode } from "react";
import { SessionKeepAlive } from "@/components/auth/session-keep-alive";
import type { Actor } from "@/lib/auth/actor-types";
import { AppHeader } from "./app-header";

export function PageShell({ actor, currentPath, children }: { actor: Actor; currentPath: string; children: ReactNode }) {
  return (
    <>
      <AppHeader actor={actor} currentPath={currentPath} />
      <SessionKeepAlive />
      <main id="main" className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-6">
        {children}
      </main>
    </>
  );
}
