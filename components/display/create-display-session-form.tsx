"use client";

import { useState } from "react";
import type { ActionState } from "@/lib/server/action";
import { ActionField, ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";

type Labels = { label: string; labelHint: string; create: string; pending: string; copy: string; copied: string };

function CopyButton({ link, labels }: { link: string; labels: Labels }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      type="button"
      variant="secondary"
      onClick={() => {
        void navigator.clipboard?.writeText(link).then(() => setCopied(true));
      }}
    >
      {copied ? labels.copied : labels.copy}
    </Button>
  );
}

/** The created link, shown once in the answer (only its hash is kept), with a copy button. */
function CreatedMessage({ state, labels }: { state: ActionState; labels: Labels }) {
  const link = state.ok ? (state.message?.match(/https?:\/\/\S+/)?.[0] ?? null) : null;
  return (
    <>
      <p className="break-all">{state.message}</p>
      {link ? (
        <div className="mt-2 flex flex-wrap items-center gap-2">
          {/* key: a new link starts uncopied. */}
          <CopyButton key={link} link={link} labels={labels} />
        </div>
      ) : null}
    </>
  );
}

/** Creates a display link and shows it once, with a copy button; only its hash is kept. */
export function CreateDisplaySessionForm({
  projectId,
  labels,
  action,
}: {
  projectId: string;
  labels: Labels;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  return (
    <ActionForm
      action={action}
      className="flex flex-col gap-3 sm:max-w-md"
      testId="create-display"
      submitLabel={labels.create}
      pendingLabel={labels.pending}
      renderMessage={(state) => <CreatedMessage state={state} labels={labels} />}
    >
      <input type="hidden" name="projectId" value={projectId} />
      <ActionField id="display-label" name="label" label={labels.label} hint={labels.labelHint} required maxLength={60} />
    </ActionForm>
  );
}
