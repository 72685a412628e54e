// An attachment's kind is read from its first bytes; its name must say the same kind.
import { describe, expect, it } from "vitest";
import { attachmentKindOf, judgeAttachment } from "@/lib/domain/attachments";

const PDF = new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n1 0 obj\n");
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]);
const ZIP = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 20, 0]);

describe("attachments", () => {
  it("knows PDF, PNG and JPEG by their first bytes, and nothing else", () => {
    expect(attachmentKindOf(PDF)).toBe("pdf");
    expect(attachmentKindOf(PNG)).toBe("png");
    expect(attachmentKindOf(JPEG)).toBe("jpeg");
    expect(attachmentKindOf(ZIP)).toBeNull();
    expect(attachmentKindOf(new TextEncoder().encode("<script>alert(1)</script>"))).toBeNull();
    expect(attachmentKindOf(PNG.slice(0, 7))).toBeNull();
  });

  it("accepts a file whose name says what it is, in any case", () => {
    expect(judgeAttachment("补偿方案.pdf", PDF)).toEqual({ ok: true, kind: "pdf", contentType: "application/pdf" });
    expect(judgeAttachment("房源图.PNG", PNG)).toMatchObject({ ok: true, kind: "png" });
    expect(judgeAttachment("现场.jpeg", JPEG)).toMatchObject({ ok: true, kind: "jpeg", contentType: "image/jpeg" });
    expect(judgeAttachment("现场.jpg", JPEG)).toMatchObject({ ok: true, kind: "jpeg" });
  });

  it("refuses a file that is not what its name says, one of no allowed kind, and an empty one", () => {
    expect(judgeAttachment("photo.png", PDF)).toEqual({ ok: false, reason: "nameMismatch" });
    expect(judgeAttachment("scheme.pdf", new TextEncoder().encode("<html>"))).toEqual({ ok: false, reason: "notAllowed" });
    expect(judgeAttachment("noextension", PDF)).toEqual({ ok: false, reason: "nameMismatch" });
    expect(judgeAttachment("roster.xlsx", ZIP)).toEqual({ ok: false, reason: "notAllowed" });
    expect(judgeAttachment("empty.pdf", new Uint8Array())).toEqual({ ok: false, reason: "empty" });
  });
});
