// The household-event use cases against Postgres: what each writes (row, version, audit event with
// before/after), the rules that refuse, and that a refused or failed write leaves the database as
// it was.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { excludeHousehold } from "@/lib/server/signing/exclude-household";
import { getHouseholdWorkflow } from "@/lib/server/signing/get-household-workflow";
import { getSigningDesk } from "@/lib/server/signing/get-signing-desk";
import { includeHousehold } from "@/lib/server/signing/include-household";
import { recordHandOver } from "@/lib/server/signing/record-hand-over";
import { recordMoveOut } from "@/lib/server/signing/record-move-out";
import { recordSigning } from "@/lib/server/signing/record-signing";
import { recordVote } from "@/lib/server/signing/record-vote";
import { undoHouseholdEvent } from "@/lib/server/signing/undo-household-event";
import type { SeededProject } from "@/prisma/seed/factories";
import {
  actorOf,
  appErrorOf,
  auditOf,
  DAY_MS,
  householdsOf,
  seedSigningProject,
  setHousehold,
  setProject,
  shanghaiDate,
  snapshot,
} from "./signing-helpers.ts";

let project: SeededProject;
let projectId: string;
let secretary: Actor;
let leader: Actor;
let households: { id: string; code: string }[];
let h: { id: string; code: string };

beforeAll(async () => {
  project = await seedSigningProject();
  projectId = project.project.id;
  secretary = await actorOf(project.secretaryId);
  const group = project.signingGroups[0]!;
  leader = await actorOf(group.leaderId);
  // A fixed split whatever the generator drew: 14 households in the leader's group, 6 in the other.
  const all = await householdsOf(projectId);
  await db().household.updateMany({ where: { id: { in: all.slice(0, 14).map((x) => x.id) } }, data: { signingGroupId: group.id } });
  await db().household.updateMany({
    where: { id: { in: all.slice(14).map((x) => x.id) } },
    data: { signingGroupId: project.signingGroups[1]!.id },
  });
  households = await householdsOf(projectId, group.id);
});

let next = 0;
beforeEach(async () => {
  // A household of the leader's group, fresh for each test; the project back in its signing period.
  h = households[next++ % households.length]!;
  await setProject(projectId, {
    phase: "SIGNING",
    effectiveAt: null,
    failedAt: null,
    signingStart: shanghaiDate(0),
    signingEnd: shanghaiDate(42),
  });
});

describe("recordVote", () => {
  beforeEach(async () => {
    await setProject(projectId, { phase: "FIRST_CONSULTATION" });
  });

  it("records a first-round vote, bumps the version and leaves an audit event", async () => {
    const version = await setHousehold(h.id, {});
    const result = await recordVote(leader, { projectId, householdId: h.id, version, vote: "AGREE" });
    expect(result).toMatchObject({ householdId: h.id, code: h.code, version: version + 1, state: "AGREED", vote: "AGREE" });
    const row = await db().household.findUniqueOrThrow({ where: { id: h.id } });
    expect(row.firstRoundVote).toBe("AGREE");
    expect(row.firstRoundVotedAt).not.toBeNull();
    expect(row.version).toBe(version + 1);
    expect(await auditOf(h.id, "record:vote")).toEqual([
      {
        action: "record:vote",
        actorId: leader.userId,
        entity: "household",
        projectId,
        before: { firstRoundVote: null },
        after: { firstRoundVote: "AGREE" },
      },
    ]);
  });

  it("lets the household change its vote while the consultation lasts, but not repeat it", async () => {
    const version = await setHousehold(h.id, { vote: "AGREE" });
    const changed = await recordVote(secretary, { projectId, householdId: h.id, version, vote: "DISAGREE" });
    expect(changed.state).toBe("NOT_CONTACTED");
    const same = await appErrorOf(recordVote(secretary, { projectId, householdId: h.id, version: changed.version, vote: "DISAGREE" }));
    expect(same.code).toBe("VALIDATION");
    expect(same.fieldErrors).toEqual({ _form: ["signing.refusals.SAME_VOTE"] });
  });

  it("refuses a vote outside the first-round consultation", async () => {
    await setProject(projectId, { phase: "SIGNING" });
    const version = await setHousehold(h.id, {});
    const error = await appErrorOf(recordVote(leader, { projectId, householdId: h.id, version, vote: "AGREE" }));
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors).toEqual({ _form: ["signing.refusals.VOTE_OUTSIDE_CONSULTATION"] });
  });

  it("rejects a missing vote with a field error", async () => {
    const version = await setHousehold(h.id, {});
    const error = await appErrorOf(recordVote(leader, { projectId, householdId: h.id, version, vote: "" }));
    expect(error.fieldErrors).toEqual({ vote: ["validation.required"] });
  });
});

