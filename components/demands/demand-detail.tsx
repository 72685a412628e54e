import type { ReactNode } from "react";
import type { Formatters } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { DemandDetail } from "@/lib/server/demands/get-demand";
import Link from "next/link";
import { DemandClockBadge } from "./demand-clock";

// One demand: what was asked, where it stands on its clock, who works it, and its history (the
// same audit events the household's timeline shows).

type Props = { demand: DemandDetail; t: Translate; format: Formatters };

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <dt className="text-sm text-stone-600">{label}</dt>
      <dd className="text-stone-900" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

export function DemandFacts({ demand, t, format }: Props) {
  return (
    <section aria-labelledby="demand-facts-title" className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="demand-facts-title" className="text-lg font-semibold">
          {t(`demands.categories.${demand.category}`)}
        </h2>
        <DemandClockBadge item={demand} t={t} />
      </div>
      <p className="whitespace-pre-line text-stone-900" data-testid="demand-description">
        {demand.description}
      </p>
      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <Fact label={t("demands.columns.status")} testId="demand-detail-status">
          {t(`demands.statuses.${demand.status}`)}
        </Fact>
        <Fact label={t("demands.detail.group")} testId="demand-detail-group">
          {demand.groupName ?? t("demands.list.noGroup")}
        </Fact>
        <Fact label={t("demands.detail.household")}>
          <Link
            href={`/projects/${demand.project.id}/households/${demand.householdId}`}
            className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4"
            aria-label={t("demands.detail.openHousehold", { code: demand.householdCode })}
          >
            {demand.householdCode} · {demand.headName}
          </Link>
          <span className="block text-sm text-stone-700">{demand.householdAddress}</span>
        </Fact>
        <Fact label={t("demands.detail.raisedAt")}>{format.dateTime(demand.raisedAt)}</Fact>
        {demand.raisedByName ? <Fact label={t("demands.detail.raisedBy")}>{demand.raisedByName}</Fact> : null}
        {demand.escalatedAt ? <Fact label={t("demands.detail.escalatedAt")}>{format.dateTime(demand.escalatedAt)}</Fact> : null}
        {demand.conferenceName ? <Fact label={t("demands.detail.conference")}>{demand.conferenceName}</Fact> : null}
        {demand.resolvedAt ? <Fact label={t("demands.detail.resolvedAt")}>{format.dateTime(demand.resolvedAt)}</Fact> : null}
      </dl>
      {demand.resolution ? (
        <div>
          <h3 className="text-sm text-stone-600">{t("demands.detail.resolution")}</h3>
          <p className="whitespace-pre-line text-stone-900" data-testid="demand-resolution">
            {demand.resolution}
          </p>
        </div>
      ) : null}
    </section>
  );
}

const KNOWN_ACTIONS = ["raise:demand", "start:demand", "escalate:demand", "resolve:demand", "route:demand"] as const;
type KnownAction = (typeof KNOWN_ACTIONS)[number];
const isKnown = (action: string): action is KnownAction => (KNOWN_ACTIONS as readonly string[]).includes(action);

export function DemandHistory({ demand, t, format }: Props) {
  return (
    <section aria-labelledby="demand-history-title" className="flex flex-col gap-2">
      <h2 id="demand-history-title" className="text-lg font-semibold">
        {t("demands.detail.history")}
      </h2>
      <ol className="flex flex-col gap-2 border-l-2 border-stone-200 pl-4" data-testid="demand-history">
        {demand.history.map((e) => (
          <li key={e.id}>
            <p className="font-medium">{isKnown(e.action) ? t(`demands.detail.actions.${e.action}`) : e.action}</p>
            <p className="text-sm text-stone-700">
              {format.dateTime(e.at)}
              {e.actorName ? ` · ${t("demands.detail.by", { name: e.actorName })}` : ""}
              {(e.action === "route:demand" || e.action === "raise:demand") && e.groupName
                ? ` · ${t("demands.detail.historyGroup", { group: e.groupName })}`
                : ""}
            </p>
            {e.resolution ? <p className="whitespace-pre-line text-stone-900">{e.resolution}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
