import "server-only";

export type BoundedForm = { ok: true; form: FormData } | { ok: false; reason: "tooLarge" | "unreadable" };

/**
 * A multipart (or urlencoded) body read up to `maxBytes` and no further: a declared
 * Content-Length over the cap is refused before anything is read, and a body without one
 * (chunked) or longer than it claims is counted as it arrives and refused at the first byte over
 * the cap — the rest is never read (the stream is cancelled). Only then is the form parsed, from
 * the bytes kept.
 */
export async function readBoundedForm(request: Request, maxBytes: number): Promise<BoundedForm> {
  const declared = request.headers.get("content-length");
  if (declared !== null && !(Number(declared) <= maxBytes)) return { ok: false, reason: "tooLarge" };
  if (!request.body) return { ok: false, reason: "unreadable" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > maxBytes) {
        await reader.cancel().catch(() => {});
        return { ok: false, reason: "tooLarge" };
      }
      chunks.push(value);
    }
  } catch {
    // The client went away mid-upload.
    return { ok: false, reason: "unreadable" };
  } finally {
    reader.releaseLock();
  }
  const body = new Uint8Array(received);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  try {
    const form = await new Response(body, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
    return { ok: true, form };
  } catch {
    return { ok: false, reason: "unreadable" };
  }
}
