import { ATTACHMENT_MAX_BYTES } from "@/lib/domain/attachments";
import { isAppError } from "@/lib/errors";
import type { MessageKey } from "@/lib/i18n/translate";
import { addNoticeAttachment } from "@/lib/server/notices/add-notice-attachment";
import { readBoundedForm } from "@/lib/server/read-bounded-form";
import { runRoute } from "@/lib/server/route";

// POST /api/projects/[projectId]/notices/[noticeId]/attachments (multipart, field "file") →
// 201 { id }, or { message } with 4xx: the upload is counted as it arrives and refused at the
// first byte over the cap (with or without a Content-Length); the file's kind is judged from its
// content by addNoticeAttachment.

export const dynamic = "force-dynamic";

/** Room for the multipart envelope around the file. */
const ENVELOPE_BYTES = 64 * 1024;

export async function POST(request: Request, { params }: { params: Promise<{ projectId: string; noticeId: string }> }): Promise<Response> {
  return runRoute({ request, kind: "write", label: "notice attachment upload", errorBody: "json" }, async ({ t, actor }) => {
    const { projectId, noticeId } = await params;
    const refuse = (message: string, status: number) => Response.json({ message }, { status, headers: { "cache-control": "no-store" } });
    const tooLarge = () => refuse(t("notices.errors.attachmentTooLarge"), 413);
    const upload = await readBoundedForm(request, ATTACHMENT_MAX_BYTES + ENVELOPE_BYTES);
    if (!upload.ok) return upload.reason === "tooLarge" ? tooLarge() : refuse(t("notices.errors.attachmentUnreadable"), 400);
    const file = upload.form.get("file");
    if (!(file instanceof File)) return refuse(t("notices.errors.attachmentMissing"), 400);
    if (file.size > ATTACHMENT_MAX_BYTES) return tooLarge();
    try {
      const { id } = await addNoticeAttachment(actor, {
        projectId,
        noticeId,
        fileName: file.name,
        content: new Uint8Array(await file.arrayBuffer()),
      });
      return Response.json({ id }, { status: 201, headers: { "cache-control": "no-store" } });
    } catch (error) {
      // Bad input names what to fix; everything else is answered by runRoute.
      if (isAppError(error) && error.code === "VALIDATION" && error.fieldErrors) {
        return refuse(
          Object.values(error.fieldErrors)
            .flat()
            .map((key) => t(key as MessageKey))
            .join(" "),
          400,
        );
      }
      throw error;
    }
  });
}
