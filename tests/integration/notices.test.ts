// Notices (公告公示) through the real use cases on a real database: the secretary drafts, edits,
// publishes now or at a time and withdraws; residents of the project and — for a project marked
// public — everyone see only what is published, not withdrawn and due; bad input is refused with
// the field to fix and leaves nothing written; a stale form is a conflict.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getProjectDashboard } from "@/lib/server/dashboard/get-project-dashboard";
import { getNotice } from "@/lib/server/notices/get-notice";
import { getPublicBoard } from "@/lib/server/notices/get-public-board";
import { getPublicNotice } from "@/lib/server/notices/get-public-notice";
import { listNotices } from "@/lib/server/notices/list-notices";
import { listOwnNotices } from "@/lib/server/notices/list-own-notices";
import { openOwnNotice } from "@/lib/server/notices/open-own-notice";
import { publishNotice } from "@/lib/server/notices/publish-notice";
import { saveNotice } from "@/lib/server/notices/save-notice";
import { withdrawNotice } from "@/lib/server/notices/withdraw-notice";
import { seedProject, seedUser, type SeededProject } from "@/prisma/seed/factories";
import { actorOf, householdsOf, seedSigningProject } from "./signing-helpers.ts";

let project: SeededProject;
let other: SeededProject;
let secretary: Actor;
let resident: Actor;
let projectId: string;

beforeAll(async () => {
  project = await seedProject(db(), { households: 8, signingGroups: 1, signedShare: 0.25, activity: { visitsPerHousehold: 0 } });
  other = await seedSigningProject({ households: 4, signingGroups: 1 });
  projectId = project.project.id;
  secretary = await actorOf(project.secretaryId);
  const [household] = await householdsOf(projectId);
  resident = await actorOf((await seedUser(db(), { role: "RESIDENT", householdId: household!.id })).id);
});

const HOUR = 3_600_000;

/** Wall-clock text (datetime-local) of an instant in the deployment's zone, Asia/Shanghai (+08:00). */
function wallClock(instant: Date): string {
  return new Date(instant.getTime() + 8 * HOUR).toISOString().slice(0, 16);
}

async function draft(fields: Record<string, string> = {}) {
  const { id } = await saveNotice(secretary, { projectId, kind: "ANNOUNCEMENT", title: "征收公告", body: "第一行\n第二行", ...fields });
  return db().notice.findUniqueOrThrow({ where: { id } });
}

async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

async function auditsOf(noticeId: string) {
  return db().auditEvent.findMany({
    where: { entity: "notice", entityId: noticeId },
    orderBy: { createdAt: "asc" },
    select: { action: true },
  });
}

