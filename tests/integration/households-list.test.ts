// The household list: every filter, paging and sorting, search in Chinese, and scope, against a
// seeded project in this file's own database. Expected sets are computed independently in plain
// TypeScript from the rows (householdState() for states), then compared with what the use case
// returns.
import { beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { HOUSEHOLD_STATES, householdState, type HouseholdState } from "@/lib/domain/household-state";
import { AppError } from "@/lib/errors";
import { getHouseholdListOptions } from "@/lib/server/households/get-household-list-options";
import { listHouseholds, type HouseholdListItem } from "@/lib/server/households/list-households";
import { seedProject, seedUser, type SeededProject } from "../../prisma/seed/factories.ts";

type Row = {
  id: string;
  code: string;
  building: string;
  address: string;
  headName: string;
  tenure: string;
  ownerLocation: string;
  signingGroupId: string | null;
  isPartyMemberHousehold: boolean;
  hardship: boolean;
  state: HouseholdState;
  lastVisitAt: Date | null;
};

let project: SeededProject;
let other: SeededProject;
let secretary: Actor;
let leader: Actor;
let member: Actor;
let official: Actor;
let rows: Row[];
const DAY = 24 * 3_600_000;

async function loadRows(projectId: string): Promise<Row[]> {
  const households = await db().household.findMany({
    where: { projectId },
    select: {
      id: true,
      code: true,
      building: true,
      address: true,
      headName: true,
      tenure: true,
      ownerLocation: true,
      signingGroupId: true,
      isPartyMemberHousehold: true,
      isHardship: true,
      isElderlySickDisabled: true,
      hasFamilyDispute: true,
      isExcluded: true,
      firstRoundVote: true,
      movedOutAt: true,
      handedOverAt: true,
      signing: { select: { id: true } },
      visitLogs: { select: { visitedAt: true } },
    },
  });
  return households.map((h) => {
    const last = h.visitLogs.reduce<Date | null>((max, v) => (max && max > v.visitedAt ? max : v.visitedAt), null);
    return {
      id: h.id,
      code: h.code,
      building: h.building,
      address: h.address,
      headName: h.headName,
      tenure: h.tenure,
      ownerLocation: h.ownerLocation,
      signingGroupId: h.signingGroupId,
      isPartyMemberHousehold: h.isPartyMemberHousehold,
      hardship: h.isHardship || h.isElderlySickDisabled || h.hasFamilyDispute,
      state: householdState({
        isExcluded: h.isExcluded,
        isSigned: h.signing !== null,
        firstRoundVote: h.firstRoundVote,
        movedOutAt: h.movedOutAt,
        handedOverAt: h.handedOverAt,
        hasBeenVisited: h.visitLogs.length > 0,
      }),
      lastVisitAt: last,
    };
  });
}

/** Every matching household's code, walking all pages of the list. */
async function allCodes(actor: Actor, params: Record<string, string>): Promise<string[]> {
  const codes: string[] = [];
  for (let page = 1; ; page++) {
    const result = await listHouseholds(actor, { projectId: project.project.id, size: "100", ...params, page: String(page) });
    codes.push(...result.items.map((i) => i.code));
    if (page >= result.pageCount) {
      expect(codes).toHaveLength(result.total);
      return codes;
    }
  }
}

const sorted = (codes: string[]) => [...codes].sort();

beforeAll(async () => {
  project = await seedProject(db(), {
    households: 260,
    excludedHouseholds: 4,
    signingGroups: 3,
    signedShare: 0.9,
    movedOutShare: 0.4,
    firstRound: { agreeShare: 0.93, disagreeShare: 0.03 },
    activity: { visitsPerHousehold: 1 },
  });
  other = await seedProject(db(), { households: 10, signingGroups: 1, activity: { visitsPerHousehold: 0 } });
  const pid = project.project.id;
  // Make sure every state and the edge cases of the state rules are present.
  const unsigned = await db().household.findMany({
    where: { projectId: pid, signing: { is: null }, isExcluded: false },
    select: { id: true },
    orderBy: { code: "asc" },
  });
  expect(unsigned.length).toBeGreaterThanOrEqual(8);
  const [disagreeVisited, disagreeNever, nullNever, nullVisited, agreeNever, unassigned1, unassigned2] = unsigned;
  await db().household.updateMany({
    where: { id: { in: [disagreeVisited!.id, disagreeNever!.id] } },
    data: { firstRoundVote: "DISAGREE" },
  });
  await db().household.updateMany({ where: { id: { in: [nullNever!.id, nullVisited!.id] } }, data: { firstRoundVote: null } });
  await db().household.update({ where: { id: agreeNever!.id }, data: { firstRoundVote: "AGREE" } });
  await db().visitLog.deleteMany({ where: { householdId: { in: [disagreeNever!.id, nullNever!.id, agreeNever!.id] } } });
  for (const id of [disagreeVisited!.id, nullVisited!.id]) {
    if ((await db().visitLog.count({ where: { householdId: id } })) === 0) {
      await db().visitLog.create({
        data: { projectId: pid, householdId: id, visitedAt: new Date(Date.now() - 40 * DAY), channel: "DOOR", summary: "上门走访" },
      });
    }
  }
  // Moved out but not yet handed over.
  const handedOver = await db().household.findMany({
    where: { projectId: pid, handedOverAt: { not: null }, isExcluded: false },
    take: 3,
    select: { id: true },
  });
  expect(handedOver).toHaveLength(3);
  await db().household.updateMany({ where: { id: { in: handedOver.map((h) => h.id) } }, data: { handedOverAt: null } });
  await db().household.updateMany({ where: { id: { in: [unassigned1!.id, unassigned2!.id] } }, data: { signingGroupId: null } });
  // A household with a distinctive Chinese name and address to search for, and one with LIKE wildcards.
  await db().household.update({ where: { id: unsigned[7]!.id }, data: { headName: "欧阳春花", address: "示范区兴业路100%弄_1号" } });

  rows = await loadRows(pid);
  secretary = (await loadActor(db(), project.secretaryId))!;
  leader = (await loadActor(db(), project.signingGroups[0]!.leaderId))!;
  const memberUser = await seedUser(db(), { role: "STAFF" });
  await db().workingGroupMember.create({ data: { groupId: project.signingGroups[1]!.id, userId: memberUser.id, role: "MEMBER" } });
  const taskHouseholds = rows.filter((r) => r.signingGroupId === project.signingGroups[1]!.id).slice(0, 3);
  for (const h of taskHouseholds) {
    await db().task.create({
      data: { projectId: pid, householdId: h.id, assigneeId: memberUser.id, kind: "HOME_VISIT", dueDate: new Date() },
    });
  }
  member = (await loadActor(db(), memberUser.id))!;
  official = (await loadActor(db(), (await seedUser(db(), { role: "DISTRICT_OFFICIAL" })).id))!;
});

describe("listHouseholds: filters", () => {
  it("without a filter lists every household of the project, first page by code", async () => {
    const result = await listHouseholds(secretary, { projectId: project.project.id });
    expect(result.total).toBe(260);
    expect(result.query).toMatchObject({ sort: "code", dir: "asc", page: 1, size: 50 });
    expect(result.items.map((i) => i.code)).toEqual(sorted(rows.map((r) => r.code)).slice(0, 50));
    expect(result.pageCount).toBe(6);
  });

  it("each of the seven states matches householdState() exactly", async () => {
    const present = new Set(rows.map((r) => r.state));
    expect([...present].sort()).toEqual([...HOUSEHOLD_STATES].sort());
    for (const state of HOUSEHOLD_STATES) {
      const expected = sorted(rows.filter((r) => r.state === state).map((r) => r.code));
      expect(sorted(await allCodes(secretary, { state })), state).toEqual(expected);
    }
  });

  it("rows carry the state householdState() gives them", async () => {
    const byCode = new Map(rows.map((r) => [r.code, r]));
    const result = await listHouseholds(secretary, { projectId: project.project.id, size: "100", sort: "state", dir: "desc" });
    for (const item of result.items) expect(item.state).toBe(byCode.get(item.code)!.state);
  });

  it("filters by signing group and by unassigned", async () => {
    const group = project.signingGroups[2]!.id;
    expect(sorted(await allCodes(secretary, { group }))).toEqual(sorted(rows.filter((r) => r.signingGroupId === group).map((r) => r.code)));
    const unassigned = rows.filter((r) => r.signingGroupId === null).map((r) => r.code);
    expect(unassigned).toHaveLength(2);
    expect(sorted(await allCodes(secretary, { group: "none" }))).toEqual(sorted(unassigned));
  });

  it("filters by building, tenure, owner location, Party-member household and hardship", async () => {
    const building = rows[17]!.building;
    expect(sorted(await allCodes(secretary, { building }))).toEqual(sorted(rows.filter((r) => r.building === building).map((r) => r.code)));
    expect(sorted(await allCodes(secretary, { tenure: "PRIVATE_PROPERTY" }))).toEqual(
      sorted(rows.filter((r) => r.tenure === "PRIVATE_PROPERTY").map((r) => r.code)),
    );
    const away = rows.find((r) => r.ownerLocation !== "LOCAL")!.ownerLocation;
    expect(sorted(await allCodes(secretary, { owner: away }))).toEqual(
      sorted(rows.filter((r) => r.ownerLocation === away).map((r) => r.code)),
    );
    const party = rows.filter((r) => r.isPartyMemberHousehold).map((r) => r.code);
    expect(party.length).toBeGreaterThan(0);
    expect(sorted(await allCodes(secretary, { party: "1" }))).toEqual(sorted(party));
    const hardship = rows.filter((r) => r.hardship).map((r) => r.code);
    expect(hardship.length).toBeGreaterThan(0);
    expect(sorted(await allCodes(secretary, { hardship: "1" }))).toEqual(sorted(hardship));
  });

  it("filters households not visited in N days, never-visited ones included", async () => {
    const cutoff = Date.now() - 30 * DAY;
    const expected = rows.filter((r) => r.lastVisitAt === null || r.lastVisitAt.getTime() < cutoff).map((r) => r.code);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(rows.length);
    expect(sorted(await allCodes(secretary, { notVisitedDays: "30" }))).toEqual(sorted(expected));
  });

  it("combines filters (AND)", async () => {
    const group = project.signingGroups[0]!.id;
    const expected = rows
      .filter((r) => r.signingGroupId === group && r.state === "SIGNED" && r.tenure === "PUBLIC_LEASE")
      .map((r) => r.code);
    expect(sorted(await allCodes(secretary, { group, state: "SIGNED", tenure: "PUBLIC_LEASE" }))).toEqual(sorted(expected));
  });

  it("ignores values that do not parse instead of failing", async () => {
    const result = await listHouseholds(secretary, {
      projectId: project.project.id,
      state: "NONSENSE",
      page: "-3",
      size: "7",
      tenure: ["OTHER", "X"],
    });
    expect(result.query).toMatchObject({ state: undefined, page: 1, size: 50, tenure: "OTHER" });
    expect(result.total).toBe(rows.filter((r) => r.tenure === "OTHER").length);
  });
});

describe("listHouseholds: search", () => {
  it("finds a head of household by part of a Chinese name", async () => {
    expect(await allCodes(secretary, { q: "阳春" })).toEqual([rows.find((r) => r.headName === "欧阳春花")!.code]);
  });

  it("finds by part of the address and by code, case-insensitively", async () => {
    const someone = rows[33]!;
    const part = someone.address.slice(-6);
    expect(sorted(await allCodes(secretary, { q: part }))).toEqual(sorted(rows.filter((r) => r.address.includes(part)).map((r) => r.code)));
    expect(await allCodes(secretary, { q: someone.code.toLowerCase() })).toContain(someone.code);
  });

  it("treats % and _ as plain characters", async () => {
    expect(await allCodes(secretary, { q: "100%弄_1" })).toEqual([rows.find((r) => r.headName === "欧阳春花")!.code]);
    expect(await allCodes(secretary, { q: "%" })).toEqual([rows.find((r) => r.headName === "欧阳春花")!.code]);
  });

  it("says no match with an empty page", async () => {
    const result = await listHouseholds(secretary, { projectId: project.project.id, q: "无此人无此址" });
    expect(result).toMatchObject({ total: 0, items: [], pageCount: 1 });
  });
});

describe("listHouseholds: paging and sorting", () => {
  it("pages cover every household exactly once", async () => {
    const codes = await allCodes(secretary, { size: "25" });
    expect(codes).toEqual(sorted(rows.map((r) => r.code)));
  });

  it("a page past the end is empty", async () => {
    const result = await listHouseholds(secretary, { projectId: project.project.id, page: "99" });
    expect(result.items).toEqual([]);
    expect(result.total).toBe(260);
  });

  it("sorts by code descending, building and head of household", async () => {
    const desc = await listHouseholds(secretary, { projectId: project.project.id, sort: "code", dir: "desc", size: "25" });
    expect(desc.items.map((i) => i.code)).toEqual(
      sorted(rows.map((r) => r.code))
        .reverse()
        .slice(0, 25),
    );
    const byBuilding = await allCodes(secretary, { sort: "building" });
    const expectedBuilding = [...rows].sort((a, b) =>
      a.building < b.building ? -1 : a.building > b.building ? 1 : a.code < b.code ? -1 : 1,
    );
    expect(byBuilding).toEqual(expectedBuilding.map((r) => r.code));
    const byHead = await listHouseholds(secretary, { projectId: project.project.id, sort: "head", size: "100" });
    const heads = byHead.items.map((i) => i.headName);
    // Postgres collates names itself; the list must follow one consistent order across pages.
    const page2 = await listHouseholds(secretary, { projectId: project.project.id, sort: "head", size: "100", page: "2" });
    expect(new Set([...byHead.items, ...page2.items].map((i) => i.code)).size).toBe(200);
    expect(heads.length).toBe(100);
  });

  it("sorts by state in the order of progress, ties by code", async () => {
    const codes = await allCodes(secretary, { sort: "state" });
    const rank = new Map(rows.map((r) => [r.code, HOUSEHOLD_STATES.indexOf(r.state)]));
    const expected = [...rows].sort((a, b) => rank.get(a.code)! - rank.get(b.code)! || (a.code < b.code ? -1 : 1)).map((r) => r.code);
    expect(codes).toEqual(expected);
    const desc = await allCodes(secretary, { sort: "state", dir: "desc" });
    expect(desc.map((c) => rank.get(c))).toEqual([...codes.map((c) => rank.get(c))].sort((a, b) => b! - a!));
  });

  it("sorts by last visit: ascending puts never-visited first, descending last", async () => {
    const asc = await listHouseholds(secretary, { projectId: project.project.id, sort: "lastVisit", size: "100" });
    const never = rows.filter((r) => r.lastVisitAt === null).length;
    expect(never).toBeGreaterThan(0);
    expect(asc.items.slice(0, never).every((i) => i.lastVisitAt === null)).toBe(true);
    const times = asc.items.slice(never).map((i) => i.lastVisitAt!.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const desc = await allCodes(secretary, { sort: "lastVisit", dir: "desc" });
    const last = new Map(rows.map((r) => [r.code, r.lastVisitAt?.getTime() ?? -Infinity]));
    const values = desc.map((c) => last.get(c)!);
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });

  it("sorting by state or last visit still applies the filter and pages", async () => {
    const group = project.signingGroups[1]!.id;
    const codes = await allCodes(secretary, { sort: "state", group, size: "25" });
    expect(sorted(codes)).toEqual(sorted(rows.filter((r) => r.signingGroupId === group).map((r) => r.code)));
  });
});

describe("listHouseholds: scope", () => {
  const codesOf = (items: HouseholdListItem[]) => sorted(items.map((i) => i.code));

  it("a group leader sees the own group's households (and, like every member, those of own tasks)", async () => {
    const group = project.signingGroups[0]!.id;
    const ownTasks = new Set(
      (await db().task.findMany({ where: { assigneeId: leader.userId }, select: { householdId: true } })).map((t) => t.householdId),
    );
    const expected = rows.filter((r) => r.signingGroupId === group || ownTasks.has(r.id));
    expect(sorted(await allCodes(leader, {}))).toEqual(sorted(expected.map((r) => r.code)));
    // Asking for another group's households gives at most those of own tasks, not an error.
    const otherGroup = project.signingGroups[1]!.id;
    expect(sorted(await allCodes(leader, { group: otherGroup }))).toEqual(
      sorted(rows.filter((r) => r.signingGroupId === otherGroup && ownTasks.has(r.id)).map((r) => r.code)),
    );
  });

  it("a member sees only the households of their own tasks", async () => {
    const result = await listHouseholds(member, { projectId: project.project.id });
    const expected = await db().household.findMany({ where: { tasks: { some: { assigneeId: member.userId } } }, select: { code: true } });
    expect(codesOf(result.items)).toEqual(sorted(expected.map((h) => h.code)));
    expect(result.total).toBe(3);
  });

  it("a district official sees all; another project's secretary gets NOT_FOUND", async () => {
    expect((await listHouseholds(official, { projectId: project.project.id })).total).toBe(260);
    const otherSecretary = (await loadActor(db(), other.secretaryId))!;
    const error = await listHouseholds(otherSecretary, { projectId: project.project.id }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("NOT_FOUND");
  });

  it("an unknown or malformed project id is not found or invalid", async () => {
    await expect(listHouseholds(secretary, { projectId: "01234567-89ab-7def-8123-456789abcdef" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(listHouseholds(secretary, { projectId: "nope" })).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("filter options: the project's signing groups and the buildings in scope", async () => {
    const all = await getHouseholdListOptions(secretary, { projectId: project.project.id });
    expect(all.signingGroups.map((g) => g.id).sort()).toEqual(project.signingGroups.map((g) => g.id).sort());
    expect(all.buildings).toEqual([...new Set(rows.map((r) => r.building))].sort());
    const own = await getHouseholdListOptions(leader, { projectId: project.project.id });
    const group = project.signingGroups[0]!.id;
    const ownTasks = new Set(
      (await db().task.findMany({ where: { assigneeId: leader.userId }, select: { householdId: true } })).map((t) => t.householdId),
    );
    expect(own.buildings).toEqual(
      [...new Set(rows.filter((r) => r.signingGroupId === group || ownTasks.has(r.id)).map((r) => r.building))].sort(),
    );
  });
});
