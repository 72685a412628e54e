// Display sessions against Postgres: the token is returned once and stored only as its SHA-256,
// it opens its one project until revoked, lastSeenAt is written at most once a minute, every
// change is audited, and the board shows the same figures as the project summary.
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { createDisplaySession } from "@/lib/server/display/create-display-session";
import { getProjectDashboard } from "@/lib/server/dashboard/get-project-dashboard";
import { getDisplayBoard } from "@/lib/server/display/get-display-board";
import { listDisplaySessions } from "@/lib/server/display/list-display-sessions";
import { resolveDisplaySession } from "@/lib/server/display/resolve-display-session";
import { revokeDisplaySession } from "@/lib/server/display/revoke-display-session";
import { getProjectSummary } from "@/lib/server/projects/get-project-summary";
import { recordSigning } from "@/lib/server/signing/record-signing";
import type { SeededProject } from "@/prisma/seed/factories";
import { actorOf, appErrorOf, householdsOf, seedSigningProject, setHousehold } from "./signing-helpers.ts";

let project: SeededProject;
let secretary: Actor;
let leader: Actor;

beforeAll(async () => {
  project = await seedSigningProject({ households: 20, signingGroups: 2 });
  secretary = await actorOf(project.secretaryId);
  leader = await actorOf(project.signingGroups[0]!.leaderId);
});

