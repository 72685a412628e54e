import "server-only";

const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A download's Content-Disposition: an ASCII name for clients that know no other, and the real
 *  (usually Chinese) name in RFC 6266 / 5987 form for the rest. */
export function attachmentDisposition(asciiName: string, filename: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** A .xlsx download of the exports and the roster template; never cached, as it is one reader's
 *  view of data that changes. */
export function xlsxResponse(
  body: Uint8Array | ReadableStream<Uint8Array>,
  file: { asciiName: string; filename: string },
  headers: Record<string, string> = {},
): Response {
  return new Response(body as BodyInit, {
    headers: {
      "content-type": XLSX_CONTENT_TYPE,
      "content-disposition": attachmentDisposition(file.asciiName, file.filename),
      "cache-control": "no-store",
      ...headers,
    },
  });
}
