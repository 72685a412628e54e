import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { OwnDemands } from "@/components/demands/own-demands";
import { RaiseDemandForm } from "@/components/demands/raise-demand-form";
import { raiseDemandFormText } from "@/components/demands/raise-demand-text";
import { PageShell } from "@/components/layout/page-shell";
import { requireActor } from "@/lib/auth/actor";
import { serverEnv } from "@/lib/env";
import { formatters } from "@/lib/i18n/format";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { listDemands } from "@/lib/server/demands/list-demands";
import { getOwnHousehold } from "@/lib/server/households/get-own-household";
import { orNotFound } from "@/lib/server/or-not-found";
import { raiseOwnDemandAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("demands.resident.title") };
}

/** A resident raises a demand (诉求) for their household and follows each to its answer. */
export default async function OwnDemandsPage() {
  const actor = await requireActor();
  if (actor.role !== "RESIDENT") redirect("/projects");
  const [t, locale, household] = await Promise.all([getTranslator(), getLocale(), orNotFound(getOwnHousehold(actor))]);
  const page = await orNotFound(listDemands(actor, { projectId: household.project.id }));
  const text = raiseDemandFormText(t);
  return (
    <PageShell actor={actor} currentPath="/my-household">
      <Link href="/my-household" className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
        {t("demands.resident.back")}
      </Link>
      <h1 className="text-2xl font-bold">{t("demands.resident.title")}</h1>
      <RaiseDemandForm
        projectId={household.project.id}
        householdId={household.id}
        groups={[]}
        categories={text.categories}
        labels={{
          ...text.labels,
          title: t("demands.resident.formTitle"),
          description: t("demands.resident.description"),
          text: t("demands.resident.text"),
          textHint: t("demands.resident.textHint"),
          submit: t("demands.resident.submit"),
        }}
        action={raiseOwnDemandAction}
      />
      <OwnDemands items={page.items} t={t} format={formatters(locale, serverEnv().LIANXIN_TIME_ZONE)} />
    </PageShell>
  );
}
