import type { Translate } from "@/lib/i18n/translate";

/** The live indicator's three words, for LiveRefresh's `labels` (kept out of the client module,
 *  so server components can call it). */
export function liveLabels(t: Translate): { live: string; connecting: string; reconnecting: string } {
  return { live: t("live.indicator.live"), connecting: t("live.indicator.connecting"), reconnecting: t("live.indicator.reconnecting") };
}
