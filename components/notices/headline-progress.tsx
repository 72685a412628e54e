import type { Formatters } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { PublicBoard } from "@/lib/server/notices/get-public-board";

/** The project's headline progress for residents and the public: the dashboard's own figures
 *  (signing rate to two decimals, signed of eligible, days left, whether the agreements are
 *  effective), and nothing about any one household. */
export function HeadlineProgress({
  headline: h,
  title,
  t,
  format,
}: {
  headline: PublicBoard["headline"];
  title: string;
  t: Translate;
  format: Formatters;
}) {
  const agreements =
    h.agreementStatus === "failed"
      ? t("project.failed")
      : h.agreementStatus === "effective"
        ? t("project.effective")
        : t("project.pending");
  const daysLeft = h.periodEnded
    ? t("dashboard.figures.periodEnded")
    : h.daysLeft === null
      ? t("dashboard.figures.noPeriod")
      : t("dashboard.figures.days", { days: format.number(h.daysLeft) });
  const figures = [
    {
      key: "signing-rate",
      label: t("dashboard.figures.signingRate"),
      value: format.percent(h.signingRate),
      note: t("notices.public.signedOf", { signed: format.number(h.signed), eligible: format.number(h.eligible) }),
    },
    { key: "threshold", label: t("dashboard.figures.threshold"), value: format.percent(h.signingThreshold) },
    { key: "days-left", label: t("dashboard.figures.daysLeft"), value: daysLeft },
    { key: "agreements", label: t("dashboard.figures.agreements"), value: agreements },
  ];
  return (
    <section aria-labelledby="headline-title" className="rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="headline-title" className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {figures.map((f) => (
          <div key={f.key} className="flex flex-col">
            <dt className="text-sm text-stone-700">{f.label}</dt>
            <dd className="text-xl font-bold" data-testid={`headline-${f.key}`}>
              {f.value}
            </dd>
            {f.note ? <dd className="text-sm text-stone-700">{f.note}</dd> : null}
          </div>
        ))}
      </dl>
    </section>
  );
}
