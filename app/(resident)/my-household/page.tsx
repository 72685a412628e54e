import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { OwnHousehold } from "@/components/households/own-household";
import { PageShell } from "@/components/layout/page-shell";
import { requireActor } from "@/lib/auth/actor";
import { serverEnv } from "@/lib/env";
import { formatters } from "@/lib/i18n/format";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { getOwnHousehold } from "@/lib/server/households/get-own-household";
import { orNotFound } from "@/lib/server/or-not-found";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("household.title") };
}

export default async function MyHouseholdPage() {
  const actor = await requireActor();
  if (actor.role !== "RESIDENT") redirect("/projects");
  const [t, locale, household] = await Promise.all([getTranslator(), getLocale(), orNotFound(getOwnHousehold(actor))]);
  return (
    <PageShell actor={actor} currentPath="/my-household">
      <h1 className="text-2xl font-bold">{t("household.title")}</h1>
      <OwnHousehold household={household} t={t} format={formatters(locale, serverEnv().LIANXIN_TIME_ZONE)} />
    </PageShell>
  );
}
