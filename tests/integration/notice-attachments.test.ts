// A notice's attachments through the real use cases: a PDF, PNG or JPEG judged by its content,
// refused when it is not what its name says, too large, or one too many; added and removed only
// while the notice can be edited, each audited; downloaded by whoever may read the notice — anyone
// for a published notice of a project marked public, the project's residents for a published one,
// its staff always — and by nobody else.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_PER_NOTICE } from "@/lib/domain/attachments";
import { AppError } from "@/lib/errors";
import { addNoticeAttachment } from "@/lib/server/notices/add-notice-attachment";
import { getPublicNotice } from "@/lib/server/notices/get-public-notice";
import { publishNotice } from "@/lib/server/notices/publish-notice";
import { readNoticeAttachment } from "@/lib/server/notices/read-notice-attachment";
import { removeNoticeAttachment } from "@/lib/server/notices/remove-notice-attachment";
import { saveNotice } from "@/lib/server/notices/save-notice";
import { withdrawNotice } from "@/lib/server/notices/withdraw-notice";
import { seedProject, seedUser, type SeededProject } from "@/prisma/seed/factories";
import { actorOf, householdsOf } from "./signing-helpers.ts";

let project: SeededProject;
let other: SeededProject;
let secretary: Actor;
let otherSecretary: Actor;
let official: Actor;
let resident: Actor;
let projectId: string;

