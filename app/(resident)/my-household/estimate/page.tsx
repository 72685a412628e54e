import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { EstimateView } from "@/components/compensation/estimate-view";
import { PageShell } from "@/components/layout/page-shell";
import { requireActor } from "@/lib/auth/actor";
import { serverEnv } from "@/lib/env";
import { formatters } from "@/lib/i18n/format";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { estimateHouseholdCompensation } from "@/lib/server/compensation/estimate-household-compensation";
import { orNotFound } from "@/lib/server/or-not-found";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("compensation.estimate.title") };
}

/** The resident's own estimate, from the published policy only. */
export default async function MyEstimatePage() {
  const actor = await requireActor();
  if (actor.role !== "RESIDENT") redirect("/projects");
  const [t, locale, view] = await Promise.all([getTranslator(), getLocale(), orNotFound(estimateHouseholdCompensation(actor, {}))]);
  const format = formatters(locale, serverEnv().LIANXIN_TIME_ZONE);
  return (
    <PageShell actor={actor} currentPath="/my-household/estimate">
      <h1 className="text-2xl font-bold">{t("compensation.estimate.title")}</h1>
      <EstimateView view={view} t={t} format={format} />
      <Link href="/my-household" className="inline-flex min-h-11 items-center text-brand-800 underline underline-offset-4">
        {t("compensation.estimate.back")}
      </Link>
    </PageShell>
  );
}
