"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CONTROL_CLASS } from "@/components/ui/form-field";

export type AttachmentUploadLabels = {
  file: string;
  fileHint: string;
  add: string;
  uploading: string;
  uploaded: string;
  failed: string;
};

/**
 * Uploads one file to a notice that can still be edited (the route judges it by its content and
 * answers what to fix), then refreshes the page so the list shows it. The chosen file stays
 * chosen after a refusal, so nothing has to be picked again to retry.
 */
export function AttachmentUpload({ projectId, noticeId, labels }: { projectId: string; noticeId: string; labels: AttachmentUploadLabels }) {
  const router = useRouter();
  const id = useId();
  const [state, setState] = useState<{ tone: "success" | "error"; message: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const file = (form.elements.namedItem("file") as HTMLInputElement).files?.[0];
    if (!file) return;
    setPending(true);
    setState(null);
    try {
      const body = new FormData();
      body.set("file", file);
      const response = await fetch(`/api/projects/${projectId}/notices/${noticeId}/attachments`, { method: "POST", body });
      const answer = (await response.json().catch(() => ({}))) as { message?: string };
      if (response.ok) {
        setState({ tone: "success", message: labels.uploaded.replace("{name}", file.name) });
        form.reset();
        router.refresh();
      } else {
        setState({ tone: "error", message: answer.message ?? labels.failed });
      }
    } catch {
      setState({ tone: "error", message: labels.failed });
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={upload} className="flex flex-col gap-3" data-testid="attachment-upload" aria-busy={pending}>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-file`} className="text-sm font-medium text-stone-800">
          {labels.file}
        </label>
        <input
          id={`${id}-file`}
          name="file"
          type="file"
          accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"
          required
          aria-describedby={`${id}-hint`}
          className={CONTROL_CLASS}
        />
        <p id={`${id}-hint`} className="text-sm text-stone-600">
          {labels.fileHint}
        </p>
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? labels.uploading : labels.add}
        </Button>
      </div>
      <div aria-live="polite">
        {state ? (
          <Alert tone={state.tone} testId={`attachment-upload-${state.tone}`}>
            {state.message}
          </Alert>
        ) : null}
      </div>
    </form>
  );
}