function tokenOf(path: string): string {
  const token = path.replace(/^\/display\//, "");
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  return token;
}

describe("createDisplaySession", () => {
  it("returns the token once in the path and stores only its SHA-256, with an audit event", async () => {
    const created = await createDisplaySession(secretary, { projectId: project.project.id, label: "  指挥部大屏  " });
    const token = tokenOf(created.path);
    const row = await db().displaySession.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({
      projectId: project.project.id,
      label: "指挥部大屏",
      createdById: secretary.userId,
      revokedAt: null,
      lastSeenAt: null,
    });
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
    const audit = await db().auditEvent.findMany({
      where: { entityId: created.id },
      select: { action: true, entity: true, projectId: true, after: true, actorId: true },
    });
    expect(audit).toEqual([
      {
        action: "create:display-session",
        entity: "display-session",
        projectId: project.project.id,
        after: { label: "指挥部大屏" },
        actorId: secretary.userId,
      },
    ]);
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it("refuses an empty label with a field error and writes nothing", async () => {
    const before = await db().displaySession.count();
    const error = await appErrorOf(createDisplaySession(secretary, { projectId: project.project.id, label: "   " }));
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors?.label).toBeDefined();
    expect(await db().displaySession.count()).toBe(before);
  });

  it("gives every display its own token", async () => {
    const a = await createDisplaySession(secretary, { projectId: project.project.id, label: "A" });
    const b = await createDisplaySession(secretary, { projectId: project.project.id, label: "B" });
    expect(a.path).not.toBe(b.path);
  });
});

describe("resolveDisplaySession", () => {
  it("opens its one project; unknown and malformed tokens give null", async () => {
    const created = await createDisplaySession(secretary, { projectId: project.project.id, label: "Wall" });
    const viewer = await resolveDisplaySession(tokenOf(created.path));
    expect(viewer).toEqual({ kind: "display", displaySessionId: created.id, projectId: project.project.id });
    expect(await resolveDisplaySession("x".repeat(43))).toBeNull();
    expect(await resolveDisplaySession("../../etc")).toBeNull();
    expect(await resolveDisplaySession("")).toBeNull();
  });

  it("writes lastSeenAt at most once a minute", async () => {
    const created = await createDisplaySession(secretary, { projectId: project.project.id, label: "Seen" });
    const token = tokenOf(created.path);
    await resolveDisplaySession(token);
    const first = (await db().displaySession.findUniqueOrThrow({ where: { id: created.id } })).lastSeenAt;
    expect(first).toBeInstanceOf(Date);
    const thirtySecondsAgo = new Date(Date.now() - 30_000);
    await db().displaySession.update({ where: { id: created.id }, data: { lastSeenAt: thirtySecondsAgo } });
    await resolveDisplaySession(token);
    expect((await db().displaySession.findUniqueOrThrow({ where: { id: created.id } })).lastSeenAt).toEqual(thirtySecondsAgo);
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await db().displaySession.update({ where: { id: created.id }, data: { lastSeenAt: twoMinutesAgo } });
    await resolveDisplaySession(token);
    const later = (await db().displaySession.findUniqueOrThrow({ where: { id: created.id } })).lastSeenAt!;
    expect(later.getTime()).toBeGreaterThan(twoMinutesAgo.getTime() + 60_000);
  });
});

describe("revokeDisplaySession", () => {
  it("switches the display off at once, audited; revoking again changes nothing", async () => {
    const created = await createDisplaySession(secretary, { projectId: project.project.id, label: "Off" });
    const token = tokenOf(created.path);
    expect(await resolveDisplaySession(token)).not.toBeNull();
    const revoked = await revokeDisplaySession(secretary, { projectId: project.project.id, displaySessionId: created.id });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect(await resolveDisplaySession(token)).toBeNull();
    await revokeDisplaySession(secretary, { projectId: project.project.id, displaySessionId: created.id });
    const audit = await db().auditEvent.findMany({ where: { entityId: created.id }, select: { action: true }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["create:display-session", "revoke:display-session"]);
  });

  it("does not reach another project's display", async () => {
    const otherProject = await seedSigningProject({ households: 3, signingGroups: 1 });
    const otherSecretary = await actorOf(otherProject.secretaryId);
    const created = await createDisplaySession(otherSecretary, { projectId: otherProject.project.id, label: "Theirs" });
    // Our project id with their display: not found, and still on.
    const error = await appErrorOf(revokeDisplaySession(secretary, { projectId: project.project.id, displaySessionId: created.id }));
    expect(error.code).toBe("NOT_FOUND");
    expect((await db().displaySession.findUniqueOrThrow({ where: { id: created.id } })).revokedAt).toBeNull();
  });
});

describe("listDisplaySessions", () => {
  it("lists the project's displays, active first, without any token or hash", async () => {
    const list = await listDisplaySessions(secretary, { projectId: project.project.id });
    expect(list.project.id).toBe(project.project.id);
    expect(list.sessions.length).toBeGreaterThan(3);
    const firstRevoked = list.sessions.findIndex((s) => s.revokedAt !== null);
    expect(firstRevoked).toBeGreaterThan(0);
    expect(list.sessions.slice(firstRevoked).every((s) => s.revokedAt !== null)).toBe(true);
    expect(Object.keys(list.sessions[0]!)).not.toContain("tokenHash");
  });
});

describe("getDisplayBoard", () => {
  it("shows the project summary's figures, today's signings and the group league", async () => {
    const created = await createDisplaySession(secretary, { projectId: project.project.id, label: "Board" });
    const viewer = (await resolveDisplaySession(tokenOf(created.path)))!;
    const before = await getDisplayBoard(viewer);
    const [h] = await householdsOf(project.project.id, project.signingGroups[0]!.id);
    const version = await setHousehold(h!.id, {});
    await recordSigning(leader, {
      projectId: project.project.id,
      householdId: h!.id,
      version,
      channel: "ON_SITE",
      agreementNumber: "BOARD-1",
    });
    const board = await getDisplayBoard(viewer);
    const summary = await getProjectSummary(secretary, { projectId: project.project.id });
    expect(board.figures).toEqual(summary.figures);
    expect(board.figures.signed).toBe(before.figures.signed + 1);
    expect(board.signedToday).toBe(before.signedToday + 1);
    expect(board.league).toHaveLength(2);
    expect(board.league.reduce((sum, row) => sum + row.signed, 0)).toBeLessThanOrEqual(board.figures.signed);
    const leaderRow = board.league.find((row) => row.groupId === project.signingGroups[0]!.id)!;
    const groupSigned = await db().signing.count({
      where: { household: { signingGroupId: project.signingGroups[0]!.id, isExcluded: false } },
    });
    expect(leaderRow.signed).toBe(groupSigned);
    expect(JSON.stringify(board)).not.toMatch(/headName|phone/);
    // The wall shows the dashboard's own league, rank for rank.
    const dashboard = await getProjectDashboard(secretary, { projectId: project.project.id });
    expect(board.league).toEqual(
      dashboard.league.map(({ groupId, name, households, signed, rate, rank }) => ({ groupId, name, households, signed, rate, rank })),
    );
  });
});