describe("recordSigning", () => {
  it("records the agreement with channel, number and who recorded it, and an audit event", async () => {
    const version = await setHousehold(h.id, { vote: "DISAGREE" });
    const result = await recordSigning(leader, {
      projectId,
      householdId: h.id,
      version,
      channel: "HOME_VISIT",
      agreementNumber: " bxl-2025-00001 ",
    });
    expect(result).toMatchObject({
      householdId: h.id,
      version: version + 1,
      state: "SIGNED",
      agreementNumber: "BXL-2025-00001",
      becameEffective: false,
    });
    const signing = await db().signing.findUniqueOrThrow({ where: { householdId: h.id } });
    expect(signing).toMatchObject({ projectId, agreementNumber: "BXL-2025-00001", channel: "HOME_VISIT", recordedById: leader.userId });
    expect(Math.abs(signing.signedAt.getTime() - Date.now())).toBeLessThan(60_000);
    const [event] = await auditOf(h.id, "record:signing");
    expect(event).toMatchObject({
      actorId: leader.userId,
      before: { signed: false },
      after: { signed: true, agreementNumber: "BXL-2025-00001", channel: "HOME_VISIT", signedAt: signing.signedAt.toISOString() },
    });
  });

  it("reads an entered time in Shanghai time", async () => {
    const version = await setHousehold(h.id, {});
    const today = shanghaiDate(0).toISOString().slice(0, 10);
    const result = await recordSigning(secretary, {
      projectId,
      householdId: h.id,
      version,
      channel: "ON_SITE",
      agreementNumber: "TIME-1",
      signedAt: `${today}T00:01`,
    });
    expect(result.signedAt).toEqual(new Date(Date.parse(`${today}T00:01:00+08:00`)));
  });

  it("says 'already signed' to a second signing, as a conflict", async () => {
    const version = await setHousehold(h.id, {});
    const first = await recordSigning(leader, { projectId, householdId: h.id, version, channel: "ON_SITE", agreementNumber: "TWICE-1" });
    const again = await appErrorOf(
      recordSigning(secretary, { projectId, householdId: h.id, version: first.version, channel: "ON_SITE", agreementNumber: "TWICE-2" }),
    );
    expect(again.code).toBe("CONFLICT");
    expect(again.fieldErrors).toEqual({ _form: ["signing.refusals.ALREADY_SIGNED"] });
    expect(await db().signing.count({ where: { householdId: h.id } })).toBe(1);
  });

  it("says 'already signed' too when the form was rendered before the other signing", async () => {
    const version = await setHousehold(h.id, {});
    await recordSigning(leader, { projectId, householdId: h.id, version, channel: "ON_SITE", agreementNumber: "STALE-1" });
    const late = await appErrorOf(
      recordSigning(secretary, { projectId, householdId: h.id, version, channel: "ON_SITE", agreementNumber: "STALE-2" }),
    );
    expect(late.fieldErrors).toEqual({ _form: ["signing.refusals.ALREADY_SIGNED"] });
  });

  it("refuses an agreement number already used in the project with a field error, and writes nothing", async () => {
    const [a, b] = [households[10]!, households[11]!];
    const versionA = await setHousehold(a.id, {});
    await recordSigning(leader, { projectId, householdId: a.id, version: versionA, channel: "ON_SITE", agreementNumber: "DUP-7" });
    const versionB = await setHousehold(b.id, {});
    const before = await snapshot(projectId);
    const error = await appErrorOf(
      recordSigning(leader, { projectId, householdId: b.id, version: versionB, channel: "ON_SITE", agreementNumber: "dup-7" }),
    );
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors).toEqual({ agreementNumber: ["signing.agreementNumberTaken"] });
    expect(await snapshot(projectId)).toEqual(before);
  });

  it("refuses a stale version (someone edited the household) and leaves the database as it was", async () => {
    const version = await setHousehold(h.id, {});
    const before = await snapshot(projectId);
    const error = await appErrorOf(
      recordSigning(leader, { projectId, householdId: h.id, version: version - 1, channel: "ON_SITE", agreementNumber: "OLD-1" }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.fieldErrors).toBeUndefined();
    // The Signing row was inserted before the version check failed: the rollback removed it.
    expect(await snapshot(projectId)).toEqual(before);
  });

  it("refuses excluded households and times outside the period or in the future", async () => {
    let version = await setHousehold(h.id, { excluded: true });
    expect(
      (await appErrorOf(recordSigning(leader, { projectId, householdId: h.id, version, channel: "ON_SITE", agreementNumber: "X-1" })))
        .fieldErrors,
    ).toEqual({
      _form: ["signing.refusals.EXCLUDED"],
    });
    version = await setHousehold(h.id, {});
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect(
      (
        await appErrorOf(
          recordSigning(leader, { projectId, householdId: h.id, version, channel: "ON_SITE", agreementNumber: "X-2", signedAt: future }),
        )
      ).fieldErrors,
    ).toEqual({
      signedAt: ["signing.refusals.TIME_IN_FUTURE"],
    });
    const yesterday = new Date(Date.now() - DAY_MS).toISOString();
    expect(
      (
        await appErrorOf(
          recordSigning(leader, { projectId, householdId: h.id, version, channel: "ON_SITE", agreementNumber: "X-3", signedAt: yesterday }),
        )
      ).fieldErrors,
    ).toEqual({
      signedAt: ["signing.refusals.SIGNED_AT_OUTSIDE_PERIOD"],
    });
    const garbled = await appErrorOf(
      recordSigning(leader, { projectId, householdId: h.id, version, channel: "BY_FAX", agreementNumber: "", signedAt: "tomorrow" }),
    );
    expect(garbled.fieldErrors).toEqual({
      channel: ["validation.required"],
      agreementNumber: ["validation.required"],
      signedAt: ["validation.invalid"],
    });
  });

  it("refuses outside the signing phase, before the period opens and after it ended", async () => {
    const version = await setHousehold(h.id, {});
    const attempt = () =>
      appErrorOf(recordSigning(leader, { projectId, householdId: h.id, version, channel: "ON_SITE", agreementNumber: "P-1" }));
    await setProject(projectId, { phase: "FIRST_CONSULTATION" });
    expect((await attempt()).fieldErrors).toEqual({ _form: ["signing.refusals.SIGNING_OUTSIDE_PHASE"] });
    await setProject(projectId, { phase: "SIGNING", signingStart: shanghaiDate(1) });
    expect((await attempt()).fieldErrors).toEqual({ _form: ["signing.refusals.SIGNING_NOT_OPEN"] });
    await setProject(projectId, { signingStart: shanghaiDate(-20), signingEnd: shanghaiDate(-1) });
    expect((await attempt()).fieldErrors).toEqual({ _form: ["signing.refusals.SIGNING_CLOSED"] });
    expect(await db().signing.count({ where: { householdId: h.id } })).toBe(0);
  });

  it("does not find a household of another project under this project", async () => {
    const other = await seedSigningProject({ households: 2, signingGroups: 1 });
    const [foreign] = await householdsOf(other.project.id);
    const error = await appErrorOf(
      recordSigning(secretary, { projectId, householdId: foreign!.id, version: 1, channel: "ON_SITE", agreementNumber: "F-1" }),
    );
    expect(error.code).toBe("NOT_FOUND");
  });
});

