import { isAppError } from "@/lib/errors";
import { readNoticeAttachment } from "@/lib/server/notices/read-notice-attachment";
import { runOpenRoute } from "@/lib/server/route";

// GET /api/notices/attachments/<id> → the file, for whoever may read its notice (anyone for a
// published notice of a project marked public; readNoticeAttachment decides). Shown in the
// browser (PDF viewer, image) under its own name; the type is the one judged from its content,
// never sniffed, and the CSP sandbox keeps anything in it from running as the portal.

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ attachmentId: string }> }): Promise<Response> {
  return runOpenRoute({ request, kind: "read", label: "notice attachment" }, async ({ requireActor }) => {
    const { attachmentId } = await params;
    const actor = await requireActor().catch((error: unknown) => {
      if (isAppError(error) && error.code === "UNAUTHENTICATED") return null;
      throw error;
    });
    const file = await readNoticeAttachment(actor, { attachmentId });
    const extension = file.contentType === "application/pdf" ? "pdf" : file.contentType === "image/png" ? "png" : "jpg";
    const etag = `"${file.sha256}"`;
    const headers: Record<string, string> = {
      "content-type": file.contentType,
      "content-disposition": `inline; filename="attachment.${extension}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "content-security-policy": "sandbox",
      etag,
      // An attachment never changes (a new file is a new attachment): a public one may be kept
      // by any cache for a day; a staff member's or a resident's only by their own browser.
      "cache-control": file.isPublic ? "public, max-age=86400" : "private, max-age=0, must-revalidate",
    };
    if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
    return new Response(file.content, { status: 200, headers: { ...headers, "content-length": String(file.content.byteLength) } });
  });
}
