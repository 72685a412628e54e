import { answerError, isAppError } from "@/lib/errors";
import { getLocale } from "@/lib/i18n/server";
import type { MessageKey } from "@/lib/i18n/translate";
import { ROSTER_LIMITS } from "@/lib/roster/columns";
import type { RosterStreamLine } from "@/lib/roster/import-events";
import { getRosterImportContext } from "@/lib/server/roster/get-roster-import-context";
import { importRoster } from "@/lib/server/roster/import-roster";
import { readBoundedForm } from "@/lib/server/read-bounded-form";
import { runRoute } from "@/lib/server/route";

// POST /api/projects/[projectId]/roster/import (multipart, field "file") → newline-delimited
// JSON: progress lines while the file is read, checked and written, then one line with the
// summary, the problems (translated) or an error. Refusals before the upload is read (not signed
// in, not allowed, too large) are plain JSON { message } with a 4xx status; so is a body that
// passes the size cap while it is read.

export const dynamic = "force-dynamic";

/** Room for the multipart envelope around the file. */
const ENVELOPE_BYTES = 64 * 1024;

export async function POST(request: Request, { params }: { params: Promise<{ projectId: string }> }): Promise<Response> {
  // The refusals before the upload is read are about the project the URL names: a malformed id
  // there is not found, as in a read.
  return runRoute({ request, kind: "read", label: "roster import", errorBody: "json" }, async ({ t, actor }) => {
    const { projectId } = await params;
    const language = (await getLocale()) === "en" ? "en" : "zh";
    const refuse = (message: string, status: number) => Response.json({ message }, { status });
    await getRosterImportContext(actor, { projectId });

    const tooLarge = () => refuse(t("roster.file.tooLarge", { max: ROSTER_LIMITS.maxFileBytes / 1024 / 1024 }), 413);
    // Counted as it arrives: a body over the cap, with or without a Content-Length, is refused at
    // the first byte over it and the rest never read.
    const upload = await readBoundedForm(request, ROSTER_LIMITS.maxFileBytes + ENVELOPE_BYTES);
    if (!upload.ok) return upload.reason === "tooLarge" ? tooLarge() : refuse(t("roster.file.unreadable"), 400);
    const file = upload.form.get("file");
    if (!(file instanceof File)) return refuse(t("roster.page.noFile"), 400);
    if (file.size > ROSTER_LIMITS.maxFileBytes) return tooLarge();
    const bytes = new Uint8Array(await file.arrayBuffer());

    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        const send = (line: RosterStreamLine) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
        try {
          const result = await importRoster(actor, { projectId, fileName: file.name, bytes, language }, (progress) =>
            send({ type: "progress", ...progress }),
          );
          if (result.ok) {
            const { ok: _ok, ...summary } = result;
            send({ type: "result", ...summary });
          } else {
            send({
              type: "problems",
              problemCount: result.problemCount,
              problems: result.problems.map((p) => ({ ...p, message: t(p.key as MessageKey, p.params) })),
            });
          }
        } catch (error) {
          if (!isAppError(error)) console.error("[roster import] unexpected error", error);
          send({ type: "error", message: t(answerError(error, "write").messageKey) });
        } finally {
          controller.close();
        }
      },
    });
    return new Response(stream, {
      headers: {
        "content-type": "application/x-ndjson; charset=utf-8",
        // no-transform: compression would hold the progress lines back until the end.
        "cache-control": "no-store, no-transform",
        "x-accel-buffering": "no",
      },
    });
  });
}