const PDF = () => new Uint8Array(new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n"));
const PNG = () => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

beforeAll(async () => {
  project = await seedProject(db(), { households: 4, signingGroups: 1, activity: { visitsPerHousehold: 0 } });
  other = await seedProject(db(), { households: 4, signingGroups: 1, activity: { visitsPerHousehold: 0 } });
  projectId = project.project.id;
  secretary = await actorOf(project.secretaryId);
  otherSecretary = await actorOf(other.secretaryId);
  official = await actorOf((await seedUser(db(), { role: "DISTRICT_OFFICIAL" })).id);
  const [household] = await householdsOf(projectId);
  resident = await actorOf((await seedUser(db(), { role: "RESIDENT", householdId: household!.id })).id);
});

async function draft(title = "附件公告") {
  const { id } = await saveNotice(secretary, { projectId, kind: "HOUSING", title, body: "见附件" });
  return id;
}

async function errorOf(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

const attach = (noticeId: string, fileName: string, content: Uint8Array<ArrayBuffer>, actor: Actor = secretary) =>
  addNoticeAttachment(actor, { projectId, noticeId, fileName, content });

describe("notice attachments", () => {
  it("keeps a PDF as uploaded, judged by its content, audited with its hash", async () => {
    const noticeId = await draft();
    const { id } = await attach(noticeId, "房源图册.pdf", PDF());
    const row = await db().noticeAttachment.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ fileName: "房源图册.pdf", contentType: "application/pdf", size: PDF().byteLength });
    expect(Buffer.from(row.content).equals(Buffer.from(PDF()))).toBe(true);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "attach:notice", entityId: noticeId } });
    expect(audit.after).toMatchObject({ attachmentId: id, sha256: row.sha256, size: row.size });
    const file = await readNoticeAttachment(secretary, { attachmentId: id });
    expect(Buffer.from(file.content).equals(Buffer.from(PDF()))).toBe(true);
  });

  it("refuses a file that is not what its name says, one of another kind, an empty one and one too large; keeps nothing", async () => {
    const noticeId = await draft();
    const cases: [string, Uint8Array<ArrayBuffer>, string][] = [
      ["photo.png", PDF(), "notices.errors.attachment_nameMismatch"],
      ["scheme.pdf", new Uint8Array(new TextEncoder().encode("<html><script>alert(1)</script>")), "notices.errors.attachment_notAllowed"],
      ["empty.pdf", new Uint8Array(), "notices.errors.attachment_empty"],
      [
        "big.pdf",
        (() => {
          const big = new Uint8Array(ATTACHMENT_MAX_BYTES + 1);
          big.set(PDF());
          return big;
        })(),
        "notices.errors.attachmentTooLarge",
      ],
    ];
    for (const [name, content, key] of cases) {
      const error = await errorOf(attach(noticeId, name, content));
      expect(error.fieldErrors?.file, name).toEqual([key]);
    }
    expect(await db().noticeAttachment.count({ where: { noticeId } })).toBe(0);
    expect(await db().auditEvent.count({ where: { action: "attach:notice", entityId: noticeId } })).toBe(0);
  });

  it("takes at most ten a notice, also when they arrive at once", async () => {
    const noticeId = await draft();
    const results = await Promise.allSettled(
      Array.from({ length: ATTACHMENTS_PER_NOTICE + 3 }, (_, i) => attach(noticeId, `图${i}.png`, PNG())),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(ATTACHMENTS_PER_NOTICE);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused.map((r) => (r.reason as AppError).fieldErrors?.file)).toEqual(Array(3).fill(["notices.errors.tooManyAttachments"]));
    expect(await db().noticeAttachment.count({ where: { noticeId } })).toBe(ATTACHMENTS_PER_NOTICE);
  });

  it("changes no attachment of a published notice", async () => {
    const noticeId = await draft();
    const { id } = await attach(noticeId, "方案.pdf", PDF());
    await publishNotice(secretary, { projectId, noticeId, version: 1, when: "now" });
    expect((await errorOf(attach(noticeId, "再加.pdf", PDF()))).fieldErrors?._form).toEqual(["notices.errors.notEditablePUBLISHED"]);
    expect((await errorOf(removeNoticeAttachment(secretary, { projectId, noticeId, attachmentId: id }))).fieldErrors?._form).toEqual([
      "notices.errors.notEditablePUBLISHED",
    ]);
    expect((await getPublicNotice({ projectCode: project.project.code, noticeId })).notice.attachments.map((a) => a.fileName)).toEqual([
      "方案.pdf",
    ]);
  });

  it("removes one from a draft, audited", async () => {
    const noticeId = await draft();
    const { id } = await attach(noticeId, "错的.pdf", PDF());
    await removeNoticeAttachment(secretary, { projectId, noticeId, attachmentId: id });
    expect(await db().noticeAttachment.count({ where: { id } })).toBe(0);
    expect(await db().auditEvent.count({ where: { action: "detach:notice", entityId: noticeId } })).toBe(1);
  });

  it("downloads for whoever may read the notice, and for nobody else", async () => {
    const noticeId = await draft("下载权限");
    const { id } = await attach(noticeId, "图.png", PNG());
    const outcome = async (actor: Actor | null) =>
      readNoticeAttachment(actor, { attachmentId: id }).then(
        (file) => (file.isPublic ? "public" : "ok"),
        (e: unknown) => (e instanceof AppError ? e.code : "error"),
      );
    // A draft: the project's staff only.
    expect([
      await outcome(null),
      await outcome(resident),
      await outcome(secretary),
      await outcome(official),
      await outcome(otherSecretary),
    ]).toEqual(["NOT_FOUND", "NOT_FOUND", "ok", "ok", "NOT_FOUND"]);
    await publishNotice(secretary, { projectId, noticeId, version: 1, when: "now" });
    expect([await outcome(null), await outcome(resident), await outcome(otherSecretary)]).toEqual(["public", "public", "public"]);
    // Not marked public: the project's residents and staff still read it; nobody else.
    await db().project.update({ where: { id: projectId }, data: { isPublished: false } });
    try {
      expect([await outcome(null), await outcome(resident), await outcome(secretary), await outcome(otherSecretary)]).toEqual([
        "NOT_FOUND",
        "ok",
        "ok",
        "NOT_FOUND",
      ]);
    } finally {
      await db().project.update({ where: { id: projectId }, data: { isPublished: true } });
    }
    await withdrawNotice(secretary, { projectId, noticeId, version: 2, reason: "撤回" });
    expect([await outcome(null), await outcome(resident), await outcome(secretary)]).toEqual(["NOT_FOUND", "NOT_FOUND", "ok"]);
  });
});
