import type { Formatters } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { HouseholdEstimate } from "@/lib/server/compensation/estimate-household-compensation";
import { Alert } from "@/components/ui/alert";
import { groupYuan } from "./money";

type Line = NonNullable<HouseholdEstimate["estimate"]>["lines"][number];

/** What a line's amount rests on, beside it: a tier earned, a line that does not apply, or for a
 *  date bonus not yet happened, what each tier would give ("if you sign by …"). */
function LineNote({ line, happenedOn, t, format }: { line: Line; happenedOn: string | null; t: Translate; format: Formatters }) {
  if (line.status === "NOT_APPLICABLE") return <p className="text-sm text-stone-600">{t("compensation.estimate.notApplicable")}</p>;
  if (line.status === "NO_UNIT_PRICE") return <p className="text-sm text-stone-600">{t("compensation.estimate.noUnitPriceLine")}</p>;
  if (!line.tiers) return null;
  if (line.status === "EARNED" || line.status === "MISSED") {
    const tier = line.countedTier === undefined ? undefined : line.tiers[line.countedTier];
    return (
      <p className="text-sm text-stone-600">
        {tier && happenedOn
          ? t("compensation.estimate.earned", { by: format.day(tier.onOrBefore), date: format.day(happenedOn) })
          : t("compensation.estimate.missed")}
      </p>
    );
  }
  const key = line.event === "MOVE_OUT" ? "compensation.estimate.ifMoveOutBy" : "compensation.estimate.ifSignBy";
  return (
    <ul className="mt-1 flex flex-col gap-0.5 text-sm text-stone-700">
      {line.status === "EXPIRED" ? <li>{t("compensation.estimate.expired")}</li> : null}
      {line.tiers.map((tier, i) => (
        <li key={tier.onOrBefore} className={tier.isReachable ? undefined : "text-stone-500 line-through"}>
          {t(key, { date: format.day(tier.onOrBefore), amount: groupYuan(tier.amount) })}
          {i === line.countedTier ? t("compensation.estimate.counted") : tier.isReachable ? null : t("compensation.estimate.passed")}
        </li>
      ))}
    </ul>
  );
}

/** The estimate line by line, the total, and what it depends on. Plain markup: staff preview and
 *  the resident's page render it alike. */
export function EstimateView({ view, t, format }: { view: HouseholdEstimate; t: Translate; format: Formatters }) {
  const { household, estimate } = view;
  const price =
    household.unitPrice === null
      ? t("compensation.estimate.noUnitPrice")
      : t("compensation.estimate.perSqm", { price: groupYuan(household.unitPrice) });
  return (
    <section aria-labelledby="estimate-title" className="flex flex-col gap-3" data-testid="estimate">
      <div>
        <h2 id="estimate-title" className="text-lg font-semibold">
          {t("compensation.estimate.title")}
        </h2>
        <p className="text-stone-700" data-testid="estimate-household">
          {t("compensation.estimate.household", { code: household.code, address: household.address })}
        </p>
        <p className="text-stone-700">
          {t("compensation.estimate.facts", {
            tenure: t(`compensation.tenures.${household.tenure}`),
            area: household.floorArea,
            persons: household.registeredPersons,
            price,
          })}
        </p>
      </div>
      <Alert tone="info" testId="estimate-disclaimer">
        {t("compensation.estimate.disclaimer")}
      </Alert>
      {estimate === null ? (
        <p className="rounded-lg border border-stone-200 bg-white p-4" data-testid="estimate-not-published">
          {t("compensation.estimate.notPublished")}
        </p>
      ) : (
        <>
          {estimate.isComplete ? null : <Alert tone="info">{t("compensation.estimate.incomplete")}</Alert>}
          <ol
            className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white"
            aria-label={t("compensation.estimate.columns.line")}
          >
            {estimate.lines.map((line, i) => (
              <li key={line.key} className="flex flex-col gap-1 px-4 py-3" data-testid={`estimate-line-${i}`}>
                <div className="flex items-baseline justify-between gap-3">
                  <span className="font-medium">{line.label}</span>
                  <span className="whitespace-nowrap font-mono tabular-nums" data-testid={`estimate-amount-${i}`}>
                    {groupYuan(line.amount)}
                  </span>
                </div>
                <LineNote
                  line={line}
                  happenedOn={line.event === "MOVE_OUT" ? household.movedOutOn : line.event === "SIGNING" ? household.signedOn : null}
                  t={t}
                  format={format}
                />
              </li>
            ))}
            <li className="flex items-baseline justify-between gap-3 bg-stone-50 px-4 py-3 text-lg font-semibold">
              <span>{t("compensation.estimate.total")}</span>
              <span className="whitespace-nowrap font-mono tabular-nums" data-testid="estimate-total">
                {groupYuan(estimate.total)}
              </span>
            </li>
          </ol>
          {estimate.conditional !== "0.00" ? (
            <p className="text-stone-700" data-testid="estimate-conditional">
              {t("compensation.estimate.conditionalTotal", { amount: groupYuan(estimate.conditional) })}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