describe("recordMoveOut and recordHandOver", () => {
  it("refuses a move-out while the agreements are pending", async () => {
    const version = await setHousehold(h.id, { signedAt: new Date(Date.now() - 3_600_000) });
    const error = await appErrorOf(recordMoveOut(leader, { projectId, householdId: h.id, version }));
    expect(error.fieldErrors).toEqual({ _form: ["signing.refusals.NOT_EFFECTIVE"] });
  });

  it("moves a signed household out once effective, then hands over, each with an audit event", async () => {
    await setProject(projectId, { effectiveAt: new Date(Date.now() - 2 * 3_600_000) });
    const version = await setHousehold(h.id, { signedAt: new Date(Date.now() - 3 * 3_600_000) });
    const handOverFirst = await appErrorOf(recordHandOver(leader, { projectId, householdId: h.id, version }));
    expect(handOverFirst.fieldErrors).toEqual({ _form: ["signing.refusals.NOT_MOVED_OUT"] });

    const moved = await recordMoveOut(leader, { projectId, householdId: h.id, version });
    expect(moved.state).toBe("MOVED_OUT");
    const again = await appErrorOf(recordMoveOut(leader, { projectId, householdId: h.id, version: moved.version }));
    expect(again.code).toBe("CONFLICT");
    expect(again.fieldErrors).toEqual({ _form: ["signing.refusals.ALREADY_MOVED_OUT"] });

    const handed = await recordHandOver(secretary, { projectId, householdId: h.id, version: moved.version });
    expect(handed).toMatchObject({ state: "HANDED_OVER", version: version + 2 });
    const row = await db().household.findUniqueOrThrow({ where: { id: h.id } });
    expect(row.movedOutAt).toEqual(moved.movedOutAt);
    expect(row.handedOverAt).toEqual(handed.handedOverAt);
    expect((await auditOf(h.id)).map((e) => e.action).slice(-2)).toEqual(["record:move-out", "record:hand-over"]);
    expect((await auditOf(h.id, "record:move-out"))[0]!.after).toEqual({ movedOutAt: moved.movedOutAt.toISOString() });
  });

  it("keeps move-out after the signing and the effect, hand-over after the move-out", async () => {
    const effectiveAt = new Date(Date.now() - 2 * 3_600_000);
    await setProject(projectId, { effectiveAt });
    const version = await setHousehold(h.id, { signedAt: new Date(Date.now() - 3 * 3_600_000) });
    const early = await appErrorOf(
      recordMoveOut(leader, { projectId, householdId: h.id, version, movedOutAt: new Date(effectiveAt.getTime() - 60_000).toISOString() }),
    );
    expect(early.fieldErrors).toEqual({ movedOutAt: ["signing.refusals.BEFORE_EFFECTIVE"] });
    const moved = await recordMoveOut(leader, {
      projectId,
      householdId: h.id,
      version,
      movedOutAt: new Date(effectiveAt.getTime() + 60_000).toISOString(),
    });
    const before = await appErrorOf(
      recordHandOver(leader, { projectId, householdId: h.id, version: moved.version, handedOverAt: effectiveAt.toISOString() }),
    );
    expect(before.fieldErrors).toEqual({ handedOverAt: ["signing.refusals.BEFORE_MOVE_OUT"] });
  });
});

