import Link from "next/link";
import type { Formatters } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { OwnHousehold as OwnHouseholdDto } from "@/lib/server/households/get-own-household";

// What a resident sees of their own household: its facts, their group, their vote, and the
// signing with whether the agreement has taken effect.

function rowsOf(household: OwnHouseholdDto, t: Translate, format: Formatters): { label: string; value: string; testId: string }[] {
  const rows = [
    { label: t("household.code"), value: household.code, testId: "household-code" },
    {
      label: t("household.project"),
      value: t("household.projectValue", { name: household.project.name, phase: t(`project.phases.${household.project.phase}`) }),
      testId: "household-project",
    },
    { label: t("household.address"), value: household.address, testId: "household-address" },
    { label: t("household.head"), value: household.headName, testId: "household-head" },
    { label: t("household.floorArea"), value: t("household.areaValue", { area: household.floorArea }), testId: "household-area" },
    { label: t("household.group"), value: household.groupName ?? t("household.noGroup"), testId: "household-group" },
    { label: t("household.vote"), value: t(`household.votes.${household.firstRoundVote ?? "NONE"}`), testId: "household-vote" },
    { label: t("household.status"), value: t(`household.states.${household.state}`), testId: "household-state" },
  ];
  if (household.signing) {
    rows.push(
      { label: t("household.signedAt"), value: format.dateTime(household.signing.signedAt), testId: "household-signed-at" },
      { label: t("household.agreement"), value: household.signing.agreementNumber, testId: "household-agreement" },
    );
  }
  return rows;
}

export function OwnHousehold({ household, t, format }: { household: OwnHouseholdDto; t: Translate; format: Formatters }) {
  return (
    <>
      <dl className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
        {rowsOf(household, t, format).map((row) => (
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
            : t("household.agreementPending", { threshold: format.percent(household.project.signingThreshold) })}
        </p>
      ) : null}
      <Link
        href="/my-household/reception"
        className="inline-flex min-h-11 items-center justify-center rounded-md bg-brand-700 px-4 py-2 text-base font-medium text-white hover:bg-brand-800"
        data-testid="reception-link"
      >
        {t("reception.resident.link")}
      </Link>
      <Link
        href="/my-household/estimate"
        className="inline-flex min-h-11 items-center justify-center rounded-md border border-brand-700 bg-white px-4 py-2 text-base font-medium text-brand-800 hover:bg-brand-50"
        data-testid="estimate-link"
      >
        {t("compensation.estimate.myLink")}
      </Link>
      <Link
        href="/my-household/demands"
        className="inline-flex min-h-11 items-center justify-center rounded-md border border-brand-700 bg-white px-4 py-2 text-base font-medium text-brand-800 hover:bg-brand-50"
        data-testid="demands-link"
      >
        {t("demands.resident.link")}
      </Link>
    </>
  );
}
