// Every use case of the notices area (公告公示) × every role (tests/support/authorization-world.ts),
// and the special group's leader: the project's secretary writes, publishes and withdraws; district
// officials read every project's notices; nobody else reads the staff's list (drafts are staff
// work). A resident reads the published notices of their own project only; the public pages
// answer anyone for a project marked public and nobody for one that is not. Writes undo
// themselves so each row meets the same world.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { addNoticeAttachment } from "@/lib/server/notices/add-notice-attachment";
import { getNotice } from "@/lib/server/notices/get-notice";
import { getPublicBoard } from "@/lib/server/notices/get-public-board";
import { getPublicNotice } from "@/lib/server/notices/get-public-notice";
import { listNotices } from "@/lib/server/notices/list-notices";
import { listOwnNotices } from "@/lib/server/notices/list-own-notices";
import { openOwnNotice } from "@/lib/server/notices/open-own-notice";
import { publishNotice } from "@/lib/server/notices/publish-notice";
import { readNoticeAttachment } from "@/lib/server/notices/read-notice-attachment";
import { removeNoticeAttachment } from "@/lib/server/notices/remove-notice-attachment";
import { saveNotice } from "@/lib/server/notices/save-notice";
import { withdrawNotice } from "@/lib/server/notices/withdraw-notice";
import {
  createAuthorizationWorld,
  outcomeOf,
  ROLES,
  type AuthorizationWorld,
  type Outcome,
  type RoleName,
} from "../../support/authorization-world.ts";

let world: AuthorizationWorld;
/** Per project: a draft and a published notice, written straight into the database. */
const notices: Record<"A" | "B", { draft: string; published: string }> = {
  A: { draft: "", published: "" },
  B: { draft: "", published: "" },
};
let hiddenCode = "";
/** Attachments: one on project A's draft, one on project B's published notice. */
const files = { draftA: "", publishedB: "" };
const PDF = () => new Uint8Array(new TextEncoder().encode("%PDF-1.4\n%%EOF\n"));
const attachmentRow = (noticeId: string) => ({
  noticeId,
  fileName: "a.pdf",
  contentType: "application/pdf",
  size: PDF().byteLength,
  sha256: "0",
  content: PDF(),
});

beforeAll(async () => {
  world = await createAuthorizationWorld();
  for (const [key, seeded] of [
    ["A", world.projectA],
    ["B", world.projectB],
  ] as const) {
    const projectId = seeded.project.id;
    const draft = await db().notice.create({ data: { projectId, kind: "ANNOUNCEMENT", title: `草稿 ${key}`, body: "草稿" } });
    const published = await db().notice.create({
      data: { projectId, kind: "POLICY", title: `方案 ${key}`, body: "方案", publishedAt: new Date(Date.now() - 60_000) },
    });
    notices[key] = { draft: draft.id, published: published.id };
  }
  files.draftA = (await db().noticeAttachment.create({ data: attachmentRow(notices.A.draft) })).id;
  files.publishedB = (await db().noticeAttachment.create({ data: attachmentRow(notices.B.published) })).id;
  // Project B is not marked public.
  await db().project.update({ where: { id: world.projectB.project.id }, data: { isPublished: false } });
  hiddenCode = world.projectB.project.code;
});

const A = () => world.projectA.project.id;
const B = () => world.projectB.project.id;

/** Restores a notice's row after a use case changed it. */
async function restoring<T>(noticeId: string, work: () => Promise<T>): Promise<T> {
  const before = await db().notice.findUniqueOrThrow({ where: { id: noticeId } });
  try {
    return await work();
  } finally {
    await db().notice.update({
      where: { id: noticeId },
      data: {
        title: before.title,
        publishedAt: before.publishedAt,
        withdrawnAt: before.withdrawnAt,
        withdrawnById: before.withdrawnById,
        withdrawReason: before.withdrawReason,
        version: before.version,
      },
    });
  }
}

async function createDraft(actor: Actor, projectId: string) {
  const { id } = await saveNotice(actor, { projectId, kind: "ANNOUNCEMENT", title: "授权测试", body: "正文" });
  await db().notice.delete({ where: { id } });
}

const version = async (noticeId: string) => (await db().notice.findUniqueOrThrow({ where: { id: noticeId } })).version;