describe("excludeHousehold and includeHousehold", () => {
  it("excludes with a reason and includes again, each with before/after", async () => {
    const version = await setHousehold(h.id, { vote: "AGREE" });
    const excluded = await excludeHousehold(leader, { projectId, householdId: h.id, version, reason: "  产权人下落不明  " });
    expect(excluded.state).toBe("EXCLUDED");
    let row = await db().household.findUniqueOrThrow({ where: { id: h.id } });
    expect(row).toMatchObject({ isExcluded: true, exclusionReason: "产权人下落不明" });
    const included = await includeHousehold(leader, { projectId, householdId: h.id, version: excluded.version });
    expect(included.state).toBe("AGREED");
    row = await db().household.findUniqueOrThrow({ where: { id: h.id } });
    expect(row).toMatchObject({ isExcluded: false, exclusionReason: null });
    const events = (await auditOf(h.id)).filter((e) => e.action === "record:exclusion" || e.action === "record:inclusion");
    expect(events.map(({ action, before, after }) => ({ action, before, after }))).toEqual([
      {
        action: "record:exclusion",
        before: { isExcluded: false, exclusionReason: null },
        after: { isExcluded: true, exclusionReason: "产权人下落不明" },
      },
      { action: "record:inclusion", before: { isExcluded: true, exclusionReason: "产权人下落不明" }, after: { isExcluded: false } },
    ]);
  });

  it("needs a reason, refuses a signed household, and includes only an excluded one", async () => {
    let version = await setHousehold(h.id, {});
    expect((await appErrorOf(excludeHousehold(leader, { projectId, householdId: h.id, version, reason: "   " }))).fieldErrors).toEqual({
      reason: ["validation.required"],
    });
    expect((await appErrorOf(includeHousehold(leader, { projectId, householdId: h.id, version }))).fieldErrors).toEqual({
      _form: ["signing.refusals.NOT_EXCLUDED"],
    });
    version = await setHousehold(h.id, { signedAt: new Date(Date.now() - 60_000) });
    expect((await appErrorOf(excludeHousehold(leader, { projectId, householdId: h.id, version, reason: "x" }))).fieldErrors).toEqual({
      _form: ["signing.refusals.SIGNED_NOT_EXCLUDABLE"],
    });
  });
});

