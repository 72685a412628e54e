import "server-only";
import { isAppError } from "../../errors.ts";
import type { Translate } from "../../i18n/translate.ts";

// Route-handler plumbing shared by the two dashboard exports: the file response and the
// translated error responses (out of scope, forbidden and malformed ids are all "not found").
export function xlsxResponse(body: Uint8Array, filename: string): Response {
  return new Response(body as unknown as BodyInit, {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="dashboard.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "cache-control": "no-store",
    },
  });
}

export function errorResponse(error: unknown, t: Translate): Response {
  const text = (message: string, status: number) => new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
  if (isAppError(error)) {
    if (error.code === "UNAUTHENTICATED") return text(t("errors.UNAUTHENTICATED"), 401);
    if (error.code === "NOT_FOUND" || error.code === "FORBIDDEN" || error.code === "VALIDATION") return text(t("errors.NOT_FOUND"), 404);
    return text(t(`errors.${error.code}`), 400);
  }
  console.error("[dashboard export] unexpected error", error);
  return text(t("errors.INTERNAL"), 500);
}