const useCases: Record<string, (actor: Actor) => Promise<unknown>> = {
  "notices of project A": (actor) => listNotices(actor, { projectId: A() }),
  "notices of project B": (actor) => listNotices(actor, { projectId: B() }),
  "a draft of project A": (actor) => getNotice(actor, { projectId: A(), noticeId: notices.A.draft }),
  "a draft of project B": (actor) => getNotice(actor, { projectId: B(), noticeId: notices.B.draft }),
  "new draft in project A": (actor) => createDraft(actor, A()),
  "new draft in project B": (actor) => createDraft(actor, B()),
  "edit a draft of project A": (actor) =>
    restoring(notices.A.draft, async () =>
      saveNotice(actor, {
        projectId: A(),
        noticeId: notices.A.draft,
        version: String(await version(notices.A.draft)),
        kind: "ANNOUNCEMENT",
        title: "改",
        body: "改",
      }),
    ),
  "publish a draft of project A": (actor) =>
    restoring(notices.A.draft, async () =>
      publishNotice(actor, { projectId: A(), noticeId: notices.A.draft, version: await version(notices.A.draft), when: "now" }),
    ),
  "publish a draft of project B": (actor) =>
    restoring(notices.B.draft, async () =>
      publishNotice(actor, { projectId: B(), noticeId: notices.B.draft, version: await version(notices.B.draft), when: "now" }),
    ),
  "withdraw a notice of project A": (actor) =>
    restoring(notices.A.published, async () =>
      withdrawNotice(actor, { projectId: A(), noticeId: notices.A.published, version: await version(notices.A.published), reason: "测试" }),
    ),
  "attach a file to a draft of project A": async (actor) => {
    const { id } = await addNoticeAttachment(actor, { projectId: A(), noticeId: notices.A.draft, fileName: "x.pdf", content: PDF() });
    await db().noticeAttachment.delete({ where: { id } });
  },
  "remove a file of a draft of project A": async (actor) => {
    const { id } = await db().noticeAttachment.create({ data: attachmentRow(notices.A.draft) });
    try {
      await removeNoticeAttachment(actor, { projectId: A(), noticeId: notices.A.draft, attachmentId: id });
    } finally {
      await db().noticeAttachment.deleteMany({ where: { id } });
    }
  },
  "download a file of a draft of project A": (actor) => readNoticeAttachment(actor, { attachmentId: files.draftA }),
  "download a file of a published notice of project B (not public)": (actor) =>
    readNoticeAttachment(actor, { attachmentId: files.publishedB }),
  "own project's notices": (actor) => listOwnNotices(actor),
  "open a published notice of project A as one's own": (actor) => openOwnNotice(actor, { noticeId: notices.A.published }),
  "open a published notice of project B as one's own": (actor) => openOwnNotice(actor, { noticeId: notices.B.published }),
  "open a draft of project A as one's own": (actor) => openOwnNotice(actor, { noticeId: notices.A.draft }),
  // The public pages take no actor: every role (and nobody) gets the same answer.
  "public page of project A": () => getPublicBoard({ projectCode: world.projectA.project.code }),
  "public page of project B (not public)": () => getPublicBoard({ projectCode: hiddenCode }),
  "public notice of project A": () => getPublicNotice({ projectCode: world.projectA.project.code, noticeId: notices.A.published }),
  "public draft of project A": () => getPublicNotice({ projectCode: world.projectA.project.code, noticeId: notices.A.draft }),
};

function row(...outcomes: Outcome[]): Record<RoleName, Outcome> {
  return Object.fromEntries(ROLES.map((role, i) => [role, outcomes[i]!])) as Record<RoleName, Outcome>;
}
const F = "FORBIDDEN";
const N = "NOT_FOUND";

// districtOfficial, secretaryA, secretaryB, leaderA1, memberA1, staffWithoutRole, residentA1 | special group's leader
const matrix: Record<string, [Record<RoleName, Outcome>, Outcome]> = {
  "notices of project A": [row("ok", "ok", N, F, F, F, F), F],
  "notices of project B": [row("ok", N, "ok", F, F, F, F), F],
  "a draft of project A": [row("ok", "ok", N, F, F, F, F), F],
  "a draft of project B": [row("ok", N, "ok", F, F, F, F), F],
  "new draft in project A": [row(F, "ok", N, F, F, F, F), F],
  "new draft in project B": [row(F, N, "ok", F, F, F, F), F],
  "edit a draft of project A": [row(F, "ok", N, F, F, F, F), F],
  "publish a draft of project A": [row(F, "ok", N, F, F, F, F), F],
  "publish a draft of project B": [row(F, N, "ok", F, F, F, F), F],
  "withdraw a notice of project A": [row(F, "ok", N, F, F, F, F), F],
  "attach a file to a draft of project A": [row(F, "ok", N, F, F, F, F), F],
  "remove a file of a draft of project A": [row(F, "ok", N, F, F, F, F), F],
  "download a file of a draft of project A": [row("ok", "ok", N, N, N, N, N), N],
  // residentA1 lives in project A: project B's notices are not theirs, and B is not public.
  "download a file of a published notice of project B (not public)": [row("ok", N, "ok", N, N, N, N), N],
  // Only a resident has a household of their own; a district official reads projects but lives in none.
  "own project's notices": [row(N, N, N, N, N, N, "ok"), N],
  "open a published notice of project A as one's own": [row(N, N, N, N, N, N, "ok"), N],
  "open a published notice of project B as one's own": [row(N, N, N, N, N, N, N), N],
  "open a draft of project A as one's own": [row(N, N, N, N, N, N, N), N],
  "public page of project A": [row("ok", "ok", "ok", "ok", "ok", "ok", "ok"), "ok"],
  "public page of project B (not public)": [row(N, N, N, N, N, N, N), N],
  "public notice of project A": [row("ok", "ok", "ok", "ok", "ok", "ok", "ok"), "ok"],
  "public draft of project A": [row(N, N, N, N, N, N, N), N],
};

describe("authorisation matrix: notices", () => {
  for (const [useCase, [expectations, special]] of Object.entries(matrix)) {
    for (const [role, expected] of Object.entries(expectations)) {
      it(`${useCase} as ${role}: ${expected}`, async () => {
        expect(await outcomeOf(() => useCases[useCase]!(world.actors[role as RoleName]))).toBe(expected);
      });
    }
    it(`${useCase} as the special group's leader: ${special}`, async () => {
      expect(await outcomeOf(() => useCases[useCase]!(world.specialLeaderA))).toBe(special);
    });
  }

  it("gives a district official the list but not the pen", async () => {
    const board = await listNotices(world.actors.districtOfficial, { projectId: A() });
    expect(board.mayWrite).toBe(false);
    expect(board.mayManage).toBe(false);
    const own = await listNotices(world.actors.secretaryA, { projectId: A() });
    expect(own.mayWrite && own.mayManage).toBe(true);
  });
});
