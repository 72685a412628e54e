// The fast-entry screen's heading: the project, its progress toward the threshold and whether the
// desk is open today; or, for those who may not record signings, why there is nothing to do.
import { Alert } from "@/components/ui/alert";
import type { Formatters } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { SigningDesk } from "@/lib/server/signing/get-signing-desk";

export function SigningDeskSummary({ desk, t, f }: { desk: SigningDesk; t: Translate; f: Formatters }) {
  const figures = desk.figures;
  const status = desk.project.signingFailedAt
    ? t("signing.desk.failed")
    : desk.project.agreementsEffectiveAt
      ? t("signing.desk.effective")
      : t("signing.desk.gap", { count: f.number(figures.gapToThreshold) });
  return (
    <>
      <div>
        <h1 className="text-2xl font-bold">{t("signing.desk.title")}</h1>
        <p className="text-stone-700">
          {desk.project.name} · {desk.project.code}
        </p>
        <p className="mt-1 font-medium" data-testid="desk-progress">
          {t("signing.desk.progress", {
            signed: f.number(figures.signed),
            eligible: f.number(figures.eligible),
            rate: f.percent(figures.signingRate),
          })}{" "}
          · <span data-testid="desk-status">{status}</span>
        </p>
        <p className="mt-2 text-stone-700">{t("signing.desk.description")}</p>
      </div>
      {desk.closedBecause ? (
        <Alert tone="info" testId="desk-closed">
          {t("signing.desk.closed", { reason: t(`signing.refusals.${desk.closedBecause}`) })}
        </Alert>
      ) : null}
    </>
  );
}

export function SigningDeskForbidden({ t }: { t: Translate }) {
  return (
    <>
      <h1 className="text-2xl font-bold">{t("signing.desk.title")}</h1>
      <Alert tone="info" testId="desk-forbidden">
        {t("signing.desk.forbidden")}
      </Alert>
    </>
  );
}
