import type { ReactNode } from "react";
import { SessionKeepAlive } from "@/components/auth/session-keep-alive";
import type { Actor } from "@/lib/auth/actor-types";
import { AppHeader } from "./app-header";

export function PageShell({ actor, currentPath, children }: { actor: Actor; currentPath: string; children: ReactNode }) {
  return (
    <>
      <AppHeader actor={actor} currentPath={currentPath} />
      <SessionKeepAlive />
      <main id="main" className="mx-auto flex max-w-6xl flex-col gap-4 px-3 py-3 sm:gap-6 sm:px-4 sm:py-6">
        {children}
      </main>
    </>
  );
}
