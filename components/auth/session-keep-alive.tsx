"use client";

import { useEffect } from "react";

// The session cookie lives 30 idle minutes from its last refresh. While the person is active
// (pointer, keys, touch) this asks the session endpoint, at most every 5 minutes, which issues
// a fresh cookie; an idle tab stops asking and the session ends on time.
const REFRESH_EVERY_MS = 5 * 60 * 1000;

export function SessionKeepAlive() {
  useEffect(() => {
    let last = Date.now();
    const onActivity = () => {
      if (Date.now() - last < REFRESH_EVERY_MS) return;
      last = Date.now();
      void fetch("/api/auth/session", { credentials: "same-origin", cache: "no-store" });
    };
    const events = ["pointerdown", "keydown", "touchstart"] as const;
    for (const e of events) window.addEventListener(e, onActivity, { passive: true });
    return () => {
      for (const e of events) window.removeEventListener(e, onActivity);
    };
  }, []);
  return null;
}
