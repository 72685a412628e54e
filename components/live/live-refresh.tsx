"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

type Status = "connecting" | "live" | "reconnecting";

type Props = {
  /** The project whose changes refresh the page; absent for the district overview. */
  projectId?: string;
  /** A big-screen display's token: the stream of its one project. */
  displayToken?: string;
  /** Also refresh on this period (ms), in case a proxy swallows the stream. Off when absent. */
  fallbackRefreshMs?: number;
  labels: { live: string; connecting: string; reconnecting: string };
  className?: string;
};

const DEBOUNCE_MS = 300;

/**
 * Keeps a server-rendered page live: listens to /api/live and, on a change, re-renders the
 * page's server components with router.refresh() (debounced, so a burst of signings costs one
 * refresh). EventSource reconnects by itself after a drop (the server asks for 2 s); the
 * indicator says when it is doing so, and a reconnect refreshes too, for what was missed. When
 * the browser reports the network back, a fresh stream replaces one that may have died silently.
 */
export function LiveRefresh({ projectId, displayToken, fallbackRefreshMs, labels, className }: Props) {
  const router = useRouter();
  const [status, setStatus] = useState<Status>("connecting");
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    const query = new URLSearchParams();
    if (projectId) query.set("projectId", projectId);
    if (displayToken) query.set("display", displayToken);
    const search = query.toString();
    const url = search ? `/api/live?${search}` : "/api/live";
    let source: EventSource | null = null;
    let hasBeenOpen = false;
    const refreshSoon = () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        timer.current = null;
        router.refresh();
      }, DEBOUNCE_MS);
    };
    const open = () => {
      const current = new EventSource(url);
      source = current;
      current.onopen = () => {
        setStatus("live");
        if (hasBeenOpen) refreshSoon();
        hasBeenOpen = true;
      };
      current.onerror = () => {
        setStatus("reconnecting");
        // CLOSED means the server refused (e.g. a display switched off): refresh to show why.
        if (current.readyState === EventSource.CLOSED) refreshSoon();
      };
      current.addEventListener("progress", refreshSoon);
    };
    // A dropped network can leave the old connection silently dead (no error until TCP gives
    // up): when the browser says it is offline, say so; when it is back, open a fresh stream.
    const onOffline = () => setStatus("reconnecting");
    const onOnline = () => {
      source?.close();
      open();
    };
    open();
    window.addEventListener("offline", onOffline);
    window.addEventListener("online", onOnline);
    const fallback = fallbackRefreshMs ? setInterval(refreshSoon, fallbackRefreshMs) : null;
    return () => {
      source?.close();
      window.removeEventListener("offline", onOffline);
      window.removeEventListener("online", onOnline);
      if (fallback) clearInterval(fallback);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [projectId, displayToken, fallbackRefreshMs, router]);

  return (
    <p
      role="status"
      aria-live="polite"
      className={className ?? "flex items-center gap-2 text-sm text-stone-700"}
      data-testid="live-status"
      data-status={status}
    >
      <span
        aria-hidden="true"
        className={`inline-block h-2.5 w-2.5 rounded-full ${status === "live" ? "bg-green-600" : status === "connecting" ? "bg-stone-400" : "bg-amber-500"}`}
      />
      {labels[status]}
    </p>
  );
}
