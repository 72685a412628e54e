import type { Metadata } from "next";
import { DisplayFrame } from "@/components/display/display-frame";
import { LiveRefresh } from "@/components/live/live-refresh";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { getDisplayBoard } from "@/lib/server/display/get-display-board";
import { resolveDisplaySession } from "@/lib/server/display/resolve-display-session";

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
  if (!viewer) {
    return (
      <main className="flex min-h-screen items-center justify-center bg-stone-900 p-8 text-stone-50">
        <div className="max-w-2xl text-center">
          <h1 className="text-4xl font-bold" data-testid="display-switched-off">
            {t("live.display.switchedOffTitle")}
          </h1>
          <p className="mt-4 text-xl text-stone-200">{t("live.display.switchedOffBody")}</p>
        </div>
      </main>
    );
  }
  const board = await getDisplayBoard(viewer);
  const n = new Intl.NumberFormat(locale);
  const f = board.figures;
  const percent = (value: string | null) => (value === null ? t("common.none") : t("common.percent", { value }));
  const time = new Intl.DateTimeFormat(locale, { timeStyle: "medium", dateStyle: "short", timeZone: board.timeZone }).format(board.at);
  const status = board.agreementStatus === "effective" ? t("project.effective") : board.agreementStatus === "failed" ? t("project.failed") : t("project.pending");

  const big: { label: string; value: string; testId: string }[] = [
    { label: t("live.display.signedOfEligible"), value: `${n.format(f.signed)} / ${n.format(f.eligible)}`, testId: "display-signed" },
    { label: t("project.signingRate"), value: percent(f.signingRate), testId: "display-rate" },
    { label: t("project.threshold"), value: percent(f.signingThreshold), testId: "display-threshold" },
    {
      label: t("project.gap"),
      value: f.hasReachedThreshold ? t("project.reached") : t("project.gapValue", { count: n.format(f.gapToThreshold) }),
      testId: "display-gap",
    },
    { label: t("live.display.signedToday"), value: n.format(board.signedToday), testId: "display-today" },
  ];

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
      <main className="flex flex-col gap-6 px-4 pb-8 sm:px-8">
        <header className="flex flex-wrap items-end justify-between gap-4">
          <div>
            <h1 className="text-3xl font-bold sm:text-5xl">{t("live.display.headline", { name: board.project.name })}</h1>
            <p className="mt-2 text-xl text-[var(--display-muted)] sm:text-2xl">
              {board.project.code} · {t(`project.phases.${board.project.phase}`)} ·{" "}
              <span className="font-semibold text-[var(--display-fg)]" data-testid="display-status">
                {status}
              </span>
            </p>
          </div>
          <div className="text-right text-lg text-[var(--display-muted)]">
            <LiveRefresh
              displayToken={token}
              fallbackRefreshMs={FALLBACK_REFRESH_MS}
              labels={{ live: t("live.indicator.live"), connecting: t("live.indicator.connecting"), reconnecting: t("live.indicator.reconnecting") }}
              className="flex items-center justify-end gap-2 text-lg"
            />
            <p>{t("live.display.updatedAt", { time })}</p>
          </div>
        </header>
        <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-6">
          {big.map((s, index) => (
            <div key={s.testId} className={`rounded-xl border border-[var(--display-line)] bg-[var(--display-card)] p-5 ${index === 0 ? "sm:col-span-2" : ""}`}>
              <dt className="text-xl text-[var(--display-muted)] sm:text-2xl">{s.label}</dt>
              <dd className="mt-2 text-4xl font-bold tabular-nums sm:text-6xl" data-testid={s.testId}>
                {s.value}
              </dd>
            </div>
          ))}
        </dl>
        <section aria-labelledby="display-league" className="rounded-xl border border-[var(--display-line)] bg-[var(--display-card)] p-5">
          <h2 id="display-league" className="text-2xl font-bold sm:text-3xl">
            {t("live.display.league")}
          </h2>
          {board.league.length === 0 ? (
            <p className="mt-3 text-xl text-[var(--display-muted)]">{t("live.display.noGroups")}</p>
          ) : (
            <div className="mt-3 overflow-x-auto" tabIndex={0} role="region" aria-labelledby="display-league">
              <table className="w-full text-left text-xl sm:text-2xl">
                <thead className="text-[var(--display-muted)]">
                  <tr>
                    <th scope="col" className="py-2 pr-4">{t("live.display.rank")}</th>
                    <th scope="col" className="py-2 pr-4">{t("live.display.group")}</th>
                    <th scope="col" className="py-2 pr-4 text-right">{t("live.display.households")}</th>
                    <th scope="col" className="py-2 pr-4 text-right">{t("live.display.signed")}</th>
                    <th scope="col" className="py-2 text-right">{t("live.display.rate")}</th>
                  </tr>
                </thead>
                <tbody>
                  {board.league.map((row) => (
                    <tr key={row.groupId} className="border-t border-[var(--display-line)]">
                      <td className="py-2 pr-4 tabular-nums">{row.rank}</td>
                      <th scope="row" className="py-2 pr-4 font-semibold">{row.name}</th>
                      <td className="py-2 pr-4 text-right tabular-nums">{n.format(row.households)}</td>
                      <td className="py-2 pr-4 text-right tabular-nums">{n.format(row.signed)}</td>
                      <td className="py-2 text-right tabular-nums">{percent(row.rate)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </main>
    </DisplayFrame>
  );
}