describe("notices", () => {
  it("keeps a draft for the staff: neither residents nor the public see it", async () => {
    const notice = await draft({ title: "草稿公告" });
    expect(notice.publishedAt).toBeNull();
    expect((await auditsOf(notice.id)).map((a) => a.action)).toEqual(["create:notice"]);
    expect((await listNotices(secretary, { projectId })).notices.find((n) => n.id === notice.id)?.status).toBe("DRAFT");
    expect((await getPublicBoard({ projectCode: project.project.code })).notices.some((n) => n.id === notice.id)).toBe(false);
    expect((await listOwnNotices(resident)).notices.some((n) => n.id === notice.id)).toBe(false);
    expect((await refusal(getPublicNotice({ projectCode: project.project.code, noticeId: notice.id }))).code).toBe("NOT_FOUND");
    expect((await refusal(openOwnNotice(resident, { noticeId: notice.id }))).code).toBe("NOT_FOUND");
  });

  it("refuses bad input with the field to fix and writes nothing", async () => {
    const before = await db().notice.count({ where: { projectId } });
    const cases: [Record<string, string>, string, string][] = [
      [{ title: "" }, "title", "validation.required"],
      [{ title: "长".repeat(121) }, "title", "validation.tooLong"],
      [{ body: "   " }, "body", "validation.required"],
      [{ kind: "RUMOUR" }, "kind", "notices.errors.chooseKind"],
      [{ disclosureStart: "2026-12-10" }, "disclosureEnd", "notices.errors.windowBothEnds"],
      [{ disclosureStart: "2026-12-10", disclosureEnd: "2026-12-09" }, "disclosureEnd", "notices.errors.windowOrder"],
      [{ title: "王\u202E公告" }, "title", "validation.invisibleCharacter"],
    ];
    for (const [fields, field, key] of cases) {
      const error = await refusal(draft(fields));
      expect(error.code, JSON.stringify(fields)).toBe("VALIDATION");
      expect(error.fieldErrors?.[field], JSON.stringify(fields)).toContain(key);
    }
    expect(await db().notice.count({ where: { projectId } })).toBe(before);
  });

  it("publishes now: residents see it unread until they open it, the public sees it, and the text is as written", async () => {
    const notice = await draft({ title: "补偿方案公示", kind: "POLICY", disclosureStart: "2026-12-01", disclosureEnd: "2026-12-30" });
    const { publishedAt } = await publishNotice(secretary, { projectId, noticeId: notice.id, version: notice.version, when: "now" });
    expect(publishedAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect((await auditsOf(notice.id)).map((a) => a.action)).toEqual(["create:notice", "publish:notice"]);

    const board = await getPublicBoard({ projectCode: project.project.code });
    expect(board.notices.find((n) => n.id === notice.id)).toMatchObject({ title: "补偿方案公示", kind: "POLICY", status: "PUBLISHED" });
    expect(board.notices.find((n) => n.id === notice.id)?.disclosure).toEqual({ start: "2026-12-01", end: "2026-12-30" });
    // The board lists; the body is on the notice's own page.
    expect("body" in board.notices[0]!).toBe(false);
    expect((await getPublicNotice({ projectCode: project.project.code, noticeId: notice.id })).notice.body).toBe("第一行\n第二行");

    const mine = await listOwnNotices(resident);
    expect(mine.notices.find((n) => n.id === notice.id)?.unread).toBe(true);
    const unread = mine.unreadCount;
    expect((await openOwnNotice(resident, { noticeId: notice.id })).title).toBe("补偿方案公示");
    await openOwnNotice(resident, { noticeId: notice.id });
    const after = await listOwnNotices(resident);
    expect(after.notices.find((n) => n.id === notice.id)?.unread).toBe(false);
    expect(after.unreadCount).toBe(unread - 1);
  });

  it("publishes at a time ahead: nobody outside the staff sees it before that time, everyone after", async () => {
    const notice = await draft({ title: "定时公告" });
    const at = new Date(Date.now() + 2 * HOUR);
    await publishNotice(secretary, { projectId, noticeId: notice.id, version: notice.version, when: "at", publishAt: wallClock(at) });
    expect((await getNotice(secretary, { projectId, noticeId: notice.id })).status).toBe("SCHEDULED");
    expect((await getPublicBoard({ projectCode: project.project.code })).notices.some((n) => n.id === notice.id)).toBe(false);
    expect((await listOwnNotices(resident)).notices.some((n) => n.id === notice.id)).toBe(false);
    const later = new Date(at.getTime() + 60_000);
    expect((await getPublicBoard({ projectCode: project.project.code }, later)).notices.some((n) => n.id === notice.id)).toBe(true);
    expect((await listOwnNotices(resident, later)).notices.some((n) => n.id === notice.id)).toBe(true);
    // Still editable until its time: a correction of the title goes out at the same time.
    const scheduled = await db().notice.findUniqueOrThrow({ where: { id: notice.id } });
    await saveNotice(secretary, {
      projectId,
      noticeId: notice.id,
      version: String(scheduled.version),
      kind: "ANNOUNCEMENT",
      title: "定时公告（更正）",
      body: "正文",
    });
    expect((await getPublicNotice({ projectCode: project.project.code, noticeId: notice.id }, later)).notice.title).toBe(
      "定时公告（更正）",
    );
  });

  it("refuses a time to publish in the past, and leaves the draft a draft", async () => {
    const notice = await draft();
    const error = await refusal(
      publishNotice(secretary, {
        projectId,
        noticeId: notice.id,
        version: notice.version,
        when: "at",
        publishAt: wallClock(new Date(Date.now() - HOUR)),
      }),
    );
    expect(error.fieldErrors?.publishAt).toEqual(["notices.errors.publishInPast"]);
    const missing = await refusal(
      publishNotice(secretary, { projectId, noticeId: notice.id, version: notice.version, when: "at", publishAt: "" }),
    );
    expect(missing.fieldErrors?.publishAt).toEqual(["notices.errors.choosePublishAt"]);
    expect((await db().notice.findUniqueOrThrow({ where: { id: notice.id } })).publishedAt).toBeNull();
    expect((await auditsOf(notice.id)).map((a) => a.action)).toEqual(["create:notice"]);
  });

  it("never changes a published notice: editing or publishing it again is refused", async () => {
    const notice = await draft({ title: "已发布" });
    await publishNotice(secretary, { projectId, noticeId: notice.id, version: notice.version, when: "now" });
    const published = await db().notice.findUniqueOrThrow({ where: { id: notice.id } });
    const edit = await refusal(
      saveNotice(secretary, {
        projectId,
        noticeId: notice.id,
        version: String(published.version),
        kind: "ANNOUNCEMENT",
        title: "改过",
        body: "改过",
      }),
    );
    expect(edit.fieldErrors?._form).toEqual(["notices.errors.notEditablePUBLISHED"]);
    const again = await refusal(publishNotice(secretary, { projectId, noticeId: notice.id, version: published.version, when: "now" }));
    expect(again.fieldErrors?._form).toEqual(["notices.errors.notEditablePUBLISHED"]);
    expect((await db().notice.findUniqueOrThrow({ where: { id: notice.id } })).title).toBe("已发布");
  });

  it("refuses a form that shows an older version (CONFLICT), and writes nothing", async () => {
    const notice = await draft({ title: "第一版" });
    await saveNotice(secretary, {
      projectId,
      noticeId: notice.id,
      version: String(notice.version),
      kind: "ANNOUNCEMENT",
      title: "第二版",
      body: "b",
    });
    const stale = await refusal(
      saveNotice(secretary, {
        projectId,
        noticeId: notice.id,
        version: String(notice.version),
        kind: "ANNOUNCEMENT",
        title: "第三版",
        body: "c",
      }),
    );
    expect(stale.code).toBe("CONFLICT");
    const publishStale = await refusal(publishNotice(secretary, { projectId, noticeId: notice.id, version: notice.version, when: "now" }));
    expect(publishStale.code).toBe("CONFLICT");
    const row = await db().notice.findUniqueOrThrow({ where: { id: notice.id } });
    expect(row.title).toBe("第二版");
    expect(row.publishedAt).toBeNull();
    expect((await auditsOf(notice.id)).map((a) => a.action)).toEqual(["create:notice", "update:notice"]);
  });

  it("withdraws with a reason: kept and marked for the staff, gone for everyone else; withdrawn is final", async () => {
    const notice = await draft({ title: "将撤回" });
    await publishNotice(secretary, { projectId, noticeId: notice.id, version: notice.version, when: "now" });
    await openOwnNotice(resident, { noticeId: notice.id });
    const published = await db().notice.findUniqueOrThrow({ where: { id: notice.id } });
    const empty = await refusal(withdrawNotice(secretary, { projectId, noticeId: notice.id, version: published.version, reason: " " }));
    expect(empty.fieldErrors?.reason).toEqual(["validation.required"]);
    await withdrawNotice(secretary, { projectId, noticeId: notice.id, version: published.version, reason: "数据有误，更正后重发" });

    const detail = await getNotice(secretary, { projectId, noticeId: notice.id });
    expect(detail.status).toBe("WITHDRAWN");
    expect(detail.withdrawn).toMatchObject({ reason: "数据有误，更正后重发" });
    expect(detail.withdrawn?.by).toBeTruthy();
    expect((await auditsOf(notice.id)).map((a) => a.action)).toEqual(["create:notice", "publish:notice", "withdraw:notice"]);
    expect((await getPublicBoard({ projectCode: project.project.code })).notices.some((n) => n.id === notice.id)).toBe(false);
    expect((await listOwnNotices(resident)).notices.some((n) => n.id === notice.id)).toBe(false);
    expect((await refusal(openOwnNotice(resident, { noticeId: notice.id }))).code).toBe("NOT_FOUND");

    const withdrawn = await db().notice.findUniqueOrThrow({ where: { id: notice.id } });
    const twice = await refusal(withdrawNotice(secretary, { projectId, noticeId: notice.id, version: withdrawn.version, reason: "再撤" }));
    expect(twice.fieldErrors?._form).toEqual(["notices.errors.notWithdrawableWITHDRAWN"]);
    const republish = await refusal(publishNotice(secretary, { projectId, noticeId: notice.id, version: withdrawn.version, when: "now" }));
    expect(republish.fieldErrors?._form).toEqual(["notices.errors.notEditableWITHDRAWN"]);
  });

  it("does not withdraw a draft: it was never public", async () => {
    const notice = await draft();
    const error = await refusal(withdrawNotice(secretary, { projectId, noticeId: notice.id, version: notice.version, reason: "不要了" }));
    expect(error.fieldErrors?._form).toEqual(["notices.errors.notWithdrawableDRAFT"]);
    expect((await db().notice.findUniqueOrThrow({ where: { id: notice.id } })).withdrawnAt).toBeNull();
  });

  it("shows the public the dashboard's own headline figures, and nothing of a project not marked public", async () => {
    const board = await getPublicBoard({ projectCode: project.project.code });
    const dashboard = await getProjectDashboard(secretary, { projectId });
    expect(board.headline).toMatchObject({
      signed: dashboard.figures.signed,
      eligible: dashboard.figures.eligible,
      signingRate: dashboard.figures.signingRate,
      signingThreshold: dashboard.figures.signingThreshold,
      daysLeft: dashboard.figures.daysLeft,
      periodEnded: dashboard.figures.periodEnded,
      agreementStatus: dashboard.figures.agreementStatus,
    });
    expect(board.headline.signed).toBeGreaterThan(0);

    await db().project.update({ where: { id: other.project.id }, data: { isPublished: false } });
    expect((await refusal(getPublicBoard({ projectCode: other.project.code }))).code).toBe("NOT_FOUND");
    expect((await refusal(getPublicBoard({ projectCode: "NO-SUCH-CODE" }))).code).toBe("NOT_FOUND");
    expect((await refusal(getPublicBoard({ projectCode: "../etc" }))).code).toBe("VALIDATION");
  });

  it("never lets a resident open another project's notice", async () => {
    const otherSecretary = await actorOf(other.secretaryId);
    const { id } = await saveNotice(otherSecretary, { projectId: other.project.id, kind: "ANNOUNCEMENT", title: "别的项目", body: "x" });
    await publishNotice(otherSecretary, { projectId: other.project.id, noticeId: id, version: 1, when: "now" });
    expect((await refusal(openOwnNotice(resident, { noticeId: id }))).code).toBe("NOT_FOUND");
    expect(await db().noticeRead.count({ where: { noticeId: id } })).toBe(0);
    // Nor the secretary of this project edit it.
    const error = await refusal(
      saveNotice(secretary, { projectId: other.project.id, noticeId: id, version: "2", kind: "ANNOUNCEMENT", title: "y", body: "y" }),
    );
    expect(error.code).toBe("NOT_FOUND");
  });
});
