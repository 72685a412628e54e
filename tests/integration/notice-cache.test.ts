// The public pages' notices through the figure cache against a real listener on a real
// database: a notice written straight into the table (no notification) is not seen while the
// cached entry lasts, which shows the pages are served from the cache; publishing and withdrawing
// through the use cases notify, and the next read shows the change; a notice published at a time
// ahead appears at its time without any notification.
process.env.LIANXIN_FIGURE_CACHE = "on";

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { progressListener } from "@/lib/server/live/listener";
import { getPublicBoard } from "@/lib/server/notices/get-public-board";
import { publishNotice } from "@/lib/server/notices/publish-notice";
import { saveNotice } from "@/lib/server/notices/save-notice";
import { withdrawNotice } from "@/lib/server/notices/withdraw-notice";
import { seedProject, type SeededProject } from "@/prisma/seed/factories";
import { actorOf } from "./signing-helpers.ts";

let project: SeededProject;
let secretary: Actor;

beforeAll(async () => {
  project = await seedProject(db(), { households: 4, signingGroups: 1, activity: { visitsPerHousehold: 0 } });
  secretary = await actorOf(project.secretaryId);
  progressListener().start();
  await progressListener().ready();
});

afterAll(async () => {
  await progressListener().close();
  (globalThis as { lianxinFigureCache?: unknown }).lianxinFigureCache = undefined;
});

const titles = async (now?: Date) => (await getPublicBoard({ projectCode: project.project.code }, now)).notices.map((n) => n.title);

describe("public notices through the figure cache", () => {
  it("serves the kept notices until a notice is published or withdrawn, then the new ones", async () => {
    const projectId = project.project.id;
    await titles();
    // Behind the use cases' back: no notification, so the kept entry stands.
    await db().notice.create({
      data: { projectId, kind: "ANNOUNCEMENT", title: "未经发布流程", body: "x", publishedAt: new Date(Date.now() - 1000) },
    });
    expect(await titles()).not.toContain("未经发布流程");

    const { id } = await saveNotice(secretary, { projectId, kind: "PROGRESS", title: "签约进度通报", body: "进度" });
    await publishNotice(secretary, { projectId, noticeId: id, version: 1, when: "now" });
    // The notification reaches this process's listener after the commit.
    await expect.poll(titles, { timeout: 10_000 }).toContain("签约进度通报");
    expect(await titles()).toContain("未经发布流程");

    await withdrawNotice(secretary, { projectId, noticeId: id, version: 2, reason: "重发" });
    await expect.poll(titles, { timeout: 10_000 }).not.toContain("签约进度通报");
  });

  it("shows a notice published at a time ahead once that time has come, with no notification then", async () => {
    const projectId = project.project.id;
    const { id } = await saveNotice(secretary, { projectId, kind: "HOUSING", title: "房源公告", body: "房源" });
    const at = new Date(Date.now() + 3_600_000);
    const wallClock = new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
    await publishNotice(secretary, { projectId, noticeId: id, version: 1, when: "at", publishAt: wallClock });
    // Once the publication's notification has emptied the entry, the entry holds it, hidden until its time.
    await expect.poll(async () => (await titles(new Date(at.getTime() + 60_000))).includes("房源公告"), { timeout: 10_000 }).toBe(true);
    expect(await titles()).not.toContain("房源公告");
  });
});