describe("undoHouseholdEvent", () => {
  it("undoes only the latest step, in reverse order, keeping both events in the history", async () => {
    await setProject(projectId, { effectiveAt: new Date(Date.now() - 2 * 3_600_000) });
    let version = await setHousehold(h.id, {});
    const signed = await recordSigning(leader, {
      projectId,
      householdId: h.id,
      version,
      channel: "REMOTE_VIDEO",
      agreementNumber: "UNDO-1",
    });
    const moved = await recordMoveOut(leader, { projectId, householdId: h.id, version: signed.version });
    version = moved.version;

    const tooEarly = await appErrorOf(
      undoHouseholdEvent(secretary, { projectId, householdId: h.id, version, kind: "SIGNING", reason: "录入错误" }),
    );
    expect(tooEarly.fieldErrors).toEqual({ _form: ["signing.refusals.NOT_LATEST_STEP"] });
    expect(
      (await appErrorOf(undoHouseholdEvent(secretary, { projectId, householdId: h.id, version, kind: "MOVE_OUT", reason: "" })))
        .fieldErrors,
    ).toEqual({
      reason: ["validation.required"],
    });

    const undoneMove = await undoHouseholdEvent(secretary, {
      projectId,
      householdId: h.id,
      version,
      kind: "MOVE_OUT",
      reason: "搬迁登记错户",
    });
    expect(undoneMove.state).toBe("SIGNED");
    const undoneSigning = await undoHouseholdEvent(secretary, {
      projectId,
      householdId: h.id,
      version: undoneMove.version,
      kind: "SIGNING",
      reason: "协议编号录错，重新签",
    });
    expect(undoneSigning.state).toBe("NOT_CONTACTED");
    expect(await db().signing.count({ where: { householdId: h.id } })).toBe(0);
    expect((await db().household.findUniqueOrThrow({ where: { id: h.id } })).movedOutAt).toBeNull();

    const history = (await auditOf(h.id)).filter((e) => e.action !== "record:vote");
    expect(history.slice(-4).map((e) => e.action)).toEqual(["record:signing", "record:move-out", "undo:move-out", "undo:signing"]);
    expect(history.at(-1)).toMatchObject({
      actorId: secretary.userId,
      before: { signed: true, agreementNumber: "UNDO-1", channel: "REMOTE_VIDEO" },
      after: { signed: false, reason: "协议编号录错，重新签" },
    });
    // The agreement number is free again: the household signs anew.
    const resigned = await recordSigning(leader, {
      projectId,
      householdId: h.id,
      version: undoneSigning.version,
      channel: "ON_SITE",
      agreementNumber: "UNDO-1",
    });
    expect(resigned.state).toBe("SIGNED");
  });

  it("undoes a vote during the consultation and not after it", async () => {
    await setProject(projectId, { phase: "FIRST_CONSULTATION" });
    const version = await setHousehold(h.id, { vote: "AGREE" });
    const undone = await undoHouseholdEvent(secretary, { projectId, householdId: h.id, version, kind: "VOTE", reason: "误记" });
    expect((await db().household.findUniqueOrThrow({ where: { id: h.id } })).firstRoundVote).toBeNull();
    expect((await auditOf(h.id, "undo:vote")).at(-1)).toMatchObject({
      before: { firstRoundVote: "AGREE" },
      after: { firstRoundVote: null, reason: "误记" },
    });
    await setProject(projectId, { phase: "SIGNING" });
    const version2 = await setHousehold(h.id, { vote: "AGREE" });
    expect(
      (await appErrorOf(undoHouseholdEvent(secretary, { projectId, householdId: h.id, version: version2, kind: "VOTE", reason: "x" })))
        .fieldErrors,
    ).toEqual({
      _form: ["signing.refusals.VOTE_OUTSIDE_CONSULTATION"],
    });
    expect(undone.version).toBe(version + 1);
  });

  it("is for secretaries only", async () => {
    const version = await setHousehold(h.id, { signedAt: new Date(Date.now() - 60_000) });
    expect(
      (await appErrorOf(undoHouseholdEvent(leader, { projectId, householdId: h.id, version, kind: "SIGNING", reason: "x" }))).code,
    ).toBe("FORBIDDEN");
  });
});

