"use client";

import { useEffect, useState, useSyncExternalStore, type CSSProperties, type ReactNode } from "react";

type Theme = "dark" | "light";

const STORAGE_KEY = "lianxin.display.theme";

// Colours as custom properties, so the whole board switches theme without a class per element.
// Both sets keep text at WCAG AA contrast or better on their backgrounds.
const THEMES: Record<Theme, CSSProperties> = {
  dark: {
    "--display-bg": "#0c0a09",
    "--display-card": "#1c1917",
    "--display-fg": "#fafaf9",
    "--display-muted": "#d6d3d1",
    "--display-accent": "#fca5a5",
    "--display-good": "#86efac",
    "--display-line": "#44403c",
  } as CSSProperties,
  light: {
    "--display-bg": "#f5f5f4",
    "--display-card": "#ffffff",
    "--display-fg": "#1c1917",
    "--display-muted": "#44403c",
    "--display-accent": "#991b1b",
    "--display-good": "#166534",
    "--display-line": "#d6d3d1",
  } as CSSProperties,
};

type Props = {
  children: ReactNode;
  labels: { theme: string; dark: string; light: string; fullScreen: string; exitFullScreen: string };
};

// The theme as a small external store: the server (and hydration) renders dark, the browser
// then shows the remembered choice, else the system's preference.
let chosen: Theme | null = null;
const themeListeners = new Set<() => void>();

function subscribeTheme(listener: () => void): () => void {
  themeListeners.add(listener);
  return () => themeListeners.delete(listener);
}

function readTheme(): Theme {
  if (chosen) return chosen;
  const stored = window.localStorage.getItem(STORAGE_KEY);
  if (stored === "dark" || stored === "light") return stored;
  return window.matchMedia?.("(prefers-color-scheme: light)").matches ? "light" : "dark";
}

function chooseTheme(next: Theme): void {
  chosen = next;
  for (const listener of themeListeners) listener();
  window.localStorage.setItem(STORAGE_KEY, next);
}

/** The big screen's frame: remembered dark/light theme (else the system's), a full-screen button. */
export function DisplayFrame({ children, labels }: Props) {
  const theme = useSyncExternalStore(subscribeTheme, readTheme, () => "dark" as const);
  const [isFullScreen, setIsFullScreen] = useState(false);

  useEffect(() => {
    const onChange = () => setIsFullScreen(document.fullscreenElement !== null);
    document.addEventListener("fullscreenchange", onChange);
    return () => document.removeEventListener("fullscreenchange", onChange);
  }, []);

  const choose = chooseTheme;
  const toggleFullScreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  };

  const button =
    "rounded-md border border-[var(--display-line)] px-3 py-1.5 text-base text-[var(--display-fg)] hover:bg-[var(--display-card)] aria-pressed:bg-[var(--display-card)] aria-pressed:font-semibold";
  return (
    <div style={THEMES[theme]} data-theme={theme} className="min-h-screen bg-[var(--display-bg)] text-[var(--display-fg)]">
      <div className="flex flex-wrap items-center justify-end gap-2 px-4 pt-3 sm:px-8">
        <div role="group" aria-label={labels.theme} className="flex gap-1">
          <button type="button" className={button} aria-pressed={theme === "dark"} onClick={() => choose("dark")}>
            {labels.dark}
          </button>
          <button type="button" className={button} aria-pressed={theme === "light"} onClick={() => choose("light")}>
            {labels.light}
          </button>
        </div>
        <button type="button" className={button} onClick={toggleFullScreen} data-testid="display-fullscreen">
          {isFullScreen ? labels.exitFullScreen : labels.fullScreen}
        </button>
      </div>
      {children}
    </div>
  );
}
