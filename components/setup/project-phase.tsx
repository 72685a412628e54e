import { ActionForm } from "@/components/ui/action-form";
import type { Translate } from "@/lib/i18n/translate";
import type { ActionState } from "@/lib/server/action";
import type { ProjectSettings } from "@/lib/server/projects/get-project-settings";

/** The project's phase and the one step forward it may take (phases go one at a time). */
export function ProjectPhase({
  t,
  settings,
  action,
}: {
  t: Translate;
  settings: ProjectSettings;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  return (
    <section aria-labelledby="phase-title" className="rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="phase-title" className="text-xl font-semibold">
        {t("setup.phase.title")}
      </h2>
      <p className="my-2" data-testid="current-phase">
        {t("setup.phase.current", { phase: t(`project.phases.${settings.phase}`) })}
      </p>
      <p className="mb-3 text-sm text-stone-700">{t("setup.phase.hint")}</p>
      {settings.nextPhase ? (
        <ActionForm
          action={action}
          submitLabel={t("setup.phase.advance", { phase: t(`project.phases.${settings.nextPhase}`) })}
          pendingLabel={t("common.loading")}
          testId="phase-form"
        >
          <input type="hidden" name="projectId" value={settings.id} />
          <input type="hidden" name="version" value={settings.version} />
          <input type="hidden" name="toPhase" value={settings.nextPhase} />
        </ActionForm>
      ) : (
        <p>{t("setup.phase.last")}</p>
      )}
    </section>
  );
}