describe("reads for the panel and the fast-entry screen", () => {
  it("offers the leader the actions the state machine allows, and no undo", async () => {
    const version = await setHousehold(h.id, {});
    const workflow = await getHouseholdWorkflow(leader, { projectId, householdId: h.id });
    expect(workflow).toMatchObject({
      version,
      state: "NOT_CONTACTED",
      mayRecord: true,
      mayUndo: false,
      agreements: "PENDING",
      signing: null,
    });
    expect(workflow.options.sign).toBeNull();
    expect(workflow.options.moveOut).toBe("NOT_SIGNED");
    expect((await getHouseholdWorkflow(secretary, { projectId, householdId: h.id })).mayUndo).toBe(true);
  });

  it("finds a household by code for the desk, case-insensitively, and lists today's signings by this actor", async () => {
    const version = await setHousehold(h.id, {});
    const desk = await getSigningDesk(leader, { projectId, code: ` ${h.code.toLowerCase()} ` });
    expect(desk.closedBecause).toBeNull();
    expect(desk.lookup).toMatchObject({
      found: true,
      household: { id: h.id, code: h.code, version, signRefusal: null, state: "NOT_CONTACTED" },
    });
    await recordSigning(leader, { projectId, householdId: h.id, version, channel: "ON_SITE", agreementNumber: "DESK-1" });
    const after = await getSigningDesk(leader, { projectId, code: h.code });
    expect(after.lookup).toMatchObject({
      found: true,
      household: { signRefusal: "ALREADY_SIGNED", signing: { agreementNumber: "DESK-1" } },
    });
    expect(after.recent[0]).toMatchObject({ code: h.code, agreementNumber: "DESK-1" });
    expect((await getSigningDesk(secretary, { projectId })).recent.map((r) => r.code)).not.toContain(h.code);
    expect((await getSigningDesk(leader, { projectId, code: "NO-SUCH-9" })).lookup).toEqual({ found: false, code: "NO-SUCH-9" });
  });

  it("does not find another group's household for a leader", async () => {
    const otherGroup = await householdsOf(projectId, project.signingGroups[1]!.id);
    const desk = await getSigningDesk(leader, { projectId, code: otherGroup[0]!.code });
    expect(desk.lookup).toEqual({ found: false, code: otherGroup[0]!.code });
  });
});
