// Authorisation matrix of the session use cases: every role × signing out everywhere. Anyone
// signed in may end their own sessions, and only their own: the matrix checks that every role's
// call ends its own open session and leaves everyone else's open.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { endAllSessions } from "@/lib/server/sessions/end-all-sessions";
import { isSessionOpen } from "@/lib/server/sessions/is-session-open";
import { startSession } from "@/lib/server/sessions/start-session";
import {
  createAuthorizationWorld,
  outcomeOf,
  ROLES,
  type AuthorizationWorld,
  type Outcome,
  type RoleName,
} from "../../support/authorization-world.ts";

let world: AuthorizationWorld;

beforeAll(async () => {
  world = await createAuthorizationWorld();
});

async function openSessionOf(role: RoleName) {
  const actor = world.actors[role];
  const user = await db().user.findUniqueOrThrow({ where: { id: actor.userId }, select: { passwordVersion: true } });
  const { sessionId } = await startSession(actor.userId);
  return { userId: actor.userId, sessionId, passwordVersion: user.passwordVersion, loginAt: Math.floor(Date.now() / 1000) };
}

describe("session authorisation matrix", () => {
  it("endAllSessions: every role ends its own sessions and no one else's", async () => {
    const sessions = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await openSessionOf(role)] as const)));
    const expected = Object.fromEntries(ROLES.map((role) => [role, "ok"])) as Record<RoleName, Outcome>;
    const actual = {} as Record<RoleName, Outcome>;
    for (const [index, role] of ROLES.entries()) {
      actual[role] = await outcomeOf(() => endAllSessions(world.actors[role], {}));
      for (const [other, otherIndex] of ROLES.map((r, i) => [r, i] as const)) {
        expect({ after: role, session: other, open: await isSessionOpen(sessions[other]!) }).toEqual({
          after: role,
          session: other,
          open: otherIndex > index,
        });
      }
    }
    expect(actual).toEqual(expected);
  });
});
