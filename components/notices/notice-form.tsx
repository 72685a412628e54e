"use client";

import { ActionField, ActionForm, ActionSelect } from "@/components/ui/action-form";
import { ActionTextArea } from "@/components/ui/text-area-field";
import type { ActionState } from "@/lib/server/action";

export type NoticeFormLabels = {
  title: string;
  kind: string;
  chooseKind: string;
  titleLabel: string;
  body: string;
  bodyHint: string;
  disclosureStart: string;
  disclosureEnd: string;
  disclosureHint: string;
  save: string;
  saving: string;
};

/** Most characters of a notice's title and text (the server's limits, lib/server/notices/notice-input.ts). */
const TITLE_MAX = 120;
const BODY_MAX = 20_000;

/**
 * Writes a notice: a new draft (no `notice`), or the draft or scheduled notice being edited with
 * the version the page showed, so an edit made meanwhile is refused rather than overwritten.
 */
export function NoticeForm({
  projectId,
  notice,
  kinds,
  labels,
  action,
}: {
  projectId: string;
  notice?: { id: string; version: number; kind: string; title: string; body: string; disclosureStart: string; disclosureEnd: string };
  kinds: { value: string; label: string }[];
  labels: NoticeFormLabels;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  const id = notice ? "edit-notice" : "new-notice";
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-stone-200 bg-white p-4">
      <h2 id={`${id}-title`} className="mb-3 text-lg font-semibold">
        {labels.title}
      </h2>
      <ActionForm action={action} testId={id} submitLabel={labels.save} pendingLabel={labels.saving} formKey={notice?.version}>
        <input type="hidden" name="projectId" value={projectId} />
        {notice ? (
          <>
            <input type="hidden" name="noticeId" value={notice.id} />
            <input type="hidden" name="version" value={notice.version} />
          </>
        ) : null}
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <ActionSelect
            id={`${id}-kind`}
            name="kind"
            label={labels.kind}
            placeholder={labels.chooseKind}
            options={kinds}
            defaultValue={notice?.kind}
            required
          />
          <ActionField
            id={`${id}-title-field`}
            name="title"
            label={labels.titleLabel}
            maxLength={TITLE_MAX}
            defaultValue={notice?.title}
            required
          />
        </div>
        <ActionTextArea
          id={`${id}-body`}
          name="body"
          label={labels.body}
          hint={labels.bodyHint}
          maxLength={BODY_MAX}
          defaultValue={notice?.body}
          required
          rows={8}
        />
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <ActionField
            id={`${id}-disclosure-start`}
            name="disclosureStart"
            type="date"
            label={labels.disclosureStart}
            hint={labels.disclosureHint}
            defaultValue={notice?.disclosureStart}
          />
          <ActionField
            id={`${id}-disclosure-end`}
            name="disclosureEnd"
            type="date"
            label={labels.disclosureEnd}
            defaultValue={notice?.disclosureEnd}
          />
        </div>
      </ActionForm>
    </section>
  );
}
