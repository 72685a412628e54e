// What a notice's attachment is, decided by its first bytes — never by its name or what the
// browser claims — and whether its name says the same (DOMAIN.md "Notice"; issue "Residents and
// the public": "an attachment that is not what its name says" is refused). Pure.

export const ATTACHMENT_KINDS = {
  pdf: { contentType: "application/pdf", extensions: ["pdf"] },
  png: { contentType: "image/png", extensions: ["png"] },
  jpeg: { contentType: "image/jpeg", extensions: ["jpg", "jpeg"] },
} as const;
export type AttachmentKind = keyof typeof ATTACHMENT_KINDS;

/** Most bytes of one attachment, and most attachments of one notice. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENTS_PER_NOTICE = 10;
/** Most characters of an attachment's file name. */
export const ATTACHMENT_NAME_MAX = 200;

const startsWith = (head: Uint8Array, bytes: readonly number[]) => head.length >= bytes.length && bytes.every((b, i) => head[i] === b);

/** PDF ("%PDF-"), PNG (its 8-byte signature) or JPEG (SOI and a marker); null for anything else. */
export function attachmentKindOf(head: Uint8Array): AttachmentKind | null {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf";
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(head, [0xff, 0xd8, 0xff])) return "jpeg";
  return null;
}

export type AttachmentJudgement =
  | { ok: true; kind: AttachmentKind; contentType: string }
  /** notAllowed: none of the kinds above · nameMismatch: one of them, but the name says another
   *  (a PDF called photo.png) or nothing (no extension) · empty: no bytes. */
  | { ok: false; reason: "notAllowed" | "nameMismatch" | "empty" };

export function judgeAttachment(fileName: string, content: Uint8Array): AttachmentJudgement {
  if (content.length === 0) return { ok: false, reason: "empty" };
  const kind = attachmentKindOf(content);
  if (!kind) return { ok: false, reason: "notAllowed" };
  const extension = /\.([^.\\/]+)$/.exec(fileName.toLowerCase())?.[1] ?? "";
  if (!(ATTACHMENT_KINDS[kind].extensions as readonly string[]).includes(extension)) return { ok: false, reason: "nameMismatch" };
  return { ok: true, kind, contentType: ATTACHMENT_KINDS[kind].contentType };
}
