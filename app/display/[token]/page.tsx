import type { Metadata } from "next";
import { DisplayBoard, DisplaySwitchedOff } from "@/components/display/display-board";
import { DisplayFrame } from "@/components/display/display-frame";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { getDisplayBoard } from "@/lib/server/display/get-display-board";
import { resolveDisplaySession } from "@/lib/server/display/resolve-display-session";
import { orNotFound } from "@/lib/server/or-not-found";

// The command-post wall (大屏): no staff login — the token in the URL is a read-only display
// session of one project, valid until the secretary switches it off (docs/security.md).
type Props = { params: Promise<{ token: string }> };

export const dynamic = "force-dynamic";

/** Refresh on this period even without events, in case a proxy swallows the live stream. */
const FALLBACK_REFRESH_MS = 60_000;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("live.display.title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

export default async function DisplayPage({ params }: Props) {
  const { token } = await params;
  const [t, locale, viewer] = await Promise.all([getTranslator(), getLocale(), resolveDisplaySession(token)]);
  if (!viewer) return <DisplaySwitchedOff t={t} />;
  const board = await orNotFound(getDisplayBoard(viewer));
  return (
    <DisplayFrame
      labels={{
        theme: t("live.display.theme"),
        dark: t("live.display.themeDark"),
        light: t("live.display.themeLight"),
        fullScreen: t("live.display.fullScreen"),
        exitFullScreen: t("live.display.exitFullScreen"),
      }}
    >
      <DisplayBoard board={board} token={token} fallbackRefreshMs={FALLBACK_REFRESH_MS} t={t} locale={locale} />
    </DisplayFrame>
  );
}
