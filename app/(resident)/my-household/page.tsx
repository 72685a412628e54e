import { serverEnv } from "@/lib/env";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageShell } from "@/components/layout/page-shell";
import { requireActor } from "@/lib/auth/actor";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { getOwnHousehold } from "@/lib/server/households/get-own-household";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("household.title") };
}

export default async function MyHouseholdPage() {
  const actor = await requireActor();
  if (actor.role !== "RESIDENT") redirect("/projects");
  const [t, locale, household] = await Promise.all([getTranslator(), getLocale(), getOwnHousehold(actor)]);
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: serverEnv().LIANXIN_TIME_ZONE });
  const rows: { label: string; value: string; testId: string }[] = [
    { label: t("household.code"), value: household.code, testId: "household-code" },
    { label: t("household.project"), value: t("household.projectValue", { name: household.project.name, phase: t(`project.phases.${household.project.phase}`) }), testId: "household-project" },
    { label: t("household.address"), value: household.address, testId: "household-address" },
    { label: t("household.head"), value: household.headName, testId: "household-head" },
    { label: t("household.floorArea"), value: t("household.areaValue", { area: household.floorArea }), testId: "household-area" },
    { label: t("household.group"), value: household.groupName ?? t("household.noGroup"), testId: "household-group" },
    { label: t("household.vote"), value: t(`household.votes.${household.firstRoundVote ?? "NONE"}`), testId: "household-vote" },
    { label: t("household.status"), value: t(`household.states.${household.state}`), testId: "household-state" },
  ];
  if (household.signing) {
    rows.push(
      { label: t("household.signedAt"), value: dateTime.format(household.signing.signedAt), testId: "household-signed-at" },
      { label: t("household.agreement"), value: household.signing.agreementNumber, testId: "household-agreement" },
    );
  }
  return (
    <PageShell actor={actor} currentPath="/my-household">
      <h1 className="text-2xl font-bold">{t("household.title")}</h1>
      <dl className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
        {rows.map((row) => (
          <div key={row.testId} className="grid gap-1 px-4 py-3 sm:grid-cols-3">
            <dt className="text-sm text-stone-600">{row.label}</dt>
            <dd className="sm:col-span-2" data-testid={row.testId}>
              {row.value}
            </dd>
          </div>
        ))}
      </dl>
      {household.signing ? (
        <p className="rounded-lg border border-stone-200 bg-white p-4" data-testid="agreement-state">
          {household.signing.isEffective
            ? t("household.agreementEffective")
            : t("household.agreementPending", { threshold: t("common.percent", { value: household.project.signingThreshold }) })}
        </p>
      ) : null}
    </PageShell>
  );
}
