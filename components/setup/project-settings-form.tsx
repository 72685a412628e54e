import { ActionField, ActionForm, ActionSelect } from "@/components/ui/action-form";
import { CheckboxField } from "@/components/ui/select-field";
import { COUNTING_UNITS, PROJECT_KINDS } from "@/lib/domain/options";
import type { Translate } from "@/lib/i18n/translate";
import type { ActionState } from "@/lib/server/action";
import type { ProjectSettings } from "@/lib/server/projects/get-project-settings";

const DATE_FIELDS = ["noticeStart", "noticeEnd", "consultationStart", "consultationEnd", "signingStart", "signingEnd"] as const;

/** The project's facts as one form; also used, empty, to create a project. */
export function ProjectFieldsForm({
  t,
  action,
  settings,
  createFields,
}: {
  t: Translate;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  settings?: ProjectSettings;
  /** For a new project: its code and secretary come first. */
  createFields?: boolean;
}) {
  return (
    <ActionForm
      action={action}
      testId="project-fields-form"
      submitLabel={createFields ? t("setup.newProject.submit") : t("setup.settings.save")}
      pendingLabel={t("common.loading")}
      className="flex flex-col gap-5"
    >
      {settings ? (
        <>
          <input type="hidden" name="projectId" value={settings.id} />
          <input type="hidden" name="version" value={settings.version} />
        </>
      ) : null}
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">{t("setup.settings.basics")}</legend>
        {createFields ? (
          <>
            <ActionField
              id="code"
              name="code"
              label={t("setup.newProject.code")}
              hint={t("setup.newProject.codeHint")}
              required
              autoCapitalize="characters"
            />
            <ActionField
              id="secretaryPhone"
              name="secretaryPhone"
              type="tel"
              inputMode="numeric"
              label={t("setup.newProject.secretaryPhone")}
              hint={t("setup.newProject.secretaryPhoneHint")}
              required
            />
          </>
        ) : null}
        <ActionField id="name" name="name" label={t("project.name")} defaultValue={settings?.name} required />
        <ActionSelect
          id="kind"
          name="kind"
          label={t("project.kind")}
          defaultValue={settings?.kind ?? "OLD_DISTRICT"}
          options={PROJECT_KINDS.map((k) => ({ value: k, label: t(`project.kinds.${k}`) }))}
        />
        <ActionField id="district" name="district" label={t("project.district")} defaultValue={settings?.district} required />
        <ActionField id="street" name="street" label={t("project.street")} defaultValue={settings?.street} required />
        <ActionSelect
          id="countingUnit"
          name="countingUnit"
          label={t("setup.settings.countingUnit")}
          defaultValue={settings?.countingUnit ?? "HOUSEHOLD"}
          options={COUNTING_UNITS.map((u) => ({ value: u, label: t(`project.units.${u}`) }))}
        />
        <div className="sm:col-span-2">
          <CheckboxField
            id="isPublished"
            name="isPublished"
            label={t("setup.settings.isPublished")}
            defaultChecked={settings?.isPublished}
          />
        </div>
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">{t("setup.settings.thresholds")}</legend>
        <ActionField
          id="firstRoundThreshold"
          name="firstRoundThreshold"
          inputMode="decimal"
          label={t("setup.settings.firstRoundThreshold")}
          defaultValue={settings?.firstRoundThreshold ?? "90"}
          required
        />
        <ActionField
          id="signingThreshold"
          name="signingThreshold"
          inputMode="decimal"
          label={t("setup.settings.signingThreshold")}
          defaultValue={settings?.signingThreshold ?? "85"}
          required
        />
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">{t("setup.settings.dates")}</legend>
        {DATE_FIELDS.map((field) => (
          <ActionField
            key={field}
            id={field}
            name={field}
            type="date"
            label={t(`setup.settings.${field}`)}
            defaultValue={settings?.dates[field]}
          />
        ))}
        {settings?.signingEndPassed ? (
          <p className="text-amber-900 sm:col-span-2" data-testid="signing-end-passed">
            {t("setup.settings.signingEndPassed")}
          </p>
        ) : null}
      </fieldset>
    </ActionForm>
  );
}
