import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { DAILY_REPORT_TEXT_MAX } from "@/lib/domain/daily-report";
import type { Formatters } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { ActionState } from "@/lib/server/action";
import type { DailyReportView } from "@/lib/server/reports/get-daily-report";
import { ReportFigures } from "./report-figures";
import { ActionTextArea } from "@/components/ui/text-area-field";

type Group = NonNullable<DailyReportView["group"]>;

/** One group's day: the draft figures and the leader's form, then the submitted versions. */
export function DailyReportPanel({
  t,
  f,
  view,
  group,
  action,
}: {
  t: Translate;
  f: Formatters;
  view: DailyReportView;
  group: Group;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  const day = f.day(view.day);
  const current = group.submitted[0];
  return (
    <>
      <section aria-labelledby="report-draft-title" className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-stone-50 p-4">
        <h2 id="report-draft-title" className="text-xl font-semibold">
          {t("reports.draft.title", { group: group.name, day })}
        </h2>
        <p className="text-sm text-stone-700">{t("reports.draft.live")}</p>
        <ReportFigures t={t} f={f} figures={group.draft} testId="report-draft" />
        <p className="text-sm text-stone-600">{t("reports.figuresHint")}</p>
        {group.canRecord ? (
          <ActionForm
            action={action}
            testId="daily-report-form"
            formKey={`${group.id}-${view.day}-${group.nextVersion}`}
            className="flex flex-col gap-3"
          >
            <input type="hidden" name="projectId" value={view.project.id} />
            <input type="hidden" name="groupId" value={group.id} />
            <input type="hidden" name="reportDate" value={view.day} />
            <input type="hidden" name="version" value={group.nextVersion} />
            {current ? (
              <p className="text-sm text-stone-700">
                {t("reports.draft.correcting", { version: current.version, next: group.nextVersion })}
              </p>
            ) : null}
            {group.savedDraft ? (
              <p className="text-sm text-stone-700">{t("reports.draft.savedAt", { time: f.dateTime(group.savedDraft.savedAt) })}</p>
            ) : null}
            <fieldset className="flex flex-col gap-3">
              <legend className="mb-1 text-lg font-semibold">{t("reports.form.legend")}</legend>
              <ActionTextArea
                id="report-problems"
                name="problems"
                label={t("reports.form.problems")}
                hint={t("reports.form.problemsHint")}
                maxLength={DAILY_REPORT_TEXT_MAX}
                defaultValue={group.savedDraft?.problems ?? current?.problems ?? ""}
              />
              <ActionTextArea
                id="report-next-plan"
                name="nextPlan"
                label={t("reports.form.nextPlan")}
                hint={t("reports.form.nextPlanHint")}
                maxLength={DAILY_REPORT_TEXT_MAX}
                defaultValue={group.savedDraft?.nextPlan ?? current?.nextPlan ?? ""}
              />
            </fieldset>
            <div className="flex flex-col gap-2 sm:flex-row">
              <SubmitButton
                name="intent"
                value="submit"
                label={current ? t("reports.form.correct") : t("reports.form.submit")}
                pendingLabel={t("reports.form.pending")}
              />
              <SubmitButton
                name="intent"
                value="save"
                variant="secondary"
                label={t("reports.form.save")}
                pendingLabel={t("reports.form.pending")}
              />
            </div>
          </ActionForm>
        ) : (
          <Alert tone="info">{t("reports.form.readOnly")}</Alert>
        )}
      </section>

      <section aria-labelledby="report-history-title" className="flex flex-col gap-3">
        <h2 id="report-history-title" className="text-xl font-semibold">
          {t("reports.current.title")}
        </h2>
        {group.submitted.length === 0 ? (
          <p className="rounded-lg border border-dashed border-stone-300 bg-white p-4 text-stone-700" data-testid="report-none">
            {t("reports.current.empty")}
          </p>
        ) : (
          <ol className="flex flex-col gap-3">
            {group.submitted.map((v) => (
              <li
                key={v.id}
                data-testid={`report-version-${v.version}`}
                className={`flex flex-col gap-2 rounded-lg border p-4 ${v.supersededBy ? "border-stone-200 bg-stone-50 text-stone-700" : "border-emerald-700 bg-white"}`}
              >
                <h3 className="text-lg font-semibold">
                  {t("reports.current.version", { version: v.version })} ·{" "}
                  {v.supersededBy ? t("reports.current.superseded", { version: v.supersededBy }) : t("reports.current.currentVersion")}
                </h3>
                {v.submittedAt ? (
                  <p className="text-sm">
                    {t("reports.current.by", { name: v.authorName ?? t("reports.current.none"), time: f.dateTime(v.submittedAt) })}
                  </p>
                ) : null}
                <ReportFigures t={t} f={f} figures={v.figures} />
                <dl className="flex flex-col gap-1">
                  <dt className="font-medium">{t("reports.current.problems")}</dt>
                  <dd className="whitespace-pre-line">{v.problems ?? t("reports.current.none")}</dd>
                  <dt className="font-medium">{t("reports.current.nextPlan")}</dt>
                  <dd className="whitespace-pre-line">{v.nextPlan ?? t("reports.current.none")}</dd>
                </dl>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
